"""Cassette persisters (vcrpy's ``persisters/`` plug-in family)."""

from thulium_explore.cassettes.persisters.filesystem import Persister

__all__ = ["Persister"]
