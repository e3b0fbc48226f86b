"""Verify throughput: ``verify()`` over 20,000 interactions in 200 vcrpy cassettes, beside two references.

- floor: what any reader must do at least: PyYAML's C loader on every file plus ``json.loads`` of
  every JSON body. ``verify`` ÷ floor ≤ 1.3 means checking costs under a third of reading.
- naive: vcrpy's own loader plus ``jsonschema.validate()`` of every request's parameters and every
  JSON answer (``validate`` re-checks the schema and builds a validator on each call, as a script
  that calls it per interaction does). naive ÷ ``verify`` ≥ 3.

The three run in turn on the same files, the order alternating round by round.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from benchmarks._report import Missing, Ratio, Result
from benchmarks._timing import interleaved, ratio

NAME = "verify"
TITLE = "verify throughput: verify() vs YAML+JSON floor vs vcrpy+jsonschema.validate"
FLOOR_TARGET = 1.3
NAIVE_TARGET = 3.0


def _verify_function() -> Any:
    try:
        from thulium_explore.contract._verify import verify
    except ImportError as exc:
        raise Missing(f"thulium_explore.contract._verify.verify is not importable: {exc}") from None
    return verify


def _is_json(headers: dict[str, Any]) -> bool:
    value = headers.get("Content-Type") or headers.get("content-type") or [""]
    return "json" in (value[0] if isinstance(value, list) else value)


def floor(paths: list[Path]) -> int:
    """Load every file with PyYAML's C loader and parse every JSON body; the interaction count."""
    import yaml

    count = 0
    for path in paths:
        with path.open("rb") as f:
            document = yaml.load(f, Loader=yaml.CSafeLoader)
        for item in document["interactions"]:
            request, response = item["request"], item["response"]
            if request["body"] and _is_json(request["headers"]):
                json.loads(request["body"])
            body = response["body"]["string"]
            if body and _is_json(response["headers"]):
                json.loads(body)
            count += 1
    return count


def naive(paths: list[Path], catalog: Any) -> tuple[int, int]:
    """vcrpy load + ``jsonschema.validate`` per request and per JSON answer; (interactions, invalid)."""
    import jsonschema
    from vcr.persisters.filesystem import FilesystemPersister
    from vcr.serializers import yamlserializer

    from thulium_explore._wire._params import coerce
    from thulium_explore.catalog._formats import FORMAT_CHECKER

    count = invalid = 0
    for path in paths:
        requests_, responses = FilesystemPersister.load_cassette(path, yamlserializer)[:2]
        for request, response in zip(requests_, responses, strict=True):
            count += 1
            parts = urlsplit(request.uri)
            found = catalog.match(request.method, parts.path)
            if found is None:
                continue
            endpoint, path_values = found
            raw: dict[str, Any] = dict(path_values)
            for key, value in parse_qsl(parts.query, keep_blank_values=True):
                if key.endswith("[]"):
                    raw.setdefault(key, []).append(value)
                else:
                    raw[key] = value
            params = coerce(endpoint, raw)
            if request.body and endpoint.request_body == "json":
                params.update(json.loads(request.body))
            elif request.body and endpoint.request_body == "raw":
                text = request.body.decode("utf-8") if isinstance(request.body, bytes) else request.body
                params.update({p.name: text for p in endpoint.parameters if p.location == "body"})
            checks = [(params, endpoint.parameters_uri)]
            spec = endpoint.response_for(response["status"]["code"])
            if spec is not None and spec.schema_uri and response["body"]["string"]:
                checks.append((json.loads(response["body"]["string"]), spec.schema_uri))
            for instance, uri in checks:
                try:
                    jsonschema.validate(
                        instance, {"$ref": uri}, registry=catalog.registry, format_checker=FORMAT_CHECKER
                    )
                except jsonschema.ValidationError:
                    invalid += 1
    return count, invalid


def run(quick: bool = False) -> Result:
    from benchmarks._corpus import write_cassettes
    from thulium_explore import default_catalog

    verify = _verify_function()
    catalog = default_catalog()
    cassettes, per = (4, 10) if quick else (200, 100)
    total = cassettes * per
    with tempfile.TemporaryDirectory(prefix="thulium-bench-verify-") as tmp:
        paths = write_cassettes(Path(tmp), catalog, cassettes, per)
        # warm every side on one file: validators built, loaders created, modules imported
        warm = paths[:1]
        floor(warm)
        naive(warm, catalog)
        verify(warm)
        seen: dict[str, Any] = {}

        def run_floor() -> None:
            seen["floor"] = floor(paths)

        def run_verify() -> None:
            seen["verify"] = verify([tmp])

        def run_naive() -> None:
            seen["naive"] = naive(paths, catalog)

        stats = interleaved(
            {"floor": run_floor, "verify": run_verify, "naive": run_naive}, rounds=1 if quick else 3, warmup=0
        )
    report = seen["verify"]
    if seen["floor"] != total or len(report.interactions) != total or seen["naive"][0] != total:
        raise RuntimeError(
            f"sides saw different corpora: floor {seen['floor']}, "
            f"verify {len(report.interactions)}, naive {seen['naive'][0]} (expected {total})"
        )
    judged = not quick
    rate = total / stats["verify"].median
    return Result(
        NAME,
        TITLE,
        ratios=[
            Ratio("verify ÷ floor", ratio(stats["verify"], stats["floor"]), FLOOR_TARGET, "<=", judged=judged),
            Ratio("naive ÷ verify", ratio(stats["naive"], stats["verify"]), NAIVE_TARGET, ">=", judged=judged),
            Ratio("verify interactions/s", rate, None, unit="/s"),
        ],
        absolute={
            "interactions": total,
            "cassettes": cassettes,
            "floor_s": stats["floor"].as_dict(),
            "verify_s": stats["verify"].as_dict(),
            "naive_s": stats["naive"].as_dict(),
            "interactions_per_s": {side: round(total / s.median) for side, s in stats.items()},
            "verify_counts": report.counts(),
            "naive_invalid": seen["naive"][1],
        },
    )
