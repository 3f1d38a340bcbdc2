"""Cutting paragraphs into candidate items: the ways offices list problems.

* a paragraph numbered at its start — ``一、``/``Ⅰ、`` (level 1), ``（一）``/``㈠``/``一）``/``A.`` (2), ``1.``/``1、``/
  ``1）`` and the labelled or counted families ``问题1：``, ``【线索一】``, ``第1项，``, ``其二，`` (3), ``（1）``/``①``/
  ``⑴``/``(a)``/``a.`` (4), a bullet (●, ◇, ★, √, ——, - , * …), a spoken ordinal (``头一个，``, ``再一个，``) or a label
  (``存在问题：``, ``【问题表现】``) (5), a label of the document's own numbering its paragraphs with 1, 2…
  (``检查发现1：``, :func:`label_families`), or a Word auto-numbered list paragraph — is one candidate, or a heading
  when it is short, has no full stop, and the paragraphs under it go deeper;
* an inline enumeration — ``一是…。二是…。``, ``一则…二则…``, ``（一）…；（二）…``, ``：1.…；2.…``, ``⑴…⑵…``,
  ``a)…b)…``, any labelled family (``问题1：…问题2：…``, ``表现一：…表现二：…``: the same word each time),
  ``头一个…再一个…``, ``一个是…再一个是…`` — is one candidate per ordinal, the ordinals counted from one in order
  (``统一是`` or a stray ``（三）`` is not an enumeration; a paragraph opening ``第一，…。第二，…`` is such a list, not a
  numbered paragraph);
* ``关于X：`` or ``X：`` before the text names the unit the candidates are about;
* ``一要…二要…`` lists requirements, never problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN = "一二三四五六七八九十"
FORMAL = "壹贰叁肆伍陆柒捌玖拾"  # the formal numerals of a letter or a contract (（壹）…（贰）…)
STEMS = "甲乙丙丁戊己庚辛壬癸"  # the heavenly stems, an ordinal family of their own (甲、…乙、…)
_CN_VALUE = {c: i for i, c in enumerate(CN, 1)}


def cn_number(text: str) -> int:
    """1–99 written in Chinese numerals.

    >>> cn_number("三"), cn_number("十"), cn_number("十五"), cn_number("二十一")
    (3, 10, 15, 21)
    """
    if "十" not in text:
        return _CN_VALUE.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_CN_VALUE.get(tens, 0) if tens else 1) * 10 + (_CN_VALUE.get(ones, 0) if ones else 0)


OPEN, CLOSE = "[〔［\\[〈《<｛{]", "[〕］\\]〉》>｝}]"  # the bracket pairs besides （…） and 【…】
LEADING = (
    (1, re.compile(rf"^([{CN}]+)[、.．]\s*")),
    (2, re.compile(rf"^[（(]([{CN}]+)[)）]\s*")),
    (3, re.compile(r"^(\d{1,2})[.．、](?!\d)\s*")),
    (4, re.compile(r"^[（(](\d{1,2})[)）]\s*")),
    (4, re.compile(r"^([①-⑳])\s*")),
    # any other bracket pair around an ordinal (〔1〕, ［1］, 〈1〉, 〔一〕, ［一］): a family of its own
    (2, re.compile(rf"^{OPEN}([{CN}]{{1,3}}){CLOSE}\s*")),
    (4, re.compile(rf"^{OPEN}(\d{{1,2}}){CLOSE}\s*")),
    (3, re.compile(r"^([⒈-⒛])\s*")),
    # the other typeset ordinals: Ⅰ、 (1), ㈠ 一) (2), ⑴ (a) a. (4)
    (1, re.compile(r"^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])[、.．]?\s*")),
    (2, re.compile(r"^([㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩])\s*")),
    (2, re.compile(rf"^([{CN}]{{1,2}})[)）]\s*")),
    # the formal numerals (壹、 （壹）) and the stems (甲、 （甲）): families like 一、 and （一）
    (1, re.compile(rf"^([{FORMAL}]{{1,2}})[、.．]\s*")),
    (2, re.compile(rf"^[（(]([{FORMAL}]{{1,2}}|[{STEMS}])[)）]\s*")),
    (3, re.compile(rf"^([{STEMS}])[、.．]\s*")),
    (4, re.compile(r"^([⑴-⒇])\s*")),
    (4, re.compile(r"^[（(]([a-h])[)）]\s*")),
    (4, re.compile(r"^([a-h])[.．、)）]\s*")),
    (5, re.compile(r"^([●○■□◆◇▲►•▪★☆√✓✔※➢➤▶])\s*")),  # a bullet: a list item without an ordinal
    (5, re.compile(r"^([-–*＊])\s+")),  # a dash or star bullet (- 县X局…)
    (5, re.compile(r"^(——|—)\s*")),  # ——县X局…
    # the label families: a letter section (A. …方面), 1）, a labelled number (问题1：, 线索二、, 【线索一】), a
    # counted one (第1项，第二个，其三，) and the spoken ones (头一个，再一个，还有一个，最后一个)
    (2, re.compile(r"^([A-HＡ-Ｈ])[.．、]\s*")),
    (3, re.compile(r"^(\d{1,2})[)）]\s*")),
    (3, re.compile(rf"^(?:问题|线索|事项|情形|任务|案例)\s*(\d{{1,2}}|[{CN}]{{1,3}})[：:、.．]\s*")),
    (3, re.compile(rf"^【[^】]{{0,6}}?(\d{{1,2}}|[{CN}]{{1,3}})】\s*")),
    (3, re.compile(rf"^第(\d{{1,2}}|[{CN}]{{1,3}})(?:(?:项|条|点|个|件事?|桩)(?:问题)?(?:是|[，,、：:])|[，,、：:])\s*")),
    (3, re.compile(rf"^其([{CN}])[，,、：:]\s*")),
    (5, re.compile(r"^(头一个|再一个|还有一个|另一个|最后一个|还有就是)(?:问题)?(?:是|[，,：:])?\s*")),
    (5, re.compile(r"^(问|提问)[：:]\s*")),  # 问：… of a question-and-answer record: the inspectors' finding asked
    (5, re.compile(r"^((?:存在的?|主要|发现的)?问题(?:表现|清单)?)[：:]\s*")),
    (5, re.compile(r"^【((?:存在的?|主要|发现的)?问题(?:表现|清单)?)】\s*")),  # 存在问题：… (beside 整改建议：…)
)
# families also written inline (第一，…。第二，…): at a paragraph's start they number it only when no inline list
# counted from one opens the paragraph
_ALSO_INLINE = ("第", "其", "头一个")
# the word enumerators: each family's words in order (一方面…另一方面, 首先…其次…再次)
WORD_ORDINALS = {"一方面": 1, "另一方面": 2, "首先": 1, "其次": 2, "再次": 3}
INLINE = (
    ("一是", re.compile(rf"([{CN}]{{1,2}})是")),
    ("第一，", re.compile(rf"第([{CN}]{{1,2}})[，,、]")),
    ("第一条", re.compile(rf"第([{CN}]{{1,2}})(?:条|点|个方面|件事?|桩)(?:是|[，,、：:])")),
    ("Ⅰ、", re.compile(r"([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])[、.．]?")),
    ("一）", re.compile(rf"(?<![（(])([{CN}]{{1,2}})[)）]")),
    ("甲、", re.compile(rf"([{STEMS}])[、.．]")),
    ("其一", re.compile(rf"其([{CN}])[，,、：:]")),
    ("一方面", re.compile(r"(另一方面|一方面)[，,]?")),
    ("首先", re.compile(r"(首先|其次|再次)[，,]?")),
    ("①", re.compile(r"([①-⑳])")),
    ("⑴", re.compile(r"([⑴-⒇])")),
    ("〔1〕", re.compile(rf"{OPEN}(\d{{1,2}}|[{CN}]{{1,3}}){CLOSE}")),
    ("一则", re.compile(rf"([{CN}]{{1,2}})(?:则|来)[，,]?")),
    ("a）", re.compile(r"[（(]?([a-h])[)）]")),
    ("（一）", re.compile(rf"[（(]([{CN}]{{1,2}}|[{FORMAL}]{{1,2}}|[{STEMS}])[)）]")),
    ("（1）", re.compile(r"[（(](\d{1,2})[)）]")),
    ("1.", re.compile(r"(\d{1,2})[.．、](?!\d)")),
    ("头一个", re.compile(rf"(头一个|第[{CN}]个|再一个|还有一个|另一个|最后一个|一个)(?:问题)?(?:是|[，,：:])")),
    # any labelled family (问题1：, 线索二、, 表现一：…表现二：): the label must be the same word each time
    ("问题1：", re.compile(rf"([\u4e00-\u9fff]{{1,4}}?)(\d{{1,2}}|[{CN}]{{1,3}})[：:、]")),
    ("1）", re.compile(r"(\d{1,2})[)）]")),
)
COMMA_OPENED = ("一是", "第一，", "第一条", "其一", "一方面", "首先", "头一个", "一则")  # 主要表现在，一是…
SPOKEN_FIRST = ("头一个", "第一个", "一个")  # the spoken family: the first, then any 再一个/还有一个/最后一个 in turn
REQUIREMENT_LIST = re.compile(rf"^[{CN}]要")
_BREAK = "：:。；;！!？?】"  # 【…方面】一是…: an ordinal right after a bracketed label opens a list too
ABOUT = re.compile(r"^关于([^：:，。；]{1,30})[：:。]")
ABOUT_HEADING = re.compile(r"^关于([^：:，。；]{1,30}?)(?:的问题|的情况|方面)?[：:]?$")
_CIRCLED = "".join(chr(c) for c in range(ord("①"), ord("⑳") + 1))
_TYPESET = ("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ", "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩", "".join(chr(c) for c in range(ord("⑴"), ord("⒇") + 1)),
            "".join(chr(c) for c in range(ord("⒈"), ord("⒛") + 1)), "abcdefgh")
_FORMAL_AS_CN = str.maketrans(FORMAL, CN)
_BULLETS = "●○■□◆◇▲►•▪★☆√✓✔※➢➤▶-–*＊—"


def _value(token: str) -> int:
    if token.isdecimal():  # not isdigit(): "①".isdigit() is True and int("①") fails
        return int(token)
    if token in _CIRCLED:
        return _CIRCLED.index(token) + 1
    for row in _TYPESET:
        if len(token) == 1 and token in row:
            return row.index(token) + 1
    if len(token) == 1 and token in STEMS:
        return STEMS.index(token) + 1
    if token and all(c in FORMAL for c in token):
        return cn_number(token.translate(_FORMAL_AS_CN))
    if token in WORD_ORDINALS:
        return WORD_ORDINALS[token]
    if token and token[0] in _BULLETS:
        return 0
    return cn_number(token)


def leading_marker(text: str) -> tuple[int | None, int, str]:
    """(level, ordinal, text without the marker) of a paragraph's own number, or (None, 0, text)."""
    for level, pattern in LEADING:
        m = pattern.match(text)
        if m and len(text) > m.end():
            pieces = inline_pieces(text)[1]
            if pieces and pieces[0].start <= m.end() and (text.startswith(_ALSO_INLINE) or len(pieces) >= 2):
                return None, 0, text  # 1.A。2.B。 in one paragraph: a list written inline, not a numbered paragraph
            return level, _value(m.group(1)), text[m.end():]
    return None, 0, text


