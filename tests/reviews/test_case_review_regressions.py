"""Faults once found in the 一案三改 review (a review of the finished capability), kept as regression tests.

Each test states what the review should do with input the ledgers allow but the
sample county never writes: a letter to two regulators, a response recorded
without a date, a wrongly typed rules override.
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


def test_a_letter_to_two_regulators_is_one_letter_and_one_gap(store):
    scene = base_scene()
    scene.letter("letter", date(2024, 3, 1), ["issue"], "agri")
    scene.link(T.ADDRESSED_TO, "letter", "town")
    r = review_case(scene.load(store), CASE, as_of=AS_OF)
    assert [lt.letter_id for lt in r.letters] == [scene.id("letter")]
    assert [g.subjects for g in r.gaps] == [[scene.id("letter")]]


def test_a_wrongly_typed_override_is_refused_when_read(tmp_path):
    (tmp_path / "case_review.json").write_text(json.dumps({"letter_min_units": "3"}), "utf-8")
    with pytest.raises(RulesError):
        load_rules("case_review", tmp_path)


def test_a_suggestion_answered_without_a_date_is_not_unanswered(store):
    scene = base_scene()
    scene.change("case", suggestion_response="已建立发包台账", suggestion_response_date=None)
    assert kinds(review_case(scene.load(store), CASE, as_of=AS_OF)) == {}


def test_a_letter_answered_without_a_date_is_not_unanswered(store):
    scene = base_scene()
    scene.letter("letter", date(2024, 3, 1), ["issue"], "agri")
    scene.change("letter", response="已部署专项整治")
    assert kinds(review_case(scene.load(store), CASE, as_of=AS_OF)) == {}


def test_a_clue_disposed_without_a_date_is_not_said_to_be_undisposed(store):
    scene = base_scene()
    scene.change("clue", disposal_date=None)
    r = review_case(scene.load(store), CASE, as_of=AS_OF)
    assert not any("仍未处置" in g.sentence for g in r.gaps)
