"""An upload's load in its child process (loaders/ledgers/worker.py): the report comes back, the load and its repeats
land together, a budget exceeded kills the child with a message naming the limit and leaves the graph as it was;
and over HTTP the limits come from the data folder's read_limits.json.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import httpx
import pytest

from graph.analysis import repeats
from graph.settings import Settings
from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.limits import read_limits
from loaders.ledgers.worker import LoadJob, run_load
from tests.api.test_uploads import bearer, server  # noqa: F401 - the module's real uvicorn server
from tests.loaders.test_hostile import base_store
from tests.loaders.test_malformed import ISSUE_HEAD, issue, write_csv


def state(path: Path) -> tuple[int, int, int, str]:
    """Nodes, edges, REPEATS edges and a digest of every id and every REPEATS edge, read straight from the file."""
    db = sqlite3.connect(path)
    try:
        nodes = sorted(r[0] for r in db.execute("SELECT id FROM nodes"))
        edges = sorted(r[0] for r in db.execute("SELECT id FROM edges"))
        reps = sorted(db.execute("SELECT id, src, dst, props FROM edges WHERE type = 'REPEATS'"))
    finally:
        db.close()
    digest = hashlib.sha256(repr((nodes, edges, reps)).encode()).hexdigest()[:16]
    return len(nodes), len(edges), len(reps), digest


def repeating_issues(folder: Path, n: int = 3) -> Path:
    """Issues at one unit in round 2 that repeat round 1's (so a load changes the REPEATS edges too)."""
    rows = [ISSUE_HEAD]
    for i in range(1, n + 1):
        rows.append(issue(问题编号=f"R1-{i}", 轮次=1, 序号=i, 问题描述=f"报销凭证不全，{i}笔支出无正规发票"))
        rows.append(issue(问题编号=f"R2-{i}", 轮次=2, 序号=i, 问题描述=f"报销凭证仍不全，{i}笔支出无正规发票"))
    return write_csv(folder / "问题清单.csv", rows)


@pytest.fixture
def county(tmp_path) -> Settings:
    base_store(tmp_path)
    (tmp_path / "id_salt").write_text("test-salt", "utf-8")
    return Settings(data_dir=tmp_path, store="embedded")


def test_a_load_and_its_repeats_land_together_and_the_report_comes_back(county, tmp_path):
    before = state(county.embedded_path)
    result = run_load(county, repeating_issues(tmp_path), limits=read_limits(county.data_dir), source="上传/问题清单.csv")
    assert result.outcome == "loaded" and result.report is not None, result
    assert result.report.loaded == 6 and result.peak_bytes > 0
    after = state(county.embedded_path)
    assert after[0] > before[0] and after[2] == result.repeats and after[2] > before[2]
    store = EmbeddedStore(county.embedded_path)  # the repeats written are what a full recompute finds now
    try:
        repeats.recompute(store)
    finally:
        store.close()
    assert state(county.embedded_path) == after


def test_over_the_time_limit_the_child_is_killed_and_the_graph_is_unchanged(county, tmp_path):
    before = state(county.embedded_path)
    # 5 ms: less than starting the child, copying the graph and reading the file take on any machine (0.2 s was
    # enough for this small county on an idle one, and the load finished first)
    limits = read_limits(county.data_dir).model_copy(update={"max_load_seconds": 0.005})
    result = run_load(county, repeating_issues(tmp_path), limits=limits)
    assert result.outcome == "timeout" and result.report is None, result
    assert "max_load_seconds" in result.message and "0.005 秒" in result.message and "图谱未改变" in result.message
    assert state(county.embedded_path) == before


