"""Labelled pairs built from the phrasebook (``loaders/phrasebook.py``), for training the repeat head.

The phrasebook tells each planted problem type in three templates. Positives are two tellings of one
problem type (two templates, or one template with other figures); hard negatives are two problem types
of one category (all template combinations); a few easy negatives pair problem types of different
categories. Each pair gets, drawn from a fixed-seed stream, either no prefix, the same prefix on both
sides (shared boilerplate that must not make a repeat) or different prefixes (a unit, a round, a stock
opening that must not break one). Only the phrasebook is used: never ``loaders/sample/phrasings_b.json``
(it measures the lexicon and stays unseen), never the held-out pairs' test part.
"""

from __future__ import annotations

import random
from itertools import combinations

from loaders import phrasebook as pb

OPENINGS = ("经查，", "巡察发现，", "检查中发现", "本轮巡察发现", "上轮巡察指出", "反馈问题：", "存在问题：", "")
ROUNDS = ("2021年第一轮巡察", "2022年第二轮巡察", "2023年第三轮巡察", "县委第四轮巡察", "本次专项检查")
SEED = 20261206


def _fill(template: str, rng: random.Random) -> str:
    return template.format(n=rng.randint(2, 30), amt=round(rng.uniform(1, 90), 1), yr=rng.randint(2018, 2024))


def _prefix(rng: random.Random) -> str:
    unit = rng.choice(pb.COUNTY_DEPARTMENTS + tuple(f"{a}{b}村" for a in pb.PLACE_A[:8] for b in pb.PLACE_B[:4]))
    return rng.choice((f"{unit}", f"{rng.choice(ROUNDS)}发现{unit}", f"{unit}{rng.choice(OPENINGS)}",
                       rng.choice(OPENINGS)))


def _dress(a: str, b: str, rng: random.Random) -> tuple[str, str]:
    style = rng.randrange(3)
    if style == 0:
        return a, b
    if style == 1:
        p = _prefix(rng)
        return p + a, p + b
    return _prefix(rng) + a, _prefix(rng) + b


def phrasebook_pairs(seed: int = SEED) -> list[tuple[str, str, bool, str]]:
    """(text_a, text_b, same problem, category of text_a) pairs from the phrasebook, deterministic for a seed."""
    rng = random.Random(seed)
    out: list[tuple[str, str, bool]] = []
    for p in pb.PROBLEM_TYPES:
        for s, t in combinations(p.templates, 2):
            out.append((*_dress(_fill(s, rng), _fill(t, rng), rng), True, p.category))
        t = rng.choice(p.templates)
        out.append((*_dress(_fill(t, rng), _fill(t, rng), rng), True, p.category))
    by_cat: dict[str, list[pb.ProblemType]] = {}
    for p in pb.PROBLEM_TYPES:
        by_cat.setdefault(p.category, []).append(p)
    for kinds in by_cat.values():
        for p, q in combinations(kinds, 2):
            for s in p.templates:
                for t in q.templates:
                    out.append((*_dress(_fill(s, rng), _fill(t, rng), rng), False, p.category))
    for p in pb.PROBLEM_TYPES:
        others = [q for q in pb.PROBLEM_TYPES if q.category != p.category]
        for q in rng.sample(others, 2):
            out.append((*_dress(_fill(rng.choice(p.templates), rng), _fill(rng.choice(q.templates), rng), rng), False,
                        p.category))
    return out
