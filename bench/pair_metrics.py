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


def best_f1_threshold(labels: list[bool], scores: list[float]) -> float:
    """The score with the best F1 when pairs at or above it are flagged; among equals the highest (fewest flagged).

    One sweep down the sorted scores (a threshold per distinct score), so a thousand pairs cost no more than sorting."""
    positives = sum(bool(y) for y in labels)
    ranked = sorted(zip(scores, labels, strict=True), key=lambda sy: -sy[0])
    best, tp, i = (-1.0, 0.5), 0, 0
    while i < len(ranked):
        t = ranked[i][0]
        while i < len(ranked) and ranked[i][0] == t:
            tp += bool(ranked[i][1])
            i += 1
        f1 = 2 * tp / (i + positives) if tp else 0.0
        best = max(best, (round(f1, 9), float(t)))
    return best[1]


def best_threshold(rows: list[dict], sc: list[float]) -> float:
    """The development threshold with the best F1 over labelled rows (:func:`best_f1_threshold`)."""
    return best_f1_threshold([bool(r["same_problem"]) for r in rows], sc)


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
