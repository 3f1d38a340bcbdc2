"""整改看板 (rectification dashboard): the figures leaders report on rectification, each with the rows behind it.

Every graph pattern is a named query (``rectification_rounds``, ``rectification_issues`` (with each issue's
tasks), ``rectification_units``, ``letters_of_issues`` through
:func:`graph.reviews.case_gaps.letters`, ``undisposed_clues``), so the dashboard is the same on both stores.
Limits come from ``dashboard.json`` (see :mod:`graph.reviews.rules`).

The rules:

* **rates**: 整改率 = issues rectified ÷ issues found; 任务完成率 = tasks done or closed (已完成/已销号) ÷ tasks.
  A group without issues (a unit inspected where nothing was found) has no rate: ``None`` with the note 无问题
  (无整改任务 for tasks), never a division by zero. Groups: each round, each unit inspected in the range (or
  where an issue was found), each category, each township (a township's own issues and its villages'), and the
  whole range.
* **rounds in progress**: a round whose inspection has not ended (no end date, or ending on or after the day of
  the figures), or with an unfinished task still inside its deadline.
* **overdue**: a task neither done nor closed, more than ``overdue_days[severity]`` days past its deadline
  (severity of its issue).
* **relapses**: ``REPEATS`` edges marked relapse whose later issue is in the range (read with the issues).
* **letters unanswered**: a letter about an issue of the range without a response after ``letter_answer_days``.
* **clues undisposed**: a clue (arising from an issue of the range; with no range chosen, every clue) not disposed
  of more than ``clue_disposal_days`` after transfer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter

from graph.analysis.cache import cached
from graph.model.enums import Severity
from graph.reviews import case_gaps
from graph.reviews.dashboard_model import (
    NO_ISSUES,
    NO_TASKS,
    ClueWaiting,
    Dashboard,
    Figure,
    LetterWaiting,
    OverdueTask,
    RateRow,
    RelapseLine,
    SeverityFigure,
    TrendPoint,
)
from graph.reviews.rules import load_rules
from graph.stores.base import QueryRunner

_KEPT = TypeAdapter(Dashboard)

DONE = ("done", "closed")
CHUNK = 10_000
MAX_ROUNDS = 1000  # what rectification_issues takes in one call
Rounds = Sequence[int] | Sequence[str] | range | None
T = TypeVar("T")


class DashboardError(ValueError):
    """Rounds asked for that do not exist, phrased for the person who asked."""


def parse_rounds(text: str | None) -> list[int] | None:
    """``"1-4"`` → [1, 2, 3, 4]; ``"1,3,5-6"`` → [1, 3, 5, 6]: ordinals of rounds in the order they began.

    >>> parse_rounds("1-4"), parse_rounds("2,5-6"), parse_rounds(None)
    ([1, 2, 3, 4], [2, 5, 6], None)
    """
    if text is None or not text.strip():
        return None
    out: list[int] = []
    for part in text.replace("，", ",").split(","):
        lo, _, hi = part.strip().partition("-")
        try:
            a, b = int(lo), int(hi or lo)
        except ValueError as exc:
            raise DashboardError(f"轮次范围“{text}”无法识别：请写成 1-4 或 1,3,5 的形式（按进驻先后排的第几轮）。") from exc
        if a < 1 or b < a:
            raise DashboardError(f"轮次范围“{part.strip()}”有误：应从 1 起，且前小后大。")
        out += range(a, b + 1)
    return sorted(set(out))


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


Facts = tuple[str, bool, list[str], list[str]]  # issue id, rectified, its task ids, those done or closed


def _rate_row(key: str, label: str, facts: list[Facts], *, township: str | None = None,
              in_progress: bool | None = None, start: date | None = None, end: date | None = None) -> RateRow:
    """Rates of one group from its issues' facts (one per issue row: an issue found at two units is counted at
    each, as in the rows the figures list)."""
    ids = [f[0] for f in facts]
    fixed = [f[0] for f in facts if f[1]]
    task_ids = [t for f in facts for t in f[2]]
    done = [t for f in facts for t in f[3]]
    note = NO_ISSUES if not ids else NO_TASKS if not task_ids else None
    # Every value is already of its field's type (ids and statuses from validated rows, counts and rates computed
    # here): constructing without re-validating lists of thousands of ids (tests/test_dashboard_fast.py).
    return RateRow.model_construct(
        key=key, label=label, issues=len(ids), rectified=len(fixed), rate=_rate(len(fixed), len(ids)),
        tasks=len(task_ids), tasks_done=len(done), task_rate=_rate(len(done), len(task_ids)), note=note,
        township=township, in_progress=in_progress, start=start, end=end,
        issue_ids=ids, rectified_ids=fixed, task_ids=task_ids, done_task_ids=done)


def _choose_rounds(store: QueryRunner, rounds: Rounds, county: str | None = None
                   ) -> tuple[list[dict[str, Any]], list[str] | None, str, list[str]]:
    """The rounds asked for (in order of start), their ids for the queries (None: every round), the range's
    label, and every county the graph holds (for choosing one)."""
    every = store.run_query("rectification_rounds", {"round_ids": None})
    every.sort(key=lambda r: (r["start"], r["round_id"]))
    counties = sorted({r["county"] for r in every})
    if county is not None:
        if county not in counties:
            raise DashboardError(f"没有“{county}”的巡察轮次（有：{'、'.join(counties) or '无'}）。")
        every = [r for r in every if r["county"] == county]
    if rounds is None:
        return every, None if county is None else [r["round_id"] for r in every], f"{county or ''}全部轮次", counties
    wanted = list(rounds)
    numbers = [x for x in wanted if isinstance(x, int)]  # all of them, or ids are asked for
    if len(numbers) == len(wanted) and county is None and len(counties) > 1:
        # "前四轮" counts one county's rounds: across counties the ordinals name nobody's four rounds.
        raise DashboardError(f"数据含{len(counties)}个县（{'、'.join(counties)}），按第几轮统计须指明县（--county）。")
    if len(numbers) == len(wanted):
        missing = [n for n in numbers if not 1 <= n <= len(every)]
        if missing:
            raise DashboardError(f"只有{len(every)}轮巡察，没有第{'、'.join(map(str, missing))}轮。")
        chosen = [every[n - 1] for n in numbers]
        lo, hi = min(numbers), max(numbers)
        label = (county or "") + ((f"前{len(wanted)}轮" if lo == 1 and len(wanted) == hi else f"第{lo}至{hi}轮")
                                  if len(wanted) > 1 else f"第{lo}轮")
    else:
        known = {r["round_id"]: r for r in every}
        unknown = [str(x) for x in wanted if x not in known]
        if unknown:
            raise DashboardError(f"没有 id 为“{'、'.join(unknown)}”的巡察轮次。")
        chosen = [known[str(x)] for x in wanted]
        label = "、".join(r["title"] for r in chosen) if len(chosen) <= 3 else f"所选{len(chosen)}轮"
    return chosen, [r["round_id"] for r in chosen], label, counties


def _facts(issues: list[dict[str, Any]]) -> list[Facts]:
    """Each issue row's facts for the rates, worked out once and summed into every group the row is in."""
    none: list[str] = []
    return [(i["issue_id"], i["status"] == "rectified", [t["task_id"] for t in i["tasks"]] if i["tasks"] else none,
             [t["task_id"] for t in i["tasks"] if t["status"] in DONE] if i["tasks"] else none) for i in issues]


