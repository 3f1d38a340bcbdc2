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
