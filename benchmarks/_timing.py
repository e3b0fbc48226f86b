"""Timing helpers: repeat, median/min, and interleaved A/B rounds so noise hits every side alike."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Stats:
    """Samples of one side, in seconds per unit (one call, one run, one request...)."""

    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def min(self) -> float:
        return min(self.samples)

    @property
    def max(self) -> float:
        return max(self.samples)

    def as_dict(self, scale: float = 1.0, unit: str = "s") -> dict[str, Any]:
        """Median, min, max and sample count, multiplied by ``scale`` (e.g. 1e3 for ms)."""
        return {
            f"median_{unit}": round(self.median * scale, 6),
            f"min_{unit}": round(self.min * scale, 6),
            f"max_{unit}": round(self.max * scale, 6),
            "samples": len(self.samples),
        }


def interleaved(
    sides: Mapping[str, Callable[[], Any]],
    *,
    rounds: int,
    number: int = 1,
    warmup: int = 1,
    per: int | None = None,
    self_timed: bool = False,
) -> dict[str, Stats]:
    """Time every side ``rounds`` times, alternating the order each round (A B, B A, ...).

    One sample = ``number`` back-to-back calls of the side's function, divided by ``per``
    (default ``number``) so a sample is seconds per unit. Warm-up calls are not timed.
    Garbage is collected before each sample (outside the timing) so one side's garbage
    is not charged to the other; what exists after the warm-up is frozen (``gc.freeze``) so
    those collections stay cheap and the collector's own work in a sample is that side's.
    With ``self_timed`` each function returns the seconds it measured itself (to leave its
    own set-up and tear-down out), and ``number`` must be 1.
    """
    names = list(sides)
    for name in names:
        for _ in range(warmup):
            sides[name]()
    divisor = per if per is not None else number
    samples: dict[str, list[float]] = {name: [] for name in names}
    gc.collect()
    gc.freeze()
    try:
        _rounds(sides, names, samples, rounds, number, divisor, self_timed)
    finally:
        gc.unfreeze()
    return {name: Stats(tuple(values)) for name, values in samples.items()}


def _rounds(
    sides: Mapping[str, Callable[[], Any]],
    names: list[str],
    samples: dict[str, list[float]],
    rounds: int,
    number: int,
    divisor: int,
    self_timed: bool,
) -> None:
    """The timed rounds of :func:`interleaved`, appending to ``samples``."""
    for r in range(rounds):
        order = names if r % 2 == 0 else names[::-1]
        for name in order:
            fn = sides[name]
            gc.collect()
            if self_timed:
                samples[name].append(float(fn()) / divisor)
                continue
            started = time.perf_counter()
            for _ in range(number):
                fn()
            samples[name].append((time.perf_counter() - started) / divisor)


def once(fn: Callable[[], Any]) -> float:
    """Seconds taken by one call of ``fn``."""
    gc.collect()
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def ratio(numerator: Stats, denominator: Stats) -> float:
    """Median of the per-round ratios (samples of the same round ran back to back, see ``interleaved``).

    Pairing cancels the machine's drift between rounds, which a ratio of the two medians does not;
    ``ratio_of_medians`` is printed beside it.
    """
    if len(numerator.samples) != len(denominator.samples):
        raise ValueError("ratio: both sides need one sample per round (from the same interleaved run)")
    return statistics.median(n / d for n, d in zip(numerator.samples, denominator.samples, strict=True))


def ratio_of_medians(numerator: Stats, denominator: Stats) -> float:
    """Median of one side ÷ median of the other."""
    return numerator.median / denominator.median
