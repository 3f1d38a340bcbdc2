"""The name index answers exactly what the named query ``search_by_name`` answers, on both stores."""

from __future__ import annotations

import pytest

from graph.explore.name_index import NameIndex, name_index
from loaders.sample import Bundle


def _probes(county: Bundle) -> list[tuple[str, str | None, int]]:
    named = [n for n in county.nodes if n.props.get("name")]
    aliased = [n for n in named if n.props.get("aliases")]
    probes = [("村", None, 500), ("村", "Unit", 50), ("局", None, 20), ("县", "Unit", 500), ("无此名称", None, 20),
              ("农业农村局", "Issue", 20), ("张", "Person", 500), ("Ａ", None, 20)]
    probes += [(n.props["name"][:2], None, 500) for n in named[::997]]
    probes += [(n.props["name"][1:3], n.kind.value, 30) for n in named[::1201]]
    probes += [(n.props["aliases"][0][-3:], None, 100) for n in aliased[::7]]
    probes += [(n.props["aliases"][0], "Unit", 10) for n in aliased[:5]]
    return probes


def _same_answers(store, county: Bundle) -> int:
    index = name_index(store)
    checked = 0
    for text, kind, limit in _probes(county):
        expected = store.run_query("search_by_name", {"text": text, "kind": kind, "limit": limit})
        assert index.search(text, kind, limit) == expected, (text, kind, limit)
        checked += bool(expected)
    return checked


def test_the_index_answers_as_the_named_query_embedded(loaded_embedded, county: Bundle):
    assert _same_answers(loaded_embedded, county) >= 15  # most probes find something: the comparison bites


@pytest.mark.neo4j
def test_the_index_answers_as_the_named_query_neo4j(neo4j_county, county: Bundle):
    assert _same_answers(neo4j_county, county) >= 15


def test_an_alias_match_names_the_alias_and_hits_come_shortest_name_first():
    rows = [{"id": "unit_b", "kind": "Unit", "name": "某县农业农村局", "aliases": ["农业局", "农委"]},
            {"id": "unit_a", "kind": "Unit", "name": "农业园区", "aliases": []},
            {"id": "per_1", "kind": "Person", "name": "农委明", "aliases": []}]
    index = NameIndex(rows)
    assert [r["id"] for r in index.search("农", limit=10)] == ["per_1", "unit_a", "unit_b"]
    assert index.search("农委", "Unit") == [{"id": "unit_b", "kind": "Unit", "name": "某县农业农村局",
                                            "matched_alias": "农委"}]
    assert [r["id"] for r in index.search("农", limit=2)] == ["per_1", "unit_a"]
    assert index.search("农", "Clue") == []
