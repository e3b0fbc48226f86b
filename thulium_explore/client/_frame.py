"""List items as a pandas DataFrame, with the documented columns typed.

One row per item. Columns: every field the item schema documents, in schema order (present even
when no item carries it, so a frame's columns do not depend on the page), then the fields no
schema documents, in the order they first appear (kept as received, ``object``). The documented
columns are typed from the schema (:class:`thulium_explore.catalog._lists.ItemField`):

========== ===================================================================================
integer    ids and counts (numbers or digit strings): ``int64``, or nullable ``Int64`` when the
           schema allows null/empty or an item lacks the value
number     ``float64``
boolean    nullable ``boolean``
date       ``datetime64[ns]`` parsed from the documented formats (``2014-07-08 08:05``,
           ``2014-10-24 10:30:44``, ``2017-12-11 10:23:04.318``); no time zone is documented, so
           none is attached (Europe/Warsaw local time in practice, inferred). A value that does
           not match the schema's pattern (a contract problem) becomes ``NaT``.
duration   ``timedelta64[ns]`` from ``H:MM:SS`` (hours may exceed 24)
string     pandas' ``string`` dtype
other      as received (``object``): nested objects and arrays stay Python values
========== ===================================================================================

pandas is optional (``pip install 'thulium-explore[data]'``) and imported only here, on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

from thulium_explore._errors import MissingDependencyError
from thulium_explore.catalog._lists import ItemField, ListShape

INSTALL_DATA = "pip install 'thulium-explore[data]'"
#: ``pandas.DataFrame`` (pandas ships no type hints without pandas-stubs, which is not a dependency)
DataFrame = Any


def require_pandas(what: str = "to_dataframe()") -> Any:
    """The pandas module, or a one-line :class:`MissingDependencyError` saying how to install it."""
    try:
        return importlib.import_module("pandas")  # optional: loaded on first use, not at import
    except ImportError:
        raise MissingDependencyError(f"{what} needs pandas, which is not installed: {INSTALL_DATA}") from None


def items_dataframe(shape: ListShape | None, items: Sequence[Any]) -> DataFrame:
    """The DataFrame of ``items`` (see the module docstring for the columns and their types)."""
    pd = require_pandas()
    fields = shape.fields if shape is not None else ()
    documented = {f.name for f in fields}
    rows = [item if isinstance(item, dict) else {"value": item} for item in items]
    extra: dict[str, None] = {}
    for row in rows:
        if len(row) > len(documented) or not documented.issuperset(row):
            for key in row:
                if key not in documented:
                    extra.setdefault(key, None)
    data: dict[str, Any] = {}
    for spec in fields:
        data[spec.name] = _typed(pd, spec, [row.get(spec.name) for row in rows], len(rows))
    for name in extra:
        data[name] = pd.Series([row.get(name) for row in rows], dtype=object)
    return pd.DataFrame(data, index=pd.RangeIndex(len(rows)))


def _typed(pd: Any, spec: ItemField, values: list[Any], size: int) -> Any:
    """One documented column as a typed Series (values that do not fit the type become missing)."""
    kind = spec.kind
    if kind == "integer":
        numbers = pd.to_numeric(pd.Series(values, dtype=object).replace("", None), errors="coerce")
        if spec.nullable or numbers.isna().any():
            return numbers.astype("Int64")
        return numbers.astype("int64")
    if kind == "number":
        return pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").astype("float64")
    if kind == "boolean":
        return pd.Series([v if isinstance(v, bool) else None for v in values], dtype="boolean")
    if kind == "date":
        return _dates(pd, spec, values)
    if kind == "duration":
        texts = pd.Series([v if isinstance(v, str) else None for v in values], dtype=object)
        if spec.pattern:
            texts = texts.where(texts.str.fullmatch(spec.pattern).fillna(False).astype(bool), None)
        return pd.to_timedelta(texts, errors="coerce").astype("timedelta64[ns]")
    if kind == "string":
        return pd.Series([v if isinstance(v, str) or v is None else str(v) for v in values], dtype="string")
    return pd.Series(values, dtype=object)


def _dates(pd: Any, spec: ItemField, values: list[Any]) -> Any:
    """Dates in the documented formats: values the schema's pattern refuses (and "") become NaT."""
    texts = pd.Series([v if isinstance(v, str) and v else None for v in values], dtype=object)
    if spec.pattern:
        fits = texts.str.fullmatch(spec.pattern)
        texts = texts.where(fits.fillna(False).astype(bool), None)
    # the documented formats are ISO 8601 with a blank for the T, without a zone: pandas' ISO parser reads them
    return pd.to_datetime(texts, format="ISO8601", errors="coerce").astype("datetime64[ns]")
