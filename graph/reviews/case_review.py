"""一案三改: for one case, is the unit's own problem fixed, is the same problem fixed elsewhere, was the
system behind it fixed, and who answers for it.

Every graph pattern is a named query (``case_chain``, ``tasks_of_issues``,
``repeats_at``, ``category_issues``, ``peer_units``, ``letters_of_issues``,
``measures_for``, ``responsible_people``, ``first_in_command_on``,
``involvements``, ``sources_of``), so the review is the same on both stores.
Similar problems elsewhere are scored with the repeats' text scoring
(:mod:`graph.analysis.text`), not a second one. Limits come from
``case_review.json`` (see :mod:`graph.reviews.rules`).

States, from explicit rules: a part with no gap is 到位; with gaps it is
部分到位 when something was done for it (个案: a task of the case's issues is
done; 类案: a similar issue elsewhere is rectified or a 类案 task exists; 系统:
a letter, a measure or a 系统整改 task exists; 双查: someone was held to
account) and 未到位 otherwise. A part with nothing to check and no gap is 无从判断: 个案 when no issue
stands behind the case, 类案 and 一案双查 when nothing at all does.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from graph.analysis.text import Vectoriser, cosine, shared_phrases
from graph.model.ids import kind_of_id
from graph.reviews import case_gaps as ev
from graph.reviews.case_review_model import (
    CaseBatch,
    CaseReview,
    CaseRow,
    ClueLine,
    Dimension,
    Duty,
    Gap,
    GapKind,
    Part,
    PeerUnit,
    Responsible,
    SimilarIssue,
    SourceItem,
    State,
    TaskLine,
)
from graph.reviews.rules import load_rules
from graph.stores.base import GraphStore, QueryRunner

DONE_TASK = ("done", "closed")


class CaseNotFound(LookupError):
    """No case matches the id or code given (nor a clue or issue that led to one)."""


def resolve_case(store: QueryRunner, ref: str) -> str:
    """The case a reference names: a case id or code, or the id or code of a clue, issue or finding behind it."""
    ref = ref.strip()
    if kind_of_id(ref) == "Case" and store.run_query("case_chain", {"case_id": ref}):
        return ref  # the common case (batch, links) needs no search through every case
    ids = [ref] if kind_of_id(ref) in ("Case", "Clue", "Issue", "Finding") else [
        row["id"] for kind in ("Case", "Clue", "Issue", "Finding")
        for row in store.run_query("ids_by_code", {"kind": kind, "codes": [ref]})]
    for item in ids:
        rows = store.run_query("case_index", {"item_id": item})
        if rows:
            return rows[0]["case_id"]
    raise CaseNotFound(f"找不到案件“{ref}”：请填写案件编号，或导致立案的问题线索、问题的编号。")


def _task_line(row: dict[str, Any], as_of: date) -> TaskLine:
    deadline = date.fromisoformat(row["deadline"])
    late = row["status"] not in DONE_TASK and deadline < as_of
    return TaskLine(task_id=row["task_id"], issue_id=row["issue_id"], level=row["level"], measure=row["measure"],
                    owner=row["owner"], deadline=deadline, done_date=ev.parse_day(row["done_date"]), status=row["status"],
                    evidence=row["evidence"], days_overdue=(as_of - deadline).days if late else None)


def _similar(store: QueryRunner, sources: list[SourceItem], case_unit: str | None, county: str | None, as_of: date,
             threshold: float) -> list[SimilarIssue]:
    """Issues of the same category at other units of the county whose text scores like the case's own problem."""
    out: dict[str, SimilarIssue] = {}
    for category in sorted({s.category for s in sources if s.category}):
        mine = [s for s in sources if s.category == category and s.text]
        rows = [r for r in store.run_query("category_issues", {"category": category, "county": county})
                if r["unit_id"] != case_unit]
        if not rows or not mine:
            continue
        vec = Vectoriser([s.text or "" for s in mine] + [r["text"] for r in rows])
        for j, row in enumerate(rows, len(mine)):
            best = max(range(len(mine)), key=lambda i: cosine(vec.vectors[i], vec.vectors[j]))
            score = cosine(vec.vectors[best], vec.vectors[j])
            if score < threshold or row["issue_id"] in out:
                continue
            deadline = ev.parse_day(row["deadline"])
            overdue = row["status"] != "rectified" and deadline is not None and deadline < as_of
            out[row["issue_id"]] = SimilarIssue(
                issue_id=row["issue_id"], unit_id=row["unit_id"], unit_name=row["unit_name"],
                round_title=row["round_title"], found_date=date.fromisoformat(row["found_date"]), status=row["status"],
                text=row["text"], score=round(score, 3), overdue=overdue, relapse=row["relapse"],
                phrases=shared_phrases(vec.analysed[best], vec.analysed[j]))
    return sorted(out.values(), key=lambda s: (s.found_date, s.unit_name, s.issue_id))


