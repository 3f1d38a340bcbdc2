"""The registry of named queries.

A named query has one name, a params model, a result model, a Cypher file
``cypher/queries/<name>.cypher`` and a networkx twin of the same name. Both
backends validate params with the same model and pass rows through the same
result model, so their answers can be compared field for field. A twin registered
``trusted`` promises rows already in that shape (JSON values, sorted id lists): the
embedded store then skips re-validating them row by row (the dashboard reads tens of
thousands); tests/test_dashboard_fast.py checks the promise on the sample county.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import networkx as nx
from pydantic import BaseModel

import cypher

Twin = Callable[[nx.MultiDiGraph, Any], list[dict[str, Any]]]
_REGISTRY: dict[str, NamedQuery] = {}
_DISCOVERED: list[bool] = []  # a module imported directly registers itself; the rest still need finding


class UnknownQuery(KeyError):
    pass


@dataclass(frozen=True)
class NamedQuery:
    name: str
    params: type[BaseModel]
    result: type[BaseModel]
    twin: Twin
    trusted: bool = False

    @cached_property
    def cypher(self) -> str:
        return cypher.read(f"queries/{self.name}.cypher")

    @property
    def description(self) -> str:
        return (self.twin.__doc__ or "").strip().splitlines()[0]

    def placeholders(self) -> set[str]:
        body = "\n".join(line for line in self.cypher.splitlines() if not line.lstrip().startswith("//"))
        return set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", body))

    def bind(self, params: dict[str, Any]) -> BaseModel:
        return self.params.model_validate(params)

    def shape(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [self.result.model_validate(row).model_dump(mode="json") for row in rows]

    def run_networkx(self, graph: nx.MultiDiGraph, params: dict[str, Any]) -> list[dict[str, Any]]:
        rows = self.twin(graph, self.bind(params))
        return rows if self.trusted else self.shape(rows)


def named_query(name: str, *, params: type[BaseModel], result: type[BaseModel],
                trusted: bool = False) -> Callable[[Twin], Twin]:
    """Register ``twin`` as the networkx side of ``cypher/queries/<name>.cypher`` (``trusted``: see above)."""

    def register(twin: Twin) -> Twin:
        if twin.__name__ != name:
            raise ValueError(f"the networkx twin of {name} must be named {name}")
        _REGISTRY[name] = NamedQuery(name, params, result, twin, trusted)
        return twin

    return register


def _discover() -> None:
    import graph.queries as package

    for info in pkgutil.iter_modules(package.__path__):
        if info.name not in ("registry", "common"):
            importlib.import_module(f"graph.queries.{info.name}")


def all_queries() -> dict[str, NamedQuery]:
    if not _DISCOVERED:
        _discover()
        _DISCOVERED.append(True)
    return dict(sorted(_REGISTRY.items()))


def get(name: str) -> NamedQuery:
    queries = all_queries()
    if name not in queries:
        raise UnknownQuery(f"没有名为 {name} 的查询")
    return queries[name]
