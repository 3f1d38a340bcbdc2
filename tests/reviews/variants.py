"""The no-gap scene changed in exactly one thing, each with the review it must give.

``gaps`` maps a gap kind to the names of its subjects (the whole set: no other
kind may appear); ``states`` names the parts whose state is not 到位. The rules
(case_review.py): a part with gaps is 部分到位 when something was done for it
(个案: a task done; 类案: a similar issue rectified or a 类案 task; 系统: a letter,
a measure or a 系统整改 task; 双查: someone held to account), else 未到位.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from graph.model import EdgeType as T
from tests.reviews.graphs import AS_OF, Scene

PARTIAL, NOT_DONE = "部分到位", "未到位"


@dataclass(frozen=True)
class Variant:
    name: str
    change: Callable[[Scene], object]
    gaps: dict[str, list[str]] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)


def _undo_task(*names: str) -> Callable[[Scene], None]:
    def change(s: Scene) -> None:
        for name in names:
            s.change(name, status="in_progress", done_date=None, evidence=None)
    return change


def _drop(*names: str) -> Callable[[Scene], None]:
    def change(s: Scene) -> None:
        for name in names:
            s.drop(name)
    return change


def _relapse(s: Scene) -> None:
    text = "东村集体资源对外承包仍未经四议两公开，租金低于市场价"
    s.issue("again", "r2", "v1", 1, text, date(2023, 10, 20), status="open")


def _similar_relapse(s: Scene) -> None:
    s.issue("similar_again", "r2", "v2", 1, "西村集体资源对外发包仍未履行四议两公开程序，租金偏低", date(2023, 10, 21))


def _third_unit(s: Scene) -> None:
    s.issue("similar3", "r2", "v3", 2, "南村集体土地出租未经四议两公开，租金明显偏低", date(2023, 10, 22))


def _letter(sent: date) -> Callable[[Scene], object]:
    return lambda s: s.letter("letter", sent, ["issue"], "agri")


def _systemic_task(s: Scene) -> None:
    s.drop("rule")
    s.task("t3", "issue", 3, date(2024, 5, 31), level="systemic")


def _measure_on_letter(s: Scene) -> None:
    s.drop("rule")
    s.letter("letter", date(2024, 1, 10), ["similar"], "agri", response_date=date(2024, 2, 20))
    s.measure("campaign", "letter", "agri", kind="campaign")


def _measure_on_issue(s: Scene) -> None:
    s.drop("rule")
    s.measure("campaign", "issue", "town", kind="campaign")


def _r2_start(day: date) -> Callable[[Scene], None]:
    return lambda s: s.change("r2", start=day, end=day + timedelta(days=40))


def _disposed(day: date | None) -> Callable[[Scene], None]:
    return lambda s: s.change("clue", disposal_date=day, disposal=None if day is None else "case_opened",
                              status="transferred" if day is None else "disposed")


def _old_clue_only(s: Scene) -> None:
    """The first-in-command is named only by a clue from before the issue was found: not held to account for it."""
    s.unlink(T.INVOLVES, "clue", "fic")
    s.add("old_clue", s.nodes["clue"].model_copy(update={"code": "XS-2022-01", "transfer_date": date(2022, 3, 1),
                                                         "disposal_date": date(2022, 4, 1)}))
    s.link(T.INVOLVES, "old_clue", "fic", role="被反映人")


def _declared_fic(s: Scene) -> None:
    """A first-in-command declared on the issue replaces the one read from the posts."""
    s.person("fic2", "赵志刚")
    s.link(T.RESPONSIBLE_FOR, "fic2", "issue", role="first_in_command", derived=False)


GAP_VARIANTS = [
    Variant("no_task", _drop("t1", "t2"), {"no_task": ["issue"]}, {"individual": NOT_DONE}),
    Variant("overdue", _undo_task("t2"), {"overdue": ["t2"]}, {"individual": PARTIAL}),
    Variant("overdue_all", _undo_task("t1", "t2"), {"overdue": ["t1", "t2"]}, {"individual": NOT_DONE}),
    Variant("no_evidence", lambda s: s.change("t2", evidence=None), {"no_evidence": ["t2"]}, {"individual": PARTIAL}),
    Variant("no_evidence_blank", lambda s: s.change("t2", evidence="   "), {"no_evidence": ["t2"]},
            {"individual": PARTIAL}),
    Variant("no_evidence_closed", lambda s: s.change("t1", status="closed", evidence=None), {"no_evidence": ["t1"]},
            {"individual": PARTIAL}),
    Variant("relapse", _relapse, {"relapse": ["again"]}, {"individual": PARTIAL}),
    Variant("suggestion_unanswered", lambda s: s.change("case", suggestion_response=None, suggestion_response_date=None),
            {"suggestion_unanswered": ["case"]}, {"individual": PARTIAL}),
    Variant("similar_open", lambda s: s.change("similar", status="in_progress"), {"similar_open": ["v2"]},
            {"category": NOT_DONE}),
    Variant("similar_relapse", _similar_relapse, {"similar_relapse": ["v2"]}, {"category": PARTIAL}),
    Variant("blind_spot", lambda s: s.unlink(T.INSPECTED, "g2", "v3"), {"blind_spot": ["v3"]}, {"category": PARTIAL}),
    Variant("blind_spot_day_before", _r2_start(date(2023, 8, 31)), {"blind_spot": ["v2", "v3"]},
            {"category": PARTIAL}),
    Variant("no_letter", _third_unit, {"no_letter": ["case"]}, {"systemic": PARTIAL}),
    Variant("letter_unanswered", _letter(date(2024, 3, 1)), {"letter_unanswered": ["letter"]}, {"systemic": PARTIAL}),
    Variant("letter_61_days", _letter(AS_OF - timedelta(days=61)), {"letter_unanswered": ["letter"]},
            {"systemic": PARTIAL}),
    Variant("no_system_measure", _drop("rule"), {"no_system_measure": ["case"]}, {"systemic": NOT_DONE}),
    Variant("fic_unaccountable", lambda s: s.unlink(T.INVOLVES, "clue", "fic"), {"fic_unaccountable": ["fic"]},
            {"accountability": PARTIAL}),
    Variant("fic_named_before_issue", _old_clue_only, {"fic_unaccountable": ["fic"]}, {"accountability": PARTIAL}),
    Variant("fic_declared_on_issue", _declared_fic, {"fic_unaccountable": ["fic2"]}, {"accountability": PARTIAL}),
    Variant("member_unaccountable", lambda s: s.unlink(T.INVOLVES, "case", "member"),
            {"member_unaccountable": ["member"]}, {"accountability": PARTIAL}),
    Variant("nobody_held", lambda s: [s.unlink(T.INVOLVES, "clue", "fic"), s.unlink(T.INVOLVES, "case", "member")],
            {"fic_unaccountable": ["fic"], "member_unaccountable": ["member"]},
            {"accountability": NOT_DONE}),
    Variant("supervision_slow", _disposed(date(2023, 9, 9)), {"supervision_slow": ["clue"]},
            {"accountability": PARTIAL}),
    Variant("supervision_undisposed", _disposed(None), {"supervision_slow": ["clue"]}, {"accountability": PARTIAL}),
]

NO_GAP_VARIANTS = [
    Variant("base", lambda s: None),
    Variant("task_due_on_as_of", lambda s: [_undo_task("t2")(s), s.change("t2", deadline=AS_OF)]),
    Variant("letter_exactly_60_days", _letter(AS_OF - timedelta(days=60))),
    Variant("letter_answered", lambda s: s.letter("letter", date(2024, 1, 10), ["issue"], "agri",
                                                  response_date=date(2024, 6, 1))),
    Variant("systemic_task_instead_of_measure", _systemic_task),
    Variant("measure_answers_letter", _measure_on_letter),
    Variant("measure_answers_issue", _measure_on_issue),
    Variant("peer_inspected_on_opening_day", _r2_start(date(2023, 9, 1))),
    Variant("clue_disposed_on_day_90", _disposed(date(2023, 9, 8))),
]

ALL_VARIANTS = NO_GAP_VARIANTS + GAP_VARIANTS