LABELLED = re.compile(rf"^([\u4e00-\u9fff]{{1,4}}?)(\d{{1,2}}|[{CN}]{{1,3}})[：:、]\s*")


def label_families(texts: list[str]) -> set[str]:
    """The words that number a document's paragraphs as a family of their own (检查发现1：…, 检查发现2：…): a label
    no other marker accounts for, found with the ordinals 1 and 2 at the start of its paragraphs."""
    seen: dict[str, set[int]] = {}
    for text in texts:
        m = LABELLED.match(text)
        if m and leading_marker(text)[0] is None:
            seen.setdefault(m.group(1), set()).add(_value(m.group(2)))
    return {label for label, values in seen.items() if {1, 2} <= values}


@dataclass
class Piece:
    start: int  # offset in the paragraph's text
    text: str
    form: str


def inline_pieces(text: str) -> tuple[str, list[Piece]]:
    """(lead before the first ordinal, one piece per ordinal) for the first enumeration counted from one; else
    (text, [])."""
    best: tuple[int, str, list[tuple[int, int]]] | None = None
    for form, pattern in INLINE:
        marks: list[tuple[int, int]] = []  # (start of marker, end of marker)
        expected, label = 1, None
        for m in pattern.finditer(text):
            breaks = _BREAK + ("，," if form in COMMA_OPENED else "")  # 主要表现在，一是…
            if m.start() > 0 and text[m.start() - 1] not in breaks:
                continue
            value = _value(m.group(m.lastindex or 1)) if form != "头一个" else (
                1 if m.group(1) in SPOKEN_FIRST else expected if expected > 1 else 0)
            if value != expected or (m.lastindex == 2 and label not in (None, m.group(1))):
                continue
            label = m.group(1) if m.lastindex == 2 else None
            marks.append((m.start(), m.end()))
            expected += 1
        if len(marks) >= 2 or (len(marks) == 1 and form == "一是"):  # a lone 第一， or （一） lists nothing
            if best is None or marks[0][0] < best[2][0][0]:
                best = (0, form, marks)
    if best is None:
        return announced_pieces(text)
    _, form, marks = best
    pieces = []
    for i, (_, end) in enumerate(marks):
        stop = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        body = text[end:stop].strip().rstrip("；;，,")
        if body:
            pieces.append(Piece(end, body, form))
    return text[: marks[0][0]], pieces


