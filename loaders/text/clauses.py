"""Cutting a problem text into problems: where its sentences, ；-clauses or ，-clauses turn to another unit or
state a problem of their own (``A不到位；B不严。``, ``X局…，Y村…``, ``A不严，以及B流于形式``), and a
``存在A、B等问题`` listing several.

A clause states a problem when it holds a problem cue or pattern of ``text_rules.json``. The cuts are the office's
ways of listing: a ；/。 between clauses each stating a problem; a ；-clause stating a problem after a ；-clause long
enough to be a list entry of its own (the entry before told without a problem word: ``村干部亲属承接村内工程；
合作社账目混乱``); a ，-clause opening with another unit's name; a ，-clause adding a problem by a word that says
so (``以及``, ``此外``). Two ，-clauses that each state a problem are otherwise one problem: writers set a problem
and its detail side by side far more often than two problems (measured on every development part).
"""

from __future__ import annotations

import re

from loaders.text.cues import has_cue
from loaders.text.items import Context, Walker
from loaders.text.segments import INVOLVED_TAIL
from loaders.text.units import REDACTED

SEGMENT = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")


def segment_groups(walker: Walker, problem: str, bound: list[tuple[str, str]],
                   contexts: list[Context], split: bool = True) -> list[tuple[str, str, str]]:
    """(text, the requirement cut from its sentences, its clauses that state a problem or name a unit) of each
    problem in a text, cut where its sentences (or ；-clauses) turn to other units — ``X村…。Y村…。`` or
    ``X局…；XX村…`` are two problems, and so is a sentence whose own requirement names a unit (``…，县X局要…``) —
    and, when ``split``, where a sentence or ；-clause states a problem of its own after one that did (``A不到位；
    B不严。`` are two) or after a ；-clause long enough to be a list entry, or a ，-clause adds one (``，以及…``).
    A clause naming no unit and stating nothing stays with the one before it (the first ones with the first that
    names one — but one stating its own problem does not join the next that turns to a unit, ``split`` or not: under
    a problem heading, ``A不到位；Y村…`` is the heading unit's problem and Y村's); a short sentence summing up the
    clauses after it opens the first of them."""
    groups: list[list] = []  # [text, key, bound, states a problem of its own, core]
    clauses = [(k == 0 or own_cut, c) for m in SEGMENT.finditer(problem)
               for k, (own_cut, c) in enumerate(_cut_clauses(walker, m.group()))]
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
        village_turn = bool(groups and named and OWN_BODY.match(groups[-1][0].strip())) and all(
            walker.finder.kind(u.unit_id) == "village" for u in named)
        fresh = (split and opens and own and bool(groups) and (groups[-1][3] or _listed_before(groups[-1][0]) or (
            groups[-1][1] is not None and ADDING.match(seg.strip())))  # X村…问题比较典型。还有，…: said to be another
                 and (village_turn or not _summary(groups[-1][0], groups)))
        if groups and not fresh and (key is None or key == groups[-1][1]):
            last = groups[-1]
            groups[-1] = [last[0] + seg, last[1], last[2] + told, last[3] or own, last[4] + core]
        elif groups and groups[-1][1] is None and not fresh and (INVOLVED_TAIL.match(seg) or not (
                opens and groups[-1][3] and not _summary(groups[-1][0], groups))):  # 。涉及村：A村、B村。
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
    return has_cue(text, walker.cues) or any(p.search(text) for p in walker.patterns)


LISTED = re.compile(r"存在([^，。；]{12,120}?)等(?:方面的)?(?:问题|情况|现象)")


def listed(walker: Walker, text: str) -> list[str]:
    """A problem listing several problems of its subject (X存在A不高、B不充分以及C不到位等问题, X存在A拨付迟缓、
    B联动不够等问题): one text per problem, each with the subject, when at least two of them state a problem of
    their own (two only when each is long enough to have its own subject); else the text."""
    m = LISTED.search(text)
    if m is None:
        return [text]
    parts = [p for p in re.split(r"、|以及|及", m.group(1)) if p]
    stating = sum(states(walker, p) for p in parts)
    if len(parts) < 2 or min(map(len, parts)) < 4 or stating < 2 or (len(parts) == 2 and min(map(len, parts)) < 8):
        return [text]  # two short ones (A、B等问题) may be one problem said twice; two long ones are two
    head, tail = text[: m.start(1)], text[m.end(1):]
    return [head + p + tail for p in parts]


