"""Accessibility the plain ipywidgets cannot give, and a Copy button that reaches the clipboard.

Two small anywidgets (their JavaScript is below, shipped as strings: nothing to build or bundle):

* :class:`Accessibility` sits inside a form (or the explorer) and decorates the page around it: every
  editor named in ``names`` gets an accessible name equal to its label (``aria-label``, so Playwright's
  ``page.get_by_label("Chat queue id")`` finds it), ``aria-required``, ``aria-invalid`` while its error
  is shown and ``aria-describedby`` pointing at that error line (and the field's hint); a group of
  toggle buttons becomes a named ``role=group``. Its own element is a polite live region
  (``role=status``) that announces ``announce`` — the form's problem count. It re-applies the
  attributes whenever ipywidgets re-renders the form (a ``MutationObserver``).
* :class:`CopyButton` writes ``text`` to the clipboard (``navigator.clipboard``, else the older
  ``execCommand("copy")``) and says so in a live region: "Copied" or how to copy by hand.

The focus ring and the visually hidden class come with the CSS in ``forms/_theme.py`` (:data:`A11Y_CSS`).
Saved notebooks show the static HTML views instead (``forms/_static.py``); neither widget has one.

>>> names = field_names([])
>>> names
[]
>>> problem_announcement(0), problem_announcement(2)
('No problems: ready to send', '2 problems to fix before sending')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import anywidget
import traitlets

from thulium_explore.forms._theme import A11Y_CSS
from thulium_explore.forms._types import FieldLike

_DECORATE_ESM = """
const CONTROLS = ":scope > input, :scope > textarea, :scope > select";

function setAttr(node, name, value) {
  if (value === null || value === undefined || value === "") {
    if (node.hasAttribute(name)) node.removeAttribute(name);
  } else if (node.getAttribute(name) !== value) {
    node.setAttribute(name, value);
  }
}

function decorate(root, item) {
  for (const box of root.querySelectorAll(item.selector)) {
    if (box.matches("button")) continue;  // a group's show/hide button keeps its own text
    const controls = Array.from(box.querySelectorAll(CONTROLS));
    if (controls.length === 0) {  // toggle buttons, a nested group: a named group (or item.role)
      setAttr(box, "role", item.role || "group");
      setAttr(box, "aria-label", item.label);
      if (item.focusable) setAttr(box, "tabindex", "0");  // a scrolled region the keyboard can reach
      continue;
    }
    for (const control of controls) {
      setAttr(control, "aria-label", item.label);
      setAttr(control, "aria-required", item.required ? "true" : null);
      setAttr(control, "aria-invalid", item.invalid ? "true" : null);
      setAttr(control, "aria-describedby", item.describedby || null);
    }
  }
}

function render({ model, el }) {
  el.classList.add("thulium-a11y");
  const live = document.createElement("div");
  live.className = "thulium-announce thulium-visually-hidden";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  live.setAttribute("aria-atomic", "true");
  el.appendChild(live);
  let root = null;
  let observer = null;
  let queued = false;
  let timer = null;
  let tries = 0;
  const apply = () => {
    queued = false;
    if (root === null) {
      if (!el.isConnected) return false;
      root = el.closest(model.get("root")) || el.parentElement;
      if (root === null) return false;
      observer = new MutationObserver(schedule);
      observer.observe(root, { childList: true, subtree: true });
    }
    for (const item of model.get("names")) decorate(root, item);
    const text = model.get("announce");
    if (live.textContent !== text) live.textContent = text;
    return true;
  };
  function schedule() {
    if (!queued) {
      queued = true;
      setTimeout(apply, 0);
    }
  }
  const wait = () => {
    if (!apply() && tries++ < 600) timer = setTimeout(wait, 100);
  };
  wait();
  model.on("change:names", schedule);
  model.on("change:announce", schedule);
  return () => {
    clearTimeout(timer);
    if (observer !== null) observer.disconnect();
    model.off("change:names", schedule);
    model.off("change:announce", schedule);
  };
}

export default { render };
"""

_COPY_ESM = """
function copyByHand(text) {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand("copy");
  } catch (error) {
    done = false;
  }
  area.remove();
  return done;
}

