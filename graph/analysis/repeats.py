"""Cross-round repeats (屡查屡犯): the same problem found again at the same unit.

Candidates come from the ``repeat_candidates`` named query, so this works the
same on both stores. Pairs are only formed inside a unit (blocking), between an
issue and issues of earlier rounds in the same top category: at a unit that
is a few dozen issues, so the cost grows with the number of issues, not its
square. Each pair is scored with :mod:`graph.analysis.text`; pairs at or above
the threshold become ``REPEATS`` edges (later → earlier) carrying the score,
the shared phrases and a sentence a reader can check, with the score's plain
meaning (高/中/低 置信度, bands in ``repeat_scoring.json``). An analyst's
judgements (:mod:`graph.analysis.repeat_judgements`) are applied on every
recompute: rejected pairs are dropped, confirmed and linked ones kept whatever
their score, their evidence naming who confirmed them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from graph.analysis.disjoint import DisjointSet
from graph.analysis.lineage import Lineage, unit_lineage
from graph.analysis.repeat_judgements import RepeatJudgements
from graph.analysis.scoring import BAND_MEANING, band, scoring_rules
from graph.analysis.text import Vectoriser, cosine, shared_phrases
from graph.model import EdgeRecord, EdgeType, NodeKind, make_edge
from graph.model.enums import IssueStatus
from graph.queries.repeat_candidates import Row as Candidate
from graph.settings import get_settings
from graph.stores.base import GraphStore

THRESHOLD = float(scoring_rules()["threshold"])  # the shipped default; a county's var/repeat_scoring.json may change it
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
    confidence: str = Field(default="低", title="置信度（高/中/低）")
    judged: str | None = Field(default=None, title="人工判断（confirm 确认 / link 人工关联）")


def _blocks(rows: list[Candidate], lineage: Lineage | None = None) -> dict[str, list[int]]:
    """Issues by unit; a unit renamed or merged (机构沿革) blocks with its predecessors and successors."""
    by_unit: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_unit[lineage.of(row.unit_id) if lineage else row.unit_id].append(i)
    return by_unit


def _comparable(later: Candidate, earlier: Candidate) -> bool:
    return earlier.round_start < later.round_start and earlier.top_category == later.top_category


def block_pairs(rows: list[Candidate], members: list[int]) -> Iterator[tuple[int, int]]:
    """The (later, earlier) row indices of one block that may be a repeat: an earlier round, the same top category."""
    for later in members:
        for earlier in members:
            if _comparable(rows[later], rows[earlier]):
                yield later, earlier


def candidate_pairs(rows: list[Candidate], lineage: Lineage | None = None) -> Iterator[tuple[int, int]]:
    """Every pair the recompute scores, block by block (what a benchmark scores another method on)."""
    for members in _blocks(rows, lineage).values():
        yield from block_pairs(rows, members)


def _evidence(later: Candidate, earlier: Candidate, score: float, phrases: list[str], *,
              relapse: bool, long_unrectified: bool, crossing: str | None = None, confidence: str = "低") -> str:
    category = (f"同属“{later.category}”" if later.category == earlier.category
                else f"类别相近（“{earlier.category}”与“{later.category}”，同属“{later.top_category}”）")
    parts = [f"同一单位在{earlier.round_title or earlier.round_id}和{later.round_title or later.round_id}均被发现",
             category, f"共同要点：{'、'.join(phrases) if phrases else '无'}",
             f"相似度{score:.2f}，置信度{confidence}（{BAND_MEANING[confidence]}）"]
    if crossing:
        parts.insert(1, crossing)
    if relapse:
        parts.append("前次已标记为已整改，属整改后复发")
    if long_unrectified:
        parts.append(f"前次整改期限（{earlier.deadline}）已过而未整改完成")
    return "；".join(parts) + "。"


def _judge(vec: Vectoriser, rows: list[Candidate], later: int, earlier: int, threshold: float,
           lineage: Lineage | None = None, bands: dict[str, Any] | None = None) -> Repeat | None:
    a, b = rows[later], rows[earlier]
    score = cosine(vec.vectors[later], vec.vectors[earlier])
    same = a.category == b.category
    if not same:
        score *= RELATED_PENALTY
    score = round(min(score, 1.0), 4)
    if score < threshold:
        return None
    confidence = band(score, bands or _RULES)
    relapse = b.status is IssueStatus.RECTIFIED
    overdue = b.status is not IssueStatus.RECTIFIED and b.deadline is not None and b.deadline < a.round_start
    phrases = shared_phrases(vec.analysed[later], vec.analysed[earlier])
    return Repeat(issue_id=a.issue_id, earlier_id=b.issue_id, unit_id=a.unit_id, score=score, same_category=same,
                  relapse=relapse, long_unrectified=overdue, phrases=phrases, confidence=confidence,
                  evidence=_evidence(a, b, score, phrases, relapse=relapse, long_unrectified=overdue,
                                     crossing=lineage.crossing(b.unit_id, a.unit_id) if lineage else None,
                                     confidence=confidence))


_RULES = scoring_rules()


def apply_judgements(rows: list[Candidate], found: list[Repeat], judgements: RepeatJudgements,
                     vec: Vectoriser, lineage: Lineage | None = None,
                     bands: dict[str, Any] | None = None) -> list[Repeat]:
    """Rejected pairs out; confirmed and linked pairs in (scored as usual, kept whatever the score), marked."""
    rejected, kept = judgements.rejected(), judgements.kept()
    if not rejected and not kept:
        return found
    out = [r for r in found if frozenset((r.issue_id, r.earlier_id)) not in rejected]
    have = {frozenset((r.issue_id, r.earlier_id)): r for r in out}
    index = {row.issue_id: i for i, row in enumerate(rows)}
    for pair, j in kept.items():
        r = have.get(pair)
        if r is None:
            if j.later not in index or j.earlier not in index:
                continue  # an issue no longer in the graph: the judgement waits for it
            r = _judge(vec, rows, index[j.later], index[j.earlier], 0.0, lineage, bands)
            assert r is not None
            out.append(r)
        r.judged = j.verdict
        r.evidence = r.evidence.rstrip("。") + "；" + j.note() + "。"
    return out


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
                 progress: Callable[[int], None] | None = None, lineage: Lineage | None = None,
                 judgements: RepeatJudgements | None = None, bands: dict[str, Any] | None = None) -> list[Repeat]:
    """Repeats among ``rows`` (all issues, so the weights do not depend on a filter).

    ``lineage`` (机构沿革) lets a unit's issues pair with those of the units it was renamed or merged from.

    ``vectoriser`` is for the benchmark that compares text methods; by default
    the rows' texts are vectorised with the full lexicon.
    """
    vec = vectoriser or Vectoriser(row.text for row in rows)
    found: list[Repeat] = []
    for done, members in enumerate(_blocks(rows, lineage).values(), 1):
        for later, earlier in block_pairs(rows, members):
            match = _judge(vec, rows, later, earlier, threshold, lineage, bands)
            if match:
                found.append(match)
        if progress and done % 500 == 0:
            progress(done)
    if judgements is not None:
        found = apply_judgements(rows, found, judgements, vec, lineage, bands)
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


def recompute(store: GraphStore, *, threshold: float | None = None,
              progress: Callable[[int], None] | None = None, data_dir: Path | None = None) -> dict[str, Any]:
    """Replace every ``REPEATS`` edge with a fresh computation, in one transaction.

    The threshold and the analysts' judgements come from the data folder (``data_dir``, else the settings').
    """
    data_dir = data_dir if data_dir is not None else get_settings().data_dir
    rules = scoring_rules(data_dir)
    rows = load_candidates(store)
    repeats = find_repeats(rows, threshold=float(rules["threshold"]) if threshold is None else threshold,
                           progress=progress, lineage=unit_lineage(store), judgements=RepeatJudgements(data_dir),
                           bands=rules)
    store.replace_edges(EdgeType.REPEATS, repeat_edges(repeats))
    return {"issues": len(rows), "repeats": len(repeats), "relapse": sum(r.relapse for r in repeats),
            "chronic": sum(r.chronic for r in repeats), "long_unrectified": sum(r.long_unrectified for r in repeats)}
