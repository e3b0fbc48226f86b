"""Issue 12 in JupyterLab + Chromium: accessible forms (names, invalid marks, announced count, focus ring,
axe-core), plain-text phone numbers, exact example fill, Enter sends, clipboard copy, both themes readable,
the mode switch never sending elsewhere than shown, and an executed notebook read without a kernel.

One JupyterLab (and one Chromium) serves the whole module. The "live" tenant is a second loopback Sandbox
started here; the kernel reaches it through the switch's ``environ`` (no real tenant is ever contacted).
Screenshots go to ``test-output/browser/`` (gitignored) when a step fails.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nbformat
import pytest
from nbclient import NotebookClient
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from tests.browser.lab import Lab, running_lab
from tests.browser.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DARK,
    KERNEL_SECONDS,
    LIGHT,
    MIN_CONTRAST,
    OUTPUT,
    contrast,
    need_chromium,
    run_all,
    serious_axe_violations,
    use_theme,
    wait_for_idle_kernel,
    write_notebook,
)
from thulium_explore import Sandbox

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(900)]

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
NO_CONVERSATION = "00000000-0000-0000-0000-000000000000"
IMPORTS = "from thulium_explore import connect\nfrom thulium_explore.forms import EndpointForm, ModeSwitch, explore"
FORMS_CELLS = (
    f"{IMPORTS}\nconn = connect('sandbox')",
    "start = EndpointForm(conn, 'chat_conversations.start')\nstart",
    "customers = EndpointForm(conn, 'customers.create')\ncustomers",
    "message = EndpointForm(conn, 'chat_conversations.message')\n"
    f"message.set(id='{NO_CONVERSATION}', text='hi').submit()\nmessage",
    "explore(conn)",
)


DATA_CELLS = (
    "from thulium_explore import connect\nfrom thulium_explore.forms import EndpointForm, progress_bar\n"
    "conn = connect('sandbox')",
    "message = EndpointForm(conn, 'chat_conversations.message')  # opened before the start\nmessage",
    "started = conn.client.send('chat_conversations.start', {'chat_queue_id': 3}).json['conversation_id']\n"
    "print('started', started)",
    "tickets = EndpointForm(conn, 'tickets.list')\ntickets.submit()\ntickets",
    "pages = conn.client.paginate('tickets.list', page_size=100, progress=progress_bar())\nlen(pages.all())",
)


AUTHORED_CELLS = (
    f"{IMPORTS}\nconn = connect('sandbox')",
    "start = EndpointForm(conn, 'chat_conversations.start')\nstart",
    "start.set(chat_queue_id=6).submit().status",
)


@pytest.fixture(scope="module")
def live() -> Iterator[Sandbox]:
    with Sandbox() as tenant:
        yield tenant


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory, live: Sandbox) -> Iterator[Lab]:
    need_chromium()
    base = tmp_path_factory.mktemp("lab")
    notebooks = base / "src"
    notebooks.mkdir()
    write_notebook(notebooks / "forms.ipynb", *FORMS_CELLS)
    write_notebook(notebooks / "data.ipynb", *DATA_CELLS)
    write_notebook(notebooks / "authored.ipynb", *AUTHORED_CELLS)
    config = base / "jupyter" / "config"  # the server's JUPYTER_CONFIG_DIR (tests/browser/lab.py)
    config.mkdir(parents=True)
    hook = {"ContentsManager": {"pre_save_hook": "thulium_explore.forms.strip_widget_views"}}
    (config / "jupyter_server_config.json").write_text(json.dumps(hook), encoding="utf-8")
    env = {"THULIUM_BASE_URL": live.base_url, "THULIUM_API_USER": live.user, "THULIUM_API_PASSWORD": live.password}
    write_notebook(
        notebooks / "switch.ipynb",
        f"{IMPORTS}\nswitch = ModeSwitch('live', environ={env!r})\nswitch",
        "form = EndpointForm(switch, 'chat_conversations.start')\nform",
    )
    with running_lab(notebooks, base) as server:
        yield server


@pytest.fixture(scope="module")
def browser(lab: Lab) -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def notebook_page(browser: Browser, lab: Lab, name: str) -> Iterator[tuple[Page, Callable[[str], None]]]:
    """A page showing ``name``; yields it and ``step(what)``; a failure names the step, with a screenshot."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=lab.url)
    page = context.new_page()
    state = {"step": f"opening {name}"}

    def step(what: str) -> None:
        state["step"] = what

    try:
        # reset: the workspace of an earlier page (its notebook tab) is not restored beside this one
        page.goto(lab.notebook_url(name) + "&reset", wait_until="domcontentloaded", timeout=60_000)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
        yield page, step
    except (AssertionError, PlaywrightTimeout) as exc:
        shot = OUTPUT / f"{Path(name).stem}_failure.png"
        page.screenshot(path=str(shot))
        shutil.copy(lab.log, OUTPUT / "jupyterlab.log")
        raise AssertionError(
            f"browser test failed while {state['step']}: {str(exc).splitlines()[0]}\n"
            f"screenshot: {shot}\nJupyterLab log (tail):\n{lab.log_tail(15)}"
        ) from exc
    finally:
        context.close()


