"""Strangers: how often a method calls two *different* problems of one category the same — at the rate it meets them.

The labelled parts are half same-problem pairs, and their different-problem pairs are hard on purpose (one object,
one set of stock words, another fault). The pairs the repeats recompute scores are not like that: at one unit, every
issue of a later round meets every issue of an earlier round in the same top category, and most of those are plainly
unrelated problems (the sample of scale 1: 4,174 candidate pairs, 280 of them repeats, about 7 %). A precision on
the labelled parts therefore says little about a recompute: what matters there is how rarely a method flags two
unrelated problems.

So each part gets a **stranger part**: for every pair, one text of it against one text of each of ``PER`` other pairs
of the same category and part (drawn with a fixed seed), labelled different. A writer wrote each pair about one
problem and moved on to another, so two pairs of one category are almost always about different problems (a few
may touch the same one, which makes these figures a little pessimistic): a stranger pair shares the category and
its stock words but not, in general, the object. The
table gives, per method at its development threshold, the share of stranger pairs flagged, and the precision that
share and the part's recall would give at the recompute's base rate (:data:`BASE_RATE` repeats among candidates).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable

from bench.pair_metrics import auc, measure

PER = 2
SEED = 0
BASE_RATE = 0.07  # repeats among a recompute's candidate pairs (the sample of scale 1: 280 of 4,174)


def name(part: str) -> str:
    return f"{part}:陌生对"


def cross_pairs(rows: list[dict], per: int = PER, seed: int = SEED) -> list[dict]:
    """Stranger pairs of a part: a text of each pair against a text of ``per`` other pairs of its category."""
    rng = random.Random(seed)
    by_category: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_category[r["category"]].append(i)
    out = []
    for i, r in enumerate(rows):
        others = [j for j in by_category[r["category"]] if j != i]
        for j in rng.sample(others, min(per, len(others))):
            a = r["text_a"] if rng.random() < 0.5 else r["text_b"]
            b = rows[j]["text_b"] if rng.random() < 0.5 else rows[j]["text_a"]
            if a != b:
                out.append({"id": f"{r['id']}×{rows[j]['id']}", "category": r["category"], "text_a": a, "text_b": b,
                            "same_problem": False})
    return out


def separation(rows: list[dict], scores: list[float], strangers: list[float]) -> float:
    """AUC of a part's repeats against the stranger pairs: how well the score tells them apart, at any threshold."""
    pos = [(r, s) for r, s in zip(rows, scores, strict=True) if r["same_problem"]]
    return auc([r for r, _ in pos] + [{"same_problem": False}] * len(strangers), [s for _, s in pos] + strangers)


def at_base_rate(recall: float, false_alarm: float, rate: float = BASE_RATE) -> float:
    """Precision when ``rate`` of the scored pairs are repeats, found with ``recall``, and the rest are strangers
    flagged at ``false_alarm``."""
    found = recall * rate
    return found / (found + false_alarm * (1 - rate)) if found + false_alarm else 1.0


def print_false_alarms(data: dict[str, list[dict]], scores: dict[str, dict[str, list[float]]],
                       lines: list[tuple[str, str, float]], parts: list[str], pad: Callable[[str, int], str]) -> None:
    """One line per (label, score key, threshold): per labelled part, the stranger pairs flagged, the precision
    at the recompute's base rate, and how well the score separates the part's repeats from strangers (AUC)."""
    print(f"\n  陌生对误报（同一类别、不同句对的两段文字，视为不同问题；每对配 {PER} 个；开发集陌生对由全开发集拟合者打分，"
          f"其文字训练时见过）、按重复率 {BASE_RATE:.0%} 折算的准确率，及重复对与陌生对的区分度（AUC，与阈值无关）：")
    print("  " + pad("方法", 40) + pad("阈值", 8)
          + "".join(pad(f"{p}：误报率 / 折算P / AUC（陌生对 {len(data[name(p)])}）", 50) for p in parts))
    for label, key, threshold in lines:
        cells = []
        for part in parts:
            strangers = scores[name(part)][key]
            alarm = sum(s >= threshold for s in strangers) / len(strangers) if strangers else 0.0
            precision = at_base_rate(measure(data[part], scores[part][key], threshold)["R"], alarm)
            auc = separation(data[part], scores[part][key], strangers)
            cells.append(pad(f"{alarm:>6.3f} / {precision:.3f} / {auc:.3f}", 50))
        print("  " + pad(label, 40) + f"{threshold:<8.3f}" + "".join(cells))
