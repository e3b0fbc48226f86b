"""Benchmarks for thulium_explore: ratios measured side by side in one run.

Run them all with ``python -m benchmarks`` (``--quick`` for the CI smoke mode, ``--json PATH``
for where the machine-readable table goes). See ``benchmarks/README.md``.
"""
