"""What a request is about when it names no unit of its own: a form's request field (督办要求：…) is about the
matter stated in the fields above it; a request counting as many units as the document found problems at
(对6个单位开展整改评估) is about all of them, none in particular; a feedback report's requests worded generally
are about its inspected unit; several cited items said to concern one township are one request about it; and a
numbered ；-entry after a request (…；四是X局要…) starts a request of its own, so the entries' units do not leak
into the one before. Two requests are no hand-off: the inspectors' own standards of conduct (巡察组要做到…), and a
headline (巡察办要算总账) the next sentence spells out by asking the same body.
"""

from __future__ import annotations

import re

from loaders.text.candidates import Context
from loaders.text.model import ParsedItem
from loaders.text.readers import Block
from loaders.text.segments import cn_number
from loaders.text.units import Resolved
from loaders.text.walker_view import WalkerView

# a form's request field (督办要求：, 处理意见：) under the field stating its matter (督办事项：, 问题内容：)
FORM_REQUEST = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:要求|意见)[：:]")
FORM_FIELD = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:事项|问题|内容|情况)[：:]")


def form_item(paragraph: int, sentence: str, items: list[ParsedItem], blocks: list[Block]) -> int | None:
    """The item a form's request field is about: the last one stated in the three lines above it (a form's
    fields are short lines: 责任单位：/督办事项：/整改时限：/督办要求：), else None."""
    if not FORM_REQUEST.match(sentence):
        return None
    near = [i for i, it in enumerate(items) if paragraph - 3 <= it.paragraph < paragraph
            and FORM_FIELD.match(blocks[it.paragraph - 1].text)]  # the matter is a field too (督办事项：…)
    return near[-1] if near else None


# a ；-clause opening a numbered entry of its own (…；四是…, …；（三）…)
NEXT_ENTRY = re.compile(r"[；;](?:[一二三四五六七八九十]是|[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．])")


# words pointing back at the units just named (这三个单位, 上述两个村): those, not every unit of the document
DEMONSTRATIVE = ("这", "这些", "上述", "以上", "前述")


def every_unit(request: str, items: list[ParsedItem]) -> bool:
    """Whether a request counts as many units (对6个单位…, 三个单位) as the document found problems at, three or
    more: it is about all of them, as 全县 or 被巡察单位 is, not about each one in particular — unless the count
    points back at the units just named (这三个单位), which are each meant."""
    m = re.search(r"(?<![第\d一二三四五六七八九十])(\d{1,2}|[一二三四五六七八九十]{1,3})个(?:单位|部门|党组织)", request)
    if m is None or request[:m.start()].endswith(DEMONSTRATIVE):
        return False  # 对这三个单位挂牌督办: the units just named, each of them
    n = int(m.group(1)) if m.group(1).isdigit() else cn_number(m.group(1))  # 十五个, 二十个 too
    return n >= 3 and n >= len({it.unit_id or it.unit_name for it in items})


# the inspectors' own standards of conduct (巡察组要做到…精准, 要严格遵守…纪律, 要恪守…, 要坚守…) and way of working
# told alone (各巡察组要深入基层，多听群众意见。): not a task handed to them
CONDUCT = re.compile(r"^(?:要|须|必须|应当)?(?:严格)?(?:做到|遵守|恪守|坚守|守住)"
                     r"|^(?:要|须|必须|应当)?深入(?:基层|一线|群众)[^。；]{0,12}$")
# the inspectors asked only to look into what they heard (巡察组要重点了解 / 要深入了解 / 要抓紧核实 / 对这些问题要重点
# 关注、跟进了解): the focus of their own work, as the writers count it, no task handed to them
LOOK_INTO = re.compile(r"^(?:对[^，。；]{1,12})?(?:要|须)?(?:重点|抓紧|认真|进一步|深入)?(?:关注|了解|核实)"
                       r"(?:[、，,](?:跟进|深入)?(?:关注|了解|核实))*$")
