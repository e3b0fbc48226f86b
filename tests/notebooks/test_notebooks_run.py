"""Every notebook runs top to bottom with nbclient: no credentials, no saved widget state, a time limit each."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
CELL_TIMEOUT = 60

#: What each notebook's outputs must show (regular expressions over the text of all outputs).
EXPECTED: dict[str, list[str]] = {
    "01_quickstart.ipynb": [
        r"mode: sandbox",
        r"is less than the minimum of 1",
        r"not a valid email",
        r"values: \{'chat_queue_id': 3, 'client_name': 'Jan'\}",
        r"errors: \{\}",
        rf"conversation_id: {UUID}",
        r"contract: pass",
        r'curl -u "\$THULIUM_API_USER:\$THULIUM_API_PASSWORD"',
    ],
    "02_contract_testing.ipynb": [
        r"recording in record mode",
        r"chat_conversations.start HTTP 200 contract=pass",
        r"your-system-name\.thulium\.com/api/chat_conversations/start",
        r"2 interactions in 1 cassette: 2 pass",
        r"exit code: 0",
        r"\$\.queue_position",
        r"default: 0  strict: 1",
        r"\$\.conversation_id",
        r"FAIL",
        r"exit code: 1",
        r"verify chat_start\.yaml  -> exit 0",
        r"verify violation\.yaml  -> exit 1",
    ],
    "03_chat_lifecycle.ipynb": [
        r"mode: sandbox",
        rf"conversation_id: {UUID} \| contract: pass",
        rf"(POST /api/chat_conversations/{UUID}/message -> HTTP 200 \| contract: pass\s+){{2}}",
        r"HTTP 200 \| body: '' \| contract: pass",
        r"status: CLOSED",
        r"customer: Dzień dobry! I have a question about my order\.\s+customer: It is order 1234\.",
        r"message texts after deletion: \['', ''\]",
    ],
    "04_working_with_data.ipynb": [
        r"mode: sandbox",
        r"<CallResult tickets\.list HTTP 200 contract=pass",
        r"count \(all tickets\): 1000 \| on this page: 20",
        r"created_at\s+datetime64\[ns\]",
        r"ticket_id\s+int64",
        r"page 10: 1000 of 1000 items",
        r"rows: 1000 \| count: 1000 \| pages: 10",
        r"suggested id is the new conversation: True",
        r"message -> HTTP 200 \| contract: pass",
        r"refused: .*'with-text': text: is personal data \(x-sensitive: text\)",
        r"id: \$\{conversation_id\}",
        r"unexpected statuses: 0",
        r"verify: 3 interactions in 2 cassettes: 3 pass",
        r"scan: clean",
    ],
    "05_campaigns.ipynb": [
        r"mode: sandbox",
        r"status 3: Contact needed \(CALL\)",
        r"agents: \['jkowalski', 'anowak'\] \| contract: pass",
        r"before: records 4, done 50% \| contract: pass",
        r"HTTP 201 \| record_id: 231 \| contract: pass",
        r"HTTP 400 \| phone_number: number 111222333 is already in campaign 00001",
        r"222333444 201 ADDED\s+111222444 201 ADDED\s+111222333 400 ALREADY_EXISTS",
        r"after adding: records 7, done 28\.57% \| contract: pass",
        r"count: 5 \| contract: pass",
        r"<CallResult outbound_records\.list HTTP 200 contract=pass",
        r"233\s+111222444\s+CALL\s+Contact needed\s+NB-3",
        r"(NB-\d -> HTTP 200 \| contract: pass\s+){2}",
        r"after two are done: records 7, done 57\.14% \| contract: pass",
        r"111222444 \['REMOVED'\]\s+111222333 \['NOT_EXIST'\]",
        r"after: records 4, done 50% \| contract: pass",
    ],
    "06_webhooks_and_faults.ipynb": [
        r"receiver listening on http://127\.0\.0\.1:\d+/thulium-webhook",
        r"webhook 1 \| HTTP 200 \| contract: pass",
        r"all attempted: True",
        *(
            rf"{event}\s+-> HTTP 204[\s\S]*{event}\s+auth ok: True \| pass \| \{{"
            for event in (
                "CHAT_CONVERSATION_CREATED",
                "CHAT_AGENT_ASSIGNED",
                "CHAT_CONVERSATION_CLOSED",
                "CUSTOMER_CREATED",
            )
        ),
        r"TransportError kind=connection",
        r"HTTP 429 \| contract: pass Retry-After: 1",
        r"HTTP 503 \| contract: pass",
        r"HTTP 502 \| contract: FAIL",
        r"got the list: HTTP 200",
        r"TransportError kind: timeout",
        r"stopped",
    ],
}


#: What a notebook's text promises about the output of the code cell right after it: (the promise in the
#: markdown, the code cell's source, a regular expression its whole output must match).
PROMISES: dict[str, list[tuple[str, str, str]]] = {
    "03_chat_lifecycle.ipynb": [
        (
            "the verdict on that answer is **`contract: pass`**",
            'print("\\n".join(chats.verdict.lines()))',
            r"contract: pass\n",
        ),
    ],
}


def _promises_kept(nb: nbformat.NotebookNode, name: str) -> list[str]:
    """The promises of ``name`` whose text or output is not in ``nb`` (empty when all are kept)."""
    broken = []
    for promise, source, output in PROMISES.get(name, []):
        at = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip() == source]
        if len(at) != 1 or nb.cells[at[0] - 1].cell_type != "markdown" or promise not in nb.cells[at[0] - 1].source:
            broken.append(f"no markdown saying {promise!r} right before a cell {source!r}")
            continue
        got = "".join(o.get("text", "") for o in nb.cells[at[0]].get("outputs", []))
        if not re.fullmatch(output, got):
            broken.append(f"{promise!r} but the cell printed {got!r}")
    return broken


def _output_text(nb: nbformat.NotebookNode) -> str:
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                parts.append(output.text)
            elif output.output_type in ("execute_result", "display_data"):
                parts.append(output.data.get("text/plain", ""))
    return "\n".join(parts)


@pytest.mark.slow
@pytest.mark.timeout(240)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_without_credentials(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith("THULIUM_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the notebooks' temp folders land here
    workdir = tmp_path / "run"
    workdir.mkdir()
    shutil.copy(path, workdir / path.name)
    before = sorted(p.name for p in (ROOT / "notebooks").iterdir())
    nb = nbformat.read(workdir / path.name, as_version=4)
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        store_widget_state=False,
        resources={"metadata": {"path": str(workdir)}},
    )
    client.execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    assert "widgets" not in nb.metadata
    text = _output_text(nb)
    missing = [pattern for pattern in EXPECTED.get(path.name, []) if not re.search(pattern, text)]
    assert missing == [], f"{path.name}: outputs lack {missing}\n--- outputs ---\n{text[-3000:]}"
    assert path.name in EXPECTED, f"add the expected outputs of {path.name} to EXPECTED"
    assert _promises_kept(nb, path.name) == []  # the text and the output agree
    assert sorted(p.name for p in (ROOT / "notebooks").iterdir()) == before  # nothing written into the repo
    assert [p.name for p in workdir.iterdir()] == [path.name]  # nor next to the notebook
    if path.name == "02_contract_testing.ipynb":  # its recordings went to the temp folder
        assert list(tmp_path.glob("thulium-contract-*/chat_start.yaml"))