def _responsible(store: QueryRunner, sources: list[SourceItem], clues: list[ClueLine]) -> list[Responsible]:
    """一把手 and 分管班子成员 of the case's issues, each checked for a clue or case naming them since; the supervisors."""
    issues = [s for s in sources if s.kind == "Issue"]
    since = min((s.found_date for s in sources if s.found_date), default=None)
    people: dict[tuple[Duty, str], str] = {}
    for row in store.run_query("responsible_people", {"issue_ids": [s.item_id for s in issues]}):
        duty = Duty.PRINCIPAL if row["role"] == "first_in_command" else Duty.TEAM_MEMBER
        people[(duty, row["person_id"])] = row["name"]
    if not any(d is Duty.PRINCIPAL for d, _ in people):
        for s in sources:
            if s.unit_id and s.found_date:
                for row in store.run_query("first_in_command_on", {"unit_id": s.unit_id, "on": s.found_date}):
                    people[(Duty.PRINCIPAL, row["person_id"])] = row["name"]
    held: dict[str, list[str]] = {}
    for row in store.run_query("involvements", {"person_ids": sorted({p for _, p in people})}):
        if since is None or date.fromisoformat(row["on"]) >= since:
            held.setdefault(row["person_id"], [])
            if row["code"] not in held[row["person_id"]]:
                held[row["person_id"]].append(row["code"])
    out = [Responsible(duty=duty, person_id=pid, name=name, held_to_account=pid in held, by=held.get(pid, []))
           for (duty, pid), name in sorted(people.items(), key=lambda kv: (list(Duty).index(kv[0][0]), kv[0][1]))]
    for clue in clues:
        disposed = clue.disposal is not None
        out.append(Responsible(duty=Duty.SUPERVISION, name=clue.receiver_name or "（未记载接收单位）",
                               held_to_account=disposed, by=[clue.code] if disposed else []))
    return out


def _state(gaps: list[Gap], acted: bool) -> State:
    return State.DONE if not gaps else State.PARTIAL if acted else State.NOT_DONE


def review_case(store: QueryRunner, ref: str, *, as_of: date | None = None,
                rules: dict[str, Any] | None = None) -> CaseReview:
    """The 一案三改 review of the case ``ref`` names, as of a day (today by default).

    ``rules`` may name only the keys it changes; the rest come from the shipped defaults.
    """
    rules = {**load_rules("case_review"), **(rules or {})}
    as_of = as_of or date.today()
    case_id = resolve_case(store, ref)
    chain = store.run_query("case_chain", {"case_id": case_id})
    head = chain[0]
    clues = {r["clue_id"]: ev.clue_line(r, as_of) for r in chain if r["clue_id"]}
    sources = {r["source_id"]: ev.source_item(r) for r in chain if r["source_id"]}
    items = list(sources.values())
    issue_ids = [s.item_id for s in items if s.kind == "Issue"]
    tasks = [_task_line(r, as_of) for r in store.run_query("tasks_of_issues", {"issue_ids": issue_ids})]
    for s in items:
        s.tasks = [t for t in tasks if t.issue_id == s.item_id]
        s.relapsed_in = sorted({r["issue_id"] for r in store.run_query("repeats_at", {"issue_id": s.item_id})
                                if r["earlier_id"] == s.item_id and r["relapse"]}) if s.kind == "Issue" else []
    unit_id = next((s.unit_id for s in items if s.unit_id), None)
    county = next((r["county"] for r in chain if r["county"]), None)
    similar = _similar(store, items, unit_id, county, as_of, rules["similar_threshold"])
    opened = date.fromisoformat(head["opened"])
    peers = [PeerUnit(unit_id=r["unit_id"], unit_name=r["unit_name"], via_name=r["via_name"],
                      last_inspected=ev.parse_day(r["last_inspected"]),
                      blind_spot=r["last_inspected"] is None or date.fromisoformat(r["last_inspected"]) < opened)
             for r in (store.run_query("peer_units", {"unit_id": unit_id}) if unit_id else [])]
    letters = ev.letters(store, issue_ids + [s.issue_id for s in similar], as_of)
    measures = ev.measures(store, [case_id, *issue_ids, *(lt.letter_id for lt in letters)])
    responsible = _responsible(store, items, list(clues.values()))
    review = CaseReview(
        as_of=as_of, case_id=case_id, case_code=head["case_code"], opened=opened, closed=ev.parse_day(head["closed"]),
        outcome=head["outcome"], summary=head["summary"], suggestion=head["suggestion"],
        suggestion_response=head["suggestion_response"],
        suggestion_response_date=ev.parse_day(head["suggestion_response_date"]), unit_id=unit_id,
        unit_name=next((s.unit_name for s in items if s.unit_name), None), clues=list(clues.values()), sources=items,
        similar=similar, peers=peers, letters=letters, measures=measures,
        systemic_tasks=[t for t in tasks if t.level == "systemic"], responsible=responsible, parts=[],
        notes=ev.notes(clues, items))
    if items and not any(p.duty is Duty.PRINCIPAL for p in responsible):
        review.notes.append("未能确定问题发生时的一把手（任职台账中没有覆盖发现日期的一把手任职），主体责任无从核对。")
    review.parts = _parts(review, tasks, rules)
    ev.attach_sources(store, review.gaps)
    return review


