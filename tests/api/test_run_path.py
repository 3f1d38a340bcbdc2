"""The `make run` path: sample → load → serve → /stats with the scale-1 counts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from graph.analysis.repeats import find_repeats, load_candidates
from graph.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, data: Path) -> str:
    env = {**os.environ, "XUNCHA_DATA_DIR": str(data), "XUNCHA_STORE": "embedded"}
    done = subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=True)
    return done.stdout


def test_sample_load_serve_stats(tmp_path: Path, county, loaded_embedded):
    _cli("sample", "--out", str(tmp_path / "sample"), "--scale", "1", "--seed", "7", data=tmp_path)
    _cli("load", str(tmp_path / "sample"), "--replace", data=tmp_path)
    # the load left the usual analyses computed beside the store: the server's workers read them, not compute them
    results = tmp_path / "graph.sqlite.results"
    warmed = {p.name: p.stat().st_ino for p in results.glob("*.json")}
    assert {name.split("-")[0] for name in warmed} >= {"common", "linked", "leader_carry", "dashboard", "counts"}
    token = _cli("user", "add", "admin", "--role", "admin", "--if-none", data=tmp_path).split()[-1]
    assert token.startswith("xg_")
    assert "已有账号" in _cli("user", "add", "second", "--if-none", data=tmp_path)
    with TestClient(create_app(Settings(data_dir=tmp_path, store="embedded"))) as client:
        assert client.get("/health").json()["status"] == "ok"
        assert client.get("/stats").status_code == 401
        assert client.get("/stats", headers={"Authorization": "Bearer nope"}).status_code == 401
        body = client.get("/stats", headers={"Authorization": f"Bearer {token}"}).json()
        assert {n["kind"]: n["count"] for n in body["nodes"]} == county.truth["node_counts"]
        repeats = next(e["count"] for e in body["edges"] if e["kind"] == "REPEATS")
        # `load` recomputes the analyses' edges: the pairs the method finds on the same records (not every planted
        # repeat: those told in the sample's second phrasing source are partly missed, issue 13)
        assert repeats == len(find_repeats(load_candidates(loaded_embedded))) > len(county.truth["repeats"]) // 2
        assert body["total_edges"] == county.truth["edge_count"] + repeats
        assert "巡察知识图谱" in client.get("/").text
        common = client.get("/common", params={"limit": 500}, headers={"Authorization": f"Bearer {token}"}).json()
        assert common["total"] > 0
        assert {p.name: p.stat().st_ino for p in results.glob("*.json")} == warmed  # read, not computed again
