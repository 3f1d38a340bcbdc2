"""Ledger rows of 巡前数据调取 (a round's data requests to other bodies) → graph records.

Kept apart from :mod:`loaders.ledgers.builders` so each module stays one
subject; it uses that module's helpers. A request names its round by county,
term and number (as 巡察对象 does) and the body asked by name (resolved as
every unit name is); the answer date may be empty (not answered yet).
"""

from __future__ import annotations

from typing import Any

from graph.model import nodes as m
from loaders.ledgers.builders import _round
from loaders.ledgers.building import Built, Context, K, RowError, T, edge, model, unit_ref


def data_requests(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    rid = _round(ctx, r)
    if r.get("answered_date") and r["answered_date"] < r["requested_date"]:
        raise RowError("answered_date", "反馈日期早于调取日期")
    if r["due_date"] < r["requested_date"]:
        raise RowError("due_date", "要求反馈日期早于调取日期")
    request = model(m.DataRequest, round_id=rid, code=r["code"], request=r["request"],
                    requested_date=r["requested_date"], due_date=r["due_date"], answered_date=r.get("answered_date"),
                    response=r.get("response"))
    out.nodes.append(request)
    body = unit_ref(ctx, out, r, "body")
    out.edges.append(lambda: [edge(T.REQUESTED_IN, (K.DATA_REQUEST, request.id), (K.ROUND, rid)),
                              edge(T.REQUESTED_FROM, (K.DATA_REQUEST, request.id), (K.UNIT, body))])
    return out