ANNOUNCED_FORM = "：…；…"
# a clause announcing the problems listed after its colon (问题主要有三：, 具体有以下几个问题：, 主要表现为：), not
# what is asked or done (建议如下：, 整改措施：, 主要做法：)
ANNOUNCING = re.compile(r"(?:问题|表现|不足|情形|短板|漏洞|弱项|差距)[^，,。；;：:]{0,10}[：:]$"
                        # or a bare lead that says the detail follows (具体讲：, 主要是：, 集中表现在：)
                        r"|^\s*(?:具体|主要|集中|突出|概括|归纳|简要)(?:地|来|起来)?"
                        r"(?:讲|说|来说|而言|来看|看|是|有|表现为|表现在|体现为|体现在|反映在)?[：:]$")
NOT_ANNOUNCING = re.compile(r"建议|要求|措施|意见|做法|经验|成效|打算|计划|安排|情况如下|"
                            rf"[^有为在]\s*(?:\d{{1,2}}|[{CN}]{{1,3}})[：:]$")  # 表现一：… labels an entry


def announced_pieces(text: str) -> tuple[str, list[Piece]]:
    """(lead, one piece per ；-clause) of a list announced by a colon (…问题主要有三：A；B；C。): the office's
    unnumbered list, its entries cut at ；, up to the sentence's end (what follows stays with the last entry)."""
    for colon in re.finditer(r"[：:]", text):
        clause = re.split(r"[，,。；;！？]", text[: colon.end()])[-1]
        if not ANNOUNCING.search(clause) or NOT_ANNOUNCING.search(clause):
            continue
        stop = text.find("。", colon.end())
        stop = len(text) if stop < 0 else stop
        cuts, depth, start = [], 0, colon.end()
        for i in range(colon.end(), stop):
            depth += 1 if text[i] in "“（(《「" else -1 if text[i] in "”）)》」" else 0
            if text[i] in "；;" and depth <= 0:
                cuts.append((start, i))
                start = i + 1
        if len(cuts) < 1:
            cuts = _counted_commas(clause, text, colon.end(), stop)
            if not cuts:
                continue
            start = cuts.pop()[0]
        cuts.append((start, len(text)))
        pieces = [Piece(a, text[a:b].strip().rstrip("；;"), ANNOUNCED_FORM) for a, b in cuts]
        if min(len(p.text) for p in pieces) < 4:
            continue
        return text[: colon.end()], pieces
    return text, []


