"""How serious a problem read from a report is, as its own words say — a suggestion with the words it went by.

Ledgers state a severity; reports rarely do, but their wording tells: 严重、问题突出、顶风违纪、挪用 mark a grave
problem, 不够规范、有待加强、个别 a lesser one. Without a suggestion every accepted item entered the graph as the
model's default 较重, which the unit's page then showed as if the report had said so. Now each item carries a
suggested severity and its reason (the cue found, or that none was and the county's default applies) to the review
queue, where the analyst sees and may change it before accepting. Cues are county settings
(``severity_rules.json``, overridden by the data folder's file of that name).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.model.enums import Severity
from graph.reviews.rules import load_rules
from loaders.text.model import ParsedItem


def severity_rules(data_dir: Path | None = None) -> dict[str, Any]:
    return load_rules("severity_rules", data_dir, package="loaders.text")


def suggest(text: str, rules: dict[str, Any]) -> tuple[Severity, str]:
    """The severity the text's words suggest (a grave cue outweighs a mild one) and why, in Chinese."""
    for level in (Severity.HIGH, Severity.LOW):
        cue = next((w for w in rules[level.value] if w in text), None)
        if cue:
            return level, f"文中有“{cue}”，建议{level.label_zh}"
    default = Severity(rules["default"])
    return default, f"文中未言明轻重，按默认{default.label_zh}"


def rate(items: list[ParsedItem], rules: dict[str, Any]) -> list[ParsedItem]:
    """The items, each with its suggested severity and reason."""
    out = []
    for item in items:
        level, why = suggest(item.text, rules)
        out.append(item.model_copy(update={"severity": level, "severity_reason": why}))
    return out
