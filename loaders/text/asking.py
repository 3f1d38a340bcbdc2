"""The wordings by which a sentence asks a body to act, rather than telling what it did: the opening of an asking
clause (建议…, 请…), a request without a modal verb (对X局开展专项督查, 抓紧对…进行督导), what follows a body that
建议/请 addresses, a helper, a body given its part after a request, a receiver asked further on in its sentence
(移交县纪委监委审查的X问题，请依法处理), and a request counting units (两家医院).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

# the opening of a clause that asks (（三）建议…, 请…), and the words of a request within one
ASKING = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,2}[、.．])?"
                    r"(?:建议|请|责成|提请|抄告|抄送)?由?")
REQUESTING = r"要|须|应当|负责|牵头|指导|履行|督促|请|协助"
# a body told what to do without a modal verb (县委巡察办对X局开展专项督查, 派驻组对X问题跟进监督), not what it did
# (…开展了…)
DIRECTED = re.compile(r"^(?:适时|及时|定期|尽快|随后|抓紧|立即|马上|迅速|加快)?(?:组织)?"
                      r"对[^，。；]{1,30}?(?:开展|进行|组织|做好)(?!了|过)[^，。；]{0,12}?"
                      r"(?:督查|检查|核查|初核|初步核实|督导|监督|评估|抽查|回访|回头看)"
                      r"|^对[^，。；]{1,30}?跟进(?:监督|核查|核实|督办|督促|处置|查处)(?!了|过)")
# a sentence set in the time of an inspection (…期间，X组对…开展…回头看; 本轮巡察，X组对…开展…), or one telling the
# groups a round sends out (本轮共派出N个巡察组，其中第一巡察组对…开展…; 本轮安排第一巡察组巡察X): what was or
# will be done, told as a report or an announcement — without a modal, no request
NARRATED_FRAME = re.compile(r"^(?:(?:按照|根据|依据)[^，。；]{0,12}[，,])?(?:[^，。；]{0,30}?(?:期间|以来|之际|巡察中)[，,]"
                            r"|(?:本轮|这轮|此次|本次)巡察[，,]|[^，。；]{0,20}?派出[^，。；]{0,8}?巡察组[，,]"
                            r"|(?:本轮|这轮|此次|本次)(?:巡察)?(?:共|拟)?安排(?=[^，。；]{0,12}?巡察组))")
# what follows a body that 建议/请 addresses when it is asked to act (建议县纪委监委对…, 请你委按规定办理)
ASKED_TO = re.compile(r"^[^，。；]{0,12}?(?:对|把|将|就|牵头|会同|跟进|跟踪|督促|指导|开展|加强|依规|立案|调查|核查|"
                      r"处置|结合|办理|承办|处理|查处|组织|重点关注|查办|约谈|问责|追责|追究|核实|督办|研究|提醒谈话|函询|"
                      r"初核|初步核实|了解(?!到)|彻查|严查|深查|快查|查清|查明|查实|一查到底|审查|复核|选调|选派|配备|充实|调整|考察|指定管辖|提供|介入|完成|做好|研处|研判|"
                      r"予以)")
# a body told to act on a problem without a modal verb (X局作为行业主管部门，对…问题依法核查), not one that failed
ACTS_ON = re.compile(r"^[，,]?(?:对|就)[^，。；]{1,30}?(?:依法|依规|依纪|立即|及时|全面|开展|进行|组织)"
                     r"[^，。；]{0,6}?(?:核查|核实|查处|督查|检查|整治|清查|处置|处理|督导|督促整改)(?!了|过)")
# (a kind may follow the numeral bare: 对两乡镇…, 两局…)
COUNTED = re.compile(r"(?<![第一二三四五六七八九十\d])([两二三四五六七八九]|[2-9])(?:个|家|所|(?=乡镇|局|村))"
                     r"(?!月|年|方面|问题)(医院|学校|村|社区|公司|乡镇|镇|乡|单位|部门|局)?")


def units_counted(request: str) -> int:
    """How many units a request counts (对两家医院…, 督促两个群团组织…), else 0."""
    m = COUNTED.search(request)
    return 0 if m is None else "一两三四五六七八九".find(m.group(1)) + 1 if not m.group(1).isdigit() else int(m.group(1))


HANDED = ("移交", "移送", "转交")
ASKING_OPENING = re.compile(r"(?:^|[，,；;])(?:建议|请)(?:将|把)[^，。；]{2,40}$")
HELPER_BEFORE = ("会同", "配合", "协助", "联合")
# a body given its part in a request made just before it (X要加强…，县纪委监委派驻第七纪检监察组给予指导)
SUPPORTING = re.compile(r"^(?:给予|加强|做好|负责)?(?:指导|督导|跟进监督|跟踪监督|跟踪督办|跟踪问效|跟踪督查|跟进督办|"
                        r"跟踪落实|督促落实)")
# a body told what to do about a topic before the modal (纪委监委对巡察移交的线索要优先办理), the topic a matter
# closed by a comma too (组织部对X、Y班子运行中的问题，要深入研判): the modal opens the clause right after it
TOPIC_FIRST = re.compile(r"^对(?:[^，。；]{1,24}?|[^，。；]{2,30}?(?:问题|线索|情况|事项)[，,])"
                         r"(?:要|须|应当)(?![求点件素案])")

# a paragraph ending on a lead that announces requests (…。建议：, 几点建议：, 下一步建议如下：): each paragraph after it
# that opens on a body (after its ordinal, if any) is a request to that body, as if the lead stood before it
# (建议：\n县纪委监委对X村…问题开展调查。\n县委组织部会同Y乡党委，对Z村…), the run ending at the first that does not
REQUEST_LEAD = re.compile(r"(?:建议|要求)(?:如下)?[：:]$")
LEAD_ORDINAL = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,2}[、.．]"
                          r"|[一二三四五六七八九十]是)?")


def led_by_request(paragraphs: list[tuple[int, str]], opens_on_body: Callable[[str], bool]) -> set[int]:
    """The numbers of the paragraphs a lead announcing requests (建议：) opens, in order after it: each opens on a
    body (``opens_on_body``: the text past its ordinal)."""
    led: set[int] = set()
    lead = False
    for number, text in paragraphs:
        text = text.strip()
        if lead and text and opens_on_body(LEAD_ORDINAL.sub("", text)):
            led.add(number)
            continue
        lead = bool(REQUEST_LEAD.search(text))
    return led


# a request each of several bodies is to carry out on its own (A和B要分别盯紧驻在单位…; 县A局、县B局履行行业主管部门
# 职责，分别对…): one directive each, not one for the chain
SEVERALLY = re.compile(r"^(?:职责)?[，,]?(?:要|须|应当)?分别")


# a letter's addressee (县纪委监委：) on a line of its own near the top: a 请… naming no body asks it (also after the
# letter's matters pointed back at: 以上线索请于…将办理情况反馈…, or one cited by number: 第4项线索请指导…)
SALUTATION = re.compile(r"^[^。，；]{2,30}[：:]$")
PLEASE = re.compile(r"(?:^|[，,；;])(?:(?:以上|上述|前述)[^，。；请]{0,8}|(?:第[^，。；请]{1,8}?[项件条](?:问题)?|"
                    r"[^，。；请]{2,16}?)线索)?请(?!示|假|销)")  # …两条线索请合并核查: the matter named, then 请
# a letter's closing line asking only to be told the outcome (请于三个月内将处置情况反馈县委巡察办): a report-back, no
# request to act — unless it names the matters handed over (以上线索请于…将办理情况反馈…: handle them and report)
REPORT_BACK = re.compile(r"^(?:于|在)?[^，。；]{0,12}?(?:将|把)?[^，。；]{0,10}?(?:情况|结果|进展|进度)[^，。；]{0,4}?"
                         r"(?:书面)?(?:反馈|报送|报告|告知|函告|回复)")


def only_reporting_back(please: re.Match[str], sentence: str) -> bool:
    """Whether a letter's bare 请… asks only for the outcome to be reported back, naming no matter to act on."""
    return not re.search(r"以上|上述|前述|第", please.group()) and bool(REPORT_BACK.match(sentence[please.end():]))


