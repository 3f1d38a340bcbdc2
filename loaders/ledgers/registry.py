"""Which builder turns a row of each ledger kind into records."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.model import NodeKind
from loaders.ledgers import builders as b
from loaders.ledgers import request_builders as q
from loaders.ledgers import succession_builders as s
from loaders.ledgers import village_builders as v

Builder = Callable[[b.Context, dict[str, Any]], b.Built]
EXTRA = "extra:"  # the field of a column no ledger knows: ``extra:<header>`` (see planning.plan_sheet)

# The entity each row of a kind declares: where a column no ledger knows is kept (NodeModel.extra, 其他列).
# Kinds that declare a relationship (任职, 分管, 亲属 …) have none: their unknown columns are only reported.
ENTITY_OF = {"units": NodeKind.UNIT, "people": NodeKind.PERSON, "rounds": NodeKind.ROUND, "issues": NodeKind.ISSUE,
             "tasks": NodeKind.TASK, "findings": NodeKind.FINDING, "clues": NodeKind.CLUE, "cases": NodeKind.CASE,
             "letters": NodeKind.LETTER, "companies": NodeKind.COMPANY, "projects": NodeKind.PROJECT,
             "benefits": NodeKind.BENEFIT, "petitions": NodeKind.PETITION}


def keeping_extra(builder: Builder, kind: NodeKind) -> Builder:
    """``builder``, with the row's unknown columns kept on the entity it declares as "列名：内容" lines."""

    def build(ctx: b.Context, values: dict[str, Any]) -> b.Built:
        extra = [f"{k[len(EXTRA):]}：{v}" for k, v in values.items() if k.startswith(EXTRA) and v not in (None, "")]
        built = builder(ctx, {k: v for k, v in values.items() if not k.startswith(EXTRA)})
        if extra:
            for i, node in enumerate(built.nodes):
                if node.kind == kind:
                    built.nodes[i] = node.model_copy(update={"extra": extra})
                    break
        return built

    return build


BUILDERS: dict[str, Builder] = {
    "units": b.units, "successions": s.successions, "people": b.people, "posts": b.posts, "oversight": b.oversight,
    "rounds": b.rounds,
    "data_requests": q.data_requests,
    "targets": b.targets, "issues": b.issues, "tasks": b.tasks, "findings": b.findings, "clues": b.clues,
    "cases": b.cases, "letters": b.letters, "measures": b.measures, "companies": v.companies, "projects": v.projects,
    "benefits": v.benefits, "petitions": v.petitions, "relatives": v.relatives,
}
for _key, _kind in ENTITY_OF.items():
    BUILDERS[_key] = keeping_extra(BUILDERS[_key], _kind)
