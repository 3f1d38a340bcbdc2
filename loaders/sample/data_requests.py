"""Planted 巡前数据调取 truth: every round asks the 纪委监委 before it goes in, and some rounds ask more.

Each round asks the county 纪委监委 for its clues and cases on the units to be
inspected 20 days before the round goes in, due 10 days later, answered on time.
Planted gaps (no random draw, so the earlier scenarios' stream is untouched):

* round 5 (the linkage round) also asks the 组织部 (answered on time), the
  审计局 (answered 12 days late) and the 信访局 (never answered);
* the latest round asks the 组织部 and it is never answered.

``data_requests`` in ground_truth.json lists each round's late and unanswered
requests (as of the sample's ``AS_OF``, when every due date has passed).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from graph.model import EdgeType as T
from graph.model import nodes as m

if TYPE_CHECKING:
    from loaders.sample.county import County

LEDGER = "巡前数据调取"
ROUND = 5
ASKS = {"纪委监委": "被巡察单位近五年问题线索及处置情况、立案查处情况",
        "委组织部": "被巡察单位领导班子及成员近三年年度考核、选人用人情况",
        "审计局": "近三年对被巡察单位的审计报告及审计整改情况",
        "信访局": "近三年涉及被巡察单位的信访举报件及办理情况"}
ANSWERS = {"纪委监委": "提供问题线索台账及立案情况", "委组织部": "提供班子考核及干部任免材料",
           "审计局": "提供审计报告及整改情况"}


def plant_data_requests(c: County) -> None:
    planted: list[dict[str, object]] = []
    latest = len(c.rounds) - 1
    for index, (rid, rnd) in enumerate(c.rounds):
        asked = rnd.start - timedelta(days=20)
        due = asked + timedelta(days=10)
        plan: list[tuple[str, int | None]] = [("纪委监委", -2)]  # body, days after due (None: never answered)
        if index == ROUND:
            plan += [("委组织部", -1), ("审计局", 12), ("信访局", None)]
        if index == latest:
            plan += [("委组织部", None)]
        for n, (body, late) in enumerate(plan, 1):
            answered = None if late is None else due + timedelta(days=late)
            code = f"{c.name[:2]}-{rnd.term}-{rnd.number}-DQ{n:02d}"
            qid = c.w.node(m.DataRequest(round_id=rid, code=code, request=ASKS[body], requested_date=asked,
                                         due_date=due, answered_date=answered,
                                         response=ANSWERS.get(body) if answered else None), LEDGER)
            c.w.edge(T.REQUESTED_IN, qid, rid)
            c.w.edge(T.REQUESTED_FROM, qid, c.by_name[c.name + body])
            if late is None or late > 0:
                planted.append({"round": rid, "request": qid, "kind": "unanswered" if late is None else "late",
                                "days": late})
    c.truth["data_requests"].extend(planted)
