"""The ground truth written from the generator's hidden problem types: repeats and leaders who carry a problem."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from graph.model import enums as en
from loaders import phrasebook as pb
from loaders.sample.phrasings import pair_wording

if TYPE_CHECKING:
    from loaders.sample.county import County


def build_truth(c: County) -> None:
    for facts in c.issues_at.values():
        for later in facts:
            for earlier in facts:
                if earlier.ptype == later.ptype and earlier.round_index < later.round_index:
                    c.truth["repeats"].append({
                        "issue": later.id, "earlier": earlier.id,
                        "relapse": earlier.status is en.IssueStatus.RECTIFIED,
                        "wording": pair_wording(later.wording, earlier.wording)})
    carried: dict[tuple[str, str], set[str]] = defaultdict(set)
    for fact in c.issues:
        for tenure in c.tenures[fact.unit]:
            if tenure.first_in_command and tenure.covers(fact.found):
                carried[(tenure.person, pb.BY_KEY[fact.ptype].category)].add(fact.id)
    by_unit = {f.id: f.unit for f in c.issues}
    for (person, category), ids in sorted(carried.items()):
        if len({by_unit[i] for i in ids}) >= 2:
            c.truth["leader_carry"].append({"person": person, "category": category, "issues": sorted(ids)})