def _group(issues: list[dict[str, Any]], values: list[T], field: str, via: dict[str, str | None] | None = None
           ) -> dict[str, list[T]]:
    """``values`` (one per issue row: its facts, or the row itself) by the row's value of one field (or by what
    ``via`` maps it to; None left out)."""
    out: dict[str, list[T]] = {}
    for i, v in zip(issues, values, strict=True):
        k = i[field] if via is None else via.get(i[field])
        if k is not None:
            if k in out:
                out[k].append(v)
            else:
                out[k] = [v]
    return out


def _in_progress(rnd: dict[str, Any], issues: list[dict[str, Any]], as_of: date) -> bool:
    end = _day(rnd["end_date"])
    if end is None or end >= as_of:
        return True
    today = as_of.isoformat()  # ISO dates compare as text
    return any(t["status"] not in DONE and t["deadline"] >= today for i in issues for t in i["tasks"])


def _overdue(issues: list[dict[str, Any]], units: dict[str, Any], limits: dict[str, int], as_of: date
             ) -> list[OverdueTask]:
    out = []
    # A task is overdue when its deadline is before this day (ISO dates compare as text: most tasks are not
    # overdue, and need no date parsed).
    cutoffs = {sev: (as_of - timedelta(days=int(days))).isoformat() for sev, days in limits.items()}
    today = as_of.isoformat()
    for i in issues:
        limit, cutoff = int(limits.get(i["severity"], 0)), cutoffs.get(i["severity"], today)
        for t in i["tasks"]:
            if t["status"] in DONE or t["deadline"] >= cutoff:
                continue
            deadline = date.fromisoformat(t["deadline"])
            days = (as_of - deadline).days
            # Every value is of its field's type already (validated rows, dates parsed, counts computed here): a
            # city has thousands of overdue tasks, and re-validating each cost a fifth of the dashboard.
            out.append(OverdueTask.model_construct(
                task_id=t["task_id"], issue_id=i["issue_id"], issue_code=i["code"], unit_id=i["unit_id"],
                unit_name=units.get(i["unit_id"], {}).get("unit_name", i["unit_id"]), round_id=i["round_id"],
                severity=i["severity"], severity_zh=_severity_zh(i["severity"]), measure=t["measure"],
                owner=t["owner"], deadline=deadline, days_overdue=days, limit_days=limit))
    out.sort(key=lambda o: (-o.days_overdue, o.task_id))
    return out


