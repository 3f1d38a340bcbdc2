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
    """{line index: cells} for each register in the lines: its field-naming line and its rows.

    One pass: a line is split once, and a register's rows are skipped past once read (trying every line as a
    header against every line after it took minutes on a long pasted register). A numbered line is a row, never
    a header, unless its field names stand in brackets.
    """
    cells = [_split(line) for line in lines]
    out: dict[int, list[str]] = {}
    i = 0
    while i < len(lines) - 2:
        named = FIELD_NAMES.search(lines[i])
        header = _split(named.group(1)) if named else ([] if ORDINAL.match(lines[i]) else cells[i])
        if not header or not all(len(h) <= 8 for h in header):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and len(cells[j]) == len(header):
            j += 1
        if j - i - 1 < 2:
            i += 1
            continue
        out[i] = header
        out.update({k: cells[k] for k in range(i + 1, j)})
        i = j
    return out