def answered(form: Locator, text: str) -> None:
    form.locator(".thulium-viewer .thulium-request").filter(has_text=text).wait_for(timeout=60_000)


def readable(page: Page, theme: str, targets: dict[str, Locator]) -> None:
    for what, locator in targets.items():
        found = contrast(locator)
        assert found["ratio"] >= MIN_CONTRAST, f"{theme}: {what} contrast {found}"
    page.screenshot(path=str(OUTPUT / f"forms_{theme.split()[-1].lower()}.png"))


def test_forms_accessible_plain_text_and_readable_in_both_themes(browser: Browser, lab: Lab) -> None:
    with notebook_page(browser, lab, "forms.ipynb") as (page, step):
        step("running every cell")
        wait_for_idle_kernel(page)
        run_all(page)
        forms = page.locator(".thulium-form")
        start, customers, message = forms.nth(0), forms.nth(1), forms.nth(2)
        message.locator(".thulium-api-errors").wait_for(timeout=KERNEL_SECONDS * 1000)
        page.locator(".thulium-explorer .thulium-form").wait_for(timeout=KERNEL_SECONDS * 1000)
        wait_for_idle_kernel(page)

        step("finding the chat queue id box by its label")
        queue = start.get_by_label("Chat queue id", exact=True)
        queue.wait_for(timeout=30_000)
        assert queue.evaluate("e => e.tagName") == "INPUT"
        for label in ("Client's first name", "External client id", "Thulium customer id"):
            assert start.get_by_label(label, exact=True).count() == 1, label

        step("typing a bad value: marked invalid, its message tied to it, the count announced")
        queue.fill("abc")
        start.locator("input[aria-invalid='true']").wait_for(timeout=15_000)
        described = queue.get_attribute("aria-describedby") or ""
        error = page.locator(f"[id='{described.split()[0]}']")
        assert "$.chat_queue_id" in error.inner_text() and "integer" in error.inner_text(), error.inner_text()
        live_region = start.locator(".thulium-announce[role='status'][aria-live='polite']")
        assert live_region.text_content() == "1 problem to fix before sending"

        step("the keyboard focus ring")
        queue.focus()
        ring = queue.evaluate("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth]; }")
        assert ring[0] == "solid" and float(ring[1].rstrip("px")) >= 2, ring

        step("Enter in a one-line box sends a valid form")
        queue.fill("7")
        start.locator(".thulium-announce").filter(has_text="No problems").wait_for(timeout=15_000)
        assert queue.get_attribute("aria-invalid") is None
        queue.press("Enter")
        answered(start, "chat_queue_id=7")

        step("Copy body writes the clipboard")
        start.locator(".thulium-viewer button.thulium-copy", has_text="Copy body").click()
        start.locator(".thulium-copy-status", has_text="Copied").first.wait_for(timeout=15_000)
        copied = json.loads(page.evaluate("navigator.clipboard.readText()"))
        shown = start.locator(".thulium-viewer .thulium-result").inner_text()
        assert UUID.fullmatch(copied["conversation_id"]) and copied["conversation_id"] in shown

        step("Fill documented example fills exactly the documented request")
        start.locator("button.thulium-fill-example").click()
        page.wait_for_function("e => e.value === '3'", arg=queue.element_handle(), timeout=15_000)
        assert start.get_by_label("External client id", exact=True).input_value() == "1234"
        for label in ("Thulium customer id", "Client's first name", "Client's e-mail"):
            assert start.get_by_label(label, exact=True).input_value() == "", label

        step("a phone number typed as people write it is sent as a string")
        customers.get_by_label("Surname", exact=True).fill("Kowalski")
        customers.get_by_label("Phone number(s)", exact=True).fill("+48 222 333 444")
        send = customers.locator("button.thulium-send")
        page.wait_for_function("b => !b.disabled", arg=send.element_handle(), timeout=15_000)
        send.click()
        answered(customers, "/api/customers")
        sent = customers.locator(".thulium-viewer .thulium-request-body pre").text_content() or ""
        assert json.loads(sent)["phone_number"] == "+48 222 333 444", sent

        step("axe-core on a form, an answer and the explorer (light)")
        for selector in (".thulium-form", ".thulium-viewer", ".thulium-explorer"):
            assert serious_axe_violations(page, selector) == [], selector

        targets = {
            "form label": start.locator(".thulium-field-header b").first,
            "JSON string value": start.locator(".thulium-viewer .thulium-leaf code").filter(has_text='"').first,
            "Thulium says box": message.locator(".thulium-api-errors"),
            "Thulium's message": message.locator(".thulium-api-errors li b"),
        }
        step("text contrast in JupyterLab Light")
        readable(page, LIGHT, targets)
        try:
            step("switching to JupyterLab Dark")
            use_theme(page, DARK)
            step("text contrast in JupyterLab Dark")
            readable(page, DARK, targets)
            step("axe-core in JupyterLab Dark")
            assert serious_axe_violations(page, ".thulium-form") == []
        finally:
            use_theme(page, LIGHT)  # the theme is a user setting: the next page opens light


