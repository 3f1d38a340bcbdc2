"""交办事项 in a 贯通联动 review: what reports and speeches asked other bodies (纪委监委, 组织部, 巡察机构, 派驻纪检监察组,
行业主管部门) to do about the scope's issues or its unit, and whether it was done.

The rule (as of the review day): a directive with an 办结日期 is done; one without, issued more than
``directive_days`` (``linkage.json``) before the review day, is **overdue**; one without an issue date is listed
and said to have no date. The rows come from the named query ``linkage_directives`` (directives enter the graph
when an analyst accepts them from a parsed report, see loaders.text).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from graph.reviews.linkage_model import DirectiveLine
from graph.stores.base import QueryRunner


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def directive_line(row: dict[str, Any], as_of: date, limit_days: int) -> DirectiveLine:
    issued, answered = _day(row["issued_date"]), _day(row["answered_date"])
    body = row["body_unit_name"] or row["body"]
    asked = f"{issued}交{body}“{row['request']}”" if issued else f"交{body}“{row['request']}”（未记交办日期）"
    line = DirectiveLine(directive_id=row["directive_id"], about_id=row["about_id"], body=row["body"],
                         body_unit_name=row["body_unit_name"], request=row["request"], issued_date=issued,
                         answered_date=answered, response=row["response"], sentence=asked)
    if answered:
        line.sentence = f"{asked}，{answered}办结。"
    elif issued:
        line.days_open = (as_of - issued).days
        line.overdue = line.days_open > limit_days
        state = f"已{line.days_open}天未办结，超过{limit_days}天时限" if line.overdue else f"办理中（{line.days_open}天）"
        line.sentence = f"{asked}，至{as_of}{state}。"
    else:
        line.sentence = f"{asked}，尚无办结记录。"
    return line


def directives(store: QueryRunner, about_ids: list[str], as_of: date, limit_days: int) -> list[DirectiveLine]:
    """One line per directive (the first body unit when it names several), oldest first."""
    if not about_ids:
        return []
    seen: dict[str, DirectiveLine] = {}
    for row in store.run_query("linkage_directives", {"about_ids": sorted(set(about_ids))}):
        seen.setdefault(row["directive_id"], directive_line(row, as_of, limit_days))
    return list(seen.values())
