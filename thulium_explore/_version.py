"""The package version, single-sourced: hatch reads it from here, ``thulium_explore.__version__`` re-exports it."""

__version__ = "0.1.0"
