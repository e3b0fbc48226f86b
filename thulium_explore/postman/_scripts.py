"""The test script of each request (JavaScript for Postman's sandbox): status, schema, values for later calls.

Each request's script

1. checks the status is one the catalog documents for success (``200``, or ``200``/``204`` where the
   docs leave it open);
2. checks the answer against the documented schema of that status — a draft-07 copy (see
   ``_schema.py``) given to ``pm.response.to.have.jsonSchema`` with the catalog's own ``email`` and
   ``uuid`` rules — or, where the docs say the body is empty, that it is empty; a non-2xx answer is
   checked against Thulium's error object;
3. after a 2xx answer, stores the values the catalog's links carry (``x-thulium.links``: the
   conversation a start created, the ticket a create made…) in collection variables that later
   requests use instead of their documented example.
"""

from __future__ import annotations

import json
from typing import Any

from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._formats import _EMAIL  # the one e-mail rule, as a pattern for Ajv
from thulium_explore.catalog._model import Endpoint
from thulium_explore.postman._schema import draft07

#: what the catalog's uuid check accepts, as a pattern (the 8-4-4-4-12 hexadecimal form)
UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
EMAIL_PATTERN = f"^(?:{_EMAIL.pattern})$"

_PICK = (
    "function thuliumPick(body, pointer) {  // Link.values: a JSON Pointer, * = every array item\n"
    "  var nodes = [body];\n"
    "  pointer.split('/').slice(1).forEach(function (step) {\n"
    "    var next = [];\n"
    "    nodes.forEach(function (node) {\n"
    "      if (step === '*' && Array.isArray(node)) { next = next.concat(node); }\n"
    "      else if (node !== null && typeof node === 'object' && !Array.isArray(node) && step in node) "
    "{ next.push(node[step]); }\n"
    "    });\n"
    "    nodes = next;\n"
    "  });\n"
    "  return nodes.filter(function (v) { return v !== null && typeof v !== 'object'; });\n"
    "}"
)


def success_statuses(endpoint: Endpoint) -> list[int]:
    """The documented 2xx statuses (200 when none is written out)."""
    found = sorted(int(s) for s in endpoint.responses if s.isdigit() and 200 <= int(s) < 300)
    return found or [200]


def test_script(catalog: Catalog, endpoint: Endpoint, links: list[tuple[str, str, str]]) -> tuple[list[str], list[str]]:
    """The script's lines, and what the schemas hold that Ajv 6 cannot check (``status path: keyword``).

    ``links``: ``(JSON Pointer into the answer, variable name, how to write the value)`` where the
    last is ``json`` (a JSON literal, for bodies), ``path`` or ``query`` (percent-encoded).
    """
    schemas: dict[str, Any] = {}
    unchecked: list[str] = []
    for status, spec in endpoint.responses.items():
        if spec.body == "empty" or spec.schema_uri is None:
            schemas[status] = None
            continue
        copy = draft07(catalog, spec.schema_uri)
        schemas[status] = copy.schema
        unchecked += [f"{status} {note}" for note in copy.unchecked]
    expected = success_statuses(endpoint)
    shown = " or ".join(str(s) for s in expected)
    lines = [
        f"// thulium-explore: {endpoint.id} checked against the catalog (schemas: draft-07 copies for Ajv)",
        f"var expected = {json.dumps(expected)};",
        f"var schemas = {json.dumps(schemas, ensure_ascii=False, sort_keys=True)};",
        "var formats = {email: " + json.dumps(EMAIL_PATTERN) + ", uuid: " + json.dumps(UUID_PATTERN) + "};",
        f'pm.test("status is documented for success: {shown}", function () {{',
        "  pm.expect(pm.response.code).to.be.oneOf(expected);",
        "});",
        'pm.test("answer matches the documented schema", function () {',
        "  var code = String(pm.response.code);",
        "  var schema = code in schemas ? schemas[code] : schemas['default'];",
        "  if (schema === null) { pm.expect(pm.response.text().trim(), 'body should be empty').to.equal(''); return; }",
        "  pm.response.to.have.jsonSchema(schema, {formats: formats, unknownFormats: 'ignore'});",
        "});",
    ]
    if links:
        lines += [_PICK, "if (pm.response.code >= 200 && pm.response.code < 300) {", "  var body = pm.response.json();"]
        for pointer, variable, form in links:
            value = {
                "json": "JSON.stringify(v)",
                "path": "encodeURIComponent(String(v))",
                "query": "encodeURIComponent(String(v)).replace(/%20/g, '+')",
            }[form]
            lines += [
                f"  thuliumPick(body, {json.dumps(pointer)}).slice(0, 1).forEach(function (v) {{",
                f"    pm.collectionVariables.set({json.dumps(variable)}, {value});",
                "  });",
            ]
        lines.append("}")
    return lines, unchecked
