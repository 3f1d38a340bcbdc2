"""The sample's second phrasing source (issue 13, item 5): what it covers, which repeats use it, what it leaves alone."""

from __future__ import annotations

import re
import string

import pytest

from loaders import phrasebook as pb
from loaders.sample import Bundle, generate
from loaders.sample import county as county_module
from loaders.sample.phrasings import SECOND, second_source


def _pattern(template: str) -> re.Pattern[str]:
    """A template as a regular expression, its slots standing for any figure."""
    parts = [re.escape(lit) + (r"[\d.]+" if slot else "") for lit, slot, _, _ in string.Formatter().parse(template)]
    return re.compile("".join(parts) + "$")


def test_every_problem_type_has_its_own_second_phrasings():
    source = second_source()
    assert set(source) == set(pb.BY_KEY)
    for key, texts in source.items():
        assert len(texts) >= 2 and len(set(texts)) == len(texts)
        assert not set(texts) & set(pb.BY_KEY[key].templates)
        for text in texts:
            assert {slot for _, slot, _, _ in string.Formatter().parse(text) if slot} <= {"n", "amt", "yr"}


def test_a_share_of_the_planted_repeats_is_told_in_the_second_source(county: Bundle):
    texts = {n.id: n.props["text"] for n in county.nodes if n.kind.value == "Issue"}
    second = set(county.truth["phrasings_b_issues"])
    repeats = county.truth["repeats"]
    later = {r["issue"] for r in repeats}
    assert second and second <= later  # only a repeat's later issue is told in other words
    patterns = [_pattern(t) for texts_b in second_source().values() for t in texts_b]
    assert all(any(p.match(texts[i]) for p in patterns) for i in second)
    for r in repeats:
        assert (r["wording"] == SECOND) == bool(second & {r["issue"], r["earlier"]})
    planted = [r for r in repeats if r["wording"] != "case_reviews"]
    assert 0.35 <= sum(r["wording"] == SECOND for r in planted) / len(planted) <= 0.65


def test_the_second_source_changes_only_the_words(county: Bundle, monkeypatch: pytest.MonkeyPatch):
    """Without it the same records come out (same ids, edges and truth of repeats); only the texts of its issues,
    and the clue and case summaries quoting them, differ."""
    monkeypatch.setattr(county_module, "uses_second_source", lambda ordinal: False)
    plain = generate(1, 7)
    assert [n.id for n in plain.nodes] == [n.id for n in county.nodes] and plain.edges == county.edges
    second = set(county.truth["phrasings_b_issues"])
    changed = {a.id for a, b in zip(plain.nodes, county.nodes, strict=True) if a != b}
    issues = {i for i in changed if i.startswith("iss_")}
    assert issues == second
    for a, b in zip(plain.nodes, county.nodes, strict=True):
        if a != b:
            assert {k for k in a.props if a.props[k] != b.props.get(k)} <= {"text", "summary"}
    drop = {"wording"}
    assert [{k: v for k, v in r.items() if k not in drop} for r in plain.truth["repeats"]] == [
        {k: v for k, v in r.items() if k not in drop} for r in county.truth["repeats"]]
    assert not plain.truth.get("phrasings_b_issues")