# in a letter handing matters over (its title holds a word of ``handing_over_title``: …移交问题线索的函), 建议… naming
# no body asks the addressee too; in a unit's own report to a body (…整改情况的报告，县委巡察办：) it is the unit's
# plan, asking no one
SUGGEST = re.compile(r"(?:^|[，,；;])建议")

# the words right after a body named after 由 that tell what it did (由巡察组交办的…, 由县纪委监委查处的案件)
DONE_BY = r"[^，。；]{1,4}的"


def done_by(after: str) -> bool:
    """Whether the words right after a body named after 由 tell what the body did (由巡察组交办的…, 由县纪委监委
    查处的案件): a past deed, not a request to it. One bound for the asking clause and the addressed body."""
    return re.match(DONE_BY, after) is not None


def letter_addressee(texts: list[str], bodies: Callable[[str], list[str]]) -> str | None:
    """The body a letter is addressed to (its salutation among the first lines names exactly one, by ``bodies``:
    the bodies a text names), else None."""
    for text in texts[:4]:
        if SALUTATION.match(text.strip()):
            found = bodies(text.strip())
            return found[0] if len(found) == 1 else None
    return None


def addressee_clauses(sentence: str, names_body: Callable[[str], bool]) -> list[tuple[str, str]]:
    """(request, text after 请) of each ；-clause of a letter's sentence that asks by a bare 请 before the first
    clause naming a body (竹湾镇两条线索请合并核查；X线索请纪委监委审查调查): the addressee's, beside the body's."""
    out = []
    for clause in re.findall(r"[^；;]+[；;]?", sentence):
        if names_body(clause):
            break  # the clauses after a body's own are its request's (请X对A…；请对B…)
        please = PLEASE.search(clause)
        if please and ASKED_TO.match(clause[please.end():]) and not only_reporting_back(
                please, clause):
            out.append((clause[please.end():].rstrip("。；;"), clause[please.end():]))
    return out


