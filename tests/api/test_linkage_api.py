"""/reviews/linkage on the sample county: roles, JSON, the Word and Excel downloads, and the audit of person reads."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from fastapi.testclient import TestClient

from api.app import create_app
from api.reports import linkage_docx
from graph.settings import Settings
from tests.api.county_app import county_folder, role_tokens

AS_OF = "2024-12-31"


@pytest.fixture(scope="module")
def data_dir(county, tmp_path_factory) -> Path:
    return county_folder(county, tmp_path_factory, "linkage")


@pytest.fixture(scope="module")
def tokens(data_dir) -> dict[str, str]:
    return role_tokens(data_dir, "l")


@pytest.fixture(scope="module")
def client(data_dir, tokens):
    with TestClient(create_app(Settings(data_dir=data_dir, store="embedded"))) as c:
        yield c


@pytest.fixture(scope="module")
def round_id(county) -> str:
    return min((n for n in county.nodes if n.kind.value == "Round"), key=lambda n: n.id).id


def auth(tokens: dict[str, str], role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens[role]}"}


def _audit(client, tokens) -> list[dict]:
    log = client.get("/audit", params={"account": "l_analyst", "limit": 1000}, headers=auth(tokens, "admin")).json()
    return [r for r in log["items"] if r["endpoint"] == "/reviews/linkage"]


def test_the_word_review_downloads_opens_and_is_audited(client, tokens, round_id):
    params = {"round_id": round_id, "as_of": AS_OF}
    before = len(_audit(client, tokens))
    response = client.get("/reviews/linkage", params={**params, "format": "docx"}, headers=auth(tokens, "analyst"))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == linkage_docx.MEDIA_TYPE
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    doc = Document(BytesIO(response.content))
    texts = [p.text for p in doc.paragraphs]
    review = client.get("/reviews/linkage", params=params, headers=auth(tokens, "analyst")).json()
    assert texts[0] == f"关于{review['subject_name']}贯通联动情况的审查报告"
    assert {f"{n}、{s}" for n, s in zip("一二三四五", linkage_docx.SECTIONS, strict=True)} <= set(texts)
    body = "\n".join(texts)
    assert all(x["sentence"].rstrip("。") in body for x in review["stalls"] + review["missing"])
    assert len(_audit(client, tokens)) == before + 2  # the download and the JSON read


def _named(county, kind: str, shared: bool) -> tuple[str, list[str]]:
    """A name that one (or, with ``shared``, more than one) node of ``kind`` carries, and their ids."""
    by: dict[str, list[str]] = {}
    for n in county.nodes:
        if n.kind.value == kind:
            by.setdefault(n.props["name"], []).append(n.id)
    return min(((name, ids) for name, ids in by.items() if (len(ids) > 1) == shared), key=lambda x: (len(x[0]), x))


def test_a_unit_and_a_person_by_name_give_the_same_review_as_by_id(client, tokens, county):
    for param, kind in (("unit_id", "Unit"), ("person_id", "Person")):
        name, (nid,) = _named(county, kind, shared=False)
        by_name = client.get("/reviews/linkage", params={param: name, "as_of": AS_OF}, headers=auth(tokens, "analyst"))
        by_id = client.get("/reviews/linkage", params={param: nid, "as_of": AS_OF}, headers=auth(tokens, "analyst"))
        assert by_name.status_code == 200 and by_name.json() == by_id.json()


def test_an_ambiguous_name_lists_the_candidates_and_an_unknown_one_is_404(client, tokens, county):
    name, ids = _named(county, "Person", shared=True)
    response = client.get("/reviews/linkage", params={"person_id": name}, headers=auth(tokens, "analyst"))
    assert response.status_code == 422 and response.json()["code"] == "ambiguous_name"
    assert f"有{len(ids)}名人员名为“{name}”" in response.json()["message"]
    assert all(i in response.json()["message"] for i in ids[:10])
    hidden = client.get("/reviews/linkage", params={"person_id": name}, headers=auth(tokens, "viewer"))
    assert hidden.status_code == 422 and not any(i in hidden.text for i in ids) and "detail" not in hidden.json()
    missing = client.get("/reviews/linkage", params={"unit_id": "不存在的单位"}, headers=auth(tokens, "analyst"))
    assert missing.status_code == 404 and "找不到名为“不存在的单位”的单位" in missing.json()["message"]


def test_a_viewer_sees_the_figures_only_with_people_masked(client, tokens, round_id):
    params = {"round_id": round_id, "as_of": AS_OF}
    full = client.get("/reviews/linkage", params=params, headers=auth(tokens, "analyst")).json()
    shown = client.get("/reviews/linkage", params=params, headers=auth(tokens, "viewer"))
    assert shown.status_code == 200
    body = shown.json()
    assert body["figures_only"] is True and "items" not in body and "handoffs" not in body
    assert [(f["key"], f["value"]) for f in body["figures"]] == [(f["key"], f["value"]) for f in full["figures"]]
    assert (body["overlap_count"], body["stall_count"], body["missing_count"]) == (
        len(full["overlaps"]), len(full["stalls"]), len(full["missing"]))
    disciplined = next(f for f in body["figures"] if f["key"] == "people_disciplined")
    assert all(i == "per_****************" for i in disciplined["ids"])
    assert not any(name in shown.text for name in full["people"].values() if len(name) > 1)
    refused = client.get("/reviews/linkage", params={**params, "format": "docx"}, headers=auth(tokens, "viewer"))
    assert refused.status_code == 403 and "查看者只能查看联动成效数字" in refused.json()["message"]
