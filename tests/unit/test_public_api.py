"""The package's public surface: an honest, sorted ``__all__``; a cheap import."""

from __future__ import annotations

import importlib
import subprocess
import sys
import types

import pytest

import thulium_explore


def test_all_is_sorted_and_every_name_exists() -> None:
    names = thulium_explore.__all__
    assert names == sorted(names)
    for name in names:
        assert hasattr(thulium_explore, name), name


def test_every_public_object_is_in_all() -> None:
    public = {
        name
        for name, value in vars(thulium_explore).items()
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


def _isort_style(name: str) -> tuple[int, str]:
    """Constants, then classes, then the rest (ruff's RUF022 order for ``__all__``)."""
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


PUBLIC_PACKAGES = [
    "thulium_explore.catalog",
    "thulium_explore.client",
    "thulium_explore.contract",
    "thulium_explore.cassettes",
    "thulium_explore.cassettes.serializers",
    "thulium_explore.cassettes.persisters",
    "thulium_explore.sandbox",
    "thulium_explore.scanner",
    "thulium_explore.openapi",
    "thulium_explore.connection",
    "thulium_explore.forms",
    "thulium_explore.cli",
]


def test_dir_lists_every_public_name_even_before_first_use() -> None:
    """A notebook's tab completion (``dir``) sees lazily loaded names too, not only those already imported."""
    code = "import thulium_explore as t; print('\\n'.join(dir(t)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    listed = set(done.stdout.split())
    assert set(thulium_explore.__all__) <= listed
    assert {"Sandbox", "connect", "EndpointForm", "scan"} <= listed  # all four load lazily


def test_public_classes_report_the_public_module() -> None:
    assert repr(thulium_explore.ThuliumClient) == "<class 'thulium_explore.ThuliumClient'>"
    assert repr(thulium_explore.Sandbox) == "<class 'thulium_explore.Sandbox'>"  # lazily loaded
    for name in thulium_explore.__all__:
        value = getattr(thulium_explore, name)
        if isinstance(value, type):
            assert value.__module__ == "thulium_explore", name


@pytest.mark.parametrize("package", PUBLIC_PACKAGES)
def test_each_product_package_has_an_honest_all(package: str) -> None:
    module = importlib.import_module(package)
    names = module.__all__
    assert names == sorted(names, key=_isort_style), package  # ruff's RUF022 order
    for name in names:
        assert hasattr(module, name), (package, name)
        value = getattr(module, name)
        if isinstance(value, type):  # reports a public module, never the private one that defines it
            assert not any(part.startswith("_") for part in value.__module__.split(".")), (package, name, value)


def test_extension_points_are_exported() -> None:
    from thulium_explore import Handler, Reply, SandboxCall
    from thulium_explore.sandbox import SandboxServer, documented_example, error_reply

    def teapot(call: SandboxCall) -> Reply:
        return error_reply(418, 900418, ["short and stout"], call.new_request_id())

    handler: Handler = teapot
    with thulium_explore.Sandbox(handlers={"chat_conversations.start": handler}) as sandbox:
        assert sandbox.client().chat_conversations.start(chat_queue_id=3).status == 418
    assert issubclass(thulium_explore.Sandbox, SandboxServer)
    assert callable(documented_example)


def test_old_names_keep_working() -> None:
    assert thulium_explore.Report is thulium_explore.VerifyReport
    assert thulium_explore.Outcome.PASS == "pass"
