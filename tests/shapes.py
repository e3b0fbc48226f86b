"""A small test catalog with the shapes the real one must handle: path parameters, query arrays and
objects, JSON and raw bodies, empty responses, $refs to common schemas (tests/data/catalog_shapes)."""

from __future__ import annotations

import shutil
from pathlib import Path

from thulium_explore import Catalog
from thulium_explore.catalog import schemas_root

SHAPES = Path(__file__).parent / "data" / "catalog_shapes"


def shapes_catalog(root: Path) -> Catalog:
    """Copy the shape fixtures, the real metaschema and error object into ``root``; load them."""
    shutil.copytree(SHAPES, root, dirs_exist_ok=True)
    shutil.copytree(schemas_root() / "meta", root / "meta", dirs_exist_ok=True)
    shutil.copy(schemas_root() / "common" / "error.json", root / "common" / "error.json")
    return Catalog(root)
