"""Which unit a problem is at: the rules of :mod:`loaders.text.items` in their order, for one problem text
(from itemize.py, which grew past ~400 lines).
"""

from __future__ import annotations

import re

from loaders.text.asking import clause_asking
from loaders.text.candidates import Candidate, Context
from loaders.text.clause_subjects import listed_holders, opens_clause, withheld_subjects
from loaders.text.clauses import states
from loaders.text.counted_units import counted_units
from loaders.text.items import Walker
from loaders.text.owners import closing_owner
from loaders.text.problem_split import is_requirement
from loaders.text.segments import ANNOUNCED_FORM, INLINE, sentences
from loaders.text.units import REDACTED, Resolved

INLINE_FORMS = (*(form for form, _ in INLINE), ANNOUNCED_FORM)  # an inline enumeration's pieces carry a unit on


def _context_unit(cand: Candidate) -> tuple[Context | None, str]:
    if cand.own is not None and (cand.own.unit or cand.own.redacted):
        return cand.own, cand.own.source
    for ctx in reversed(cand.context):
        if ctx.unit or ctx.redacted:
            return ctx, ctx.source
    return None, ""


def _closing_requirement(walker: Walker, cand: Candidate, contexts: list[Context]) -> list[Resolved]:
    """The unit the requirement closing an inline list names (一是…。二是…。县X局要…), when nothing between the
    piece and it names a unit."""
    found = sentences(cand.block.text)
    if not found or not is_requirement(found[-1][1], walker.cues, clause_asking(walker.rules)):
        return []
    between = cand.block.text[cand.offset + len(cand.text):found[-1][0]]
    if walker.named_units(between, contexts):
        return []
    return walker.named_units(found[-1][1], contexts)[:1]


def _paragraph_subject(walker: Walker, cand: Candidate, problem: str, contexts: list[Context]) -> list[Resolved]:
    """The one unit a paragraph's opening sentence names, for a later problem of it naming none, when nothing
    between names another: a speaker who turns to a unit (再看县X院。…) speaks of it until naming the next."""
    block, head = cand.block.text, problem.strip()[:8]
    at = block.find(head) if head else -1
    found = sentences(block)
    if at <= 0 or not found or found[0][0] + len(found[0][1]) > at:
        return []
    opening = walker.named_units(found[0][1], contexts)
    before = walker.named_units(block[:at], contexts)
    if len(opening) != 1 or len(before) != 1 or opening[0].unit_id is None or before[0].unit_id != opening[0].unit_id:
        return []
    return opening


def _involved(walker: Walker, problem: str) -> bool:
    """Whether a problem names its units only as what it touches (…优亲厚友，涉及Y村3户…), after stating itself."""
    found = [m for m in walker.finder.mentions(problem) if not walker.is_body(m.form)]
    if not found or not re.search(r"[，,]涉及(?:到)?$", problem[:found[0].start]):
        return False
    return states(walker, problem[:found[0].start]) and all(
        re.search(r"(?:涉及(?:到)?|[、和及])$", problem[:m.start]) for m in found)


EXAMPLE = re.compile(r"[，,](?:如|比如|例如)(?![何果此实期今])")  # …，如A村…: an example of the failing stated before
# a problem whose subject is some units unnamed (个别单位…, 有的乡镇…)
SOME_UNITS = re.compile(r"^(?:个别|有的|部分|一些|少数)(?:单位|部门|乡镇|地方)")
# a township's own body or cadres opening a problem (乡纪委…, 镇干部…), also after a lead (回头看中还发现：镇干部…)
OWN_TOWNSHIP = re.compile(r"^(?:此外|另外|同时|还有)?[，,]?(?:巡察组?|我们)?(?:还|也)?(?:发现)?"
                          r"(?:[^，。；：:]{0,8}?发现[：:])?"
                          r"(?:镇|乡|街道)(?![村里民长])"
                          r"(?:[“\"][^”\"]{1,8}[”\"])?[\u4e00-\u9fff]{0,8}?(?:纪委|纪工委|党委|党工委|政府|中心|所|站|办|干部)"
                          r"|^该(?:镇|乡|街道)(?![村里民长])")  # 该镇对…督促不力 under a village: the township


