"""Every coded value's Chinese name, in one table, so pages show 个案整改 where the data says ``individual``.

The names are declared once, on the enums (``label_zh``); this collects them for clients that are not
Python. Importing the review models and alerts registers their enums too.
"""

from __future__ import annotations

from enum import Enum

import graph.alerts.model as alerts
import graph.reviews.case_review_model  # noqa: F401 - registers Dimension, GapKind, State, Duty
import graph.reviews.linkage_model  # noqa: F401 - registers ScopeKind, OverlapBasis, StallKind, RequestGap
from graph.model.enums import ZhEnum


def _subclasses(cls: type[ZhEnum]) -> list[type[ZhEnum]]:
    found: list[type[ZhEnum]] = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def labels() -> dict[str, dict[str, str]]:
    enums: list[type[Enum]] = [*_subclasses(ZhEnum), alerts.AlertKind, alerts.HitState]
    return {e.__name__: {str(m.value): m.label_zh for m in e} for e in enums}  # type: ignore[attr-defined]
