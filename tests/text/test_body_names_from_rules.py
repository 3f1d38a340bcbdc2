"""The bodies' names a request is read by come from ``text_rules.json`` (its ``bodies``), so a county that lists
another name for a body (an override of the file) is understood in every place that reads a body by name: a
clause giving a matter to a body (对X问题，由…牵头) and a headline request the next sentence spells out."""

from __future__ import annotations

import re

from loaders.text.asking import clause_asking
from loaders.text.parse import text_rules
from loaders.text.request_scope import announced

GIVEN = "对该问题，由县监察专员办牵头核查。"  # a name the shipped list does not hold


def test_a_clause_giving_the_matter_to_a_body_asks_by_the_listed_names():
    rules = text_rules()
    assert clause_asking(rules).search("对食堂账目不清问题，由县纪委监委牵头核查。")
    assert clause_asking(rules).search(GIVEN) is None
    county = {**rules, "bodies": {**rules["bodies"], "纪委监委": [*rules["bodies"]["纪委监委"], "监察专员办"]}}
    assert clause_asking(county).search(GIVEN)


def test_a_headline_request_is_known_by_the_body_s_listed_names():
    named = [re.compile(p) for p in ["监察专员办"]]
    assert announced(named, "要把关", "县监察专员办要在月底前完成复核。")
    assert not announced([re.compile("组织部")], "要把关", "县监察专员办要在月底前完成复核。")
    assert not announced(named, "要把关", "县监察专员办要在月底前完成复核。", "对X局的问题，要把关。")
