"""Keeping a candidate's requirements apart from its problem sentences.

Sentences that set requirements (“X局要…”), a requirement clause at the end of a problem sentence (“…不达标，县水利局
要…”) and a request under its label in a problem + request pair (问题：…。整改要求：…。) are not the problem, but may
name its unit: :func:`split` returns them beside it (from itemize.py, which grew past ~400 lines).
"""

from __future__ import annotations

import re

from loaders.text.asides import comments
from loaders.text.candidates import Candidate
from loaders.text.cues import has_cue
from loaders.text.request_topic import WHETHER
from loaders.text.requirement_topics import bigrams
from loaders.text.segments import SPEAKER_TURNS, sentences

REQUIREMENT = re.compile(r"^(?:[^，。；！？]{0,16}[，,]|[^，。；！？]{0,12}作为[^，。；！？]{0,24}[，,])?"
                         r"[^，。；！？]{0,24}?(?<![重主需纪摘提只我])(?<![^线]索)"
                         r"(?:(?<=还)要(?!跑|交|等|找|排队|垫付|自费|来回|多跑)|(?<!还)要|须|必须|应当)"  # 还要跑: a burden
                         # 特别要指出的是，…; 也要看到…; 有个问题要特别指出，…: announcing, not asking
                         # X镇的问题要单独说一说: a speaker turning to a unit, not asking
                         r"(?![求点件素案]|(?:特别|着重|专门)?指出|说的|讲的|强调的|提醒的|看到|认识到|注意到"
                         rf"|{SPEAKER_TURNS})")
# a clause that turns a problem sentence into a requirement on the unit its subject names (…不达标，县水利局要…)
REQUIRED_CLAUSE = re.compile(r"[，,](?=[^，。；！？]{1,16}?"
                             r"(?:局|委|办|镇|乡|村|社区|街道|中心|公司|集团|院|校|部|党组|党委|支部)"
                             r"(?:要|须|必须|应当)(?![求点件素案]))")


# a list of requirements inside a sentence (…是第一责任人，一要…，二要…): what is asked, whatever words it holds
ASKED_LIST = re.compile(rf"(?:^|[，,：:；;。])[{'一二三四五六七八九十'}]要[^。]*?[，,；;][{'二三四五六七八九十'}]要")
# the labels of a problem + request pair within one paragraph (问题：…。整改要求：…。 / 【问题】…。【建议】…。)
REQUEST_LABEL = re.compile(r"^\s*(?:【[^】]{0,6}(?:建议|要求|措施|意见)】|(?:整改|工作|处理|意见)?(?:要求|建议|措施)[：:])")
PROBLEM_LABEL = re.compile(r"^\s*(?:【[^】]{0,6}问题[^】]{0,4}】|[^，。；：:]{0,6}问题[^，。；：:]{0,4}[：:])")


def is_requirement(sentence: str, cues: tuple[str, ...], asking: re.Pattern[str]) -> bool:
    if asking.search(sentence.strip()) or ASKED_LIST.search(sentence.strip()):
        return True
    m = REQUIREMENT.match(sentence.strip())
    return m is not None and not has_cue(sentence[: m.end()], cues)


def split(cand: Candidate, cues: tuple[str, ...], asking: re.Pattern[str],
          plan: str = "") -> tuple[str, str, list[tuple[str, str]]]:
    """(problem text, requirement text, (problem sentence, the requirement cut from its end) pairs) of a
    candidate. A sentence matching ``plan`` (text_rules.json's plan_sentence: 下一步，我们将…) tells what the writer
    will do: kept apart as a requirement is, whatever problem words (进展缓慢的事项) it holds."""
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
        if is_requirement(s, cues, asking) or (plan and re.match(plan, s.strip())):
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
        if cut and (re.match(r"^(?:对|针对|关于|就)", s.strip()) and not _stated_failing(s[: cut.start()], cues) or (
                WHETHER.search(s[: cut.start()]) and not re.search(r"[，,；;]", s[: cut.start()]))):
            required.append(s)  # 对…顶岗问题，组织部要…; X背后有没有利益输送，Y要…: the topic of a request
        elif cut and has_cue(s[: cut.start()], cues):
            problem.append(s[: cut.start()] + "。")
            required.append(s[cut.start() + 1:])
            bound.append((s[: cut.start()] + "。", s[cut.start() + 1:]))
        else:
            problem.append(s)
    return "".join(problem).strip(), "".join(required).strip(), bound


TOPIC_END = re.compile(r"(?:问题|情况|现象|线索|事项|行为|工作|事情|等)[^，,]{0,2}$")


def _stated_failing(head: str, cues: tuple[str, ...]) -> bool:
    """Whether the words before a request's clause, opening on 对, state a failing of the unit spoken of (对村级
    监督基本空转，…，镇纪委要反思) rather than name the request's topic (对…顶岗问题，组织部要…): the first clause
    holds a problem word and does not end on a topic noun (问题, 情况, 线索…)."""
    first = re.split(r"[，,]", head.strip(), maxsplit=1)[0]
    return has_cue(first, cues) and not TOPIC_END.search(first)


def without_cited(problem: str, bound: list[tuple[str, str]], taken: list[str]) -> str:
    """A problem text without the heads of requests that cite a problem taken before (X村虚报工程量问题，建议县纪委
    监委予以核查。 after X村…虚报工程量 listed above): the request's topic, not one more problem — as a requirement's
    topic repeating a problem is not taken twice (requirement_topics.py)."""
    for head, _ in bound:
        if not re.search(r"(?:问题|线索)。$", head):
            continue
        core = re.sub(r"的?(?:问题|线索)。$", "", head)
        words = bigrams(core)
        if len(words) >= 3 and any(len(words & bigrams(t)) * 3 >= len(words) * 2 for t in taken):
            problem = problem.replace(head, "", 1).strip()
    return problem
