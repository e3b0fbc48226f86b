"""Parameters and request bodies of the OpenAPI export, laid out the way ``_params.to_wire`` sends them.

Query lists and objects travel PHP-style (``status_id[]=1``, ``custom_fields[Name][0]=v``), as the
docs show. OpenAPI's styles are chosen so that standard tools (Schemathesis, Prism, Swagger UI)
build exactly that query string from the document.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._model import Endpoint, Parameter
from thulium_explore.openapi._schemas import Schemas, is_array_schema

#: A key in ``name[key]=value`` cannot be empty or hold a bracket (``_wire._query.query_problem``).
KEY_PATTERN = r"^[^\[\]]+$"
#: A list's place in ``name[key][0]=value``: the indexes give the order (``_wire._query.decode_query``).
INDEX_PATTERN = r"^[0-9]+$"
# Array keywords with an object counterpart; any other array keyword cannot be said with an object.
_ARRAY_ONLY = frozenset({"type", "items", "minItems", "maxItems"})
_ANNOTATIONS = ("title", "description")
_SIZES = ("minLength", "maxLength")

_LISTS_IN_OBJECTS = (
    "Lists inside go as {name}[Name][0]=a&{name}[Name][1]=b, as the docs show. OpenAPI's deepObject style "
    "has no form for a list inside an object, so this document writes each list as an object keyed by position "
    '({{"Name": {{"0": "a", "1": "b"}}}} for the list ["a", "b"]): deepObject then sends exactly those brackets. '
    "thulium-explore's client takes a plain list."
)
_LISTS_NOT_SAID = (
    "Lists inside go as {name}[Name][0]=value, {name}[Name][1]=value (as the docs show). OpenAPI's deepObject "
    "style cannot describe lists inside an object, so a tool reading this document may send {name}[Name]=value "
    "instead; thulium-explore's client never does, and its sandbox refuses that (400)."
)


def parameter(endpoint: Endpoint, param: Parameter, schemas: Schemas) -> dict[str, Any]:
    """A path or query Parameter Object laid out the way ``_params.to_wire`` sends it."""
    schema = schemas.convert(param.schema, endpoint.uri, drop=("x-in",))
    example = param.example
    text = param.description
    if param.description_pl:
        text = f"{text}\n\n(PL) {param.description_pl}" if text else f"(PL) {param.description_pl}"
    out: dict[str, Any] = {"name": param.name, "in": param.location, "required": param.required}
    if text:
        out["description"] = text
    kind = schemas.json_types(param.schema, endpoint.uri)
    if param.location == "query" and kind == {"array"}:
        # Thulium's docs send lists PHP-style: status_id[]=1&status_id[]=2. OpenAPI has no style
        # for that, but form + explode repeats the parameter's *name* once per item, so naming the
        # parameter "status_id[]" reproduces exactly that query string (Swagger UI, Postman, Prism
        # and Schemathesis all serialise it this way).
        out.update(name=f"{param.name}[]", style="form", explode=True)
    elif param.location == "query" and kind == {"object"}:
        # Objects go as name[key]=value (deepObject), as _params.to_wire sends them.
        out.update(style="deepObject", explode=True)
        if _holds_lists(schema):
            indexed = _lists_as_indexed_objects(schema)
            note = (_LISTS_IN_OBJECTS if indexed is not None else _LISTS_NOT_SAID).format(name=param.name)
            out["description"] = f"{out['description']}\n\n{note}" if "description" in out else note
            if indexed is not None:
                schema, example = indexed, _indexed_value(example)
        if isinstance(schema, dict) and "propertyNames" not in schema and "$ref" not in schema:
            schema["propertyNames"] = {"pattern": KEY_PATTERN}
    out["schema"] = schema
    if example is not None:
        out["example"] = example
    out["x-provenance"] = param.provenance
    return out


def _holds_lists(schema: Mapping[str, Any]) -> bool:
    """True when an object schema's values (named or additional) are lists."""
    return any(is_array_schema(v) for v in _members(schema))


