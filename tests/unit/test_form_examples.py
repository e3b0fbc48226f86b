"""The "Fill documented example" button fills exactly the endpoint's documented request example; sample values are a
separate action that never fills ids of existing CRM objects nor boolean flags unless asked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from thulium_explore import Catalog, ConfigError, default_catalog
from thulium_explore.catalog import schemas_root
from thulium_explore.forms import EndpointForm, History

from .forms_support import offline_client

DOCUMENTED = [
    (e.id, e.parameters_schema["examples"][0])
    for e in default_catalog()
    if isinstance(e.parameters_schema.get("examples"), list)
]


def form_for(endpoint_id: str, catalog: Catalog | None = None) -> EndpointForm:
    return EndpointForm(offline_client(catalog), endpoint_id, history=History())


def test_every_endpoint_in_the_catalog_documents_a_request_example() -> None:
    assert len(DOCUMENTED) == len(list(default_catalog()))


@pytest.mark.parametrize(("endpoint_id", "example"), DOCUMENTED, ids=[i for i, _ in DOCUMENTED])
def test_fill_documented_example_fills_exactly_the_documented_request(endpoint_id: str, example: Any) -> None:
    form = form_for(endpoint_id)
    form.set(
        **{
            f.spec.name: f.spec.example
            for f in form.fields
            if f.spec.example is not None and f.spec.name not in example and f.spec.types == ("string",)
        }
    )  # stale values are cleared
    form.fill_example()
    assert form.values == example
    assert form.errors == {}


def test_chat_start_example_is_only_the_queue_and_the_client_id() -> None:
    form = form_for("chat_conversations.start").fill_example()
    assert form.values == {"chat_queue_id": 3, "client_id": "1234"}
    assert form._fill.description == "Fill documented example"
    assert not form._fill.disabled


def test_customers_create_example_sets_no_flags_and_no_company() -> None:
    values = form_for("customers.create").fill_example().values
    assert not {"vip", "company_id", "fill_read_only_custom_fields"} & set(values)


def test_sample_values_are_a_separate_action_that_leaves_crm_ids_and_flags_empty() -> None:
    form = form_for("customers.create")
    assert form._samples.description == "Fill every field with sample values"
    values = form.fill_samples().values
    assert values["name"] == "Jan" and values["email"] == "jan.kowalski@example.org"
    assert not {"vip", "company_id", "fill_read_only_custom_fields"} & set(values)
    assert form.errors == {}
    asked = form.fill_samples(ids=True, flags=True).values
    assert asked["vip"] is True and asked["company_id"] == 1


def test_sample_values_keep_the_ids_the_documented_example_fills() -> None:
    values = form_for("chat_conversations.start").fill_samples().values
    assert values["client_id"] == "1234" and values["chat_queue_id"] == 3  # in the documented example
    assert "customer_id" not in values  # a CRM object's id: left empty
    assert values["client_name"] == "Jan"


def test_no_documented_example_disables_the_button_and_invents_nothing(tmp_path: Path) -> None:
    root = tmp_path / "schemas"
    shutil.copytree(schemas_root() / "meta", root / "meta")
    shutil.copytree(schemas_root() / "common", root / "common")
    (root / "endpoints").mkdir()
    document = json.loads((schemas_root() / "endpoints" / "chat_conversations.start.json").read_text())
    del document["$defs"]["parameters"]["examples"]
    (root / "endpoints" / "chat_conversations.start.json").write_text(json.dumps(document))
    form = form_for("chat_conversations.start", Catalog(root))
    assert form._fill.disabled
    assert "no example request" in form._fill.tooltip
    with pytest.raises(ConfigError, match="no example request"):
        form.fill_example()
    assert form.values == {}
