"""01_quickstart.ipynb in a real JupyterLab, driven through Debian's chromium with Playwright.

Runs the notebook, types a chat queue id into the rendered form, clicks Send and checks that the
page shows a new conversation_id with a passing contract verdict; then clicks "replay" on the mode
switch and checks that the Send badge of the form built on it shows the new target (and waits for
Connect). Screenshots go to
``test-output/browser/`` (gitignored); the JupyterLab log is copied there when the test fails.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from tests.browser.lab import Lab, running_lab
from tests.browser.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    KERNEL_SECONDS,
    OUTPUT,
    ROOT,
    need_chromium,
    wait_for_idle_kernel,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(420)]

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
QUEUE_ID = "7"  # the notebook's own cells use 3: a 7 in the request proves the click sent it


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    need_chromium()
    with running_lab(ROOT / "notebooks", tmp_path) as server:
        yield server


def test_quickstart_form_starts_a_conversation_in_the_browser(lab: Lab) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    step = "starting chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page: Page = browser.new_page(viewport={"width": 1400, "height": 2000})
        try:
            step = "opening 01_quickstart.ipynb"
            page.goto(lab.notebook_url("01_quickstart.ipynb"), wait_until="domcontentloaded", timeout=60_000)
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)

            step = "waiting for the kernel to be idle"
            wait_for_idle_kernel(page, KERNEL_SECONDS)

            step = "running all cells"
            page.click("li.lm-MenuBar-item:has-text('Run')")
            page.click("li.lm-Menu-item[data-command='runmenu:run-all']")
            form = page.locator(".thulium-form").first
            queue = form.locator(".thulium-field-chat_queue_id input")
            queue.wait_for(state="visible", timeout=KERNEL_SECONDS * 1000)
            # the notebook's own submit() (queue 3) has rendered its answer: every cell has run
            form.locator(".thulium-viewer .thulium-verdict").wait_for(timeout=KERNEL_SECONDS * 1000)
            wait_for_idle_kernel(page, KERNEL_SECONDS)
            first_text = form.locator(".thulium-viewer .thulium-result").inner_text()
            first_ids = set(UUID.findall(first_text))

            step = "filling chat_queue_id and clicking Send"
            queue.scroll_into_view_if_needed()
            queue.fill("")
            queue.type(QUEUE_ID)
            send = form.locator("button.thulium-send")
            page.wait_for_function("b => !b.disabled", arg=send.element_handle(), timeout=15_000)
            send.click()

            step = f"waiting for the answer to the request with chat_queue_id={QUEUE_ID}"
            request_line = form.locator(".thulium-viewer .thulium-request")
            request_line.filter(has_text=f"chat_queue_id={QUEUE_ID}").wait_for(timeout=60_000)
            result_text = form.locator(".thulium-viewer .thulium-result").inner_text()
            verdict = form.locator(".thulium-viewer .thulium-verdict").inner_text()
            status = form.locator(".thulium-viewer .thulium-status").inner_text()

            step = "checking the rendered answer"
            ids = set(UUID.findall(result_text))
            assert status.strip() == "HTTP 200", result_text
            assert verdict.strip() == "contract: pass", result_text
            assert "conversation_id" in result_text
            assert ids and not ids & first_ids, f"no new conversation_id after Send:\n{result_text}"
            history = form.locator(".thulium-history .thulium-resend")
            assert history.count() >= 2  # the notebook's call and the click

            step = "switching the mode switch to replay and reading the Send badge of the form built on it"
            switch_form = page.locator(".thulium-form").nth(1)
            badge = switch_form.locator(".thulium-target")
            badge.scroll_into_view_if_needed()
            assert badge.inner_text().strip().endswith("sandbox"), badge.inner_text()
            page.locator(".thulium-mode-switch .thulium-mode button", has_text="replay").first.click()
            badge.filter(has_text="replay").wait_for(timeout=15_000)
            assert "not connected: click Connect" in badge.inner_text(), badge.inner_text()
            assert switch_form.locator("button.thulium-send").is_disabled()

            step = "taking screenshots"
            form.scroll_into_view_if_needed()
            form.screenshot(path=str(OUTPUT / "quickstart_form.png"))
            page.screenshot(path=str(OUTPUT / "quickstart_page.png"))
        except (AssertionError, PlaywrightTimeout) as exc:
            page.screenshot(path=str(OUTPUT / "quickstart_failure.png"))
            shutil.copy(lab.log, OUTPUT / "jupyterlab.log")
            raise AssertionError(
                f"browser test failed while {step}: {str(exc).splitlines()[0]}\n"
                f"screenshot: {OUTPUT / 'quickstart_failure.png'}\nJupyterLab log (tail):\n{lab.log_tail(15)}"
            ) from exc
        finally:
            browser.close()
