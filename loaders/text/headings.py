"""Whether a paragraph is a heading over the ones below it, and at what level.

A short line with no full stop is a heading when the paragraphs under it are numbered deeper (or it is the last
line, or an unnumbered line not itself a list); a numbered one-sentence problem is one over the longer plain
paragraph that sets it out, or over a list numbered deeper. A bulleted short line (■县水利局) over a numbered list
(1.…2.…) heads that list too: a bullet has no place in the ordinal families, so offices use it either for entries
or, as here, to mark the units or topics a numbered list falls under.
"""

from __future__ import annotations

import re
from typing import Any

from loaders.text.cues import has_cue
from loaders.text.readers import Block
from loaders.text.segments import inline_pieces, leading_marker

REQUIREMENT_START = re.compile(r"^[^，。；]{0,24}?(?:要|须|必须|应当)(?![求点件素案])")
BULLET_LEVEL = 5  # the level leading_marker gives a bullet (●, ■, ★ …)


def following_level(following: Block) -> int | None:
    """The numbering level of the paragraph after a line: its own number, else its Word list level."""
    next_level = leading_marker(following.text)[0]
    if following.level is not None and next_level is None:
        next_level = 3 + following.level
    return next_level


def is_heading(block: Block, level: int | None, text: str, after: list[Block], rules: dict[str, Any],
               item_level: int | None) -> bool:
    """``after``: the blocks after this one (the next two are enough)."""
    following = after[0] if after else None
    if block.in_table:
        return False
    if block.heading or block.bold:
        return True
    short = ("。" not in text and len(text) <= rules["heading_max_chars"] and "；" not in text
             and not text.rstrip().endswith(("？", "?")))  # 问：…这是谁把关的？: a question asked, no heading
    if not short:
        return (stated_heading(level, text, following, rules, item_level)
                or summary_over_list(level, text, following, rules))
    if following is None:
        return level is not None
    next_level = following_level(following)
    if level is None:
        return not text.startswith(("同志们",)) and not inline_pieces(text)[1]
    return next_level is None or next_level > level or bullet_list_level(block, level, after) is not None


def bullet_list_level(block: Block, level: int | None, after: list[Block]) -> int | None:
    """The level of the numbered list a short bulleted line (■县司法局) heads: the paragraph after it opens a list
    by an ordinal (1.…), or is a plain lead ending in a colon (整改总体较好…。回头看发现：) before one; else None."""
    if level != BULLET_LEVEL or leading_marker(block.text)[1] != 0:
        return None
    for i, nxt in enumerate(after[:2]):
        next_level, ordinal, _ = leading_marker(nxt.text)
        if next_level is not None and next_level < BULLET_LEVEL and ordinal == 1:
            return next_level
        if i or next_level is not None or nxt.in_table or not nxt.text.rstrip().endswith(("：", ":")):
            return None
    return None


def heading_level(block: Block, level: int | None, after: list[Block]) -> int:
    """The level a heading holds: its own, but a bullet heading over a numbered list sits just above the list,
    so the list's entries keep it in force."""
    if level is None:
        return 1
    listed = bullet_list_level(block, level, after)
    return level if listed is None else max(0, listed - 1)


def summary_over_list(level: int | None, text: str, following: Block | None, rules: dict[str, Any]) -> bool:
    """A numbered one-sentence summary (（二）资金管理存在风险。) over a list numbered deeper (1.…2.…)."""
    if level is None or following is None or following.in_table or not text.endswith("。"):
        return False
    next_level = following_level(following)
    return (text.count("。") == 1 and "；" not in text and len(text) <= rules["heading_max_chars"] // 2
            and next_level is not None and next_level > level)


def stated_heading(level: int | None, text: str, following: Block | None, rules: dict[str, Any],
                   item_level: int | None) -> bool:
    """A numbered one-sentence problem (（二）X落实有差距。) over a longer plain paragraph that sets it out."""
    if level is None or following is None or following.in_table or following.heading or following.bold:
        return False
    if level == item_level:
        return False  # 4. after the items 1.–3. is one more of them, not a heading over the next paragraph
    one = text.endswith("。") and text.count("。") == 1 and "；" not in text
    plain = (leading_marker(following.text)[0] is None and following.level is None
             and not re.match(r"^[^。；，]{0,20}[：:]", following.text) and not inline_pieces(following.text)[1])
    return (one and plain and len(text) <= rules["heading_max_chars"] and len(following.text) > len(text)
            and has_cue(text, tuple(rules["problem_cues"])) and not REQUIREMENT_START.match(following.text))
