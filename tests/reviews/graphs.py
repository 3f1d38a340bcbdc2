"""Small hand-written graphs with known 一案三改 reviews.

A :class:`Scene` names every node (``"v1"``, ``"case"``…) so a test can change
exactly one thing (a field, an edge, a node) and rebuild the records. Every
node is ``SOURCED_FROM`` one ledger file with the sheet of its kind and its own
row, so a gap's sources can be checked against the rows the test gave.

:func:`base_scene` is a case with no gap at all, as of :data:`AS_OF`:

* 青山镇 with 东村 (the case's unit), 西村 and 南村; 县纪委监委 receives the clue;
* round 1 (2023-05-01) inspects 东村 and 西村, round 2 (2023-10-08, after the
  case) inspects 西村 and 南村, so no village is a blind spot;
* the issue at 东村 (rectified) has two individual tasks, both done with evidence;
* the same problem at 西村 (rectified): two units, fewer than ``letter_min_units``;
  an unrelated issue of the same category at 南村 is not similar;
* clue transferred 2023-06-10, disposed 2023-08-15 (66 days), naming the
  first-in-command 王建国 (from his post on the day the issue was found);
* case opened 2023-09-01 from that clue, naming the team member in charge
  李红梅; its suggestion answered; a rule (制度) issued by 青山镇 answers it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from graph.analysis import repeats
from graph.model import EdgeRecord, EdgeType, NodeRecord, make_edge
from graph.model import nodes as m
from graph.model.enums import DocumentKind
from graph.reviews.case_review_model import CaseReview, Source
from graph.stores.base import GraphStore

T = EdgeType
AS_OF = date(2024, 6, 30)
COUNTY = "清河县"
TOWN = "青山镇"
DOC = "台账/清河县一案三改.xlsx"
SHEETS = {"Unit": "单位名册", "Person": "人员名册", "Round": "巡察轮次", "Group": "巡察轮次", "Issue": "问题清单",
          "Task": "整改台账", "Clue": "线索台账", "Case": "案件台账", "Letter": "建议函台账", "Finding": "其他监督发现",
          "Measure": "制度与专项治理台账", "Petition": "信访台账", "Project": "项目台账", "Benefit": "惠民补贴",
          "Company": "企业信息", "DataRequest": "巡前数据调取"}

CASE_TEXT = "东村集体资源对外发包未经四议两公开民主程序，租金明显偏低"
SIMILAR_TEXT = "西村集体资源对外发包未履行四议两公开程序，租金偏低"
UNRELATED_TEXT = "村务公开栏长期未更新，财务收支公开不及时"


@dataclass
class Scene:
    """Named node models and edges between names; ``records()`` turns them into what a store takes."""

    nodes: dict[str, m.NodeModel] = field(default_factory=dict)
    edges: list[tuple[EdgeType, str, str, dict[str, Any]]] = field(default_factory=list)

    # -- building ------------------------------------------------------------------
    def add(self, name: str, model: m.NodeModel) -> str:
        assert name not in self.nodes, name
        self.nodes[name] = model
        return model.id

    def link(self, edge_type: EdgeType, src: str, dst: str, **props: Any) -> None:
        self.edges.append((edge_type, src, dst, props))

    def unlink(self, edge_type: EdgeType, src: str, dst: str) -> None:
        before = len(self.edges)
        self.edges = [e for e in self.edges if (e[0], e[1], e[2]) != (edge_type, src, dst)]
        assert len(self.edges) == before - 1, (edge_type, src, dst)

    def change(self, name: str, **fields: Any) -> None:
        """Set some fields of a node (validated again; its id must not move)."""
        old = self.nodes[name]
        new = type(old).model_validate({**old.model_dump(exclude={"id"}), **fields})
        assert new.id == old.id, "change() must not touch the natural key"
        self.nodes[name] = new

    def drop(self, name: str) -> None:
        del self.nodes[name]
        self.edges = [e for e in self.edges if name not in (e[1], e[2])]

    # -- reading -------------------------------------------------------------------
    def id(self, name: str) -> str:
        return self.nodes[name].id

    def rows(self) -> dict[str, tuple[str, int]]:
        """Each node id's sheet and row: rows count from 2 (row 1 holds the headers) in the order nodes were added."""
        counter: Counter[str] = Counter()
        out = {}
        for model in self.nodes.values():
            sheet = SHEETS[model.kind.value]
            counter[sheet] += 1
            out[model.id] = (sheet, counter[sheet] + 1)
        return out

    def source(self, name_or_id: str) -> Source:
        nid = self.id(name_or_id) if name_or_id in self.nodes else name_or_id
        sheet, row = self.rows()[nid]
        return Source(id=nid, path=DOC, sheet=sheet, row=row)

    def records(self) -> tuple[list[NodeRecord], list[EdgeRecord]]:
        doc = m.Document(path=DOC, doc_kind=DocumentKind.LEDGER, loaded_at=datetime(2024, 6, 1, 9, 0))
        nodes = [doc.to_record(), *(model.to_record() for model in self.nodes.values())]
        edges = [make_edge(t, (self.nodes[s].kind, self.id(s)), (self.nodes[d].kind, self.id(d)), **props)
                 for t, s, d, props in self.edges]
        for nid, (sheet, row) in self.rows().items():
            kind = next(x.kind for x in self.nodes.values() if x.id == nid)
            edges.append(make_edge(T.SOURCED_FROM, (kind, nid), (doc.kind, doc.id), sheet=sheet, row=row))
        return nodes, edges

    def load(self, store: GraphStore) -> GraphStore:
        """Write the scene into an empty store and compute the repeats (relapses) as a load does."""
        store.upsert(*self.records())
        repeats.recompute(store)
        return store

    # -- small builders ------------------------------------------------------------
    def unit(self, key: str, name: str, unit_kind: str, parent: str | None = None) -> str:
        parent_name = self.nodes[parent].name if parent else ""  # type: ignore[attr-defined]
        nid = self.add(key, m.Unit(name=name, county=COUNTY, parent_name=parent_name, unit_kind=unit_kind))
        if parent:
            self.link(T.PART_OF, key, parent)
        return nid

    def round(self, name: str, number: int, start: date) -> None:
        self.add(name, m.Round(county=COUNTY, term=14, number=number, round_kind="village", start=start,
                               end=start + timedelta(days=40), title=f"十四届县委第{number}轮巡察"))

    def group(self, name: str, rnd: str, *units: str) -> None:
        self.add(name, m.Group(round_id=self.id(rnd), name=f"{self.nodes[rnd].number}轮第一巡察组"))  # type: ignore[attr-defined]
        self.link(T.IN_ROUND, name, rnd)
        for unit in units:
            self.link(T.INSPECTED, name, unit, round_id=self.id(rnd))

    def issue(self, name: str, rnd: str, unit: str, seq: int, text: str, found: date, status: str = "rectified",
              category: str = "三资管理") -> str:
        nid = self.add(name, m.Issue(round_id=self.id(rnd), unit_id=self.id(unit), seq=seq, text=text,
                                     category=category, status=status, found_date=found, code=f"QC-{name}"))
        self.link(T.FOUND_AT, name, unit)
        self.link(T.FOUND_IN, name, rnd)
        return nid

    def task(self, name: str, issue: str, seq: int, deadline: date, *, level: str = "individual",
             status: str = "done", done: date | None = None, evidence: str | None = "整改佐证材料") -> str:
        nid = self.add(name, m.Task(issue_id=self.id(issue), seq=seq, measure=f"{name}：落实整改措施", level=level,
                                    owner="王建国", deadline=deadline, status=status,
                                    done_date=done if done or status not in ("done", "closed") else deadline,
                                    evidence=evidence))
        self.link(T.RECTIFIES, name, issue)
        return nid

    def person(self, name: str, full_name: str) -> str:
        return self.add(name, m.Person(name=full_name, id_hash=f"hash-{name}"))

    def letter(self, name: str, sent: date, issues: list[str], to: str, response_date: date | None = None) -> str:
        nid = self.add(name, m.Letter(code=f"清巡函〔2024〕{len(self.nodes)}号", sent_date=sent,
                                      subject="村集体资源发包共性问题", response="已部署整改" if response_date else None,
                                      response_date=response_date))
        for issue in issues:
            self.link(T.CONCERNS, name, issue)
        self.link(T.ADDRESSED_TO, name, to)
        return nid

    def measure(self, name: str, answers: str, by: str, kind: str = "rule") -> str:
        nid = self.add(name, m.Measure(code=f"ZD-{name}", measure_kind=kind, title="村级集体资源发包管理办法",
                                       issued_date=date(2023, 12, 1)))
        self.link(T.RESPONDS_TO, name, answers)
        self.link(T.ISSUED_BY, name, by)
        return nid


