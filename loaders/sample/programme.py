"""Planted 联动专项 truth: the linkage round (round 5) is marked 巡审联动, and its figures are counted here.

The counting walks the generated records directly (not the named queries the
review uses): the round's issues and the audit findings at the units it
inspected; the units they were found at; the clues arising from them; the cases
opened from those clues; and the people named by a clue or case whose case has
an outcome other than 审查中. ``programme`` in ground_truth.json holds each
figure's ids. No random draw is made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.model import enums as en

if TYPE_CHECKING:
    from loaders.sample.county import County

ROUND = 5
CHANNELS = {en.Channel.INSPECTION.value, en.Channel.AUDIT.value}


def plant_programme(c: County) -> None:
    rid, _ = c.rounds[ROUND]
    props = {n.id: n.props for n in c.w.nodes}  # this county's records
    old = next(n for n in c.w.nodes if n.id == rid)  # records are frozen: replace the round's
    c.w.replace_node(old.model_copy(update={"props": {**old.props, "programme": en.LinkageProgramme.AUDIT.value}}))
    edges = c.w.edges

    def targets(edge_type: str, sources: set[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for e in edges:
            if e.type.value == edge_type and e.src in sources:
                out.setdefault(e.src, set()).add(e.dst)
        return out

    groups = {e.src for e in edges if e.type.value == "IN_ROUND" and e.dst == rid}
    inspected = {e.dst for e in edges if e.type.value == "INSPECTED" and e.src in groups}
    issues = {e.src for e in edges if e.type.value == "FOUND_IN" and e.dst == rid}
    found_at = {e.src: e.dst for e in edges if e.type.value == "FOUND_AT"}
    findings = {f for f, u in found_at.items() if u in inspected and c.w.kinds[f].value == "Finding"
                and props[f]["channel"] in CHANNELS}
    items = issues | findings
    clues = {e.src for e in edges if e.type.value == "ARISES_FROM" and e.dst in items}
    opened = targets("OPENED_FROM", {i for i, kind in c.w.kinds.items() if kind.value == "Case"})
    cases = {k for k, from_clues in opened.items() if from_clues & clues}
    involves = targets("INVOLVES", clues | cases)
    people: set[str] = set()
    for k in cases:
        if props[k].get("outcome") not in (None, en.CaseOutcome.PENDING.value):
            for clue in opened[k] & clues:
                people |= involves.get(clue, set()) | involves.get(k, set())
    c.truth["programme"].append({
        "round": rid, "programme": en.LinkageProgramme.AUDIT.value,
        "figures": {"units_covered": sorted({found_at[i] for i in items if i in found_at}),
                    "problems_found": sorted(items), "clues_transferred": sorted(clues), "cases_opened": sorted(cases),
                    "people_disciplined": sorted(people)}})