def test_list_table_suggestions_and_progress(browser: Browser, lab: Lab) -> None:
    """Issue 13: a list answer as a table, the recent-values dropdown of a form opened before the start (it
    follows the cell that started the conversation), choosing fills the field, the paginate progress bar;
    axe-core clean on them."""
    with notebook_page(browser, lab, "data.ipynb") as (page, step):
        step("running every cell")
        wait_for_idle_kernel(page)
        run_all(page)
        page.locator(".thulium-progress-text", has_text="1,000 of 1,000 items").wait_for(timeout=KERNEL_SECONDS * 1000)
        wait_for_idle_kernel(page)

        step("the started conversation is offered in the message form opened before it")
        printed = page.locator(".jp-OutputArea-output", has_text="started ").first.inner_text()
        conversation = UUID.search(printed)
        assert conversation is not None, printed
        message = page.locator(".thulium-form").nth(0)
        dropdown = message.get_by_label("Recent values for Conversation id", exact=True)
        assert dropdown.evaluate("e => e.tagName") == "SELECT"
        page.wait_for_function(
            "([e, id]) => Array.from(e.options).some(o => o.text.startsWith(id))",
            arg=[dropdown.element_handle(), conversation.group(0)],
            timeout=30_000,
        )
        options = [o.replace("\xa0", " ") for o in dropdown.locator("option").all_inner_texts()]  # ipywidgets' nbsp
        assert options[0] == "recent values (1)", options
        assert options[1].startswith(f"{conversation.group(0)} (from chat_conversations.start, "), options

        step("choosing it fills the field: what is shown is what is sent")
        dropdown.select_option(index=1)
        box = message.get_by_label("Conversation id", exact=True)
        page.wait_for_function("([e, id]) => e.value === id", arg=[box.element_handle(), conversation.group(0)])
        message.get_by_label("Message text", exact=True).fill("hello")
        send = message.locator("button.thulium-send")
        page.wait_for_function("b => !b.disabled", arg=send.element_handle(), timeout=15_000)
        send.click()
        answered(message, conversation.group(0))
        assert "HTTP 200" in message.locator(".thulium-viewer .thulium-result").inner_text()

        step("the list answer is a table: documented columns, 50 rows drawn, the count said")
        tickets = page.locator(".thulium-form").nth(1)
        table = tickets.locator(".thulium-viewer .thulium-table-view table")
        table.wait_for(timeout=30_000)
        assert table.locator("tbody tr").count() == 50
        region = tickets.locator(".thulium-table-view .thulium-table > div[role='region'][tabindex='0']")
        region.wait_for(timeout=15_000)  # the scrolled box: named, reachable by keyboard
        assert region.get_attribute("aria-label", timeout=5_000), "the table's region has no name"
        caption = tickets.locator(".thulium-viewer .thulium-table").inner_text()
        assert "1,000" in caption or "1000" in caption, caption[:200]
        toggle = tickets.locator(".thulium-body-toggle button")
        assert toggle.all_inner_texts() == ["table", "pretty", "raw"]
        toggle.filter(has_text="pretty").click()
        tickets.locator(".thulium-viewer .thulium-body details").first.wait_for(timeout=15_000)
        assert tickets.locator(".thulium-viewer .thulium-table-view").count() == 0
        toggle.filter(has_text="table").click()
        table.wait_for(timeout=15_000)

        step("axe-core on the forms with the dropdown and the table, and on the progress bar")
        for selector in (".thulium-form", ".thulium-progress"):
            assert serious_axe_violations(page, selector) == [], selector


