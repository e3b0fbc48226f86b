"""What the two fill buttons put in a form.

**Fill documented example** fills exactly the endpoint's documented request example: the first of
``examples`` on ``$defs/parameters`` in ``schemas/endpoints/<id>.json`` (the request the schema
cases call "the documented example request"). An endpoint without one gets nothing: the button is
disabled and says so. Nothing is invented.

**Fill every field with sample values** fills the documented request example plus every other field's
own documented example (``examples``, never a ``default``), with one rule, at every depth:

* a parameter named ``id`` or ending in ``_id`` or ``_ids`` is an id of an existing object (a CRM
  customer, a company, a queue…) and is left empty unless the documented request example fills it
  (or ``ids=True``);
* a boolean parameter (``vip``, ``fill_read_only_custom_fields``…) is a flag and is left empty unless
  the documented request example fills it (or ``flags=True``).

>>> from thulium_explore import default_catalog
>>> documented_request(default_catalog()["chat_conversations.start"])
{'chat_queue_id': 3, 'client_id': '1234'}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from thulium_explore.catalog._model import Endpoint
from thulium_explore.forms._spec import UNSET, FieldSpec

NO_EXAMPLE = "The documentation gives no example request for this endpoint: fill the fields yourself"
SAMPLES_TOOLTIP = (
    "The documented request example plus every other field's own example; ids of existing "
    "objects (id, *_id) and boolean flags stay empty"
)


def documented_request(endpoint: Endpoint) -> dict[str, Any] | None:
    """The endpoint's documented request example, or None when its schema documents none."""
    examples = endpoint.parameters_schema.get("examples")
    if isinstance(examples, list) and examples and isinstance(examples[0], Mapping):
        return dict(examples[0])
    return None


def is_object_id(spec: FieldSpec) -> bool:
    """``id``, ``customer_id``, ``status_ids``: the id of something that must already exist."""
    return spec.name == "id" or spec.name.endswith(("_id", "_ids"))


def is_flag(spec: FieldSpec) -> bool:
    return spec.types == ("boolean",)


def sample_values(
    specs: Sequence[FieldSpec], documented: Mapping[str, Any] | None, *, ids: bool = False, flags: bool = False
) -> dict[str, Any]:
    """The documented request example plus each other field's sample (see the module docstring)."""
    values = dict(documented or {})
    for spec in specs:
        if spec.name not in values:
            value = _sample(spec, ids=ids, flags=flags)
            if value is not UNSET:
                values[spec.name] = value
    return values


def _sample(spec: FieldSpec, *, ids: bool, flags: bool) -> Any:
    if (is_object_id(spec) and not ids) or (is_flag(spec) and not flags):
        return UNSET
    examples = spec.schema.get("examples")
    if isinstance(examples, list) and examples:
        return examples[0]
    if spec.children:
        parts = {c.name: v for c in spec.children if (v := _sample(c, ids=ids, flags=flags)) is not UNSET}
        return parts or UNSET
    return UNSET
