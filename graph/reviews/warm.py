"""What a load leaves ready: the usual whole-graph analyses and the dashboard, computed once and kept beside the
store (graph.analysis.cache), so every process's first request after a load reads them instead of computing them.

Run by ``xuncha load`` after the load and by the API after a ledger upload (once the answer has gone). Not after
accepting report-text items: an analyst accepts them a few at a time, and warming after each would keep the
server computing what nobody has asked for yet.
"""

from __future__ import annotations

import logging
from pathlib import Path

from graph.analysis.kept import Warmed, warm
from graph.reviews.dashboard import kept_dashboard
from graph.stores.base import GraphStore

log = logging.getLogger(__name__)


def warm_after_load(store: GraphStore, data_dir: Path | None) -> list[Warmed]:
    """Compute and keep the usual analyses and today's dashboard of every round at the store's version."""
    return warm(store, {"dashboard": lambda s: kept_dashboard(s, data_dir=data_dir)})


def warm_quietly(store: GraphStore, data_dir: Path | None) -> None:
    """For the API, after the response: a failure only means the first request computes the result itself."""
    try:
        done = warm_after_load(store, data_dir)
    except Exception as exc:  # noqa: BLE001 — a warm-up must never take a worker down
        log.warning("warm-up after a load failed: %s", type(exc).__name__)
        return
    log.info("warm-up after a load: %d results in %.1f s", len(done), sum(w.seconds for w in done))