# the count a lead announces (问题主要在两个方面：, 问题有三：): as many entries follow
COUNTED_LEAD = re.compile(r"([两二三四五])(?:个|项|类|点|条)?(?:方面|问题|情形)?[：:]$")


def _counted_commas(clause: str, text: str, begin: int, stop: int) -> list[tuple[int, int]]:
    """The entries of a counted lead cut at its sentence's commas (问题主要在两个方面：A不到位，B规避招标。), when the
    commas outside quotes and brackets cut it into just as many as the lead counts; else none. The last cut is
    returned too, for the caller to reopen up to the text's end."""
    m = COUNTED_LEAD.search(clause)
    if m is None:
        return []
    depth, start, cuts = 0, begin, []
    for i in range(begin, stop):
        depth += 1 if text[i] in "“（(《「" else -1 if text[i] in "”）)》」" else 0
        if text[i] in "，," and depth <= 0:
            cuts.append((start, i))
            start = i + 1
    cuts.append((start, stop))
    return cuts if len(cuts) == "  两三四五".index(m.group(1).replace("二", "两")) else []


SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
# a speaker turning to a unit (X镇的问题要单独说一说。我再讲一讲…; 还要提一下，X村…): the 要 before it asks nothing
# of anyone
SPEAKER_TURNS = r"(?:单独|专门|再)?(?:说一?说|讲一?讲|谈一?谈|点一点|提一提|(?:说|讲|谈|点|提)一下)"
INVOLVED_TAIL = re.compile(r"^\s*[（(]?(?:问题)?(?:涉及|所涉|涉事)[^，。：:；]{0,8}[：:][^，。；]{2,80}[)）]?[。]?\s*$")


