"""Precision, recall, thresholds and AUC of a score over labelled pairs (``same_problem``), for the repeat benches."""

from __future__ import annotations


def measure(rows: list[dict], sc: list[float], threshold: float) -> dict[str, float]:
    tp = sum(1 for r, s in zip(rows, sc, strict=True) if s >= threshold and r["same_problem"])
    fp = sum(1 for r, s in zip(rows, sc, strict=True) if s >= threshold and not r["same_problem"])
    fn = sum(1 for r, s in zip(rows, sc, strict=True) if s < threshold and r["same_problem"])
    p = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    return {"P": p, "R": rc, "F1": f1, "TP": tp, "FP": fp, "FN": fn}


def best_threshold(rows: list[dict], sc: list[float]) -> float:
    """The development threshold with the best F1; among equals the highest (fewest pairs flagged)."""
    candidates = sorted(set(sc)) or [0.5]
    return max(candidates, key=lambda t: (round(measure(rows, sc, t)["F1"], 9), t))


def precision_at_recall(rows: list[dict], sc: list[float], recall: float = 0.90) -> float:
    """The best precision of any threshold that still finds ``recall`` of the same-problem pairs."""
    best = 0.0
    for t in set(sc):
        m = measure(rows, sc, t)
        if m["R"] >= recall - 1e-12:
            best = max(best, m["P"])
    return best


def auc(rows: list[dict], sc: list[float]) -> float:
    pos = [s for r, s in zip(rows, sc, strict=True) if r["same_problem"]]
    neg = [s for r, s in zip(rows, sc, strict=True) if not r["same_problem"]]
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg)) if pos and neg else 0.5