def reports(walker: Walker, text: str) -> bool:
    """Whether a text introduces or reports (主要有以下几个方面, 反馈如下, 已移交)."""
    return any(re.search(rf"(?<!未)(?<!没有){re.escape(w)}(?!不|滞后|迟缓|缓慢)", text)  # 账目移交不清 states one
               for w in walker.rules["report_cues"])


# what was done without the step it needed (未经…, 未按程序报批): a finding, never a title
SKIPPED_STEP = re.compile(r"未经|擅自|私自|未按(?:程序|规定程序)")


# a sentence whose subject is a township's own body (镇农经站对村级财务审核走过场。A村…): told before a village's
# finding, that body's own failing, not a summary of the villages' (before its own further findings, it may be one)
OWN_BODY = re.compile(r"^(?:镇|乡|街道)(?![村里民长])[\u4e00-\u9fff]{0,6}?(?:纪委|纪工委|党委|党工委|政府|站|所|中心)")


def _summary(text: str, groups: list[list]) -> bool:
    """Whether the first group is a short sentence summing up the clauses after it (X存在短板。A；B。): it opens
    the first of them rather than standing as an item alone. One sentence only: a category lead-in with its first
    finding (巡察整改方面。A流于形式。B未经核实即销号。) sums nothing up; nor does an act that skipped a step
    (方案未经村民会议表决。B长期不在岗。): a title judges (不到位, 滞后), a finding tells what was done."""
    text = re.sub(r"^\s*(?:首先|其次|再次|另外|此外|最后|同时|第[一二三四五六七八九十]+)[，,]", "", text)  # 首先，A不深入。
    return (len(groups) == 1 and text.rstrip().endswith(("。", "：", ":")) and len(text) <= 30
            and "。" not in text.rstrip()[:-1] and not SKIPPED_STEP.search(text)
            and not re.search(r"\d", text)  # a figure (出借资金38万元) makes it a finding, not a summary
            and not _acts_listed(text)
            and (not re.search(r"[，,]", text.rstrip()[:-1])  # …没修订，有的议题先办后议。: a finding set out
                 or bool(re.search(r"(?:等|方面的?)(?:问题|情况|现象|不足)[。：:]$|(?:短板|差距|风险)[。：:]$",
                                   text.rstrip()))
                 or bool(re.match(r"^(?!在)[^，,。]{2,16}(?:的事情?|的问题|的情况|方面)[，,]", text.strip()))))  # X的事情，…


def _acts_listed(text: str) -> bool:
    """Whether a short sentence sets particular acts side by side (人员长期不上班、照领补贴。): a finding, not a
    summary — unless it ends on a word that sums up (虚假整改、敷衍整改问题仍有发生。, 选人、用人有薄弱环节。)."""
    body = text.strip().rstrip("。：:")
    return "、" in body and not re.search(r"(?:问题|现象|情况|环节|短板|差距|不足|弱项|漏洞|风险)[^、]{0,6}$", body)


def _unit_clauses(walker: Walker, sentence: str) -> list[str]:
    """A sentence cut before each ，-clause that opens with a unit's name and states a problem of its own
    (X村、Y村集体经济薄弱，Z村存在优亲厚友问题)."""
    def stated(text: str) -> bool:
        return has_cue(text, walker.cues) or any(p.search(text) for p in walker.patterns)

    cuts = [m.start for m in walker.finder.mentions(sentence)
            if m.start > 0 and sentence[m.start - 1] in "，," and not walker.is_body(m.form)]
    parts: list[str] = []
    for a, b in zip([0, *cuts], [*cuts, len(sentence)], strict=True):
        if parts and not (stated(parts[-1]) and stated(sentence[a:b])):
            parts[-1] += sentence[a:b]
        else:
            parts.append(sentence[a:b])
    return parts


