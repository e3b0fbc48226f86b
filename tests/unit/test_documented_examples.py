"""The documentation itself is a test corpus: every documented example request and example response
in the two facts files is checked against the catalog.

tests/data/documented_examples.json holds the examples, drawn from the facts files by
tests/data/documented_examples.py (each with the line its bullet starts on). An example passes, or
its endpoint's schema lists it under ``x-thulium.doc_example_exceptions`` with the reason (a typo in
the page's JSON, a placeholder left in the URL) — and then it must really fail. Examples the facts
file itself shortened with "…" cannot be checked; they are listed, not skipped silently.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from thulium_explore import check_response, default_catalog
from thulium_explore._wire._params import check
from thulium_explore.catalog import Catalog, Endpoint
from thulium_explore.sandbox._app import decode_params

DATA = Path(__file__).parents[1] / "data"
CORPUS_FILE = DATA / "documented_examples.json"
CORPUS: dict[str, Any] = json.loads(CORPUS_FILE.read_text(encoding="utf-8"))
FACTS_DIR = Path(os.environ.get("THULIUM_FACTS_DIR", "/work/shared/reference"))
ERROR_URI = "https://thulium-explore.example/schemas/common/error.json"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("documented_examples", DATA / "documented_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def find(catalog: Catalog, ref: dict[str, str]) -> Endpoint | None:
    """The catalog endpoint an example belongs to (by id, or by method and path template)."""
    if "id" in ref:
        return catalog[ref["id"]] if ref["id"] in catalog else None  # noqa: SIM401 - a Catalog has no get()
    return next((e for e in catalog if (e.method, e.path) == (ref["method"], ref["path"])), None)


def _label(example: dict[str, Any]) -> str:
    """``endpoint id:kind:facts file:line`` (method and path where the catalog has no such endpoint yet)."""
    ref = example["endpoint"] or {"id": "error"}
    endpoint = find(default_catalog(), ref) if "method" in ref else None
    name = endpoint.id if endpoint else ref.get("id") or f"{ref['method']} {ref['path']}"
    return f"{name}:{example['kind']}:{example['id']}"


def _in_catalog(example: dict[str, Any]) -> bool:
    return example["kind"] == "error" or find(default_catalog(), example["endpoint"]) is not None


CHECKABLE = [
    pytest.param(e, id=_label(e))
    for e in CORPUS["examples"]
    if _in_catalog(e) and (e.get("empty") or e.get("json") or e.get("url"))
]


def _exceptions(endpoint: Endpoint) -> dict[tuple[str, str], dict[str, Any]]:
    listed = endpoint.document["x-thulium"].get("doc_example_exceptions", [])
    return {(x["example"], x["kind"]): x for x in listed}


# --- the corpus ----------------------------------------------------------------------------------


def test_the_corpus_is_what_the_facts_files_say() -> None:
    generator = _generator()
    if not all((FACTS_DIR / name).is_file() for name in generator.FILES):
        pytest.skip(f"the facts files are not in {FACTS_DIR} (set THULIUM_FACTS_DIR); the committed corpus is used")
    assert generator.render(generator.extract(FACTS_DIR)) == CORPUS_FILE.read_text(encoding="utf-8"), (
        "re-run python tests/data/documented_examples.py"
    )


def test_the_corpus_holds_the_examples_of_both_files() -> None:
    by_file = {name: [e for e in CORPUS["examples"] if e["id"].startswith(name + ":")] for name in CORPUS["sources"]}
    assert len(by_file["thulium-api-facts.md"]) >= 15
    assert len(by_file["thulium-api-facts-more.md"]) >= 50
    kinds = {e["kind"] for e in CORPUS["examples"]}
    assert kinds == {"request", "response", "error"}
    # spot checks that the reader attaches examples to the right endpoint
    ids = {(e["id"], e["kind"]) for e in CORPUS["examples"]}
    assert ("thulium-api-facts.md:50", "request") in ids  # the seed's documented example request
    assert ("thulium-api-facts-more.md:173", "response") in ids  # agents.get's example (2(c) item 2)
    assert ("thulium-api-facts-more.md:513", "response") in ids  # the webhook list


def test_only_the_facts_files_abridgements_go_unchecked() -> None:
    """An example that is not JSON is either shortened by the facts file ("…") or excused by its schema."""
    unchecked = []
    for example in CORPUS["examples"]:
        if example.get("json") or example.get("empty") or (example["kind"] == "request" and "text" not in example):
            continue
        endpoint = find(default_catalog(), example["endpoint"]) if example["endpoint"] else None
        excused = endpoint is not None and (example["id"], example["kind"]) in _exceptions(endpoint)
        assert example["abridged"] or excused, f"{_label(example)} is not JSON and not abridged: {example['text']}"
        unchecked.append(_label(example))
    assert len(unchecked) < 15, unchecked


def test_every_exception_names_a_documented_example_of_its_endpoint() -> None:
    keys = {(e["id"], e["kind"]): e for e in CORPUS["examples"]}
    for endpoint in default_catalog():
        for (example_id, kind), exception in _exceptions(endpoint).items():
            assert (example_id, kind) in keys, f"{endpoint.id}: no documented {kind} at {example_id}"
            assert find(default_catalog(), keys[example_id, kind]["endpoint"]) is endpoint, endpoint.id
            assert exception["reason"].strip()


# --- each example against the catalog ------------------------------------------------------------


def request_problems(catalog: Catalog, endpoint: Endpoint, example: dict[str, Any]) -> list[str]:
    """Why the documented request is not a valid call of ``endpoint`` (empty when it is)."""
    body = json.dumps(example["value"]).encode() if "value" in example else b""
    if example.get("text") is not None and not example.get("json"):
        return [f"the body is not JSON: {example['text'][:60]}"]
    if example.get("url"):
        method, _, rest = example["url"].partition(" …")
        path, _, query = rest.partition("?")
        found = catalog.match(method, path)
        if found is None or found[0] is not endpoint:
            return [f"{method} {path} is not {endpoint.method} {endpoint.path}"]
        path_values = found[1]
    else:  # only the body is documented: the path values come from the schema's examples
        path_values = {p.name: str(p.example) for p in endpoint.parameters if p.location == "path"}
        query = ""
    if endpoint.request_body != "json" and body:
        return [f"the docs send a JSON body; the schema sends this endpoint's parameters as {endpoint.request_body}"]
    params, problems = decode_params(catalog, endpoint, path_values, query, body)
    return problems + [str(p) for p in check(catalog, endpoint, params)]


def response_problems(catalog: Catalog, endpoint: Endpoint, example: dict[str, Any]) -> list[str]:
    """Why no documented 2xx answer of ``endpoint`` accepts the documented example response."""
    success = {s: spec for s, spec in endpoint.responses.items() if s.startswith("2")}
    if example.get("empty"):
        empty = [s for s, spec in success.items() if spec.body == "empty"]
        return [] if empty else [f"the docs show an empty answer; the schema documents {sorted(success)} with JSON"]
    value = [example["value"]] if example.get("item_of_array") else example["value"]
    problems: list[str] = []
    for status, spec in success.items():
        if spec.body != "json" or spec.schema_uri is None:
            continue
        errors = [f"{status} {e.json_path}: {e.message}" for e in catalog.validator(spec.schema_uri).iter_errors(value)]
        verdict = check_response(catalog, endpoint, int(status), json.dumps(value))
        if not errors and verdict.ok:
            return []
        problems += errors or verdict.lines()
    return problems or [f"no 2xx JSON answer is documented ({sorted(success)})"]


@pytest.mark.parametrize("example", CHECKABLE)
def test_each_documented_example_passes_or_its_schema_says_why(example: dict[str, Any]) -> None:
    catalog = default_catalog()
    if example["kind"] == "error":
        assert [e.message for e in catalog.validator(ERROR_URI).iter_errors(example["value"])] == []
        return
    endpoint = find(catalog, example["endpoint"])
    assert endpoint is not None
    if example["kind"] == "request":
        problems = request_problems(catalog, endpoint, example)
    else:
        problems = response_problems(catalog, endpoint, example)
    exception = _exceptions(endpoint).get((example["id"], example["kind"]))
    if exception is None:
        assert problems == [], f"{_label(example)}: the documented example fails the schema"
    else:
        assert problems, f"{_label(example)} passes now: drop its doc_example_exceptions entry ({exception['reason']})"


def test_examples_of_endpoints_not_in_the_catalog() -> None:
    """Every endpoint with a documented example has a schema (fails while a schema is missing)."""
    missing = sorted({_label(e).split(":")[0] for e in CORPUS["examples"] if not _in_catalog(e)})
    assert missing == []
