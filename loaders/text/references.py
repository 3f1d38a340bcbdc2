"""A request that cites the problems it is about by their labels (底稿03、底稿06：建议移交…; 问题2、问题5：请…;
线索1：…; 编号NC-06-02线索建议…): the items whose text, or whose paragraph, opens with those labels, each one
directive."""

from __future__ import annotations

import re
from collections.abc import Callable

from loaders.text.model import ParsedItem
from loaders.text.segments import CN, FORMAL, STEMS, _value, leading_marker

LABEL = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{1,4}?)[第]?(\d{1,3})(?![\d.．])")
# a code (NC-06-02, A-3, ZJ01): letters, then numbers joined by dashes
CODE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{1,4}[-－]?\d{1,3}(?:[-－]\d{1,3})*)(?![\d\-－])")
OPENING = re.compile(r"^(?:编号|序号|线索编号|问题编号)?[：:]?\s*")


def _opens(text: str, label: re.Pattern[str]) -> bool:
    opening = OPENING.match(text)  # all optional: it always matches, perhaps the empty string
    return bool(label.match(text) or label.match(text[opening.end() if opening else 0:]))


def cited_items(before: str, items: list[ParsedItem], paragraph: Callable[[int], str] | None = None) -> list[int]:
    """The indexes of the items ``before`` (the words ahead of the body) cites by label, in its order; [] when it
    cites none, or cites a label no item (nor the paragraph of one, read by ``paragraph``) opens with."""
    out: list[int] = []
    cited = [(m.start(), re.compile(rf"^{re.escape(m.group(1))}0*{int(m.group(2))}[：:、.．，,\s]"), False)
             for m in LABEL.finditer(before)]
    cited += [(m.start(), re.compile(rf"^{re.escape(m.group(1))}(?![\d])"), True) for m in CODE.finditer(before)]
    for _, label, code in sorted(cited, key=lambda c: c[0]):  # a code may open the paragraph rather than the item
        hit = next((i for i, it in enumerate(items) if label.match(it.text) or (
            code and paragraph is not None and _opens(paragraph(it.paragraph), label))), None)
        if hit is None:
            return []
        out.append(hit)
    return out


# an ordinal citing an entry by its number (第（伍）件, 第3项, 第二条问题), bracketed or not, in any numeral family;
# or several entries by their numbers joined (第1、4件, 第2和第5项)
_NUMBER = rf"(?:\d{{1,3}}|[{CN}]{{1,3}}|[{FORMAL}]{{1,3}}|[{STEMS}])"
ORDINAL_CITED = re.compile(rf"第\s*([（(]?)({_NUMBER}(?:[)）]?\s*(?:[、，,]|和|及|与)\s*第?[（(]?{_NUMBER})*)[)）]?\s*"
                           r"(?:件|项|条|个(?=问题|线索))")  # 第二个要求 cites nothing


def cited_ordinals(before: str, items: list[ParsedItem], paragraph: Callable[[int], str]) -> list[int]:
    """The items a request's own ；-clause cites by their paragraphs' numbers (…；第（伍）件同时抄送县委组织部，请其…:
    the item of the paragraph numbered （伍）), the nearest before it of the same bracketing; [] when one cited is
    found at no item."""
    out: list[int] = []
    for m in ORDINAL_CITED.finditer(re.split(r"[；;]", before)[-1]):
        bracketed = bool(m.group(1))
        for token in re.findall(_NUMBER, m.group(2)):
            n = _value(token)
            hit = [i for i, it in enumerate(items) if leading_marker(paragraph(it.paragraph))[1] == n
                   and paragraph(it.paragraph).lstrip().startswith(("（", "(")) == bracketed]
            if not hit:
                return []
            out.append(hit[-1])
    return out


# a further ，-clause of a request citing entries of its own (…依规处置，对第3、4项问题一并核查)
FURTHER_CITING = re.compile(r"^(?:对|就|将)?第")


def request_ordinals(rest: str, items: list[ParsedItem], paragraph: Callable[[int], str]) -> list[int]:
    """The items a request cites by number in its own words (请对第1、3项线索依规处置): its first clause, and each
    further ，-clause that opens by citing entries of its own (…，对第4项问题一并核查: one request over both clauses,
    about the units of every entry cited); [] when one cited is found at no item."""
    clauses = re.split(r"[，,；;。]", rest) if rest else [""]
    out: list[int] = []
    for k, clause in enumerate(clauses):
        if k and not FURTHER_CITING.match(clause):
            continue
        cited = cited_ordinals(clause, items, paragraph)
        if not cited and (k == 0 or ORDINAL_CITED.search(clause)):
            return out if k else []
        out += [i for i in cited if i not in out]
    return out
