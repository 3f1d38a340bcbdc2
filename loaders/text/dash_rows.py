"""A register typed as lines whose fields are joined by dashes — a line naming the fields (``问题移交登记（单位—问题—
移交对象）``) over two or more lines with as many fields (``1. 县A局—…—移送县纪委监委处置``) — is a table, as a
sheet pasted with tabs is: each row's problem and hand-off are read by their column's header.

A single dash is no field mark (``县A局—县B局`` ranges, a dash in a title), a doubled dash (——) is a break of speech,
and rows without a line naming their fields stay lines (the columns could not be read by their headers).
"""

from __future__ import annotations

import re

ORDINAL = re.compile(r"^\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.．、]\s*")
FIELD_NAMES = re.compile(r"[（(]([^（()）]+)[)）]\s*[:：]?$")


def _split(text: str) -> list[str]:
    """The fields of a line joined by single dashes (three or more), else []."""
    if "——" in text:
        return []
    cells = [c.strip() for c in ORDINAL.sub("", text).split("—")]
    return cells if len(cells) >= 3 and all(cells) else []


def register_fields(lines: list[str]) -> dict[int, list[str]]:
    """{line index: cells} for each register in the lines: its field-naming line and its rows."""
    out: dict[int, list[str]] = {}
    for i, line in enumerate(lines[:-2]):
        named = FIELD_NAMES.search(line)
        header = _split(named.group(1) if named else line)
        if not header or not all(len(h) <= 8 for h in header):
            continue
        rows = []
        for j in range(i + 1, len(lines)):
            cells = _split(lines[j])
            if len(cells) != len(header):
                break
            rows.append(j)
        if len(rows) >= 2:
            out[i] = header
            out.update({j: _split(lines[j]) for j in rows})
    return out
