"""Entity resolution: alias pairs that must merge, namesakes that must stay apart, each merge explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.load import Loader
from loaders.ledgers.resolve import ResolveError, UnitIndex, core_name
from tests.loaders.test_malformed import UNITS, write_csv

C = "宁川县"


@pytest.fixture()
def index() -> UnitIndex:
    ix = UnitIndex()
    ix.add("u_agri", "宁川县农业农村局", C, aliases=("县农业农村局",))
    ix.add("u_edu", "宁川县教育局", C)
    ix.add("u_qh", "宁川县清河镇", C, aliases=("清河镇",))
    ix.add("u_bs", "宁川县白石乡", C, aliases=("白石乡",))
    ix.add("v_qh", "青山村", C, "宁川县清河镇")
    ix.add("v_bs", "青山村", C, "宁川县白石乡")
    ix.add("v_ty", "桃源村", C, "宁川县白石乡")
    ix.user_aliases = {(C, core_name("农业局", C)): ("宁川县农业农村局", "")}
    return ix


MUST_MERGE = [
    ("宁川县农业农村局党组", "", "u_agri", "名称规范化"),
    ("县农业农村局", "", "u_agri", "名称规范化"),
    ("农业农村局", "", "u_agri", "名称规范化"),
    ("宁川县　农业农村局", "", "u_agri", "名称规范化"),  # full-width space
    ("ＮＣ宁川县农业农村局党组"[2:], "", "u_agri", "名称规范化"),
    ("农业局", "", "u_agri", "别名表"),
    ("清河镇党委", "", "u_qh", "名称规范化"),
    ("清河镇青山村", "", "v_qh", "名称规范化"),
    ("白石乡青山村党支部", "", "v_bs", "名称规范化"),
    ("青山村", "清河镇", "v_qh", "乡镇限定+名称规范化"),
    ("青山村", "宁川县白石乡", "v_bs", None),  # exact: name and township as in the roster
    ("桃源村", "", "v_ty", None),
]
MUST_NOT_MERGE = [
    ("青山村", ""),  # two villages of that name: ask for the township
    ("桃源村", "清河镇"),  # a named township must agree
    ("宁川县财政局", ""),
    ("教育", ""),
]


@pytest.mark.parametrize(("name", "township", "want", "rule"), MUST_MERGE)
def test_alias_pairs_merge_and_say_why(index, name, township, want, rule):
    got, merge = index.resolve(C, name, township)
    assert got == want
    assert (merge.rule if merge else None) == rule


@pytest.mark.parametrize(("name", "township"), MUST_NOT_MERGE)
def test_names_that_must_not_merge(index, name, township):
    with pytest.raises(ResolveError):
        index.resolve(C, name, township)


def test_alias_table_file_is_read(tmp_path: Path):
    store = EmbeddedStore(tmp_path / "g.sqlite")
    aliases = tmp_path / "unit_aliases.csv"
    aliases.write_text("别名,标准名称,所属乡镇,县\n教体局,宁川县教育局,,宁川县\n", "gbk")
    loader = Loader(store, "s", alias_table=aliases)
    loader.load(write_csv(tmp_path / "units.csv", UNITS))
    posts = [["姓名", "县（市、区）", "任职单位", "职务", "任职起"], ["李明", "宁川县", "教体局", "局长", "2020-01-01"]]
    report = loader.load(write_csv(tmp_path / "任职台账.csv", posts))
    assert [(m.value, m.rule) for m in report.merges] == [("教体局", "别名表")]
    store.close()


def test_namesakes_stay_apart_unless_unit_and_period_join_them(tmp_path: Path):
    store = EmbeddedStore(tmp_path / "g.sqlite")
    loader = Loader(store, "s")
    loader.load(write_csv(tmp_path / "units.csv", UNITS))
    posts = [["姓名", "县（市、区）", "任职单位", "职务", "是否一把手", "任职起", "任职止"],
             ["张伟", "宁川县", "县教育局", "局长", "是", "2018-01-01", "2020-12-31"],
             ["张伟", "宁川县", "县农业农村局", "副局长", "否", "2019-01-01", ""]]
    report = loader.load(write_csv(tmp_path / "任职台账.csv", posts))
    people = [n for n in store.iter_nodes() if n.kind.value == "Person"]
    assert len(people) == 2  # same name, different units: two people
    assert [m.value for m in report.near_misses] == ["张伟"]  # …listed for a person to confirm
    head = ["编号", "监督渠道", "发现日期", "问题类别", "问题描述", "县（市、区）", "单位", "涉及人员"]
    findings = [head, ["JD1", "审计监督", "2019-06-01", "财务管理", "超预算支出", "宁川县", "县教育局", "张伟"],
                ["JD2", "审计监督", "2023-06-01", "财务管理", "超预算支出", "宁川县", "县教育局", "张伟"]]
    report = loader.load(write_csv(tmp_path / "其他监督发现.csv", findings))
    assert [(m.row, m.value) for m in report.merges if m.rule == "姓名+单位+任期"] == [(2, "张伟")]
    assert {m.rule for m in report.merges} == {"姓名+单位+任期", "名称规范化"}  # 县教育局 → 宁川县教育局 is listed too
    assert [m.row for m in report.near_misses] == [3]  # 2023 is after the tenure: not joined
    people = {n.id for n in store.iter_nodes() if n.kind.value == "Person"}
    assert len(people) == 3
    involved = {e.src: e.dst for e in store.iter_edges() if e.type.value == "INVOLVES"}
    director = next(e.src for e in store.iter_edges() if e.type.value == "HOLDS_POST" and e.props["post"] == "局长")
    assert sorted(involved.values()).count(director) == 1
    store.close()


def test_id_number_joins_people_for_certain_and_is_never_stored(tmp_path: Path):
    store = EmbeddedStore(tmp_path / "g.sqlite")
    loader = Loader(store, "s")
    rows = [["姓名", "身份证号"], ["王芳", "110101199003071234"], ["王芳", "110101199003071234"]]
    with pytest.raises(Exception, match="1"):  # the same person twice in one roster is a duplicate row
        loader.load(write_csv(tmp_path / "人员名册.csv", rows))
    loader.load(write_csv(tmp_path / "人员名册.csv", rows[:2]))
    person = next(n for n in store.iter_nodes() if n.kind.value == "Person")
    assert "110101199003071234" not in person.model_dump_json()
    assert len(person.props["id_hash"]) == 32
    store.close()
