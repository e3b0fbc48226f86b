"""The package's public surface: an honest, sorted ``__all__``; a cheap import."""

from __future__ import annotations

import subprocess
import sys
import types

import thulium_explore


def test_all_is_sorted_and_every_name_exists() -> None:
    names = thulium_explore.__all__
    assert names == sorted(names)
    for name in names:
        assert hasattr(thulium_explore, name), name


def test_every_public_object_is_in_all() -> None:
    public = {
        name for name, value in vars(thulium_explore).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert public <= set(thulium_explore.__all__), public - set(thulium_explore.__all__)


def test_exported_classes_claim_the_public_package() -> None:
    for name in thulium_explore.__all__:
        value = getattr(thulium_explore, name)
        module = getattr(value, "__module__", "thulium_explore")
        assert module.startswith("thulium_explore"), (name, module)


def test_every_error_shares_one_base_and_bad_input_is_value_error() -> None:
    from thulium_explore import (
        ApiError,
        CassetteError,
        CatalogError,
        ConfigError,
        ParameterError,
        ThuliumError,
        TransportError,
    )

    for cls in (ApiError, CassetteError, CatalogError, ConfigError, ParameterError, TransportError):
        assert issubclass(cls, ThuliumError)
    for cls in (ConfigError, ParameterError, CassetteError):
        assert issubclass(cls, ValueError)


def _modules_after_import() -> set[str]:
    """The modules a fresh interpreter has loaded after ``import thulium_explore``."""
    code = "import sys, thulium_explore; print('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_import_does_not_load_widgets_or_jupyter() -> None:
    heavy = {"ipywidgets", "IPython", "jupyter_client", "vcr"}
    assert sorted(m for m in _modules_after_import() if m.split(".")[0] in heavy) == []


def test_import_loads_only_the_core_modules() -> None:
    lazy = {"sandbox", "scanner", "openapi", "connection", "forms", "cli"}
    ours = [m for m in _modules_after_import() if m.startswith("thulium_explore")]
    assert "thulium_explore.client._client" in ours
    assert sorted(m for m in ours if m.split(".")[1:2] and m.split(".")[1] in lazy) == []
    assert thulium_explore.Sandbox.client  # and they load on first use