# a receiver named in what was handed to it, asked later in the sentence (移交县纪委监委处置的X问题，请依规处理;
# X问题线索移交县纪委监委，建议从严查处)
PLEASE_LATER = re.compile(r"[，,](?:请(?!示|假|销)|建议)")


def asked_after_handing(after: str, names_someone: Callable[[str], bool]) -> bool:
    """Whether the words after a receiver (移交县纪委监委…) ask it to act further on (…，请依法依纪处理, …，建议从严
    查处): a 请 or 建议 naming no other body or unit, followed by what to do."""
    m = PLEASE_LATER.search(after)
    if m is None or re.search(r"[。；;]", after[: m.start()]):
        return False
    rest = after[m.end():]
    return bool(ASKED_TO.match(rest)) and not names_someone(rest[:8])


def clause_asking(rules: dict[str, Any]) -> re.Pattern[str]:
    """A sentence's clause that asks (…问题线索，建议…; 请县X局…), or that gives the matter to a body (对X问题，由县委
    巡察办会同…): a request, whatever problem it mentions. The bodies are those ``text_rules.json`` lists, so a
    county's override of the list reaches it."""
    return _clause_asking(tuple(p for ps in rules["bodies"].values() for p in ps))


@lru_cache(maxsize=8)
def _clause_asking(bodies: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(f"(?:{p})" for p in bodies)
    return re.compile(r"(?:^|[，,：:；;])(?:建议|请|责成|提请)(?![示假销求]|说明|解释|介绍|谈谈)"  # 请说明情况: a question
                      rf"|(?:^|[，,：:；;])由(?![^，。；]{{0,14}}?(?:{names}){DONE_BY})"  # 由巡察组交办的…: done (done_by)
                      rf"(?=[^，。；]{{0,14}}?(?:{names})"
                      r"(?![^，。；]*?后(?:仍|还|依然|却)))")  # …由县纪委监委约谈后仍未整改: what was done, not asked