def test_switch_never_sends_elsewhere_than_it_shows(browser: Browser, lab: Lab, live: Sandbox) -> None:
    with notebook_page(browser, lab, "switch.ipynb") as (page, step):
        step("running the cells")
        wait_for_idle_kernel(page)
        run_all(page)
        switch, form = page.locator(".thulium-mode-switch"), page.locator(".thulium-form")
        badge, send = form.locator(".thulium-target"), form.locator("button.thulium-send")
        queue = form.get_by_label("Chat queue id", exact=True)
        queue.wait_for(timeout=KERNEL_SECONDS * 1000)
        wait_for_idle_kernel(page)
        assert "LIVE" in badge.inner_text(), badge.inner_text()

        def click(mode: str) -> None:
            switch.locator(".thulium-mode button", has_text=mode).first.click()

        def connect() -> None:
            switch.locator("button:text-is('Connect')").click()

        def send_and_wait(queue_id: str) -> None:
            queue.fill(queue_id)
            page.wait_for_function("b => !b.disabled", arg=send.element_handle(), timeout=30_000)
            send.click()
            answered(form, f"chat_queue_id={queue_id}")

        step("Send on live reaches the live tenant")
        send_and_wait("11")
        assert len(live.calls) == 1
        step("axe-core on the mode switch")
        assert serious_axe_violations(page, ".thulium-mode-switch") == []

        step("clicking sandbox: Send waits for Connect, Enter sends nothing")
        click("sandbox")
        badge.filter(has_text="not connected").wait_for(timeout=15_000)
        assert "sandbox" in badge.inner_text() and "LIVE" not in badge.inner_text()
        assert send.is_disabled()
        queue.fill("12")
        queue.press("Enter")
        time.sleep(2)
        assert len(live.calls) == 1

        step("Connect, then Send goes to the sandbox shown")
        connect()
        badge.filter(has_not_text="not connected").wait_for(timeout=60_000)
        send_and_wait("13")
        assert len(live.calls) == 1

        step("clicking live: Send waits again; after Connect it reaches the tenant")
        click("live")
        badge.filter(has_text="not connected").wait_for(timeout=15_000)
        assert send.is_disabled()
        connect()
        badge.filter(has_not_text="not connected").wait_for(timeout=60_000)
        assert "LIVE" in badge.inner_text()
        send_and_wait("14")
        assert len(live.calls) == 2
        rows = form.locator(".thulium-history .thulium-target-label").all_inner_texts()
        assert [("LIVE" in r, "sandbox" in r) for r in rows] == [(True, False), (False, True), (True, False)], rows


