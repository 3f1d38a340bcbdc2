"""The scorer on the dev fixtures (never the test part): each figure must stay above the floor measured when the
parser was written (bench/report_text.py prints them: on the 27 dev files, 1.00 for items, units and directives, 0.97
for the unit a directive is about; the floor leaves room for rules a county edits in text_rules.json)."""

from __future__ import annotations

import pytest

from loaders.text.parse import parse_document, text_rules
from loaders.text.readers import read_document
from loaders.text.scoring import Tally, fixtures, load_expected, score
from tests.text.conftest import DEV

FLOOR = {"items": 0.95, "units": 0.95, "directives": 0.95, "directive_units": 0.85}


@pytest.fixture(scope="module")
def totals(county_store, finder) -> dict[str, Tally]:
    out = {k: Tally() for k in FLOOR}
    for path in fixtures(DEV):
        result = parse_document(read_document(path), finder, text_rules(), county_store)
        for key, tally in score(result, load_expected(path), finder, path.name).items():
            out[key].add(tally)
    return out


def test_there_are_enough_dev_fixtures_of_both_formats():
    paths = fixtures(DEV)
    assert len(paths) >= 12
    assert {p.suffix for p in paths} == {".docx", ".txt"} and any(p.name.endswith(".gb18030.txt") for p in paths)


@pytest.mark.parametrize("key", list(FLOOR))
def test_dev_precision_and_recall_above_the_floor(totals, key):
    t = totals[key]
    assert t.expected > 0 and t.precision >= FLOOR[key] and t.recall >= FLOOR[key], t.misses


def test_the_scorer_counts_a_wrong_unit_and_a_missed_item(county_store, finder):
    path = DEV / "speech_guanyu.txt"
    result = parse_document(read_document(path), finder, text_rules(), county_store)
    expected = load_expected(path)
    expected["items"][0]["unit"] = "宁川县水利局"
    expected["items"].append({"unit": None, "contains": "没有这句话", "top_category": None})
    tallies = score(result, expected, finder, path.name)
    assert tallies["items"].recall < 1 and tallies["units"].tp == tallies["items"].tp - 1
