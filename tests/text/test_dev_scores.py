"""The scorer on the development parts (never the test part): each figure must stay above its floor in
tests/text/dev_floors.py, just under what bench/report_text.py measured; tests/data/report_text/FLOORS.md says part
by part why."""

from __future__ import annotations

import pytest

from loaders.text.parse import parse_document, text_rules
from loaders.text.readers import read_document
from loaders.text.scoring import Tally, fixtures, load_expected, score, score_folder
from tests.text.conftest import DEV
from tests.text.dev_floors import FLOOR, KEYS


def _folder(part: str):
    return DEV.parent / part


@pytest.fixture(scope="module")
def totals(county_store, finder) -> dict[str, dict[str, Tally]]:
    return {part: score_folder(_folder(part), finder, text_rules(), county_store)[0] for part in FLOOR}


@pytest.mark.parametrize("part", list(FLOOR))
def test_there_are_enough_dev_fixtures_of_both_formats(part):
    paths = fixtures(_folder(part))
    assert len(paths) >= 12
    assert {p.suffix for p in paths} == {".docx", ".txt"} and any(p.name.endswith(".gb18030.txt") for p in paths)


@pytest.mark.parametrize("part", list(FLOOR))
@pytest.mark.parametrize("key", KEYS)
def test_precision_and_recall_above_the_floor(totals, part, key):
    t = totals[part][key]
    assert t.expected > 0 and t.precision >= FLOOR[part][key] and t.recall >= FLOOR[part][key], t.misses


def test_the_scorer_counts_a_wrong_unit_and_a_missed_item(county_store, finder):
    path = DEV / "speech_guanyu.txt"
    result = parse_document(read_document(path), finder, text_rules(), county_store)
    expected = load_expected(path)
    expected["items"][0]["unit"] = "宁川县水利局"
    expected["items"].append({"unit": None, "contains": "没有这句话", "top_category": None})
    tallies = score(result, expected, finder, path.name)
    assert tallies["items"].recall < 1 and tallies["units"].tp == tallies["items"].tp - 1
