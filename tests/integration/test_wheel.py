"""A non-editable install into a fresh virtualenv outside the repo loads the whole catalog."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_ships_the_schemas(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    [wheel] = wheels.glob("thulium_explore-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # Install the wheel itself (not editable) with this interpreter's pip into the new environment.
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    # Dependencies come from this environment's site-packages, added as a plain path (not a site
    # dir, so the repo's editable-install hook there is not processed).
    site = next(
        Path(p)
        for p in sys.path
        if p.endswith("site-packages")
        and Path(p).is_dir()
        and Path(p).resolve() == Path(sysconfig.get_paths()["purelib"]).resolve()
    )
    [new_site] = (env_dir / "lib").glob("python3*/site-packages")
    (new_site / "zz_deps.pth").write_text(str(site) + "\n", encoding="utf-8")
    code = (
        "import json, thulium_explore as t; from thulium_explore.catalog._catalog import schemas_root; "
        "c = t.default_catalog(); "
        "print(json.dumps({'file': t.__file__, 'root': str(schemas_root()), 'count': len(c), "
        "'ids': sorted(c.endpoints)}))"
    )
    done = subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    assert info["file"].startswith(str(env_dir)), info["file"]
    assert info["root"].startswith(str(new_site)), info["root"]
    repo_ids = sorted(p.name.removesuffix(".json") for p in (REPO / "schemas" / "endpoints").glob("*.json"))
    assert info["ids"] == repo_ids
