"""The benchmark timing helpers: paired per-round ratios, interleaving, and gc left as it was."""

from __future__ import annotations

import gc

import pytest

from benchmarks._timing import Stats, interleaved, ratio, ratio_of_medians


def test_ratio_pairs_samples_round_by_round() -> None:
    # the machine slows down tenfold between rounds; each round the numerator is 1.05x its partner
    bare = Stats((1.0, 10.0, 100.0, 2.0, 20.0))
    ours = Stats((1.05, 10.5, 105.0, 2.1, 21.0))
    assert ratio(ours, bare) == pytest.approx(1.05)
    assert ratio_of_medians(ours, bare) == pytest.approx(1.05)
    swapped = Stats((105.0, 1.05, 21.0, 10.5, 2.1))  # same samples, other rounds: pairing must notice
    assert ratio(swapped, bare) != pytest.approx(1.05)


def test_ratio_refuses_samples_from_different_runs() -> None:
    with pytest.raises(ValueError, match="one sample per round"):
        ratio(Stats((1.0, 2.0)), Stats((1.0,)))


def test_interleaved_alternates_order_and_unfreezes_gc() -> None:
    calls: list[str] = []
    stats = interleaved({"a": lambda: calls.append("a"), "b": lambda: calls.append("b")}, rounds=3, warmup=0)
    assert calls == ["a", "b", "b", "a", "a", "b"]
    assert [len(s.samples) for s in stats.values()] == [3, 3]
    assert gc.get_freeze_count() == 0
