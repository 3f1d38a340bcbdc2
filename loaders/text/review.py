"""What an analyst does with the queue, shared by ``xuncha text review`` and the API: edit an entry with names
(resolved as everywhere else), and accept every open entry above a confidence."""

from __future__ import annotations

from pathlib import Path

from graph.model.enums import Severity
from graph.model.taxonomy import load_taxonomy
from graph.stores.base import GraphStore
from loaders.ledgers.categories import Categories
from loaders.text.load import AcceptReport, accept, resolve_round
from loaders.text.model import QueueEntry
from loaders.text.queue import OPEN, QueueError, TextQueue
from loaders.text.severity import level_of
from loaders.text.units import UnitFinder


def edit_entry(store: GraphStore, queue: TextQueue, finder: UnitFinder, entry_id: int, actor: str, *,
               unit: str | None = None, category: str | None = None, text: str | None = None,
               round_ref: str | None = None, severity: str | None = None, data_dir: Path | None = None) -> QueueEntry:
    """Change an entry's unit (a name or id), category (a label of the taxonomy or an alias), text, round or severity
    (一般/较重/严重, or low/medium/high)."""
    unit_id = unit_name = top = None
    if unit is not None:
        node = store.get_node(unit.strip())
        if node is not None and node.kind.value == "Unit":
            unit_id = node.id
        else:
            resolved = finder.resolve(unit.strip())
            if resolved.unit_id is None:
                raise QueueError(f"单位“{unit}”无法对应：{resolved.rule}")
            unit_id = resolved.unit_id
        unit_name = finder.label(unit_id)
    if category is not None:
        label, note = Categories.for_data_dir(data_dir).resolve(category)
        if note and label == "其他" and category.strip() != "其他":
            raise QueueError(f"类别“{category}”不在分类表中，条目未修改。请从这些类别中选一个："
                             f"{'、'.join(load_taxonomy().leaves)}（或填“其他”）。")
        category, top = label, load_taxonomy().top_of(label)
    round_id = resolve_round(store, finder.county, round_ref) if round_ref else None
    return queue.edit(entry_id, actor, unit_id=unit_id, unit_name=unit_name, category=category, top_category=top,
                      text=text, round_id=round_id, severity=_severity(severity) if severity is not None else None)


def _severity(said: str) -> Severity:
    level = level_of(said.strip())
    if level is not None:
        return level
    raise QueueError(f"严重程度“{said}”不可用，条目未修改；请填 {'、'.join(s.label_zh for s in Severity)} 之一。")


def accept_open(store: GraphStore, queue: TextQueue, finder: UnitFinder, actor: str, *, min_confidence: float,
                document: str | None = None, round_ref: str | None = None,
                data_dir: Path | None = None) -> AcceptReport:
    """Accept every pending or edited entry at or above ``min_confidence`` (entries not ready are left, listed)."""
    ids = [e.id for e in queue.entries(state=OPEN, min_confidence=min_confidence, document=document,
                                       limit=100_000)[0]]
    if not ids:
        return AcceptReport()
    return accept(store, queue, ids, actor, round_ref=round_ref, finder=finder, data_dir=data_dir, skip_unready=True)
