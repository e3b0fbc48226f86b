"""The one vocabulary of verdicts: :class:`Outcome`, and the one rule that picks it."""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    """What a check concluded; compares equal to its text (``Outcome.PASS == "pass"``).

    >>> Outcome.decide(checked=True, problems=False, drift=True)
    <Outcome.DRIFT: 'pass (drift)'>
    >>> Outcome.decide(checked=True, problems=False, drift=True, strict=True)
    <Outcome.FAIL_DRIFT: 'FAIL (drift)'>
    """

    PASS = "pass"  # noqa: S105 - the outcome, not a password
    DRIFT = "pass (drift)"
    #: a recorded answer broke only facts we inferred or read on an older page (contract/_provenance.py)
    SUSPECT = "pass (suspect)"
    FAIL = "FAIL"
    UNCHECKED = "unchecked"
    #: with ``strict``, drift and unknown endpoints fail
    FAIL_DRIFT = "FAIL (drift)"
    FAIL_UNCHECKED = "FAIL (unchecked)"
    FAIL_SUSPECT = "FAIL (suspect)"

    @classmethod
    def decide(
        cls, *, checked: bool, problems: bool, drift: bool, strict: bool = False, suspect: bool = False
    ) -> Outcome:
        """Unchecked (no documented endpoint) first, then violations, then suspects, then drift, else pass.

        >>> Outcome.decide(checked=True, problems=False, drift=True, suspect=True)
        <Outcome.SUSPECT: 'pass (suspect)'>
        """
        if not checked:
            return cls.FAIL_UNCHECKED if strict else cls.UNCHECKED
        if problems:
            return cls.FAIL
        if suspect:
            return cls.FAIL_SUSPECT if strict else cls.SUSPECT
        if drift:
            return cls.FAIL_DRIFT if strict else cls.DRIFT
        return cls.PASS

    @property
    def failed(self) -> bool:
        """True for ``FAIL`` and its strict variants."""
        return self in (Outcome.FAIL, Outcome.FAIL_DRIFT, Outcome.FAIL_UNCHECKED, Outcome.FAIL_SUSPECT)
