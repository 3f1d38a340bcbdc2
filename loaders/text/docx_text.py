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

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"  # WordprocessingML, for walks of the body
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CHANGES = (W + "ins", W + "del", W + "moveTo", W + "moveFrom")
_UNREAD = {W + "del", W + "moveFrom", W + "txbxContent", W + "drawing", W + "pict", _MC + "Fallback"}
_TEXT = {W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}


def has_revisions(p: Any) -> bool:
    """Whether a ``w:p`` element holds tracked insertions, deletions or moves of text that is read (not only of
    formatting, nor inside a text box), or its own mark was deleted."""
    return mark_deleted(p) or any(el.find(W + "r") is not None and not _unread(el, p) for el in p.iter(*_CHANGES))


def mark_deleted(p: Any) -> bool:
    """Whether a ``w:p`` element's paragraph mark is a tracked deletion: accepted, it joins the next paragraph."""
    return p.find(f"{W}pPr/{W}rPr/{W}del") is not None


def paragraph_text(p: Any) -> str:
    """The text of a ``w:p`` element, its tracked changes read as accepted."""
    out = []
    for el in p.iter(W + "t", *_TEXT):
        if not _unread(el, p):
            out.append(el.text or "" if el.tag == W + "t" else _TEXT[el.tag])
    return "".join(out)


def paragraphs_of_cell(tc: Any) -> list[Any]:
    """A table cell's own paragraphs (not those of a table nested in it), as python-docx's ``cell.text`` reads."""
    return [child for child in tc if child.tag == W + "p"]


def _unread(el: Any, p: Any) -> bool:
    node = el.getparent()
    while node is not None and node is not p:
        if node.tag in _UNREAD:
            return True
        node = node.getparent()
    return False


