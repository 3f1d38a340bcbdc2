"""From a candidate to items: the problem sentences, the unit(s), a category and a confidence with reasons.

A candidate is an item only if its problem sentences hold one of the problem cues of ``text_rules.json`` (or end
in “…的问题”); sentences that set requirements (“X局要…”), and a requirement clause at the end of a problem
sentence (“…不达标，县水利局要…”), and a request under its label in a problem + request pair (问题：…。整改要求：…。),
are kept out of the item's text but may name its unit. An unnumbered paragraph
is an item only when it also names its unit somewhere (or redacts it) and neither praises (巡察认为，X能够…) nor
introduces or reports (主要有以下几个方面, 反馈如下). A plain paragraph under a heading that states a problem
(（二）X落实有差距。) is one item with it; one under a section label with its summary (X方面：A存在短板) is not.
"""

from __future__ import annotations

import re

from loaders.text import categories
from loaders.text.asides import announces, bare_topic, comments, introduces_table, only_announced
from loaders.text.asking import clause_asking
from loaders.text.clause_subjects import listed_holders, opens_clause, withheld_subjects
from loaders.text.clauses import listed, reports, segment_groups, states
from loaders.text.counted_units import counted_units
from loaders.text.cues import has_cue
from loaders.text.items import Candidate, Context, Walker
from loaders.text.model import ParsedItem
from loaders.text.owners import closing_owner
from loaders.text.referents import kind_antecedent
from loaders.text.segments import ANNOUNCED_FORM, INLINE
from loaders.text.units import REDACTED, Resolved

REQUIREMENT = re.compile(r"^(?:[^，。；！？]{0,16}[，,]|[^，。；！？]{0,12}作为[^，。；！？]{0,24}[，,])?"
                         r"[^，。；！？]{0,24}?(?<![重主需纪摘提只我])(?<![^线]索)"
                         r"(?:(?<=还)要(?!跑|交|等|找|排队|垫付|自费|来回|多跑)|(?<!还)要|须|必须|应当)"  # 还要跑: a burden
                         # 特别要指出的是，…; 也要看到…; 有个问题要特别指出，…: announcing, not asking
                         r"(?![求点件素案]|(?:特别|着重|专门)?指出|说的|讲的|强调的|提醒的|看到|认识到|注意到)")
# a clause that turns a problem sentence into a requirement on the unit its subject names (…不达标，县水利局要…)
REQUIRED_CLAUSE = re.compile(r"[，,](?=[^，。；！？]{1,16}?"
                             r"(?:局|委|办|镇|乡|村|社区|街道|中心|公司|集团|院|校|部|党组|党委|支部)"
                             r"(?:要|须|必须|应当)(?![求点件素案]))")


# a list of requirements inside a sentence (…是第一责任人，一要…，二要…): what is asked, whatever words it holds
ASKED_LIST = re.compile(rf"(?:^|[，,：:；;。])[{'一二三四五六七八九十'}]要[^。]*?[，,；;][{'二三四五六七八九十'}]要")
# the labels of a problem + request pair within one paragraph (问题：…。整改要求：…。 / 【问题】…。【建议】…。)
REQUEST_LABEL = re.compile(r"^\s*(?:【[^】]{0,6}(?:建议|要求|措施|意见)】|(?:整改|工作|处理|意见)?(?:要求|建议|措施)[：:])")
PROBLEM_LABEL = re.compile(r"^\s*(?:【[^】]{0,6}问题[^】]{0,4}】|[^，。；：:]{0,6}问题[^，。；：:]{0,4}[：:])")
# a field of a form that holds the problem itself (反映内容：…, 具体表现：…, 问题描述：…): a problem whatever its words
PROBLEM_FIELD = re.compile(r"^\s*(?:反映(?:内容|问题)|问题(?:描述|表现)|(?:具体|主要)(?:表现|问题)|(?:存在|发现)的?问题)"
                           r"[：:](?=.{6})")  # not 主要情况：/主要内容：, which tell the facts or a notice's points