_SEVERITY_ZH = {s.value: s.label_zh for s in Severity}  # one lookup per overdue task, not an Enum call


def _severity_zh(value: str) -> str:
    return _SEVERITY_ZH.get(value, value)


def _by_severity(overdue: list[OverdueTask], limits: dict[str, int]) -> list[SeverityFigure]:
    out = []
    for sev in (Severity.HIGH, Severity.MEDIUM, Severity.LOW):
        found = [o for o in overdue if o.severity == sev.value]
        out.append(SeverityFigure(severity=sev.value, severity_zh=sev.label_zh, limit_days=int(limits.get(sev.value, 0)),
                                  count=len(found), max_days=max((o.days_overdue for o in found), default=None),
                                  task_ids=[o.task_id for o in found]))
    return out


def _relapses(issues: list[dict[str, Any]], units: dict[str, Any]) -> list[RelapseLine]:
    return [RelapseLine(issue_id=i["issue_id"], earlier_id=earlier, unit_id=i["unit_id"],
                        unit_name=units.get(i["unit_id"], {}).get("unit_name", i["unit_id"]), issue_round=i["round_id"],
                        text=i["text"]) for i in issues for earlier in i["relapse_of"]]


def _letters(store: QueryRunner, issue_ids: list[str], as_of: date, limit: int) -> list[LetterWaiting]:
    lines = [ln for start in range(0, len(issue_ids), CHUNK)
             for ln in case_gaps.letters(store, issue_ids[start:start + CHUNK], as_of)]
    seen: dict[str, LetterWaiting] = {}
    for ln in lines:
        if ln.days_waiting is not None and ln.days_waiting > limit and ln.letter_id not in seen:
            seen[ln.letter_id] = LetterWaiting(letter_id=ln.letter_id, code=ln.code, sent_date=ln.sent_date,
                                               regulator_name=ln.regulator_name, days_waiting=ln.days_waiting)
    return sorted(seen.values(), key=lambda x: (-x.days_waiting, x.letter_id))


