"""Scoring the parser against fixtures (``<name>.expected.json`` beside each document; issue 19's format).

An extracted item matches an expected one when its text contains the expected ``contains`` phrase; for unit
scoring it must also have the expected unit (``null`` = unresolved), compared by id after resolving the expected
register name with the same unit index. A directive matches on its body and the phrase. Matching is one-to-one
(each extracted entry used once), so a problem at two units must be found twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.stores.base import GraphStore
from loaders.ledgers.resolve import ResolveError
from loaders.text.model import ParseResult
from loaders.text.parse import parse_document
from loaders.text.readers import read_document
from loaders.text.units import UnitFinder


@dataclass
class Tally:
    tp: int = 0
    extracted: int = 0
    expected: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.expected if self.expected else 1.0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.extracted += other.extracted
        self.expected += other.expected
        self.misses += other.misses


def expected_of(document: Path) -> Path:
    stem = document.name.removesuffix(".docx").removesuffix(".txt").removesuffix(".gb18030")
    return document.with_name(f"{stem}.expected.json")


def fixtures(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".docx", ".txt") and expected_of(p).exists())


def _unit(finder: UnitFinder, name: str | None) -> str | None:
    if name is None:
        return None
    try:
        return finder.index.resolve(finder.county, name)[0]
    except ResolveError:
        return "?" + name


def _match(found: list[tuple[str, Any]], wanted: list[tuple[str, Any]], name: str, what: str) -> Tally:
    tally = Tally(extracted=len(found), expected=len(wanted))
    used: set[int] = set()
    for phrase, key in wanted:
        hit = next((i for i, (text, k) in enumerate(found) if i not in used and phrase in text and k == key), None)
        if hit is None:
            tally.misses.append(f"{name}：漏{what}“{phrase}”（{key}）")
        else:
            used.add(hit)
            tally.tp += 1
    tally.misses += [f"{name}：多{what}“{found[i][0][:30]}”（{found[i][1]}）" for i in range(len(found)) if i not in used]
    return tally


def score(result: ParseResult, expected: dict[str, Any], finder: UnitFinder, name: str) -> dict[str, Tally]:
    items = [(i.text, None) for i in result.items]
    units = [(i.text, i.unit_id) for i in result.items]
    wanted_items = [(e["contains"], None) for e in expected["items"]]
    wanted_units = [(e["contains"], _unit(finder, e["unit"])) for e in expected["items"]]
    directives = [(d.text, d.body) for d in result.directives]
    wanted_dirs = [(e["contains"], e["body"]) for e in expected["directives"]]
    d_units = [(d.text, (d.body, d.unit_id)) for d in result.directives]
    wanted_d_units = [(e["contains"], (e["body"], _unit(finder, e.get("unit")))) for e in expected["directives"]]
    return {"items": _match(items, wanted_items, name, "问题"), "units": _match(units, wanted_units, name, "单位"),
            "directives": _match(directives, wanted_dirs, name, "交办"),
            "directive_units": _match(d_units, wanted_d_units, name, "交办单位")}


def score_folder(folder: Path, finder: UnitFinder, rules: dict[str, Any], store: GraphStore | None,
                 **parse_options: Any) -> tuple[dict[str, Tally], list[str]]:
    """Every fixture of a part parsed and scored: the four tallies summed, and the documents whose kind (feedback,
    speech, comprehensive) was read otherwise than expected. The bench, the floors and the classifier's bench all
    score a part this way (``parse_options`` go to :func:`~loaders.text.parse.parse_document`)."""
    totals = {k: Tally() for k in ("items", "units", "directives", "directive_units")}
    wrong_kind = []
    for path in fixtures(folder):
        result = parse_document(read_document(path), finder, rules, store, **parse_options)
        expected = load_expected(path)
        for key, tally in score(result, expected, finder, path.name).items():
            totals[key].add(tally)
        if expected.get("kind") and expected["kind"] != result.doc_kind:
            wrong_kind.append(f"{path.name}：应为 {expected['kind']}，识别为 {result.doc_kind}")
    return totals, wrong_kind


def load_expected(document: Path) -> dict[str, Any]:
    return json.loads(expected_of(document).read_text("utf-8"))
