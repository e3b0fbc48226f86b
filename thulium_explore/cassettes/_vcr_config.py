"""A user's own ``vcr.VCR`` configured the toolkit's way: scrubbed, written atomically, matched by key.

pytest-recording builds one ``VCR`` per ``@pytest.mark.vcr`` test and hands it to the
``pytest_recording_configure(config, vcr)`` hook; the toolkit's pytest plugin passes it to
:func:`configure_vcr`. A plain vcrpy suite can do the same::

    import vcr
    from thulium_explore.cassettes._vcr_config import configure_vcr

    my_vcr = vcr.VCR(cassette_library_dir="tests/cassettes")
    configure_vcr(my_vcr)

What changes on that ``VCR`` (only through vcrpy's documented extension points):

* **scrubbing** — every request and response is passed through the same
  :class:`~thulium_explore.cassettes._scrub.Scrubber` as :func:`recorder` uses, as the last
  ``before_record_request`` / ``before_record_response`` hook: after any hook of the user's own
  (``vcr_config``, marker keywords), which can no longer replace it. vcrpy also runs
  ``before_record_request`` on a request before matching it, so a live request is compared in its
  scrubbed form with the scrubbed recordings;
* **matching** — ``match_on`` defaults to ``("thulium",)``: replay's key (method, path, normalised
  query; personal and undocumented values compared by kind; **the host and port ignored**), so a
  cassette recorded against a sandbox on a random port, or a tenant, replays anywhere;
* **files** — ``yaml`` and ``json`` are the toolkit's serializers, and the persister is the toolkit's
  (verify's structural checks on load, atomic writes, a ``metadata`` block saying what was scrubbed).
  Extra cassettes named in ``@pytest.mark.vcr("other.yaml")`` are read too, as pytest-recording does.

The :class:`VcrSession` that :func:`configure_vcr` returns remembers which interactions were
recorded (by identity) so a caller can check them against the contract (:meth:`VcrSession.checked`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from vcr.persisters.filesystem import CassetteNotFoundError
from vcr.record_mode import RecordMode
from vcr.request import Request

from thulium_explore._version import __version__
from thulium_explore._wire._body import BodyError, raw_bytes
from thulium_explore.cassettes._matching import KeyMaker, differences, show
from thulium_explore.cassettes._scrub import Scrubber
from thulium_explore.cassettes.persisters.filesystem import Persister
from thulium_explore.cassettes.serializers import JsonSerializer, YamlSerializer
from thulium_explore.catalog._catalog import Catalog, default_catalog

MATCHER = "thulium"
_STORED = "_thulium_stored"  # set on the requests read from a cassette file


class VcrSession:
    """One configured ``VCR``: its scrubber (one placeholder map per cassette) and what it recorded."""

    def __init__(self, catalog: Catalog, *, secrets: Iterable[str] = (), allow: Iterable[str] = ()) -> None:
        self.catalog = catalog
        self.scrubber = Scrubber(catalog, secrets=tuple(secrets), allow=tuple(allow))
        self.keys = KeyMaker(catalog)
        self.recorded: list[dict[str, Any]] = []  # the stored response dicts, kept so their ids stay valid
        self.extra_paths: list[str] = []
        self._local = threading.local()

    # -- vcrpy hooks --------------------------------------------------------------------------

    def scrub_request(self, request: Any) -> Any:
        """``before_record_request``: a new, scrubbed ``Request`` (the one sent is left untouched)."""
        if request is None:
            return None
        # vcrpy passes what it loads through these hooks too (copied): stored already, not scrubbed again
        self._local.loading = bool(getattr(request, _STORED, False))
        if self._local.loading:
            return request
        body = getattr(request, "body_bytes", None) if hasattr(request, "body_bytes") else request.body
        try:
            raw = raw_bytes(body)
        except BodyError:
            raw = None
        scrubbed = self.scrubber.request(request.method, request.uri, dict(request.headers), raw)
        self._local.endpoint = scrubbed.endpoint  # the response that follows on this thread is this one's
        return Request(scrubbed.method, scrubbed.uri, scrubbed.body, scrubbed.headers)

    def scrub_response(self, response: Any) -> Any:
        """``before_record_response``: headers and body scrubbed by the endpoint's response schema."""
        if response is None or getattr(self._local, "loading", False):
            return response
        status = response.get("status") or {}
        body = (response.get("body") or {}).get("string")
        if isinstance(body, str):
            body = body.encode("utf-8")
        endpoint = getattr(self._local, "endpoint", None)
        code = int(status.get("code", 0))
        headers, new_body = self.scrubber.response(endpoint, code, response.get("headers") or {}, body)
        stored = {"status": status, "headers": headers, "body": {"string": new_body}}
        self.recorded.append(stored)
        return stored

    def match(self, r1: Any, r2: Any) -> None:
        """The ``thulium`` matcher: replay's key of both (scrubbed) requests; the host and port never count."""
        one, two = self.keys(r1.method, r1.uri), self.keys(r2.method, r2.uri)
        if one != two:
            raise AssertionError(f"{show(one)}: " + "; ".join(differences(two, one)))

    # -- files --------------------------------------------------------------------------------

    def load_cassette(self, cassette_path: str | os.PathLike[str], serializer: Any) -> Any:
        """The cassette and pytest-recording's extra ones (``@pytest.mark.vcr("shared.yaml")``), checked."""
        requests: list[Any] = []
        responses: list[Any] = []
        for path in dict.fromkeys([os.fspath(cassette_path), *self.extra_paths]):
            try:
                found = Persister.load_cassette(path, serializer)
            except CassetteNotFoundError:
                continue
            requests += found[0]
            responses += found[1]
        for request in requests:
            setattr(request, _STORED, True)  # survives vcrpy's deepcopy
        if not requests:
            raise CassetteNotFoundError()
        return requests, responses

    def save_cassette(self, cassette_path: str | os.PathLike[str], cassette_dict: Any, serializer: Any) -> None:
        """Atomically, with a ``metadata`` block saying what was scrubbed (and what was allowed)."""
        metadata = {
            **(cassette_dict.get("metadata") or {}),
            "recorded_with": f"thulium-explore {__version__} (vcrpy)",
            "scrubbed": "credentials, tokens, tenant host, x-sensitive personal data and undocumented fields",
            **({"allowed": list(self.scrubber.allow.entries)} if self.scrubber.allow else {}),
        }
        Persister.save_cassette(os.fspath(cassette_path), {**cassette_dict, "metadata": metadata}, serializer)

    # -- after a test ---------------------------------------------------------------------------

    def checked(self, cassette: Any) -> list[tuple[int, dict[str, Any]]]:
        """Every interaction ``cassette`` replayed or recorded, as ``(position in the file, interaction)``.

        Positions are those the saved file will have (vcrpy's ``all`` mode writes the loaded
        interactions nobody re-recorded first, then the recorded ones).
        """
        data = list(cassette.data)
        recorded = {id(r) for r in self.recorded}
        new = [i for i, (_, response) in enumerate(data) if id(response) in recorded]
        played = sorted(i for i in cassette.play_counts if i < len(data) and id(data[i][1]) not in recorded)
        out = [(i, data[i]) for i in played]
        if cassette.record_mode == RecordMode.ALL and new:
            loaded = [pair for i, pair in enumerate(data) if id(pair[1]) not in recorded]
            kept = sum(1 for old, _ in loaded if not any(self.match_ok(old, data[i][0]) for i in new))
            out += [(kept + n, data[i]) for n, i in enumerate(new)]
        else:
            out += [(i, data[i]) for i in new]
        return [(position, as_interaction(*pair)) for position, pair in out]

    def match_ok(self, r1: Any, r2: Any) -> bool:
        try:
            self.match(r1, r2)
        except AssertionError:
            return False
        return True


