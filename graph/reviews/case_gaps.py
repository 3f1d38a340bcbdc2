"""The gap rules of the 一案三改 review, one small function per part, and the lines they read.

Each rule says in its docstring when it fires; the limits (days, units) come
from the rules file. A gap names its subjects (what the gap is about: an issue,
a task, a unit, a letter, a person, the case) so it can be checked against a
planted truth, and carries its evidence ids and their sources.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from graph.reviews.case_review_model import (
    CaseReview,
    ClueLine,
    Duty,
    Gap,
    GapKind,
    LetterLine,
    MeasureLine,
    Source,
    SourceItem,
)
from graph.stores.base import QueryRunner

DONE_TASK = ("done", "closed")
STATUS_ZH = {"open": "未整改", "in_progress": "整改中", "rectified": "已整改", "planned": "未开始", "done": "已完成",
             "closed": "已销号"}


def parse_day(value: str | None) -> date | None:
    """An ISO date from a query row, or None."""
    return date.fromisoformat(value) if value else None


def _short(text: str | None, n: int = 28) -> str:
    text = (text or "").strip()
    return text if len(text) <= n else text[:n] + "…"


def clue_line(row: dict[str, Any], as_of: date) -> ClueLine:
    """Days from transfer to disposal, or to the review day while undisposed; unknown when disposed undated."""
    transfer = date.fromisoformat(row["transfer_date"])
    disposed = parse_day(row["disposal_date"])
    days = (disposed - transfer).days if disposed else None if row["disposal"] else (as_of - transfer).days
    return ClueLine(clue_id=row["clue_id"], code=row["clue_code"], transfer_date=transfer,
                    receiver_id=row["receiver_id"], receiver_name=row["receiver_name"], disposal=row["disposal"],
                    disposal_date=disposed, days_to_disposal=days)


def source_item(row: dict[str, Any]) -> SourceItem:
    return SourceItem(item_id=row["source_id"], kind=row["source_kind"], code=row["source_code"],
                      text=row["source_text"], category=row["category"], found_date=parse_day(row["found_date"]),
                      status=row["source_status"], unit_id=row["unit_id"], unit_name=row["unit_name"],
                      round_title=row["round_title"])


def letters(store: QueryRunner, issue_ids: list[str], as_of: date) -> list[LetterLine]:
    """One line per letter (a letter to two regulators comes back as two rows); a response without a date
    still counts as answered."""
    lines: dict[str, LetterLine] = {}
    for r in store.run_query("letters_of_issues", {"issue_ids": issue_ids}):
        if r["letter_id"] in lines:
            line = lines[r["letter_id"]]
            line.regulator_name = "、".join(x for x in (line.regulator_name, r["regulator_name"]) if x) or None
            continue
        answered = bool(r["response_date"] or (r["response"] or "").strip())
        lines[r["letter_id"]] = LetterLine(
            letter_id=r["letter_id"], code=r["code"], sent_date=date.fromisoformat(r["sent_date"]),
            regulator_name=r["regulator_name"], response_date=parse_day(r["response_date"]),
            days_waiting=None if answered else (as_of - date.fromisoformat(r["sent_date"])).days)
    return list(lines.values())


def measures(store: QueryRunner, target_ids: list[str]) -> list[MeasureLine]:
    seen: dict[str, MeasureLine] = {}
    for r in store.run_query("measures_for", {"target_ids": target_ids}):
        seen.setdefault(r["measure_id"], MeasureLine(
            measure_id=r["measure_id"], code=r["code"], measure_kind=r["measure_kind"], title=r["title"],
            issued_date=date.fromisoformat(r["issued_date"]), issuer_name=r["issuer_name"]))
    return list(seen.values())


def notes(clues: dict[str, ClueLine], items: list[SourceItem]) -> list[str]:
    out = []
    if not clues:
        out.append("该案件未关联问题线索（案件台账未填线索编号），无法追溯其来源问题；个案整改无从核对。")
    elif not items:
        out.append("该案件的问题线索未关联问题或其他监督发现（线索台账未填来源编号）；个案整改无从核对。")
    elif not any(s.kind == "Issue" for s in items):
        out.append("该案件源自其他监督渠道的发现，没有巡察整改台账；个案整改以发现渠道的整改情况为准。")
    return out


def individual_gaps(r: CaseReview, rules: dict[str, Any]) -> list[Gap]:
    """No task for an issue; a task past its deadline and not done; a task done without evidence; the issue
    found again after it was rectified (a REPEATS edge marked relapse); the case's suggestion unanswered after
    ``suggestion_answer_days``."""
    gaps = []
    for s in (x for x in r.sources if x.kind == "Issue"):
        where = f"{s.unit_name or ''}“{_short(s.text)}”问题（{s.code or s.item_id}）"
        if not s.tasks:
            gaps.append(Gap(kind=GapKind.NO_TASK, subjects=[s.item_id], evidence=[s.item_id],
                            sentence=f"{where}没有整改任务，整改台账中无对应措施。"))
        for t in s.tasks:
            if t.days_overdue is not None:
                gaps.append(Gap(kind=GapKind.OVERDUE, subjects=[t.task_id], evidence=[t.task_id, s.item_id],
                                sentence=f"{where}的整改任务“{_short(t.measure, 20)}”时限为{t.deadline}，"
                                         f"至{r.as_of}已逾期{t.days_overdue}天仍未完成。"))
            elif t.status in DONE_TASK and not (t.evidence or "").strip():
                gaps.append(Gap(kind=GapKind.NO_EVIDENCE, subjects=[t.task_id], evidence=[t.task_id, s.item_id],
                                sentence=f"{where}的整改任务“{_short(t.measure, 20)}”已标记{STATUS_ZH[t.status]}，"
                                         "但未附佐证材料。"))
        for later in s.relapsed_in:
            gaps.append(Gap(kind=GapKind.RELAPSE, subjects=[later], evidence=[s.item_id, later],
                            sentence=f"{where}整改后又被再次发现，属整改后复发，原整改成效不实。"))
    limit = rules["suggestion_answer_days"]
    answered = r.suggestion_response_date is not None or bool((r.suggestion_response or "").strip())
    if r.suggestion and not answered and r.opened + timedelta(days=limit) < r.as_of:
        gaps.append(Gap(kind=GapKind.SUGGESTION_UNANSWERED, subjects=[r.case_id], evidence=[r.case_id],
                        sentence=f"案件{r.case_code}提出的纪检监察建议“{_short(r.suggestion, 20)}”，自立案（{r.opened}）"
                                 f"已{(r.as_of - r.opened).days}天，超过{limit}天仍未见发案单位反馈落实情况。"))
    return gaps


def category_gaps(r: CaseReview) -> list[Gap]:
    """A similar issue at another unit not rectified (one gap per unit); a similar issue that is itself a relapse
    (one per unit); units of the same kind not inspected since the case was opened (one gap naming them all)."""
    gaps = []
    by_unit: dict[str, list[Any]] = {}
    for s in r.similar:
        by_unit.setdefault(s.unit_id, []).append(s)
    for unit, found in by_unit.items():
        open_ = [s for s in found if s.status != "rectified"]
        if open_:
            late = "，且已超过整改时限" if any(s.overdue for s in open_) else ""
            gaps.append(Gap(kind=GapKind.SIMILAR_OPEN, subjects=[unit], evidence=[s.issue_id for s in open_],
                            sentence=f"{open_[0].unit_name}存在同类问题“{_short(open_[0].text)}”，目前"
                                     f"{STATUS_ZH.get(open_[0].status, open_[0].status)}{late}。"))
        relapsed = [s for s in found if s.relapse]
        if relapsed:
            gaps.append(Gap(kind=GapKind.SIMILAR_RELAPSE, subjects=[unit], evidence=[s.issue_id for s in relapsed],
                            sentence=f"{relapsed[0].unit_name}的同类问题整改后又被再次发现，属整改后复发。"))
    blind = [p for p in r.peers if p.blind_spot]
    if blind:
        names = "、".join(p.unit_name for p in blind[:8]) + ("等" if len(blind) > 8 else "")
        gaps.append(Gap(kind=GapKind.BLIND_SPOT, subjects=[p.unit_id for p in blind],
                        evidence=[p.unit_id for p in blind],
                        sentence=f"与{r.unit_name}同属{blind[0].via_name}的{len(blind)}个单位（{names}）自立案以来"
                                 "未被巡察，同类问题是否存在尚未掌握。"))
    return gaps


def systemic_gaps(r: CaseReview, rules: dict[str, Any]) -> list[Gap]:
    """The problem at ``letter_min_units`` or more units and no letter; a letter unanswered after
    ``letter_answer_days``; no 系统整改 task on the case's issues and no campaign or rule answering the case,
    its issues or its letters."""
    gaps = []
    units = {s.unit_id for s in r.similar} | ({r.unit_id} if r.unit_id else set())
    if len(units) >= rules["letter_min_units"] and not r.letters:
        gaps.append(Gap(kind=GapKind.NO_LETTER, subjects=[r.case_id], evidence=[s.issue_id for s in r.similar],
                        sentence=f"同类问题已在{len(units)}个单位出现（达到{rules['letter_min_units']}个单位的发函标准），"
                                 "但未向行业主管部门发出巡察建议函。"))
    for lt in r.letters:
        if lt.days_waiting is not None and lt.days_waiting > rules["letter_answer_days"]:
            gaps.append(Gap(kind=GapKind.LETTER_UNANSWERED, subjects=[lt.letter_id], evidence=[lt.letter_id],
                            sentence=f"巡察建议函{lt.code}于{lt.sent_date}发往{lt.regulator_name or '主管部门'}，"
                                     f"已{lt.days_waiting}天未收到反馈。"))
    if not r.systemic_tasks and not r.measures:
        gaps.append(Gap(kind=GapKind.NO_SYSTEM_MEASURE, subjects=[r.case_id],
                        evidence=[r.case_id, *(s.item_id for s in r.sources)],
                        sentence="案件暴露的问题没有系统整改层级的任务，也没有针对性的专项治理或制度建设，"
                                 "以案促治尚未落到制度上。"))
    return gaps


def accountability_gaps(r: CaseReview, rules: dict[str, Any]) -> list[Gap]:
    """The first-in-command or the named team member with no clue or case naming them since the problem was
    found; a clue disposed of (or still undisposed) later than ``clue_disposal_days`` after transfer."""
    gaps = []
    for p in r.responsible:
        if p.duty is Duty.SUPERVISION or p.held_to_account or p.person_id is None:
            continue
        kind, role = ((GapKind.FIC_UNACCOUNTABLE, "问题发生时的一把手") if p.duty is Duty.PRINCIPAL
                      else (GapKind.MEMBER_UNACCOUNTABLE, "分管班子成员"))
        gaps.append(Gap(kind=kind, subjects=[p.person_id], evidence=[p.person_id],
                        sentence=f"{role}{p.name}未因此被追责问责（没有涉及其本人的问题线索或案件）。"))
    limit = rules["clue_disposal_days"]
    for c in r.clues:
        if c.days_to_disposal is not None and c.days_to_disposal > limit:
            when = f"{c.days_to_disposal}天后才处置" if c.disposal_date else f"已{c.days_to_disposal}天仍未处置"
            gaps.append(Gap(kind=GapKind.SUPERVISION_SLOW, subjects=[c.clue_id], evidence=[c.clue_id],
                            sentence=f"问题线索{c.code}于{c.transfer_date}移交{c.receiver_name or '接收单位'}，{when}，"
                                     f"超过{limit}天的时限。"))
    return gaps


def attach_sources(store: QueryRunner, gaps: list[Gap]) -> None:
    """Give every gap the ledger rows its evidence came from (one query for all gaps)."""
    ids = sorted({i for g in gaps for i in g.evidence})
    by_id: dict[str, list[Source]] = {}
    for row in store.run_query("sources_of", {"ids": ids}) if ids else []:
        by_id.setdefault(row["id"], []).append(Source(id=row["id"], path=row["path"], sheet=row["sheet"],
                                                      row=row["row"]))
    for g in gaps:
        g.sources = [s for i in g.evidence for s in by_id.get(i, [])]