# what a body did before, told as the problem's history (由县纪委监委约谈后仍未整改): nothing asked of it
DONE_BEFORE = re.compile(r"^[^，。；]*?后(?:仍|还|依然|却)")
# a procedural reminder to the receiver (请你委在处置中注意保密): how to handle what it got, no request about an item
PROCEDURE = re.compile(r"^(?:要|须|请)?(?:在[^，。；]{0,12}?(?:中|时|期间)[，,]?)?(?:注意|严格|做好|严守)?(?:保密|保守秘密)")
# a sentence telling, from a past month, what a body did (今年8月，县委巡察办牵头对…开展…; also after the warrant it
# acted on: 按照县委部署，5月，县委巡察办组织…开展…): no modal asks it
PAST_DATE = re.compile(r"^(?:(?:按照|根据|依据)[^，。；]{2,16}?(?:安排|部署|要求|决定)[，,])?"
                       r"(?:今年|去年|上年|\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:份|初|中旬|下旬|底)?(?:以来)?[，,]")
MODAL = re.compile(r"^(?:要|须|必须|应当|应|务必|请)")
# what a body led, told as done (由县委巡察办牵头，…对X进行了巡察): a completed act and no modal in the request
DONE_ACT = re.compile(r"(?:进行|开展|完成|实施)了")
ASKING_WORD = re.compile(r"(?<![重主需只])要|须|应当|务必|请|建议")


def no_handoff(body: str, request: str, sentence: str = "") -> bool:
    """Whether what follows a body's name hands it nothing: the inspectors' own conduct, what it did before (also
    told from a past month without a modal, or as a completed act with no modal: 由X牵头，…对Y进行了巡察), or a
    reminder of procedure."""
    return bool(body == "巡察机构" and (CONDUCT.match(request) or LOOK_INTO.match(request)) or DONE_BEFORE.match(request)
                or PROCEDURE.match(request) or (PAST_DATE.match(sentence) and not MODAL.match(request))
                or (DONE_ACT.search(request) is not None and ASKING_WORD.search(request) is None))


# what makes a sentence more than a headline: it names a problem or a unit the request is about
ABOUT_SOMETHING = re.compile(r"问题|线索|[局乡镇村][的，,]|公司|医院|学校")


def announced(names: list[re.Pattern[str]], request: str, after: str, sentence: str = "") -> bool:
    """Whether a body's request is only a headline (第三个要求，巡察办要算总账) that the very next sentence spells out
    by asking the same body again: a request of a few characters followed at once by the body's name (``names``:
    the body's patterns in ``text_rules.json``), in a sentence naming no problem or unit (对X局的问题，县纪委监委要
    严肃查处。县纪委监委要… asks twice)."""
    if ABOUT_SOMETHING.search(sentence):
        return False
    words = re.sub(r"^(?:要|须|必须|应当)", "", request)
    head = re.sub(r"^(?:县委|县|各)", "", after.lstrip()[:12])
    return len(words) <= 4 and any((m := n.search(head)) is not None and m.end() <= 6 for n in names)


def cited_scope(walker: WalkerView, ahead: str, cited: list[int], items: list[ParsedItem]) -> list[Resolved]:
    """The units a request citing items (第4项和第5项…) is about: each cited item's, once — or the one unit the request
    says they concern (其中第4项和第5项线索涉及X乡，建议…) when every cited item is at X or at one of its villages:
    one request about the township, not one per village."""
    known = [i for i in cited if items[i].unit_id] or cited  # an entry naming no unit is of the ones cited with it
    own = [Resolved(items[i].unit_id, items[i].unit_name or "", "") for k, i in enumerate(known)  # one per unit
           if not items[i].unit_id or all(items[j].unit_id != items[i].unit_id for j in known[:k])]
    m = re.search(r"(?:涉及|均在|都在|属于)([^，。；、]{2,20})", ahead)
    units = [u for u in walker.finder.mentions(m.group(1)) if u.start == 0] if m and len(cited) > 1 else []
    if not units or walker.is_body(units[0].form):
        return own
    scope = walker.finder.resolve(units[0].form)
    inside = all(items[i].unit_id and (items[i].unit_id == scope.unit_id or walker.finder.is_parent(
        scope.unit_id, items[i].unit_id)) for i in cited)
    return [scope] if scope.unit_id and inside else own


VILLAGE_ENDINGS = ("村", "社区")
CONTRACTOR = re.compile(r"(?:施工|中标|承建|投标|设计|监理|供货|代理)单位")  # a firm it hired, no inspected unit