function render({ model, el }) {
  el.classList.add("thulium-copy-widget");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "jupyter-widgets jupyter-button widget-button thulium-copy";
  const icon = document.createElement("i");
  icon.className = "fa fa-copy";
  icon.setAttribute("aria-hidden", "true");
  const label = document.createElement("span");
  button.append(icon, " ", label);
  const status = document.createElement("span");
  status.className = "thulium-copy-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const update = () => {
    label.textContent = model.get("label");
    button.title = "Copy to the clipboard: " + model.get("label");
  };
  update();
  model.on("change:label", update);
  button.addEventListener("click", async () => {
    const text = model.get("text");
    let done = false;
    try {
      await navigator.clipboard.writeText(text);
      done = true;
    } catch (error) {
      done = copyByHand(text);
    }
    status.textContent = done
      ? "Copied"
      : "The browser refused the clipboard: select the text above and press Ctrl+C";
  });
  el.append(button, " ", status);
  return () => model.off("change:label", update);
}

export default { render };
"""


class Accessibility(anywidget.AnyWidget):
    """Decorates the editors under the closest ``root`` ancestor and announces ``announce`` (see the module)."""

    _esm = _DECORATE_ESM
    _css = A11Y_CSS
    root = traitlets.Unicode(".thulium-form").tag(sync=True)
    #: ``{"selector", "label", "required", "invalid", "describedby"}`` per editor
    names = traitlets.List(traitlets.Dict()).tag(sync=True)
    announce = traitlets.Unicode("").tag(sync=True)

    def __repr__(self) -> str:
        return f"<Accessibility root={self.root!r} names={len(self.names)}>"


class CopyButton(anywidget.AnyWidget):
    """``Copy <what>``: writes ``text`` to the clipboard in the browser and says whether it worked."""

    _esm = _COPY_ESM
    _css = A11Y_CSS
    text = traitlets.Unicode("").tag(sync=True)
    label = traitlets.Unicode("Copy").tag(sync=True)

    def __repr__(self) -> str:
        return f"<CopyButton {self.label!r} ({len(self.text)} characters)>"


def field_names(fields: Iterable[FieldLike]) -> list[dict[str, Any]]:
    """What :class:`Accessibility` applies to each field's editor: its label, whether required, whether
    its error is shown, and the ids of its error line and hint (``describedby``)."""
    names = []
    for f in fields:
        ids = getattr(f, "described_by", ())
        names.append(
            {
                "selector": f".{f.spec.css_class}",
                "label": f.spec.title,
                "required": f.spec.required,
                "invalid": getattr(f, "error", None) is not None,
                "describedby": " ".join(ids),
            }
        )
        suggest = getattr(f, "suggest", None)
        if suggest is not None:  # the recent-values dropdown beside it (forms/_suggest.py)
            names.append(
                {
                    "selector": f".{suggest.css_class}",
                    "label": f"Recent values for {f.spec.title}",
                    "required": False,
                    "invalid": False,
                    "describedby": "",
                }
            )
    return names


#: The scrolled box of a list answer's table (client/_table.py): a named region the keyboard can focus and
#: scroll (axe-core's scrollable-region-focusable), decorated by each form's :class:`Accessibility`.
TABLE_REGION: dict[str, Any] = {
    "selector": ".thulium-table > div[style*='overflow']",
    "label": "Items of the answer (focus it to scroll with the arrow keys)",
    "required": False,
    "invalid": False,
    "describedby": "",
    "role": "region",
    "focusable": True,
}


def problem_announcement(count: int) -> str:
    """What the live region says about a form's problems."""
    if count == 0:
        return "No problems: ready to send"
    return f"{count} problem{'s' * (count != 1)} to fix before sending"


def labelled(selectors: Sequence[tuple[str, str]], root: str) -> Accessibility:
    """An :class:`Accessibility` naming other widgets (the endpoint list of the explorer, ...)."""
    return Accessibility(
        root=root,
        names=[
            {"selector": s, "label": label, "required": False, "invalid": False, "describedby": ""}
            for s, label in selectors
        ],
    )
