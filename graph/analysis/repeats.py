"""Cross-round repeats (屡查屡犯): the same problem found again at the same unit.

Candidates come from the ``repeat_candidates`` named query, so this works the
same on both stores. Pairs are only formed inside a unit (blocking), between an
issue and issues of earlier rounds in the same top category: at a unit that
is a few dozen issues, so the cost grows with the number of issues, not its
square. Each pair is scored with :mod:`graph.analysis.text`; pairs at or above
the threshold become ``REPEATS`` edges (later → earlier) carrying the score,
the shared phrases and a sentence a reader can check.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel, Field

from graph.analysis.disjoint import DisjointSet
from graph.analysis.lineage import Lineage, unit_lineage
from graph.analysis.text import Vectoriser, cosine, shared_phrases
from graph.model import EdgeRecord, EdgeType, NodeKind, make_edge
from graph.model.enums import IssueStatus
from graph.queries.repeat_candidates import Row as Candidate
from graph.stores.base import GraphStore

THRESHOLD = 0.3  # measured: P = R = 1.0 on the sample between 0.2 and 0.4; the middle is kept
RELATED_PENALTY = 0.8  # same top category but another category: a weaker claim
METHOD = "tfidf-bigram+concepts/v1"


class Repeat(BaseModel):
    issue_id: str = Field(title="后发现的问题")
    earlier_id: str = Field(title="此前的问题")
    unit_id: str = Field(title="单位")
    score: float = Field(title="相似度")
    same_category: bool = Field(title="同一类别")
    relapse: bool = Field(title="整改后复发")
    chronic: bool = Field(default=False, title="屡查屡犯（≥3轮）")
    long_unrectified: bool = Field(title="逾期未整改")
    phrases: list[str] = Field(title="共同要点")
    evidence: str = Field(title="依据")


def _blocks(rows: list[Candidate], lineage: Lineage | None = None) -> dict[str, list[int]]:
    """Issues by unit; a unit renamed or merged (机构沿革) blocks with its predecessors and successors."""
    by_unit: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_unit[lineage.of(row.unit_id) if lineage else row.unit_id].append(i)
    return by_unit


def _comparable(later: Candidate, earlier: Candidate) -> bool:
    return earlier.round_start < later.round_start and earlier.top_category == later.top_category


def _evidence(later: Candidate, earlier: Candidate, score: float, phrases: list[str], *,
              relapse: bool, long_unrectified: bool, crossing: str | None = None) -> str:
    category = (f"同属“{later.category}”" if later.category == earlier.category
                else f"类别相近（“{earlier.category}”与“{later.category}”，同属“{later.top_category}”）")
    parts = [f"同一单位在{earlier.round_title or earlier.round_id}和{later.round_title or later.round_id}均被发现",
             category, f"共同要点：{'、'.join(phrases) if phrases else '无'}", f"相似度{score:.2f}"]
    if crossing:
        parts.insert(1, crossing)
    if relapse:
        parts.append("前次已标记为已整改，属整改后复发")
    if long_unrectified:
        parts.append(f"前次整改期限（{earlier.deadline}）已过而未整改完成")
    return "；".join(parts) + "。"


def _judge(vec: Vectoriser, rows: list[Candidate], later: int, earlier: int, threshold: float,
           lineage: Lineage | None = None) -> Repeat | None:
    a, b = rows[later], rows[earlier]
    score = cosine(vec.vectors[later], vec.vectors[earlier])
    same = a.category == b.category
    if not same:
        score *= RELATED_PENALTY
    score = round(score, 4)
    if score < threshold:
        return None
    relapse = b.status is IssueStatus.RECTIFIED
    overdue = b.status is not IssueStatus.RECTIFIED and b.deadline is not None and b.deadline < a.round_start
    phrases = shared_phrases(vec.analysed[later], vec.analysed[earlier])
    return Repeat(issue_id=a.issue_id, earlier_id=b.issue_id, unit_id=a.unit_id, score=score, same_category=same,
                  relapse=relapse, long_unrectified=overdue, phrases=phrases,
                  evidence=_evidence(a, b, score, phrases, relapse=relapse, long_unrectified=overdue,
                                     crossing=lineage.crossing(b.unit_id, a.unit_id) if lineage else None))


def _mark_chronic(rows: list[Candidate], repeats: list[Repeat]) -> None:
    """A problem is chronic when its chain of repeats spans three or more rounds."""
    chains: DisjointSet[str] = DisjointSet()
    for r in repeats:
        chains.union(r.issue_id, r.earlier_id)
    round_of = {row.issue_id: row.round_id for row in rows}
    rounds = {chains.find(group[0]): {round_of[i] for i in group} for group in chains.groups()}
    for r in repeats:
        r.chronic = len(rounds[chains.find(r.issue_id)]) >= 3


def find_repeats(rows: list[Candidate], *, threshold: float = THRESHOLD, vectoriser: Vectoriser | None = None,
                 progress: Callable[[int], None] | None = None, lineage: Lineage | None = None) -> list[Repeat]:
    """Repeats among ``rows`` (all issues, so the weights do not depend on a filter).

    ``lineage`` (机构沿革) lets a unit's issues pair with those of the units it was renamed or merged from.

    ``vectoriser`` is for the benchmark that compares text methods; by default
    the rows' texts are vectorised with the full lexicon.
    """
    vec = vectoriser or Vectoriser(row.text for row in rows)
    found: list[Repeat] = []
    for done, members in enumerate(_blocks(rows, lineage).values(), 1):
        for later in members:
            for earlier in members:
                if _comparable(rows[later], rows[earlier]):
                    match = _judge(vec, rows, later, earlier, threshold, lineage)
                    if match:
                        found.append(match)
        if progress and done % 500 == 0:
            progress(done)
    _mark_chronic(rows, found)
    found.sort(key=lambda r: (r.unit_id, r.issue_id, r.earlier_id))
    return found


def all_pairs_repeats(rows: list[Candidate], *, threshold: float = THRESHOLD) -> list[Repeat]:
    """The naive baseline: score every pair of issues, then keep those that qualify.

    Only for the benchmark, to show what blocking saves and that it loses nothing.
    """
    vec = Vectoriser(row.text for row in rows)
    found = []
    floor = threshold * RELATED_PENALTY
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if cosine(vec.vectors[i], vec.vectors[j]) < floor or rows[i].unit_id != rows[j].unit_id:
                continue
            for later, earlier in ((i, j), (j, i)):
                match = _judge(vec, rows, later, earlier, threshold) if _comparable(rows[later], rows[earlier]) else None
                if match:
                    found.append(match)
    _mark_chronic(rows, found)
    found.sort(key=lambda r: (r.unit_id, r.issue_id, r.earlier_id))
    return found


def repeat_edges(repeats: Iterable[Repeat]) -> list[EdgeRecord]:
    return [make_edge(EdgeType.REPEATS, (NodeKind.ISSUE, r.issue_id), (NodeKind.ISSUE, r.earlier_id),
                      score=r.score, evidence=r.evidence, relapse=r.relapse, chronic=r.chronic,
                      long_unrectified=r.long_unrectified, phrases=r.phrases, method=METHOD)
            for r in repeats]


def load_candidates(store: GraphStore, unit_id: str | None = None) -> list[Candidate]:
    return [Candidate.model_validate(row) for row in store.run_query("repeat_candidates", {"unit_id": unit_id})]


def recompute(store: GraphStore, *, threshold: float = THRESHOLD,
              progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Replace every ``REPEATS`` edge with a fresh computation, in one transaction."""
    rows = load_candidates(store)
    repeats = find_repeats(rows, threshold=threshold, progress=progress, lineage=unit_lineage(store))
    store.replace_edges(EdgeType.REPEATS, repeat_edges(repeats))
    return {"issues": len(rows), "repeats": len(repeats), "relapse": sum(r.relapse for r in repeats),
            "chronic": sum(r.chronic for r in repeats), "long_unrectified": sum(r.long_unrectified for r in repeats)}
