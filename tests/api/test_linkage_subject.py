"""A linkage subject named by id or by name: one match, none, or several listed in Chinese."""

from __future__ import annotations

from datetime import date

import pytest

from api.linkage_subject import SubjectAmbiguous, SubjectNotFound, resolve_person, resolve_unit
from graph.model import EdgeType as T
from graph.model import nodes as m
from graph.stores.embedded import EmbeddedStore
from tests.reviews.test_linkage import scene


@pytest.fixture()
def world(tmp_path):
    """The linkage scene plus a second 东村 (in 白石镇) and a second 王建国 who holds a post there."""
    s = scene()
    s.unit("town2", "白石镇", "township")
    s.unit("v2", "东村", "village", parent="town2")
    s.add("fic2", m.Person(name="王建国", origin="v2@2020"))
    s.link(T.HOLDS_POST, "fic2", "v2", post="村委会主任", start=date(2020, 1, 1))
    store = s.load(EmbeddedStore(tmp_path / "g.sqlite"))
    yield s, store
    store.close()


def test_an_id_is_taken_as_it_is(world):
    s, store = world
    assert resolve_unit(store, s.id("v1")) == s.id("v1") and resolve_person(store, s.id("fic")) == s.id("fic")


@pytest.mark.parametrize("name", ["青山镇东村", " 青山镇东村 ", "清河县青山镇东村"])
def test_a_qualified_village_name_resolves(world, name):
    s, store = world
    assert resolve_unit(store, name) == s.id("v1")


def test_a_unit_name_with_county_prefix_and_party_suffix_resolves(world):
    s, store = world
    assert resolve_unit(store, "清河县青山镇党委") == s.id("town")
    assert resolve_unit(store, "纪委监委") == s.id("jw")  # a fragment held by one unit only


def test_an_ambiguous_unit_name_lists_the_candidates_with_ids(world):
    s, store = world
    with pytest.raises(SubjectAmbiguous) as caught:
        resolve_unit(store, "东村")
    message = str(caught.value)
    assert "对应2个单位" in message and "青山镇东村" in message and "白石镇东村" in message
    assert s.id("v1") in message and s.id("v2") in message and "加所属乡镇" in message
    assert {c for c, _ in caught.value.candidates} == {s.id("v1"), s.id("v2")}


def test_an_unknown_name_is_refused_in_chinese(world):
    _, store = world
    with pytest.raises(SubjectNotFound, match="找不到名为“西村”的单位"):
        resolve_unit(store, "西村")
    with pytest.raises(SubjectNotFound, match="没有名为“李四”的人员"):
        resolve_person(store, "李四")


def test_namesakes_are_listed_with_their_posts(world):
    s, store = world
    with pytest.raises(SubjectAmbiguous) as caught:
        resolve_person(store, "王建国")
    message = str(caught.value)
    assert "有2名人员名为“王建国”" in message and s.id("fic") in message and s.id("fic2") in message
    assert "白石镇东村2020-01-01起" in message and "改用人员 id" in message


def test_the_command_takes_names_and_lists_namesakes(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from api.cli import app
    from graph.settings import get_settings

    s = scene()
    s.unit("town2", "白石镇", "township")
    s.unit("v2", "东村", "village", parent="town2")
    s.load(EmbeddedStore(tmp_path / "graph.sqlite")).close()
    monkeypatch.setenv("XUNCHA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("XUNCHA_STORE", "embedded")
    get_settings.cache_clear()
    try:
        ok = CliRunner().invoke(app, ["review", "linkage", "--unit", "青山镇东村", "--json", "--as-of", "2024-06-30"])
        assert ok.exit_code == 0, ok.output
        assert f'"subject_id": "{s.id("v1")}"' in ok.output
        top = CliRunner().invoke(app, ["linkage", "--unit", "青山镇东村", "--json", "--as-of", "2024-06-30"])
        assert top.exit_code == 0 and top.output == ok.output
        bad = CliRunner().invoke(app, ["review", "linkage", "--unit", "东村"])
        assert bad.exit_code == 1 and "对应2个单位" in bad.output and s.id("v2") in bad.output
    finally:
        get_settings.cache_clear()
