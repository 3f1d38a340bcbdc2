"""What a request is about when it names no unit: the problems it shares content words with.

Content words are the bigrams of its Chinese text, less the stock words any request shares with any problem
(``link_stock_words`` of ``text_rules.json``: 巡察, 整改, 落实…) and any bigram across a particle (的问, 现的).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from loaders.text.asking import COUNTED
from loaders.text.model import ParsedItem
from loaders.text.units import UnitFinder, name_endings

FUNCTION = set("的了和与及或对在是把将为等中")


@lru_cache(maxsize=65536)
def _bigrams(text: str) -> frozenset[str]:
    clean = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return frozenset(clean[i:i + 2] for i in range(len(clean) - 1))


def _stock(words: list[str]) -> frozenset[str]:
    """Bigrams any request shares with any problem (巡察, 整改, 落实…): no evidence of what it is about."""
    return frozenset().union(*(_bigrams(w) for w in words)) if words else frozenset()


def _content(text: str, stock: frozenset[str]) -> frozenset[str]:
    """A text's bigrams that may say what it is about: not stock words, not across a particle (的问, 现的)."""
    return frozenset(b for b in _bigrams(text) - stock if not any(c in FUNCTION for c in b))


def counted_links(finder: UnitFinder, stock: frozenset[str], request: str, items: list[ParsedItem],
                  first: int | None, paragraph: int, n: int) -> list[int]:
    """The items of distinct units a request counting them (两家医院, 两个群团组织) is about: the best linked one,
    then those of other units sharing most content words with the request, as many as the count says — or,
    when the count names a kind (三家医院) and the document found problems at just so many units of it, those."""
    counted = COUNTED.search(request)  # called only for a request that counts units (units_counted > 1)
    noun = counted.group(2) if counted else None  # 三家医院: units of that kind (…医院, …保健院)
    if noun:  # 两个单位: units of any kind, each township or department once (its villages left to it)
        kind: dict[str, int] = {}
        ends = name_endings(noun)  # 两乡镇: townships whichever their ending
        for i, it in enumerate(items):
            if it.paragraph <= paragraph and it.unit_id and (
                    noun in ("单位", "部门") or (it.unit_name or "").endswith(ends)):
                kind.setdefault(it.unit_id, i)
        kind = {u: i for u, i in kind.items() if not any(finder.is_parent(o, u) for o in kind)}
        departments = {u: i for u, i in kind.items() if finder.kind(u) == "county_department"}
        if noun == "部门" and len(departments) == n:  # 两个部门 beside a township inspected with them: the bureaus
            return list(departments.values())
        if len(kind) == n:
            return list(kind.values())
    words = _content(request, stock)
    scored = sorted(((len(words & _bigrams(it.text)), -i, i) for i, it in enumerate(items)
                     if it.paragraph <= paragraph and it.unit_id and i != first), reverse=True)
    if first is None:
        return []
    out, units = [first], {items[first].unit_id}
    for score, _, i in scored:
        if len(out) == n or score < 1:
            break
        if items[i].unit_id not in units and (not noun or noun in ("单位", "部门") or (
                items[i].unit_name or "").endswith(noun[-1])):
            out.append(i)
            units.add(items[i].unit_id)
    return out if len(out) == n else [first]


def same_sentence(items: list[ParsedItem], index: int) -> list[int]:
    """The items one sentence gave for each unit it names with one problem (县A、县B合计拖欠…), the linked one
    first: a request about that problem is about each of them (one directive per unit)."""
    it = items[index]
    return [index, *(i for i, o in enumerate(items) if i != index and o.paragraph == it.paragraph
                     and o.text == it.text and o.unit_id and o.unit_id != it.unit_id)]


LISTED_TOPIC = re.compile(r"对([^，。；]{4,60}?)(?:等)?(?:方面的)?(?:问题|线索)")


def listed_links(request: str, link: Callable[[str], int | None], items: list[ParsedItem]) -> list[int]:
    """The items a request about several listed problems (对A、B问题开展…) is about, one per problem, when they
    lie at two or more units (the first item of each unit); else []."""
    m = LISTED_TOPIC.search(request)
    pieces = [p for p in re.split(r"、|和|及", m.group(1)) if len(p) >= 3] if m else []
    if len(pieces) < 2:
        return []
    linked = [link(p) for p in pieces]
    found = [i for i in linked if i is not None]
    if len(found) < len(linked):
        return []
    by_unit: dict[str, int] = {}
    for i in found:
        uid = items[i].unit_id
        if uid:
            by_unit.setdefault(uid, i)
    return list(by_unit.values()) if len(by_unit) > 1 else []