def base_scene() -> Scene:
    """The case with no gap at all (see the module docstring)."""
    s = Scene()
    s.unit("jw", "县纪委监委", "county_department")
    s.unit("agri", "县农业农村局", "county_department")
    s.unit("town", TOWN, "township")
    for key, name in (("v1", "东村"), ("v2", "西村"), ("v3", "南村")):
        s.unit(key, name, "village", parent="town")
    s.round("r1", 1, date(2023, 5, 1))
    s.round("r2", 2, date(2023, 10, 8))
    s.group("g1", "r1", "v1", "v2")
    s.group("g2", "r2", "v2", "v3")

    s.person("fic", "王建国")
    s.link(T.HOLDS_POST, "fic", "v1", post="村党支部书记", first_in_command=True, start=date(2021, 1, 1))
    s.person("member", "李红梅")
    s.link(T.HOLDS_POST, "member", "v1", post="村委会委员", start=date(2021, 1, 1))

    s.issue("issue", "r1", "v1", 1, CASE_TEXT, date(2023, 5, 20))
    s.link(T.FOUND_BY, "issue", "g1")
    s.link(T.RESPONSIBLE_FOR, "member", "issue", role="team_member", derived=False)
    s.task("t1", "issue", 1, date(2023, 12, 31), done=date(2023, 11, 20))
    s.task("t2", "issue", 2, date(2024, 3, 31), done=date(2024, 3, 1))
    s.issue("similar", "r1", "v2", 1, SIMILAR_TEXT, date(2023, 5, 25))
    s.issue("unrelated", "r2", "v3", 1, UNRELATED_TEXT, date(2023, 10, 20), status="open")

    s.add("clue", m.Clue(code="XS-2023-07", summary="东村书记违规发包集体资源", source_channel="inspection",
                         transfer_date=date(2023, 6, 10), receiver="县纪委监委", disposal="case_opened",
                         disposal_date=date(2023, 8, 15), status="disposed"))
    s.link(T.ARISES_FROM, "clue", "issue")
    s.link(T.TRANSFERRED_TO, "clue", "jw", on=date(2023, 6, 10))
    s.link(T.INVOLVES, "clue", "fic", role="被反映人")
    s.add("case", m.Case(code="AJ-2023-05", opened=date(2023, 9, 1), closed=date(2024, 1, 15),
                         outcome="party_sanction", summary="东村违规发包集体资源案",
                         suggestion="规范村集体资源发包程序", suggestion_response="已建立发包台账",
                         suggestion_response_date=date(2023, 11, 1)))
    s.link(T.OPENED_FROM, "case", "clue", on=date(2023, 9, 1))
    s.link(T.INVOLVES, "case", "member", role="被审查调查人")
    s.measure("rule", "case", "town")
    return s


def kinds(review: CaseReview) -> dict[str, list[str]]:
    """Gap kind → sorted subject ids: the whole of what a review found, to compare with a known answer."""
    out: dict[str, list[str]] = {}
    for gap in review.gaps:
        out.setdefault(gap.kind.value, []).extend(gap.subjects)
    return {k: sorted(v) for k, v in out.items()}


def states(review: CaseReview) -> dict[str, str]:
    return {p.dimension.value: p.state.label_zh for p in review.parts}


ALL_DONE = {"individual": "到位", "category": "到位", "systemic": "到位", "accountability": "到位"}
