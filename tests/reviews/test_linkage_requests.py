"""巡前数据调取 in a round's linkage review: late and unanswered requests exactly, on hand-written graphs and on the
sample county's planted truth."""

from __future__ import annotations

from datetime import date

import pytest

from graph.model import EdgeType as T
from graph.model import nodes as m
from graph.reviews.linkage import review_linkage
from graph.reviews.linkage_requests import request_keys
from graph.stores.embedded import EmbeddedStore
from tests.reviews.test_linkage import scene

ASKED, DUE = date(2023, 4, 10), date(2023, 4, 20)


def with_requests():
    s = scene()
    s.unit("audit_office", "县审计局", "county_department")
    s.unit("petition_office", "县信访局", "county_department")
    for name, body, answered in (("on_time", "jw", DUE), ("late", "audit_office", date(2023, 5, 2)),
                                 ("silent", "petition_office", None)):
        s.add(name, m.DataRequest(round_id=s.id("r1"), code=f"DQ-{name}", request="调取近三年资料",
                                  requested_date=ASKED, due_date=DUE, answered_date=answered,
                                  response="已提供" if answered else None))
        s.link(T.REQUESTED_IN, name, "r1")
        s.link(T.REQUESTED_FROM, name, body)
    return s


@pytest.fixture()
def store(tmp_path):
    st = with_requests().load(EmbeddedStore(tmp_path / "g.sqlite"))
    yield st
    st.close()


def test_late_and_unanswered_requests_are_gaps_and_on_time_is_not(store):
    s = with_requests()
    r = review_linkage(store, round_id=s.id("r1"), as_of=date(2024, 6, 30))
    assert [q.code for q in r.data_requests] == ["DQ-late", "DQ-on_time", "DQ-silent"]
    assert request_keys(r.data_requests) == {("late", s.id("late")), ("unanswered", s.id("silent"))}
    late = next(q for q in r.request_gaps if q.gap.value == "late")
    assert late.days_late == 12 and late.body_name == "县审计局" and "逾期12天" in late.sentence
    silent = next(q for q in r.request_gaps if q.gap.value == "unanswered")
    assert "县信访局" in silent.sentence and "仍未反馈" in silent.sentence


@pytest.mark.parametrize("as_of,gaps", [(DUE, set()), (date(2023, 4, 21), {"unanswered"})])
def test_an_unanswered_request_is_a_gap_only_after_its_due_date(store, as_of, gaps):
    s = with_requests()
    r = review_linkage(store, round_id=s.id("r1"), as_of=as_of)
    assert {k for k, q in request_keys(r.data_requests) if q == s.id("silent")} == gaps


def test_unit_and_person_reviews_carry_no_requests(store):
    s = with_requests()
    assert review_linkage(store, unit_id=s.id("v1"), as_of=date(2024, 6, 30)).data_requests == []


def test_the_sample_county_plants_late_and_unanswered_requests(county, loaded_embedded):
    truth = county.truth
    as_of = date.fromisoformat(truth["as_of"])
    planted = truth["data_requests"]
    assert {p["kind"] for p in planted} == {"late", "unanswered"}
    found: set = set()
    for rid in {p["round"] for p in planted} | {n.id for n in county.nodes if n.kind.value == "Round"}:
        found |= request_keys(review_linkage(loaded_embedded, round_id=rid, as_of=as_of).data_requests)
    assert found == {(p["kind"], p["request"]) for p in planted}


def test_a_programme_round_counts_inspection_and_its_partner_channel_only(tmp_path):
    s = with_requests()
    s.change("r1", programme="audit_inspection")
    s.add("petition", m.Finding(code="XF-1", channel="petition", found_date=date(2023, 6, 1), category="三资管理",
                                text="信访反映集体资源发包问题"))
    s.link(T.FOUND_AT, "petition", "v1")
    store = s.load(EmbeddedStore(tmp_path / "g.sqlite"))
    r = review_linkage(store, round_id=s.id("r1"), as_of=date(2024, 6, 30))
    store.close()
    assert r.programme_zh == "巡审联动"
    assert r.figure("problems_found").value == 3
    got = {f.key: sorted(f.ids) for f in r.programme_figures}
    assert got["problems_found"] == sorted([s.id("issue"), s.id("audit")])
    assert got["clues_transferred"] == [s.id("clue")] and got["units_covered"] == [s.id("v1")]


def test_the_sample_programme_figures_equal_the_truth(county, loaded_embedded):
    (planted,) = county.truth["programme"]
    r = review_linkage(loaded_embedded, round_id=planted["round"], as_of=date.fromisoformat(county.truth["as_of"]))
    assert r.programme == planted["programme"]
    assert {f.key: sorted(f.ids) for f in r.programme_figures if f.key in planted["figures"]} == planted["figures"]
