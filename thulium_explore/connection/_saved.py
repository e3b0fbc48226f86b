"""Saved calls: a call built in a form (or in code) kept in a recipe file that ``thulium-explore record`` runs.

``save_call("recipes/mine.yaml", "start-jan", "chat_conversations.start", {"chat_queue_id": 3})`` adds
a cassette named ``start-jan`` holding that one call to the recipe (the file is created when
missing), in the format of :mod:`thulium_explore.connection._recipes`; ``thulium-explore record
recipes/mine.yaml`` then records exactly those calls (a seeded sandbox, or the tenant when
``THULIUM_*`` is set) and ``thulium-explore verify`` checks the cassettes. ``append=True`` adds the
call to the saved cassette of that name instead (it must be the file's last one), so a chain is
recorded in one cassette: a value of an earlier answer is written ``${field}``
(``{"id": "${conversation_id}"}`` after a start; :attr:`Suggestion.placeholder` gives it).

What is never saved, and what is saved only when asked:

* **credentials**: a recipe has no place for them; a parameter marked ``x-sensitive: secret`` (a
  password) is refused, whatever ``include_personal`` says;
* **personal data**: a parameter (or a nested field) marked ``x-sensitive`` — names, e-mails, phone
  numbers, logins, free text — and anything the schema does not describe (a custom field's value)
  is refused with a one-line error naming it, unless ``include_personal=True``. Nothing is replaced
  silently: what is saved is what the form showed. A file saved without personal data passes
  ``thulium-explore scan``; one saved with it is flagged there like any other.

The parameters are checked against the schema (those holding a ``${…}`` when recorded), the whole
recipe is checked again as ``record`` will read it, and the file is written atomically (the old
one stays if anything fails). A name already saved (compared ignoring case: names become file
names) is an error unless ``append=True``.

>>> save_call(path, "start-jan", "chat_conversations.start", {"chat_queue_id": 3})  # doctest: +SKIP
>>> load_call(path, "start-jan")  # doctest: +SKIP
('chat_conversations.start', {'chat_queue_id': 3})
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thulium_explore._errors import ConfigError
from thulium_explore._files import write_atomic
from thulium_explore.catalog._catalog import Catalog, default_catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.catalog._walk import deref
from thulium_explore.connection._recipes import _check_endpoint_call, _check_name, _placeholders, parse_recipe

HEADER = (
    "# Saved calls (thulium_explore save_call). Record them with:\n"
    "#   thulium-explore record {path} --out cassettes\n"
    "# then check the cassettes with: thulium-explore verify cassettes/\n"
)


@dataclass(frozen=True)
class SavedCall:
    """One saved cassette of a recipe: its name and its calls as ``(endpoint_id, params)`` pairs."""

    name: str
    calls: tuple[tuple[str, dict[str, Any]], ...]
    description: str = ""

    @property
    def endpoint_id(self) -> str:
        """The first call's endpoint."""
        return self.calls[0][0]


def save_call(
    path: str | os.PathLike[str],
    name: str,
    endpoint_id: str,
    params: Mapping[str, Any],
    *,
    include_personal: bool = False,
    append: bool = False,
    expect: int | None = None,
    description: str | None = None,
    catalog: Catalog | None = None,
) -> None:
    """Add the call to the recipe at ``path`` as the cassette ``name`` (see the module docstring)."""
    catalog = catalog or default_catalog()
    target = Path(path)
    where = f"{target}: {name!r}"
    if not isinstance(name, str) or not name:
        raise ConfigError(f"{target}: name: must be a non-empty text (example: name='start-jan')")
    try:
        endpoint = catalog[endpoint_id]
    except Exception as exc:
        raise ConfigError(f"{where}: {exc}") from None
    sent = {k: v for k, v in dict(params).items() if v is not None}
    _check_json(where, sent)
    _check_personal(where, catalog, endpoint, sent, include_personal)
    call: dict[str, Any] = {"endpoint": endpoint.id, "params": sent}
    if expect is not None:
        call["expect"] = expect
    _check_endpoint_call(where, call, catalog)  # the schema judges what will be sent (not ${…} values)
    old = _read(target)
    cassettes = parse_recipe(str(target), old.encode("utf-8"), catalog) if old is not None else []
    at = next((i for i, c in enumerate(cassettes) if str(c["name"]).casefold() == name.casefold()), None)
    if append and at is None:
        raise ConfigError(f"{where}: append=True adds to a saved cassette, and none is named so; save it first")
    if at is not None and not append:
        raise ConfigError(
            f"{where}: is already saved in {target} (names are file names, compared ignoring case); "
            "choose another name, or pass append=True to add this call after it"
        )
    if append:
        assert at is not None
        if at != len(cassettes) - 1:
            raise ConfigError(f"{where}: only the file's last saved cassette can be added to; save under a new name")
        text = _append_call(target, old or "", call)
        expected = [*cassettes[:-1], {**cassettes[-1], "calls": [*cassettes[-1]["calls"], call]}]
    else:
        _check_name(f"{target}: name", name, {})
        entry: dict[str, Any] = {"name": name}
        if description:
            entry["description"] = description
        entry["calls"] = [call]
        text = _append_cassette(target, old, entry)
        expected = [*cassettes, entry]
    if parse_recipe(str(target), text.encode("utf-8"), catalog) != expected:  # as record will read it
        raise ConfigError(
            f"{where}: cannot add to {target} without rewriting it (its cassettes list is not written as "
            "the file's last block); save into a new file"
        )
    write_atomic(target, text)


