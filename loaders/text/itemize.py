"""From a candidate to items: the problem sentences, the unit(s), a category and a confidence with reasons.

A candidate is an item only if its problem sentences hold one of the problem cues of ``text_rules.json`` (or end
in “…的问题”); sentences that set requirements (“X局要…”), and a requirement clause at the end of a problem
sentence (“…不达标，县水利局要…”), and a request under its label in a problem + request pair (问题：…。整改要求：…。),
are kept out of the item's text but may name its unit. An unnumbered paragraph
is an item only when it also names its unit somewhere (or redacts it) and neither praises (巡察认为，X能够…) nor
introduces or reports (主要有以下几个方面, 反馈如下). A plain paragraph under a heading that states a problem
(（二）X落实有差距。) is one item with it; one under a section label with its summary (X方面：A存在短板) is not.
Keeping requirements apart is :mod:`loaders.text.problem_split`; choosing the unit, :mod:`loaders.text.attribution`.
"""

from __future__ import annotations

import re

from loaders.text import categories
from loaders.text.asides import announces, bare_topic, introduces_table, only_announced
from loaders.text.asking import clause_asking
from loaders.text.attribution import INLINE_FORMS, attribute
from loaders.text.clauses import listed, reports, segment_groups, states
from loaders.text.items import Candidate, Walker
from loaders.text.model import ParsedItem
from loaders.text.problem_split import split, without_cited
from loaders.text.referents import kind_antecedent
from loaders.text.units import REDACTED, Resolved

# a field of a form that holds the problem itself (反映内容：…, 具体表现：…, 问题描述：…): a problem whatever its words
PROBLEM_FIELD = re.compile(r"^\s*(?:反映(?:内容|问题)|问题(?:描述|表现)|(?:具体|主要)(?:表现|问题)|(?:存在|发现)的?问题)"
                           r"[：:](?=.{6})")  # not 主要情况：/主要内容：, which tell the facts or a notice's points
# a paragraph opening with a tally (截至9月底，…共有反馈问题104个，已整改86个): a progress report, not problems
TALLY = re.compile(r"^(?:截至|截止|到)[^，。；]{1,12}[，,][^。；]*?(?:共有|共计|累计|合计|整改率|完成率)"
                   # …共收到反馈问题26个，已完成整改19个: the count of a rectification, whoever opens it
                   r"|^[^，。；]{0,12}(?:共|累计|合计)[^，。；]{0,6}问题\d+个[，,]已(?:完成)?整改"
                   # …巡察反馈问题共158个。截至11月底，已完成整改141个: the count first, the date of the tally after
                   r"|^[^，。；]{0,16}问题(?:共|累计|合计)(?:有|计)?\d+[个项条][。，,][^。；]{0,20}?已(?:完成)?整改")


# a closing clause reporting the problem handed on (…，已按规定移交县委组织部，请…; …，已转县X局依规处理)
HANDED_ON = re.compile(r"[，,](?:已|现已|并已)[^，。；]{0,6}?(?:移交|移送|转交|转)[^。；]*[。；]?$")
# the topic of such a report (对X的问题线索，已移交…): the clue handed on, not one more finding
HANDED_TOPIC = re.compile(r"^(?:对|针对|就|关于)[^，。；]{2,40}?(?:问题线索|线索)[，,]")
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


def itemize(walker: Walker, cand: Candidate) -> list[ParsedItem]:
    cues = walker.cues
    problem, required, bound = split(cand, cues, clause_asking(walker.rules), walker.rules.get("plan_sentence", ""))
    problem = without_cited(problem, bound, [it.text for it in walker.items])
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
        if kept != text and HANDED_TOPIC.match(text.strip()):
            continue  # 对村干部亲属承揽工程的问题线索，已移交乡纪委处理: a report of the clue handed on
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
