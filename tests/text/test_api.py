"""Report text over HTTP and on the command line: who may upload, read and decide; viewers masked; every change
audited; bad files refused with the file named; re-uploading changes nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from graph.model import EdgeType, NodeKind, make_edge
from graph.model import nodes as m
from graph.settings import Settings, get_settings
from tests.api.county_app import county_folder, role_tokens
from tests.text.conftest import DEV


@pytest.fixture(scope="module")
def data_dir(county, tmp_path_factory) -> Path:
    return county_folder(county, tmp_path_factory, "texts")


@pytest.fixture(scope="module")
def api(data_dir):
    tokens = role_tokens(data_dir, "tx")
    with TestClient(create_app(Settings(data_dir=data_dir, store="embedded"))) as c:
        yield c, {role: {"Authorization": f"Bearer {t}"} for role, t in tokens.items()}


def _upload(client, headers, path: Path, name: str | None = None):
    return client.post("/texts", headers=headers, files={"file": (name or path.name, path.read_bytes())})


def _audit(data_dir: Path, action: str) -> list[tuple]:
    db = sqlite3.connect(data_dir / "audit.sqlite")
    try:
        return db.execute("SELECT account, action FROM audit WHERE action = ?", (action,)).fetchall()
    finally:
        db.close()


def test_upload_read_decide_by_role(api, data_dir):
    client, h = api
    doc = DEV / "feedback_water.docx"
    assert _upload(client, h["viewer"], doc).status_code == 403
    made = _upload(client, h["analyst"], doc)
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["new"] == len(body["entries"]) > 0 and body["result"]["doc_kind"] == "feedback"
    again = _upload(client, h["admin"], doc, name="另一个名字.docx")
    assert again.status_code == 201 and again.json()["new"] == 0
    page = client.get("/text-items", headers=h["viewer"], params={"state": "pending", "limit": 2})
    assert page.status_code == 200 and page.json()["total"] == len(body["entries"]) and len(page.json()["items"]) == 2
    ids = [e["id"] for e in body["entries"] if e["kind"] == "issue"]
    assert client.post(f"/text-items/{ids[0]}/accept", headers=h["viewer"]).status_code == 403
    accepted = client.post(f"/text-items/{ids[0]}/accept", headers=h["analyst"])
    assert accepted.status_code == 200 and accepted.json()["issues"] == 1
    node = client.get("/text-items", headers=h["viewer"], params={"entry": ids[0]}).json()["items"]
    assert [e["id"] for e in node] == [ids[0]]  # the entry alone, accepted, as a problem's source names it
    card = client.get(f"/entities/{node[0]['node_id']}/card", headers=h["analyst"]).json()
    assert [s["entry"] for s in card["sources"]] == [ids[0]]
    assert client.post(f"/text-items/{ids[0]}/reject", headers=h["analyst"]).status_code == 409
    assert client.post(f"/text-items/{ids[0]}/withdraw", headers=h["viewer"]).status_code == 403
    withdrawn = client.post(f"/text-items/{ids[0]}/withdraw", headers=h["analyst"])  # taken in by mistake: out again
    assert withdrawn.status_code == 200 and withdrawn.json()["withdrawn"] == [ids[0]] and withdrawn.json()["issues"] == 1
    again = client.post(f"/text-items/{ids[0]}/withdraw", headers=h["analyst"])
    assert again.status_code == 409 and "无需撤销" in again.json()["message"]
    assert client.post("/text-items/99999/withdraw", headers=h["analyst"]).status_code == 404
    assert client.post(f"/text-items/{ids[0]}/accept", headers=h["analyst"]).json()["issues"] == 1
    node = next(e for e in client.get("/text-items", headers=h["analyst"], params={"state": "accepted"}).json()["items"]
                if e["id"] == ids[0])["node_id"]
    task = m.Task(issue_id=node, seq=1, measure="建立水利工程验收台账", level="individual", deadline=date(2026, 6, 30),
                  status="planned")  # a rectification ledger now cites the problem
    client.app.state.store.upsert([task.to_record()], [make_edge(EdgeType.RECTIFIES, (NodeKind.TASK, task.id),
                                                                 (NodeKind.ISSUE, node))])
    cited = client.post(f"/text-items/{ids[0]}/withdraw", headers=h["analyst"])
    assert cited.status_code == 409 and cited.json()["code"] == "in_use"
    assert "整改任务“建立水利工程验收台账”" in cited.json()["message"] and len(cited.json()["detail"]["problems"]) == 1
    edited = client.patch(f"/text-items/{ids[1]}", headers=h["analyst"], json={"category": "不存在的类别XYZ"})
    assert edited.status_code == 422 and "不在分类表" in edited.json()["message"]
    edited = client.patch(f"/text-items/{ids[1]}", headers=h["analyst"], json={"unit": "县林业局"})
    assert edited.status_code == 200 and edited.json()["state"] == "edited"
    assert edited.json()["unit_name"] == "宁川县林业局"
    assert client.post(f"/text-items/{ids[2]}/reject", headers=h["analyst"]).json()["state"] == "rejected"
    bulk = client.post("/text-items/accept", headers=h["analyst"], json={"min_confidence": 0.8})
    assert bulk.status_code == 200
    accepted_now = set(bulk.json()["accepted"])
    states = {e["id"]: e for e in client.get("/text-items", headers=h["analyst"], params={"limit": 1000}).json()["items"]}
    assert all(states[i]["state"] == "accepted" for i in accepted_now)
    assert all(e["confidence"] < 0.8 or e["state"] in ("accepted", "rejected") or e["kind"] == "directive" and
               e["unit_id"] is None for e in states.values())
    assert client.get("/text-items/99999/accept", headers=h["analyst"]).status_code in (404, 405)
    assert client.post("/text-items/99999/accept", headers=h["analyst"]).status_code == 404
    for action in ("text.parse", "text.accept", "text.edit", "text.reject", "text.edit.refused", "text.reject.refused",
                   "text.withdraw"):
        assert _audit(data_dir, action), action
    why = sorted(json.loads(d)["why"] for d in _detail(data_dir, "text.withdraw.refused"))
    assert why == ["in_use", "not_accepted"]  # refusals are audited, each with its reason
    assert json.loads(_detail(data_dir, "text.edit")[-1])["fields"] == ["unit"]  # what changed, not the text
    assert json.loads(_detail(data_dir, "text.edit.refused")[-1])["fields"] == ["category"]


def _detail(data_dir: Path, action: str) -> list[str]:
    db = sqlite3.connect(data_dir / "audit.sqlite")
    try:
        return [r[0] for r in db.execute("SELECT detail FROM audit WHERE action = ? ORDER BY seq", (action,))]
    finally:
        db.close()


def test_bad_uploads_are_refused_naming_the_file_and_nothing_changes(api, data_dir):
    client, h = api
    before = client.get("/text-items", headers=h["analyst"]).json()["total"]
    broken = client.post("/texts", headers=h["analyst"], files={"file": ("坏文件.docx", b"PK\x03\x04garbage")})
    assert broken.status_code == 422 and broken.json()["message"].startswith("坏文件.docx：")
    nothing = client.post("/texts", headers=h["analyst"],
                          files={"file": ("表扬.txt", "同志们：\n今年工作取得了明显成效。\n".encode())})
    assert nothing.status_code == 422 and "没有识别出" in nothing.json()["message"]
    wrong = client.post("/texts", headers=h["analyst"], files={"file": ("台账.xlsx", b"x")})
    assert wrong.status_code == 422 and wrong.json()["code"] == "unsupported_file"
    assert wrong.json()["message"].startswith("台账.xlsx：")
    assert client.get("/text-items", headers=h["analyst"]).json()["total"] == before
    assert _audit(data_dir, "text.parse.rejected")


def test_viewers_get_known_people_masked(api, county):
    client, h = api
    person = next(n.props["name"] for n in county.nodes if n.kind.value == "Person" and len(n.props["name"]) == 3)
    text = f"关于县水利局：一是{person}同志违规兼职取酬，长期不在岗。\n"
    made = client.post("/texts", headers=h["analyst"], files={"file": ("点名.txt", text.encode())})
    assert made.status_code == 201
    seen = client.get("/text-items", headers=h["viewer"], params={"document": "点名"}).json()["items"]
    whole = client.get("/text-items", headers=h["analyst"], params={"document": "点名"}).json()["items"]
    assert person in whole[0]["text"] and person not in json.dumps(seen, ensure_ascii=False)


@pytest.fixture()
def cli(data_dir, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XUNCHA_DATA_DIR", str(data_dir))
    monkeypatch.setenv("XUNCHA_STORE", "embedded")
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_command_line_parse_and_review(cli, data_dir):
    from api.cli import app

    out = cli.invoke(app, ["text", "parse", str(DEV / "speech_directive_unit.txt")])
    assert out.exit_code == 0, out.output
    assert "未写明" in out.output and "新存入审核队列 3 条" in out.output
    listed = json.loads(cli.invoke(app, ["text", "review", "list", "--document", "speech_directive_unit",
                                         "--json"]).output)
    ids = [str(e["id"]) for e in listed]
    refused = cli.invoke(app, ["text", "review", "accept", *ids])
    assert refused.exit_code == 1 and "填写轮次" in refused.output
    done = cli.invoke(app, ["text", "review", "accept", ids[0], "--round", "十五届县委第一轮巡察"])
    assert done.exit_code == 0 and "已接受 1 条" in done.output, done.output
    out = cli.invoke(app, ["text", "review", "withdraw", ids[0]])
    assert out.exit_code == 0 and "已撤销接受 1 条" in out.output and "回到审核队列" in out.output, out.output
    out = cli.invoke(app, ["text", "review", "withdraw", ids[0]])
    assert out.exit_code == 1 and "无需撤销" in out.output
    waiting = json.loads(cli.invoke(app, ["text", "review", "list", "--state", "open", "--json"]).output)
    assert any(e["id"] == int(ids[0]) and e["withdrawn_by"] for e in waiting)  # back in the open queue, marked
    assert cli.invoke(app, ["text", "review", "list", "--state", "waiting"]).exit_code == 1
    assert cli.invoke(app, ["text", "review", "accept", ids[0], "--round", "十五届县委第一轮巡察"]).exit_code == 0
    assert cli.invoke(app, ["text", "review", "edit", ids[1], "--text", "专项资金沉淀。"]).exit_code == 0
    assert cli.invoke(app, ["text", "review", "reject", ids[2]]).exit_code == 0
    rest = cli.invoke(app, ["text", "review", "accept-all", "--min-confidence", "0", "--document",
                            "speech_directive_unit", "--round", "十五届县委第一轮巡察"])
    assert rest.exit_code == 0 and "已接受 1 条" in rest.output, rest.output
    bad = cli.invoke(app, ["text", "parse", str(data_dir / "no-such.txt")])
    assert bad.exit_code == 1
    assert _audit(data_dir, "text.reject") and _audit(data_dir, "text.edit") and _audit(data_dir, "text.withdraw")
