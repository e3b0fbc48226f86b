"""Helpers for the forms tests: a catalog with the kitchen-sink test endpoint, a client that never sends."""

from __future__ import annotations

import shutil
from pathlib import Path

from thulium_explore import Catalog, ThuliumClient
from thulium_explore.catalog import schemas_root

DATA = Path(__file__).parent / "data" / "forms_catalog"


def make_sink_catalog(tmp: Path) -> Catalog:
    """The real meta schema and error object plus tests/unit/data/forms_catalog (every kind of field)."""
    root = tmp / "schemas"
    shutil.copytree(DATA, root)
    shutil.copytree(schemas_root() / "meta", root / "meta")
    shutil.copy(schemas_root() / "common" / "error.json", root / "common" / "error.json")
    shutil.copy(schemas_root() / "endpoints" / "chat_conversations.start.json", root / "endpoints")
    return Catalog(root)


def offline_client(catalog: Catalog | None = None) -> ThuliumClient:
    """A client for a loopback port nobody listens on: building and validating forms never sends."""
    return ThuliumClient("http://127.0.0.1:9", "api_user", "api_pass", catalog=catalog, timeout=2)
