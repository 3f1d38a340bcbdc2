"""巡前数据调取 in a round's 贯通联动 review: what the round asked other bodies for, and the requests that came
back late or not at all.

The rule (as of the review day): a request answered after its due date is
**late** (by the days between); a request with no answer whose due date has
passed is **unanswered** (by the days since the due date). A request not yet due
is listed without a gap. The rows come from the named query ``round_data_requests``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from graph.reviews.linkage_model import DataRequestLine, RequestGap
from graph.stores.base import QueryRunner


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def request_line(row: dict[str, Any], as_of: date) -> DataRequestLine:
    line = DataRequestLine(request_id=row["request_id"], code=row["code"], body_id=row["body_id"],
                           body_name=row["body_name"], request=row["request"],
                           requested_date=date.fromisoformat(row["requested_date"]),
                           due_date=date.fromisoformat(row["due_date"]), answered_date=_day(row["answered_date"]),
                           response=row["response"])
    body = line.body_name or "有关单位"
    asked = f"{line.requested_date}向{body}调取“{line.request}”（{line.code}），要求{line.due_date}前反馈"
    if line.answered_date and line.answered_date > line.due_date:
        line.gap, line.days_late = RequestGap.LATE, (line.answered_date - line.due_date).days
        line.sentence = f"{asked}，{line.answered_date}才反馈，逾期{line.days_late}天。"
    elif line.answered_date is None and as_of > line.due_date:
        line.gap, line.days_late = RequestGap.UNANSWERED, (as_of - line.due_date).days
        line.sentence = f"{asked}，至{as_of}仍未反馈，已逾期{line.days_late}天。"
    return line


def data_requests(store: QueryRunner, round_id: str, as_of: date) -> list[DataRequestLine]:
    """Every data request of the round, one line per request (the first body named when a row names several)."""
    seen: dict[str, DataRequestLine] = {}
    for row in store.run_query("round_data_requests", {"round_id": round_id}):
        seen.setdefault(row["request_id"], request_line(row, as_of))
    return list(seen.values())


def request_keys(lines: list[DataRequestLine]) -> set[tuple[str, str]]:
    """(gap, request id) of the late and unanswered requests: what the benchmark and tests compare with the truth."""
    return {(q.gap.value, q.request_id) for q in lines if q.gap is not None}
