"""Directives: sentences asking another body to act (纪委监委, 组织部, 巡察机构, 派驻纪检监察组, 行业主管部门).

Who is asked is read by ``addressing``, which request each body is given by ``targets``; here: what each request
is about.

What a directive is about: the units its request names (``对湖坝村…``; units joined by 、/和 — or each with its
problem, ``对A…问题和B…问题`` —, or each after its own 对, make one directive each; a township's village named with
it is the one meant), else the unit of a topic clause before the body in its ；-clause (``对X问题，县纪委监委要…``);
nothing in particular when it speaks to every body of a kind (``各巡察组``) or of the whole county or round (``全县``,
``本轮巡察``, ``被巡察单位``); the township of the context for ``全镇``; the item whose text it sits in; the item of
the document its request (with its topic clause) shares content words with — as many as it counts (``两家…``,
``三家医院``: the units of that kind); for a stationed group, the unit it is stationed at; else the unit of the
paragraph, heading or title.
"""

from __future__ import annotations

import re
from typing import Any

from loaders.text.asking import (
    ASKED_TO,
    COUNTED,
    HELPER_BEFORE,
    LEAD_ORDINAL,
    PLEASE,
    SEVERALLY,
    SUGGEST,
    addressee_clauses,
    led_by_request,
    letter_addressee,
    only_reporting_back,
    units_counted,
)
from loaders.text.items import Candidate, Context, Walker
from loaders.text.linking import _bigrams, _content, _stock, counted_links, listed_links, same_sentence
from loaders.text.model import ParsedDirective, ParsedItem
from loaders.text.partners import only_of_kind, overseen_unit, regulated_unit, township_partner, withheld_beside
from loaders.text.readers import Block
from loaders.text.references import cited_items, cited_ordinals, request_ordinals
from loaders.text.request_scope import (
    announced,
    cited_scope,
    every_unit,
    feedback_object,
    field_found_here,
    form_item,
    inspected_object,
    label_units,
    no_handoff,
    regulator_object,
    whoever,
)
from loaders.text.request_topic import carried_problem, named_problem, request_topic, section_problem
from loaders.text.segments import CN, sentences
from loaders.text.table_directives import table_directives
from loaders.text.targets import Targets
from loaders.text.units import REDACTED, Resolved

# a request over every unit of a kind (对各公立医院…, 对各村…), not about one of them
# a sentence opening on the problem its requests are about (对X…问题，建议A…；请B…): every request of it is about X
OPENING_TOPIC = re.compile(r"^(?:对|针对|就|关于)[^，。；]{2,40}?(?:问题|线索|情况|事项)[^，。；]{0,4}[，,]")
# a request naming its unit as 该乡/该局 (督促指导该乡规范…): the unit of the document or section of that kind
KIND_REFERENCE = re.compile(r"该(乡|镇|街道|局|单位|公司|集团|院|中心|校)")
KIND_NAMES = {"校": ("学校", "中学", "小学", "中专", "学院")}  # 该校: a unit whose name ends so
# every regulator asked to act on a matter it names (各行业主管部门要针对社保基金管理中的漏洞加强监管)
TARGETED = re.compile(r"^(?:要|须)?针对([^，。；]{4,30}?)(?:加强|开展|进行|组织|抓好|做好|强化|深入)")
# the units a result is sent to (抄送县财政局、县农业农村局): receivers, not what the request is about
COPIED_TO = re.compile(r"(?:抄送|报送|送交|转送|抄告)(?:[^，。；]*[、和及])?$")
# a field of work (工程建设领域问题) in a report on several units or a speech: every unit in it, not one
FIELD = re.compile(r"领域(?:的)?(?:问题|突出问题)")
STATIONED_AT = re.compile(r"(?:驻在|所驻|派驻)(?:单位|部门)")  # the unit a stationed group is stationed at
EVERY_OF_A_KIND = re.compile(r"(?:^|[，,])[^，。；]{0,12}?(?:对|督促|指导)各(?!项|类|个|条|种|方面|环节)")


