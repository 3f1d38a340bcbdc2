"""/reviews on the sample county: roles, JSON, Word and Excel downloads, unknown cases, and the audit of person reads."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from api.app import create_app
from api.reports import case_batch_xlsx, case_review_docx
from graph.settings import Settings
from tests.api.county_app import county_folder, role_tokens

AS_OF = "2024-12-31"
YEAR_2017 = {"opened_from": "2017-01-01", "opened_to": "2017-12-31", "as_of": AS_OF}


@pytest.fixture(scope="module")
def data_dir(county, tmp_path_factory) -> Path:
    return county_folder(county, tmp_path_factory, "reviews")


@pytest.fixture(scope="module")
def tokens(data_dir) -> dict[str, str]:
    return role_tokens(data_dir, "r")


@pytest.fixture(scope="module")
def client(data_dir, tokens):
    with TestClient(create_app(Settings(data_dir=data_dir, store="embedded"))) as c:
        yield c


@pytest.fixture(scope="module")
def case(county):
    """The first case of the county and the clue it was opened from."""
    node = min((n for n in county.nodes if n.kind.value == "Case"), key=lambda n: n.props["code"])
    clue = next(e.dst for e in county.edges if e.type.value == "OPENED_FROM" and e.src == node.id)
    return node, next(n for n in county.nodes if n.id == clue)


def auth(tokens: dict[str, str], role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens[role]}"}


def _audit(client, tokens, endpoint: str) -> list[dict]:
    log = client.get("/audit", params={"account": "r_analyst", "limit": 1000}, headers=auth(tokens, "admin")).json()
    return [r for r in log["items"] if r["endpoint"] == endpoint]


def test_a_token_is_needed_and_viewers_read_only_the_batch(client, tokens, case):
    one = f"/reviews/cases/{case[0].props['code']}"
    assert client.get(one).status_code == 401 and client.get("/reviews/cases").status_code == 401
    forbidden = client.get(one, headers=auth(tokens, "viewer"))
    assert forbidden.status_code == 403 and forbidden.json()["code"] == "forbidden"
    batch = client.get("/reviews/cases", params=YEAR_2017, headers=auth(tokens, "viewer"))
    assert batch.status_code == 200 and batch.json()["rows"]


def test_an_analyst_reads_the_review_by_case_code_id_or_clue_code(client, tokens, case):
    node, clue = case
    by_code = client.get(f"/reviews/cases/{node.props['code']}", params={"as_of": AS_OF}, headers=auth(tokens, "analyst"))
    assert by_code.status_code == 200, by_code.text
    review = by_code.json()
    assert review["case_id"] == node.id and review["case_code"] == node.props["code"] and review["as_of"] == AS_OF
    assert [p["dimension"] for p in review["parts"]] == ["individual", "category", "systemic", "accountability"]
    assert all(p["state"] in ("done", "partial", "not_done", "unknown") for p in review["parts"])
    assert all(g["sentence"] and g["kind"] for g in review["gaps"])
    for ref in (node.id, clue.props["code"]):
        again = client.get(f"/reviews/cases/{ref}", params={"as_of": AS_OF}, headers=auth(tokens, "analyst")).json()
        assert again["case_id"] == node.id and again["gaps"] == review["gaps"]


def test_reading_a_review_that_names_people_is_audited(client, tokens, case):
    code = case[0].props["code"]
    review = client.get(f"/reviews/cases/{code}", params={"as_of": AS_OF}, headers=auth(tokens, "analyst")).json()
    people = {r["person_id"] for r in review["responsible"] if r["person_id"]}
    assert people, "the sample case names its first-in-command"
    rows = _audit(client, tokens, f"/reviews/cases/{code}")
    assert rows and people <= set(rows[0]["person_ids"]) and rows[0]["role"] == "analyst"


def test_an_unknown_case_is_a_404_in_chinese(client, tokens):
    missing = client.get("/reviews/cases/宁川县LA19990001", headers=auth(tokens, "analyst"))
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    assert "找不到案件" in missing.json()["message"] and "宁川县LA19990001" in missing.json()["message"]


def test_the_word_report_downloads_opens_and_is_audited(client, tokens, case):
    node = case[0]
    endpoint = f"/reviews/cases/{node.id}"
    before = len(_audit(client, tokens, endpoint))
    response = client.get(endpoint, params={"format": "docx", "as_of": AS_OF}, headers=auth(tokens, "analyst"))
    assert response.status_code == 200
    assert response.headers["content-type"] == case_review_docx.MEDIA_TYPE
    assert response.headers["content-disposition"].startswith("attachment;") and "filename*=UTF-8''" in \
        response.headers["content-disposition"]
    doc = Document(BytesIO(response.content))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == f"关于{node.props['code']}号案件“一案三改”情况的审查报告"
    sections = {"一、个案整改情况", "二、类案整改情况", "三、系统整改情况", "四、一案双查情况"}
    assert sections <= {t.split("（")[0] for t in texts}
    review = client.get(endpoint, params={"as_of": AS_OF}, headers=auth(tokens, "analyst")).json()
    assert all(any(g["sentence"].rstrip("。") in t for t in texts) for g in review["gaps"])
    assert len(_audit(client, tokens, endpoint)) == before + 2  # the download and the JSON read


def test_the_batch_as_json_and_as_a_workbook(client, tokens):
    data = client.get("/reviews/cases", params=YEAR_2017, headers=auth(tokens, "analyst")).json()
    assert data["as_of"] == AS_OF and "2017-01-01" in data["scope"]
    assert data["rows"] and all(r["opened"].startswith("2017") for r in data["rows"])
    assert all(set(r["states"]) == {"individual", "category", "systemic", "accountability"} for r in data["rows"])
    for role in ("viewer", "analyst"):
        response = client.get("/reviews/cases", params={**YEAR_2017, "format": "xlsx"}, headers=auth(tokens, role))
        assert response.status_code == 200 and response.headers["content-type"] == case_batch_xlsx.MEDIA_TYPE
        assert response.headers["content-disposition"].startswith("attachment;")
        ws = load_workbook(BytesIO(response.content))[case_batch_xlsx.SHEET]
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref
        assert [r[1].value for r in ws.iter_rows(min_row=2)] == [r["case_code"] for r in data["rows"]]


def test_the_batch_of_a_round(client, tokens, county):
    rnd = min((n for n in county.nodes if n.kind.value == "Round"), key=lambda n: n.props["start"])
    found = client.get("/reviews/cases", params={"round_id": rnd.id, "as_of": AS_OF}, headers=auth(tokens, "viewer"))
    assert found.status_code == 200 and rnd.id in found.json()["scope"]


def test_bad_batch_parameters(client, tokens):
    reversed_dates = client.get("/reviews/cases", params={"opened_from": "2020-01-01", "opened_to": "2019-01-01"},
                                headers=auth(tokens, "viewer"))
    assert reversed_dates.status_code == 422 and "opened_from" in reversed_dates.json()["message"]
    unknown = client.get("/reviews/cases", params={"round_id": "rnd_0000000000000000"}, headers=auth(tokens, "viewer"))
    assert unknown.status_code == 404 and "巡察轮次" in unknown.json()["message"]
    bad_format = client.get("/reviews/cases", params={"format": "pdf"}, headers=auth(tokens, "viewer"))
    assert bad_format.status_code == 422


def test_the_planted_complete_case_reads_as_complete_in_word_and_excel(client, tokens, county):
    complete = next(r["case"] for r in county.truth["case_reviews"] if r["profile"] == "complete")
    as_of = str(county.truth["as_of"])
    response = client.get(f"/reviews/cases/{complete}", params={"format": "docx", "as_of": as_of},
                          headers=auth(tokens, "analyst"))
    doc = Document(BytesIO(response.content))
    sections = [p.text for p in doc.paragraphs if p.style.name == "一级标题"][:4]
    assert len(sections) == 4 and all(s.endswith("（到位）") for s in sections)
    assert any(p.text.startswith("总体情况：") and p.text.endswith("未发现差距。") for p in doc.paragraphs)
    review = client.get(f"/reviews/cases/{complete}", params={"as_of": as_of}, headers=auth(tokens, "analyst")).json()
    day = review["opened"]
    book = client.get("/reviews/cases", params={"opened_from": day, "opened_to": day, "as_of": as_of, "format": "xlsx"},
                      headers=auth(tokens, "viewer"))
    ws = load_workbook(BytesIO(book.content))[case_batch_xlsx.SHEET]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[1] == review["case_code"])
    assert row[4:13] == ("到位", 0, "到位", 0, "到位", 0, "到位", 0, 0)
