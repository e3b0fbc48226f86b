"""Lazy exports for a package's ``__init__``: names whose module loads on first use, and an honest ``__dir__``.

``import thulium_explore`` loads only the client core; the sandbox, the scan, the OpenAPI export and
the forms (which need ipywidgets) load when one of their names is first used. Classes report the
public module that exports them (``thulium_explore.Sandbox``, as httpx does), not the private one
that defines them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from importlib import import_module
from typing import Any


def publish(namespace: Mapping[str, Any], public_module: str) -> None:
    """Make every class in ``namespace["__all__"]`` report ``public_module`` as its module."""
    for name in namespace["__all__"]:
        value = namespace.get(name)
        if value is not None:
            _claim(value, public_module)


def _claim(value: Any, public_module: str) -> None:
    if isinstance(value, type) and value.__module__.startswith("thulium_explore."):
        value.__module__ = public_module


def lazy_exports(
    namespace: MutableMapping[str, Any], lazy: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for the package whose globals are ``namespace``.

    ``lazy`` maps a public name to the module (absolute dotted path) that defines it; the module is
    imported when the name is first read, and the value is cached in the package's globals.
    """
    package = str(namespace["__name__"])

    def __getattr__(name: str) -> Any:
        module = lazy.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        _claim(value, package)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(namespace["__all__"]))

    return __getattr__, __dir__
