"""A Word paragraph's text as a reader of the finished document sees it, tracked changes included.

python-docx reads a paragraph's own runs only: words a reviser inserted with 修订 on (``w:ins``) are missing, and
an item read from such a draft silently loses them. A paragraph holding tracked changes is therefore read as if
they were accepted — inserted and moved-in words kept, deleted and moved-out ones dropped — and the reader counts
such paragraphs so the clerk is told. A paragraph without them reads exactly as python-docx reads it.
"""

from __future__ import annotations

from typing import Any

from docx.text.paragraph import Paragraph

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CHANGES = (_W + "ins", _W + "del", _W + "moveTo", _W + "moveFrom")
_UNREAD = {_W + "del", _W + "moveFrom", _W + "txbxContent", _W + "drawing", _W + "pict", _MC + "Fallback"}


def has_revisions(p: Any) -> bool:
    """Whether a ``w:p`` element holds tracked insertions, deletions or moves of text (not only of formatting)."""
    return any(el.find(_W + "r") is not None for el in p.iter(*_CHANGES))


def paragraph_text(p: Any) -> str:
    """The text of a ``w:p`` element, its tracked changes read as accepted."""
    if not has_revisions(p):
        return Paragraph(p, None).text  # type: ignore[arg-type]
    out = []
    for el in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        if _unread(el, p):
            continue
        out.append(el.text or "" if el.tag == _W + "t" else "\t" if el.tag == _W + "tab" else "\n")
    return "".join(out)


def paragraphs_of_cell(tc: Any) -> list[Any]:
    """A table cell's own paragraphs (not those of a table nested in it), as python-docx's ``cell.text`` reads."""
    return [child for child in tc if child.tag == _W + "p"]


def _unread(el: Any, p: Any) -> bool:
    node = el.getparent()
    while node is not None and node is not p:
        if node.tag in _UNREAD:
            return True
        node = node.getparent()
    return False


W = _W  # the WordprocessingML namespace, for callers walking the body