# a paragraph opening with a tally (截至9月底，…共有反馈问题104个，已整改86个): a progress report, not problems
TALLY = re.compile(r"^(?:截至|截止|到)[^，。；]{1,12}[，,][^。；]*?(?:共有|共计|累计|合计|整改率|完成率)"
                   # …共收到反馈问题26个，已完成整改19个: the count of a rectification, whoever opens it
                   r"|^[^，。；]{0,12}(?:共|累计|合计)[^，。；]{0,6}问题\d+个[，,]已(?:完成)?整改"
                   # …巡察反馈问题共158个。截至11月底，已完成整改141个: the count first, the date of the tally after
                   r"|^[^，。；]{0,16}问题(?:共|累计|合计)(?:有|计)?\d+[个项条][。，,][^。；]{0,20}?已(?:完成)?整改")


def _is_requirement(sentence: str, cues: tuple[str, ...], asking: re.Pattern[str]) -> bool:
    if asking.search(sentence.strip()) or ASKED_LIST.search(sentence.strip()):
        return True
    m = REQUIREMENT.match(sentence.strip())
    return m is not None and not has_cue(sentence[: m.end()], cues)


def split(cand: Candidate, cues: tuple[str, ...], asking: re.Pattern[str]) -> tuple[str, str, list[tuple[str, str]]]:
    """(problem text, requirement text, (problem sentence, the requirement cut from its end) pairs) of a
    candidate."""
    from loaders.text.segments import sentences

    problem: list[str] = []
    required: list[str] = []
    bound: list[tuple[str, str]] = []
    labelled = False  # after a request's label (整改要求：…, 【建议】…) until a problem's label (问题：…)
    for _, s in sentences(cand.text):
        labelled = bool(REQUEST_LABEL.match(s)) or (labelled and not PROBLEM_LABEL.match(s))
        if labelled:
            required.append(s)  # 问题：A不严。整改要求：建立…。: the pair's request, kept apart
            continue
        if comments(s):
            continue  # 这说明什么？说明监管没有跟上。/ 我插一句，…: the speaker's comment, not another problem
        if _is_requirement(s, cues, asking):
            asked = asking.search(s.strip())
            head = s.strip()[: asked.start()] if asked else ""
            if asked and head and has_cue(head, cues) and not re.match(r"^(?:对|针对|关于|就)", head):
                # X局违规…的问题，请县委组织部…; but 对…问题线索，建议… names the request's topic
                problem.append(head + "。")
                bound.append((head + "。", s.strip()[asked.end():]))
                required.append(s.strip()[asked.start() + 1:])
            else:
                required.append(s)
            continue
        cut = REQUIRED_CLAUSE.search(s)
        if cut and re.match(r"^(?:对|针对|关于|就)", s.strip()):
            required.append(s)  # 对…顶岗问题，组织部要…: the topic of a request, not a problem stated
        elif cut and has_cue(s[: cut.start()], cues):
            problem.append(s[: cut.start()] + "。")
            required.append(s[cut.start() + 1:])
            bound.append((s[: cut.start()] + "。", s[cut.start() + 1:]))
        else:
            problem.append(s)
    return "".join(problem).strip(), "".join(required).strip(), bound


def _context_unit(cand: Candidate) -> tuple[Context | None, str]:
    if cand.own is not None and (cand.own.unit or cand.own.redacted):
        return cand.own, cand.own.source
    for ctx in reversed(cand.context):
        if ctx.unit or ctx.redacted:
            return ctx, ctx.source
    return None, ""


INLINE_FORMS = (*(form for form, _ in INLINE), ANNOUNCED_FORM)  # an inline enumeration's pieces carry a unit on
# a closing clause reporting the problem handed on (…，已按规定移交县委组织部，请…; …，已转县X局依规处理)
HANDED_ON = re.compile(r"[，,](?:已|现已|并已)[^，。；]{0,6}?(?:移交|移送|转交|转)[^。；]*[。；]?$")
TITLED = re.compile(r"^[^。；，了]{2,30}问题[。：:](?=.)")  # 7.某镇“数字整改”问题。…: a numbered case under its title
DONE = re.compile(r"已(?:经)?(?:完成|整改|办结|销号|落实|追回|清退|纠正)|(?:较好|良好|扎实|到位|规范|有力|成效|明显)")
ANSWERS_FOR = re.compile(r"负有[^，。；]{0,8}责任")  # X镇党委对上述问题负有监管责任: who answers for them
DOING_WELL = re.compile(r"(?:整改|工作|情况|管理|落实)(?:总体)?(?:较好|良好|扎实|到位|规范|有力)(?![的地])")


