"""The storage contract: what every store accepts and returns.

Typed node models (``nodes.py``) and edge specs (``edges.py``) produce these
records; stores persist them without knowing the domain.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from graph.model.enums import EdgeType, NodeKind


class NodeRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    kind: NodeKind
    props: dict[str, Any]


class EdgeRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    type: EdgeType
    src: str
    src_kind: NodeKind
    dst: str
    dst_kind: NodeKind
    props: dict[str, Any]