def feedback_object(walker: WalkerView, contexts: list[Context], text: str) -> Resolved | None:
    """The inspected unit of a feedback report (对X开展了…巡察 under its title) a request naming no unit is about:
    its requests are about that unit even when worded generally — 对村级工程项目… in a village's own report means
    that village's, and a unit word that is no inspected unit (施工单位, 中标单位) does not make a request about
    every unit. Wording reaching beyond the report (全县, 各单位, 今后, 被巡察单位, 各村) keeps it about none."""
    if walker.title_kind != "feedback" or not contexts or contexts[0].source != "文件标题":
        return None
    doc = contexts[0].unit
    rules = walker.rules
    if doc is None or not doc.unit_id or walker.finder.mentions(text) or "该" in text or re.search(r"各", text):
        return None
    if any(w in text for w in rules["county_scope"] + rules["general_scope"]):
        return None
    broad = [w for w in rules["broad_scope"] if w in text]
    village = doc.name.endswith(VILLAGE_ENDINGS)
    if broad and not (village and broad == ["对村级"]):
        return None
    return doc if broad or CONTRACTOR.search(text) else None


def inspected_object(walker: WalkerView, contexts: list[Context]) -> Resolved | None:
    """The inspected unit of a feedback report (its title names it), else None."""
    if walker.title_kind != "feedback" or not contexts or contexts[0].source != "文件标题":
        return None
    doc = contexts[0].unit
    return doc if doc is not None and doc.unit_id else None


def regulator_object(walker: WalkerView, contexts: list[Context], text: str) -> Resolved | None:
    """The inspected unit a regulator's county-wide check is about in a feedback report (请县X局履行行业主管部门职责，
    在全县开展…专项检查): the problem found at the unit is why the check is asked, so it is about that unit; in a
    report on several units or none (综合报告, 讲话) such a check stays about none."""
    doc = inspected_object(walker, contexts)
    if doc is None or walker.finder.mentions(text):
        return None
    return doc if any(w in text for w in walker.rules["county_scope"]) else None


def label_units(contexts: list[Context], here: list[ParsedItem], n: int) -> list[Resolved]:
    """The units a paragraph's label names (关于A和B：…), or its problems are at, when they are as many as its
    request counts (县委组织部要对两个单位党组织书记开展约谈): the request is about each of them; else []."""
    if n < 2:
        return []
    ctx = next((c for c in reversed(contexts) if c.unit and c.unit.unit_id), None)
    named = [ctx.unit, *ctx.also] if ctx is not None and ctx.unit is not None else []
    if len(named) == n and all(u.unit_id for u in named):
        return named
    units = {it.unit_id: Resolved(it.unit_id, it.unit_name or "", "") for it in here if it.unit_id}
    return list(units.values()) if len(units) == n else []


def next_subject(walker: WalkerView, text: str) -> int | None:
    """Where a ；-clause after a request opens on a unit of its own (…对XX村问题线索依规处理；兴坪镇党委要履行…): that
    unit is told to act itself, so its name is not what the request before is about; None when no clause does."""
    for m in re.finditer(r"[；;]", text):
        first = next(iter(walker.finder.mentions(text[m.end():m.end() + 24])), None)
        if first is not None and first.start == 0 and not walker.is_body(first.form):
            return m.start()
    return None


FIELD_NAME = re.compile(r"([\u4e00-\u9fff]{2})领域")


def field_found_here(text: str, items: list[ParsedItem], paragraph: int) -> bool:
    """Whether the field a request names (对采砂领域的问题线索…) is a problem of its own paragraph (a speech's 关于X局:
    河道采砂问题屡查屡犯…纪委监委要对采砂领域的问题线索一查到底): it is about that problem's unit, not every unit."""
    m = FIELD_NAME.search(text)
    return m is not None and any(it.paragraph == paragraph and m.group(1) in it.text for it in items)


# a topic that is a kind of conduct, not a matter found (对整改敷衍塞责的，…; 凡…的，…): whoever does so; or the same
# kind put after the body (X要对整改不力的严肃问责, X对整改不力的要严肃问责)
WHOEVER = re.compile(r"^(?:对|凡)[^，。；]{2,20}的$")
WHOEVER_AFTER = re.compile(r"^[，,]?(?:要|须|必须|应当)?(?:对|凡)([^，。；]{2,20}?)的[，,]?"
                           r"(?:要|须|必须|应当|一律|坚决|严肃|从严)")


def whoever(topic: str, rest: str) -> str | None:
    """The kind of conduct a request is put against (对整改不力、敷衍整改的), before the body or right after it, else
    None: a request against whoever behaves so is about no unit in particular, as the writers key it."""
    if WHOEVER.match(topic):
        return topic
    after = WHOEVER_AFTER.match(rest)
    return after.group(1) if after else None