def _refers_back(walker: Walker, text: str) -> bool:
    """Whether a text names its unit only as 该局/该单位/该镇 (a reference to the unit just before)."""
    return any(ref in text for ref in walker.rules["self_refs"] if ref.startswith("该"))


def _praises(walker: Walker, text: str) -> bool:
    """Whether a text praises (取得了明显成效; 要引起高度重视 is asked, not praise). A paragraph that praises and
    then turns (…取得了明显成效。但…比如X局…推进缓慢) is judged sentence by sentence."""
    return any(p in text and not re.search(f"(?:要|引起|必须|应当){p}", text) for p in walker.rules["praise_cues"]
               ) or any(re.search(p, text) for p in walker.rules["praise_patterns"])


TURN = re.compile(r"[。；](?:但|但是|然而|不过)(?:也)?")


def _after_turn(walker: Walker, paragraph: str, text: str) -> bool:
    """Whether a sentence of a praising paragraph comes after it turns (…取得了明显成效。但也要看到…) and praises
    nothing itself: a finding the speaker sets against the praise."""
    turn = TURN.search(paragraph)
    at = paragraph.find(text.strip()[:12])
    return turn is not None and at > turn.start() and not _praises(walker, text)


def _past_turn(paragraph: str, text: str) -> str:
    """The sentences of a text that lie after its praising paragraph turns, when it runs across the turn."""
    turn = TURN.search(paragraph)
    sentences = re.findall(r"[^。；]+[。；]?", text)
    kept = [x for x in sentences if turn is not None and paragraph.find(x.strip()[:12]) > turn.start()]
    return "".join(kept) if kept and len(kept) < len(sentences) else text


def _kind_referent(walker: Walker, text: str, paragraph: int) -> Resolved | None:
    """The unit a 该村/该局/该公司 opening a problem refers to when it is not the heading's: the unit of the
    problem just before in the same paragraph, if it is of that kind (一是A村…。二是该村… under a township)."""
    m = re.match(r"^[^，。；]{0,4}?该(村|社区|局|公司|院|校|中心)", text.strip())
    last = walker.items[-1] if walker.items else None
    if m is None or last is None or last.paragraph != paragraph or not last.unit_name:
        return None
    return Resolved(last.unit_id, last.unit_name, "承接") if last.unit_name.endswith(m.group(1)) else None


def _cleared(walker: Walker, text: str) -> str:
    """A text without the phrases that say no problem was found (巡察中未发现突出问题): they hold problem words."""
    for p in walker.rules["no_problem_patterns"]:
        text = re.sub(p, "", text)
    return text


def _closing_requirement(walker: Walker, cand: Candidate, contexts: list[Context]) -> list[Resolved]:
    """The unit the requirement closing an inline list names (一是…。二是…。县X局要…), when nothing between the
    piece and it names a unit."""
    from loaders.text.segments import sentences

    found = sentences(cand.block.text)
    if not found or not _is_requirement(found[-1][1], walker.cues, clause_asking(walker.rules)):
        return []
    between = cand.block.text[cand.offset + len(cand.text):found[-1][0]]
    if walker.named_units(between, contexts):
        return []
    return walker.named_units(found[-1][1], contexts)[:1]


def _involved(walker: Walker, problem: str) -> bool:
    """Whether a problem names its units only as what it touches (…优亲厚友，涉及Y村3户…), after stating itself."""
    found = [m for m in walker.finder.mentions(problem) if not walker.is_body(m.form)]
    if not found or not re.search(r"[，,]涉及(?:到)?$", problem[:found[0].start]):
        return False
    return states(walker, problem[:found[0].start]) and all(
        re.search(r"(?:涉及(?:到)?|[、和及])$", problem[:m.start]) for m in found)


# a problem whose subject is some units unnamed (个别单位…, 有的乡镇…)
SOME_UNITS = re.compile(r"^(?:个别|有的|部分|一些|少数)(?:单位|部门|乡镇|地方)")
OWN_TOWNSHIP = re.compile(r"^(?:此外|另外|同时)?[，,]?(?:巡察组?|我们)?(?:还|也)?(?:发现)?(?:镇|乡|街道)(?![村里民长])"
                          r"(?:[“\"][^”\"]{1,8}[”\"])?[\u4e00-\u9fff]{0,8}?(?:纪委|纪工委|党委|党工委|政府|中心|所|站|办)"
                          r"|^该(?:镇|乡|街道)(?![村里民长])")  # 该镇对…督促不力 under a village: the township


