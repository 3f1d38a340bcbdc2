from __future__ import annotations

import re
from importlib import resources

import pytest

from graph.queries.registry import UnknownQuery, all_queries, get
from tests.queries.cases import parity_cases


def test_every_cypher_file_has_a_registered_twin_and_back():
    files = {p.name.removesuffix(".cypher") for p in resources.files("cypher").joinpath("queries").iterdir()
             if p.name.endswith(".cypher")}
    assert files == set(all_queries())


@pytest.mark.parametrize("name", sorted(all_queries()))
def test_header_and_params_match_placeholders(name: str):
    query = get(name)
    header = [line for line in query.cypher.splitlines() if line.startswith("//")]
    assert header[0] == f"// name: {name}"
    assert any(line.startswith("// answers: ") for line in header)
    declared = next(line for line in header if line.startswith("// params:")).removeprefix("// params:")
    declared_set = {p.strip() for p in declared.split(",") if p.strip()}
    assert declared_set == query.placeholders() == set(query.params.model_fields)
    assert any(line.startswith("// :param") for line in header)
    assert query.description


def test_cypher_builds_no_strings_from_input():
    for query in all_queries().values():
        assert not re.search(r"\+\s*\$|\$\w+\s*\+\s*'", query.cypher), query.name


def test_every_query_has_parity_cases(county):
    cases = parity_cases(county)
    assert set(cases) == set(all_queries())
    assert all(len(params) >= 3 for params in cases.values())


def test_unknown_query_is_named():
    with pytest.raises(UnknownQuery, match="no_such"):
        get("no_such")
