"""A synthetic county (or city, or province) with planted patterns and ground truth.

Real ledgers cannot be shipped, so tests and benchmarks run on a generated
county whose every pattern is known. ``scale`` is the number of counties: 1 is
one county, 10 a city, 100 a province. Each county is generated from its own
seeded random stream, so county 0 is the same at every scale and the whole
output depends only on ``(scale, seed)``.

The ground truth (``ground_truth.json``) records what the analyses must find:
repeats (same problem type at the same unit in a later round), leaders who
carry a problem to a new unit, problems common to many units (with or without
a suggestion letter), cadre relatives receiving benefits or contracting
projects, stalled clues and overdue tasks. It is written from the generator's
hidden problem types, which never enter the graph.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.model import EdgeRecord, NodeRecord
from graph.stores.base import read_jsonl
from loaders.sample.base import AS_OF, STALL_DAYS, Bundle, county_names
from loaders.sample.case_reviews import plant_case_reviews
from loaders.sample.channels import build_findings, build_letters
from loaders.sample.county import County
from loaders.sample.data_requests import plant_data_requests
from loaders.sample.linkage import plant_linkage
from loaders.sample.programme import plant_programme
from loaders.sample.truth import build_truth
from loaders.sample.village_risk import plant_village_risk
from loaders.sample.villages import build_villages

__all__ = ["Bundle", "generate", "read_bundle", "write_bundle"]

# What each county holds after its units, posts and rounds, in this order (each draws on the county's one random
# stream, so a new scenario goes before build_truth and after the others, and leaves the earlier ones unchanged).
SCENARIOS = (build_letters, build_findings, build_villages, plant_case_reviews, plant_linkage, plant_village_risk,
             plant_data_requests, plant_programme, build_truth)


def generate(scale: int = 1, seed: int = 7, *, progress: Callable[[int], None] | None = None) -> Bundle:
    """Generate ``scale`` counties deterministically from ``seed``."""
    if scale < 1:
        raise ValueError("scale 必须为正整数")
    bundle = Bundle()
    truth: dict[str, list[Any]] = defaultdict(list)
    for index, name in enumerate(county_names(scale, random.Random(seed))):
        county = County(bundle, index, name, random.Random(f"{seed}:{index}"),
                        phrasing_rng=random.Random(f"{seed}:{index}:phrasings_b"))
        for key, items in county.build(SCENARIOS).items():
            truth[key].extend(items)
        if progress:
            progress(index + 1)
    counts: dict[str, int] = defaultdict(int)
    for node in bundle.nodes:
        counts[node.kind.value] += 1
    truth.pop("clues", None)
    bundle.truth = {"scale": scale, "seed": seed, "as_of": AS_OF.isoformat(), "stall_days": STALL_DAYS,
                    "node_counts": dict(sorted(counts.items())), "edge_count": len(bundle.edges),
                    **{k: truth[k] for k in sorted(truth)}}
    return bundle


def write_bundle(bundle: Bundle, out: Path) -> None:
    """Write ``graph.jsonl`` (nodes, then edges) and ``ground_truth.json``."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / "graph.jsonl").open("w", encoding="utf-8") as f:
        for node in bundle.nodes:
            f.write(json.dumps({"node": node.model_dump(mode="json")}, ensure_ascii=False) + "\n")
        for edge in bundle.edges:
            f.write(json.dumps({"edge": edge.model_dump(mode="json")}, ensure_ascii=False) + "\n")
    (out / "ground_truth.json").write_text(json.dumps(bundle.truth, ensure_ascii=False, indent=1), "utf-8")


def read_bundle(folder: Path) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    path = folder / "graph.jsonl" if folder.is_dir() else folder
    return read_jsonl(path)
