"""A title's subtitle naming whom a feedback report is about (关于…专项巡察的反馈意见 / ——县委第六巡察组对县X局党组, or
（县X局党组） in brackets): the line under a title that names no unit, opening on a dash or bracketing the unit alone,
is part of the title, as a speech's ——在…会上的讲话 is.
"""

from __future__ import annotations

import re

from loaders.text.units import Resolved
from loaders.text.walker_view import WalkerView

SUBTITLE = re.compile(r"^\s*[—-]{1,2}(?=[^。]{2,60}$)")  # ——…, a short line without a full stop
# （县X局党组）: the unit alone (its party organ after it) in brackets, a cover line, never a heading (（一）…)
BRACKETED = re.compile(r"^\s*[（(]([^（）()。，；]{2,40})[）)]\s*$")
ORGAN = re.compile(r"(?:党组|党委|党总支|党支部|党工委|领导班子)?")
BY_GROUP = re.compile(r"(?:巡察组|巡察办|工作组|检查组|督查组)(?:对|关于)$")  # …巡察组对|县X局党组


def subtitle_unit(walker: WalkerView, text: str) -> Resolved | None:
    """The unit a dash-led subtitle says the inspectors reported on (——县委第六巡察组对县X局党组): the first unit
    named right after the group and its 对; the unit a bracketed line names alone (（县X局党组）); none for any other
    subtitle (——在全县巡察工作动员会上的讲话, （县委巡察办供稿）)."""
    bracketed = BRACKETED.match(text)
    if bracketed:
        inner = bracketed.group(1).strip()
        first = next(iter(walker.finder.mentions(inner)), None)
        if first is not None and first.start == 0 and not walker.is_body(first.form) and ORGAN.fullmatch(
                inner[first.end:]):
            return walker.finder.resolve(first.form)
        return None
    if not SUBTITLE.match(text):
        return None
    for m in walker.finder.mentions(text):
        if not walker.is_body(m.form) and BY_GROUP.search(text[: m.start]):
            return walker.finder.resolve(m.form)
    return None
