"""Cassette serializers (vcrpy's ``serializers/`` plug-in family): YAML and JSON, chosen by the path's suffix."""

from __future__ import annotations

from pathlib import Path

from thulium_explore._lazy import publish as _publish
from thulium_explore.cassettes.serializers.jsonserializer import JsonSerializer
from thulium_explore.cassettes.serializers.yamlserializer import YamlSerializer

__all__ = ["JsonSerializer", "YamlSerializer", "serializer_for"]


def serializer_for(path: Path) -> YamlSerializer | JsonSerializer:
    """JSON for ``.json`` paths, YAML otherwise."""
    return JsonSerializer() if path.suffix.lower() == ".json" else YamlSerializer()


_publish(globals(), __name__)
