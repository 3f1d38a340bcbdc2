"""A small trained head over the frozen e5 vectors: "is this the same problem, told again?" (issue 13).

Every other method is unsupervised: it says how alike two texts are, and alike is not "the same problem"
(two problems of one category share subject and stock words; one problem told twice may share almost
nothing). This head learns, from labelled pairs, which differences matter. It is a logistic regression
(numpy only) over features of a pair ``(a, b)``:

* :data:`BASE` scalars: e5 cosine of the whole texts, e5 cosine of what differs (``sent_diff`` of
  :mod:`graph.analysis.methods_sent`), character and word Jaccard overlap, the share of the
  texts that differs, and whether nothing differs;
* the :data:`~graph.analysis.methods_pair.SIDE` features (what each side has of its own) and the
  :data:`~graph.analysis.methods_pair.STACKED` scores of the unsupervised methods, from
  :mod:`graph.analysis.methods_pair`;
* ``du * dv`` and ``|du - dv|`` of the e5 vectors ``du``, ``dv`` of what differs (each block scaled
  to unit mean norm): a weight per dimension, i.e. a learned diagonal metric on top of ``sent_diff``.

Both texts play the same part, so the score of ``(a, b)`` is the score of ``(b, a)``. The stacked scores take
the category's stock words from the batch scored together, so a batch of pairs is scored at once (with the
pairs' categories). The weights are fitted by ``bench/repeat_head_train.py`` from pairs it may learn from (the
development pairs of ``tests/data/similar_cases``, every development file; never the test part, never the sample's second
phrasing source) and shipped as ``repeat_head.npz`` (a few kilobytes, deterministic: no random start, Newton
steps); the ``how`` stored beside the weights says how they were made. Nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from graph.analysis.methods import WordMethod, normalise
from graph.analysis.methods_pair import SIDE, STACKED, side_features, stacked_scores
from graph.analysis.methods_sent import differing, embed

BASE = ("cos_whole", "cos_diff", "char_jaccard", "word_jaccard", "diff_share", "nothing_differs")
SCALARS = BASE + SIDE + STACKED
BLOCKS = ("prod", "absdiff")
SHIPPED = "repeat_head.npz"


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def pair_features(pairs: Sequence[tuple[str, str]], vectors: Callable[[list[str]], Any] = embed,
                  categories: Sequence[str] | None = None) -> Any:
    """One row per pair: the :data:`SCALARS`, then the ``du * dv`` and ``|du - dv|`` blocks (384 each).

    ``vectors`` maps texts to unit e5 rows (``embed`` by default; a caller may pass a cached one).
    ``categories`` (one per pair, both texts belong to it) group the batch's texts for the stacked
    scores' stock words; without them all pairs count as one category.
    """
    import numpy as np

    cutter = WordMethod()
    diffs = [differing(a, b) for a, b in pairs]
    parts = [(da, db) if da and db else (a, b) for (a, b), (da, db) in zip(pairs, diffs, strict=True)]
    wholes = vectors([t for p in pairs for t in p]) if pairs else np.zeros((0, 384), np.float32)
    sides = vectors([t for p in parts for t in p]) if pairs else np.zeros((0, 384), np.float32)
    u, v, du, dv = wholes[0::2], wholes[1::2], sides[0::2], sides[1::2]
    rows = []
    for i, ((a, b), (da, db)) in enumerate(zip(pairs, diffs, strict=True)):
        same = not da and not db
        ca, cb = set(normalise(a).replace(" ", "")), set(normalise(b).replace(" ", ""))
        wa, wb = set(cutter.words(a)), set(cutter.words(b))
        rows.append([float(u[i] @ v[i]), 1.0 if same else float(du[i] @ dv[i]), _jaccard(ca, cb),
                     _jaccard(wa, wb), (len(da) + len(db)) / max(len(a) + len(b), 1), float(same)])
    cats = list(categories) if categories is not None else [""] * len(pairs)
    return np.hstack([np.asarray(rows, dtype=np.float64).reshape(len(pairs), len(BASE)),
                      side_features(pairs, vectors), stacked_scores(pairs, cats),
                      (du * dv).astype(np.float64), np.abs(du - dv).astype(np.float64)])


@dataclass(frozen=True)
class Head:
    """A fitted head: how features are scaled, the weights, the bias (probability = sigmoid) and the
    threshold chosen for it on cross-validated dev scores (0.5 until one is chosen)."""

    mean: Any
    scale: Any
    weights: Any
    bias: float
    threshold: float = 0.5

    def score(self, features: Any) -> Any:
        import numpy as np

        z = ((features - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -60, 60)))

    def save(self, path: Any, how: str) -> None:
        """Write the weights with ``how`` (the command and data that made them) beside them."""
        import numpy as np

        np.savez_compressed(path, mean=self.mean, scale=self.scale, weights=self.weights,
                            bias=np.array(self.bias), threshold=np.array(self.threshold), how=np.array(how))


def fit_head(features: Any, labels: Sequence[bool], *, l2_blocks: float, l2_scalars: float = 0.1,
             weights: Sequence[float] | None = None, use: Sequence[str] = SCALARS + BLOCKS,
             steps: int = 30) -> Head:
    """Logistic regression by Newton steps (deterministic), L2-penalised per part.

    Scalars are standardised; each vector block is divided by one number so that its rows have unit mean
    norm (per-dimension standardisation on a few hundred pairs would blow up noise). A scalar or block
    left out of ``use`` gets zero weight. ``weights`` weigh the pairs (e.g. phrasebook pairs less than dev pairs).
    """
    import numpy as np

    x = np.asarray(features, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    sw = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=np.float64)
    k, d = len(SCALARS), (x.shape[1] - len(SCALARS)) // len(BLOCKS)
    mean = np.zeros(x.shape[1])
    scale = np.ones(x.shape[1])
    mean[:k] = x[:, :k].mean(axis=0)
    scale[:k] = np.maximum(x[:, :k].std(axis=0), 1e-6)
    penalty = np.full(x.shape[1] + 1, l2_scalars)
    penalty[-1] = 0.0  # the bias is not penalised
    keep = np.array([name in use for name in SCALARS] + [False] * (x.shape[1] - k))
    for j, name in enumerate(BLOCKS):
        cols = slice(k + j * d, k + (j + 1) * d)
        block = x[:, cols]
        mean[cols] = block.mean(axis=0)
        scale[cols] = max(float(np.sqrt(((block - mean[cols]) ** 2).sum(axis=1).mean())), 1e-9)
        penalty[cols] = l2_blocks
        keep[cols] = name in use
    z = np.hstack([(x - mean) / scale * keep, np.ones((len(y), 1))])
    beta = np.zeros(z.shape[1])
    total = sw.sum()
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -60, 60)))
        grad = z.T @ (sw * (p - y)) / total + penalty * beta
        hess = (z * (sw * p * (1 - p))[:, None]).T @ z / total + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if float(np.abs(step).max()) < 1e-10:
            break
    return Head(mean, scale, beta[:-1] * keep, float(beta[-1]))


@lru_cache(maxsize=1)
def shipped_head() -> Head:
    """The head shipped with the package (``repeat_head.npz``), read once per process."""
    import io

    import numpy as np

    data = np.load(io.BytesIO(files("graph.analysis").joinpath(SHIPPED).read_bytes()))
    return Head(data["mean"], data["scale"], data["weights"], float(data["bias"]), float(data["threshold"]))


@dataclass(frozen=True)
class HeadMethod:
    """The shipped head's probability that the two texts of a pair are the same problem."""

    name: str = "head"
    label: str = "e5 + 训练的判别头（逻辑回归）"

    def score(self, pairs: Sequence[tuple[str, str]], categories: Sequence[str] | None = None) -> list[float]:
        """The probability per pair, the pairs scored as one batch (see :func:`pair_features`)."""
        if not pairs:
            return []
        return [float(s) for s in shipped_head().score(pair_features(pairs, categories=categories))]
