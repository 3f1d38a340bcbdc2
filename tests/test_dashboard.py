"""整改看板 on a hand-written county: every rate equals a hand count, a unit with no issues has no rate (无问题),
a round still in progress is marked, and overdue tasks, relapses, letters and clues are the ones written here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.model import EdgeType as T
from graph.model import nodes as m
from graph.reviews.dashboard import DashboardError, dashboard, parse_rounds
from graph.reviews.dashboard_model import NO_ISSUES
from graph.reviews.rules import RulesError
from graph.stores.embedded import EmbeddedStore
from tests.reviews.graphs import COUNTY, Scene

AS_OF = date(2024, 6, 30)
TEXT = "村集体资源对外发包未经四议两公开民主程序，租金明显偏低"
OTHER = "财务票据管理不规范，白条入账问题突出"


def scene() -> Scene:
    """青山镇 with 东村、西村、南村, and 县财政局.

    Round 1 (2023-05-01, ended 2023-06-10) inspects 东村, 西村 and 县财政局 (nothing found there):
    i1 东村 rectified (t1, t2 done); i2 东村 open, severity high (t3 in progress, deadline 2024-01-31: 151 days
    overdue on 2024-06-30), clue c1 from it transferred 2024-01-01 and never disposed (181 days);
    i3 西村 rectified, category 财务管理 (t4 closed). A letter about i1 sent 2024-03-01, unanswered (121 days).
    Round 2 (2024-06-01, ends 2024-07-11: in progress) inspects 南村, 青山镇 and 东村: i4 南村 in progress (t5 planned,
    deadline 2024-09-30); i5 青山镇 open, no task; i6 东村 open, the same text as i1 (a relapse of it).
    """
    s = Scene()
    s.unit("dept", "县财政局", "county_department")
    s.unit("town", "青山镇", "township")
    for key, name in (("v1", "东村"), ("v2", "西村"), ("v3", "南村")):
        s.unit(key, name, "village", parent="town")
    s.round("r1", 1, date(2023, 5, 1))
    s.group("g1", "r1", "v1", "v2", "dept")
    s.issue("i1", "r1", "v1", 1, TEXT, date(2023, 5, 20))
    s.task("t1", "i1", 1, date(2023, 9, 30), done=date(2023, 9, 1))
    s.task("t2", "i1", 2, date(2023, 10, 30), done=date(2023, 10, 1))
    s.issue("i2", "r1", "v1", 2, "村干部报销差旅费用超标准，违规发放补贴", date(2023, 5, 21), status="open")
    s.change("i2", severity="high")
    s.task("t3", "i2", 1, date(2024, 1, 31), status="in_progress")
    s.issue("i3", "r1", "v2", 1, OTHER, date(2023, 5, 22), category="财务管理")
    s.task("t4", "i3", 1, date(2023, 8, 31), status="closed", done=date(2023, 8, 1))
    s.add("c1", m.Clue(code="XS-2024-01", summary="东村报销问题", source_channel="inspection",
                       transfer_date=date(2024, 1, 1), receiver="县纪委监委", status="transferred"))
    s.link(T.ARISES_FROM, "c1", "i2")
    s.letter("l1", date(2024, 3, 1), ["i1"], "dept")
    s.round("r2", 2, date(2024, 6, 1))
    s.group("g2", "r2", "v3", "town", "v1")
    s.issue("i4", "r2", "v3", 1, "村务公开栏长期未更新，财务收支公开不及时", date(2024, 6, 10), status="in_progress")
    s.task("t5", "i4", 1, date(2024, 9, 30), status="planned")
    s.issue("i5", "r2", "town", 1, "乡镇干部值班制度落实不到位，脱岗现象时有发生", date(2024, 6, 11), status="open")
    s.issue("i6", "r2", "v1", 1, TEXT, date(2024, 6, 12), status="open")
    return s


@pytest.fixture()
def board(tmp_path: Path):
    stores: list[EmbeddedStore] = []

    def make(s: Scene | None = None) -> tuple[Scene, EmbeddedStore]:
        s = s or scene()
        store = s.load(EmbeddedStore(tmp_path / f"g{len(stores)}.sqlite"))
        stores.append(store)
        return s, store

    yield make
    for store in stores:
        store.close()


def by_key(rows, s: Scene) -> dict[str, object]:
    names = {model.id: name for name, model in s.nodes.items()}
    return {names.get(r.key, r.key): r for r in rows}


def test_rates_equal_hand_counts_for_the_range_rounds_units_townships_and_categories(board):
    s, store = board()
    d = dashboard(store, today=AS_OF)
    t = d.total
    assert (t.issues, t.rectified, t.tasks, t.tasks_done) == (6, 2, 5, 3)
    assert t.rate == round(2 / 6, 4) and t.task_rate == round(3 / 5, 4)
    rounds = by_key(d.by_round, s)
    assert (rounds["r1"].issues, rounds["r1"].rectified, rounds["r1"].rate) == (3, 2, round(2 / 3, 4))
    assert (rounds["r1"].tasks, rounds["r1"].tasks_done, rounds["r1"].task_rate) == (4, 3, 0.75)
    assert (rounds["r2"].issues, rounds["r2"].rate, rounds["r2"].tasks, rounds["r2"].task_rate) == (3, 0.0, 1, 0.0)
    assert d.rounds_in_progress == [s.id("r2")] and rounds["r2"].in_progress and not rounds["r1"].in_progress
    units = by_key(d.by_unit, s)
    assert set(units) == {"dept", "town", "v1", "v2", "v3"}
    assert (units["dept"].issues, units["dept"].rate, units["dept"].task_rate, units["dept"].note) == \
        (0, None, None, NO_ISSUES)
    assert (units["v1"].issues, units["v1"].rectified, units["v1"].rate) == (3, 1, round(1 / 3, 4))
    assert (units["v2"].rate, units["v2"].task_rate) == (1.0, 1.0)
    assert units["v3"].township == "青山镇" and units["town"].township == "青山镇"
    assert set(units["v1"].issue_ids) == {s.id("i1"), s.id("i2"), s.id("i6")}
    assert set(units["v1"].task_ids) == {s.id("t1"), s.id("t2"), s.id("t3")}
    towns = by_key(d.by_township, s)
    assert list(towns) == ["town"] and (towns["town"].issues, towns["town"].rectified) == (6, 2)
    cats = {r.key: r for r in d.by_category}
    assert (cats["三资管理"].issues, cats["三资管理"].rectified) == (5, 1)
    assert (cats["财务管理"].issues, cats["财务管理"].rate) == (1, 1.0)
    assert [p.issues for p in d.trend] == [3, 3]


def test_overdue_relapses_letters_and_clues_are_the_written_ones_with_their_ids(board):
    s, store = board()
    d = dashboard(store, today=AS_OF)
    assert [(o.task_id, o.days_overdue, o.severity) for o in d.overdue] == [(s.id("t3"), 151, "high")]
    high = next(f for f in d.overdue_by_severity if f.severity == "high")
    assert (high.count, high.max_days, high.task_ids) == (1, 151, [s.id("t3")])
    assert [(r.issue_id, r.earlier_id) for r in d.relapses] == [(s.id("i6"), s.id("i1"))]
    assert [(x.letter_id, x.days_waiting) for x in d.letters_unanswered] == [(s.id("l1"), 121)]
    assert [(c.clue_id, c.days_waiting) for c in d.clues_undisposed] == [(s.id("c1"), 181)]
    figures = {f.key: f for f in d.figures}
    assert figures["overdue"].ids == [s.id("t3")] and figures["rate"].text == "33.3%"
    assert figures["rounds_in_progress"].ids == [s.id("r2")]
    assert d.trend[1].relapses == 1 and d.trend[0].overdue == 1


def test_limits_per_severity_letter_and_clue_days_come_from_the_settings_file(board, tmp_path: Path):
    s, store = board()
    (tmp_path / "dashboard.json").write_text(
        '{"overdue_days": {"high": 200, "medium": 0, "low": 0}, "letter_answer_days": 150, "clue_disposal_days": 200}',
        encoding="utf-8")
    d = dashboard(store, today=AS_OF, data_dir=tmp_path)
    assert d.overdue == [] and d.letters_unanswered == [] and d.clues_undisposed == []
    (tmp_path / "dashboard.json").write_text('{"letter_answer_days": "sixty"}', encoding="utf-8")
    with pytest.raises(RulesError):
        dashboard(store, today=AS_OF, data_dir=tmp_path)


def test_a_chosen_range_counts_only_its_rounds(board):
    s, store = board()
    d = dashboard(store, [2], today=AS_OF)
    assert d.round_ids == [s.id("r2")] and d.range_label == "第2轮"
    assert (d.total.issues, d.total.rectified, d.total.rate) == (3, 0, 0.0)
    assert set(by_key(d.by_unit, s)) == {"town", "v1", "v3"}
    assert d.overdue == [] and d.letters_unanswered == [] and d.clues_undisposed == []
    assert [r.issue_id for r in d.relapses] == [s.id("i6")]
    assert dashboard(store, range(1, 3), today=AS_OF).range_label == "前2轮"
    assert dashboard(store, [s.id("r1")], today=AS_OF).total.issues == 3
    with pytest.raises(DashboardError, match="没有第3轮"):
        dashboard(store, [3], today=AS_OF)
    with pytest.raises(DashboardError):
        dashboard(store, ["rnd_0000000000000000"], today=AS_OF)


def test_a_county_chooses_its_own_rounds_and_ordinals_across_counties_are_refused(board):
    s = scene()
    s.unit("far", "远山县水利局", "county_department")
    s.add("r9", m.Round(county="远山县", term=3, number=1, round_kind="regular", start=date(2023, 1, 10),
                        end=date(2023, 2, 20), title="远山县委第一轮巡察"))
    s.group("g9", "r9", "far")
    s.issue("i9", "r9", "far", 1, "河道采砂监管不到位", date(2023, 1, 20), status="open")
    _, store = board(s)
    assert dashboard(store, today=AS_OF).total.issues == 7  # every county's rounds
    with pytest.raises(DashboardError, match="须指明县"):
        dashboard(store, [1, 2], today=AS_OF)
    mine = dashboard(store, [1, 2], today=AS_OF, county=COUNTY)
    assert mine.round_ids == [s.id("r1"), s.id("r2")] and mine.range_label == f"{COUNTY}前2轮"
    assert mine.total.issues == 6
    far = dashboard(store, today=AS_OF, county="远山县")
    assert far.round_ids == [s.id("r9")] and far.total.issues == 1 and far.range_label == "远山县全部轮次"
    assert [u.key for u in far.by_unit] == [s.id("far")]
    with pytest.raises(DashboardError, match="没有“近水县”的巡察轮次"):
        dashboard(store, today=AS_OF, county="近水县")


def test_no_issues_anywhere_means_no_rates_not_a_division_by_zero(board):
    s = Scene()
    s.unit("dept", "县财政局", "county_department")
    s.round("r1", 1, date(2023, 5, 1))
    s.group("g1", "r1", "dept")
    _, store = board(s)
    d = dashboard(store, today=AS_OF)
    assert (d.total.issues, d.total.rate, d.total.task_rate, d.total.note) == (0, None, None, NO_ISSUES)
    assert d.by_unit[0].note == NO_ISSUES and d.notes


def test_parse_rounds():
    assert parse_rounds("1-4") == [1, 2, 3, 4] and parse_rounds("3，1") == [1, 3]
    for bad in ("a-b", "4-1", "0"):
        with pytest.raises(DashboardError):
            parse_rounds(bad)
