"""Stored vocabulary values as people read them in a document (``form_1`` → 第一种形态)."""

from __future__ import annotations

from datetime import date

from graph.model.enums import (
    CaseOutcome,
    ClueDisposal,
    IssueStatus,
    MeasureKind,
    NodeKind,
    TaskLevel,
    TaskStatus,
    ZhEnum,
)

DASH = "—"


def label(value: str | None, *vocabularies: type[ZhEnum]) -> str:
    """The Chinese label of ``value`` in the first vocabulary that knows it; the value itself otherwise.

    >>> label("form_1", CaseOutcome), label("已整改", IssueStatus), label(None)
    ('第一种形态', '已整改', '—')
    """
    if value is None or value == "":
        return DASH
    for vocabulary in vocabularies:
        try:
            return vocabulary.from_label(value).label_zh
        except ValueError:
            continue
    return str(value)


def outcome(value: str | None) -> str:
    return label(value, CaseOutcome)


def disposal(value: str | None) -> str:
    return label(value, ClueDisposal)


def task_level(value: str | None) -> str:
    return label(value, TaskLevel)


def task_status(value: str | None) -> str:
    return label(value, TaskStatus)


def issue_status(value: str | None) -> str:
    return label(value, IssueStatus, TaskStatus)


def measure_kind(value: str | None) -> str:
    return label(value, MeasureKind)


def item_kind(value: str | None) -> str:
    return label(value, NodeKind)


def iso(d: date | None) -> str:
    return d.isoformat() if d else DASH


def days(n: int | None) -> str:
    return DASH if n is None else str(n)


def yes_no(flag: bool) -> str:
    return "是" if flag else "否"
