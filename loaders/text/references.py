"""A request that cites the problems it is about by their labels (底稿03、底稿06：建议移交…; 问题2、问题5：请…;
线索1：…): the items whose text opens with those labels, each one directive."""

from __future__ import annotations

import re

from loaders.text.model import ParsedItem

LABEL = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{1,4}?)[第]?(\d{1,3})(?![\d.．])")


def cited_items(before: str, items: list[ParsedItem]) -> list[int]:
    """The indexes of the items ``before`` (the words ahead of the body) cites by label, in its order; [] when it
    cites none, or cites a label no item opens with."""
    out: list[int] = []
    for m in LABEL.finditer(before):
        label = re.compile(rf"^{re.escape(m.group(1))}0*{int(m.group(2))}[：:、.．\s]")
        hit = next((i for i, it in enumerate(items) if label.match(it.text)), None)
        if hit is None:
            return []
        out.append(hit)
    return out