def sentences(text: str, offset: int = 0) -> list[tuple[int, str]]:
    """Sentences with their offsets (a sentence ends at 。！？). A sentence that only lists whom the one before it
    touches (…未经会议决定。涉及村：A村、B村。 / 涉及单位：…) stays with that sentence: it names the problem's units."""
    found: list[tuple[int, str]] = []
    for m in SENTENCE.finditer(text):
        if not m.group().strip():
            continue
        if found and INVOLVED_TAIL.match(m.group()):
            found[-1] = (found[-1][0], found[-1][1] + m.group())
            continue
        found.append((offset + m.start(), m.group()))
    return found


ENTRY_IS = re.compile(rf"^([{CN}]{{1,2}})是(?![否不非])")


def continued_entry(text: str, before: str) -> int:
    """Where the text of a paragraph opening the next entry of a 一是… list set one entry per paragraph begins
    (二是…, after a paragraph opening 一是…), else 0: each such paragraph is a list entry, as its first one is."""
    m, prev = ENTRY_IS.match(text), ENTRY_IS.match(before)
    if m is None or len(text) <= m.end():
        return 0
    if prev is not None and _value(m.group(1)) == _value(prev.group(1)) + 1:
        return m.end()
    last = last_entry(before)
    return m.end() if last and _value(m.group(1)) == last + 1 else 0


def continued_pieces(text: str, cut: int) -> list[tuple[int, str]]:
    """(start, text) of each entry a paragraph going on with a 一是… list holds (七是A。八是B。 after a paragraph
    ending on 六是…): the entries after its first are cut at their ordinals, as a list counted from one is."""
    m = ENTRY_IS.match(text)
    expected = _value(m.group(1)) + 1 if m else 0
    starts = [(0, cut)]
    for n in re.finditer(rf"([{CN}]{{1,2}})是(?![否不非])", text[cut:]):
        at = cut + n.start()
        if expected and text[at - 1] in _BREAK and _value(n.group(1)) == expected:
            starts.append((at, cut + n.end()))
            expected += 1
    ends = [at for at, _ in starts[1:]] + [len(text)]
    return [(body, text[body:end].strip().rstrip("；;，,")) for (_, body), end in zip(starts, ends, strict=True)]


def last_entry(text: str) -> int:
    """The number of the last entry of a 一是… list a paragraph holds after its lead (关于X：一是…。), else 0: the
    next paragraph opening 二是… goes on with that list (measured on a clerk's own form, H49)."""
    _, pieces = inline_pieces(text)
    return len(pieces) if pieces and pieces[0].form == "一是" else 0


# 一是看X，二是看Y: what an inspection looks at (its focus, listed before it starts or in its scope), not a finding,
# though it says no 是否 (focus_patterns): the list is told by its form — two or more entries opening on 看 (the verb:
# not the 看 of 看病, 看护, 看守 — 一是看病难问题突出 states a problem)
FOCUS_ENTRY = re.compile(r"[一二三四五六七八九十]是看(?!病|护|守)")


def focus_entry(paragraph: str, entry: str) -> bool:
    """Whether an inline list's entry is a focus of a list of 看 (一是看…落实，二是看…情况)."""
    return bool(re.match(r"看(?!病|护|守)", entry)) and len(FOCUS_ENTRY.findall(paragraph)) >= 2


def focus_rest(text: str) -> str:
    """The sentences after a list's last entry when it says what to look at (三是看…是否到位。从上轮看，X局…):
    what the writer goes on to find is no part of the entry, and may be a finding."""
    end = text.find("。")
    rest = text[end + 1:].strip() if end >= 0 else ""
    return rest if len(rest) >= 10 else ""
