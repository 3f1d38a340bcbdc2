"""The topic of a request: the clause before the body's own that says what it is about (``对X问题，县纪委监委
要…``, ``建议将X的问题线索移交…``, ``X问题交由派驻纪检监察组核查``)."""

from __future__ import annotations

import re

from loaders.text.asking import ASKING
from loaders.text.model import ParsedItem
from loaders.text.segments import CN
from loaders.text.walker_view import WalkerView

# a clause asking whether something lies behind a matter (X背后有没有利益输送, 是否存在…): the matter to look into
WHETHER = re.compile(r"有没有|是否|存不存在")


def request_topic(sentence: str, rest: str) -> str:
    """The clause before the body's own when it says what the request is about (``对X问题，县纪委监委要…``)."""
    before = sentence[: sentence.find(rest)] if rest else ""
    before = re.split(r"[；;]", before)[-1]  # the topic of a request is said in its own ；-clause
    if re.search(r"(?:该|此|上述)(?:问题|事项|线索|人员|情况)|该(?:乡|镇|村|局|单位|街道|社区|公司|院|校)", rest):
        # X局…的问题，…，请Y对该问题(该乡)核查: the problem (unit) said before the body — after any clause asking
        # another body with its own modal (A要对X村…处置，B要对该乡…: X村 is A's matter, not B's)
        return re.split(r"[^，,]*?(?:要|须|应当)[^，,]*[，,]", before)[-1]
    before = re.sub(rf"^(?:[{CN}]是|第[{CN}]{{1,2}}[，,、]|其[{CN}][，,、]|\d{{1,2}}[.．、])", "", before)  # 二是对…
    clauses = re.split(r"[，,；;：:]", ASKING.sub("", before, count=1) if before.startswith(("（", "(")) else before)
    handed = re.match(r"^(?:建议|请)(?:将|把)", clauses[-1]) if clauses else None
    if handed:
        return clauses[-1][handed.end():]  # 建议将X的问题线索移交…: X is what the receiver acts on
    passed = re.match(r"^(.{2,40}?(?:问题|线索|事项))(?:交由|交给|由|请)", clauses[-1]) if clauses else None
    if passed:
        return passed.group(1)  # X问题交由派驻纪检监察组核查, X问题请纪委监委…: X is what it acts on
    fronted = re.match(r"^(.{2,40}?(?:问题|线索|事项))[^，,的]{2,16}$", clauses[-1]) if clauses else None
    if fronted:
        return fronted.group(1)  # “X”问题县纪委监委要专项督办: the matter a speaker puts first, the body right after
    passed = re.match(r"^(.{2,40}?(?:问题|线索|事项))(?:转交?|移交)", clauses[-2]) if len(clauses) > 1 else None
    if passed and re.match(r"^(?:请|建议)其", clauses[-1]):
        return passed.group(1)  # X问题转Y局，请其…: X is what Y is asked about
    for topic in reversed(clauses[:-1]):  # the nearest clause naming a matter: 对X…, X…问题，由Y牵头，Z跟进
        if re.match(r"^(?:对|针对|就|关于)", topic) or topic.endswith(("问题", "线索", "的事", "的事情")) or (
                WHETHER.search(topic)):  # X公司借款背后有没有利益输送，县纪委监委要一查到底: X is what is asked
            return topic
    return ""


# a named problem carried into the rounds to come (将X问题纳入下一轮整改督查重点, 把X纳入下轮巡察重点)
CARRIED = re.compile(r"(?:将|把)([^，。；]{2,30}?)纳入(?:下一轮|下轮|下一步|今后)")


def carried_problem(rest: str) -> str:
    """The problem a request carries into the next round (请巡察办将X问题纳入下一轮督查重点): the next round is
    the county's, but the matter is one found, so the request is about that problem's unit ("" when none)."""
    m = CARRIED.search(rest)
    return m.group(1) if m else ""


def section_problem(walker: WalkerView, item: ParsedItem) -> str:
    """The problem the heading over an item states (三、选人用人不够规范): a request may cite the section by it
    (对选人用人不规范问题，建议…), meaning the section's problems, the first of which stands for them."""
    told = "".join(c.problem for c in walker.block_context.get(item.paragraph, []) if c.problem)
    return "" if told in item.text else told


# the problem a request names as its object (派驻组对X问题跟进监督, 要对X问题开展核查)
# (not a 问题 inside a quoted slogan: 对整改销号实行“一问题一佐证”审核)
NAMED_PROBLEM = re.compile(r"^[，,]?(?:要|须|应当)?(?:对|就|针对)([^，。；“”\"]{2,30}?(?:问题|线索))")


def named_problem(rest: str) -> str:
    """The problem a request names right after its body (对X问题跟进监督): what it is about, as a topic clause
    before the body would be, so a problem one sentence found at several units ties the request to each ("" when
    it names none)."""
    m = NAMED_PROBLEM.match(rest)
    return m.group(1) if m else ""
