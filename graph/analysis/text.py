"""How alike two Chinese problem descriptions are, and why.

Inspection reports describe the same problem in different words from round to
round ("白条抵库" / "以白条抵顶库存现金"), and describe different problems in the
same stock phrases ("……管理不规范"). Measured on labelled pairs (see the closing
note of the analyses issue), character n-grams alone separate them poorly
(best F1 ≈ 0.90); two additions close the gap, both kept as editable data in
``lexicon.json``:

* a **concept lexicon**: phrasings of one problem map to one concept token
  (刷抖音 / 玩手机 / 短视频 → 玩手机), which carries most of the weight;
* a **boilerplate list**: stock words (不规范, 不到位, 存在…) are removed before
  n-grams are taken, so "X管理不规范" and "Y管理不规范" no longer look alike.

What remains is TF-IDF over concept tokens and character bigrams with cosine
similarity. Numbers are dropped: "3笔" and "12笔" describe the same problem.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

CONCEPT_WEIGHT = 3.0  # concept tokens outweigh bigrams: measured best of 1, 2, 3 on the sample
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_NON_WORD = re.compile(r"[^\w]+|_")


@dataclass(frozen=True)
class Lexicon:
    concept_of: dict[str, str]
    phrase_pattern: re.Pattern[str]
    boilerplate_pattern: re.Pattern[str]


def _alternation(phrases: Iterable[str]) -> re.Pattern[str]:
    """Longest phrase first, so 未及时入账 wins over 入账."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return re.compile("|".join(re.escape(p) for p in ordered))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = json.loads(resources.files("graph.analysis").joinpath("lexicon.json").read_text("utf-8"))
    concept_of = {unicodedata.normalize("NFKC", variant): concept
                  for concept, variants in data["concepts"].items() for variant in variants}
    return Lexicon(concept_of, _alternation(concept_of), _alternation(data["boilerplate"]))


@dataclass(frozen=True)
class Analysed:
    """A text reduced to what distinguishes one problem from another."""

    concepts: tuple[str, ...]
    residue: str  # the words left after concepts and boilerplate are taken out

    def features(self) -> Counter[str]:
        feats: Counter[str] = Counter("@" + c for c in self.concepts)
        for piece in self.residue.split():
            feats.update(piece[i:i + 2] for i in range(len(piece) - 1))
        return feats


def analyse(text: str, *, concepts: bool = True, boilerplate: bool = True) -> Analysed:
    """Concepts found and the residue, for scoring and for evidence.

    ``concepts``/``boilerplate`` switch the lexicon's two parts off, for the
    benchmark that measures what each contributes.

    >>> analyse("以白条抵顶库存现金，现金使用超出限额").concepts
    ('白条', '库存现金', '库存现金')
    """
    lex = load_lexicon()
    t = _NUMBER.sub(" ", unicodedata.normalize("NFKC", text))
    found: list[str] = []

    def take(match: re.Match[str]) -> str:
        found.append(lex.concept_of[match.group(0)])
        return " "

    if concepts:
        t = lex.phrase_pattern.sub(take, t)
    if boilerplate:
        t = lex.boilerplate_pattern.sub(" ", t)
    return Analysed(tuple(found), " ".join(_NON_WORD.sub(" ", t).split()))


Vector = dict[str, float]


class Vectoriser:
    """TF-IDF over a corpus (all issues in the store), so rare shared words count more."""

    def __init__(self, texts: Iterable[str], *, concepts: bool = True, boilerplate: bool = True) -> None:
        self.analysed = [analyse(t, concepts=concepts, boilerplate=boilerplate) for t in texts]
        feats = [a.features() for a in self.analysed]
        df: Counter[str] = Counter()
        for f in feats:
            df.update(f.keys())
        n = len(feats)
        self.idf = {k: math.log((1 + n) / (1 + d)) + 1.0 for k, d in df.items()}
        self.vectors = [self._weigh(f) for f in feats]

    def _weigh(self, feats: Counter[str]) -> Vector:
        v = {k: (CONCEPT_WEIGHT if k[0] == "@" else 1.0) * (1 + math.log(c)) * self.idf[k] for k, c in feats.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {k: x / norm for k, x in v.items()}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(k, 0.0) for k, x in a.items())


def shared_phrases(a: Analysed, b: Analysed, *, limit: int = 6) -> list[str]:
    """What two descriptions have in common, as a reader would point at it.

    >>> shared_phrases(analyse("库存现金超限额且白条抵库"), analyse("以白条抵顶库存现金"))
    ['库存现金', '白条']
    """
    out: list[str] = []
    for concept in a.concepts:
        if concept in b.concepts and concept not in out:
            out.append(concept)
    matcher = SequenceMatcher(None, a.residue, b.residue, autojunk=False)
    for block in matcher.get_matching_blocks():
        piece = a.residue[block.a:block.a + block.size].strip()
        if len(piece) >= 2 and " " not in piece and piece not in out:
            out.append(piece)
    return out[:limit]
