"""Who a sentence asks: the bodies named in it (纪委监委, 组织部, 巡察机构, 派驻纪检监察组, 行业主管部门) and which of
them are addressed rather than mentioned. Kept apart from what a directive is about (``directives``).

A body named in a sentence is addressed when a request follows it at once (``县纪委监委要…``, ``县委巡察办、
县纪委监委派驻第五纪检监察组要…``, ``县教育局作为行业主管部门，要牵头…``) and nothing before it makes it the
receiver (``移交县纪委监委``, ``与巡察机构``). A unit the text marks as the 行业主管部门 (``作为…行业主管部门``,
``履行行业主管部门职责``) is that body by name; a county department that ``要牵头``/``要指导`` about a problem
found at another unit is one too. A receiver asked to act (``建议移交县纪委监委处置``, ``建议由/交由X…``), two bodies
joined by 和 before one request, and a body given its part after a request (``…，派驻纪检监察组给予指导``) are asked;
one body asked twice in a sentence makes two directives, and each ；-clause is a request with its own topic. The
patterns live in ``text_rules.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from loaders.text.asking import (
    ACTS_ON,
    ASKED_TO,
    ASKING,
    ASKING_OPENING,
    DIRECTED,
    HANDED,
    NARRATED_FRAME,
    REQUESTING,
    SUPPORTING,
    TOPIC_FIRST,
    asked_after_handing,
    done_by,
)
from loaders.text.items import Walker

NOT_ASKING = ("邀请", "聘请", "申请")  # 邀请县纪委监委…授课: invited to help the office, nothing asked of it
OWN_OFFICE = re.compile(r"[^，。；、]{2,10}?(?:室|科|股)(?=要|须|必须|应当|负责|牵头)")
# an entry of a list of requests (第一，A要…；第二，B要…；第四，C每半月通报…): a body opening a later entry is asked
# too, with or without its modal, once two entries before it asked theirs
ENTRY_MARK = r"(?:第[一二三四五六七八九十]{1,2}[，,、]|[一二三四五六七八九十]是)"
ENTRY_OPENING = re.compile(rf"(?:^|[；;])\s*{ENTRY_MARK}$")
ENTRY_ASKED = re.compile(rf"{ENTRY_MARK}[^；;。]{{2,24}}?(?:要|须|必须|应当)")
# 请X和Y局作为行业主管部门共同跟踪…: a body joined to another before 共同 is asked with it, whatever the other's part
JOINTLY = re.compile(r"^[和、及与][^，。；]{2,30}?共同(?![的体])")
# 请X局、Y局等行业主管部门…; also a list's entry (…；四是建议X局、Y局作为行业主管部门，…)
REGULATOR_NAMED = re.compile(rf"(?:^|[，,；;：:])(?:{ENTRY_MARK})?(?:建议|请)[^，。；]{{2,16}}?(?:作为|等)$")


@dataclass
class Span:
    start: int
    end: int
    body: str


class Addressing:
    """The bodies a sentence names, and whether each is asked to act (a request follows it) or only mentioned."""

    def __init__(self, walker: Walker, rules: dict[str, Any]) -> None:
        self.walker, self.rules = walker, rules
        self.patterns = [(body, re.compile(p)) for body, ps in rules["bodies"].items() for p in ps]
        verbs = "|".join(map(re.escape, rules["request_verbs"]))
        office = r"(?:第[一二三四五六七八九十\d]{1,3}[^，。；、]{1,8}?室)?"  # 县纪委监委第二监督检查室要…
        # Bodies listed with it (、县委组织部和县财政局要…): a name never holds the joining character, so each list
        # has one reading — with 和 allowed inside a name, a run of 和 had exponentially many and hung the parse.
        # …巡察组进驻后，要…: a time clause between the body and its modal (the body still the subject); so is 在…中
        # (各巡察组在下轮巡察中要…, 县纪委监委在日常监督中要…)
        when = r"(?:[^，。；、]{1,6}?(?:后|以后|期间)[，,]|在[^，。；、]{2,12}?(?:中|时|期间)[，,]?)?"
        self.request = re.compile(
            rf"^{office}(?:[、和及与][^，。；、和及与]{{1,20}}?)*(?:等(?:部门|单位))?[，,]?{when}(?:下一步|下步|今后|近期|随后|会后|同时|也|还|都){{0,2}}(?:{verbs})(?![求点件素案人示假销]|同志)")
        self.marks = [re.compile(p) for p in rules["regulator_marks"]]
        # a helper that is itself a supervisory body, listed or not (乡纪委, 镇纪委, 派驻组): not a unit inspected
        self.supervisory = re.compile("|".join(map(re.escape, rules["supervisory_words"])))
        self.commission = rules["body_unit_names"]["纪委监委"]  # the name before its stationed group's

    def spans(self, sentence: str) -> list[Span]:
        found = [Span(m.start(), m.end(), body) for body, p in self.patterns for m in p.finditer(sentence)]
        found.sort(key=lambda s: (s.start, -(s.end - s.start)))
        kept: list[Span] = []
        for s in found:
            if kept and s.start < kept[-1].end:
                continue
            kept.append(s)
        # 县纪委监委(派)驻卫健局纪检监察组: the commission names whose stationed group is meant (one span from it)
        out: list[Span] = []
        for s in kept:
            if out and out[-1].end == s.start:
                s = Span(out.pop().start, s.end, s.body)
            out.append(s)
        return out

    def bodies(self, text: str) -> list[str]:
        """The bodies a text names, in order."""
        return [s.body for s in self.spans(text)]

    def opens_on_body(self, text: str) -> bool:
        """Whether a text opens on a body (县纪委监委…, 县委组织部…, 各巡察组…), its county's name aside, or on a unit
        (县农业农村局作为行业主管部门，…: a regulator named first)."""
        first = next(iter(self.spans(text[:24])), None)
        if first is not None and not re.sub(r"各$", "", self._unprefixed(text[: first.start])):
            return True
        return any(m.start == 0 for m in self.walker.finder.mentions(text[:24]))

    def _unprefixed(self, before: str) -> str:
        county = self.walker.finder.county or "县"
        for tail in (county + "委", county, "县委", "县"):  # 移交宁川县委… / 移交县… / 建议县…
            if before.endswith(tail):
                return before[: -len(tail)]
        return before

    def addressed(self, sentence: str, span: Span) -> bool:
        office = OWN_OFFICE.match(sentence, span.end)  # 县纪委监委案件监督管理室要…: the body's own office is asked
        if office:
            sentence = sentence[: span.end] + sentence[office.end():]
        before = self._unprefixed(sentence[: span.start])
        if any(before.endswith(w) for w in NOT_ASKING):
            return False
        tail = sentence[self._chain_end(sentence, span.end):]  # 建议县纪委监委、驻X纪检监察组对…: asked with the next
        if span.body == "行业主管部门" and REGULATOR_NAMED.search(before) and (
                ASKED_TO.match(sentence[span.end:].lstrip("，,")) or self.request.match(sentence[span.end:].lstrip("，,"))):
            return True  # 建议县X管理部门作为行业主管部门，对…: asked, even when the department is no unit of the register
        if span.body == "派驻纪检监察组" and before.endswith(self.commission):  # 县纪委监委派驻第六纪检监察组: one name
            before = self._unprefixed(before[: -len(self.commission)])
        while before.endswith(("、", "和", "及", "与")):  # 建议县纪委监委、县委组织部约谈… (请A和B对…): what precedes
            # the first body of the chain
            prev = [s for s in self.spans(before[:-1]) if s.end == len(before) - 1]
            if not prev:
                break
            before = self._unprefixed(before[: prev[0].start])
        if before.endswith("由") and (re.match(r"^[^，。；]{0,12}?(?:牵头|负责|会同|对)", sentence[span.end:]) or (
                re.search(r"(?:建议|请|交|转)由$", before) and ASKED_TO.match(sentence[span.end:]))):
            return True  # 由县委组织部牵头，对…; 建议由县纪委监委对…; 建议由X进行处置: the body is asked to act
        asked = ASKED_TO.match(sentence[span.end:])
        if asked and re.search(r"(?:^|[：:，,；;])(?:并|并且)?(?:由|转|转交|移交|移送)$", before) and not done_by(
                sentence[span.end:]):  # 由X查处的案件: what it did
            return True  # 办理建议：由X核查 / …，由X督促… / …线索，移交X依规处置: who is to act, and how
        if re.search(r"(?:建议|请|要求)[：:]各?$", before) and asked:
            return True  # 巡察组建议：县委组织部会同… / 建议：各巡察组在…将…: the body the colon after 建议 opens on
        if re.search(r"(?:^|[，,；;：:])(?:建议|请)(?:移交|移送|转交)$", before) and (
                ASKED_TO.match(sentence[span.end:]) or not sentence[span.end:].strip("。；;，, ")):
            return True  # 建议移交县纪委监委(依纪依法处置): the receiver is asked to act on it
        helper = re.search(r"(?:^|[，,；;：:])(?:请|建议)([^，。；]{1,12}?)配合$", before)
        if helper and asked and (self.spans(helper.group(1)) or self.supervisory.search(helper.group(1))):
            return True  # 请乡纪委配合县纪委监委开展核查: the body helped leads, and is asked (a unit helping: not)
        if before.endswith("抄送") and (re.match(r"^[，,]请", sentence[span.end:]) or re.match(
                r"^(?:研究)?(?:处理|办理|处置|研处)", sentence[span.end:])):
            return True  # 同时抄送县委组织部，请对…; 抄送县委组织部处理: the body copied in is asked too
        if before.endswith(("和", "及", "与")) and any(s.end == len(before) - 1 for s in self.spans(before)) and (
                self.request.match(sentence[span.end:])):
            return True  # 巡察机构和纪委监委要…: both are asked
        if re.search(r"(?:^|[，,；;）)]|[一二三四五六七八九十]是)(?:建议|请)?由[^，。；]{2,24}?(?:牵头[，,])?会同"
                     r"(?:相关|有关)?$", before):
            return True  # (一是)由X(牵头，)会同(相关)Y对…: both are asked (X要会同Y…: Y only helps)
        if before.endswith("会同") and (joint := [s for s in self.spans(before[:-2]) if s.end == len(before) - 2]) and (
                joint[0].body != span.body and re.search(r"(?:^|[，,；;：:）)])(?:建议|请)$",
                                                         self._unprefixed(before[: joint[0].start]))):
            return True  # 请X会同Y…: both are asked, as with 由X会同Y (one body with its own kind: one request)
        if before.endswith(HANDED) and ASKING_OPENING.search(before) and ASKED_TO.match(sentence[span.end:]):
            return True  # 建议将X的问题线索移交县纪委监委核查: the receiver is asked to act on it
        if before.endswith(HANDED) and asked_after_handing(sentence[span.end:], self._names_someone):
            return True  # 移交县纪委监委审查调查的X问题，请依法依纪处理: the receiver is asked to act on it
        if ENTRY_OPENING.search(before) and len(ENTRY_ASKED.findall(before)) >= 2:
            return True  # 第一，A要…；第二，B要…；第四，巡察办每半月通报…: the list's entry asks its body
        if any(before.endswith(w) for w in self.rules["not_addressee_before"]):
            return False
        opening = next((w for w in self.rules["addressee_before"] if sentence.startswith(w)), None)
        if any(re.sub(r"各$", "", before).endswith(w) for w in self.rules["addressee_before"]) or (  # 请各巡察组…
                opening and before.endswith(("，", ",", "；", ";"))):  # 建议县纪委监委对…，县委组织部对…；X将…
            # …；县委巡察办要建立…: a ；-clause of its own with its modal asks its body, as a sentence would
            return bool(ASKED_TO.match(tail) or (before.endswith(("；", ";")) and self.request.match(tail))
                        or JOINTLY.match(tail))
        return bool(self.request.match(tail) or (DIRECTED.match(sentence[span.end:]) and not NARRATED_FRAME.match(
            sentence)) or (
            SUPPORTING.match(sentence[span.end:]) and re.search(r"要|须|应当|牵头|负责|(?:^|[，,；;])由",
                                                                 sentence[:span.start]))  # 由X处理，Y跟踪督办
            or TOPIC_FIRST.match(sentence[span.end:])
            or (ACTS_ON.match(sentence[span.end:]) and bool(re.search(r"(?:要|须|应当)[^；;]*[；;]$", before))))

    def co_regulators(self, sentence: str, span: Span, lead_uid: str | None) -> list[str]:
        """The other units named with the one a sentence makes the 行业主管部门 (建议县A局、县B局履行行业主管部门
        职责，分别对…): with 分别 each is asked on its own (SEVERALLY), so each has its directive."""
        if span.body != "行业主管部门" or lead_uid is None:
            return []
        clause = max(sentence.rfind(p, 0, span.start) for p in "，；:：") + 1
        out: list[str] = []
        for m in self.walker.finder.mentions(sentence[clause:span.start]):
            uid = None if self.walker.is_body(m.form) else self.walker.finder.resolve(m.form).unit_id
            if uid and uid != lead_uid and uid not in out:
                out.append(uid)
        return out

    def _chain_end(self, sentence: str, end: int) -> int:
        """Where a chain of bodies joined by 、 after a body ends (县纪委监委、驻X局纪检监察组|对…): the request after
        the chain is each one's, as the words before the chain are (the loop over ``before`` in :meth:`addressed`)."""
        county = self.walker.finder.county or "县"
        while (m := re.match(rf"、(?:{re.escape(county)}委|{re.escape(county)}|县委|县)?", sentence[end:])) and (
                nxt := [s for s in self.spans(sentence[end + m.end():]) if s.start == 0]):
            end += m.end() + nxt[0].end
        return end

    def _names_someone(self, text: str) -> bool:
        return bool(self.spans(text) or self.walker.finder.mentions(text))

    def regulator(self, sentence: str, span: Span) -> str | None:
        """The unit a sentence makes the 行业主管部门 (``X局作为行业主管部门，要…``, ``X局要履行行业主管部门职责``):
        the unit at the start of the clause, when the words around the body mark it so."""
        if span.body != "行业主管部门":
            return None
        clause = max(sentence.rfind(p, 0, span.start) for p in "，；:：") + 1
        around = sentence[clause: span.end + 8]
        if not any(p.search(around) for p in self.marks):
            return None
        asking = ASKING.match(sentence, clause)  # all optional: it always matches, perhaps the empty string
        if not ((asking and asking.group()) or re.search(REQUESTING, sentence[clause:])
                or ACTS_ON.match(sentence[span.end:])):
            return None  # X局作为行业主管部门，对…抓得不实: a problem of the regulator, not a request to it
        opening = (asking.end() if asking else clause) - clause  # （三）建议X局履行行业主管部门职责
        please = sentence.rfind("请", clause, span.start)  # 三、公墓问题请X局作为行业主管部门协助…
        opening = max(opening, please + 1 - clause) if please >= 0 else opening
        first = next((m for m in self.walker.finder.mentions(sentence[clause:span.start]) if m.start <= opening + 4),
                     None)
        if first is None and sentence.startswith("作为", clause) and (
                after := re.match(r"[，,]\s*", sentence[span.end:])):  # 作为X的行业主管部门，县Y局要…: Y after it
            start = span.end + after.end()
            first = next((m for m in self.walker.finder.mentions(sentence[start:start + 24]) if m.start == 0 and (
                self.request.match(sentence[start + m.end:]))), None)
        if first is None and re.match(r"^(?:请|建议|要求)其", sentence[clause:]):  # …转县X局，请其作为…: 其 is X
            first = next((m for m in reversed(self.walker.finder.mentions(sentence[:clause]))
                          if not self.walker.is_body(m.form)), None)
        if first is None or self.walker.is_body(first.form):
            return None
        return self.walker.finder.resolve(first.form).unit_id

    def regulator_again(self, sentence: str, after: int, uid: str) -> list[tuple[str, str]]:
        """(request, text after the name) of each later ；-clause that opens on the unit the sentence made the
        行业主管部门 and asks it again with a modal (X局要履行行业主管部门职责，督促A…；X局要督促B…): the same
        body asked twice, the second time by its name alone."""
        out = []
        for m in self.walker.finder.mentions(sentence[after:]):
            start, end = after + m.start, after + m.end
            if start == 0 or sentence[start - 1] not in "；;" or self.walker.is_body(m.form):
                continue
            if self.walker.finder.resolve(m.form).unit_id != uid or not re.match(r"(?:要|须|必须|应当)", sentence[end:]):
                continue
            stop = min([i for i in (sentence.find(p, end) for p in "；;") if i > 0] or [len(sentence)])
            out.append((sentence[end:stop].rstrip("。；，"), sentence[end:stop]))
        return out
