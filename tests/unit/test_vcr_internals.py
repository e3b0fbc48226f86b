"""The vcrpy internals thulium_explore relies on: fail loudly, naming them, when a vcrpy release moves one.

``cassettes/_vcr.py`` subclasses vcrpy's ``Cassette``: it overrides methods vcrpy calls
(``_load``, ``_save``, ``append``, ``can_play_response_for``, ``play_response`` ...) and reads and
writes the state vcrpy's ``__init__`` sets up (``data``, ``dirty``, ``play_counts``, ``_path``,
``_persister`` ...). ``cassettes/persisters/filesystem.py`` implements vcrpy's persister interface
with vcrpy's ``Request`` and ``serialize``. None of that is vcrpy's public API, so pyproject keeps
vcrpy below the next major and these tests say exactly what changed when it is raised.
"""

from __future__ import annotations

import collections
import importlib
import inspect
import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests
import vcr
from vcr.cassette import Cassette, CassetteContextDecorator

from thulium_explore import Mode, default_catalog
from thulium_explore.cassettes._vcr import ThuliumCassette
from thulium_explore.cassettes.persisters import Persister
from thulium_explore.cassettes.serializers import JsonSerializer

VCR = f"vcrpy {vcr.__version__}"
VCR_PY = "thulium_explore/cassettes/_vcr.py"
FILESYSTEM_PY = "thulium_explore/cassettes/persisters/filesystem.py"


def _loud(name: str, problem: str, user: str) -> str:
    return (
        f"{VCR}: {name} {problem}; {user} relies on it. Adapt {user} to this vcrpy release "
        "(and the pin in pyproject.toml), or keep vcrpy below it."
    )


