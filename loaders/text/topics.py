"""A paragraph whose topic is itself the problem: ``关于X不到位的问题。巡察指出，…。整改情况：已…``.

Rectification reports (整改落实情况的报告) and ledgers written as prose open each numbered paragraph with the
problem as found (关于…的问题), then report what was done about it under a label (整改情况：, 整改进展：,
完成情况：). The topic and any sentence before the label are the item; what follows the label is progress, never
a problem of its own. The labels are ``progress_labels`` of ``text_rules.json``.
"""

from __future__ import annotations

import re


def stated_topic(body: str, about: re.Match[str], cues: tuple[str, ...], labels: list[str]) -> int | None:
    """Where the item ends in ``body`` when its ``关于…的问题`` topic states a problem (a cue in it, or a progress
    label after it: a report of what was done about it), else None."""
    topic = about.group(1)
    if not topic.endswith("问题"):
        return None
    rest = body[about.end():]
    found = [m.start() for m in (re.search(rf"(?:^|(?<=[。；;]))\s*{re.escape(w)}[：:]", rest) for w in labels) if m]
    if not found and not any(c in topic for c in cues):
        return None  # 关于X问题：… with no progress after it introduces the problems below, it states none
    return about.end() + min(found) if found else len(body)
