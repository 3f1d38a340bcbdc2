"""巡前画像 where it shows, on the sample county: the CLI (table, --json, --xlsx, errors), the API (roles, audit,
viewers without names, the workbook) and the ranking workbook's layout."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app
from graph.settings import Settings, get_settings
from tests.api.county_app import county_folder, role_tokens


@pytest.fixture(scope="module")
def data_dir(county, tmp_path_factory) -> Path:
    return county_folder(county, tmp_path_factory, "profiles")


@pytest.fixture(scope="module")
def planted(county) -> dict:
    return county.truth["village_risk"][0]


@pytest.fixture(scope="module")
def as_of(county) -> str:
    return county.truth["as_of"]


@pytest.fixture()
def cli(data_dir, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XUNCHA_DATA_DIR", str(data_dir))
    monkeypatch.setenv("XUNCHA_STORE", "embedded")
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def api(data_dir):
    tokens = role_tokens(data_dir, "vp")
    with TestClient(create_app(Settings(data_dir=data_dir, store="embedded"))) as c:
        yield c, {role: {"Authorization": f"Bearer {t}"} for role, t in tokens.items()}


def test_cli_profile_table_json_docx_and_unknown_village(cli, planted, as_of, tmp_path: Path):
    vid = planted["high"][0]["village"]
    shown = cli.invoke(app, ["review", "village", vid, "--as-of", as_of])
    assert shown.exit_code == 0, shown.output
    assert "巡前画像" in shown.output and "监督重点" in shown.output and "优亲厚友关联" in shown.output
    data = json.loads(cli.invoke(app, ["review", "village", vid, "--as-of", as_of, "--json"]).output)
    fired = {f["key"] for f in data["factors"] if f["contribution"] > 0}
    assert set(planted["high"][0]["signals"]) <= fired
    assert data["score"] == round(sum(f["contribution"] for f in data["factors"]), 2)
    out = tmp_path / "画像.docx"
    assert cli.invoke(app, ["review", "village", vid, "--as-of", as_of, "--docx", str(out)]).exit_code == 0
    doc = Document(str(out))
    text = "\n".join(par.text for par in doc.paragraphs)
    assert "巡前画像" in text and "四、风险因素" in text and "监督重点" in text
    assert any(t.rows[0].cells[0].text == "风险因素" for t in doc.tables)
    bad = cli.invoke(app, ["review", "village", "unit_0000000000000000"])
    assert bad.exit_code == 1 and "没有名为（或 id 为）" in bad.output
    near = cli.invoke(app, ["review", "village", "无此村"])
    assert near.exit_code == 1 and "没有名为" in near.output


def test_cli_ranking_json_and_xlsx(cli, planted, as_of, tmp_path: Path):
    data = json.loads(cli.invoke(app, ["review", "villages", "--as-of", as_of, "--json"]).output)
    n = len(data["rows"])
    ranks = {r["unit_id"]: r["rank"] for r in data["rows"]}
    assert all(ranks[h["village"]] <= max(1, n // 10) for h in planted["high"])
    assert sum(data["class_counts"].values()) == n
    out = tmp_path / "排名.xlsx"
    done = cli.invoke(app, ["review", "villages", "--as-of", as_of, "--xlsx", str(out)])
    assert done.exit_code == 0, done.output
    ws = load_workbook(out)["村情风险排名"]
    headers = [c.value for c in ws[1]]
    assert headers[:4] == ["名次", "村（社区）", "所属乡镇", "风险分"] and "优亲厚友关联（得分）" in headers
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref and ws.max_row == n + 1
    assert ws.column_dimensions["B"].width > 8


def test_api_roles_audit_and_masking(api, planted, as_of):
    client, auth = api
    vid = planted["high"][0]["village"]
    assert client.get(f"/reviews/villages/{vid}").status_code == 401
    assert client.get(f"/reviews/villages/{vid}", headers=auth["viewer"]).status_code == 403
    one = client.get(f"/reviews/villages/{vid}", params={"as_of": as_of}, headers=auth["analyst"])
    assert one.status_code == 200 and one.json()["cadres"]
    cadre = planted["high"][0]["cadre"]
    assert any(c["person_id"] == cadre for c in one.json()["cadres"])
    log = client.get("/audit", params={"account": "vp_analyst", "limit": 100}, headers=auth["admin"]).json()
    assert any(cadre in json.dumps(r, ensure_ascii=False) for r in log["items"])
    word = client.get(f"/reviews/villages/{vid}", params={"as_of": as_of, "format": "docx"}, headers=auth["analyst"])
    assert word.status_code == 200 and "风险因素" in "\n".join(p.text for p in Document(BytesIO(word.content)).paragraphs)
    missing = client.get("/reviews/villages/unit_0000000000000000", headers=auth["analyst"])
    assert missing.status_code == 404 and "没有" in missing.json()["message"]
    ranking = client.get("/reviews/villages", params={"as_of": as_of}, headers=auth["viewer"])
    assert ranking.status_code == 200
    body = ranking.json()
    assert body["rows"][0]["top_factors"] and "per_" not in json.dumps(body)
    book = client.get("/reviews/villages", params={"as_of": as_of, "format": "xlsx"}, headers=auth["viewer"])
    assert book.status_code == 200 and load_workbook(BytesIO(book.content))["分类统计"].max_row > 1
    bad = client.get("/reviews/villages", params={"township_id": vid}, headers=auth["viewer"])
    assert bad.status_code == 404 and "乡镇" in bad.json()["message"]