def _own_township(walker: Walker, problem: str, ctx: Context | None) -> Resolved | None:
    """The township of a village in context, when a problem opens with the township's own body (镇纪委…)."""
    if ctx is None or ctx.unit is None or not ctx.unit.unit_id or not OWN_TOWNSHIP.match(problem.strip()):
        return None
    name = walker.finder.township_of(ctx.unit.unit_id)
    if not name or name == ctx.unit.name:
        return None
    return walker.finder.resolve(name)


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
    told = walker.named_units(required[1], contexts)[:1] if required[1] else []
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
    if carried:
        return carried, f"承接同段上一条点名的单位：{carried[0].name if carried[0] else '（已隐去）'}", 0.05
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


def itemize(walker: Walker, cand: Candidate) -> list[ParsedItem]:
    cues = walker.cues
    problem, required, bound = split(cand, cues, clause_asking(walker.rules))
    tally = TALLY.match(problem.strip()) if not cand.numbered else None
    if not problem or (tally and not states(walker, re.split(r"[。；;]", problem.strip())[0])):
        return []  # a tally that itself states a problem (截至…，共有12个问题仍未整改) is one
    stated = _cleared(walker, problem)
    hits = [c for c in cues if c in stated] + [m.group() for p in walker.patterns for m in [p.search(stated)] if m]
    listed_under_unit = cand.numbered and (any(c.unit or c.redacted for c in ([cand.own] if cand.own else []) + [
        c for c in cand.context]) or (  # 一是X局…不到位；二是Y局食堂承包给亲属：a list's entry naming its unit
        any(it.form == cand.form and cand.block.number - 1 <= it.paragraph for it in walker.items[-8:])
        and bool(walker.named_units(problem, cand.context)) and not DONE.search(problem)))
    ends_problem = (cand.numbered and (problem.rstrip("。；").endswith("的问题")  # unnumbered: …新发生的问题 is no list
                                       or bool(TITLED.match(problem)))) or bool(PROBLEM_FIELD.match(cand.block.text))
    if (not hits and not ends_problem and not listed_under_unit) or (
            not cand.numbered and introduces_table(cand.block.text)):
        return []  # …作用发挥不够充分。具体问题见下表。: the overview of the table's rows
    praise = _praises(walker, problem)
    contexts = cand.context + ([cand.own] if cand.own else [])
    reasons = [f"列举方式：{cand.form}" if cand.numbered else "未编号的段落"]
    base = 0.55 + (0.2 if cand.numbered else -0.1) + (0.05 if len(hits) >= 2 else 0.0)
    if hits:
        reasons.append(f"问题用语：{'、'.join(hits[:4])}")
    else:
        reasons.append("以“……的问题”结尾" if problem.rstrip("。；").endswith("的问题") else "列在单位之下，但无问题用语")
        base -= 0.1
    heading = walker.problem_heading(cand)
    groups = segment_groups(walker, problem, bound, contexts, split=not heading)
    if len(groups) > 1:
        reasons.append(f"一段中的句子分别点名不同单位，分为{len(groups)}条")
    groups = [(piece, told, piece if len(parts) > 1 else core) for text, told, core in groups
              for parts in [listed(walker, text)] for piece in parts]
    items = []
    previous: list[Resolved | None] = []
    for text, told, core in groups:
        kept = HANDED_ON.sub("。", text)
        if kept != text and states(walker, kept):  # X局违规…的问题，已移交县委组织部: the problem, not the report
            text, core = kept, HANDED_ON.sub("。", core)
        if not cand.numbered and praise and (tail := _past_turn(cand.block.text, text)) != text:
            text = core = tail  # …推动建章立制95项。比如X局…推进缓慢: the sentences after the turn only
        if not cand.numbered and ((praise and not _after_turn(walker, cand.block.text, text)) or reports(walker, core)):
            continue  # an unnumbered paragraph's praise, or a sentence introducing or reporting, is no problem
        if announces(text) or bare_topic(walker, text) or only_announced(walker, text):
            continue  # 仍存在一些不容忽视的问题。/ 再说X乡。: no finding named
        if re.search(walker.rules["own_work_pattern"], text.strip()):
            continue  # 本轮巡察组自身也暴露出…短板: the office's own shortcoming, not a finding at a unit
        if _cleared(walker, text) != text and not states(walker, _cleared(walker, text)):
            continue  # 检查中未发现问题: a finding of none
        if len(groups) > 1 and not cand.numbered and not states(walker, text) and ANSWERS_FOR.search(text):
            continue  # X镇党委对上述问题负有管理监督责任。: who answers for the problems, not one more of them
        if len(groups) > 1 and not states(walker, text) and DOING_WELL.search(text):
            continue  # 县总工会整改较好；县妇联…不彻底: a unit said to be doing well beside those with problems
        units, rule, delta = attribute(walker, cand, text, (required, told), contexts)
        if rule == "文中未写明单位" and previous and not re.search(r"要|须|应当", text):
            # X局…不到位；同时，该局…: the unit the clause before named (a requirement inherits none)
            named = previous[0].name if previous[0] else "（已隐去）"  # its subject: the first unit it named
            units, rule, delta = previous[:1], f"承接同段上一条点名的单位：{named}", 0.05
        elif rule.startswith("所在") and (referent := _kind_referent(walker, text, cand.block.number)) is not None:
            units, rule, delta = [referent], f"“该…”指上一条的单位：{referent.name}", 0.05
        elif rule == "文中未写明单位" and walker.items and _refers_back(walker, text):
            last = kind_antecedent(walker.items, text) or walker.items[-1]  # 2.该局… after 1.县X局…: the unit before
            units = [Resolved(last.unit_id, last.unit_name, "承接")] if last.unit_name else [None]
            rule, delta = f"“该…”指上一条的单位：{last.unit_name or '（已隐去）'}", 0.05
        previous = units if rule == "文中点名" else previous
        units += [b for b in walker.between_units(text, contexts)
                  if all(u is None or (u.unit_id or u.name) != (b.unit_id or b.name) for u in units)]
        if rule == "文中点名" and cand.form in INLINE_FORMS:
            walker.carried[(cand.block.number, cand.form)] = units
        if not cand.numbered and rule == "文中未写明单位":
            continue
        text = heading + text if heading and len(groups) == 1 else text
        items += _items(cand, text, units, rule, base + delta, reasons, walker)
    return items