def _resolve(dotted: str, user: str = VCR_PY) -> Any:
    """``vcr.cassette.Cassette._save`` -> the object, or a loud failure naming what is missing."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(found, attribute):
                pytest.fail(_loud(dotted, f"does not exist ({type(found).__name__} has no {attribute!r})", user))
            found = getattr(found, attribute)
        return found
    pytest.fail(_loud(dotted, "cannot be imported", user))


def _shape(function: Callable[..., Any]) -> list[tuple[str, Any, Any]]:
    """Parameter names, kinds and defaults (not annotations): what a caller depends on."""
    return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]


# -- methods the subclass overrides: vcrpy calls them, so ours must keep vcrpy's exact parameters ------

OVERRIDDEN = {
    "_load": "(self)",  # called by Cassette.load()
    "_save": "(self, force=False)",  # called by the use() context manager on exit
    "append": "(self, request, response)",  # called by the stubs when a request was sent for real
    "can_play_response_for": "(self, request)",  # called by the stubs before sending
    "play_response": "(self, request)",  # called by the stubs to answer from the cassette
    "responses_of": "(self, request)",
    "__contains__": "(self, request)",
}


@pytest.mark.parametrize("name", OVERRIDDEN)
def test_overridden_method_keeps_its_signature(name: str) -> None:
    theirs = _resolve(f"vcr.cassette.Cassette.{name}")
    found = str(inspect.signature(theirs))
    assert found == OVERRIDDEN[name], _loud(
        f"Cassette.{name}", f"now takes {found}, not {OVERRIDDEN[name]} (ThuliumCassette overrides it)", VCR_PY
    )
    ours = ThuliumCassette.__dict__[name]
    assert _shape(ours) == _shape(theirs), f"ThuliumCassette.{name} must take {found} like vcrpy's Cassette.{name}"


def test_write_protected_is_still_a_property() -> None:
    theirs = inspect.getattr_static(_resolve("vcr.cassette.Cassette"), "write_protected", None)
    assert isinstance(theirs, property), _loud("Cassette.write_protected", f"is {theirs!r}, not a property", VCR_PY)
    assert isinstance(ThuliumCassette.__dict__["write_protected"], property)


# -- vcrpy functions and classes our code calls -----------------------------------------------------

CALLED = {
    "vcr.cassette.Cassette.load": ("(**kwargs)", VCR_PY),
    "vcr.cassette.Cassette.use": ("(**kwargs)", "thulium_explore/cassettes/_recorder.py"),
    "vcr.request.Request.__init__": ("(self, method, uri, body, headers)", f"{VCR_PY} and {FILESYSTEM_PY}"),
    "vcr.serialize.serialize": ("(cassette_dict, serializer)", FILESYSTEM_PY),
    "vcr.serializers.yamlserializer.deserialize": (
        "(cassette_string)",
        "thulium_explore/cassettes/serializers/yamlserializer.py",
    ),
    # the persister interface ours implements (vcrpy's own persister is the reference)
    "vcr.persisters.filesystem.FilesystemPersister.load_cassette": ("(cassette_path, serializer)", FILESYSTEM_PY),
    "vcr.persisters.filesystem.FilesystemPersister.save_cassette": (
        "(cassette_path, cassette_dict, serializer)",
        FILESYSTEM_PY,
    ),
}


@pytest.mark.parametrize("dotted", CALLED)
def test_called_function_keeps_its_signature(dotted: str) -> None:
    expected, user = CALLED[dotted]
    found = str(inspect.signature(_resolve(dotted, user)))
    assert found == expected, _loud(dotted, f"now takes {found}, not {expected}", user)


@pytest.mark.parametrize("method", ["load_cassette", "save_cassette"])
def test_our_persister_takes_what_vcrpy_persisters_take(method: str) -> None:
    theirs = _resolve(f"vcr.persisters.filesystem.FilesystemPersister.{method}")
    assert _shape(getattr(Persister, method)) == _shape(theirs), _loud(
        f"FilesystemPersister.{method}", f"takes {inspect.signature(theirs)}", FILESYSTEM_PY
    )


def test_cassette_init_accepts_what_the_subclass_passes() -> None:
    parameters = inspect.signature(_resolve("vcr.cassette.Cassette.__init__")).parameters
    names = list(parameters)
    assert names[:2] == ["self", "path"], _loud("Cassette.__init__", f"no longer starts (self, path): {names}", VCR_PY)
    for name in ("record_mode", "serializer", "persister"):
        assert name in parameters, _loud("Cassette.__init__", f"has no {name!r} parameter", VCR_PY)


def test_record_modes_and_not_found_error_exist() -> None:
    record_mode = _resolve("vcr.record_mode.RecordMode")
    for member in ("ALL", "NONE"):
        assert hasattr(record_mode, member), _loud(f"vcr.record_mode.RecordMode.{member}", "is gone", VCR_PY)
    not_found = _resolve("vcr.persisters.filesystem.CassetteNotFoundError")
    assert isinstance(not_found, type) and issubclass(not_found, Exception)
    assert isinstance(not_found(), not_found)  # filesystem.py raises it without arguments


# -- state vcrpy's __init__ sets up, which the subclass reads and writes --------------------------

STATE: dict[str, type] = {
    "data": list,  # [(Request, response dict)]; appended to, indexed by position
    "play_counts": collections.Counter,
    "dirty": bool,
    "rewound": bool,
    "_old_interactions": list,
    "_loaded_count": int,
    "_metadata": dict,
}


def _plain_cassette() -> Any:
    return Cassette("never-written.yaml", serializer=JsonSerializer(), persister=Persister)


@pytest.mark.parametrize("name", STATE)
def test_init_sets_up_the_state_the_subclass_uses(name: str) -> None:
    cassette = _plain_cassette()
    assert name in vars(cassette), _loud(f"Cassette().{name}", "is not set by Cassette.__init__", VCR_PY)
    value = vars(cassette)[name]
    assert isinstance(value, STATE[name]), _loud(
        f"Cassette().{name}", f"is now {type(value).__name__}, not {STATE[name].__name__}", VCR_PY
    )
    assert not value, _loud(f"Cassette().{name}", f"does not start empty/false: {value!r}", VCR_PY)


def test_init_keeps_path_persister_and_serializer_where_the_subclass_reads_them() -> None:
    serializer = JsonSerializer()
    cassette = Cassette("somewhere.yaml", serializer=serializer, persister=Persister)
    for name, expected in (("_path", "somewhere.yaml"), ("_persister", Persister), ("_serializer", serializer)):
        assert getattr(cassette, name, None) == expected, _loud(
            f"Cassette().{name}", f"does not hold the {name.strip('_')} given to __init__", VCR_PY
        )


# -- names the subclass adds must not shadow vcrpy's own ---------------------------------------------

ADDED = {"save", "_key", "miss_message", "thulium_mode", "catalog", "scrubber", "index", "_key_maker", "_last"}


def _thulium_cassette() -> ThuliumCassette:
    return ThuliumCassette(
        "never-written.yaml",
        thulium_mode=Mode.REPLAY,
        catalog=default_catalog(),
        serializer=JsonSerializer(),
        persister=Persister,
    )


def test_every_name_the_subclass_defines_is_listed_here() -> None:
    defined = {n for n in ThuliumCassette.__dict__ if not (n.startswith("__") and n.endswith("__"))}
    defined |= {n for n in ThuliumCassette.__dict__ if n in OVERRIDDEN}
    defined |= set(vars(_thulium_cassette())) - set(vars(_plain_cassette()))
    unlisted = defined - set(OVERRIDDEN) - {"write_protected"} - ADDED
    assert not unlisted, (
        f"{VCR_PY} defines {sorted(unlisted)}: list each in OVERRIDDEN (it overrides a vcrpy "
        f"method) or ADDED (our own name) in {__name__}, so a vcrpy change to it is caught"
    )


@pytest.mark.parametrize("name", sorted(ADDED))
def test_a_name_the_subclass_adds_is_not_vcrpys(name: str) -> None:
    assert not hasattr(Cassette, name) and name not in vars(_plain_cassette()), _loud(
        f"Cassette.{name}", "now exists, and ThuliumCassette's own attribute of that name would replace it", VCR_PY
    )


# -- how vcrpy calls into the subclass --------------------------------------------------------------


def test_load_and_the_context_manager_call_load_and_save() -> None:
    calls: list[str] = []

    class Probe(Cassette):  # type: ignore[misc]
        def _load(self) -> None:
            calls.append("_load")

        def _save(self, force: bool = False) -> None:
            calls.append(f"_save(force={force})")

    try:
        Probe.load(path="never-written.yaml")
    except Exception as exc:
        pytest.fail(_loud("Cassette.load()", f"failed: {type(exc).__name__}: {exc}", VCR_PY))
    assert calls == ["_load"], _loud("Cassette.load()", f"no longer calls _load() (calls: {calls})", VCR_PY)
    assert "record_on_exception" in getattr(CassetteContextDecorator, "_non_cassette_arguments", ()), _loud(
        "CassetteContextDecorator._non_cassette_arguments",
        "no longer takes record_on_exception out of the cassette's arguments",
        "thulium_explore/cassettes/_recorder.py",
    )
    calls.clear()
    try:
        with Probe.use(path="never-written.yaml", record_on_exception=False):
            assert calls == ["_load"]
    except Exception as exc:
        pytest.fail(_loud("Cassette.use()", f"failed: {type(exc).__name__}: {exc}", VCR_PY))
    assert calls == ["_load", "_save(force=False)"], _loud(
        "Cassette.use()", f"no longer loads on enter and calls _save() on exit (calls: {calls})", VCR_PY
    )


def _through_vcrpy(send: Callable[[], requests.Response], doing: str) -> requests.Response:
    """Send a request inside a vcrpy cassette; anything vcrpy raises on the way is a loud failure."""
    try:
        return send()
    except Exception as exc:
        pytest.fail(_loud("the requests stub", f"failed {doing}: {type(exc).__name__}: {exc}", VCR_PY))


@pytest.fixture
def loopback() -> Iterator[str]:
    """An HTTP server on 127.0.0.1 answering every request with 201 and a small JSON body."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = b'{"recorded": true}'
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_requests_stub_replays_through_can_play_response_for_and_play_response() -> None:
    calls: list[str] = []
    recorded = {
        "status": {"code": 200, "message": "OK"},
        "headers": {"Content-Type": ["application/json"]},
        "body": {"string": b'{"replayed": true}'},
    }

    class Probe(Cassette):  # type: ignore[misc]
        def _load(self) -> None:
            pass

        def _save(self, force: bool = False) -> None:
            pass

        def can_play_response_for(self, request: Any) -> bool:
            calls.append("can_play_response_for")
            return True

        def play_response(self, request: Any) -> Any:
            calls.append(f"play_response({request.method} {request.uri})")
            return recorded

    with Probe.use(path="never-written.yaml"):
        # port 9 (discard): were the cassette not consulted, the connection would be refused
        response = _through_vcrpy(
            lambda: requests.post("http://127.0.0.1:9/api/x?a=1", timeout=5),
            "replaying through can_play_response_for() and play_response()",
        )
    assert "play_response(POST http://127.0.0.1:9/api/x?a=1)" in calls, _loud(
        "the requests stub", f"no longer answers from Cassette.play_response(request) (calls: {calls})", VCR_PY
    )
    assert calls[0] == "can_play_response_for", _loud(
        "the requests stub", f"no longer asks Cassette.can_play_response_for(request) first (calls: {calls})", VCR_PY
    )
    assert (response.status_code, response.json()) == (200, {"replayed": True}), _loud(
        "the response dict",
        "played back no longer has the shape {status: {code, message}, headers, body: {string}}",
        FILESYSTEM_PY,
    )


