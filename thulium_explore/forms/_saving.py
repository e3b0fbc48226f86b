"""Saved calls in the forms: ``form.save(path, name)``, and the explorer's Save button and Saved picker.

A form's current call (``form.values``: exactly what Send would send) is appended to a recipe file with
:func:`~thulium_explore.connection.save_call` — the ``thulium-explore record`` format, credentials never,
personal values only with ``include_personal=True``. What happened is one line under the form (or under
the explorer's Save row); a refusal is that line, nothing written. :class:`SavedRow` is the explorer's row:
a name box, the recipe file (``recipes/saved.yaml`` unless changed, relative to the notebook's folder), Save,
and a "Saved" picker listing the file's saved calls; picking one opens its endpoint's form filled with the
call (the first call of a saved chain).
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import ipywidgets as W

import thulium_explore.forms._shared as _shared
from thulium_explore._errors import ConfigError, ThuliumError
from thulium_explore.catalog._catalog import Catalog
from thulium_explore.catalog._model import Endpoint
from thulium_explore.connection._saved import SavedCall, save_call, saved_calls
from thulium_explore.forms._theme import ERROR_TEXT, MUTED_TEXT

#: The recipe file the explorer saves into unless another is typed (relative to the kernel's folder).
DEFAULT_RECIPE = "recipes/saved.yaml"


class SavableForm(Protocol):
    """What saving needs of an :class:`~thulium_explore.forms.EndpointForm` (no import cycle)."""

    endpoint: Endpoint
    catalog: Catalog
    save_status: W.HTML

    @property
    def values(self) -> dict[str, Any]: ...


def error_line(message: str) -> str:
    return f"<span style='color:{ERROR_TEXT}'>⚠ {html.escape(message)}</span>"


def note_line(message: str) -> str:
    return f"<span style='color:{MUTED_TEXT}'>{message}</span>"


def save_form(
    form: SavableForm,
    path: str | os.PathLike[str],
    name: str,
    *,
    include_personal: bool = False,
    append: bool = False,
    expect: int | None = None,
) -> SavedCall:
    """Save ``form``'s current call (see :meth:`EndpointForm.save`); the outcome is ``form.save_status``."""
    folder = Path(path).parent
    made = not folder.exists()  # recipes/ is made for the first save, and removed again if it fails
    try:
        try:
            if made:
                folder.mkdir(parents=True)
            save_call(
                path,
                name,
                form.endpoint.id,
                form.values,
                include_personal=include_personal,
                append=append,
                expect=expect,
                catalog=form.catalog,
            )
        except OSError as exc:  # a folder that cannot be made, a read-only file: one line, not a traceback
            raise ConfigError(f"{path}: cannot write ({exc.strerror or exc})") from None
        saved = next(s for s in saved_calls(path, catalog=form.catalog) if s.name.casefold() == name.casefold())
    except ThuliumError as exc:
        form.save_status.value = error_line(str(exc))
        if made and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
        raise
    calls = f" ({len(saved.calls)} calls)" if len(saved.calls) > 1 else ""
    form.save_status.value = note_line(
        f"Saved <b>{html.escape(saved.name)}</b>{calls} to <code>{html.escape(str(path))}</code> · record it with "
        f"<code>thulium-explore record {html.escape(str(path))} --out cassettes</code>"
    )
    return saved


class SavedRow:
    """The explorer's Save / Saved row; ``form()`` is the form shown, ``open_saved(path, name)`` loads one."""

    def __init__(self, form: Callable[[], SavableForm], open_saved: Callable[[str, str], Any]) -> None:
        self._form = form
        self._open = open_saved
        self.name = W.Text(
            placeholder="a name, e.g. start-jan",
            layout=_shared.layout(width="14em"),
            _dom_classes=("thulium-save-name",),
        )
        self.path = W.Text(
            value=DEFAULT_RECIPE,
            continuous_update=False,
            tooltip="the recipe file (thulium-explore record reads it), relative to the notebook's folder",
            layout=_shared.layout(width="16em"),
            _dom_classes=("thulium-save-path",),
        )
        self.button = W.Button(
            description="Save",
            icon="save",
            tooltip="append the form's current call to the recipe file (no credentials; personal values refused)",
            layout=_shared.layout(width="auto"),
            style=_shared.button_style(),
            _dom_classes=("thulium-save",),
        )
        self.picker = W.Dropdown(options=[("", None)], value=None, _dom_classes=("thulium-saved-picker",))
        self.status = _shared.html(_dom_classes=("thulium-saved-status",))
        self.button.on_click(lambda _: self.save())
        self.path.observe(lambda _: self.refresh(), names="value")
        self.picker.observe(self._picked, names="value")
        label = _shared.html("<b>Saved calls</b>")
        self.widget = W.VBox(
            [W.HBox([label, self.name, self.path, self.button, self.picker], layout=_row()), self.status],
            _dom_classes=("thulium-saved-row",),
        )
        self.refresh()

    #: accessible names of the row's controls (the explorer's Accessibility applies them)
    NAMES = (
        (".thulium-save-name", "Name to save the call as"),
        (".thulium-save-path", "Recipe file"),
        (".thulium-saved-picker", "Saved calls in the recipe file"),
    )

    def refresh(self) -> list[SavedCall]:
        """Re-read the recipe file into the picker (a missing file lists nothing; a broken one says why)."""
        path = self.path.value.strip() or DEFAULT_RECIPE
        found: list[SavedCall] = []
        if os.path.exists(path):
            try:
                found = saved_calls(path, catalog=self._form().catalog)
            except ThuliumError as exc:
                self.status.value = error_line(str(exc))
        prompt = f"saved calls in {path} ({len(found)})" if found else f"no saved calls in {path} yet"
        options = [(prompt, None)] + [(_label(s), s.name) for s in found]
        with self.picker.hold_trait_notifications():
            self.picker.options = options
            self.picker.value = None
        self.picker.disabled = not found
        return found

    def save(self) -> SavedCall | None:
        """Save the shown form's call under the typed name (what the Save button does); None when refused."""
        path = self.path.value.strip() or DEFAULT_RECIPE
        form = self._form()
        try:
            saved = save_form(form, path, self.name.value.strip(), append=False)
        except ThuliumError:
            self.status.value = form.save_status.value
            return None
        self.status.value = form.save_status.value
        self.refresh()
        return saved

    def _picked(self, change: dict[str, Any]) -> None:
        name = change["new"]
        if name is None:
            return
        path = self.path.value.strip() or DEFAULT_RECIPE
        try:
            self._open(path, name)
        except ThuliumError as exc:
            self.status.value = error_line(str(exc))
        else:
            self.status.value = note_line(
                f"Loaded <b>{html.escape(name)}</b> from <code>{html.escape(path)}</code> into the form below"
            )
        self.picker.value = None


def _label(saved: SavedCall) -> str:
    more = f" + {len(saved.calls) - 1} more call(s)" if len(saved.calls) > 1 else ""
    return f"{saved.name} — {saved.endpoint_id}{more}"


def _row() -> Any:
    return _shared.layout(flex_flow="row wrap", align_items="center")
