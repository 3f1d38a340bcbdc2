"""The 巡前数据调取 ledger: recognised from its headers, loaded onto its round and body, bad rows named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.load import Loader
from tests.loaders.test_malformed import ROUNDS, UNITS, rejected, write_csv

HEAD = ["县（市、区）", "届次", "轮次", "调取编号", "被调取单位", "调取事项", "调取日期", "要求反馈日期", "反馈日期",
        "反馈内容"]


@pytest.fixture()
def loaded(tmp_path: Path):
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    loader = Loader(store, "test-salt")
    loader.load(write_csv(tmp_path / "units.csv", UNITS))
    loader.load(write_csv(tmp_path / "rounds.csv", ROUNDS))
    yield store, loader
    store.close()


def row(**change: Any) -> list[Any]:
    values = dict(zip(HEAD, ["宁川县", 15, 1, "NC-15-1-DQ01", "县教育局", "近三年经费使用情况", "2022-03-20", "2022-03-30",
                             "2022-04-05", "提供决算报告"], strict=True))
    values.update(change)
    return [values[h] for h in HEAD]


def test_a_request_loads_onto_its_round_and_body(loaded, tmp_path):
    store, loader = loaded
    loader.load(write_csv(tmp_path / "巡前数据调取.csv", [HEAD, row(), row(调取编号="NC-15-1-DQ02", 反馈日期="",
                                                                             反馈内容="")]))
    rows = _requests(store)
    assert [(r["code"], r["body_name"], r["answered_date"]) for r in rows] == [
        ("NC-15-1-DQ01", "宁川县教育局", "2022-04-05"), ("NC-15-1-DQ02", "宁川县教育局", None)]


def _requests(store) -> list[dict[str, Any]]:
    from graph.model import nodes as m

    rid = m.Round(county="宁川县", term=15, number=1, round_kind="regular", start="2000-01-01", title="-").id
    return store.run_query("round_data_requests", {"round_id": rid})


def test_bad_rows_are_named_and_nothing_loads(loaded, tmp_path):
    store, loader = loaded
    bad = write_csv(tmp_path / "巡前数据调取.csv", [
        HEAD, row(), row(调取编号="DQ2", 反馈日期="2022-03-01"), row(调取编号="DQ3", 轮次=9),
        row(调取编号="DQ4", 被调取单位="没有这个局")])
    problems = rejected(loader, bad)
    assert sorted((p.row, p.column) for p in problems) == [(3, "I"), (4, "C"), (5, "E")]
    reasons = " ".join(p.reason for p in problems)
    assert "反馈日期早于调取日期" in reasons and "找不到宁川县第15届第9轮巡察" in reasons and "没有这个局" in reasons
    assert _requests(store) == []