# a ，-clause that only elaborates the one before it (其中…, 涉及…, 导致…, 个别…, 且…), or reports a figure
ELABORATION = re.compile(r"^(?:其中|个别|部分|有的|一些|少数|涉及|导致|造成|致使|使得?|出现|发生|形成|引发|影响|且|并|而|但|"
                         r"甚至|特别是|尤其|从而|以致|仅|共|合计|累计|金额|平均|占|这|此|该|均|都|也|即|就是|主要|有\d)")
CLAUSE_MIN = 10  # a clause shorter than this (审减率偏低, 管理不规范) qualifies the one before it
# …不严，以及…流于形式 / …已经指出，但抽查发现…: a further problem, said so (a new finding after 但…发现)
FOUND_AGAIN = r"但(?:是)?[^，。；]{0,10}?发现"
# 既有X的问题，也有Y的问题: the second half of a pair names a problem of its own
BOTH = r"也有(?=[^，。；]{4,}?的(?:问题|情况|现象))"
ADDING = re.compile(rf"^(?:以及|此外|另外|还有|{FOUND_AGAIN}|{BOTH})")
ADDED = re.compile(rf"[，,](?:以及|此外|另外|还有|{FOUND_AGAIN}|{BOTH})")


def _own_problem(walker: Walker, clause: str) -> bool:
    """Whether a ，-clause is a problem of its own: it states one, is long enough to have its own subject, reports
    no figure and does not elaborate the clause before it."""
    body = re.sub(rf"^(?:以及|及|和|还有|还|同时|另外|此外|{FOUND_AGAIN}|{BOTH})", "", clause.strip())
    return (len(body) >= CLAUSE_MIN and not re.search(r"\d", body) and not ELABORATION.match(body)
            and states(walker, body) and not re.match(r"^[^，。；]{0,6}(?:要|须|必须|应当)", body))


def _comma_clauses(text: str) -> list[str]:
    """A text cut after each ， outside quotes and brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += 1 if ch in "“（(《「" else -1 if ch in "”）)》」" else 0
        if ch in "，," and depth <= 0:
            parts.append(text[start:i + 1])
            start = i + 1
    return [*parts, text[start:]] if text[start:] else parts


def _cut_clauses(walker: Walker, sentence: str) -> list[tuple[bool, str]]:
    """(whether it opens a problem of its own, text) of a sentence's pieces: cut before each ，-clause opening with
    another unit (:func:`_unit_clauses`) and before each ，-clause adding a problem of its own by a word that says
    so after one stating a problem (…审核把关不严，以及社会组织年检流于形式)."""
    out: list[tuple[bool, str]] = []
    for piece in _unit_clauses(walker, sentence):
        if not ADDED.search(piece):
            out.append((False, piece))
            continue
        parts = _comma_clauses(piece)
        current = parts[0] if parts else piece
        opened = False
        for part in parts[1:]:
            if ADDING.match(part) and states(walker, current) and _own_problem(walker, part):
                out.append((opened, current))
                current, opened = part, True
            else:
                current += part
        out.append((opened, current))
    return out


def _listed_before(text: str) -> bool:
    """Whether a group ends a ；-clause long enough to be a list entry (村干部亲属承接村内小型工程；…): the next
    ；-clause stating a problem is the next entry even when this one used no problem word."""
    return (text.rstrip().endswith(("；", ";")) and len(text.strip()) >= CLAUSE_MIN
            and not INSPECTION_WORK.search(text))  # 巡察组走访…，查阅…；发现…: how it was found, not an entry


# what the inspection itself did (走访, 查阅, 抽查…): the lead-in of what it found, never a finding
INSPECTION_WORK = re.compile(r"巡察组|巡察中|走访|查阅|调阅|抽查了|座谈|个别谈话|听取|问卷")