def test_requests_stub_records_through_write_protected_and_append(loopback: str) -> None:
    appended: list[tuple[Any, Any]] = []

    class Probe(Cassette):  # type: ignore[misc]
        def _load(self) -> None:
            pass

        def _save(self, force: bool = False) -> None:
            pass

        def can_play_response_for(self, request: Any) -> bool:
            return False

        @property
        def write_protected(self) -> bool:
            return False

        def append(self, request: Any, response: Any) -> None:
            appended.append((request, response))

    with Probe.use(path="never-written.yaml"):
        answer = _through_vcrpy(
            lambda: requests.post(loopback + "/api/y", data=b"{}", headers={"X-Test": "1"}, timeout=5),
            "recording through write_protected and append()",
        )
    assert answer.status_code == 201
    assert len(appended) == 1, _loud(
        "the requests stub",
        f"no longer stores what was sent via Cassette.append(request, response) (appended: {appended})",
        VCR_PY,
    )
    request, response = appended[0]
    # what ThuliumCassette.append reads from them
    assert (request.method, request.uri, request.body) == ("POST", loopback + "/api/y", b"{}"), _loud(
        "vcr.request.Request", "no longer has .method, .uri and .body as sent", VCR_PY
    )
    assert dict(request.headers).get("X-Test") == "1", _loud("vcr.request.Request.headers", "lost a header", VCR_PY)
    assert response["status"]["code"] == 201 and response["body"]["string"] == b'{"recorded": true}', _loud(
        "the recorded response dict", f"no longer has status.code and body.string: {response!r}", VCR_PY
    )
    assert "application/json" in response["headers"]["Content-Type"], _loud(
        "the recorded response dict", f"no longer has headers: {response!r}", VCR_PY
    )


def test_serialize_writes_interactions_and_metadata() -> None:
    from vcr.request import Request
    from vcr.serialize import serialize

    text = serialize(
        {
            "requests": [Request("GET", "https://t.example/api/agents", None, {})],
            "responses": [{"status": {"code": 200, "message": "OK"}, "headers": {}, "body": {"string": ""}}],
            "metadata": {"recorded_with": "thulium-explore"},
        },
        JsonSerializer(),
    )
    written = json.loads(text)
    assert [i["request"]["uri"] for i in written.get("interactions", [])] == ["https://t.example/api/agents"], _loud(
        "vcr.serialize.serialize", f"no longer writes {{interactions: [{{request, response}}]}}: {text}", FILESYSTEM_PY
    )
    assert written.get("metadata") == {"recorded_with": "thulium-explore"}, _loud(
        "vcr.serialize.serialize",
        "drops the cassette's metadata (ThuliumCassette._save writes recorded_with and scrubbed there)",
        FILESYSTEM_PY,
    )