def _parts(r: CaseReview, tasks: list[TaskLine], rules: dict[str, Any]) -> list[Part]:
    gaps = ev.individual_gaps(r, rules) + ev.category_gaps(r) + ev.systemic_gaps(r, rules) + \
        ev.accountability_gaps(r, rules)
    by_dim: dict[Dimension, list[Gap]] = {d: [] for d in Dimension}
    for g in gaps:
        by_dim[g.dimension].append(g)
    acted = {
        Dimension.INDIVIDUAL: any(t.status in DONE_TASK for t in tasks),
        Dimension.CATEGORY: any(s.status == "rectified" for s in r.similar) or any(t.level == "category" for t in tasks),
        Dimension.SYSTEMIC: bool(r.letters or r.measures or r.systemic_tasks),
        Dimension.ACCOUNTABILITY: any(p.held_to_account for p in r.responsible if p.duty is not Duty.SUPERVISION),
    }
    parts = [Part(dimension=d, state=_state(by_dim[d], acted[d]), gaps=by_dim[d]) for d in Dimension]
    unknown = {Dimension.INDIVIDUAL} if not any(s.kind == "Issue" for s in r.sources) else set()
    if not r.sources:  # nothing to compare with other units, nobody to hold to account
        unknown |= {Dimension.CATEGORY, Dimension.ACCOUNTABILITY}
    for part in parts:
        if part.dimension in unknown and not part.gaps:
            part.state = State.UNKNOWN
    return parts


def review_cases(store: GraphStore, *, round_id: str | None = None, opened_from: date | None = None,
                 opened_to: date | None = None, as_of: date | None = None,
                 rules: dict[str, Any] | None = None) -> CaseBatch:
    """Every case of a round or an opening period reviewed at once: the table a 联席会议 on rectification reads."""
    rules = {**load_rules("case_review"), **(rules or {})}
    as_of = as_of or date.today()
    index = store.run_query("case_index", {"round_id": round_id, "opened_from": opened_from, "opened_to": opened_to})
    shared = _Memo(store, frozenset({"category_issues", "peer_units"}))
    rows = [_row(review_case(shared, r["case_id"], as_of=as_of, rules=rules)) for r in index]
    scope = "、".join(x for x in (f"轮次 {round_id}" if round_id else "", f"立案自 {opened_from}" if opened_from else "",
                                  f"立案至 {opened_to}" if opened_to else "") if x) or "全部案件"
    return CaseBatch(as_of=as_of, scope=scope, rows=rows)


class _Memo:
    """A store seen through a batch: answers of the named queries many cases share are fetched once.

    Cases of one category at one county ask ``category_issues`` the same question; the batch is read-only,
    so the first answer stands for the rest.
    """

    def __init__(self, store: QueryRunner, shared: frozenset[str]) -> None:
        self.store, self.shared = store, shared
        self.answers: dict[tuple[str, str], list[dict[str, Any]]] = {}

    def run_query(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        if name not in self.shared:
            return self.store.run_query(name, params)
        key = (name, repr(sorted(params.items())))
        if key not in self.answers:
            self.answers[key] = self.store.run_query(name, params)
        return self.answers[key]


def _row(r: CaseReview) -> CaseRow:
    return CaseRow(case_id=r.case_id, case_code=r.case_code, opened=r.opened, unit_name=r.unit_name,
                   states={p.dimension: p.state for p in r.parts}, gap_counts={p.dimension: len(p.gaps) for p in r.parts},
                   gap_kinds=sorted({g.kind for g in r.gaps}, key=lambda k: list(GapKind).index(k)))


def gap_keys(review: CaseReview) -> set[tuple[str, str]]:
    """(gap kind, subject id) pairs: what the benchmark and the tests compare with the planted truth."""
    return {(g.kind.value, s) for g in review.gaps for s in g.subjects}
