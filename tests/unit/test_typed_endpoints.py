"""Typed endpoints: client/_endpoints.py is fresh, its signatures are the runtime ones, and mypy judges calls."""

from __future__ import annotations

import ast
import difflib
import inspect
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.unit.forms_support import make_sink_catalog, offline_client
from thulium_explore import Catalog, ParameterError, ThuliumClient, default_catalog
from thulium_explore.catalog import schemas_root
from thulium_explore.catalog._lists import list_endpoints
from thulium_explore.client import _endpoints, _typing_gen, _typing_layout
from thulium_explore.client._groups import EndpointGroup, GroupAttribute

ROOT = Path(__file__).resolve().parents[2]
TYPOS = ROOT / "tests" / "typing" / "typos.py"


def test_the_committed_file_is_what_the_schemas_render_now() -> None:
    fresh = _typing_gen.render(default_catalog())
    committed = _typing_gen.target().read_text(encoding="utf-8")
    diff = "".join(
        list(difflib.unified_diff(committed.splitlines(True), fresh.splitlines(True), "committed", "rendered now"))[:40]
    )
    assert committed == fresh, f"client/_endpoints.py is stale; regenerate with {_typing_gen.COMMAND}\n{diff}"


def test_the_command_writes_and_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "_endpoints.py"
    monkeypatch.setattr(_typing_gen, "target", lambda: target)
    said: list[str] = []
    assert _typing_gen.main(["--check"], out=said.append) == 1  # missing counts as stale
    assert not target.exists()
    assert _typing_gen.main([], out=said.append) == 0
    assert target.read_text(encoding="utf-8") == _typing_gen.render(default_catalog())
    assert _typing_gen.main(["--check"], out=said.append) == 0
    target.write_text(target.read_text(encoding="utf-8").replace("Start a chat", "Begin a chat"), encoding="utf-8")
    assert _typing_gen.main(["--check"], out=said.append) == 1
    assert _typing_gen.main(["--frobnicate"], out=said.append) == 2
    stale = f"{target}: stale; regenerate with {_typing_gen.COMMAND}"
    assert said == [
        stale,
        f"{target}: written",
        f"{target}: up to date",
        stale,
        f"usage: {_typing_gen.COMMAND} [--check]",
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["_endpoints.py"]  # the atomic write left no temporary file


@pytest.mark.parametrize(
    ("schema", "annotation"),
    [
        ({"type": "integer", "minimum": 1}, "int"),
        ({"type": "number"}, "float"),
        ({"type": "string", "format": "email"}, "str"),
        ({"type": "boolean"}, "bool"),
        ({"type": ["integer", "string"]}, "int | str"),
        ({"type": ["string", "null"]}, "str"),  # None already means "not sent"
        ({"type": "array", "items": {"type": ["string", "integer"]}}, "list[str | int]"),
        ({"type": "array"}, "list[Any]"),
        ({"type": ["string", "array"], "items": {"type": "string"}}, "str | list[str]"),
        ({"type": "object"}, "dict[str, Any]"),
        (
            {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
            "dict[str, list[str]]",
        ),
        ({"type": "object", "properties": {"city": {"type": "string"}}}, "dict[str, Any]"),
        ({"type": "string", "enum": ["user", "customer", "both"]}, 'Literal["user", "customer", "both"]'),
        ({"enum": ["a", 1, True, None]}, 'Literal["a", 1, True]'),
        ({"const": "x"}, 'Literal["x"]'),
        ({"enum": [1.5]}, "Any"),  # a float cannot be a Literal
        ({"anyOf": [{"type": "integer"}, {"type": "string", "format": "uuid"}]}, "int | str"),
        ({"not": {"type": ["number", "boolean", "object", "array", "null"]}}, "str"),
        ({}, "Any"),
        ({"description": "Type not documented"}, "Any"),
    ],
)
def test_a_schema_becomes_the_annotation_of_what_validation_accepts(schema: dict[str, Any], annotation: str) -> None:
    assert _typing_gen._Types([]).of(schema, None) == annotation


def test_a_raw_body_also_takes_bytes_and_a_class_shadowing_a_builtin_qualifies_it() -> None:
    assert _typing_gen._Types([]).of({"type": "string"}, None, raw=True) == "str | bytes"
    shadowing = _typing_gen._Types(["list", "get"])
    assert shadowing.of({"type": "array", "items": {"type": "integer"}}, None) == "builtins.list[int]"
    assert shadowing.used == {"builtins"}
    with pytest.raises(ValueError, match="shadow an annotation"):
        _typing_gen._Types(["Literal"])


def test_docstrings_are_escaped_wrapped_and_keep_their_text() -> None:
    lines = ['Say """hi""" \\ and "bye"', "", "Parameters:", "    x (integer, required): " + "word " * 40]
    source = "\n".join(["def f():", *_typing_layout._docstring(lines, 4), "    pass"])
    assert max(len(line) for line in source.splitlines()) <= _typing_layout.LINE_LENGTH
    doc = ast.get_docstring(ast.parse(source).body[0])
    assert doc is not None and doc.split() == "\n".join(lines).split()
    assert _typing_layout._docstring(['ends in "quotes"'], 4) == ['    """ends in "quotes"', '    """']


def test_any_catalog_renders_valid_python(tmp_path: Path) -> None:
    text = _typing_gen.render(make_sink_catalog(tmp_path))  # every kind of field, $refs included
    compile(text, "_endpoints.py", "exec")
    assert 'actions: list[Literal["CHAT_CONVERSATION_CREATED", "CUSTOMER_CREATED"]] | None = None' in text
    assert "agent_id: int | str | None = None" in text


# -- the typed declarations against the runtime ----------------------------------------------------------------


def _typed_groups(owner: type, path: str = "") -> Iterator[tuple[str, type[EndpointGroup]]]:
    """(attribute path, class) for every GroupAttribute under ``owner``, depth first."""
    for name, value in vars(owner).items():
        if isinstance(value, GroupAttribute):
            assert value.prefix == f"{path}{name}" and value.name == name
            yield value.prefix, value.cls
            yield from _typed_groups(value.cls, f"{value.prefix}.")


def _declared_methods() -> tuple[dict[str, ast.FunctionDef], dict[str, ast.FunctionDef]]:
    """(class name.method -> the typed def under ``if TYPE_CHECKING:``, class name.method -> its ``.paginate``).

    A paged list endpoint is declared as an attribute typed with a Protocol (``list: TicketsListEndpoint``)
    whose ``__call__`` is the method and whose ``paginate`` is ``.paginate``; both are read from the source.
    """
    tree = ast.parse(Path(_endpoints.__file__).read_text(encoding="utf-8"))
    protocols: dict[str, dict[str, ast.FunctionDef]] = {}
    for block in (n for n in tree.body if isinstance(n, ast.If)):
        assert ast.unparse(block.test) == "TYPE_CHECKING"
        for cls in (n for n in block.body if isinstance(n, ast.ClassDef)):
            assert [ast.unparse(b) for b in cls.bases] == ["Protocol"]
            protocols[cls.name] = {fn.name: fn for fn in cls.body if isinstance(fn, ast.FunctionDef)}
            assert set(protocols[cls.name]) == {"__call__", "paginate"}
    found: dict[str, ast.FunctionDef] = {}
    paging: dict[str, ast.FunctionDef] = {}
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        for block in (n for n in cls.body if isinstance(n, ast.If)):
            assert ast.unparse(block.test) == "TYPE_CHECKING"
            for fn in block.body:
                if isinstance(fn, ast.AnnAssign):
                    assert isinstance(fn.target, ast.Name)
                    protocol = protocols[ast.unparse(fn.annotation)]
                    found[f"{cls.name}.{fn.target.id}"] = protocol["__call__"]
                    paging[f"{cls.name}.{fn.target.id}"] = protocol["paginate"]
                    continue
                assert isinstance(fn, ast.FunctionDef)
                found[f"{cls.name}.{fn.name}"] = fn
    return found, paging


def _same_signature(fn: ast.FunctionDef, runtime: Any, returns: str, where: Any) -> None:
    """The declared keyword-only parameters, defaults, return type and docstring are the runtime ones."""
    signature = inspect.signature(runtime)
    args = fn.args
    assert [a.arg for a in args.kwonlyargs] == list(signature.parameters), where
    required = [d is None for d in args.kw_defaults]
    assert required == [p.default is inspect.Parameter.empty for p in signature.parameters.values()], where
    assert all(ast.unparse(d) == "None" for d in args.kw_defaults if d is not None)
    assert ast.unparse(fn.returns) == returns and len(args.args) == 1 and not args.kwarg, where
    assert (ast.get_docstring(fn) or "").split() == (runtime.__doc__ or "").split(), where


def _group(client: ThuliumClient, prefix: str) -> Any:
    found: Any = client
    for part in prefix.split("."):
        found = getattr(found, part)
    return found


def test_each_typed_signature_is_the_runtime_signature_and_doc() -> None:
    client = offline_client()
    declared, paging = _declared_methods()
    typed = dict(_typed_groups(_endpoints.EndpointGroups))
    seen = set()
    paged = set()
    assert {p for p in typed if "." not in p} == {e.split(".")[0] for e in client.catalog.endpoints}
    for prefix, cls in typed.items():
        group = _group(client, prefix)
        assert type(group) is cls
        methods = {k.split(".", 1)[1]: fn for k, fn in declared.items() if k.startswith(cls.__name__ + ".")}
        subgroups = {n for n, v in vars(cls).items() if isinstance(v, GroupAttribute)}
        assert sorted({*methods, *subgroups}) == dir(group)  # what an IDE completes is what the runtime has
        for name, fn in methods.items():
            runtime = getattr(group, name)
            _same_signature(fn, runtime, "CallResult", (prefix, name))
            seen.add(f"{prefix}.{name}")
            if f"{cls.__name__}.{name}" in paging:
                _same_signature(paging[f"{cls.__name__}.{name}"], runtime.paginate, "Paginator", (prefix, name))
                paged.add(f"{prefix}.{name}")
            else:
                assert not hasattr(runtime, "paginate"), (prefix, name)
    assert seen == set(client.catalog.endpoints)
    assert paged == set(list_endpoints(client.catalog, pageable=True)) and "tickets.list" in paged


def test_a_long_annotation_is_split_as_ruff_format_splits_it() -> None:
    values = ", ".join(f'"VALUE_NUMBER_{n}"' for n in range(9))
    line = f"status: list[Literal[{values}]] | None = None,"
    assert _typing_layout._wrapped(line, 12) == [
        "            status: list[",
        "                Literal[",
        *[f'                    "VALUE_NUMBER_{n}",' for n in range(9)],
        "                ]",
        "            ]",
        "            | None = None,",
    ]
    assert _typing_layout._wrapped("status: int | None = None,", 12) == ["            status: int | None = None,"]


def test_the_runtime_objects_are_the_generated_classes_made_once() -> None:
    client = offline_client()
    assert type(client.chat_conversations) is _endpoints.ChatConversationsEndpoints
    assert type(client.chats.reports) is _endpoints.ChatsReportsEndpoints
    assert client.chats is client.chats and client.chats.reports is client.chats.reports
    assert client.chat_conversations.start is client.chat_conversations.start  # made on first use, then kept
    assert "start" in vars(client.chat_conversations)
    assert isinstance(ThuliumClient.chats, GroupAttribute)
    assert client.chats.reports.summary.__qualname__ == "chats.reports.summary"
    assert repr(client.chats) == "<endpoints chats.*: list, queues, reports>"


def test_the_schema_still_judges_every_argument_at_run_time() -> None:
    client = offline_client()  # nothing listens: a ParameterError proves nothing was sent
    start: Any = client.chat_conversations.start
    with pytest.raises(ParameterError, match=r"queue: is not a documented parameter"):
        start(chat_queue_id=3, queue=3)
    with pytest.raises(ParameterError, match=r"chat_queue_id: is required \(example: chat_queue_id=3\)"):
        start(client_id="1234")
    with pytest.raises(ParameterError, match=r"chat_queue_id: 'x' is not of type 'integer'"):
        start(chat_queue_id="x")
    with pytest.raises(AttributeError, match="no endpoint or group 'chat_conversations.strat'"):
        _ = client.chat_conversations.strat
    with pytest.raises(AttributeError, match="'ThuliumClient' has no attribute 'chat_conversationz'"):
        _ = client.chat_conversationz


def test_another_catalog_decides_what_exists(tmp_path: Path) -> None:
    root = tmp_path / "schemas"
    for part in ("meta", "common"):
        shutil.copytree(schemas_root() / part, root / part)
    (root / "endpoints").mkdir()
    shutil.copy(schemas_root() / "endpoints" / "chats.list.json", root / "endpoints")
    client = offline_client(Catalog(root))
    assert inspect.signature(client.chats.list).parameters["limit"].default is None
    assert not hasattr(client, "chat_conversations") and not hasattr(client.chats, "reports")
    assert "chat_conversations" not in dir(client) and "chats" in dir(client)
    assert dir(client.chats) == ["list"]


# -- what a type checker and an IDE make of it ------------------------------------------------------------------


def _expected_errors() -> dict[int, str]:
    """Line -> the text its mypy error must contain (``# E: text`` at the end of the line)."""
    lines = TYPOS.read_text(encoding="utf-8").splitlines()
    return {n: m.group(1) for n, line in enumerate(lines, 1) if (m := re.search(r"# E: (.+)$", line))}


@pytest.mark.slow
def test_mypy_flags_exactly_the_marked_lines(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "mypy_cache"),
            "--no-error-summary",
            "--hide-error-context",
            str(TYPOS),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode in (0, 1) and not done.stderr, done.stdout[-3000:] + done.stderr[-3000:]
    errors: dict[int, list[str]] = {}
    for line in done.stdout.splitlines():
        found = re.match(r"(?P<file>.+?):(?P<line>\d+):(?:\d+:)? error: (?P<message>.*)$", line)
        if found and Path(found["file"]).resolve() == TYPOS:  # other files' errors are the mypy job's business
            errors.setdefault(int(found["line"]), []).append(found["message"])
    expected = _expected_errors()
    assert len(expected) >= 8
    assert sorted(errors) == sorted(expected), done.stdout
    for number, text in expected.items():
        assert any(text in message for message in errors[number]), (number, text, errors[number])


@pytest.mark.slow
def test_an_ide_completes_endpoints_and_shows_typed_parameters() -> None:
    jedi = pytest.importorskip("jedi")
    head = "from thulium_explore import ThuliumClient\nclient = ThuliumClient('', '', '')\n"

    def script(code: str) -> Any:
        return jedi.Script(head + code, path=str(ROOT / "completion_probe.py"), project=jedi.Project(str(ROOT)))

    assert [c.name for c in script("client.chat_conversations.st").complete()] == ["start", "stop"]
    assert [c.name for c in script("client.chats.reports.su").complete()] == ["summary"]
    [signature] = script("client.chat_conversations.start(").get_signatures()
    assert signature.to_string().startswith("start(*, chat_queue_id: int, client_name: str | None=None,")
