"""Hostile and huge input: alias bombs, deep nesting, huge numbers, bad bytes — one line, bounded memory, no hang.

Memory is bounded with tracemalloc and time generously (seconds, where the unfixed code took minutes and
gigabytes): these are correctness bounds, not speed measurements.
"""

from __future__ import annotations

import json
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from thulium_explore import CassetteError, ConfigError, default_catalog
from thulium_explore.cassettes import read_cassette
from thulium_explore.cassettes._yaml import load_yaml
from thulium_explore.cli import main
from thulium_explore.connection import load_recipe

ALIAS_WORDS = "YAML aliases are not allowed in cassettes (vcrpy never writes them)"
CALL = "{endpoint: chat_conversations.start, params: {chat_queue_id: 3}}"


def alias_bomb() -> str:
    """Billion laughs: nine levels of nine aliases each, about 300 bytes that expand to 9**9 leaves."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.fixture(autouse=True)
def _catalog_loaded() -> None:
    """The catalog is loaded once per process; load it outside the measured blocks."""
    default_catalog()


@contextmanager
def bounded(megabytes: int = 50, seconds: float = 10.0) -> Iterator[None]:
    """Fail when the block allocates more than ``megabytes`` at its peak or runs longer than ``seconds``."""
    tracemalloc.start()
    start = time.monotonic()
    try:
        yield
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < megabytes * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"
    assert time.monotonic() - start < seconds


def one_line(text: str) -> str:
    assert text.count("\n") == 0, text
    assert "Traceback" not in text and "internal error" not in text, text
    return text


# -- 1. alias bombs -------------------------------------------------------------------------------


def test_an_alias_bomb_cassette_is_refused_at_its_first_anchor_in_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(alias_bomb() + "version: 1\ninteractions: []\n", encoding="utf-8")
    with bounded(), pytest.raises(CassetteError) as caught:
        read_cassette(bomb)
    message = one_line(str(caught.value))
    assert message.startswith(f"{bomb}: line 1, column 4: {ALIAS_WORDS}; found the anchor &a")
    assert "(example: " in message


def test_verify_on_an_alias_bomb_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(alias_bomb() + "version: 1\ninteractions: []\n", encoding="utf-8")
    assert len(bomb.read_bytes()) < 500
    with bounded():
        assert main(["verify", str(bomb)]) == 2
    err = capsys.readouterr().err.strip()
    assert one_line(err).startswith(f"error: {bomb}: line 1, column 4: {ALIAS_WORDS}")


@pytest.mark.parametrize(
    "document",
    [
        "version: 1\ninteractions: []\nx: *undefined_but_an_alias\n",
        "version: 1\ninteractions: [&one {request: {}}]\n",
        "version: 1\nbase: &base {a: 1}\nmerged: {<<: *base, b: 2}\ninteractions: []\n",  # merge keys: fallback
        "version: 1\nodd: !!python/tuple &t [1, 2]\ninteractions: []\n",  # a tag: the fallback path
        "--- &top\nversion: 1\ninteractions: []\n",
        "\ufeff&top {version: 1, interactions: []}\n",
        "{version: 1, interactions: [], x: [*a]}\n",
    ],
)
def test_every_anchor_or_alias_is_refused_also_where_the_full_loader_would_read_it(document: str) -> None:
    with pytest.raises(CassetteError, match=r"^c\.yaml: line \d+, column \d+: YAML aliases are not allowed"):
        load_yaml("c.yaml", document.encode("utf-8"))


@pytest.mark.parametrize("text", ["'*/*'", "'a & b'", "x&y", "'*bold* &amp;'", "https://h/api?a=1&b=2", "'&'"])
def test_text_that_only_looks_like_an_anchor_still_reads(text: str) -> None:
    assert isinstance(load_yaml("c.yaml", f"value: {text}\n".encode()), dict)


def test_an_alias_bomb_recipe_is_refused_before_anything_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipe = tmp_path / "bomb_recipe.yaml"
    recipe.write_text(
        alias_bomb() + "cassettes:\n- name: bomb\n  calls:\n  - endpoint: chat_conversations.start\n"
        "    params: {chat_queue_id: 3, client_id: *i}\n",
        encoding="utf-8",
    )
    assert len(recipe.read_bytes()) < 500
    with bounded():
        assert main(["record", str(recipe), "--out", str(tmp_path / "out")]) == 2
    err = one_line(capsys.readouterr().err.strip())
    assert err.startswith(f"error: {recipe}: line 1, column 4: YAML aliases are not allowed in recipes")
    assert not (tmp_path / "out").exists()


# -- 2. deep nesting, huge numbers, bad bytes in cassettes and recipes ------------------------------


def _cassette(method: str = "POST") -> str:
    return (
        f"version: 1\ninteractions:\n- request: {{method: {method}, uri: 'http://127.0.0.1/api/x', body: null, "
        "headers: {}}\n  response: {status: {code: 200, message: OK}, headers: {}, body: {string: ''}}\n"
    )


CASSETTES: dict[str, tuple[bytes, str]] = {
    "deep.json": (
        b'{"version": 1, "interactions": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "invalid JSON: lists and objects nested too deeply",
    ),
    "deep.yaml": (
        b"version: 1\ninteractions: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
        "invalid YAML at line 2, column",
    ),
    "digits.yaml": (
        b"version: 1\ninteractions: []\nx: " + b"9" * 5000 + b"\n",
        "line 3, column 4: 99999999999999999999… (5000 characters) cannot be read as int",
    ),
    "digits.json": (
        b'{"version": 1, "interactions": [], "x": ' + b"9" * 5000 + b"}",
        "invalid JSON: a number longer than",
    ),
    "latin1.yaml": (b"version: 1\ninteractions: []\nx: \xff\n", "invalid YAML at line 3: invalid leading UTF-8 octet"),
    "nul.yaml": (b"version: 1\ninteractions: []\x00\n", "invalid YAML at line 2: control characters are not allowed"),
    "space.yaml": (_cassette("'GE T'").encode(), "interaction 0: request.method: 'GE T' is not an HTTP method"),
    "long.yaml": (_cassette("P" * 5000).encode(), "request.method: 'PPPPPPPPPPPPPPPPPPPP'… (5000 characters) is not"),
    "empty.yaml": (_cassette("''").encode(), "interaction 0: request.method: missing or not text"),
}


@pytest.mark.parametrize("name", sorted(CASSETTES))
def test_a_hostile_cassette_is_one_line_naming_the_file_and_field(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data, expected = CASSETTES[name]
    path = tmp_path / name
    path.write_bytes(data)
    with bounded(megabytes=100), pytest.raises(CassetteError) as caught:
        read_cassette(path)
    assert one_line(str(caught.value)).startswith(f"{path}: ")
    assert expected in str(caught.value)
    assert main(["verify", str(path)]) == 2
    assert one_line(capsys.readouterr().err.strip()) == f"error: {caught.value}"


def _recipe(cassettes: str) -> bytes:
    return ("cassettes:\n" + cassettes).encode("utf-8")


RECIPES: dict[str, tuple[bytes, str]] = {
    "deep": (
        _recipe(f"- name: a\n  calls: [{{endpoint: chat_conversations.start, params: {{x: {'[' * 100_000}"),
        "invalid YAML at line 3, column",
    ),
    "deep params": (
        _recipe(
            "- name: a\n  calls: [{endpoint: chat_conversations.start, params: {chat_queue_id: 3, x: "
            + "[" * 40
            + "]" * 40
            + "}}]\n"
        ),
        "cassettes[0].calls[0]: nested more than 32 levels deep",
    ),
    "digits": (
        _recipe(
            f"- name: a\n  calls: [{{endpoint: chat_conversations.start, params: {{chat_queue_id: {'9' * 5000}}}}}]\n"
        ),
        "line 3, column 72: 99999999999999999999… (5000 characters) cannot be read as int",
    ),
    "expect": (
        _recipe(f"- name: a\n  calls: [{{request: {{method: GET, path: /api/x}}, expect: {'9' * 4000}}}]\n"),
        "cassettes[0].calls[0].expect: must be an HTTP status number, 100-599",
    ),
    "nan": (
        _recipe("- name: a\n  calls: [{endpoint: chat_conversations.start, params: {chat_queue_id: .nan}}]\n"),
        "cassettes[0].calls[0]: nan is not a finite number",
    ),
    "latin1": (
        _recipe("- name: a\n  calls: [" + CALL + "]\n").replace(b"name: a", b"name: \xff"),
        "invalid YAML at line 2: invalid leading UTF-8 octet",
    ),
    "nul byte": (_recipe("- name: a\x00\n  calls: [" + CALL + "]\n"), "control characters are not allowed"),
    "nul in name": (
        _recipe('- name: "a\\0b"\n  calls: [' + CALL + "]\n"),
        "cassettes[0].name: 'a\\x00b' must be a plain file name without '/'",
    ),
    "long name": (
        _recipe(f"- name: {'n' * 300}\n  calls: [{CALL}]\n"),
        "cassettes[0].name: 'nnnnnnnnnnnnnnnnnnnn'… (300 characters) is too long for a file name",
    ),
    "method space": (
        _recipe("- name: a\n  calls: [{request: {method: 'GE T', path: /api/x}}]\n"),
        "cassettes[0].calls[0].request.method: 'GE T' is not an HTTP method",
    ),
    "method empty": (
        _recipe("- name: a\n  calls: [{request: {method: '', path: /api/x}}]\n"),
        "cassettes[0].calls[0].request.method: '' is not an HTTP method",
    ),
    "path blank": (
        _recipe('- name: a\n  calls: [{request: {method: GET, path: "/api/x y\\r\\nX: 1"}}]\n'),
        "cassettes[0].calls[0].request.path: '/api/x y\\r\\nX: 1' holds a blank or a control character",
    ),
    "duplicate": (
        _recipe(
            f"- name: same\n  calls: [{CALL}]\n- name: other\n  calls: [{CALL}]\n- name: SAME\n  calls: [{CALL}]\n"
        ),
        "cassettes[2].name: 'SAME' is already the name of cassettes[0]",
    ),
}


@pytest.mark.parametrize("case", sorted(RECIPES))
def test_a_hostile_recipe_is_one_line_naming_the_file_and_field_and_sends_nothing(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data, expected = RECIPES[case]
    recipe = tmp_path / "recipe.yaml"
    recipe.write_bytes(data)
    with bounded(megabytes=100), pytest.raises(ConfigError) as caught:
        load_recipe(recipe)
    message = one_line(str(caught.value))
    assert message.startswith(f"{recipe}: ") and expected in message, message
    assert main(["record", str(recipe), "--out", str(tmp_path / "out")]) == 2
    assert one_line(capsys.readouterr().err.strip()) == f"error: {message}"
    assert not (tmp_path / "out").exists()


# -- 4. verify --json is strict JSON -------------------------------------------------------------


def _fail_on_constant(name: str) -> Any:
    raise AssertionError(f"not JSON: {name}")


@pytest.mark.parametrize(
    "body",
    [
        '{"conversation_id": NaN}',
        '{"conversation_id": 1e999}',
        '{"conversation_id": -Infinity}',
        '[NaN, {"a": [Infinity]}]',
    ],
)
def test_verify_json_is_strict_json_whatever_the_bodies_hold(
    tmp_path: Path, body: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        _cassette()
        .replace("api/x", "api/chat_conversations/start?chat_queue_id=3")
        .replace("string: ''", "string: " + json.dumps(body)),
        encoding="utf-8",
    )
    assert main(["verify", "--json", str(path)]) == 1
    report = json.loads(capsys.readouterr().out, parse_constant=_fail_on_constant)
    values = [p["value"] for i in report["interactions"] for p in i["response_problems"]]
    assert any(v in ("NaN", "Infinity", "-Infinity") for v in values) or "NaN" in json.dumps(values), values


def test_verify_json_keeps_the_report_as_it_was_for_ordinary_values() -> None:
    from thulium_explore.cli._verify import json_safe

    value: Callable[[], dict[str, Any]] = lambda: {"b": [1, 2.5, None, True, "x"], "a": {"c": float("nan")}}  # noqa: E731
    safe = json_safe(value())
    assert list(safe) == ["b", "a"] and safe["b"] == [1, 2.5, None, True, "x"] and safe["a"] == {"c": "NaN"}
    assert json_safe({"n": 10**5000})["n"].startswith("<an integer of about 5000 digits")


def test_replaying_an_alias_bomb_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    from thulium_explore import connect

    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(alias_bomb() + "version: 1\ninteractions: []\n", encoding="utf-8")
    with bounded(), pytest.raises(CassetteError, match=f"^{bomb}: line 1, column 4: YAML aliases are not allowed"):
        connect("replay", cassette=bomb).close()
