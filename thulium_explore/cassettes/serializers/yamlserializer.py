"""vcrpy's YAML cassette format, written with UTF-8 text kept readable and keys in recorded order."""

from __future__ import annotations

from typing import Any


class YamlSerializer:
    """vcrpy's YAML format, dumped with UTF-8 text kept as is and keys in recorded order."""

    @staticmethod
    def serialize(data: Any) -> str:
        import yaml

        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        return str(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000))

    @staticmethod
    def deserialize(text: str) -> Any:
        from vcr.serializers import yamlserializer

        return yamlserializer.deserialize(text)
