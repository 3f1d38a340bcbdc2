"""巡前画像的风险分：每个因素的取值 × 权重 = 得分，分类、监督重点和建议巡察方式。

Factors (as of the profile day; weights and limits in ``village_profile.json``):

* ``relapse``: issues found at the village again after an earlier one was rectified (整改后复发);
* ``repeat``: other issues repeating an earlier one there (屡查屡犯, not a relapse);
* ``overdue_task``: rectification tasks past their deadline and not done by the day;
* ``open_issue``: issues not yet rectified;
* ``open_petition``: petitions still 办理中; ``petition_recent``: petitions of the last
  ``petition_recent_years`` years;
* ``stalled_clue``: clues naming a current cadre whose hand-off stalled (the limits of ``linkage.json``);
* ``cadre_case``: cases naming a current cadre;
* ``relative_link``: a cadre's relative receiving a benefit or contracting a project in the village;
* ``project_money``: project money (万元) per ``project_money_per_households`` households (万元/户 by default);
* ``other_finding``: findings of the other supervision channels at the village;
* ``long_tenure``: years the current first-in-command has served beyond ``long_tenure_years``;
* ``since_inspection``: years since the last round inspected the village (never: ``never_inspected_years``);
* ``weak_income``: 1 when the collective income is below ``weak_income_below`` 万元.

A unit other than a village (a township, a county bureau) is profiled with the factors that apply to it: not
``open_petition``, ``petition_recent``, ``relative_link``, ``project_money`` or ``weak_income``
(``VILLAGE_ONLY``), which read what lies at a village.

Class: the first class of the chosen scheme whose ``min_score`` the score reaches and, when the class
names a ``factor``, whose factor fired. Mode (documented rule, first that holds): 提级巡察 when the score
reaches ``escalate_score`` and a current cadre is named by a stalled clue, a case or a relative link;
巡审联动 when project money or an audit finding fired; 直接巡察 when the score reaches ``escalate_score``;
otherwise 巡镇带村 for a village or a township (inspected with the villages under it) and 常规巡察 for any
other unit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.reviews.rules import RulesError, load_rules
from graph.reviews.village_profile_model import Factor

LABELS = {
    "relapse": ("整改后复发问题", "个", "整改实效，复发问题的根源和责任"),
    "repeat": ("屡查屡犯问题", "个", "屡查屡犯问题的长效机制"),
    "overdue_task": ("逾期未完成整改任务", "项", "逾期整改任务的推进和销号真实性"),
    "open_issue": ("尚未整改到位的问题", "个", "未完成整改问题的进度"),
    "open_petition": ("办理中的信访", "件", "群众反映强烈的信访事项"),
    "petition_recent": ("近年信访", "件", "信访反映集中的事项"),
    "stalled_clue": ("涉及现任村干部的停滞线索", "条", "问题线索的处置进展和现任村干部的廉洁情况"),
    "cadre_case": ("涉及现任村干部的案件", "件", "案件查办后的以案促改"),
    "relative_link": ("优亲厚友关联", "处", "优亲厚友：惠民资金发放和工程项目承揽"),
    "project_money": ("户均项目资金", "万元/户", "工程项目和资金使用"),
    "other_finding": ("其他监督渠道发现", "个", "审计等监督发现问题的整改，巡审联动"),
    "long_tenure": ("一把手任职超出年限", "年", "一把手长期任职下的权力运行和三资管理"),
    "since_inspection": ("距上次巡察", "年", "长期未巡察留下的监督空档"),
    "weak_income": ("村集体收入偏低", "", "村集体经济发展和三资管理"),
}


VILLAGE_ONLY = frozenset({"open_petition", "petition_recent", "relative_link", "project_money", "weak_income"})


def load_profile_rules(data_dir: Path | None = None) -> dict[str, Any]:
    """The settings, with an override's ``weights`` merged onto the shipped ones (only the factors it names)."""
    rules = load_rules("village_profile", data_dir)
    shipped = load_rules("village_profile")
    unknown = sorted(set(rules["weights"]) - set(shipped["weights"]))
    if unknown:
        raise RulesError(f"设置文件 village_profile.json 中有未知的风险因素：{'、'.join(unknown)}")
    rules["weights"] = {**shipped["weights"], **rules["weights"]}
    if rules["scheme"] not in rules["schemes"]:
        raise RulesError(f"设置文件 village_profile.json 中的分类方案“{rules['scheme']}”未定义，"
                         f"可选：{'、'.join(rules['schemes'])}")
    return rules


def factor(key: str, value: float, rules: dict[str, Any], evidence: list[str] | None = None) -> Factor:
    label, unit, focus = LABELS[key]
    weight = float(rules["weights"][key])
    value = round(float(value), 2)
    contribution = round(value * weight, 2)
    shown = f"{value:g}{unit}" if unit else ("是" if value else "否")
    return Factor(key=key, label=label, value=value, weight=weight, contribution=contribution,
                  explanation=f"{label}{shown}，权重{weight:g}，计{contribution:g}分。", focus=focus,
                  evidence_ids=sorted(set(evidence or [])))


def classify(factors: list[Factor], score: float, rules: dict[str, Any]) -> str:
    fired = {f.key for f in factors if f.contribution > 0}
    for klass in rules["schemes"][rules["scheme"]]:
        if score >= klass["min_score"] and (klass.get("factor") is None or klass["factor"] in fired):
            return klass["name"]
    return rules["schemes"][rules["scheme"]][-1]["name"]


def focus_list(factors: list[Factor], rules: dict[str, Any]) -> list[str]:
    top = sorted((f for f in factors if f.contribution > 0), key=lambda f: (-f.contribution, f.key))
    return [f"{f.focus}（{f.explanation.rstrip('。')}）" for f in top[:rules["focus_count"]]]


def mode(factors: list[Factor], score: float, rules: dict[str, Any], audit_found: bool,
         unit_kind: str | None = "village") -> tuple[str, str]:
    fired = {f.key for f in factors if f.contribution > 0}
    high = score >= rules["escalate_score"]
    people = fired & {"stalled_clue", "cadre_case", "relative_link"}
    if high and people:
        names = "、".join(LABELS[k][0] for k in sorted(people))
        return "提级巡察", f"风险分{score:g}达到{rules['escalate_score']:g}分，且有{names}，宜由县委巡察机构直接提级巡察。"
    if "project_money" in fired or audit_found:
        return "巡审联动", "有工程项目资金或审计发现，宜会同审计力量巡审联动。"
    if high:
        return "直接巡察", f"风险分{score:g}达到{rules['escalate_score']:g}分，宜直接巡察。"
    if unit_kind in ("village", "township"):
        return "巡镇带村", f"风险分{score:g}未达到{rules['escalate_score']:g}分，可在巡察乡镇时一并延伸。"
    return "常规巡察", f"风险分{score:g}未达到{rules['escalate_score']:g}分，按巡察规划常规安排。"
