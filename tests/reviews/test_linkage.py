"""贯通联动 review on small hand-written graphs: each overlap, stall and missing hand-off exactly when it should."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.model import EdgeType as T
from graph.model import nodes as m
from graph.reviews.linkage import LinkageNotFound, linkage_keys, review_linkage
from graph.stores.embedded import EmbeddedStore
from tests.reviews.graphs import Scene

AS_OF = date(2024, 6, 30)


def scene(channel: str = "audit") -> Scene:
    """东村: audit found a 三资 problem about 王建国 (2023-01-10), inspection found it again (2023-05-20) after a clue
    naming him (2023-02-01, disposed 2023-03-01 by 谈话函询); nothing is stalled, nothing missing."""
    s = Scene()
    s.unit("jw", "县纪委监委", "county_department")
    s.unit("town", "青山镇", "township")
    s.unit("v1", "东村", "village", parent="town")
    s.round("r1", 1, date(2023, 5, 1))
    s.group("g1", "r1", "v1")
    s.person("fic", "王建国")
    s.issue("issue", "r1", "v1", 1, "集体资源发包未经民主程序", date(2023, 5, 20), status="open")
    s.link(T.RESPONSIBLE_FOR, "fic", "issue", role="first_in_command")
    s.add("audit", m.Finding(code="SJ-1", channel=channel, found_date=date(2023, 1, 10), category="三资管理",
                             text="集体资源发包租金偏低"))
    s.link(T.FOUND_AT, "audit", "v1")
    s.link(T.INVOLVES, "audit", "fic")
    clue(s, "clue", "audit", date(2023, 2, 1), disposal="talk_or_inquiry", disposed=date(2023, 3, 1))
    return s


def clue(s: Scene, name: str, source: str, transfer: date, *, disposal: str | None = None,
         disposed: date | None = None, person: str | None = "fic") -> None:
    s.add(name, m.Clue(code=f"XS-{name}", summary="反映问题", source_channel="audit", transfer_date=transfer,
                       receiver="县纪委监委", disposal=disposal, disposal_date=disposed,
                       status="disposed" if disposal else "transferred"))
    s.link(T.ARISES_FROM, name, source)
    s.link(T.TRANSFERRED_TO, name, "jw", on=transfer)
    if person:
        s.link(T.INVOLVES, name, person)


def case(s: Scene, name: str, clue_name: str, opened: date, outcome: str = "pending", closed: date | None = None):
    s.add(name, m.Case(code=f"AJ-{name}", opened=opened, closed=closed, outcome=outcome, summary="案件"))
    s.link(T.OPENED_FROM, name, clue_name, on=opened)
    s.link(T.INVOLVES, name, "fic")


@pytest.fixture()
def review(tmp_path: Path):
    stores: list[EmbeddedStore] = []

    def run(s: Scene, **kw):
        store = s.load(EmbeddedStore(tmp_path / f"g{len(stores)}.sqlite"))
        stores.append(store)
        kw.setdefault("as_of", AS_OF)
        return review_linkage(store, **kw)

    yield run
    for store in stores:
        store.close()


def test_the_base_scene_overlaps_but_nothing_stalls_or_goes_missing(review):
    s = scene()
    r = review(s, unit_id=s.id("v1"))
    keys = linkage_keys(r)
    assert keys["overlaps"] == {("unit", s.id("v1"), "三资管理"), ("person", s.id("fic"))}
    assert keys["stalls"] == set() and keys["missing"] == set()
    first = next(o for o in r.overlaps if o.key[0] == "unit")
    assert (first.first_channel, first.first_date, first.channels) == ("audit", date(2023, 1, 10),
                                                                       ["audit", "inspection"])
    assert [(c.channel, c.count) for c in r.channels] == [("inspection", 1), ("audit", 1)]
    assert {f.key: f.value for f in r.figures} == {"units_covered": 1, "problems_found": 2, "clues_transferred": 1,
                                                   "cases_opened": 0, "people_disciplined": 0}
    h = r.handoffs[0]
    assert (h.days_found_to_transfer, h.days_transfer_to_disposal) == (22, 28)


def test_other_category_or_one_channel_is_no_overlap(review):
    s = scene()
    s.change("audit", category="财务管理")
    r = review(s, unit_id=s.id("v1"))
    assert linkage_keys(r)["overlaps"] == {("person", s.id("fic"))}
    s = scene("inspection")
    s.unlink(T.INVOLVES, "audit", "fic")
    assert linkage_keys(review(s, unit_id=s.id("v1")))["overlaps"] == set()


def test_missing_hand_off_exactly_when_no_clue_lies_between(review):
    s = scene()
    s.change("clue", transfer_date=date(2023, 6, 1))  # after the inspection found it again: too late
    s.edges = [e if e[:3] != (T.TRANSFERRED_TO, "clue", "jw") else (*e[:3], {"on": date(2023, 6, 1)})
               for e in s.edges]
    s.unlink(T.ARISES_FROM, "clue", "audit")
    s.link(T.ARISES_FROM, "clue", "issue")
    r = review(s, person_id=s.id("fic"))
    assert linkage_keys(r)["missing"] == {(s.id("fic"), s.id("audit"), s.id("issue"))}
    assert "其间没有移交问题线索" in r.missing[0].sentence
    # the clue on the day the inspection found it counts as between (both days included)
    s.change("clue", transfer_date=date(2023, 5, 20))
    assert linkage_keys(review(s, person_id=s.id("fic")))["missing"] == set()


def test_a_clue_from_the_earlier_finding_is_a_hand_off_even_without_naming_the_person(review):
    s = scene()
    s.unlink(T.INVOLVES, "clue", "fic")
    assert linkage_keys(review(s, person_id=s.id("fic")))["missing"] == set()
    s.unlink(T.ARISES_FROM, "clue", "audit")
    s.link(T.ARISES_FROM, "clue", "issue")
    assert linkage_keys(review(s, person_id=s.id("fic")))["missing"] == {(s.id("fic"), s.id("audit"), s.id("issue"))}


def test_the_same_day_or_the_same_channel_is_not_a_missing_hand_off(review):
    s = scene()
    s.drop("clue")
    s.change("audit", found_date=date(2023, 5, 20))
    assert linkage_keys(review(s, person_id=s.id("fic")))["missing"] == set()
    s = scene("inspection")
    s.drop("clue")
    assert linkage_keys(review(s, person_id=s.id("fic")))["missing"] == set()


@pytest.mark.parametrize("days,stalled", [(90, False), (91, True)])
def test_undisposed_clue_stalls_after_the_limit(review, days, stalled):
    s = scene()
    clue(s, "late", "issue", date(2023, 6, 1))
    as_of = date.fromordinal(date(2023, 6, 1).toordinal() + days)
    got = linkage_keys(review(s, unit_id=s.id("v1"), as_of=as_of))["stalls"]
    assert got == ({("no_disposal", s.id("late"))} if stalled else set())


@pytest.mark.parametrize("days,stalled", [(180, False), (181, True)])
def test_preliminary_check_without_a_case_stalls_after_the_limit(review, days, stalled):
    s = scene()
    clue(s, "check", "issue", date(2023, 6, 1), disposal="preliminary_check", disposed=date(2023, 7, 1))
    as_of = date.fromordinal(date(2023, 7, 1).toordinal() + days)
    assert linkage_keys(review(s, unit_id=s.id("v1"), as_of=as_of))["stalls"] == (
        {("no_case_decision", s.id("check"))} if stalled else set())


def test_preliminary_check_with_a_case_does_not_stall_but_a_pending_case_does(review):
    s = scene()
    clue(s, "check", "issue", date(2023, 6, 1), disposal="preliminary_check", disposed=date(2023, 7, 1))
    case(s, "k", "check", date(2023, 6, 30))
    r = review(s, unit_id=s.id("v1"), as_of=date(2024, 6, 30))  # 366 days after opening
    assert linkage_keys(r)["stalls"] == {("no_outcome", s.id("k"))}
    assert linkage_keys(review(s, unit_id=s.id("v1"), as_of=date(2024, 6, 29)))["stalls"] == set()
    s.change("k", outcome="form_2", closed=date(2024, 1, 1))
    r = review(s, unit_id=s.id("v1"), as_of=date(2025, 1, 1))
    assert linkage_keys(r)["stalls"] == set()
    assert r.figure("people_disciplined").ids == [s.id("fic")] and r.figure("people_form_2").value == 1
    assert r.figure("cases_opened").ids == [s.id("k")]


def test_a_period_filters_items_and_an_empty_period_gives_zero_figures(review):
    s = scene()
    r = review(s, unit_id=s.id("v1"), date_from=date(2023, 5, 1))
    assert [i.item_id for i in r.items] == [s.id("issue")] and not r.overlaps
    r = review(s, unit_id=s.id("v1"), date_from=date(2020, 1, 1), date_to=date(2020, 12, 31))
    assert all(f.value == 0 for f in r.figures) and r.notes


def test_round_scope_takes_the_round_issues_and_the_findings_at_its_units(review):
    s = scene()
    r = review(s, round_id=s.id("r1"))
    assert {i.item_id for i in r.items} == {s.id("issue"), s.id("audit")}


def test_unknown_subjects_and_bad_scopes_are_refused_in_chinese(review):
    s = scene()
    with pytest.raises(LinkageNotFound, match="没有 id 为“unit_0000000000000000”的单位"):
        review(s, unit_id="unit_0000000000000000")
    with pytest.raises(LinkageNotFound, match="人员"):
        review(s, person_id=s.id("v1"))
    with pytest.raises(ValueError, match="只指定一个"):
        review(s, unit_id=s.id("v1"), person_id=s.id("fic"))
