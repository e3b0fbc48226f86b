"""Cassette persisters (vcrpy's ``persisters/`` plug-in family)."""

from thulium_explore._lazy import publish as _publish
from thulium_explore.cassettes.persisters.filesystem import Persister

__all__ = ["Persister"]

_publish(globals(), __name__)
