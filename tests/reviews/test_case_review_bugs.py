"""Known faults of the 一案三改 review, each pinned by a strict xfail until graph/reviews is fixed.

Each test states what the review should do; when the fault is fixed the test
passes, strict xfail turns that into a failure, and the marker must go.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from graph.model import EdgeType as T
from graph.reviews.case_review import review_case
from graph.reviews.rules import RulesError, load_rules
from graph.stores.embedded import EmbeddedStore
from tests.reviews.graphs import AS_OF, base_scene, kinds

CASE = "AJ-2023-05"


@pytest.fixture()
def store(tmp_path: Path):
    s = EmbeddedStore(tmp_path / "g.sqlite")
    yield s
    s.close()


@pytest.mark.xfail(strict=True, reason="case_gaps.letters: one LetterLine per ADDRESSED_TO row, so a letter to two "
                                       "regulators is listed twice and its unanswered gap is raised twice")
def test_a_letter_to_two_regulators_is_one_letter_and_one_gap(store):
    scene = base_scene()
    scene.letter("letter", date(2024, 3, 1), ["issue"], "agri")
    scene.link(T.ADDRESSED_TO, "letter", "town")
    r = review_case(scene.load(store), CASE, as_of=AS_OF)
    assert [lt.letter_id for lt in r.letters] == [scene.id("letter")]
    assert [g.subjects for g in r.gaps] == [[scene.id("letter")]]


@pytest.mark.xfail(strict=True, reason="rules.load_rules checks key names only: a wrongly typed value passes and "
                                       "the review then fails with a TypeError instead of a RulesError in Chinese")
def test_a_wrongly_typed_override_is_refused_when_read(tmp_path):
    (tmp_path / "case_review.json").write_text(json.dumps({"letter_min_units": "3"}), "utf-8")
    with pytest.raises(RulesError):
        load_rules("case_review", tmp_path)


@pytest.mark.xfail(strict=True, reason="case_gaps.individual_gaps reads only suggestion_response_date: a response "
                                       "recorded without its date (the ledger allows it) reads as 未见反馈")
def test_a_suggestion_answered_without_a_date_is_not_unanswered(store):
    scene = base_scene()
    scene.change("case", suggestion_response="已建立发包台账", suggestion_response_date=None)
    assert kinds(review_case(scene.load(store), CASE, as_of=AS_OF)) == {}


@pytest.mark.xfail(strict=True, reason="case_gaps.letters sets days_waiting from response_date only: a letter whose "
                                       "response is recorded without a date reads as 未收到反馈")
def test_a_letter_answered_without_a_date_is_not_unanswered(store):
    scene = base_scene()
    scene.letter("letter", date(2024, 3, 1), ["issue"], "agri")
    scene.change("letter", response="已部署专项整治")
    assert kinds(review_case(scene.load(store), CASE, as_of=AS_OF)) == {}


@pytest.mark.xfail(strict=True, reason="case_gaps.clue_line counts to as_of when disposal_date is empty even if "
                                       "disposal is set, and the gap says 仍未处置 while the review counts the "
                                       "supervisor as having disposed of the clue")
def test_a_clue_disposed_without_a_date_is_not_said_to_be_undisposed(store):
    scene = base_scene()
    scene.change("clue", disposal_date=None)
    r = review_case(scene.load(store), CASE, as_of=AS_OF)
    assert not any("仍未处置" in g.sentence for g in r.gaps)
