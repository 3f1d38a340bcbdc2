"""Ledger rows of 机构沿革 (a unit renamed, merged or absorbed into another) → SUCCEEDED_BY edges.

Both units are named as every unit is (county prefix, 党组/党委, aliases, township); a unit cannot succeed
itself. The edge runs from the old unit to the new one and carries the date and the mode.
"""

from __future__ import annotations

from typing import Any

from graph.model.enums import SuccessionKind
from loaders.ledgers.building import Built, Context, K, RowError, T, edge, unit_ref


def successions(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    old = unit_ref(ctx, out, r, "old")
    new = unit_ref(ctx, out, {**r, "township": ""} if not r.get("township") else r, "new")
    if old == new:
        raise RowError("new", "新名称与旧名称是同一个单位")
    mode = r.get("mode") or SuccessionKind.RENAMED.value
    out.edges.append(lambda: [edge(T.SUCCEEDED_BY, (K.UNIT, old), (K.UNIT, new), on=r.get("on"), mode=mode)])
    return out
