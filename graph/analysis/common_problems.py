"""Problems common to many units (共性问题) and what the suggestion letters did about them.

Within one round and one category, issues whose descriptions score at or above
the repeat threshold are joined, and a group found at ``min_units`` or more
units is a common problem. The answer says whether a suggestion letter
(巡察建议函) covered it, which regulator it went to, and which of the units
were found with the same problem again in a later round that began after the
letter was sent: the letter's effect, measured.
"""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel, Field

from graph.analysis.disjoint import DisjointSet
from graph.analysis.repeats import THRESHOLD, Candidate, load_candidates
from graph.analysis.text import Vectoriser, cosine
from graph.queries.letter_coverage import Row as LetterRow
from graph.queries.repeats_at import Row as RepeatRow
from graph.stores.base import GraphStore


class LetterRef(BaseModel):
    letter_id: str
    code: str
    sent_date: str | None
    regulator: str | None = Field(title="主管部门")
    answered: bool = Field(title="已回复")


class CommonProblem(BaseModel):
    round_id: str
    round_title: str | None
    category: str = Field(title="问题类别")
    units: list[str] = Field(title="涉及单位")
    issues: list[str] = Field(title="问题")
    example: str = Field(title="典型表述")
    letters: list[LetterRef] = Field(title="建议函")
    repeated_later: list[str] = Field(title="其后再次发现的问题",
                                      description="有建议函时，指建议函发出后开始的轮次中再次发现的同一问题")


def _clusters(rows: list[Candidate], vec: Vectoriser, threshold: float) -> list[list[int]]:
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        blocks[(row.round_id, row.category)].append(i)
    similar: DisjointSet[int] = DisjointSet(range(len(rows)))
    for members in blocks.values():
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                if rows[i].unit_id != rows[j].unit_id and cosine(vec.vectors[i], vec.vectors[j]) >= threshold:
                    similar.union(i, j)
    return similar.groups()


def find_common(rows: list[Candidate], letters: list[LetterRow], repeats: list[RepeatRow], *, min_units: int = 3,
                threshold: float = THRESHOLD) -> list[CommonProblem]:
    vec = Vectoriser(row.text for row in rows)
    letters_of: dict[str, list[LetterRow]] = defaultdict(list)
    for letter in letters:
        for issue in letter.issues:
            letters_of[issue].append(letter)
    round_start = {row.issue_id: row.round_start for row in rows}
    repeated_by: dict[str, list[str]] = defaultdict(list)
    for r in repeats:
        repeated_by[r.earlier_id].append(r.issue_id)
    found = []
    for members in _clusters(rows, vec, threshold):
        units = sorted({rows[i].unit_id for i in members})
        if len(units) < min_units:
            continue
        issues = sorted(rows[i].issue_id for i in members)
        covering = {lt.letter_id + (lt.regulator_id or ""): lt for i in issues for lt in letters_of[i]}
        since = min((lt.sent_date for lt in covering.values() if lt.sent_date), default=rows[members[0]].round_start)
        later = sorted({x for i in issues for x in repeated_by[i] if round_start.get(x, "") > since})
        first = rows[min(members, key=lambda i: rows[i].issue_id)]
        found.append(CommonProblem(
            round_id=first.round_id, round_title=first.round_title, category=first.category, units=units,
            issues=issues, example=first.text, repeated_later=later,
            letters=[LetterRef(letter_id=lt.letter_id, code=lt.code, sent_date=lt.sent_date,
                               regulator=lt.regulator_name, answered=lt.response is not None)
                     for _, lt in sorted(covering.items())]))
    found.sort(key=lambda c: (c.round_id, -len(c.units), c.issues[0]))
    return found


def common_problems(store: GraphStore, *, min_units: int = 3) -> list[CommonProblem]:
    """Common problems over the whole store (repeats must have been computed for ``repeated_later``)."""
    rows = load_candidates(store)
    letters = [LetterRow.model_validate(r) for r in store.run_query("letter_coverage", {})]
    repeats = [RepeatRow.model_validate(r) for r in store.run_query("repeats_at", {"limit": 1_000_000})]
    return find_common(rows, letters, repeats, min_units=min_units)
