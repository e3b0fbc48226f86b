"""HTTP details shared by every product (private): parameters on the wire, the query codec,
body decoding (headers, charset, gzip/deflate, BOM) and JSON paths. One home for each idea."""
