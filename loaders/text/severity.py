"""How serious a problem read from a report is, as its own words say — a suggestion with the words it went by.

Ledgers state a severity; reports rarely do, but their wording tells: 问题严重、问题突出、顶风违纪、挪用 mark a grave
problem (unless denied or guarded against, 未发现挪用, or named as a risk, 被挪用的风险), 不够规范、有待加强、个别 a
lesser one. Without a suggestion every accepted item entered the graph as the model's default 较重, which the
unit's page then showed as if the report had said so. Now each item carries a suggested severity and its reason
(the cue found, or that none was and the county's default applies) to the review queue, where the analyst sees and
may change it before accepting. Cues are county settings (``severity_rules.json``, overridden by the data folder's
file of that name). The cues are office wording, not measured: no part of the fixtures marks severity.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.model.enums import Severity
from graph.reviews.rules import RulesError, load_rules
from loaders.text.model import ParsedItem


def level_of(said: object) -> Severity | None:
    """The level a person wrote, by its code or its Chinese name (high / 严重), or None."""
    return next((s for s in Severity if said in (s.value, s.label_zh)), None)


def severity_rules(data_dir: Path | None = None) -> dict[str, Any]:
    """The shipped rules with the data folder's ``severity_rules.json`` on top, checked whole when read (a default
    written as its Chinese name, 较重, is taken; a value no level has is refused, naming the file and the item)."""
    rules = load_rules("severity_rules", data_dir, package="loaders.text")
    default = level_of(rules["default"])
    if default is None:
        raise RulesError(f"设置文件 severity_rules.json 中“default”应为 一般、较重、严重 之一，现为“{rules['default']}”")
    for key in ("high", "low", "not_before", "not_after"):
        if not all(isinstance(w, str) and w.strip() for w in rules[key]):
            raise RulesError(f"设置文件 severity_rules.json 中“{key}”应为不空的词语列表")
    if not isinstance(rules["window"], int) or not 0 <= rules["window"] <= 10:
        raise RulesError("设置文件 severity_rules.json 中“window”应为 0 到 10 的整数")
    return {**rules, "default": default.value}


def suggest(text: str, rules: dict[str, Any]) -> tuple[Severity, str]:
    """The severity the text's words suggest (a grave cue outweighs a mild one) and why, in Chinese."""
    for level in (Severity.HIGH, Severity.LOW):
        cue = next((w for w in rules[level.value] if _said(text, w, rules)), None)
        if cue:
            return level, f"文中有“{cue}”，建议{level.label_zh}"
    default = Severity(rules["default"])
    return default, f"文中未言明轻重，按默认{default.label_zh}"


def _said(text: str, cue: str, rules: dict[str, Any]) -> bool:
    """Whether the text says the cue of the problem itself: not denied or guarded against just before it (未发现挪用,
    防范截留), nor named as a risk or a quality just after it (被挪用的风险, 严重性)."""
    width = rules["window"]
    start = text.find(cue)
    while start >= 0:
        before, after = text[max(0, start - width):start], text[start + len(cue):start + len(cue) + width]
        if not any(w in before for w in rules["not_before"]) and not any(w in after for w in rules["not_after"]):
            return True
        start = text.find(cue, start + 1)
    return False


def rate(items: list[ParsedItem], rules: dict[str, Any]) -> list[ParsedItem]:
    """The items, each with its suggested severity and reason."""
    out = []
    for item in items:
        level, why = suggest(item.text, rules)
        out.append(item.model_copy(update={"severity": level, "severity_reason": why}))
    return out