def load_call(
    path: str | os.PathLike[str], name: str, *, index: int = 0, catalog: Catalog | None = None
) -> tuple[str, dict[str, Any]]:
    """The saved call ``name`` of the recipe at ``path`` (``index``: which of its calls): ``(endpoint_id, params)``."""
    for saved in saved_calls(path, catalog=catalog):
        if saved.name.casefold() == name.casefold():
            if not -len(saved.calls) <= index < len(saved.calls):
                raise ConfigError(f"{path}: {name!r} holds {len(saved.calls)} call(s); index {index} is not one")
            endpoint_id, params = saved.calls[index]
            return endpoint_id, dict(params)
    names = ", ".join(s.name for s in saved_calls(path, catalog=catalog)[:10]) or "none"
    raise ConfigError(f"{path}: no saved call named {name!r} (saved: {names})")


def saved_calls(path: str | os.PathLike[str], *, catalog: Catalog | None = None) -> list[SavedCall]:
    """Every cassette of the recipe at ``path`` whose calls are all endpoint calls (a "Saved" picker's list)."""
    target = Path(path)
    text = _read(target)
    if text is None:
        raise ConfigError(f"{target}: no such recipe file (save a call first: save_call({str(target)!r}, name, …))")
    found = []
    for cassette in parse_recipe(str(target), text.encode("utf-8"), catalog):
        calls = cassette["calls"]
        if all("endpoint" in c for c in calls):
            pairs = tuple((str(c["endpoint"]), dict(c.get("params") or {})) for c in calls)
            found.append(SavedCall(str(cassette["name"]), pairs, str(cassette.get("description") or "")))
    return found


# -- what may be saved ----------------------------------------------------------------------------


def _check_json(where: str, value: Any, at: str = "") -> None:
    """Only JSON values (a recipe is YAML that record sends as JSON or a query)."""
    if isinstance(value, dict):
        for key, sub in value.items():
            _check_json(where, sub, f"{at}.{key}" if at else str(key))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            _check_json(where, sub, f"{at}[{i}]")
    elif not isinstance(value, str | int | float | bool) and value is not None:
        raise ConfigError(
            f"{where}: {at}: a {type(value).__name__} cannot be saved in a recipe, only JSON values "
            "(example: text='Hello')"
        )


def _check_personal(
    where: str, catalog: Catalog, endpoint: Endpoint, params: Mapping[str, Any], include_personal: bool
) -> None:
    resolver = catalog.resolve(endpoint.parameters_uri).resolver
    for name, value in params.items():
        param = endpoint.parameter(name)
        kind, field = _personal(param.schema if param else None, resolver, value, name)
        if kind == "secret":
            raise ConfigError(
                f"{where}: {field}: is a secret (x-sensitive: secret) and is never saved; leave it out "
                "and set it on the tenant another way"
            )
        if kind is not None and not include_personal:
            why = f"is personal data (x-sensitive: {kind})"
            if kind == "undescribed":
                why = "is not described by the schema, so it counts as personal data"
            raise ConfigError(
                f"{where}: {field}: {why}; leave it out, or save it on purpose with include_personal=True "
                "(then keep the file out of git: thulium-explore scan flags it)"
            )


def _personal(schema: Any, resolver: Any, value: Any, at: str) -> tuple[str | None, str]:
    """(the first personal kind found in ``value`` — ``secret`` first —, the field's path), or (None, '')."""
    if value is None or value == "" or (isinstance(value, str) and _placeholders(value) and _only_placeholder(value)):
        return None, ""
    if schema is None:
        return "undescribed", at
    schema, resolver = deref(schema, resolver)
    if not isinstance(schema, Mapping):
        return "undescribed", at
    if schema.get("x-sensitive"):
        return str(schema["x-sensitive"]), at
    found: tuple[str | None, str] = (None, "")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key, sub in value.items():
            kind, field = _personal(props.get(key), resolver, sub, f"{at}.{key}")
            if kind == "secret":
                return kind, field
            found = found if found[0] else (kind, field)
    elif isinstance(value, list):
        items = schema.get("items")
        for i, sub in enumerate(value):
            kind, field = _personal(items if isinstance(items, Mapping) else None, resolver, sub, f"{at}[{i}]")
            if kind == "secret":
                return kind, field
            found = found if found[0] else (kind, field)
    return found


def _only_placeholder(value: str) -> bool:
    return value.strip().startswith("${") and value.strip().endswith("}") and value.count("${") == 1


# -- writing without rewriting what is there ------------------------------------------------------


def _read(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the recipe ({getattr(exc, 'strerror', None) or exc})") from None


def _dump(value: Any, indent: int) -> str:
    import yaml  # loaded on first save, not with every command's start-up

    text = yaml.safe_dump([value], allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    return "".join((" " * indent + line) if line.strip() else line for line in text.splitlines(True))


def _append_cassette(path: Path, old: str | None, entry: Mapping[str, Any]) -> str:
    if old is None or not old.strip():
        return HEADER.format(path=path.as_posix()) + "cassettes:\n" + _dump(dict(entry), 2)
    column = _sequence_column(old, ["cassettes"])
    return _ended(old) + _dump(dict(entry), column)


def _append_call(path: Path, old: str, call: Mapping[str, Any]) -> str:
    column = _sequence_column(old, ["cassettes", -1, "calls"])
    return _ended(old) + _dump(dict(call), column)


def _ended(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def _sequence_column(text: str, steps: list[str | int]) -> int:
    """The column of the ``- `` items of the block sequence at ``steps`` (0 when it is not one: the check fails)."""
    import yaml  # loaded on first save, not with every command's start-up

    node: Any = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    for step in steps:
        if isinstance(step, int) and isinstance(node, yaml.SequenceNode):
            node = node.value[step]
        elif isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if getattr(k, "value", None) == step), None)
        else:
            return 0
    if not isinstance(node, yaml.SequenceNode) or node.flow_style:
        return 0
    return int(node.start_mark.column)