def _own_township(walker: Walker, problem: str, ctx: Context | None) -> Resolved | None:
    """The township of a village in context, when a problem opens with the township's own body (镇纪委…)."""
    if ctx is None or ctx.unit is None or not ctx.unit.unit_id or not OWN_TOWNSHIP.match(problem.strip()):
        return None
    name = walker.finder.township_of(ctx.unit.unit_id)
    if not name or name == ctx.unit.name:
        return None
    return walker.finder.resolve(name)


def _carried_township(walker: Walker, problem: str, carried: list[Resolved | None] | None) -> Resolved | None:
    """The one township of the villages the entry before named, when a list's entry opens with a township's own body
    (三是A乡B村、C村…。四是乡农经站审计监督流于形式): the township spoken of, as under a village's heading."""
    if not carried or not OWN_TOWNSHIP.match(problem.strip()):
        return None
    names = {walker.finder.township_of(u.unit_id) for u in carried if u is not None and u.unit_id}
    names.discard("")
    if len(names) != 1 or any(u is None or walker.finder.kind(u.unit_id) != "village" for u in carried):
        return None
    return walker.finder.resolve(names.pop())


def _sole_township(walker: Walker, problem: str) -> Resolved | None:
    """The only township of its kind (乡, 镇 or 街道) a document names, when a problem naming no unit opens with a
    township's own body (对县A局、县B局、C乡开展…。一是乡纪委…超期): no other township can be meant."""
    m = OWN_TOWNSHIP.match(problem.strip())
    kind = re.search(r"街道|镇|乡", m.group()) if m else None
    if kind is None:
        return None
    named = {r.name for b in walker.blocks for x in walker.finder.mentions(b.text, walker.local)
             for r in [walker.finder.resolve(x.form)] if r.unit_id and walker.finder.kind(r.unit_id) == "township"}
    sole = [n for n in named if n.endswith(kind.group())]
    return walker.finder.resolve(sole[0]) if len(sole) == 1 else None