def _members(schema: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    values = [*schema.get("properties", {}).values(), schema.get("additionalProperties")]
    return [v for v in values if isinstance(v, Mapping)]


def _lists_as_indexed_objects(schema: dict[str, Any]) -> dict[str, Any] | None:
    """``{Name: [a, b]}`` described as ``{Name: {"0": a, "1": b}}``: what deepObject sends as
    ``name[Name][0]=a&name[Name][1]=b``. None when a list carries a rule an object cannot say."""
    out = dict(schema)
    if isinstance(schema.get("properties"), Mapping):
        out["properties"] = dict(schema["properties"])
        for key, sub in schema["properties"].items():
            if isinstance(sub, Mapping) and is_array_schema(sub):
                indexed = _indexed_list(sub)
                if indexed is None:
                    return None
                out["properties"][key] = indexed
    extra = schema.get("additionalProperties")
    if isinstance(extra, Mapping) and is_array_schema(extra):
        indexed = _indexed_list(extra)
        if indexed is None:
            return None
        out["additionalProperties"] = indexed
    if "examples" in out and isinstance(out["examples"], list):
        out["examples"] = [_indexed_value(v) for v in out["examples"]]
    return out


def _indexed_list(schema: Mapping[str, Any]) -> dict[str, Any] | None:
    """One list schema as an object keyed by position; None when it says more than items and sizes,
    or allows other types besides a list (a value sent as ``name[Name]=v`` is not a list)."""
    if schema.get("type") != "array":
        return None
    if any(not k.startswith("x-") and k not in _ARRAY_ONLY and k not in _ANNOTATIONS for k in schema):
        return None
    out: dict[str, Any] = {k: v for k, v in schema.items() if k in _ANNOTATIONS or k.startswith("x-")}
    out.update(type="object", propertyNames={"pattern": INDEX_PATTERN})
    out["additionalProperties"] = schema.get("items", {})
    out["minProperties"] = max(1, int(schema.get("minItems", 0)))  # an empty list sends nothing
    if "maxItems" in schema:
        out["maxProperties"] = schema["maxItems"]
    return out


def _indexed_value(value: Any) -> Any:
    """``{"Segment": ["VIP"]}`` → ``{"Segment": {"0": "VIP"}}`` (other values as they are)."""
    if not isinstance(value, Mapping):
        return value
    return {
        key: {str(i): item for i, item in enumerate(sub)} if isinstance(sub, list) else sub
        for key, sub in value.items()
    }


def request_body(endpoint: Endpoint, schemas: Schemas) -> dict[str, Any] | None:
    """The JSON body (body parameters only) or the raw octet-stream body; None when the body is empty."""
    in_body = [p for p in endpoint.parameters if p.location == "body"]
    if endpoint.request_body == "raw":
        described = in_body[0].description if in_body else ""
        raw: dict[str, Any] = {"type": "string", "format": "binary", "contentMediaType": "application/octet-stream"}
        raw.update({k: v for k, v in (in_body[0].schema if in_body else {}).items() if k in _SIZES})
        return {
            "description": described or "The file's bytes, as they are.",
            "required": _raw_body_required(schemas.catalog, endpoint, in_body),
            "content": {"application/octet-stream": {"schema": raw}},
        }
    if endpoint.request_body != "json":
        return None
    names = {p.name for p in in_body}
    schema = schemas.convert(endpoint.parameters_schema, endpoint.uri, drop=("examples",))
    schema["properties"] = {
        name: {k: v for k, v in sub.items() if k != "x-in"}
        for name, sub in schema.get("properties", {}).items()
        if name in names
    }
    required = [name for name in schema.get("required", []) if name in names]
    if required:
        schema["required"] = required
    else:
        schema.pop("required", None)
    examples = [
        {k: v for k, v in example.items() if k in names}
        for example in endpoint.parameters_schema.get("examples", [])
        if isinstance(example, Mapping)
    ]
    if examples:
        schema["examples"] = examples
    return {
        "required": _body_required(schemas.catalog, endpoint, names),
        "content": {"application/json": {"schema": schema}},
    }


def _raw_body_required(catalog: Catalog, endpoint: Endpoint, in_body: list[Parameter]) -> bool:
    """True when no body would be refused. On the wire no body and an empty one are the same (Content-Length:
    0), so a required parameter whose schema takes "" (no minLength) is still met by no body at all."""
    if not in_body:
        return True
    (param,) = in_body
    empty_ok = catalog.validator(f"{endpoint.parameters_uri}/properties/{param.name}").is_valid("")
    return param.required and not empty_ok


def _body_required(catalog: Catalog, endpoint: Endpoint, names: set[str]) -> bool:
    """True when no body at all would be refused: a required body field, or a rule like "phone_number
    or customer_id" (if/then, anyOf, minProperties) that an empty object breaks."""
    for error in catalog.validator(endpoint.parameters_uri).iter_errors({}):
        if error.validator != "required" or set(error.validator_value) & names:
            return True
    return False
