"""Every colour of the HTML views, in one home (with ``forms/_theme.py`` for the forms' extra shades).

Two kinds, so both JupyterLab Light and JupyterLab Dark stay readable:

* **Fills** (``GREEN``, ``AMBER``, ``RED``, ``GREY``): fixed colours (GitHub's Primer palette) under
  white text — pills such as ``HTTP 200`` and ``contract: pass`` — and small marks such as ``●``. A
  pill brings its own background, so white on it reads ≥ 4.8:1 in every theme.
* **Text** (``*_TEXT``): colours of text on the page, taken from JupyterLab's CSS variables with the
  light colour as fallback outside JupyterLab: ``var(--jp-error-color1, #cf222e)``. Where JupyterLab
  sanitizes an untrusted notebook's HTML, the ``var(...)`` is dropped and the theme's own text colour
  shows, which is readable too.
"""

GREEN = "#1a7f37"  # success: 2xx, contract pass, connected
AMBER = "#9a6700"  # worth a look: 3xx, drift
RED = "#cf222e"  # failure, errors
GREY = "#57606a"  # unchecked, a bare client
BADGE_TEXT = "#ffffff"  # on a GREEN / AMBER / RED / GREY fill

TEXT = "var(--jp-content-font-color1, #1f2328)"  # body text (the error box sets it with its background)
MUTED_TEXT = "var(--jp-content-font-color2, #57606a)"  # secondary text: hints, "(optional)", timings
ERROR_TEXT = "var(--jp-error-color1, #cf222e)"  # an error line, the required marker
