# ruff: noqa: E501  (fixture text is kept one paragraph a line, as offices write it)
"""What the dev fixtures of issue 19 are made of (see make_fixtures.py): an expected item or directive, and the
county's names and category headings they use.

Each fixture is a list of blocks: ("p", text) a plain paragraph, ("h", text) a Heading 2, ("t", text) a Heading 1
title, ("b", text) a bold paragraph, ("table", rows) a table. A .txt fixture writes one paragraph per line.
"""

from __future__ import annotations

XA, SZ, NN = "宁川县兴安镇", "宁川县竹湾镇", "宁川县"


def item(unit, contains, top=None):
    return {"unit": unit, "contains": contains, "top_category": top}


def directive(body, contains, unit=None):
    return {"body": body, "contains": contains, "unit": unit}


ZZ, CG, ZD, ZG = "政治监督", "落实全面从严治党", "领导班子和干部队伍建设", "巡察整改"
