"""Report-text tests stand on the sample county (宁川县, scale 1, seed 7) in an embedded store."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.stores.embedded import EmbeddedStore
from loaders.text.parse import finder_for, parse_file, text_rules
from loaders.text.units import UnitFinder

DEV = Path(__file__).resolve().parents[1] / "data" / "report_text" / "dev"


@pytest.fixture(scope="session")
def county_store(county, tmp_path_factory) -> EmbeddedStore:
    """The county without repeats (the parser reads only units and rounds); tests that write use their own."""
    store = EmbeddedStore(tmp_path_factory.mktemp("text_county") / "graph.sqlite")
    store.upsert(county.nodes, county.edges)
    yield store
    store.close()


@pytest.fixture()
def store(county, tmp_path) -> EmbeddedStore:
    """A county of one test's own, for tests that write (accept, withdraw)."""
    s = EmbeddedStore(tmp_path / "graph.sqlite")
    s.upsert(county.nodes, county.edges)
    yield s
    s.close()


@pytest.fixture(scope="session")
def finder(county_store) -> UnitFinder:
    return finder_for(county_store, None, text_rules())


@pytest.fixture()
def parse(county_store, finder, tmp_path):
    """Parse a text given as lines (written as UTF-8 .txt)."""

    def run(*lines: str, name: str = "doc.txt"):
        path = tmp_path / name
        path.write_text("\n".join(lines), encoding="utf-8")
        return parse_file(path, county_store, finder=finder)

    return run


def unit_id(finder: UnitFinder, name: str) -> str:
    uid = finder.resolve(name).unit_id
    assert uid is not None, name
    return uid
