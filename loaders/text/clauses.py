"""Cutting a problem text into problems: where its sentences, ；-clauses or ，-clauses turn to another unit or
state a problem of their own (``A不到位；B不严。``, ``X局…，Y村…``, ``A不严，B管理混乱``), and a ``存在A、B等问题``
listing several.

A clause that states a problem is one holding a problem cue or pattern of ``text_rules.json``. The cuts are the
office's ways of listing: a ；/。 between clauses each stating a problem; a ，-clause opening with another unit's
name; a ，-clause standing as a problem of its own (its own subject, no figures, not an elaboration such as
``其中…``, ``涉及…``, ``导致…``); a ；-clause stating a problem after a clause that states none (the list's first
item, told without a problem word).
"""

from __future__ import annotations

import re

from loaders.text.items import Context, Walker
from loaders.text.units import REDACTED

SEGMENT = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")


def segment_groups(walker: Walker, problem: str, bound: list[tuple[str, str]],
                   contexts: list[Context], split: bool = True) -> list[tuple[str, str, str]]:
    """(text, the requirement cut from its sentences, its clauses that state a problem or name a unit) of each
    problem in a text, cut where its sentences (or ；-clauses) turn to other units — ``X村…。Y村…。`` or
    ``X局…；XX村…`` are two problems, and so is a sentence whose own requirement names a unit (``…，县X局要…``) —
    and, when ``split``, where a sentence or ；-clause states a problem of its own after one that did (``A不到位；
    B不严。`` are two). A clause naming no unit and stating nothing stays with the one before it (the first ones
    with the first that names one); a short sentence summing up the clauses after it opens the first of them."""
    groups: list[list] = []  # [text, key, bound, states a problem of its own, core]
    clauses = [(k == 0, c) for m in SEGMENT.finditer(problem) for k, c in enumerate(_unit_clauses(walker, m.group()))]
    for opens, seg in clauses:
        told = next((b for sentence, b in bound if sentence.endswith(seg.strip())), "")
        named = walker.named_units(seg, contexts) or walker.named_units(told, contexts)[:1]
        red = REDACTED.search(seg)
        key = frozenset(u.unit_id or u.name for u in named) or (red.group() if red else None)
        own = states(walker, seg)
        if not groups and not own and key is None and reports(walker, seg) and len(clauses) > 1:
            problem = problem.replace(seg, "", 1)
            continue  # 累计移交问题线索50件。比如，X局…: the report before the problems is none of them
        core = seg if own or key is not None else ""
        fresh = (split and opens and own and bool(groups) and groups[-1][3]
                 and not _summary(groups[-1][0], groups))
        if groups and not fresh and (key is None or key == groups[-1][1]):
            last = groups[-1]
            groups[-1] = [last[0] + seg, last[1], last[2] + told, last[3] or own, last[4] + core]
        elif groups and groups[-1][1] is None and not fresh and not (
                split and opens and groups[-1][3] and not _summary(groups[-1][0], groups)):
            last = groups[-1]
            groups[-1] = [last[0] + seg, key, last[2] + told, last[3] or own, last[4] + core]
        else:
            groups.append([seg, key, told, own, core])
    if not groups:
        return [(problem, "".join(b for _, b in bound), problem)]
    if len(groups) == 1 and groups[0][0] == problem:
        return [(problem, "".join(b for _, b in bound), groups[0][4] or problem)]
    return [(g[0].strip().rstrip("，,；;"), g[2], g[4]) for g in groups]


def states(walker: Walker, text: str) -> bool:
    """Whether a clause states a problem of its own (a problem cue, or a problem pattern)."""
    return any(c in text for c in walker.cues) or any(p.search(text) for p in walker.patterns)


LISTED = re.compile(r"存在([^，。；]{12,120}?)等(?:方面的)?(?:问题|情况|现象)")


def listed(walker: Walker, text: str) -> list[str]:
    """A problem listing several problems of its subject (X存在A不高、B不充分以及C不到位等问题): one text per
    problem, each with the subject, when at least two of them state a problem of their own; else the text."""
    m = LISTED.search(text)
    if m is None:
        return [text]
    parts = [p for p in re.split(r"、|以及|及", m.group(1)) if p]
    if len(parts) < 3 or min(map(len, parts)) < 4 or sum(states(walker, p) for p in parts) < 2:
        return [text]
    head, tail = text[: m.start(1)], text[m.end(1):]
    return [head + p + tail for p in parts]


def reports(walker: Walker, text: str) -> bool:
    """Whether a text introduces or reports (主要有以下几个方面, 反馈如下, 已移交)."""
    return any(w in text for w in walker.rules["report_cues"])


def _summary(text: str, groups: list[list]) -> bool:
    """Whether the first group is a short sentence summing up the clauses after it (X存在短板。A；B。): it opens
    the first of them rather than standing as an item alone."""
    return (len(groups) == 1 and text.rstrip().endswith(("。", "：", ":")) and len(text) <= 30
            and not re.search(r"\d", text)  # a figure (出借资金38万元) makes it a finding, not a summary
            and (not re.search(r"[，,]", text.rstrip()[:-1])  # …没修订，有的议题先办后议。: a finding set out
                 or bool(re.search(r"(?:等|方面的?)(?:问题|情况|现象|不足)[。：:]$|(?:短板|差距|风险)[。：:]$",
                                   text.rstrip()))
                 or bool(re.match(r"^[^，,。]{2,16}(?:的事情?|的问题|的情况|方面)[，,]", text.strip()))))  # X的事情，…


def _unit_clauses(walker: Walker, sentence: str) -> list[str]:
    """A sentence cut before each ，-clause that opens with a unit's name and states a problem of its own
    (X村、Y村集体经济薄弱，Z村存在优亲厚友问题)."""
    def stated(text: str) -> bool:
        return any(c in text for c in walker.cues) or any(p.search(text) for p in walker.patterns)

    cuts = [m.start for m in walker.finder.mentions(sentence)
            if m.start > 0 and sentence[m.start - 1] in "，," and not walker.is_body(m.form)]
    parts: list[str] = []
    for a, b in zip([0, *cuts], [*cuts, len(sentence)], strict=True):
        if parts and not (stated(parts[-1]) and stated(sentence[a:b])):
            parts[-1] += sentence[a:b]
        else:
            parts.append(sentence[a:b])
    return parts