def undisposed(store: QueryRunner, as_of: date, days: int, round_ids: list[str] | None = None) -> list[ClueWaiting]:
    """Clues undisposed more than ``days`` after transfer (of the given rounds' issues, or all); the saved alert
    of the same name reads this too."""
    out = []
    for r in store.run_query("undisposed_clues", {"transferred_before": as_of.isoformat()}):
        if round_ids is not None and not set(r["round_ids"]) & set(round_ids):
            continue
        transfer = date.fromisoformat(r["transfer_date"])
        if (as_of - transfer).days > days:
            out.append(ClueWaiting(clue_id=r["clue_id"], code=r["code"], transfer_date=transfer,
                                   receiver=r["receiver"], days_waiting=(as_of - transfer).days,
                                   source_ids=r["source_ids"]))
    return sorted(out, key=lambda c: (-c.days_waiting, c.clue_id))


def dashboard(store: QueryRunner, rounds: Rounds = None, today: date | None = None, *, county: str | None = None,
              data_dir: Path | None = None, rules: dict[str, Any] | None = None) -> Dashboard:
    """The rectification dashboard for some rounds (ordinals in order of start, or round ids; None: all), of one
    county's rounds when ``county`` is given (ordinals need it when the graph holds several counties)."""
    rules = {**load_rules("dashboard", data_dir), **(rules or {})}
    as_of = today or date.today()
    chosen, round_ids, label, counties = _choose_rounds(store, rounds, county)
    # Every round by id when they fit one call: the twins then need not look for the rounds among all nodes.
    asked = round_ids if round_ids is not None or len(chosen) > MAX_ROUNDS else [r["round_id"] for r in chosen]
    issues = store.run_query("rectification_issues", {"round_ids": asked})
    facts = _facts(issues)
    unit_ids = sorted({u for r in chosen for u in r["unit_ids"]} | {i["unit_id"] for i in issues})
    units = {u["unit_id"]: u for u in store.run_query("rectification_units", {"unit_ids": unit_ids})}
    limits = rules["overdue_days"]
    overdue = _overdue(issues, units, limits, as_of)
    relapses = _relapses(issues, units)
    rows_in_round = _group(issues, issues, "round_id")
    by_round_facts = _group(issues, facts, "round_id")
    by_round = [_rate_row(r["round_id"], r["title"], by_round_facts.get(r["round_id"], []), start=_day(r["start"]),
                          end=_day(r["end_date"]),
                          in_progress=_in_progress(r, rows_in_round.get(r["round_id"], []), as_of)) for r in chosen]
    by_unit_facts = _group(issues, facts, "unit_id")
    by_unit = [_rate_row(u, units.get(u, {}).get("unit_name", u), by_unit_facts.get(u, []),
                         township=units.get(u, {}).get("township_name")) for u in unit_ids]
    by_category = [_rate_row(c, c, found) for c, found in sorted(_group(issues, facts, "category").items())]
    town_of = {u: row["township_id"] for u, row in units.items()}
    towns = sorted({t for t in town_of.values() if t})
    by_town_facts = _group(issues, facts, "unit_id", town_of)
    by_township = [_rate_row(t, units[t]["unit_name"] if t in units else _town_name(units, t),
                             by_town_facts.get(t, [])) for t in towns]
    total = _rate_row("total", label, facts)
    lettered = [i["issue_id"] for i in issues if i["letter_ids"]]  # only these need reading letter by letter
    letters = _letters(store, lettered, as_of, rules["letter_answer_days"])
    clues = undisposed(store, as_of, rules["clue_disposal_days"], round_ids)
    overdue_ids = {o.task_id for o in overdue}
    relapsed_in: dict[str, int] = {}
    for x in relapses:
        relapsed_in[x.issue_round] = relapsed_in.get(x.issue_round, 0) + 1
    trend = [TrendPoint(round_id=r.key, label=r.label, start=r.start, issues=r.issues, rate=r.rate,
                        task_rate=r.task_rate, overdue=sum(t in overdue_ids for t in r.task_ids),
                        relapses=relapsed_in.get(r.key, 0)) for r in by_round]
    result = Dashboard(
        as_of=as_of, range_label=label, county=county, counties=counties, round_ids=[r["round_id"] for r in chosen],
        limits={k: v for k, v in rules.items() if not k.startswith("_")}, total=total,
        figures=_figures(total, overdue, relapses, letters, clues, [r for r in by_round if r.in_progress], rules),
        by_round=by_round, by_unit=by_unit, by_category=by_category, by_township=by_township,
        rounds_in_progress=[r.key for r in by_round if r.in_progress], overdue=overdue,
        overdue_by_severity=_by_severity(overdue, limits), relapses=relapses, letters_unanswered=letters,
        clues_undisposed=clues, trend=trend)
    if not issues:
        result.notes.append("所选轮次没有发现问题，整改率无从计算（显示为“无问题”）。")
    if result.rounds_in_progress:
        result.notes.append(f"其中{len(result.rounds_in_progress)}轮整改尚在进行中，整改率为阶段性数字。")
    return result


