"""A learned second opinion beside the rules: "is this clause a problem item?".

The rules know layouts; each unseen writer brings new ones and costs recall. This is a character 1–3-gram logistic
regression (hashed features, numpy, fixed seed) trained on the annotated development parts by
``bench/report_text_classifier.py`` (positives: the clauses holding an expected item's ``contains``; negatives: the
other clauses), shipped as ``clause_weights.npz`` beside this module — nothing is downloaded. It is used after the
rules (:func:`second_opinion`): a clause the rules left out becomes an item when the model is confident
(``admit``), and a rule's item none of whose clauses the model finds problem-like is dropped (``veto``). The
thresholds live in ``text_rules.json`` (``clause_classifier``); a threshold of null turns that use off.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from loaders.text import categories
from loaders.text.model import ParsedDirective, ParsedItem
from loaders.text.readers import Block
from loaders.text.tables import problem_column
from loaders.text.units import Resolved
from loaders.text.walker_view import WalkerView

DIM = 1 << 15
WEIGHTS = Path(__file__).with_name("clause_weights.npz")
CLAUSE = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")
DIGITS = re.compile(r"[0-9０-９]+(?:\.[0-9]+)?")


def clauses(text: str) -> list[tuple[int, str]]:
    """The clauses of a paragraph (cut at 。；！？) with their offsets, blank ones left out."""
    return [(m.start(), m.group()) for m in CLAUSE.finditer(text) if m.group().strip(" 。；;！？!?")]


def features(text: str) -> np.ndarray:
    """Hashed character 1–3-grams of a clause (numbers folded to 0, so 3 户 and 12 户 are one feature); crc32 keeps
    the hashing the same from run to run, unlike ``hash``."""
    t = DIGITS.sub("0", text.strip())
    grams = {t[i:i + n] for n in (1, 2, 3) for i in range(len(t) - n + 1)}
    return np.unique(np.array([zlib.crc32(g.encode("utf-8")) % DIM for g in grams] or [0], dtype=np.int64))


@dataclass(frozen=True)
class ClauseModel:
    weights: np.ndarray
    bias: float

    def prob(self, text: str) -> float:
        idx = features(text)
        z = float(self.weights[idx].sum()) / np.sqrt(len(idx)) + self.bias
        return float(1.0 / (1.0 + np.exp(-z)))

    def save(self, path: Path) -> None:
        np.savez_compressed(path, weights=self.weights.astype(np.float32), bias=np.float32(self.bias))


def train(texts: list[str], labels: list[int], epochs: int = 300, l2: float = 1e-4, rate: float = 0.5,
          seed: int = 7) -> ClauseModel:
    """Full-batch gradient descent with Adam on the hashed features (each row scaled to unit length), the classes
    weighted to balance; deterministic for a given seed (the seed only orders the rows)."""
    order = np.random.default_rng(seed).permutation(len(texts))
    rows, cols = [], []
    for r, k in enumerate(order):
        idx = features(texts[k])
        rows.append(np.full(len(idx), r))
        cols.append(idx)
    row, col = np.concatenate(rows), np.concatenate(cols)
    scale = 1.0 / np.sqrt(np.bincount(row, minlength=len(texts)).astype(float))
    val = scale[row]
    y = np.array([labels[k] for k in order], dtype=float)
    pos = max(y.sum(), 1.0)
    weight = np.where(y > 0, len(y) / (2 * pos), len(y) / (2 * max(len(y) - pos, 1.0)))
    w, b = np.zeros(DIM), 0.0
    m, v, mb, vb = np.zeros(DIM), np.zeros(DIM), 0.0, 0.0
    for t in range(1, epochs + 1):
        z = np.bincount(row, weights=val * w[col], minlength=len(y)) + b
        p = 1.0 / (1.0 + np.exp(-z))
        resid = weight * (p - y) / len(y)
        g = np.bincount(col, weights=val * resid[row], minlength=DIM) + l2 * w
        gb = float(resid.sum())
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb * gb
        w -= rate * 0.01 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
        b -= rate * 0.01 * (mb / (1 - 0.9 ** t)) / (np.sqrt(vb / (1 - 0.999 ** t)) + 1e-8)
    return ClauseModel(w, b)


@lru_cache(maxsize=1)
def shipped() -> ClauseModel | None:
    """The model shipped beside this module (None when no weights file is there)."""
    if not WEIGHTS.exists():
        return None
    with np.load(WEIGHTS) as data:
        return ClauseModel(data["weights"].astype(float), float(data["bias"]))


def labelled_clauses(blocks: list[Block], expected: list[str]) -> list[tuple[str, int]]:
    """(clause, 1 if it holds an expected item's phrase else 0) for every clause of a document — the training rows."""
    rows = []
    for block in blocks:
        for _, clause in clauses(block.text):
            core = clause.strip(" 。；;！？!?")
            rows.append((clause, int(any(e in clause or (len(core) >= 6 and core in e) for e in expected))))
    return rows


def _listed_with(items: list[ParsedItem], index: int, passed: set[int]) -> bool:
    """Whether an item is an entry of an inline list (一是…；二是…) in a paragraph whose other entries the model
    keeps: the list's form says it is one of them, whatever its short words look like (三是基层党组织建设薄弱。)."""
    it = items[index]
    return it.form == "一是" and sum(1 for i in passed if items[i].paragraph == it.paragraph
                                    and items[i].form == it.form) >= 2


# a run-in category label opening an item's paragraph (（四）巡察整改方面。上轮…, or 领导班子建设方面，A；B。 with a comma):
# the document files it as a finding
CATEGORY_LABEL = re.compile(r"^[^，。；：:]{2,20}方面[。：:，,](?=[^。；]{4,})")


def second_opinion(model: ClauseModel | None, settings: dict[str, Any] | None, walker: WalkerView, blocks: list[Block],
                   items: list[ParsedItem], directives: list[ParsedDirective]
                   ) -> tuple[list[ParsedItem], list[ParsedDirective]]:
    """The rules' items after the model's veto, and the clauses it admits (each at the unit it names, else the unit
    of the item before it), with the directives' item indexes kept pointing at the same items."""
    if model is None or not settings:
        return items, directives
    veto, admit = settings.get("veto"), settings.get("admit")
    kept = list(range(len(items)))
    if veto is not None:
        passed = {i for i in kept if max((model.prob(c) for _, c in clauses(items[i].text)), default=0.0) >= veto}
        kept = [i for i in kept if i in passed or _listed_with(items, i, passed) or CATEGORY_LABEL.match(items[i].text)]
    new_index = {old: new for new, old in enumerate(kept)}
    directives = [d.model_copy(update={"item_index": new_index.get(d.item_index)}) if d.item_index is not None
                  else d for d in directives]
    out = [items[i] for i in kept]
    if admit is None:
        return out, directives
    taken: dict[int, list[str]] = {}
    for it in items:
        taken.setdefault(it.paragraph, []).append(it.text)
    for d in directives:
        taken.setdefault(d.paragraph, []).append(d.text)
    admitted: list[ParsedItem] = []
    last: ParsedItem | None = None
    by_paragraph = {it.paragraph: it for it in out}
    for block in blocks:
        last = by_paragraph.get(block.number, last)
        if block.heading or block.bold or (block.in_table and (not block.header or problem_column(block.header)
                                                                is not None)):  # titles, and tables read by header
            continue
        for _, clause in clauses(block.text):
            core = clause.strip(" 。；;！？!?")
            if len(core) < 6 or any(core in t or t.strip("。；") in core for t in taken.get(block.number, [])):
                continue
            p = model.prob(clause)
            if p < admit:
                continue
            named = [u for u in walker.named_units(core, []) if u is not None]
            units: list[Resolved | None] = [*named] or (
                [walker.finder.resolve(last.unit_name)] if last and last.unit_name else [None])
            rule = "文中点名" if named else (f"承接上一条的单位：{last.unit_name}" if last and last.unit_name
                                             else "文中未写明单位")
            category, top_category, category_reason = categories.suggest(core, None, walker.rules)
            for unit in units:
                admitted.append(ParsedItem(
                    paragraph=block.number, text=core + "。", form="模型补充",
                    unit_id=unit.unit_id if unit else None, unit_name=unit.name if unit else None, unit_rule=rule,
                    category=category, top_category=top_category, category_reason=category_reason,
                    confidence=round(min(max(0.3 * p, 0.05), 0.6), 2),
                    reasons=[f"规则未识别，句子分类模型判断为问题（概率 {p:.2f}）", rule]))
    return out + admitted, directives
