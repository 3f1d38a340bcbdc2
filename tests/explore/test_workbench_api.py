"""The workbench reads (entity card, explorer expansion, templates) on the sample county, per role."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from api.app import create_app
from graph.settings import Settings
from tests.api.county_app import county_folder, role_tokens


@pytest.fixture(scope="module")
def data_dir(county, tmp_path_factory) -> Path:
    return county_folder(county, tmp_path_factory, "workbench")


@pytest.fixture(scope="module")
def tokens(data_dir) -> dict[str, str]:
    return role_tokens(data_dir, "w")


@pytest.fixture(scope="module")
def client(data_dir, tokens):
    with TestClient(create_app(Settings(data_dir=data_dir, store="embedded"))) as c:
        yield c


def _get(client, tokens, role, url, **params):
    return client.get(url, params=params, headers={"Authorization": f"Bearer {tokens[role]}"})


def _first(county, kind, **props):
    return next(n for n in county.nodes if n.kind.value == kind and all(n.props.get(k) == v for k, v in props.items()))


def test_village_card_has_labelled_facts_sources_timeline_and_related(client, tokens, county):
    village = _first(county, "Unit", unit_kind="village")
    body = _get(client, tokens, "analyst", f"/entities/{village.id}/card").json()
    facts = {f["label"]: f["value"] for f in body["facts"]}
    assert facts["单位名称"] == village.props["name"]
    assert facts["单位类别"] == "村（社区）"  # the choice by its Chinese name, not "village"
    assert body["sources"] and body["sources"][0]["row"] >= 2
    dates = [t["when"] for t in body["timeline"]]
    assert dates == sorted(dates) and dates
    posts = sum(1 for e in county.edges if e.type.value == "HOLDS_POST" and e.dst == village.id)
    held = next(r for r in body["related"] if r["edge_type"] == "HOLDS_POST")
    assert held["count"] == posts and held["kind_zh"] == "人员"


def test_viewer_card_of_a_person_is_masked_and_carries_no_identifying_facts(client, tokens, county):
    person = next(n for n in county.nodes if n.kind.value == "Person" and n.props.get("birth_year"))
    analyst = _get(client, tokens, "analyst", f"/entities/{person.id}/card").json()
    assert {f["field"] for f in analyst["facts"]} >= {"name", "birth_year"}
    assert "id_hash" not in {f["field"] for f in analyst["facts"]}
    viewer = _get(client, tokens, "viewer", f"/entities/{person.id}/card").json()
    fields = {f["field"]: f["value"] for f in viewer["facts"]}
    assert "birth_year" not in fields and "gender" not in fields
    assert fields["name"] == person.props["name"][0] + "*"
    assert person.id not in str(viewer) and person.props["name"] not in str(viewer)


def test_a_fact_naming_another_entity_shows_its_name_and_links_to_it(client, tokens, county):
    issue = _first(county, "Issue")
    unit = next(n for n in county.nodes if n.id == issue.props["unit_id"])
    rnd = next(n for n in county.nodes if n.id == issue.props["round_id"])
    facts = {f["field"]: f for f in _get(client, tokens, "analyst", f"/entities/{issue.id}/card").json()["facts"]}
    assert (facts["unit_id"]["value"], facts["unit_id"]["ref"]) == (unit.props["name"], unit.id)  # not unit_5d6d…
    assert (facts["round_id"]["value"], facts["round_id"]["ref"]) == (rnd.props["title"], rnd.id)
    assert facts["text"]["ref"] is None


def test_a_fact_naming_a_person_is_masked_for_a_viewer(client, tokens, county):
    benefit = next(n for n in county.nodes if n.kind.value == "Benefit" and n.props.get("recipient_id"))
    person = next(n for n in county.nodes if n.id == benefit.props["recipient_id"])
    analyst = {f["field"]: f for f in _get(client, tokens, "analyst", f"/entities/{benefit.id}/card").json()["facts"]}
    assert analyst["recipient_id"]["value"] == person.props["name"]
    viewer = _get(client, tokens, "viewer", f"/entities/{benefit.id}/card").json()
    assert person.props["name"] not in str(viewer) and person.id not in str(viewer)


@pytest.mark.parametrize("name", ["Li Wei", "王", "欧阳娜娜"])
def test_a_person_named_in_a_fact_is_masked_for_a_viewer_whatever_the_name(name):
    """The matching of names in free text passes over one-character and Latin names: a fact naming a person is
    masked as a name, and its link dropped."""
    from api.routers.workbench import _for_viewer
    from graph.model.ids import node_id

    person = node_id("Person", "某身份证摘要")
    card = {"kind": "Benefit", "facts": [{"field": "recipient_id", "label": "领取人", "value": name, "ref": person},
                                         {"field": "village_id", "label": "村", "value": "湖坝村",
                                          "ref": node_id("Unit", "湖坝村")}]}
    facts = _for_viewer(card)["facts"]
    assert facts[0] == {"field": "recipient_id", "label": "领取人", "value": name[0] + "*", "ref": None}
    assert facts[1]["value"] == "湖坝村" and facts[1]["ref"]  # not a person: named and linked as before


def test_viewer_card_of_a_clue_hides_the_accusation(client, tokens, county):
    clue = _first(county, "Clue")
    viewer = _get(client, tokens, "viewer", f"/entities/{clue.id}/card").json()
    assert {f["field"]: f["value"] for f in viewer["facts"]}["summary"] == "（已隐藏）"
    analyst = _get(client, tokens, "analyst", f"/entities/{clue.id}/card").json()
    assert {f["field"]: f["value"] for f in analyst["facts"]}["summary"] == clue.props["summary"]


def test_expanding_a_round_collapses_its_issues_into_one_group_with_their_count(client, tokens, county):
    round_ = _first(county, "Round")
    issues = sum(1 for e in county.edges if e.type.value == "FOUND_IN" and e.dst == round_.id)
    body = _get(client, tokens, "analyst", f"/entities/{round_.id}/expand").json()
    group = next(g for g in body["groups"] if g["edge_type"] == "FOUND_IN")
    assert group["count"] == issues > 25
    assert not any(link["edge_type"] == "FOUND_IN" for link in body["links"])
    assert "FOUND_IN" in body["edge_types"]


def test_expand_filters_by_type_and_period(client, tokens, county):
    village = _first(county, "Unit", unit_kind="village")
    every = _get(client, tokens, "analyst", f"/entities/{village.id}/expand").json()
    posts = _get(client, tokens, "analyst", f"/entities/{village.id}/expand", types=["HOLDS_POST"]).json()
    assert posts["links"] and {link["edge_type"] for link in posts["links"]} == {"HOLDS_POST"}
    assert len(posts["links"]) < len(every["links"]) + sum(g["count"] for g in every["groups"])
    recent = _get(client, tokens, "analyst", f"/entities/{village.id}/expand", types=["HOLDS_POST"],
                  since="2022-01-01").json()
    assert all((link["end"] or "9999") >= "2022-01-01" for link in recent["links"])
    assert len(recent["links"]) < len(posts["links"])
    bad = _get(client, tokens, "analyst", f"/entities/{village.id}/expand", since="去年")
    assert bad.status_code == 422


def test_unknown_entity_is_a_chinese_404(client, tokens):
    for url in ("/entities/unit_0000000000000000/card", "/entities/unit_0000000000000000/expand"):
        response = _get(client, tokens, "viewer", url)
        assert response.status_code == 404 and "没有标识为" in response.json()["message"]


def test_templates_download_as_workbooks(client, tokens):
    kinds = _get(client, tokens, "viewer", "/templates").json()
    assert any(k["title"] == "问题清单" for k in kinds)
    response = _get(client, tokens, "viewer", "/templates/issues")
    assert response.status_code == 200 and "filename*=UTF-8''" in response.headers["content-disposition"]
    book = load_workbook(BytesIO(response.content))
    assert "问题描述" in [c.value for c in book.worksheets[0][1]]
    assert _get(client, tokens, "viewer", "/templates/无此类").status_code == 404
    assert client.get("/templates").status_code == 401


def test_labels_give_every_coded_value_its_chinese_name(client, tokens):
    body = _get(client, tokens, "viewer", "/labels").json()
    assert body["Dimension"]["individual"] == "个案整改"
    assert body["UnitKind"]["village"] == "村（社区）"
    assert body["HitState"]["dismissed"] == "已忽略"
    assert client.get("/labels").status_code == 401


def test_records_behind_a_figure_come_with_names_masked_for_a_viewer(client, tokens, county):
    person = next(n for n in county.nodes if n.kind.value == "Person")
    clue = _first(county, "Clue")
    issue = _first(county, "Issue")
    ids = [person.id, clue.id, issue.id]
    analyst = _get(client, tokens, "analyst", "/records", ids=ids).json()
    assert {r["kind_zh"] for r in analyst} == {"人员", "问题线索", "问题"}
    assert any(r["props"].get("name") == person.props["name"] for r in analyst)
    viewer = _get(client, tokens, "viewer", "/records", ids=ids).json()
    assert person.props["name"] not in str(viewer) and clue.props["summary"] not in str(viewer)
    assert any(r["props"].get("text") == issue.props["text"] for r in viewer if r["kind"] == "Issue") or \
        person.props["name"] in issue.props["text"]


def test_labels_include_the_text_queue_states(client, tokens):
    body = _get(client, tokens, "viewer", "/labels").json()
    assert body["EntryState"]["pending"] == "待审核" and body["EntryKind"]["directive"] == "交办事项"
