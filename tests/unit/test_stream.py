"""cassettes/_stream.py: verify's reader gives read_cassette's values, one interaction at a time, with lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thulium_explore import CassetteError, verify
from thulium_explore.cassettes import read_cassette
from thulium_explore.cassettes._stream import NotStreamable, interaction_lines, stream_cassette

DATA = Path(__file__).resolve().parents[1] / "data" / "cassettes"
ROOT = DATA.parents[2]
READABLE = sorted(
    p for folder in ("conforming", "violations", "drift", "unknown") for p in (DATA / folder).iterdir() if p.is_file()
) + sorted((ROOT / "cassettes").glob("*.yaml"))


def _starts_interaction(path: Path, line: int) -> bool:
    text = path.read_text(encoding="utf-8").splitlines()[line - 1]
    return text.startswith("- request:") or text.strip().startswith("{")


@pytest.mark.parametrize("path", READABLE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_streamed_values_and_lines(path: Path) -> None:
    """The streamed interactions are exactly read_cassette's, each with the line it starts on."""
    expected = read_cassette(path).interactions
    try:
        items = list(stream_cassette(path))
    except NotStreamable:  # a rare feature (vcrpy's Python tags): read_cassette reads it, lines from the node tree
        lines = interaction_lines(path)
        assert lines is not None and len(lines) == len(expected)
        assert all(_starts_interaction(path, line) for line in lines)
        return
    assert [item for _, _, item in items] == expected
    assert [index for index, _, _ in items] == list(range(len(expected)))
    assert all(_starts_interaction(path, line) for _, line, _ in items)


def test_interactions_are_handed_over_before_the_rest_is_read(tmp_path: Path) -> None:
    """Streaming: the first interaction comes out before a broken second one is even parsed."""
    good = (DATA / "conforming" / "documented_example.yaml").read_text(encoding="utf-8")
    path = tmp_path / "broken_tail.yaml"
    path.write_text(good.rstrip("\n") + "\n- request: {method: [unclosed\n", encoding="utf-8")
    stream = stream_cassette(path)
    index, line, first = next(stream)
    assert line == 3
    assert (index, first) == (0, read_cassette(DATA / "conforming" / "documented_example.yaml").interactions[0])
    with pytest.raises(NotStreamable):
        list(stream)
    with pytest.raises(CassetteError) as caught:  # verify falls back to read_cassette, which words it
        verify(path)
    assert str(caught.value).startswith(f"{path}: invalid YAML at line ")


def test_json_streaming_counts_lines_and_leaves_duplicates_to_read_cassette(tmp_path: Path) -> None:
    document = json.loads((DATA / "conforming" / "polish_diacritics.json").read_text(encoding="utf-8"))
    path = tmp_path / "c.json"
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False), encoding="utf-8")
    items = list(stream_cassette(path))
    assert [item for _, _, item in items] == document["interactions"]
    assert all(_starts_interaction(path, line) for _, line, _ in items)
    twice = tmp_path / "twice.json"
    twice.write_text('{"interactions": [], "interactions": []}', encoding="utf-8")
    with pytest.raises(NotStreamable):  # json.loads keeps the last: read_cassette decides
        list(stream_cassette(twice))


def test_verify_reports_carry_the_lines(tmp_path: Path) -> None:
    report = verify(DATA / "violations" / "request_problems.yaml")
    assert [i.line for i in report.interactions] == [4, 18, 32]
