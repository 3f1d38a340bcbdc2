"""The problem cue words of ``text_rules.json`` as one compiled pattern: a text holds a cue when it matches.

Asking each of some 350 words in turn whether it is in a text is most of the cost of reading a long report; one
alternation scans the text once.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=16)
def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(cues, key=len, reverse=True)))) if cues else re.compile(r"(?!)")


def has_cue(text: str, cues: tuple[str, ...]) -> bool:
    return cue_pattern(cues).search(text) is not None
