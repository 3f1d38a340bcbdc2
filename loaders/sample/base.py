"""What every scenario of the sample county shares: the calendar, the record writer, the facts kept aside."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from graph.model import EdgeRecord, EdgeType, NodeKind, NodeRecord, make_edge
from graph.model import enums as en
from graph.model import nodes as m
from loaders import phrasebook as pb

AS_OF = date(2026, 6, 30)
HISTORY_START = date(2015, 1, 1)
LOADED_AT = datetime(2026, 7, 1, 9, 0, 0)
STALL_DAYS = 90
T = EdgeType

# (term, number, kind, start); each round lasts 45 days, feedback at its end.
ROUND_PLAN = (
    (14, 1, en.RoundKind.REGULAR, date(2017, 4, 10)), (14, 2, en.RoundKind.REGULAR, date(2017, 11, 6)),
    (14, 3, en.RoundKind.VILLAGE, date(2018, 6, 4)), (14, 4, en.RoundKind.SPECIAL, date(2019, 3, 11)),
    (14, 5, en.RoundKind.FOLLOW_UP, date(2020, 9, 7)), (15, 1, en.RoundKind.REGULAR, date(2022, 4, 11)),
    (15, 2, en.RoundKind.VILLAGE, date(2022, 11, 7)), (15, 3, en.RoundKind.REGULAR, date(2023, 6, 5)),
    (15, 4, en.RoundKind.VILLAGE, date(2024, 3, 11)), (15, 5, en.RoundKind.ELEVATED, date(2025, 4, 7)),
)
CN_NUM = "一二三四五六七八九十"


def _cn(n: int) -> str:
    """Chinese numeral for 1–99 (十四, 二十一)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_NUM[tens - 1] + "十")
    return head + (CN_NUM[ones - 1] if ones else "")


LEDGERS = ("单位名册", "任职台账", "巡察轮次", "问题清单", "整改台账", "线索台账", "案件台账", "建议函台账",
           "制度与专项治理台账", "其他监督发现", "项目台账", "企业信息", "惠民补贴", "信访台账", "亲属关系",
           "巡前数据调取")


@dataclass
class Tenure:
    person: str
    unit: str
    start: date
    end: date | None
    first_in_command: bool

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class IssueFact:
    id: str
    unit: str
    round_index: int
    ptype: str
    template: int
    status: en.IssueStatus
    found: date
    responsible: str | None
    wording: str = "phrasebook"  # or "phrasings_b": the source its text was told from (loaders.sample.phrasings)


@dataclass
class Bundle:
    """Everything generated: records for the store and the ground truth."""

    nodes: list[NodeRecord] = field(default_factory=list)
    edges: list[EdgeRecord] = field(default_factory=list)
    truth: dict[str, Any] = field(default_factory=dict)


class Writer:
    """Accumulates one county's records into the bundle, with provenance to the ledger each came from.

    It also keeps that county's records apart (``nodes``, ``edges``) and its edges by end (``edges_from``,
    ``edges_to``): the planting steps look things up in their own county. Every edge a writer writes joins two
    of its own records, so nothing of the county is missed; scanning the whole bundle instead made a city of
    many counties quadratic (scale 10 took 53 s to generate, scale 100 did not finish in 20 minutes).
    """

    def __init__(self, bundle: Bundle, county: str) -> None:
        self.bundle = bundle
        self.kinds: dict[str, NodeKind] = {}
        self.docs: dict[str, str] = {}
        self.rows: dict[str, int] = defaultdict(int)
        self.nodes: list[NodeRecord] = []
        self.edges: list[EdgeRecord] = []
        self.position: dict[str, int] = {}  # an edge's id → its place in ``edges``
        self._from: dict[tuple[EdgeType, str], list[EdgeRecord]] = defaultdict(list)
        self._to: dict[tuple[EdgeType, str], list[EdgeRecord]] = defaultdict(list)
        for ledger in LEDGERS:
            doc = m.Document(path=f"样例/{county}/{county}{ledger}.xlsx", doc_kind=en.DocumentKind.GENERATED,
                             loaded_at=LOADED_AT)
            self._add_node(doc.to_record())
            self.docs[ledger] = doc.id

    def _add_node(self, record: NodeRecord) -> None:
        self.bundle.nodes.append(record)
        self.nodes.append(record)
        self.kinds[record.id] = record.kind

    def node(self, model: m.NodeModel, ledger: str) -> str:
        record = model.to_record()
        self._add_node(record)
        self.rows[ledger] += 1
        self.edge(T.SOURCED_FROM, record.id, self.docs[ledger], sheet=ledger, row=self.rows[ledger] + 1)
        return record.id

    def replace_node(self, record: NodeRecord) -> None:
        """Put a changed copy of a record (records are frozen) where the record of its id was written."""
        for records in (self.bundle.nodes, self.nodes):
            at = next(i for i, n in enumerate(records) if n.id == record.id)
            records[at] = record

    def edge(self, edge_type: EdgeType, src: str, dst: str, **props: Any) -> None:
        record = make_edge(edge_type, (self.kinds[src], src), (self.kinds[dst], dst), **props)
        self.bundle.edges.append(record)
        self.position[record.id] = len(self.edges)
        self.edges.append(record)
        self._from[(edge_type, src)].append(record)
        self._to[(edge_type, dst)].append(record)

    def edges_from(self, edge_type: EdgeType, src: str) -> list[EdgeRecord]:
        """This county's edges of one type leaving ``src``, in the order written."""
        return self._from.get((edge_type, src), [])

    def edges_to(self, edge_type: EdgeType, dst: str) -> list[EdgeRecord]:
        """This county's edges of one type reaching ``dst``, in the order written."""
        return self._to.get((edge_type, dst), [])


def county_names(count: int, rng: random.Random) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = rng.choice(pb.PLACE_A) + rng.choice(pb.PLACE_B) + "县"
        if name not in seen:
            seen.add(name)
            names.append(name)
        if len(seen) >= len(pb.PLACE_A) * len(pb.PLACE_B) - 1:
            names.extend(f"{name[:-1]}{len(names)}县" for name in list(names)[: count - len(names)])
    return names[:count]