SOME_OF = re.compile(r"^\s*(?:[^，。；]{0,12}(?:方面|环节)[，,])?(?:部分|有的|个别|一些|少数|多个|不少|多数|大部分|大多数)")


def _items(cand: Candidate, problem: str, units: list[Resolved | None], rule: str, confidence: float,
           reasons: list[str], walker: Walker) -> list[ParsedItem]:
    top = next((c.top for c in reversed(cand.context) if c.top), None)
    category, top_category, why = categories.suggest(problem, top, walker.rules)
    items = []
    for unit in units:
        unit_reasons, guessed = list(reasons), False
        if unit is None and walker.lead_object is not None and not REDACTED.search(problem) \
                and not SOME_OF.match(problem) and not (cand.own and cand.own.redacted):  # 部分乡镇…/有的医院…;
            # 在作风方面，个别部门…: some of the objects, not the first one's; a row of a withheld unit (*村) neither
            unit, rule, guessed = walker.lead_object, "专项巡察对象中的第一个（主管）单位", True
        if guessed:
            unit_reasons.append("文中未点名单位，按专项巡察所列第一个对象推定，请核对")
        elif unit is not None and unit.unit_id is None:
            unit_reasons.append(f"“{unit.name}”未能对应到单位：{unit.rule}")
        elif unit is not None and unit.rule not in ("名称一致",):
            unit_reasons.append(f"单位按{unit.rule}对应")
        if len(units) > 1:
            unit_reasons.append(f"同一句点名{len(units)}个单位，各记一条")
        c = confidence - (0.15 if (unit is not None and unit.unit_id is None) or guessed else 0.0)
        items.append(ParsedItem(
            paragraph=cand.block.number, text=problem, form=cand.form,
            unit_id=unit.unit_id if unit else None, unit_name=unit.name if unit else None, unit_rule=rule,
            category=category, top_category=top_category, category_reason=why,
            confidence=round(min(max(c, 0.05), 0.99), 2), reasons=unit_reasons))
    return items
