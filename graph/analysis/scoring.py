"""The repeat score's settings, its plain meaning (高/中/低 置信度) and the dev-fitted combination.

``graph/analysis/repeat_scoring.json`` holds the threshold a pair must reach to
become a ``REPEATS`` edge and the confidence bands shown with it; a county
overrides keys with ``var/repeat_scoring.json`` (load_rules), e.g. after
labelling its own pairs. ``fit_logistic`` is the combination that
``bench/similar_holdout.py`` fits on the development part of the held-out pairs
(a logistic regression over the methods' cosines).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from graph.reviews.rules import load_rules


def scoring_rules(data_dir: Path | None = None) -> dict[str, Any]:
    return load_rules("repeat_scoring", data_dir, package="graph.analysis")


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


def fit_logistic(xs: Sequence[Sequence[float]], ys: Sequence[bool], *, l2: float = 0.01,
                 steps: int = 4000, rate: float = 0.5) -> tuple[list[float], float]:
    """Weights (≥0) and bias by gradient descent on the log loss (a handful of features, a few hundred pairs).

    Weights are kept non-negative: a model that found "less alike = more likely the same problem" on a
    small adversarial sample would flag every unrelated pair at a unit.
    """
    k = len(xs[0])
    w, b = [0.0] * k, 0.0
    n = len(xs)
    for _ in range(steps):
        gw, gb = [l2 * x for x in w], 0.0
        for x, y in zip(xs, ys, strict=True):
            err = sigmoid(b + sum(wi * xi for wi, xi in zip(w, x, strict=True))) - float(y)
            gb += err / n
            for i in range(k):
                gw[i] += err * x[i] / n
        # similarity may only raise the odds: a method's weight is never negative (projected gradient)
        w = [max(0.0, wi - rate * g) for wi, g in zip(w, gw, strict=True)]
        b -= rate * gb
    return w, b


BAND_MEANING = {"高": "措辞和要点高度一致，可直接认定", "中": "要点部分一致，建议人工核对",
                "低": "仅少量要点一致，须人工确认"}


def band(score: float, rules: dict[str, Any]) -> str:
    """高/中/低 置信度 of a repeat score, by the bands of repeat_scoring.json."""
    bands = rules["bands"]
    if score >= bands["high"]:
        return "高"
    if score >= bands["medium"]:
        return "中"
    return "低"