def test_over_the_memory_limit_the_load_stops_and_the_graph_is_unchanged(county, tmp_path):
    before = state(county.embedded_path)
    rows = [ISSUE_HEAD] + [issue(问题编号=f"M{i}", 序号=i, 问题描述="报销凭证不全" * 20) for i in range(1, 30_001)]
    limits = read_limits(county.data_dir).model_copy(update={"max_load_memory_bytes": 64 * 2**20})
    result = run_load(county, write_csv(tmp_path / "问题清单.csv", rows), limits=limits)
    assert result.outcome == "memory", result
    assert "max_load_memory_bytes" in result.message and "64 MB" in result.message
    assert state(county.embedded_path) == before


def test_a_rejected_file_comes_back_with_its_problems(county, tmp_path):
    bad = write_csv(tmp_path / "问题清单.csv", [ISSUE_HEAD, issue(发现日期="某天")])
    job = LoadJob(county, read_limits(county.data_dir)).start(bad, folder=tmp_path)
    assert job.pid > 0
    result = job.wait()
    assert result.outcome == "rejected" and result.report is not None
    assert result.report.problems and result.report.problems[0].header == "发现日期"


def test_over_http_the_limits_come_from_the_data_folder_and_are_named(server, tmp_path):  # noqa: F811
    settings_file = server["data"] / "read_limits.json"
    before = httpx.get(server["url"] + "/stats", headers=bearer(server, "admin")).json()
    try:
        settings_file.write_text('{"max_load_seconds": 0.2}', "utf-8")
        with repeating_issues(tmp_path).open("rb") as f:
            response = httpx.post(server["url"] + "/loads", files={"file": ("问题清单.csv", f)},
                                  headers=bearer(server, "admin"), timeout=60)
        assert response.status_code == 422, response.text
        body = response.json()
        assert body["code"] == "load_budget_exceeded" and "max_load_seconds" in body["message"], body
        assert "0.2 秒" in body["message"]
        settings_file.write_text('{"max_rows": 2}', "utf-8")
        with repeating_issues(tmp_path).open("rb") as f:
            response = httpx.post(server["url"] + "/loads", files={"file": ("问题清单.csv", f)},
                                  headers=bearer(server, "admin"), timeout=60)
        reasons = [p["reason"] for p in response.json()["detail"]["problems"]]
        assert response.status_code == 422 and any("max_rows" in r and "2" in r for r in reasons), reasons
    finally:
        settings_file.unlink(missing_ok=True)
    assert httpx.get(server["url"] + "/stats", headers=bearer(server, "admin")).json() == before


def test_read_limits_come_from_the_package_the_data_folder_and_the_environment(tmp_path):
    from graph.reviews.rules import RulesError
    from loaders.ledgers.limits import DEFAULT_LIMITS
    from loaders.ledgers.readers import read_sheets

    (tmp_path / "read_limits.json").write_text('{"max_rows": 3, "max_load_seconds": 12.5}', "utf-8")
    limits = read_limits(tmp_path, environ={})
    assert (limits.max_rows, limits.max_load_seconds, limits.max_columns) == (3, 12.5, DEFAULT_LIMITS.max_columns)
    assert read_limits(tmp_path, environ={"XUNCHA_MAX_ROWS": "7"}).max_rows == 7  # the environment wins
    five = write_csv(tmp_path / "问题清单.csv", [ISSUE_HEAD] + [issue(问题编号=f"L{i}", 序号=i) for i in range(1, 6)])
    read_sheets(five)  # within the shipped limits
    with pytest.raises(ValueError, match=r"行数（超过 3）超过上限 3（读取限额 max_rows）"):
        read_sheets(five, limits)
    (tmp_path / "read_limits.json").write_text('{"max_rowz": 3}', "utf-8")
    with pytest.raises(RulesError, match="未知的设置项：max_rowz"):
        read_limits(tmp_path, environ={})
    (tmp_path / "read_limits.json").write_text('{"max_rows": 0}', "utf-8")
    with pytest.raises(RulesError, match="max_rows（每个工作表（文件）的行数上限）超出允许范围"):
        read_limits(tmp_path, environ={})


