"""vcrpy's JSON cassette format (bodies must be text)."""

from __future__ import annotations

import json
from typing import Any

from thulium_explore._errors import CassetteError


class JsonSerializer:
    """vcrpy's JSON format (bodies must be text)."""

    @staticmethod
    def serialize(data: Any) -> str:
        try:
            return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        except TypeError:
            raise CassetteError(
                "a binary body cannot be stored in a .json cassette; use a .yaml path (example: cassettes/session.yaml)"
            ) from None

    @staticmethod
    def deserialize(text: str) -> Any:
        return json.loads(text)
