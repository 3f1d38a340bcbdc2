"""Walking a document's blocks: headings and their context, candidate items, and each item's unit.

An item's unit is decided in this order (:func:`loaders.text.itemize.attribute`), and the rule is kept with it:

1. units named in the item's own problem sentences (a village named beside its township wins; bodies such as
   纪委监委, a unit only said to have found the problem — 县纪委监委暗访发现, 县审计局2021年指出 —, a place
   (竹湾镇一带, A乡、B乡部分村组: units joined share the words after the last), a partner or receiver (与县财政局,
   向县财政局) and the object of another unit's failing (X街道党工委对Y村…不到位) are not the item's unit); two or
   more units named with one problem make one item each — unless a bare self-reference (乡党委, 该局; not
   未经乡党委…) says the unit of the context is the one at fault; a problem counting units it does not name
   (三家单位都…, 两家医院均…) is at the units (of that kind) the problems before it were found at, when they are
   as many; units a problem only touches after stating itself (…优亲厚友，涉及Y村3户…) are named beside the unit
   of its paragraph; a unit the document has named in full may be called by its bare two-character name
   afterwards (县残联 …, 残联…);
2. a redacted unit in the problem (某村, X镇党委): unresolved, whatever the heading says;
3. the unit told in the problem's own sentence to fix it (``…破损，县X局要…``);
4. the unit the paragraph is about (``关于X：``, ``X：``, ``X乡。``, ``X村，``/``【X村】``/``X村——`` naming one unit
   alone, a table row's unit column or a cell holding just a unit's name), then the heading above it, then the
   document's title (a feedback report names its unit);
5. the unit the piece before it in the same inline list named (``一是X局…。二是…``);
6. the unit a requirement after the problem names (``X局要…``), then the unit the first request summing up the
   problems above tells to fix them (``以上问题，县X局要牵头抓好整改``; :mod:`loaders.text.owners`);
7. the unit of the problem just before, when it names its own only as 该局/该单位;
8. none: the item stays unresolved — always so under a redacted name (``关于*局：``).

A paragraph whose sentences (or ；-clauses) turn from one unit to another is cut there, one problem per unit
group, and so is one whose sentences or ；-clauses each state a problem of their own
(:func:`loaders.text.clauses.segment_groups`). Across those groups the rules stay uniform: a unit 与X之间 is a party
as well; a redacted unit named first is the subject; a group naming no unit takes the subject (the first unit)
of the group before it. ``X存在A、B以及C等问题`` is one problem each when two or more of them state one. The
opening words of a paragraph up to its colon, or the lead of an inline list, that name one unit are the unit of what
follows (河河乡的情况，我概括一下：…; 先说县X局。…：一方面…另一方面…).
"""

from __future__ import annotations

import re
from typing import Any

from loaders.text import categories
from loaders.text.candidates import Candidate, Context
from loaders.text.cues import has_cue
from loaders.text.headings import heading_level, is_heading
from loaders.text.model import ParsedItem
from loaders.text.readers import Block
from loaders.text.requirement_topics import requirement_topics
from loaders.text.segments import (
    ABOUT,
    ABOUT_HEADING,
    LABELLED,
    REQUIREMENT_LIST,
    SPEAKER_TURNS,
    continued_entry,
    continued_pieces,
    focus_entry,
    focus_rest,
    inline_pieces,
    label_families,
    leading_marker,
    sentences,
)
from loaders.text.special_lead import special_lead
from loaders.text.subtitles import subtitle_unit
from loaders.text.tables import table_row
from loaders.text.topics import stated_topic
from loaders.text.units import REDACTED, Mention, Resolved, UnitFinder

