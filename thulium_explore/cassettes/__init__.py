"""Cassettes: vcrpy recordings scrubbed before they are written and replayed through an index.

The core (files, scrubbing, matching, ``recorder``) plus one subpackage per vcrpy plug-in family:
``serializers/`` (YAML, JSON) and ``persisters/`` (atomic files). vcrpy itself is imported when a
recorder is first used.
"""

from thulium_explore._lazy import publish as _publish
from thulium_explore.cassettes._file import Cassette, find_cassettes, read_cassette
from thulium_explore.cassettes._recorder import recorder

__all__ = [
    "Cassette",
    "find_cassettes",
    "read_cassette",
    "recorder",
]

_publish(globals(), __name__)
