"""``to_dataframe()``: one row per item, documented columns first and typed from the schema, pandas optional."""

from __future__ import annotations

import builtins
import json
from typing import Any

import pandas as pd
import pytest

from thulium_explore import (
    CallResult,
    MissingDependencyError,
    SentRequest,
    ThuliumError,
    check_response,
    default_catalog,
)
from thulium_explore._wire._params import to_wire
from thulium_explore.catalog._lists import ItemField, ListShape
from thulium_explore.client._frame import items_dataframe

TYPES = "https://thulium-explore.example/schemas/common/types.json"


def list_result(endpoint_id: str, body: Any, status: int = 200) -> CallResult:
    catalog = default_catalog()
    endpoint = catalog[endpoint_id]
    wire = to_wire(endpoint, {})
    raw = json.dumps(body).encode()
    sent = SentRequest("GET", f"http://127.0.0.1:1{wire.path}", {}, None, wire)
    verdict = check_response(catalog, endpoint, status, raw)
    return CallResult(endpoint_id, {}, status, {}, raw.decode(), body, 0.01, sent, verdict, catalog=catalog)


TICKET = {
    "ticket_id": 1232,
    "from": "jan.kowalski@example.org",
    "ticket_queue_name": "Support",
    "ticket_queue_id": 1,
    "subject": "Hello, world!",
    "status_id": "2",  # a digit string, as the docs' example shows
    "substatus_id": None,
    "customer_id": 273,
    "full_status_name": "Open",
    "category_id": None,
    "user_login": "jkowalski",
    "created_at": "2014-10-24 10:30:44",
    "updated_at": "2014-07-08 08:05",  # the three documented date formats
    "closed_at": "2017-12-11 10:23:04.318",
    "close_time": None,
    "first_agent_responded_at": None,
    "first_agent_response_time": None,
}


def test_documented_columns_are_typed_and_come_first() -> None:
    second = {**TICKET, "ticket_id": "1233", "status_id": 3, "customer_id": "", "pesel": "x", "closed_at": None}
    frame = list_result("tickets.list", {"count": 2, "result": [TICKET, second]}).to_dataframe()
    documented = [f for f in default_catalog()["tickets.list"].document["$defs"]["response_200"]["properties"]
                  ["result"]["items"]["properties"]]  # fmt: skip
    assert list(frame.columns) == [*documented, "pesel"]  # every documented column, in schema order, then the rest
    assert len(frame) == 2
    dtypes = frame.dtypes.astype(str).to_dict()
    assert dtypes["ticket_id"] == "int64"  # never null: a plain integer column
    assert dtypes["status_id"] == "int64"  # "2" and 3: both ids
    assert dtypes["customer_id"] == "Int64"  # may be null (and "" is no id): nullable
    assert dtypes["substatus_id"] == "Int64"
    assert dtypes["created_at"] == dtypes["updated_at"] == dtypes["closed_at"] == "datetime64[ns]"
    assert dtypes["subject"] == "string"
    assert dtypes["pesel"] == "object"  # undocumented: as received
    assert frame["ticket_id"].tolist() == [1232, 1233]
    assert frame["status_id"].tolist() == [2, 3]
    assert frame["customer_id"].isna().tolist() == [False, True]
    assert frame["updated_at"][0] == pd.Timestamp("2014-07-08 08:05")
    assert frame["closed_at"][0] == pd.Timestamp("2017-12-11 10:23:04.318")
    assert pd.isna(frame["closed_at"][1])


def test_a_date_outside_the_documented_formats_is_not_guessed() -> None:
    odd = {**TICKET, "created_at": "24.10.2014 10:30", "updated_at": "2014-10-24T10:30:44Z"}
    frame = list_result("tickets.list", {"count": 1, "result": [odd]}).to_dataframe()
    assert pd.isna(frame["created_at"][0]) and pd.isna(frame["updated_at"][0])  # a contract problem, not a date


def test_durations_and_nested_values() -> None:
    duration = default_catalog().registry.resolver().lookup(TYPES + "#/$defs/duration").contents["pattern"]
    fields = (
        ItemField("duration", "duration", False, duration, None, ""),
        ItemField("tags", "array", False, None, None, ""),
    )
    shape = ListShape("x.list", fields, True, False, 100, 100, 1, True)
    items = [{"duration": "00:02:13", "tags": []}, {"duration": "123:33:44", "tags": ["vip"]}, {"duration": "2 h"}]
    frame = items_dataframe(shape, items)
    assert str(frame["duration"].dtype) == "timedelta64[ns]"
    assert frame["duration"][:2].tolist() == [pd.Timedelta("00:02:13"), pd.Timedelta(hours=123, minutes=33, seconds=44)]
    assert pd.isna(frame["duration"][2])  # not the documented H:MM:SS
    assert frame["tags"].tolist() == [[], ["vip"], None]  # arrays stay Python values


def test_an_empty_page_has_the_documented_columns() -> None:
    frame = list_result("tickets.list", {"count": 0, "result": []}).to_dataframe()
    assert len(frame) == 0 and "ticket_id" in frame.columns and str(frame["created_at"].dtype) == "datetime64[ns]"


def test_not_a_list_is_a_one_line_error() -> None:
    with pytest.raises(ThuliumError, match=r"to_dataframe\(\): chat_conversations.start does not answer a list"):
        list_result(
            "chat_conversations.start", {"conversation_id": "6ed7c941-2c8a-411e-95d2-338a9f64800a"}
        ).to_dataframe()
    error = {"request_id": "abc", "errors": [{"message": "no", "code": 1}]}
    with pytest.raises(ThuliumError, match=r"tickets.list answered HTTP 400 without a list of items"):
        list_result("tickets.list", error, status=400).to_dataframe()


def test_without_pandas_the_error_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    monkeypatch.delitem(__import__("sys").modules, "pandas")
    result = list_result("tickets.list", {"count": 1, "result": [TICKET]})
    with pytest.raises(MissingDependencyError) as caught:
        result.to_dataframe()
    assert (
        str(caught.value) == "to_dataframe() needs pandas, which is not installed: pip install 'thulium-explore[data]'"
    )
    assert isinstance(caught.value, ImportError) and isinstance(caught.value, ThuliumError)


def test_importing_the_package_does_not_import_pandas() -> None:
    import subprocess
    import sys

    code = "import sys, thulium_explore, thulium_explore.client; print('pandas' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "False"