def attribute(walker: Walker, cand: Candidate, problem: str, required: tuple[str, str],
              contexts: list[Context]) -> tuple[list[Resolved | None], str, float]:
    """(units, the rule that chose them, change to the confidence) of one problem text; ``required`` is the
    requirement text after it and the part of that said in the problem's own sentence (…破损，X局要…)."""
    named = walker.named_units(problem, contexts)
    ctx, source = _context_unit(cand)
    if named and ctx is not None and ctx.unit is not None and walker.speaks_of_context(problem):
        # 群众反映X村…的信访件，乡党委未能…: the unit of the context is the one at fault — but a village of it
        # opening a clause of its own (乡党委对村干部管理偏松，Y村书记长期在外…) or named as the one involved
        # (…。涉及村：Y村。) is where the problem is, and so are units listed as having it (A、B存在…，该局…)
        holders = {walker.finder.resolve(f).unit_id for f in listed_holders(walker.finder, problem)}
        named = [u for u in named if (walker.finder.is_parent(ctx.unit.unit_id, u.unit_id)
                 and opens_clause(walker.finder, problem, u)) or u.unit_id in holders]
    example = EXAMPLE.search(problem)
    if named and ctx is not None and ctx.unit is not None and example and states(walker, problem[:example.start()]) \
            and not walker.named_units(problem[:example.start()], contexts):
        # X谋划不科学，部分项目闲置，如A镇B村大棚两年未投产: where the context's failing showed, not its subject
        return [ctx.unit], f"所在{source}：{ctx.unit.name}（其后“如……”为举例）", 0.1
    inspected = walker.inspected_units(problem, contexts) if not named else []
    first_red = REDACTED.search(problem)
    if named and first_red and not first_red.group().endswith("同志") and first_red.start() < min(
            (m.start for m in walker.finder.mentions(problem) if not walker.is_body(m.form)), default=len(problem)):
        return [None], f"单位名称已隐去（{first_red.group()}），先于文中其他单位", -0.1  # 相邻的XX村…，Y村并不知情
    township = _own_township(walker, problem, ctx)
    if township is not None:  # 镇纪委对该村…, 乡财政所… under a village: the township's own body is at fault
        return [township], f"“镇/乡…”指所在乡镇：{township.name}", 0.1
    if named and ctx is not None and ctx.unit is not None and _involved(walker, problem) and all(
            (u.unit_id or u.name) != (ctx.unit.unit_id or ctx.unit.name) for u in named):
        also = "、".join(u.name for u in named)  # X镇：镇村干部…优亲厚友，涉及Y村3户…: the township and the village
        return [ctx.unit, *named], f"所在{source}：{ctx.unit.name}；问题涉及{also}", 0.1
    if named:
        return list(named), "文中点名", 0.2
    if inspected:
        return [*inspected], f"文中所说的巡察对象：{inspected[0].name}", 0.15
    counted = counted_units(walker, problem)
    if counted:
        return counted, f"文中说{len(counted)}个单位都有此问题，即前文点名的{len(counted)}个单位", 0.05
    red = REDACTED.search(problem)
    if red and not red.group().endswith("同志"):  # 某村…, X镇党委… under a heading: the unit is not the heading's
        return [None] * withheld_subjects(problem), f"单位名称已隐去（{red.group()}）", -0.1  # X镇…，*乡…: two
    subjects = walker.named_units(re.split(r"要|须|必须|应当", required[1], maxsplit=1)[0], contexts) if required[1] else []
    told = subjects if len(subjects) > 1 else walker.named_units(required[1], contexts)[:1] if required[1] else []
    if told and ctx is not None and ctx.unit is not None and len(told) == 1 and walker.finder.is_parent(
            told[0].unit_id, ctx.unit.unit_id):  # Y村：…，X镇党委要负起责任: the township answers for its village
        told = []
    if told:
        return [*told], f"同一句要求{told[0].name}整改", 0.1
    if ctx is not None and ctx.unit is not None:
        named_too = "、".join(u.name for u in ctx.also)
        return [ctx.unit, *ctx.also], f"所在{source}：{ctx.unit.name}{'、' + named_too if named_too else ''}", (
            0.2 if ctx.level else 0.15)
    if ctx is not None:
        return [None], f"单位名称已隐去（{ctx.redacted}）", -0.1
    carried = walker.carried.get((cand.block.number, cand.form)) if cand.form in INLINE_FORMS else None
    if carried and SOME_UNITS.match(problem.strip()):  # 五是个别单位把整改责任推给…: not the entry's before
        return [None], "泛指个别单位，未写明是哪一个", -0.1
    asked = walker.named_units(required[0], contexts)[:1] if carried and required[0] in cand.text else []
    if asked:  # 三是…资金趴在账上。县Y社要尽快…: the entry's own request names its unit, not the entry before
        return [*asked], f"同一条中要求{asked[0].name}整改", 0.1
    township = _carried_township(walker, problem, carried)
    if township is not None:  # 三是A乡B村、C村…。四是乡农经站…: the villages' township's own body
        return [township], f"“镇/乡…”指上一条所在乡镇：{township.name}", 0.05
    township = _sole_township(walker, problem)
    if township is not None:  # 对县A局、C乡开展…。一是乡纪委…: the one township the document names
        return [township], f"“镇/乡…”指文中点名的唯一乡镇：{township.name}", 0.05
    if carried:
        return carried, f"承接同段上一条点名的单位：{carried[0].name if carried[0] else '（已隐去）'}", 0.05
    opened = _paragraph_subject(walker, cand, problem, contexts)
    if opened:  # 再看县X院。…。还有…，…。驻县Y局纪检监察组要…: the unit the paragraph turned to, until another is named
        return [*opened], f"段首点名的单位：{opened[0].name}", 0.1
    later = walker.named_units(required[0], contexts) if required[0] else []
    if not later and cand.form in INLINE_FORMS:
        later = _closing_requirement(walker, cand, contexts)
    if not later and cand.text.strip().endswith(cand.block.text.strip()[-8:]):
        later = walker.named_units(walker.next_requirement(cand.block), contexts)[:1]  # the last item only
    if later:
        return [later[0]], f"其后的要求点名：{later[0].name}要……", 0.1
    owner = closing_owner(walker, cand.block.number)
    if owner is not None:  # 以上问题，县X局要牵头抓好整改: the unit answering for the problems above
        return [owner], f"其后要求{owner.name}整改以上问题", 0.05
    red = REDACTED.search(problem)
    if red:
        return [None], f"单位名称已隐去（{red.group()}）", -0.1
    return [None], "文中未写明单位", -0.15