class DirectiveFinder(Targets):
    def __init__(self, walker: Walker, rules: dict[str, Any]) -> None:
        super().__init__(walker, rules)
        self.stock = _stock(rules["link_stock_words"])
        self._scope = rules["county_scope"] + rules["general_scope"] + rules["broad_scope"]

    def find(self, blocks: list[Block], candidates: list[Candidate], items: list[ParsedItem]) -> list[ParsedDirective]:
        by_block: dict[int, list[Candidate]] = {}
        for cand in candidates:
            by_block.setdefault(cand.block.number, []).append(cand)
        found: list[ParsedDirective] = []
        seen: set[tuple[int, str, str, str | None, str]] = set()
        contexts = self.walker.block_context
        addressee = letter_addressee([b.text for b in blocks], self.bodies)
        # the title of a letter handing matters over: …移交…线索的函
        handing_over = bool(blocks) and any(w in blocks[0].text for w in self.rules["handing_over_title"])
        led = led_by_request([(b.number, b.text) for b in blocks if not b.in_table], self.opens_on_body)
        for block in blocks:
            if block.number == self.walker.title_block:
                continue
            if block.in_table and block.header:  # a hand-off list: by its columns, not its sentences
                found += table_directives(self.bodies, block, items,
                                          contexts.get(block.number, []))
                continue
            for k, (offset, sentence) in enumerate(sentences(block.text)):
                sentence = sentence.strip()
                targets = self._targets(sentence)
                if not targets and k == 0 and block.number in led:  # 建议：\n县纪委监委对…开展调查。
                    targets = self._targets("建议：" + LEAD_ORDINAL.sub("", sentence))
                please = (PLEASE.search(sentence) or (SUGGEST.search(sentence) if handing_over else None)
                          ) if addressee and not targets else None
                if please and addressee and ASKED_TO.match(sentence[please.end():]) and not only_reporting_back(
                        please, sentence):  # …移交你委，请按照…处置; not 请于…将处置情况反馈…
                    targets = [(addressee, sentence[please.end():].rstrip("。；"), sentence[please.end():], None)]
                elif addressee and targets:  # X线索请合并核查；Y线索请纪委监委…: a clause naming no body asks the addressee
                    targets += [(addressee, *c, None) for c in addressee_clauses(sentence, lambda t: bool(self.spans(t)))]
                local = {it.unit_id for it in items if block.number - 1 <= it.paragraph <= block.number} | {
                    c.unit.unit_id for c in contexts.get(block.number, []) if c.unit}
                for body, request, rest, lead_uid in targets:
                    if lead_uid is not None and lead_uid in local and "行业主管部门" not in sentence:
                        continue  # a unit told to fix its own problem is not a hand-off
                    if no_handoff(body, request, sentence):
                        continue  # 巡察组要做到…: the inspectors' own conduct; 由X约谈后仍未…: what X did before
                    if announced([p for b, p in self.patterns if b == body], request, block.text[offset + len(sentence):],
                                 sentence):
                        continue  # 第三个要求，巡察办要算总账。县委巡察办要在年底前…: the next sentence asks it
                    key = (block.number, body, request, lead_uid,  # 各巡察组要…，县委巡察办要…: one body asked twice
                           rest if SEVERALLY.match(request) else "")  # A组和B组要分别…: each asked
                    if key in seen:
                        continue
                    seen.add(key)
                    holder = next((c for c in by_block.get(block.number, []) if c.offset <= offset < c.offset + len(
                        c.text)), None)
                    found += self._directives(block, body, request, rest, sentence, holder, items,
                                              contexts.get(block.number, []), lead_uid)
        return found

    def _about(self, rest: str, before: str, contexts: list[Context], lead_uid: str | None) -> list[Resolved]:
        """The units a request names as what it is about: those in the request (a township's own village named
        with it is the one meant; units joined by 、/和 are each meant), else those in the clause before the body
        (``对X局…问题，县纪委监委要…``)."""
        for text in (rest, before):
            hint = self.walker.township_hint(contexts)
            found: list[tuple[int, int, Resolved]] = []
            named_in = [(s.start, s.end) for s in self.spans(text)]  # 驻县X局纪检监察组: X names the body, no more
            for m in self.walker.finder.mentions(text):
                if self.walker.is_body(m.form) or text[m.end:].startswith(tuple(self.rules["own_commission_words"])) or (
                        any(a <= m.start and m.end <= b for a, b in named_in)):
                    continue  # 指导X镇纪委开展核查: the township's commission is a body, not what it is about
                if lead_uid is not None and text[:m.start].endswith("配合"):
                    pass  # X局作为行业主管部门，要配合县Y局做好…: Y leads the work on its own problem, which it is about
                elif text[:m.start].endswith(HELPER_BEFORE) or (
                        text is rest and re.fullmatch(r"[、和及与]", text[:m.start])):
                    continue  # 牵头会同县审计局…, 组织部、县人社局联合…: a helper in the request, not what it is about
                if COPIED_TO.search(text[:m.start]) or text[:m.start].endswith(("对照", "参照")):
                    continue  # 抄送县财政局…: who receives the result; 对照县中医院的问题自查: the measure others use
                r = self.walker.finder.resolve(m.form, hint)
                if r.unit_id != lead_uid and all((r.unit_id or r.name) != (f[2].unit_id or f[2].name) for f in found):
                    found.append((m.start, m.end, r))
            found = [f for f in found if not any(self.walker.finder.is_parent(f[2].unit_id, g[2].unit_id)
                                                 for g in found)]
            if found:
                group = [found[0]]
                for nxt in found[1:]:
                    gap = text[group[-1][1]:nxt[0]]
                    joined = gap in ("、", "和", "及", "与", "以及") or bool(re.match(
                        r"^[^，。；]{0,16}(?:问题|事项|情况)(?:、|和|及|以及)$", gap)) or (  # 对A…问题和B…问题核查
                        gap.endswith("、") and "，" not in gap and bool(re.match(  # 对A串换…、B挂床…等问题线索
                            r"^[^，。；]{0,20}?等(?:问题|线索|情况|事项)", text[nxt[1]:])))
                    each = all(text[max(f[0] - 1, 0):f[0]] == "对" for f in (group[0], nxt)) and re.search(
                        r"[，,；;]", text[group[-1][1]:nxt[0]])  # 对A…核查，对B…跟进监督
                    if not (joined or each):
                        break
                    group.append(nxt)
                return [r for _, _, r in group] + withheld_beside(text, group[0][0], group[-1][1])
        return []

    def _directives(self, block: Block, body: str, request: str, rest: str, sentence: str, cand: Candidate | None,
                    items: list[ParsedItem], contexts: list[Context], lead_uid: str | None) -> list[ParsedDirective]:
        marked = lead_uid is not None and "行业主管部门" in sentence
        reasons = [f"“{body}”之后即提出要求"]
        confidence = 0.8
        unit_id = unit_name = None
        rule, item_index = "未写明", None
        topic = request_topic(sentence, rest)
        named = self._about(rest, topic, contexts, lead_uid)
        opening = OPENING_TOPIC.match(sentence)
        if not named and opening and rest and sentence.find(rest) > opening.end():  # …；请B作为行业主管部门…
            named = self._about(opening.group(), "", contexts, lead_uid)
        kind = KIND_REFERENCE.search(rest)
        names = KIND_NAMES.get(kind.group(1), kind.group(1)) if kind else ""
        referred = next((c.unit for c in reversed(contexts) if c.unit and c.unit.unit_id and c.unit.unit_id != lead_uid
                         and (kind.group(1) == "单位" or c.unit.name.endswith(names))), None) if kind else None
        ahead, text_of = sentence[: sentence.find(rest)] if rest else sentence, lambda n: self.walker.blocks[n - 1].text
        cited = [] if named else cited_items(ahead, items, text_of) or cited_ordinals(ahead, items, text_of) or (
            request_ordinals(rest, items, text_of))  # 请对第1、3项线索依规处置，对第4项…: cited in the request itself
        named = named or cited_scope(self.walker, ahead, cited, items)
        township = next((w for w in self.rules["township_scope"] if w in rest), None)
        own_clause = re.split(r"[，,；;：:]", sentence[: sentence.find(rest)] if rest else sentence)[-1]
        host = [m for m in self.walker.finder.mentions(re.split(r"(?<=组)[、和及与]", own_clause)[-1])  # its own name
                if not self.walker.is_body(m.form)] if body == "派驻纪检监察组" else []
        if named:
            unit_id, unit_name, rule = named[0].unit_id, named[0].name, "引用问题编号" if cited else "要求中点名"
        elif marked and (ruled := regulated_unit(self.walker, own_clause) or overseen_unit(
                self.walker, ahead)) is not None and ruled.unit_id != lead_uid:  # or X对Y管得不够，X作为…
            unit_id, unit_name, rule = ruled.unit_id, ruled.name, "主管部门所管的单位"  # 作为国资公司的行业主管部门
        elif not topic and not any(w in rest for w in self._scope) and (
                partner := township_partner(self.walker, rest)) is not None:
            unit_id, unit_name, rule = partner.unit_id, partner.name, "会同的乡镇"  # 会同湖岭乡党委对…整顿
        elif referred is not None and not self.walker.finder.mentions(rest):
            unit_id, unit_name, rule = referred.unit_id, referred.name, f"“该{kind.group(1)}”指所在单位"  # type: ignore[union-attr]
        elif (red := REDACTED.match(re.sub(r"^(?:对|针对|就)", "", rest))) and not red.group().endswith("同志"):
            rule = f"单位名称已隐去（{red.group()}）"  # 建议县纪委监委对XX村…: the unit cannot be known
        elif re.search(rf"(?<![第\d])(?:[2-9]|\d{{2,}}|[两{CN[1:]}]+)(?:个|项|条)(?:问题|事项)", topic + rest):
            rule = "涉及多个问题，不针对某一单位"  # 对未销号的5个问题，由X牵头…
        elif re.search(r"(?:的事|的事情)$", topic) and not any(w in topic for w in self._scope) and (
                spoken := self._link(block, None, topic, items)) is not None:
            item_index = spoken  # 技能培训补贴的事，也请X对全县…: the matter named first is what it is about
            unit_id, unit_name, rule = items[spoken].unit_id, items[spoken].unit_name, "话题所指的问题"
        elif (conduct := whoever(topic, rest)) is not None and not self.walker.finder.mentions(conduct):
            rule = "对某类情形（对…的）提出，不针对某一单位"  # 对整改敷衍塞责的，建议…严肃问责: whoever does so
        elif (doc := feedback_object(self.walker, contexts, topic + rest)) is not None:
            unit_id, unit_name, rule = doc.unit_id, doc.name, "反馈意见的巡察对象"  # 对村级…/施工单位 in its report
        elif body == "行业主管部门" and (doc := regulator_object(self.walker, contexts, topic + rest)) is not None:
            unit_id, unit_name, rule = doc.unit_id, doc.name, "反馈意见的巡察对象（主管部门在全县查同类问题）"
        elif body == "行业主管部门" and len([m for m in self.walker.finder.mentions(own_clause) if not self.walker.is_body(
                m.form)]) >= 2 and not self.walker.finder.mentions(topic + rest):  # 请X局、Y局等行业主管部门加强…
            rule = "向几个行业主管部门提出，面向其所管行业，不针对某一单位"
            if (doc := inspected_object(self.walker, contexts)) is not None and not any(w in rest for w in self._scope):
                unit_id, unit_name, rule = doc.unit_id, doc.name, "反馈意见的巡察对象（几个主管部门查其问题）"
        elif host and STATIONED_AT.search(rest):  # A组和B组要分别盯紧驻在单位的…: each its own host
            r = self.walker.finder.resolve(host[-1].form)
            unit_id, unit_name, rule = r.unit_id, r.name, "派驻所在单位"
        elif re.search(r"(?:^|[、和及与]|建议|请)各", own_clause) or re.match(r"^(?:[、和及与]|以及)各", rest) or (
                EVERY_OF_A_KIND.search(rest)) or (
                re.search(r"(?<![该本此])单位", topic + rest) and "该" not in topic + rest  # 整改不力单位的…
                and not self.walker.finder.mentions(topic + rest)) or any(
                w in rest for w in self.rules["county_scope"] + self.rules["general_scope"] + self.rules["broad_scope"]
        ) or (FIELD.search(topic + rest) and self.walker.title_kind != "feedback" and not self.walker.finder.mentions(
                topic + rest) and not field_found_here(topic + rest, items, block.number)
        ):  # 今后…/下一轮…/对村级…/X领域问题: the inspections to come, every village, a field
            rule = "面向全县、今后的巡察或全部被巡察单位，不针对某一单位"
            aimed = TARGETED.match(rest) if body == "行业主管部门" and not any(w in rest for w in self._scope) else None
            told = aimed.group(1) if aimed else carried_problem(rest)  # 将X问题纳入下一轮…重点: X's own problem
            if told and (hit := self._link(block, None, told, items)) is not None:
                item_index = hit  # 各行业主管部门要针对社保基金管理中的漏洞…: the problem it names
                unit_id, unit_name, rule = items[hit].unit_id, items[hit].unit_name, "所针对的问题"
        elif every_unit(topic + rest, items):
            rule = "点数等于文中全部被点名单位，不针对某一单位"  # 对6个单位开展整改评估: all of them
        elif township and self._township(block, cand, request, items, contexts):
            r = self.walker.finder.resolve(self._township(block, cand, request, items, contexts))
            unit_id, unit_name, rule = r.unit_id, r.name, f"“{township}”指所在乡镇"
        else:
            told = re.sub(r"^(?:对|针对|就|关于)?(?:这次|本次|本轮|此次|上轮)?(?:巡察)?中?(?:发现|指出|反馈)的", "",
                          topic)  # 对巡察发现的X问题线索，建议移交…处置: X is what it is about
            item_index = self._link(block, cand, told + request, items)
            if item_index is None:
                item_index = only_of_kind(told + request, items, block.number)  # 对学校基建项目…: the one school
            if item_index is not None and marked and any(  # 县A局、县B局要履行行业主管部门职责: not about themselves
                    self.walker.finder.resolve(m.form).unit_id == items[item_index].unit_id
                    for m in self.walker.finder.mentions(own_clause)):
                item_index = None
            if item_index is not None:
                it = items[item_index]
                unit_id, unit_name = it.unit_id, it.unit_name
                rule = f"与第{it.paragraph}段的问题相关"
            elif (same := [i for i, it in enumerate(items) if it.paragraph == block.number and it.unit_id
                           and 0 <= sentence.find(it.text[:10]) <= 4]) and len(same) == 1 and re.search(
                    r"[，,](?:请|建议)", sentence):  # 6.X…嫌疑，请Y配合核查 (…，建议对…初核): the problem it opens on
                item_index = same[0]
                unit_id, unit_name, rule = items[same[0]].unit_id, items[same[0]].unit_name, "同一句中的问题"
            elif (near := form_item(block.number, sentence, items, self.walker.blocks)) is not None:  # 督办要求：…
                item_index = near
                unit_id, unit_name, rule = items[near].unit_id, items[near].unit_name, "同一表单中的问题"
            elif host and (doc := inspected_object(self.walker, contexts)) is not None:  # 由驻县卫健局纪检监察组对
                unit_id, unit_name, rule = doc.unit_id, doc.name, "反馈意见的巡察对象"  # 整改情况跟踪监督 (of a hospital)
            elif host:  # 驻县X局纪检监察组要…: about the unit it is stationed at
                r = self.walker.finder.resolve(host[-1].form)
                unit_id, unit_name, rule = r.unit_id, r.name, "派驻所在单位"
            else:
                ctx = next((c for c in reversed(contexts) if c.unit and c.unit.unit_id), None)
                if ctx is not None and ctx.unit is not None and not ctx.also:  # 县A局党组、县B局党组：… names no one
                    unit_id, unit_name, rule = ctx.unit.unit_id, ctx.unit.name, f"所在{ctx.source}"
        if marked:
            reasons.append("文中写明该单位为行业主管部门")
        elif lead_uid:
            reasons.append("县直部门“牵头/指导”另一单位的问题，按行业主管部门计")
            confidence -= 0.15
        counted: dict[str | None, int] = {}
        # the count in the request, else in its topic (对3个村的线索，请县纪委监委督促…: the three villages)
        tally = request if units_counted(request) or not units_counted(topic) else f"{topic}，{request}"
        kind = COUNTED.search(tally)
        every = every_unit(topic + rest, items)
        if not named and (label := label_units(contexts, [it for it in items if it.paragraph == block.number],
                                                    units_counted(request))):
            named = label  # 关于A和B：…县委组织部要对两个单位…: each unit the label names
            reasons.append(f"要求中写明{len(label)}个单位，即段首所列单位")
        if not named and units_counted(tally) > 1 and not every and (item_index is not None or (
                kind and kind.group(2))):
            linked = counted_links(self.walker.finder, self.stock, tally, items, item_index, block.number,
                                   units_counted(tally))
            counted = {items[i].unit_id: i for i in linked}
            if len(linked) > 1:  # 对两家医院…问题督促整改: one directive for each unit the count means
                named = [Resolved(items[i].unit_id, items[i].unit_name or "", rule) for i in linked]
                reasons.append(f"要求中写明{len(linked)}个单位，取与之相关的各单位问题")
        if not named and item_index is not None and _content(topic or (request if marked else named_problem(rest)),
                                                             self.stock) & _bigrams(
                items[item_index].text) and len(tied := same_sentence(items, item_index)) > 1 and not any(
                self.walker.finder.is_parent(items[i].unit_id, items[j].unit_id) for i in tied for j in tied
        ):  # 对X问题，…; (a township with its own villages in one sentence: the matter is the township's, as one)
            named = [Resolved(items[i].unit_id, items[i].unit_name or "", rule) for i in tied]  # A、B合计拖欠…
            counted = {items[i].unit_id: i for i in tied}
            reasons.append(f"相关问题一句点名{len(tied)}个单位，各记一条")
        if not named and item_index is not None and len(tied := listed_links(
                topic + request, lambda piece: self._link(block, None, piece, items), items)) > 1:  # 对A、B问题…
            named = [Resolved(items[i].unit_id, items[i].unit_name or "", rule) for i in tied]
            counted = {items[i].unit_id: i for i in tied}
            reasons.append(f"要求列出的问题分属{len(tied)}个单位，各记一条")
        if marked and len(named) > 1 and any(u.unit_id != lead_uid for u in named):
            named = [u for u in named if u.unit_id != lead_uid]  # a regulator is not asked about its own share
        if len(named) > 1:
            reasons.append(f"一项要求点名{len(named)}个单位，各记一条")
        out = []
        for unit in named or [Resolved(unit_id, unit_name or "", rule)]:
            uid = unit.unit_id if named else unit_id
            index = counted.get(uid, item_index)
            if uid and index is None:
                index = next((i for i, it in enumerate(items) if it.unit_id == uid and it.paragraph <=
                              block.number and _content(request, self.stock) & _bigrams(it.text)), None)
            out.append(ParsedDirective(paragraph=block.number, body=body, request=request, text=sentence,
                                       unit_id=uid, unit_name=unit.name if named else unit_name, unit_rule=rule,
                                       item_index=index, body_unit_id=lead_uid, confidence=round(confidence, 2),
                                       reasons=reasons))
        return out

    def _township(self, block: Block, cand: Candidate | None, request: str, items: list[ParsedItem],
                  contexts: list[Context]) -> str:
        """The township 全镇/全乡 means: of the context, else of the item the directive is about."""
        hint = self.walker.township_hint(contexts)
        if hint:
            return hint
        linked = self._link(block, cand, request, items)
        return self.walker.finder.township_of(items[linked].unit_id) if linked is not None else ""

    def _link(self, block: Block, cand: Candidate | None, request: str, items: list[ParsedItem]) -> int | None:
        if cand is not None:
            own = [i for i, it in enumerate(items) if it.paragraph == block.number and it.text and it.text in cand.text]
            if own:  # the paragraph's item the request shares most content words with, else its first
                words = _content(request, self.stock)
                return max(own, key=lambda i: (len(words & _bigrams(items[i].text)), -i))
        words = _content(request, self.stock)
        best, score = None, 0
        for i, it in enumerate(items):
            if it.paragraph > block.number:
                continue
            shared = len(words & _bigrams(it.text + section_problem(self.walker, it)))
            if shared > score:
                best, score = i, shared
        return best if score >= self.rules["directive_link_min_bigrams"] else None
