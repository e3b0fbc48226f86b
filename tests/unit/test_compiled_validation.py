"""The compiled validator (jsonschema-rs) behind ``Catalog.fast_check`` agrees with jsonschema.

``fast_check`` decides validity without importing jsonschema (start-up); jsonschema words failures.
What must hold: whatever the fast check passes, jsonschema passes (else a violation would go
unreported), the documented examples pass it (else every valid answer would import jsonschema), and
the formats are the catalog's own: the e-mail table and jsonschema's uuid rule give the same verdicts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thulium_explore import default_catalog
from thulium_explore.catalog._formats import FORMAT_CHECKER, FORMATS

CATALOG = default_catalog()
URIS = sorted(
    {
        uri
        for endpoint in CATALOG
        for uri in [endpoint.parameters_uri] + [s.schema_uri for s in endpoint.responses.values() if s.schema_uri]
    }
)
TABLE: dict[str, Any] = json.loads((Path(__file__).parents[1] / "data" / "formats" / "emails.json").read_text("utf-8"))
VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=False),
        st.sampled_from(["", "3", "007", "abc", "6ed7c941-2c8a-411e-95d2-338a9f64800a", "2014-10-24 10:30:44"]),
        st.sampled_from(["2014-10-24\n", "2014-07-08 08:05", "123:33:44", "jan.kowalski@example.org", "a@b"]),
        st.text(max_size=8),
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _examples(uri: str) -> list[Any]:
    schema = CATALOG.resolve(uri).contents
    return list(schema.get("examples", [])) if isinstance(schema, dict) else []


def _mutate(value: Any, data: st.DataObject, depth: int = 0) -> Any:
    """The example with some keys replaced, dropped or added, at the top and one level down."""
    if isinstance(value, dict) and value:
        keys = [*value, "undocumented"]
        out = dict(value)
        for key in data.draw(st.lists(st.sampled_from(keys), max_size=3)):
            choice = data.draw(st.integers(0, 2))
            if choice == 0:
                out.pop(key, None)
            elif choice == 1 or depth > 0:
                out[key] = data.draw(VALUES)
            else:
                out[key] = _mutate(out.get(key), data, depth + 1)
        return out
    if isinstance(value, list) and value:
        return [_mutate(value[0], data, depth + 1), *value[1:]]
    return data.draw(VALUES)


@pytest.mark.parametrize("uri", URIS)
def test_documented_examples_pass_without_jsonschema(uri: str) -> None:
    validator = CATALOG.validator(uri)
    for example in _examples(uri):
        assert CATALOG.fast_check(uri)(example) is validator.is_valid(example), (uri, example)


@pytest.mark.parametrize("uri", URIS)
@settings(max_examples=20, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_compiled_pass_implies_jsonschema_pass(uri: str, data: st.DataObject) -> None:
    examples = _examples(uri) or [{}]
    instance = _mutate(examples[data.draw(st.integers(0, len(examples) - 1))], data)
    if CATALOG.fast_check(uri)(instance):
        assert CATALOG.validator(uri).is_valid(instance), (uri, instance)


def _uri_with_format(fmt: str) -> tuple[str, str]:
    """A parameter object (uri, parameter name) with a top-level parameter of ``format: fmt``."""
    for endpoint in CATALOG:
        for parameter in endpoint.parameters:
            if parameter.schema.get("format") == fmt and parameter.location != "path":
                return endpoint.parameters_uri, parameter.name
    pytest.skip(f"no catalog parameter has format {fmt}")


@pytest.mark.parametrize("case", TABLE["whole_values"], ids=lambda c: repr(c["value"]))
def test_email_format_is_the_one_rule_in_the_compiled_validator(case: dict[str, Any]) -> None:
    uri, name = _uri_with_format("email")
    base = CATALOG.resolve(uri).contents.get("examples", [{}])[0]
    instance = {**base, name: case["value"]}
    assert CATALOG.validator(uri).is_valid(instance) is case["email"]
    assert CATALOG.fast_check(uri)(instance) is case["email"]


@pytest.mark.parametrize(
    "value",
    [
        "6ed7c941-2c8a-411e-95d2-338a9f64800a",
        "6ED7C941-2C8A-411E-95D2-338A9F64800A",
        "6ed7c9412c8a411e95d2338a9f64800a",  # no hyphens: uuid.UUID reads it, jsonschema's rule refuses it
        "{6ed7c941-2c8a-411e-95d2-338a9f64800a}",
        "urn:uuid:6ed7c941-2c8a-411e-95d2-338a9f64800a",
        "6ed7c941-2c8a-411e-95d2-338a9f64800",
        "zzzzzzzz-2c8a-411e-95d2-338a9f64800a",
    ],
)
def test_uuid_format_is_jsonschemas_rule(value: str) -> None:
    from jsonschema import FormatChecker

    expected = FormatChecker(formats=("uuid",)).conforms(value, "uuid")  # jsonschema's own uuid checker
    assert FORMATS["uuid"](value) is expected
    assert FORMAT_CHECKER.conforms(value, "uuid") is expected
    for endpoint in CATALOG:
        for status, spec in endpoint.responses.items():
            example = _examples(spec.schema_uri)[:1] if spec.schema_uri and status.startswith("2") else []
            if example and isinstance(example[0], dict) and "conversation_id" in example[0]:
                instance = {**example[0], "conversation_id": value}
                assert CATALOG.fast_check(spec.schema_uri)(instance) is expected  # type: ignore[arg-type]
                return
    pytest.skip("no 2xx answer documents a conversation_id")


def test_the_three_commands_do_not_import_jsonschema() -> None:
    """verify of a conforming cassette, scan and endpoints decide without jsonschema (its import is ~1.7 s)."""
    code = (
        "import sys\n"
        "from thulium_explore.cli import main\n"
        "assert main(['endpoints']) == 0\n"
        "assert main(['verify', 'cassettes/chat_conversations.start.documented_example.yaml']) == 0\n"
        "assert main(['scan', 'cassettes/chat_conversations.start.documented_example.yaml']) == 0\n"
        "print(sorted(m for m in ('jsonschema', 'rfc3987_syntax', 'lark') if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
