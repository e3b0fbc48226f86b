"""The four colours every HTML view uses (GitHub's Primer palette): one home for the forms' theme,
the verify report's table and ``CallResult``'s HTML."""

GREEN = "#1a7f37"  # success: 2xx, contract pass, connected
AMBER = "#9a6700"  # worth a look: 3xx, drift
RED = "#cf222e"  # failure, errors, the required marker
GREY = "#57606a"  # secondary text: hints, "(optional)", timings, unchecked
