"""Which builder turns a row of each ledger kind into records."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from loaders.ledgers import builders as b
from loaders.ledgers import request_builders as q
from loaders.ledgers import succession_builders as s
from loaders.ledgers import village_builders as v

BUILDERS: dict[str, Callable[[b.Context, dict[str, Any]], b.Built]] = {
    "units": b.units, "successions": s.successions, "people": b.people, "posts": b.posts, "oversight": b.oversight,
    "rounds": b.rounds,
    "data_requests": q.data_requests,
    "targets": b.targets, "issues": b.issues, "tasks": b.tasks, "findings": b.findings, "clues": b.clues,
    "cases": b.cases, "letters": b.letters, "measures": b.measures, "companies": v.companies, "projects": v.projects,
    "benefits": v.benefits, "petitions": v.petitions, "relatives": v.relatives,
}