def test_saved_alerts_run_again_after_an_upload_loaded_by_the_worker(server, tmp_path):  # noqa: F811
    alert = {"name": "上传后的预警", "kind": "named_query", "params": {"query": "ids_by_code", "kind": "Issue",
                                                                  "codes": ["ALERT-1"]}}
    saved = httpx.post(server["url"] + "/alerts", json=alert, headers=bearer(server, "admin"))
    assert saved.status_code == 201, saved.text

    def hits() -> list[dict]:
        answer = httpx.get(server["url"] + "/alerts/hits", params={"alert_id": saved.json()["id"]},
                           headers=bearer(server, "admin"))
        assert answer.status_code == 200, answer.text
        return answer.json()["items"]

    assert hits() == []
    ledger = write_csv(tmp_path / "问题清单.csv", [ISSUE_HEAD, issue(问题编号="ALERT-1", 序号=901)])
    with ledger.open("rb") as f:
        loaded = httpx.post(server["url"] + "/loads", files={"file": ("问题清单.csv", f)},
                            headers=bearer(server, "admin"), timeout=120)
    assert loaded.status_code == 200 and loaded.json()["loaded"] == 1, loaded.text
    found = hits()
    assert len(found) == 1 and any(i.startswith("iss_") for i in found[0]["ids"]), found


def test_the_body_guard_takes_its_limits_from_the_data_folder(county):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.auth import AccountStore, Role

    (county.data_dir / "read_limits.json").write_text('{"max_body_bytes": 2000}', "utf-8")
    accounts = AccountStore(county.data_dir / "accounts.sqlite")
    token = accounts.add("guard_analyst", Role.ANALYST)
    accounts.close()
    with TestClient(create_app(county)) as client:
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        big = json.dumps({"query": "RETURN 1", "pad": "x" * 3000})
        refused = client.post("/cypher", content=big, headers=headers)
        assert refused.status_code == 413 and "max_body_bytes" in refused.json()["message"], refused.text
        assert "2000 字节" in refused.json()["message"] or "2 KB" in refused.json()["message"]
        small = client.post("/cypher", content=json.dumps({"query": "RETURN 1"}), headers=headers)
        assert small.status_code != 413


def test_an_upload_again_lists_the_rows_its_file_no_longer_has_and_removes_those_confirmed(server, tmp_path):  # noqa: F811
    def upload(rows: list[list], remove_ids: str | None = None) -> httpx.Response:
        ledger = write_csv(tmp_path / "去留清单.csv", [ISSUE_HEAD, *rows])
        with ledger.open("rb") as f:
            return httpx.post(server["url"] + "/loads", files={"file": ("去留清单.csv", f)},
                              data={"remove_ids": remove_ids} if remove_ids is not None else {},
                              headers=bearer(server, "admin"), timeout=120)

    one, two, three = (issue(问题编号=f"DROP-{n}", 序号=950 + n) for n in (1, 2, 3))
    assert upload([one, two, three]).json()["changes"]["dropped"]["count"] == 0
    listed = upload([one]).json()["changes"]["dropped"]
    assert listed["count"] == 2 and not listed["unrelated"]
    assert [(r["called"], r["row"]) for r in listed["records"]] == [("“DROP-2”", 3), ("“DROP-3”", 4)]
    removed = upload([one], remove_ids=listed["records"][0]["id"]).json()  # only the one confirmed goes
    assert removed["removed"] == 1 and removed["changes"]["dropped"]["count"] == 2
    left = upload([one]).json()["changes"]["dropped"]
    assert [r["called"] for r in left["records"]] == ["“DROP-3”"]
    other = upload([issue(问题编号="OTHER-1", 序号=961)]).json()["changes"]["dropped"]  # another office's 去留清单.csv
    assert other["count"] == 2 and other["unrelated"]
    refused = upload([one], remove_ids="DROP-3; drop table")
    assert refused.status_code == 422 and "remove_ids" in refused.json()["message"]