def kept_dashboard(store: QueryRunner, rounds: Rounds = None, today: date | None = None, *, county: str | None = None,
                   data_dir: Path | None = None) -> Dashboard:
    """:func:`dashboard`, kept per graph version, day, range and settings file (a leader's page is read far more
    often than the graph is loaded): computed by one process, then read by every other (graph.analysis.cache)."""
    rules = data_dir / "dashboard.json" if data_dir is not None else None
    key = {"rounds": rounds, "county": county, "today": str(today or date.today()),
           "rules": rules.stat().st_mtime_ns if rules is not None and rules.exists() else None}
    return cached(store, "dashboard", key, lambda: dashboard(store, rounds, today, county=county, data_dir=data_dir),
                  shape=_KEPT)


def _town_name(units: dict[str, Any], town: str) -> str:
    return next((u["township_name"] for u in units.values() if u["township_id"] == town and u["township_name"]), town)


def percent(rate: float | None) -> str:
    """0.9623 → 96.2%; None → 无问题.

    >>> percent(0.9623), percent(None), percent(1.0)
    ('96.2%', '无问题', '100%')
    """
    if rate is None:
        return NO_ISSUES
    text = f"{rate * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text}%"


def _figures(total: RateRow, overdue: list[OverdueTask], relapses: list[RelapseLine], letters: list[LetterWaiting],
             clues: list[ClueWaiting], running: list[RateRow], rules: dict[str, Any]) -> list[Figure]:
    task_text = percent(total.task_rate) if total.tasks else NO_TASKS
    return [
        Figure(key="issues", label="发现问题", value=total.issues, text=f"{total.issues}个", ids=total.issue_ids),
        Figure(key="rectified", label="已整改", value=total.rectified, text=f"{total.rectified}个",
               ids=total.rectified_ids),
        Figure(key="rate", label="整改率", value=total.rate, text=percent(total.rate), ids=total.rectified_ids),
        Figure(key="task_rate", label="整改任务完成率", value=total.task_rate, text=task_text, ids=total.done_task_ids),
        Figure(key="overdue", label="逾期整改任务", value=len(overdue), text=f"{len(overdue)}项",
               ids=[o.task_id for o in overdue]),
        Figure(key="relapses", label="整改后复发", value=len(relapses), text=f"{len(relapses)}个",
               ids=sorted({r.issue_id for r in relapses})),
        Figure(key="letters_unanswered", label=f"超过{rules['letter_answer_days']}天未反馈的建议函",
               value=len(letters), text=f"{len(letters)}份", ids=[x.letter_id for x in letters]),
        Figure(key="clues_undisposed", label=f"超过{rules['clue_disposal_days']}天未处置的问题线索",
               value=len(clues), text=f"{len(clues)}件", ids=[c.clue_id for c in clues]),
        Figure(key="rounds_in_progress", label="整改进行中的轮次", value=len(running), text=f"{len(running)}轮",
               ids=[r.key for r in running]),
    ]
