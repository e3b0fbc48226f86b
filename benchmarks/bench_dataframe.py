"""``to_dataframe()`` of 10,000 items vs ``pandas.json_normalize`` of the same items.

The items are the sandbox's ``tickets.list`` corpus (the documented example varied: ids, dates),
10,000 of them, as a page answer. ``json_normalize`` is the usual one-liner (untyped: ids and dates
stay as received); ``to_dataframe()`` also types every documented column from the schema (integer
ids, dates parsed from the documented formats, nullable integers, pandas strings) and orders the
columns by the schema. Calls alternate side by side; the ratio is the median of per-round ratios.
"""

from __future__ import annotations

import json
from typing import Any

from benchmarks._report import Missing, Ratio, Result
from benchmarks._timing import interleaved, ratio, ratio_of_medians

NAME = "dataframe"
TITLE = "to_dataframe() of 10,000 items vs pandas.json_normalize"
TARGET = 2.0


def run(quick: bool = False) -> Result:
    try:
        import pandas as pd
    except ImportError:
        raise Missing("pandas is not installed (pip install 'thulium-explore[data]')") from None
    from thulium_explore import CallResult, SentRequest, check_response, default_catalog
    from thulium_explore._wire._params import to_wire
    from thulium_explore.sandbox._lists import corpus

    size = 1000 if quick else 10_000
    rounds = 4 if quick else 20
    catalog = default_catalog()
    endpoint = catalog["tickets.list"]
    items = corpus(catalog, endpoint, size)
    body = {"count": size, "result": items}
    raw = json.dumps(body).encode()
    wire = to_wire(endpoint, {})
    sent = SentRequest("GET", "http://127.0.0.1:1/api/tickets", {}, None, wire)
    verdict = check_response(catalog, endpoint, 200, raw, parsed=body)
    result = CallResult("tickets.list", {}, 200, {}, "", body, 0.0, sent, verdict, catalog=catalog)

    def toolkit() -> Any:
        return result.to_dataframe()

    def normalize() -> Any:
        return pd.json_normalize(items, max_level=0)

    frame = toolkit()
    if len(frame) != size or str(frame["created_at"].dtype) != "datetime64[ns]":
        raise RuntimeError("to_dataframe did not build the typed frame being measured")
    stats = interleaved({"json_normalize": normalize, "toolkit": toolkit}, rounds=rounds, warmup=1)
    value = ratio(stats["toolkit"], stats["json_normalize"])
    return Result(
        NAME,
        TITLE,
        ratios=[Ratio("to_dataframe ÷ json_normalize", value, TARGET, "<=", judged=not quick)],
        absolute={
            "items": size,
            "json_normalize_ms": stats["json_normalize"].as_dict(1e3, "ms"),
            "toolkit_ms": stats["toolkit"].as_dict(1e3, "ms"),
            "ratio_of_medians": round(ratio_of_medians(stats["toolkit"], stats["json_normalize"]), 4),
        },
    )
