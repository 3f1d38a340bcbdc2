"""Held-out precision and recall of the 类案 text scoring (一案三改 review, ``_similar``).

Scores the hand-written pairs in ``tests/data/similar_cases/`` (see the README
there): for each part (dev, test) a Vectoriser is built over all texts of that
part, as ``_similar`` builds one over the issues it compares, each pair is
scored with cosine, and a pair counts as found when its score reaches
``similar_threshold`` from ``graph/reviews/case_review.json``. Printed once with
the concept lexicon on (as shipped) and once with it off, dev and test side by
side.

Unlike bench/quality.py these pairs were written without the generator's or the
lexicon's phrasing in view, so they are the honest figure. The test part is for
scoring only: tune on dev, never on test.

Usage: python bench/similar_holdout.py
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.analysis.text import Vectoriser, cosine  # noqa: E402
from graph.reviews.rules import load_rules  # noqa: E402

DATA = ROOT / "tests" / "data" / "similar_cases"
PARTS = ("dev", "test")


def load(part: str) -> list[dict]:
    rows = [json.loads(line) for line in (DATA / f"{part}.jsonl").read_text("utf-8").splitlines() if line.strip()]
    for r in rows:  # the split rule of the README: pair number n goes to dev when n mod 5 is 1 or 3
        n = int(r["id"][1:])
        if (n % 5 in (1, 3)) != (part == "dev"):
            raise SystemExit(f"{r['id']} is in {part}.jsonl against the split rule")
    return rows


def scores(rows: list[dict], *, concepts: bool) -> list[float]:
    texts = [t for r in rows for t in (r["text_a"], r["text_b"])]
    vec = Vectoriser(texts, concepts=concepts)
    return [cosine(vec.vectors[2 * i], vec.vectors[2 * i + 1]) for i in range(len(rows))]


def measure(rows: list[dict], sc: list[float], threshold: float) -> dict[str, float]:
    tp = sum(1 for r, s in zip(rows, sc, strict=True) if s >= threshold and r["same_problem"])
    fp = sum(1 for r, s in zip(rows, sc, strict=True) if s >= threshold and not r["same_problem"])
    fn = sum(1 for r, s in zip(rows, sc, strict=True) if s < threshold and r["same_problem"])
    p = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    return {"P": p, "R": rc, "F1": f1, "TP": tp, "FP": fp, "FN": fn}


def _pad(text: str, width: int) -> str:
    """Left-align to a display width: CJK characters take two columns."""
    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - shown, 0)


def main() -> None:
    threshold = float(load_rules("case_review")["similar_threshold"])
    data = {part: load(part) for part in PARTS}
    print(f"类案文本评分，手写留出集（tests/data/similar_cases），阈值 similar_threshold = {threshold}")
    for part in PARTS:
        rows = data[part]
        pos = sum(r["same_problem"] for r in rows)
        cats = len({r["category"] for r in rows})
        print(f"  {part:<5} {len(rows):>4} 对：同一问题 {pos}，不同问题 {len(rows) - pos}，类别 {cats} 个")
    print()
    print("  " + _pad("", 10) + "".join(f"{'── ' + part + ' ──':<32}" for part in PARTS))
    print("  " + _pad("方法", 10) + "".join(f"{'P':>6} {'R':>6} {'F1':>6} {'TP/FP/FN':>11}  " for _ in PARTS))
    for label, concepts in (("词表开", True), ("词表关", False)):
        cells = []
        for part in PARTS:
            m = measure(data[part], scores(data[part], concepts=concepts), threshold)
            counts = f"{m['TP']}/{m['FP']}/{m['FN']}"
            cells.append(f"{m['P']:>6.3f} {m['R']:>6.3f} {m['F1']:>6.3f} {counts:>11}  ")
        print("  " + _pad(label, 10) + "".join(cells))
    print("\n  dev 可用于调参；test 只许打分，调参时不得查看其内容或逐对得分。")


if __name__ == "__main__":
    main()
