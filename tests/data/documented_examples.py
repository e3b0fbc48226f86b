"""Derive tests/data/documented_examples.json from the two facts files (the documentation as a test corpus).

    python tests/data/documented_examples.py [FACTS_DIR]    # default /work/shared/reference

The facts files restate Thulium's documentation pages; they live outside the repository, so the
corpus is committed and tests/unit/test_documented_examples.py re-derives it (when the facts files
are on the machine) to keep the two equal. What is drawn out:

* ``index``: the reconstructed documentation index (facts-more section 1, one row per endpoint) and
  ``index_exceptions``: the catalog endpoints that are not in that index (facts-more section 2(b)).
* ``examples``: every documented example request and example response, with the line its bullet
  starts on. A bullet belongs to the endpoint of the heading above it (``#### GET /api/agents``), to
  the endpoint named at its start (facts file: ``- POST `/api/…```), or to the catalog id a numbered
  correction names (facts-more 2(c): ``2. `agents.get```). A backticked ``{…}``/``[…]`` is a request
  when the nearest keyword before it is "body", a response after "response", "→", "example" or
  "has one"; ``ex `…``` is one parameter's example (not drawn out); ``{a, b}`` without a colon is
  the facts file's field-list notation (not an example). "response empty" / "empty response" is an
  example response with no body. A backticked ``METHOD …/api/…`` is an example request's URL.
  ``json`` is false where the text does not parse as JSON; ``abridged`` is true where the facts
  file shortened it with "…" (then nothing can be checked, and the corpus says so).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

FILES = ("thulium-api-facts.md", "thulium-api-facts-more.md")
DEFAULT_DIR = Path("/work/shared/reference")
OUT = Path(__file__).with_name("documented_examples.json")

METHOD = r"(?:GET|POST|PUT|DELETE|PATCH)"
HEADING = re.compile(rf"^#{{2,4}} ({METHOD}) `?(/api/[^`\s]+)`?")
NAMED = re.compile(rf"({METHOD}) `(/api/[^`?]+)[^`]*`")
CORRECTION = re.compile(r"^\d+\. `([a-z_]+(?:\.[a-z_]+)+)`")
SPAN = re.compile(r"`([^`]+)`")
URL = re.compile(rf"^({METHOD}) …(/api/[^?\s]*)(?:\?(\S*))?$")
KEYWORDS = re.compile(r"\bbody\b|\bresponse\b|→|\bexample\b|\bhas one\b|\bex\b|\bby contrast\b", re.IGNORECASE)
EMPTY = re.compile(r"\bresponse(?: is)?:? empty\b|\bempty response\b|\bexample response: empty\b", re.IGNORECASE)
INDEX_ROW = re.compile(rf"^\| (\d+) \| [^|]+ \| ({METHOD}) \| `([^`]+)` \| ([^|]*) \|")
EXCEPTION_ROW = re.compile(rf"^\* `({METHOD}) (/api/[^`]+)` \(`([a-z_.]+)`\)")
#: Bullets read by hand (file, line) → what they hold, where the keyword rule would misread them.
OVERRIDES = {
    # "GET /api/customers/{id} — `{…}`": the response example follows a dash, not a keyword
    ("thulium-api-facts.md", 70): "response",
    # queues/:id/topics: the facts file describes the printed (invalid) example in words; its
    # backticked bits are the field-list notation and a "[ ]" quoted from the page, not the example
    ("thulium-api-facts-more.md", 486): "skip",
}


def _path(resource: str) -> str:
    """``/api/agents/:login`` or ``agents/:login`` → ``/api/agents/{login}``."""
    resource = resource if resource.startswith("/api/") else "/api/" + resource
    return re.sub(r":([a-z_]+)", r"{\1}", resource.split("?")[0])


def _blocks(lines: list[str]) -> list[tuple[int, str]]:
    """(first line number, text) of each bullet, heading, table row or paragraph line with its indented continuation."""
    blocks: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, 1):
        if line.strip() and line[0] in " \t" and blocks:
            blocks[-1][1].append(line)
        elif line.strip():
            blocks.append((number, [line]))
    return [(number, "\n".join(text)) for number, text in blocks]


def _kind(prefix: str) -> str | None:
    """What a backticked JSON-ish span is, from the nearest keyword before it in its bullet."""
    found = KEYWORDS.findall(prefix)
    if not found:
        return None
    last = found[-1].lower()
    if last == "body":
        return "request"
    if last in ("ex", "by contrast"):
        return None
    return "response"


def _parse(text: str) -> tuple[bool, Any]:
    try:
        return True, json.loads(text)
    except ValueError:
        return False, None


def extract_file(name: str, text: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """(examples, index rows, index exceptions) of one facts file."""
    examples: list[dict[str, Any]] = []
    index: list[dict[str, Any]] = []
    exceptions: list[dict[str, Any]] = []
    heading: dict[str, str] | None = None
    for start, block in _blocks(text.splitlines()):
        where = f"{name}:{start}"
        if block.startswith("#"):
            found = HEADING.match(block)
            heading = {"method": found.group(1), "path": _path(found.group(2))} if found else None
            continue
        if row := INDEX_ROW.match(block):
            index.append(
                {"line": start, "method": row.group(2), "path": _path(row.group(3)), "summary_pl": row.group(4).strip()}
            )
            continue
        if row := EXCEPTION_ROW.match(block):
            exceptions.append({"line": start, "method": row.group(1), "path": row.group(2), "id": row.group(3)})
            continue
        override = OVERRIDES.get((name, start))
        if override == "skip":
            continue
        correction = CORRECTION.match(block)
        request: dict[str, Any] = {}
        last_end = 0
        for span in SPAN.finditer(block):
            body = span.group(1)
            prefix = block[last_end : span.start()]
            last_end = span.end()
            target = _target(block[: span.start()], heading, correction)
            if target is None:
                continue
            if URL.match(body):
                request.update(target=target, url=body)
                continue
            if not body.lstrip().startswith(("{", "[")):
                continue
            kind = override or _kind(prefix)
            ok, value = _parse(body)
            if kind is None or (not ok and ":" not in body):
                continue  # a parameter's example, or the facts file's field-list notation
            item: dict[str, Any] = {"id": where, "kind": kind, "endpoint": target, "text": body, "json": ok}
            if ok:
                item["value"] = value
            item["abridged"] = "…" in body
            if kind == "response" and re.search(r"array of( objects)?\s*$", prefix):
                item["item_of_array"] = True
            if kind == "request":
                request.update(target=target, body=item)
            else:
                examples.append(item)
        if request:
            body_item = request.get("body")
            entry: dict[str, Any] = {
                "id": where,
                "kind": "request",
                "endpoint": request["target"],
                "url": request.get("url"),
            }
            if body_item is not None:
                entry.update(text=body_item["text"], json=body_item["json"], abridged=body_item["abridged"])
                if body_item["json"]:
                    entry["value"] = body_item["value"]
            examples.append(entry)
        target = _target(block, heading, correction)
        if target is not None and EMPTY.search(block):
            examples.append({"id": where, "kind": "response", "endpoint": target, "empty": True})
        if "Error body" in block and (found_span := SPAN.search(block)):
            ok, value = _parse(found_span.group(1))
            text = found_span.group(1)
            examples.append({"id": where, "kind": "error", "endpoint": None, "text": text, "json": ok, "value": value})
    return examples, index, exceptions


def _target(before: str, heading: dict[str, str] | None, correction: re.Match[str] | None) -> dict[str, str] | None:
    """The endpoint a span belongs to: a correction's catalog id, the last endpoint named before it, or the heading."""
    if correction:
        return {"id": correction.group(1)}
    named = NAMED.findall(before)
    if named and before.lstrip().startswith(("- ", "### ")):
        method, path = named[-1]
        return {"method": method, "path": _path(path)}
    return heading


def extract(directory: Path) -> dict[str, Any]:
    """The whole corpus from the two facts files in ``directory``."""
    corpus: dict[str, Any] = {"sources": {}, "index": [], "index_exceptions": [], "examples": []}
    for name in FILES:
        raw = (directory / name).read_bytes()
        corpus["sources"][name] = {"sha256": hashlib.sha256(raw).hexdigest()}
        examples, index, exceptions = extract_file(name, raw.decode("utf-8"))
        corpus["examples"] += examples
        corpus["index"] += index
        corpus["index_exceptions"] += exceptions
    return corpus


def render(corpus: dict[str, Any]) -> str:
    return json.dumps(corpus, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    directory = Path(argv[0]) if argv else DEFAULT_DIR
    OUT.write_text(render(extract(directory)), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