PROBLEM_HEADING = re.compile(r"问题|存在|不足")
# a finder named with what it found handed on (X审计发现问题移送…, X检查发现问题线索移交…), no 的 between: the
# finder is the subject of its own handing-on (X审计发现的问题整改… is the audited unit's)
HANDS_ON = re.compile(r"^[^，。；的]{0,6}?(?:发现|指出)问题(?:线索)?(?:移送|移交|转办)")
OBJECT_BEFORE, JOINED = ("对",), ("、", "和", "及", "与")  # X对Y村、Z村…: Y and the units joined to it are objects
# a clause opened by the township's own body, up to its 对 (…，镇农经站对Y村账目问题未及时发现): Y is what it missed
OWN_BODY_ON = re.compile(r"(?:^|[，,。；;])(?:镇|乡|街道)[\u4e00-\u9fff]{0,8}?(?:党委|党工委|政府|中心|所|站|办)对$")
LEAD = re.compile(r"^[^。；：:]{2,30}[：:]")  # a paragraph's opening words up to its colon
LOCATOR = re.compile(r"^(?:的|那边|这边|那里|这里)?[，,]?$")  # between a township and its village: which one is meant
ANSWER = re.compile(r"^(?:答|答复|回答)[：:]")
OBJECT_FIELD = re.compile(r"^[\u4e00-\u9fff]{0,4}对象[：:]\s*")
YEAR = re.compile(r"^(?:\d{2,4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|[上去前]年|今年|近年)")


