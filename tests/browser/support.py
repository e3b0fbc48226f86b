"""Shared by the browser tests: Chromium, notebooks written on the fly, waiting for the kernel, contrast, axe."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nbformat
import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output" / "browser"
CHROMIUM = os.environ.get("THULIUM_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
KERNEL_SECONDS = 120  # a cold kernel on a busy 2-core machine can be slow
DARK = "JupyterLab Dark"
LIGHT = "JupyterLab Light"
#: WCAG 2 AA for normal text
MIN_CONTRAST = 4.5

#: The contrast of an element's text against what is painted behind it (semi-transparent layers blended,
#: the text colour's own alpha too), from getComputedStyle: WCAG 2 relative luminance.
CONTRAST_JS = """
(el) => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const blend = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const layers = [];
  for (let n = el; n; n = n.parentElement) {
    const bg = parse(getComputedStyle(n).backgroundColor);
    if (bg[3] > 0) {
      layers.push(bg);
      if (bg[3] >= 1) break;
    }
  }
  let bg = [255, 255, 255, 1];
  for (let i = layers.length - 1; i >= 0; i--) bg = blend(layers[i], bg);
  const fg = blend(parse(getComputedStyle(el).color), bg);
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
  return { ratio: (hi + 0.05) / (lo + 0.05), color: getComputedStyle(el).color, background: `rgb(${bg.slice(0, 3)})` };
}
"""


def need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"chromium not found at {CHROMIUM}: install Debian's chromium (scripts/test does) "
            "or set THULIUM_TEST_CHROMIUM to its path"
        )


def write_notebook(path: Path, *cells: str) -> Path:
    """A notebook of code cells, with the python3 kernelspec."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nbformat.write(nb, path)
    return path


def wait_for_idle_kernel(page: Page, seconds: float = KERNEL_SECONDS) -> None:
    """Wait until the status bar shows a started Python kernel that is idle."""
    deadline = time.monotonic() + seconds
    text = ""
    bar = page.locator("#jp-main-statusbar")
    while time.monotonic() < deadline:
        text = bar.inner_text(timeout=10_000) if bar.count() else ""
        if re.search(r"Python 3.*\|\s*Idle", text):
            return
        dialog = page.locator(".jp-Dialog button.jp-mod-accept")
        if dialog.count():  # "Select Kernel": accept the preferred one
            dialog.first.click()
        time.sleep(0.5)
    raise AssertionError(f"the kernel was not idle within {seconds} s (status bar: {text!r})")


def run_all(page: Page) -> None:
    page.click("li.lm-MenuBar-item:has-text('Run')")
    page.click("li.lm-Menu-item[data-command='runmenu:run-all']")


def use_theme(page: Page, theme: str) -> None:
    """Settings → Theme → ``theme``, as a user does; waits until the page wears it."""
    page.click("li.lm-MenuBar-item:has-text('Settings')")
    page.locator("li.lm-Menu-item", has_text="Theme").first.hover()
    page.locator(f"li.lm-Menu-item[data-command='apputils:change-theme']:has-text('{theme}')").first.click()
    page.wait_for_function("name => document.body.dataset.jpThemeName === name", arg=theme, timeout=30_000)
    time.sleep(1.0)  # the theme's CSS variables apply after its stylesheet loads


def contrast(locator: Locator) -> dict[str, Any]:
    found: dict[str, Any] = locator.first.evaluate(CONTRAST_JS)
    return found


def serious_axe_violations(page: Page, selector: str) -> list[str]:
    """axe-core's serious and critical violations inside ``selector`` (axe.min.js ships with the package)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context={"include": [[selector]]})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]