def test_executed_notebook_reads_without_a_kernel(browser: Browser, lab: Lab, tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in FORMS_CELLS[:2]]
    nb.cells.append(nbformat.v4.new_code_cell("start.set(chat_queue_id=5).submit().status"))
    NotebookClient(nb, timeout=KERNEL_SECONDS, kernel_name="python3", store_widget_state=False).execute()
    nbformat.write(nb, lab.root / "saved.ipynb")
    with notebook_page(browser, lab, "saved.ipynb") as (page, step):
        step("shutting the notebook's kernel down (Kernel → Shut Down Kernel)")
        wait_for_idle_kernel(page)
        page.click("li.lm-MenuBar-item:has-text('Kernel')")
        page.click("li.lm-Menu-item[data-command='kernelmenu:shutdown']")
        accept = page.locator(".jp-Dialog button.jp-mod-accept")
        with contextlib.suppress(PlaywrightTimeout):
            accept.wait_for(timeout=3_000)
            accept.click()
        page.locator("#jp-main-statusbar").filter(has_text="No Kernel").wait_for(timeout=30_000)
        assert not [s for s in sessions(lab) if s["path"].endswith("saved.ipynb") and s.get("kernel")]
        step("reading the saved answer")
        static = page.locator(".thulium-form-static")
        static.wait_for(timeout=60_000)
        text = static.inner_text()
        assert "run this cell to use the form for chat_conversations.start" in text
        assert "HTTP 200" in text and "contract: pass" in text and "chat_queue_id=5" in text
        assert UUID.search(text), text
        time.sleep(3)  # anything late to render would show by now
        assert page.get_by_text("Error displaying widget").count() == 0
        assert page.get_by_text("Loading widget").count() == 0
        page.screenshot(path=str(OUTPUT / "saved_without_kernel.png"))


def test_a_notebook_saved_by_its_author_reopens_with_the_static_view(browser: Browser, lab: Lab) -> None:
    """With ``strip_widget_views`` as the server's pre_save_hook, the author's own (trusted) notebook reopens
    showing the static HTML, not "Error displaying widget: model not found"."""
    saved = lab.root / "authored.ipynb"
    with notebook_page(browser, lab, "authored.ipynb") as (page, step):
        step("running the cells")
        wait_for_idle_kernel(page)
        run_all(page)
        answered(page.locator(".thulium-form").first, "chat_queue_id=6")
        wait_for_idle_kernel(page)

        step("saving (File → Save Notebook): the file keeps the static view only")
        page.click("li.lm-MenuBar-item:has-text('File')")
        page.click("li.lm-Menu-item[data-command='docmanager:save']")
        deadline = time.monotonic() + 30
        while "thulium-static" not in saved.read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.5)
        outputs = [o for c in nbformat.read(saved, as_version=4).cells for o in c.get("outputs", [])]
        static = [o for o in outputs if "thulium-static" in str(o.get("data", {}).get("text/html", ""))]
        assert static and not [o for o in static if "application/vnd.jupyter.widget-view+json" in o["data"]]
        assert "chat_queue_id=6" in static[0]["data"]["text/html"]

        step("shutting the kernel down and reopening the notebook")
        page.click("li.lm-MenuBar-item:has-text('Kernel')")
        page.click("li.lm-Menu-item[data-command='kernelmenu:shutdown']")
        accept = page.locator(".jp-Dialog button.jp-mod-accept")
        with contextlib.suppress(PlaywrightTimeout):
            accept.wait_for(timeout=3_000)
            accept.click()
        page.locator("#jp-main-statusbar").filter(has_text="No Kernel").wait_for(timeout=30_000)
        page.goto(lab.notebook_url("authored.ipynb") + "&reset", wait_until="domcontentloaded", timeout=60_000)
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)

        step("the reopened, trusted notebook shows the saved answer")
        shown = page.locator(".thulium-form-static")
        shown.wait_for(timeout=60_000)
        text = shown.inner_text()
        assert "HTTP 200" in text and "chat_queue_id=6" in text, text[:300]
        time.sleep(3)  # anything late to render would show by now
        assert page.get_by_text("Error displaying widget").count() == 0
        url = f"{lab.url}/api/contents/authored.ipynb?content=1&token={lab.token}"
        with urllib.request.urlopen(url, timeout=10) as answer:
            cells = json.load(answer)["content"]["cells"]
        assert all(c["metadata"].get("trusted") for c in cells if c["cell_type"] == "code")  # signed: trusted


def sessions(lab: Lab) -> list[dict[str, Any]]:
    with urllib.request.urlopen(f"{lab.url}/api/sessions?token={lab.token}", timeout=10) as answer:
        found: list[dict[str, Any]] = json.load(answer)
        return found
