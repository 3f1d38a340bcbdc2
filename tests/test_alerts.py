"""Saved alerts: a hit fires once, not again on a reload of the same data, again for a new matching row, never
after a dismissal; hits survive a restart; two runs at once record a hit once."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from graph.alerts.model import AlertIn, AlertKind, HitState
from graph.alerts.run import alert_store, evaluate, run_alerts, with_gone
from graph.alerts.store import AlertError, AlertStore
from graph.model import EdgeType as T
from graph.model import nodes as m
from graph.stores.base import Cuttable
from graph.stores.embedded import EmbeddedStore
from tests.reviews.graphs import Scene
from tests.test_dashboard import AS_OF, scene


def clue(s: Scene, name: str, transferred: date) -> None:
    s.add(name, m.Clue(code=f"XS-{name}", summary="线索摘要", source_channel="inspection", transfer_date=transferred,
                       receiver="县纪委监委", status="transferred"))
    s.link(T.ARISES_FROM, name, "i2")


@pytest.fixture()
def store(tmp_path: Path):
    st = scene().load(EmbeddedStore(tmp_path / "graph.sqlite"))
    yield st
    st.close()


def clue_alert(alerts: AlertStore, owner: str = "ana") -> int:
    return alerts.add(AlertIn(name="线索超90天未处置", kind=AlertKind.CLUE_UNDISPOSED, threshold=90), owner).id


def test_fires_once_not_on_reload_again_for_a_new_row_never_after_dismissal(store, tmp_path: Path):
    s = scene()
    alerts = alert_store(tmp_path)
    clue_alert(alerts)
    first = run_alerts(store, alerts, today=AS_OF)
    assert [h.key for h in first.new] == [s.id("c1")] and first.new[0].state is HitState.NEW
    assert run_alerts(store, alerts, today=AS_OF).new == []
    s.load(store)  # the same data loaded again
    assert run_alerts(store, alerts, today=AS_OF).new == []
    clue(s, "c2", date(2024, 2, 1))
    s.load(store)
    again = run_alerts(store, alerts, today=AS_OF)
    assert [h.key for h in again.new] == [s.id("c2")] and again.found == 2
    dismissed = alerts.set_state(first.new[0].id, HitState.DISMISSED, actor="ana", note="已另行督办")
    assert (dismissed.state, dismissed.note, dismissed.actor) == (HitState.DISMISSED, "已另行督办", "ana")
    assert run_alerts(store, alerts, today=AS_OF).new == []
    assert alerts.hit(first.new[0].id).state is HitState.DISMISSED
    with pytest.raises(AlertError):
        alerts.set_state(first.new[0].id, HitState.ACKNOWLEDGED, actor="ana")


def test_a_hit_whose_record_left_the_graph_says_so(store, tmp_path: Path):
    """A clue found by an alert, then deleted (a withdrawal, a reload): the hit stays, naming it as gone."""
    s = scene()
    alerts = alert_store(tmp_path)
    clue_alert(alerts)
    hit = run_alerts(store, alerts, today=AS_OF).new[0]
    assert with_gone(store, [hit])[0].gone == []
    store.delete_nodes([s.id("c1")], may_cut=Cuttable(outgoing=frozenset(T), incoming=frozenset(T)))
    listed, _ = alerts.hits()
    assert [h.gone for h in with_gone(store, listed)] == [[s.id("c1")]] and s.id("c1") in listed[0].ids


def test_hits_survive_a_restart(store, tmp_path: Path):
    alerts = alert_store(tmp_path)
    clue_alert(alerts)
    hit = run_alerts(store, alerts, today=AS_OF).new[0]
    alerts.set_state(hit.id, HitState.ACKNOWLEDGED, actor="ana", note="已转办")
    reopened = AlertStore(tmp_path / "alerts.sqlite")
    hits, total = reopened.hits(owner="ana")
    assert total == 1 and hits[0].state is HitState.ACKNOWLEDGED and hits[0].first_seen == hit.first_seen
    assert run_alerts(store, reopened, today=AS_OF).new == []
    assert (tmp_path / "alerts.sqlite").stat().st_mode & 0o077 == 0


def test_two_runs_at_once_record_each_hit_once(store, tmp_path: Path):
    alert_store(tmp_path)
    for _ in range(3):
        clue_alert(AlertStore(tmp_path / "alerts.sqlite"))
    start = threading.Barrier(2)
    news: list[int] = []

    def run() -> None:
        mine = AlertStore(tmp_path / "alerts.sqlite")
        start.wait()
        news.append(len(run_alerts(store, mine, today=AS_OF).new))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    hits, total = AlertStore(tmp_path / "alerts.sqlite").hits()
    assert total == 3 and sum(news) == 3 and len({(h.alert_id, h.key) for h in hits}) == 3


def test_each_analysis_kind_finds_what_the_graph_holds(store):
    s = scene()
    relapse = evaluate(store, AlertIn(name="复发", kind=AlertKind.RELAPSE_TOWNSHIP, params={"unit_kinds": ["village"]}))
    assert [c.key for c in relapse] == [f"{s.id('i6')}>{s.id('i1')}"]
    assert evaluate(store, AlertIn(name="乡镇复发", kind=AlertKind.RELAPSE_TOWNSHIP)) == []
    assert [c.key for c in evaluate(store, AlertIn(name="线索", kind=AlertKind.CLUE_UNDISPOSED, threshold=180),
                                     today=AS_OF)] == [s.id("c1")]
    assert evaluate(store, AlertIn(name="线索", kind=AlertKind.CLUE_UNDISPOSED, threshold=181), today=AS_OF) == []
    # Round 2 has 三资管理 at 南村, 青山镇 and 东村 (three units) and no letter about them.
    wide = evaluate(store, AlertIn(name="共性", kind=AlertKind.CATEGORY_WITHOUT_LETTER, threshold=3))
    assert [c.key for c in wide] == [f"{s.id('r2')}|三资管理"]
    assert evaluate(store, AlertIn(name="共性", kind=AlertKind.CATEGORY_WITHOUT_LETTER, threshold=4)) == []
    # At one unit or more: round 1's 财务管理 (西村) too, but not round 1's 三资管理 (东村), which has a letter.
    assert [c.key for c in evaluate(store, AlertIn(name="共性", kind=AlertKind.CATEGORY_WITHOUT_LETTER,
                                                   threshold=1))] == [f"{s.id('r1')}|财务管理", f"{s.id('r2')}|三资管理"]


def test_a_named_query_alert_fires_per_row_at_its_threshold_and_refuses_unknown_queries(store):
    s = scene()
    rows = evaluate(store, AlertIn(name="轮次", kind=AlertKind.NAMED_QUERY, params={"query": "round_counts"}))
    assert {s.id("r1"), s.id("r2")} == {i for c in rows for i in c.ids}
    assert evaluate(store, AlertIn(name="轮次", kind=AlertKind.NAMED_QUERY, params={"query": "round_counts"},
                                   threshold=3)) == []
    with pytest.raises(AlertError, match="没有名为"):
        evaluate(store, AlertIn(name="x", kind=AlertKind.NAMED_QUERY, params={"query": "no_such_query"}))
    with pytest.raises(AlertError, match="参数有误"):
        evaluate(store, AlertIn(name="x", kind=AlertKind.NAMED_QUERY, params={"query": "round_counts", "bogus": 1}))
