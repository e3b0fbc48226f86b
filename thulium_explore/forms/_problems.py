"""The problems of a form's values: each field's own (text that is no number, a comma in an e-mail list)
first, then the catalog validator's, each tied to the deepest field its JSON path names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from thulium_explore._wire import _params
from thulium_explore._wire._jsonpath import field_path
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.forms._spec import example_text
from thulium_explore.forms._types import FieldLike

Problem = tuple[FieldLike | None, str, str]  # (field or None, JSON path, message)


def form_problems(
    catalog: Catalog,
    endpoint: Endpoint,
    fields: Sequence[FieldLike],
    by_path: Mapping[tuple[str, ...], FieldLike],
    values: Mapping[str, Any],
) -> list[Problem]:
    """(field, JSON path, message): local problems first, then the catalog validator's (one per path)."""
    found: dict[str, Problem] = {}
    for f in fields:
        local = f.problem()
        if local:
            found[f.spec.json_path] = (f, f.spec.json_path, local)
    for problem in _params.check(catalog, endpoint, dict(values)):
        parts = tuple(problem.field.split(".")) if problem.field != "(parameters)" else ()
        field = field_for(by_path, parts)
        path = field_path(problem.field)
        if field is not None and field.spec.json_path in found:
            continue
        message = problem.message
        if problem.example is not None and len(parts) == 1:
            message += f" (example: {example_text(problem.example)})"
        found.setdefault(path, (field, path, message))
    return list(found.values())


def field_for(by_path: Mapping[tuple[str, ...], FieldLike], parts: tuple[str, ...]) -> FieldLike | None:
    """The deepest field whose path is a prefix of ``parts``."""
    for cut in range(len(parts), 0, -1):
        field = by_path.get(parts[:cut])
        if field is not None:
            return field
    return None
