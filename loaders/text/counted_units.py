"""The units a problem counts without naming them (三家单位都存在…, 两个部门均…, 三个村发展党员程序不规范): the units
the problems before it were found at, when they are as many as the count says.

Two forms: a count with 都/均 (or 共性的/共同的: 两个单位共性的问题是…; the classifier may go: 两单位均…) anywhere in
the problem, what the units share may stand between, after 的 (三个单位的台账都…; ``counted_units`` of
``text_rules.json``; 两村均… counts the villages named before, under whichever township), and a count of a named
kind opening the problem as its subject (三个村…, 两所学校…, 另外，两家医院…; villages may go bare: 两村…) — a
report's 共性问题 section writes it so. A count of units of no named kind (两个单位…) without 都 stays unresolved:
it may mean some of them.
"""

from __future__ import annotations

import re

from loaders.text.items import Walker
from loaders.text.units import KIND_ENDINGS, Resolved

# a count of units of a named kind as the problem's subject (三个村发展党员程序不规范, 另外，两所学校…)
COUNTED_SUBJECT = re.compile(r"^(?:另外|此外|同时|还有)?[，,]?([两二三四五六七八九]|[2-9])(?:家|个|所|(?=村|社区))"
                             r"(部门|党组织|乡镇|医院|学校|企业|村|社区)(?!都|均|全都|普遍|中|里|之中|当中|有)")



def counted_units(walker: Walker, text: str) -> list[Resolved | None]:
    """The units a problem counts: those of the problems before it — each township or department once, its villages
    left to it, of the kind the count names — when they are as many as the count says; else none."""
    m = re.search(walker.rules["counted_units"], text) or COUNTED_SUBJECT.match(text.strip())
    if m is None:
        return []
    n = int(m.group(1)) if m.group(1).isdigit() else "一两三四五六七八九".find(m.group(1)) + 1 or 2
    seen: dict[str, Resolved] = {}
    for it in walker.items:
        if it.unit_id and it.unit_id not in seen:
            seen[it.unit_id] = Resolved(it.unit_id, it.unit_name or "", "前文点名")
    top = [r for uid, r in seen.items() if not any(walker.finder.is_parent(other, uid) for other in seen)]
    if m.group(2) in ("村", "社区"):  # 两村均…: the villages named before, under whichever township
        top = [r for r in seen.values() if r.name.endswith(m.group(2))]
    elif m.group(2) in KIND_ENDINGS:  # 两乡镇均…, 两局均…: the townships, the bureaus among them, by their names' ends
        top = [r for r in top if r.name.endswith(KIND_ENDINGS[m.group(2)])]
    elif m.group(2) not in ("单位", "部门", "党组织", ""):
        top = [r for r in top if m.group(2) in r.name]  # 两家医院均…: the hospitals among them
    return list(top) if len(top) == n else []
