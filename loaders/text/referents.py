"""The unit a 该集团/该局/该公司 names: the unit of the latest problem of that kind, when the problem just before
is of another kind or names no unit (…*局对施工现场安全检查流于形式。该集团对二次供水设施运维管理不到位。: the group
of an earlier entry, not the withheld bureau).
"""

from __future__ import annotations

import re

from loaders.text.model import ParsedItem

KIND = re.compile(r"该(集团|公司|局|院|校|中心|村|社区|乡|镇|街道)")
# the names a kind word stands for (该校: a school; 该院: a hospital or the like)
NAMES = {"校": ("学校", "中学", "小学", "中专", "学院"), "院": ("院",), "公司": ("公司",)}


def of_kind(name: str, kind: str) -> bool:
    """Whether a unit's name is of the kind a 该… names (宁川县水务集团有限公司 is a 集团 and a 公司)."""
    if kind in ("集团", "中心", "公司"):
        return kind in name
    return name.endswith(NAMES.get(kind, (kind,)))


def kind_antecedent(items: list[ParsedItem], text: str) -> ParsedItem | None:
    """The latest item whose unit is of the kind the text's 该… names, when the item just before is not of it;
    None when the text names no kind, the last item is of it, or no item is."""
    m = KIND.search(text)
    if m is None or not items:
        return None
    if items[-1].unit_name and of_kind(items[-1].unit_name, m.group(1)):
        return None
    return next((it for it in reversed(items) if it.unit_id and it.unit_name and of_kind(it.unit_name, m.group(1))),
                None)