class Walker:
    def __init__(self, finder: UnitFinder, rules: dict[str, Any]) -> None:
        self.finder, self.rules = finder, rules
        self.cues = tuple(rules["problem_cues"])
        self.lead_object: Resolved | None = None  # 专项巡察…对象为A、B: A, for a problem naming no unit at all
        self.patterns = [re.compile(p) for p in rules["problem_patterns"]]
        self.body_cores = tuple(rules["body_unit_cores"])
        self.finder_after = re.compile(rules["finder_after"])
        self.stack: list[Context] = []
        self.candidates: list[Candidate] = []
        self.items: list[ParsedItem] = []
        self.block_context: dict[int, list[Context]] = {}  # the contexts in force at each block (for directives)
        self.carried: dict[tuple[int, str], list[Resolved | None]] = {}  # the units the last inline piece named
        self.item_level: int | None = None  # the numbering level of the last paragraph that was no heading
        self.title_kind = ""  # "feedback" when the title says the document is a feedback report
        self.owners: list[tuple[int, Resolved | None]] | None = None  # summing requests (以上问题，X要…) by block
        self.title_block: int | None = None  # the block read as the document's title
        self.local: dict[str, str] = {}  # the bare short names (残联) of units the document names in full

    # -- units ------------------------------------------------------------------------------------------------
    def is_body(self, form: str) -> bool:
        return any(form.endswith(core) or core in form for core in self.body_cores)

    def township_hint(self, contexts: list[Context]) -> str:
        for ctx in reversed(contexts):
            if ctx.unit and ctx.unit.unit_id:
                return self.finder.township_of(ctx.unit.unit_id)
        return ""

    def named_units(self, text: str, contexts: list[Context]) -> list[Resolved]:
        """Units a text names as its subject (bodies and finders left out), in order, each once.

        A township written just before one of its villages (兴安镇南岗村, 竹湾镇的松阳村) only says which village is
        meant; a township named on its own beside its villages is a unit of the text like them."""
        hint = self.township_hint(contexts)
        seen: list[tuple[int, int, Resolved]] = []
        before: tuple[int, str] = (-1, "")  # where the last township named ends
        objects = -1  # where the last unit named as what the subject failed at ends
        mentions = self.finder.mentions(text, self.local)
        for m in mentions:
            if self.is_body(m.form):
                continue
            after = YEAR.sub("", text[m.end:m.end + 14])  # 县审计局2021年指出的…
            owned = (after.startswith(("下属", "所属")) and not REDACTED.search(after)  # 下属单位XX同志: unknown
                     and not any(m.end < o.start <= m.end + 14 for o in mentions))
            inspected = text[:m.start].endswith(("巡察", "巡察了")) or bool(  # 巡察X时指出的, X上轮反馈的问题:
                re.match(r"^(?:上轮|上一轮|前轮|本轮|这轮|这次)(?:巡察)?(?:反馈|指出|发现)的", after))  # X inspected
            hands_on = HANDS_ON.match(after)  # 县审计局审计发现问题移送不及时: the finder's own handling of them
            if not owned and not inspected and not hands_on and (
                    any(after.startswith(w) for w in self.rules["not_subject_after"])
                    or self.finder_after.match(after) or self.joined_place(text, m)):
                continue  # 县审计局2023年经济责任审计指出的问题: the unit that found it (X下属企业…: X itself)
            if text[:m.start].endswith(tuple(self.rules["not_subject_before"])):
                continue  # 与县财政局对账不及时, 向县财政局申报的…: a partner, not the one at fault
            if seen and (text[max(m.start - 1, 0):m.start] in OBJECT_BEFORE and (not re.search(
                    r"[，。；、和及与]", text[seen[-1][1]:m.start]) or re.fullmatch(  # X作为出资人代表，对Y的…
                    r"作为[^，。；]{1,16}[，,]对", text[seen[-1][1]:m.start])) or text[objects:m.start] in JOINED):
                objects = m.end  # X镇党委对Y村、Z村…监督不到位: Y and Z are what X failed at, not at fault
                continue
            if OWN_BODY_ON.search(text, max(m.start - 20, 0), m.start):  # the words just before: linear
                continue  # …，镇农经站对Y村账目问题未及时发现: Y is what the township's own body failed at
            r = self.finder.resolve(m.form, before[1] if before[0] >= 0 and LOCATOR.match(text[before[0]:m.start])
                                    else hint)
            if r.unit_id and self.finder.kind(r.unit_id) == "township":
                before = (m.end, r.name)
            seen.append((m.start, m.end, r))
        found: list[Resolved] = []
        for k, (_, end, r) in enumerate(seen):
            nxt = seen[k + 1] if k + 1 < len(seen) else None
            if nxt and LOCATOR.match(text[end:nxt[0]]) and self.finder.is_parent(r.unit_id, nxt[2].unit_id):
                continue  # a qualifier (兴安镇南岗村, 湖岭乡那边，临丰村…)
            if all((r.unit_id or r.name) != (f.unit_id or f.name) for f in found):
                found.append(r)
        return found

    def joined_place(self, text: str, m: Mention) -> bool:
        """A unit joined to the next ones (A乡、B乡部分村组多次停水; A局和B局检查发现) shares what the words after
        the last say of it: a place or a finder (``not_subject_after``), not the subject."""
        tail, last = text[m.end:m.end + 40], 0
        for other in self.finder.mentions(tail, self.local):
            if not re.fullmatch(r"[、和及]", tail[last:other.start]):
                break
            last = other.end
        return last > 0 and any(tail[last:].startswith(w) for w in self.rules["not_subject_after"])

    def between_units(self, text: str, contexts: list[Context]) -> list[Resolved]:
        """Units a problem sets beside its subject (与县X局之间…不一致; 与县X局…不一致，两家单位…各自…): a party
        to it as well — and so is a unit joined to the subject by 与/同 in a matter the two share (县A局与县B局在…
        衔接上不畅: ``joint_words`` in text_rules.json), where one alone cannot be at fault."""
        hint = self.township_hint(contexts)
        both = re.search(r"(?:两家|两个|两所|两村|两镇|两乡)(?:单位|部门|公司|医院|学校|村)?[^，。；]{0,12}?(?:都|均|各自)|"
                         r"两家(?:单位|部门|公司|医院|学校)|两头|双方", text)  # 两家公司账实不符, 两头拿钱, 两村均未
        joint = "|".join(map(re.escape, self.rules.get("joint_words", []))) or "(?!)"
        found = self.finder.mentions(text)
        ends = {m.end for m in found if not self.is_body(m.form)}
        return [self.finder.resolve(m.form, hint) for m in found
                if not self.is_body(m.form) and text[:m.start].endswith(("与", "同", "配合"))
                and (text[m.end:].startswith("之间") or both or (m.start - 1 in ends and text[m.start - 1] in "与同"
                     and re.match(rf"^(?:之间|双方)?[^，。；]{{0,24}}?(?:{joint})", text[m.end:])))]

    def only_unit(self, text: str) -> bool:
        """Whether a text is just a unit's name (with at most its party committee after it)."""
        found = [m for m in self.finder.mentions(text) if not self.is_body(m.form)]
        return bool(found) and found[0].start == 0 and len(text) - found[-1].end <= 3

    def just_unit(self, text: str) -> bool:
        """Whether a text is one unit's name and nothing more (but its party committee): 白江村, 县X局党组."""
        found = self.finder.mentions(text)
        return len(found) == 1 and found[0].start == 0 and bool(
            re.fullmatch(r"(?:党委|党组|党支部|党总支|党工委)?", text[found[0].end:]))

    def speaks_of_context(self, text: str) -> bool:
        """Whether a text names the unit of its context by a bare self-reference (乡党委, 该局) standing apart from
        any unit name, i.e. as the one at fault."""
        spans = [(m.start, m.end) for m in self.finder.mentions(text)]
        for ref in self.rules["self_refs"]:
            for m in re.finditer(re.escape(ref), text):
                if text[: m.start()].endswith((*self.rules["not_subject_before"], "经", "由", "报")):
                    continue  # 未经乡党委审核: the one whose approval was skipped, not the one at fault
                if not any(a <= m.start() <= b for a, b in spans):
                    return True
        return False

    def problem_heading(self, cand: Candidate) -> str:
        """The problem a heading states, for the one plain paragraph under it (the item is heading and body)."""
        if cand.numbered or cand.form != "段落" or not cand.context or not cand.context[-1].problem:
            return ""
        return cand.context[-1].problem

    def inspected_units(self, text: str, contexts: list[Context]) -> list[Resolved]:
        """Units a text names as the ones inspected (在对X的巡察中发现…): the unit when the text names no other."""
        hint = self.township_hint(contexts)
        return [self.finder.resolve(m.form, hint) for m in self.finder.mentions(text)
                if not self.is_body(m.form) and any(text[m.end:m.end + 6].startswith(w)
                                                    for w in self.rules["inspected_after"])][:1]

    def context_unit(self, text: str, contexts: list[Context], source: str, level: int) -> Context:
        ctx = Context(level=level, source=source)
        red = REDACTED.search(text)
        named = self.named_units(text, contexts)
        if named:
            ctx.unit = named[0]
            if level == 99 or source == "标题":  # 关于A、B：…, a cell 县A局、县B局, a heading A镇和B镇: each of them
                ctx.also = named[1:]
        elif red:
            ctx.redacted = red.group()
        return ctx

    # -- blocks -----------------------------------------------------------------------------------------------
    def heading(self, block: Block, level: int, text: str) -> None:
        self.stack = [c for c in self.stack if c.level < level]
        about = ABOUT_HEADING.match(text)
        target = about.group(1) if about else text
        ctx = Context(level=level, source="标题")
        if about or not has_cue(text, self.cues):
            ctx = self.context_unit(target, self.stack, "标题", level)
        ctx.top = categories.top_of_heading(text, self.rules)
        if has_cue(text, self.cues) and not text.endswith(("方面", "：", ":")) and not re.search(
                r"方面[：:]", text):  # …仍有不少差距： introduces; X方面：A存在短板 labels a section over a list
            ctx.problem = text if text.endswith(("。", "；")) else text + "。"
        ctx.requirements = (any(w in text for w in self.rules["section_requirement"])
                            and not PROBLEM_HEADING.search(text) and not text.endswith("方面")) or any(
            w in text for w in self.rules["own_work_sections"] + self.rules["cause_sections"])
        # 巡察工作自身存在的不足: the office's own; 原因分析: why the problems arose, listed above, not new ones
        self.stack.append(ctx)

    def next_requirement(self, block: Block) -> str:
        """The first sentence of the paragraph after ``block`` when it sets a requirement (``X局要…``), else ''."""
        following = self.blocks[block.number] if block.number < len(self.blocks) else None
        if following is None or following.in_table:
            return ""
        first = sentences(following.text)
        return first[0][1] if first and re.match(rf"^[^，。；]{{2,24}}?(?:要|须|必须|应当)(?!{SPEAKER_TURNS})",
                                                 first[0][1]) else ""  # not 再说X镇的问题要单独说一说

    def walk(self, blocks: list[Block]) -> list[Candidate]:
        self.blocks = blocks
        self.local = self.finder.local_forms([b.text for b in blocks])
        families = label_families([b.text for b in blocks if not b.in_table])
        titled = False
        for i, block in enumerate(blocks):
            if block.in_table:
                table_row(self, block)
                self.block_context[block.number] = list(self.stack)
                continue
            level, _, body = leading_marker(block.text)
            label = LABELLED.match(block.text) if level is None else None
            if label and label.group(1) in families and len(block.text) > label.end():
                level, body = 3, block.text[label.end():]  # 检查发现2：… in a family of its own
            if level is None and block.level is not None:
                level = 3 + block.level
            if (i == 0 or (i < 3 and not titled and all("。" not in b.text and len(b.text) <= 40 for b in blocks[:i])
                           and self.is_title(block.text))) and (block.heading or self.is_title(block.text)):
                titled = True  # the title, or a title under the issuer's line (中共X县委第四巡察组 / 关于…的情况反馈)
                self.title_block = block.number  # a title asks nothing (…巡察组与X交换意见记录)
                # …巡察组与县X公司党委交换意见记录: the party the inspectors meet is the one the record is about
                about = re.sub(r"^.*?(?:巡察组|巡察办|工作组|督查组|约谈人)(?:与|同|和)(?=.)", "", block.text)
                self.stack = [self.context_unit(about, [], "文件标题", 0)]
                self.title_kind = "feedback" if "反馈" in block.text else ""
                self.block_context[block.number] = list(self.stack)
                continue
            if titled and i and blocks[i - 1].number == self.title_block and self._subtitle(block.text):
                continue  # ——县委第六巡察组对县X局党组 under a feedback report's title: whom it is about
            if OBJECT_FIELD.match(body):
                self.document_object(body)  # 约谈对象：县X局… (a short line, read as a heading below)
            after = blocks[i + 1:i + 3]
            if is_heading(block, level, body, after, self.rules, self.item_level):
                self.heading(block, heading_level(block, level, after), body)
                self.item_level = None
            else:
                self.paragraph(block, level, body)
                self.item_level = level
            self.block_context[block.number] = list(self.stack)
        return self.candidates

    def _subtitle(self, text: str) -> bool:
        unit = subtitle_unit(self, text) if self.title_kind == "feedback" and len(self.stack) == 1 and not (
            self.stack[0].unit or self.stack[0].redacted) else None
        if unit is not None:
            self.stack[0].unit = unit
        return unit is not None

    def is_title(self, text: str) -> bool:
        return "。" not in text and len(text) <= 80 and bool(
            re.search(r"反馈意见|巡[察视]反馈|讲话|报告|通报|情况|记录|纪要", text))

    def document_object(self, text: str) -> None:
        """A title naming no unit (关于医保基金专项巡察情况的反馈意见) takes the unit the opening paragraph names
        as the one inspected (巡察对象为县X局, 对县X局开展了…巡察): what a feedback report is about."""
        field = OBJECT_FIELD.match(text)  # 约谈对象：县X局…, 检查对象：…: a record's form names whom it is about
        if field and not self.candidates and not any(c.unit or c.redacted for c in self.stack):
            self.stack = [Context(0, source="文件标题")]  # a record under a bare title (约谈记录（摘要）)
        if len(self.stack) != 1 or self.stack[0].source != "文件标题" or self.stack[0].unit or self.stack[0].redacted:
            return
        if not self.title_kind == "feedback" and not field:
            self.lead_object = self.lead_object or special_lead(self, text)
            return  # a speech or a comprehensive report covers many units; only feedback is about one
        for m in self.finder.mentions(text):
            if self.is_body(m.form) or (field and m.start != field.end()):
                continue
            before = text[: m.start]
            if before.endswith(tuple(self.rules["inspected_before"])) or any(
                    text[m.end:m.end + 6].startswith(w) for w in self.rules["inspected_after"]) or (
                    before.endswith("对") and re.match(self.rules["inspected_after_pattern"], text[m.end:])):
                self.stack[0].unit = self.finder.resolve(m.form)
                return

    def paragraph(self, block: Block, level: int | None, body: str) -> None:
        self.document_object(body)
        if level is not None:
            self.stack = [c for c in self.stack if c.level < level]
        if any(c.requirements for c in self.stack) or REQUIREMENT_LIST.match(block.text) or ANSWER.match(body):
            offset = len(block.text) - len(body)  # 针对X的问题，要…: a requirement's topic is a finding still
            for start, topic in requirement_topics(body, [c.text for c in self.candidates]):
                self.candidates.append(Candidate(block, offset + start, topic, "要求所针对的问题", True,
                                                 list(self.stack), None))
            return  # 答：… in a question-and-answer record: what the unit says back, not a finding
        offset = len(block.text) - len(body)
        own = None
        about = ABOUT.match(body)
        prefix = re.match(r"^([^：:，。；]{2,20}?)(?:方面[：:，,]|[：:])", body) if not about else None
        named = re.match(r"^【?([^：:，。；\s—【】]{2,20}?)(?:】|——|—|\s+|[。，,])", body) if not (about or prefix) else None
        if named and not named.group().endswith("。") and (not self.just_unit(named.group(1)) or (
                self.finder.mentions(body[named.end():named.end() + 8]))):
            named = None  # 县财政局，县审计局都…: a list of units; 青口村地处兴安镇东部，…: a sentence
        if about:
            own = self.context_unit(about.group(1), self.stack, "“关于…：”", 99)
            stated = stated_topic(body, about, self.cues, self.rules["progress_labels"])
            if stated is not None:  # 关于X不到位的问题。整改情况：…: the topic is the problem, the rest its progress
                self.candidates.append(Candidate(block, offset + about.start(1), body[about.start(1):stated],
                                                 "关于X的问题", True, list(self.stack), own))
                return
        elif prefix and (self.finder.mentions(prefix.group(1)) or REDACTED.search(prefix.group(1))):
            own = self.context_unit(prefix.group(1), self.stack, "段首单位名", 99)
        elif named and (self.only_unit(named.group(1)) or (  # （二）湖岭乡。一是…; （五）XX村。…: withheld
                named.group().endswith("。") and REDACTED.fullmatch(named.group(1))
                and not named.group(1).endswith(("同志", "组")))):  # （三）某某同志。…: a person, not a unit
            prefix = named
            own = self.context_unit(named.group(1), self.stack, "段首单位名", 99)
        label = re.match(r"^【([^】]{1,10})】", body)  # 【整改建议】…: a labelled request, beside 【问题表现】…
        if label and re.search(r"建议|要求|措施|意见", label.group(1)):
            return
        run_in = named.group(1) if named and named.group().endswith("。") else ""  # 一、总体情况。…: a run-in label
        if (prefix and any(w in prefix.group(1) for w in self.rules["section_requirement"])) or (
                run_in and run_in.endswith(tuple(self.rules["section_requirement"]))):
            return  # 整改要求：… / 意见建议：… / 总体情况。…: a paragraph so labelled states none of the problems
        skip = (about or prefix).end() if own is not None else 0  # type: ignore[union-attr]
        opening = LEAD.match(body) if own is None else None
        if opening and re.search(r"(?:建议|要求|意见|措施)(?:如下)?[：:]$", opening.group()):
            return  # 针对上述问题，提出以下建议：…: what is asked, not what was found
        if opening and len(self.named_units(opening.group(), self.stack)) == 1:  # X乡的情况，我概括一下：…
            own, skip = self.context_unit(opening.group(), self.stack, "段首引语", 99), opening.end()
        lead, pieces = inline_pieces(body[skip:])
        if pieces and own is None and len(self.named_units(lead, self.stack)) == 1:
            own = self.context_unit(lead, self.stack, "列举前的引语", 99)  # 先说县X局。…：一方面…；另一方面…
        if pieces and re.search(self.rules["plan_lead"], lead):
            return  # 下一步，一是…二是…: what the writer plans to do, not what was found
        if pieces:
            focus = [re.compile(f) for f in self.rules["focus_patterns"]]  # 一是看…是否…: what to look at
            for p in pieces:
                if any(f.match(p.text) for f in focus) or focus_entry(body, p.text):
                    if p is pieces[-1] and (rest := focus_rest(p.text)):  # 三是看…是否到位。从上轮看，X局…未解决
                        self.candidates.append(Candidate(block, offset + skip + p.start + len(p.text) - len(rest),
                                                         rest, "段落", False, list(self.stack), own))
                    continue
                self.candidates.append(Candidate(block, offset + skip + p.start, p.text, p.form, True,
                                                 list(self.stack), own))
            return
        if own is not None:
            self.candidates.append(Candidate(block, offset + skip, body[skip:], "关于X：", True, list(self.stack), own))
            return
        if level is None and (cut := continued_entry(body, self.blocks[block.number - 2].text if block.number > 1 else "")):
            own = next((c.own for c in reversed(self.candidates) if c.block.number == block.number - 1), None)
            for start, piece in continued_pieces(body, cut):  # 七是A。八是B。: each entry its own
                self.candidates.append(Candidate(block, offset + start, piece, "一是", True, list(self.stack), own))
            return  # 二是… after a paragraph opening 一是…: the list's next entry
        form = "段首编号" if level is not None else "段落"
        self.candidates.append(Candidate(block, offset, body, form, level is not None, list(self.stack), own))
