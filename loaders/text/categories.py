"""A category suggested for an item from the taxonomy (``graph/model/taxonomy.json``), with its reason.

The cue words live in ``text_rules.json`` (``leaf_cues`` per taxonomy leaf, ``top_category_cues`` per top
category, read from the section heading). A heading that names a top category decides the top; within it the leaf
whose cues the text holds most is suggested; without a heading the best leaf anywhere; otherwise the heading's top
alone, or nothing.
"""

from __future__ import annotations

from typing import Any

from graph.model.taxonomy import load_taxonomy


def top_of_heading(heading: str, rules: dict[str, Any]) -> str | None:
    for top, cues in rules["top_category_cues"].items():
        if any(c in heading for c in cues):
            return top
    return None


def suggest(text: str, heading_top: str | None, rules: dict[str, Any]) -> tuple[str | None, str | None, str]:
    """(category, top category, reason) for an item's text under a heading's top category (or None)."""
    taxonomy = load_taxonomy()
    scored = []
    for leaf, cues in rules["leaf_cues"].items():
        hits = [c for c in cues if c in text]
        if hits:
            scored.append((len(hits), -min(text.index(c) for c in hits), leaf, hits))
    scored.sort(reverse=True)
    if heading_top:
        inside = [s for s in scored if taxonomy.top_of(s[2]) == heading_top]
        if inside:
            _, _, leaf, hits = inside[0]
            return leaf, heading_top, f"标题归入“{heading_top}”，文中有“{'、'.join(hits)}”"
        return heading_top, heading_top, f"所在标题归入“{heading_top}”"
    if scored:
        _, _, leaf, hits = scored[0]
        return leaf, taxonomy.top_of(leaf), f"文中有“{'、'.join(hits)}”"
    return None, None, "没有可据以归类的词语，请人工选择"
