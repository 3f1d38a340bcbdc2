from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from graph.model import EdgeKindError, EdgeType, NodeKind, make_edge, node_id
from graph.model import nodes as m
from graph.model.taxonomy import load_taxonomy


def _issue(**over):
    fields = dict(round_id="rnd_1", unit_id="unit_1", seq=1, text="三会一课制度落实不到位", category="三会一课/组织生活",
                  status="open", found_date="2023-04-02")
    fields.update(over)
    return m.Issue(**fields)


def test_bad_enum_names_the_field():
    with pytest.raises(ValidationError) as info:
        _issue(status="fixed-ish")
    assert info.value.errors()[0]["loc"] == ("status",)


def test_missing_required_field_is_reported():
    with pytest.raises(ValidationError) as info:
        m.Unit(name="某县财政局", county="某县")
    assert ("unit_kind",) in [e["loc"] for e in info.value.errors()]


def test_unknown_field_is_refused():
    with pytest.raises(ValidationError):
        m.Unit(name="某县财政局", county="某县", unit_kind="county_department", colour="red")


def test_unknown_category_is_refused_in_chinese():
    with pytest.raises(ValidationError, match="未知的问题类别"):
        _issue(category="不存在的类别")


def test_legacy_labels_map_onto_the_tree():
    issue = _issue(category="四风")
    assert issue.category == "中央八项规定精神/四风"
    assert issue.top_category == "全面从严治党战略部署落实"
    assert load_taxonomy().top_of("党的建设缺失") == "新时代党的组织路线落实"


def test_ids_are_deterministic_and_ignore_width_and_spaces():
    a = m.Unit(name="某县 财政局", county="某县", unit_kind="county_department")
    b = m.Unit(name="某县财政局", county="某县", unit_kind="county_department", code="X1")
    assert a.id == b.id == node_id("Unit", "某县", "", "某县财政局")
    assert _issue().id == _issue(text="另一种说法").id
    assert _issue().id != _issue(seq=2).id


def test_people_of_the_same_name_stay_apart_when_id_hashes_differ():
    assert m.Person(name="张伟", id_hash="a").id != m.Person(name="张伟", id_hash="b").id


def test_every_field_has_a_chinese_label():
    for model in m.NODE_MODELS.values():
        for name, info in model.model_fields.items():
            assert info.title and any("\u4e00" <= ch <= "\u9fff" for ch in info.title), (model.__name__, name)


def test_edge_checks_endpoint_kinds_and_separates_parallel_posts():
    p, u = (NodeKind.PERSON, "per_1"), (NodeKind.UNIT, "unit_1")
    first = make_edge(EdgeType.HOLDS_POST, p, u, post="局长", first_in_command=True, start=date(2020, 1, 1))
    second = make_edge(EdgeType.HOLDS_POST, p, u, post="局长", first_in_command=True, start=date(2023, 1, 1))
    assert first.id != second.id
    assert first.props["first_in_command"] is True
    with pytest.raises(EdgeKindError, match="不能从"):
        make_edge(EdgeType.HOLDS_POST, u, p, post="局长", start=date(2020, 1, 1))
    with pytest.raises(ValidationError):
        make_edge(EdgeType.HOLDS_POST, p, u, post="局长")