def as_interaction(request: Any, response: Mapping[str, Any]) -> dict[str, Any]:
    """A vcrpy ``(Request, response)`` pair as the cassette file holds it (what ``verify`` reads)."""
    body = getattr(request, "body_bytes", None) if hasattr(request, "body_bytes") else request.body
    try:
        body = raw_bytes(body)
    except BodyError:
        body = None
    return {
        "request": {
            "method": request.method,
            "uri": request.uri,
            "body": body,
            "headers": {k: [v] for k, v in request.headers.items()},
        },
        "response": dict(response),
    }


def _last(first: Callable[[Any], Any] | None, last: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``first`` (vcrpy's own hook chain, the user's hooks in it), then ours; None (drop) stops."""

    def hook(value: Any) -> Any:
        value = first(value) if first is not None else value
        return None if value is None else last(value)

    return hook


def configure_vcr(
    vcr: Any,
    *,
    catalog: Catalog | None = None,
    secrets: Iterable[str] = (),
    allow: Iterable[str] = (),
    extra_paths: Iterable[str] = (),
) -> VcrSession:
    """Make ``vcr`` (a ``vcr.VCR``) record through the toolkit (see the module docstring).

    ``secrets`` are replaced by ``REDACTED`` wherever they would be stored; ``allow`` lists the
    undocumented fields to keep (``ENDPOINT:PATH``, checked now: a malformed entry is a
    :class:`ConfigError`); ``extra_paths`` are more cassettes to replay from (never written).
    """
    session = VcrSession(catalog or default_catalog(), secrets=secrets, allow=allow)
    session.extra_paths = [os.fspath(p) for p in extra_paths]
    vcr.register_serializer("yaml", YamlSerializer())
    vcr.register_serializer("json", JsonSerializer())
    vcr.register_persister(session)
    vcr.register_matcher(MATCHER, session.match)
    vcr.match_on = (MATCHER,)
    merged = vcr.get_merged_config

    def get_merged_config(**kwargs: Any) -> dict[str, Any]:
        """vcrpy's merged configuration with our scrubbing always last (a user's hook cannot replace it)."""
        config: dict[str, Any] = merged(**kwargs)
        config["before_record_request"] = _last(config.get("before_record_request"), session.scrub_request)
        config["before_record_response"] = _last(config.get("before_record_response"), session.scrub_response)
        return config

    vcr.get_merged_config = get_merged_config
    return session


def cassette_label(path: str | os.PathLike[str], start: str | os.PathLike[str]) -> str:
    """``path`` as ``verify`` would name it when run from ``start`` (relative when inside it)."""
    full = Path(path).resolve()
    try:
        return str(full.relative_to(Path(start).resolve()))
    except ValueError:
        return str(path)
