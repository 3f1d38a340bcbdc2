"""Sentences of a problem text that state no finding of their own, though they may hold a problem word or a unit:
the speaker's comment on the problem before (这说明…, 我插一句，…), a summing-up of the findings above (从以上情况看，
…), a sentence only announcing that problems exist (仍存在一些不容忽视的问题。) and a spoken topic that only names
the unit next spoken of (再说X乡。). Each is office or speech wording, found in every kind of report."""

from __future__ import annotations

import re

from loaders.text.clauses import states
from loaders.text.items import Walker

# a sentence that comments on the one before it (说明…, 由此可见…, 这些问题都说明…, also after an overall view:
# 总的看，上述问题反映出…; its causes: 以上问题，既有…原因，也有…), a speaker's aside (我插一句，…;
# 顺便说一句), the group's reading (巡察组认为，…根子在于…) or a summing-up of what was set out above (从以上情况
# 看，…; 综上所述，…)
COMMENT = re.compile(r"^(?:这|这也|也|由此)?(?:说明|可见)(?!会|书|材料|情况)"
                     r"|^(?:(?:总的|总体|综合|整体)(?:来)?看[，,])?(?:这些|这类|上述|以上|前述)(?:问题|情况|现象)"
                     r"(?:[^，。；]{0,4}?(?:说明|反映出|暴露出|表明|折射出)"
                     r"|(?:的(?:产生|出现|发生))?[，,]?(?:既有|究其原因|原因(?:在于|主要))"  # 以上问题，既有…客观原因
                     r")"
                     r"|^巡察组?(?:综合|分析)?认为[，,]"  # the group's reading of what it found
                     r"|^(?:我)?(?:再)?插(?:一|两|几)句[，,]|^顺便说一句[，,]"
                     r"|^(?:从|就|由)(?:以上|上述|前述)[^，。；]{0,8}(?:看|来看|可以看出)[，,]|^综上(?:所述)?[，,]")
# a sentence announcing only that problems exist (但…，仍存在一些不容忽视的问题。; 还存在不少短板。), also after an
# overall view turned by 但 (总体看，…逐步健全，但在…等环节仍有不少薄弱点。) — not X落实有一定差距。, which states
# how far a duty falls short
ANNOUNCING = re.compile(r"^(?:[^。；]*[，,](?:但|但是|然而|不过)[^，。；]{0,24}?"
                        r"|(?:但|但是|然而|不过|同时)?(?:[^，。；]{0,24}[，,])?[^，。；]{0,12}?)(?:仍|还|也|依然|仍然)?"
                        r"(?:存在|有)着?(?:一些|不少|若干|诸多|许多|以下)[^，。；]{0,10}?"
                        r"(?:问题|不足|短板|差距|薄弱环节|薄弱点|弱项)[。：:！]?$")
# what a spoken topic says beside the unit's name (先说X乡。再说Y乡。下面说说Z局的情况。)
TOPIC_WORDS = re.compile(r"^(?:先|再|接着|然后|最后|下面|另外)?(?:说说?|讲讲?|谈谈?|看看?)(?:一下)?(?:的情况|的问题)?$")


def comments(sentence: str) -> bool:
    """Whether a sentence comments on, or sums up, the findings before it rather than stating one."""
    return bool(COMMENT.match(sentence.strip()))


def announces(text: str) -> bool:
    """Whether a text only announces that problems exist, naming none of them."""
    return bool(ANNOUNCING.match(text.strip()))


def only_announced(walker: Walker, text: str) -> bool:
    """Whether a paragraph's problem words are all in a sentence announcing that problems exist (本轮对A、B开展…巡察。
    总体看，…，但…仍有不少薄弱点。): the round's overview, no finding of the units it names."""
    sentences = [s for s in re.split(r"(?<=[。！])", text) if s.strip()]
    if len(sentences) < 2 or not any(announces(s) for s in sentences):
        return False
    return not states(walker, "".join(s for s in sentences if not announces(s)))


def bare_topic(walker: Walker, text: str) -> bool:
    """Whether a text only names the unit the speaker turns to (再说X乡。), stating nothing."""
    found = walker.finder.mentions(text)
    if not found or states(walker, text):
        return False
    rest = text
    for m in reversed(found):
        rest = rest[: m.start] + rest[m.end:]
    return bool(TOPIC_WORDS.match(re.sub(r"[\W_]", "", rest)))


# a paragraph's closing sentence pointing to the list or table below for the particulars (具体问题见下表。)
POINTS_BELOW = re.compile(r"(?:详|具体)?(?:[^，。；]{0,6})(?:见|列于|列入)(?:下表|附表|表\d|附件|后附清单)[。：:]?$")


def introduces_table(paragraph: str) -> bool:
    """Whether an unnumbered paragraph ends by sending the reader to the table below (巡察发现，X作用发挥不够充分。
    具体问题见下表。): its words are the overview the table's rows set out, no finding beside them."""
    sentences = [x for x in re.split(r"(?<=[。！])", paragraph.strip()) if x.strip()]
    return len(sentences) >= 2 and bool(POINTS_BELOW.search(sentences[-1].strip()))
