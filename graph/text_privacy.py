"""Personal data inside free text: ID and mobile numbers replaced by a marked token, known names found fast.

Two uses, one definition:

* Before storage, the ledger loader replaces every PRC ID number (18 digits,
  the last may be X; or the old 15 digits) and every mainland mobile number
  (``1[3-9]`` and nine digits, also written ``139-1234-5678`` or ``+86 139…``)
  in a free-text cell by :data:`ID_TOKEN` / :data:`PHONE_TOKEN`. A number
  counts only when it stands alone (no letter or digit touching it, so ids,
  digests and longer numbers are left alone) and an ID number only when its
  birth date is a possible date; full-width digits count too.
* Before a viewer sees a response, :class:`NameMatcher` finds the names of
  known people in any text in one pass: the names are compiled into one
  regular expression shaped like a trie (a common first character is written
  once), so the engine tries a position once instead of once per name, and
  the longest name wins where one name starts another.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

ID_TOKEN = "〔身份证号已脱敏〕"
PHONE_TOKEN = "〔手机号已脱敏〕"

_WIDE = str.maketrans("０１２３４５６７８９Ｘｘ＋－　", "0123456789Xx+- ")  # one character for one: spans stay valid
_EDGE_BEFORE = r"(?<![0-9A-Za-z])"
_EDGE_AFTER = r"(?![0-9A-Za-z])"
_DATE8 = r"(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_DATE6 = r"\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_ID = re.compile(_EDGE_BEFORE + rf"(?:\d{{6}} ?{_DATE8} ?\d{{3}}[\dXx]|\d{{6}}{_DATE6}\d{{3}})" + _EDGE_AFTER)
_PHONE = re.compile(_EDGE_BEFORE + r"(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}" + _EDGE_AFTER)
_ID_WHOLE = re.compile(r"\d{17}[\dX]|\d{15}")
_DIGEST = re.compile(r"[0-9a-f]{32}|[0-9a-f]{64}")
_CHECK_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _ascii(text: str) -> str:
    return text.translate(_WIDE)


def redact_text(text: str) -> str:
    """``text`` with every ID number and mobile number replaced by its token.

    >>> redact_text("张三，身份证号11010119900307123X，电话139-1234-5678；编号 2023110101199003071234")
    '张三，身份证号〔身份证号已脱敏〕，电话〔手机号已脱敏〕；编号 2023110101199003071234'
    """
    if not text or not any(ch.isdigit() for ch in text):
        return text
    plain = _ascii(text)
    spans = [(m.start(), m.end(), ID_TOKEN) for m in _ID.finditer(plain)]
    spans += [(m.start(), m.end(), PHONE_TOKEN) for m in _PHONE.finditer(plain)
              if not any(s < m.end() and m.start() < e for s, e, _ in spans)]
    if not spans:
        return text
    out, at = [], 0
    for start, end, token in sorted(spans):
        out += [text[at:start], token]
        at = end
    out.append(text[at:])
    return "".join(out)


def has_personal_number(text: str) -> bool:
    plain = _ascii(text)
    return bool(_ID.search(plain) or _PHONE.search(plain))


def is_id_number(text: str, *, checksum: bool = False) -> bool:
    """The whole of ``text`` is an ID number (a possible birth date; with ``checksum``, a valid check digit too).

    >>> is_id_number("11010119900307123X"), is_id_number("110101199003071234", checksum=True)
    (True, False)
    """
    plain = _ascii(text.strip()).upper()
    if not _ID_WHOLE.fullmatch(plain) or not _ID.fullmatch(plain):
        return False
    if checksum and len(plain) == 18:
        total = sum(int(d) * w for d, w in zip(plain[:17], _CHECK_WEIGHTS, strict=True))
        return "10X98765432"[total % 11] == plain[17]
    return True


def is_digest(text: str) -> bool:
    """A hexadecimal digest (as the loader stores for ID numbers), which no redaction may touch."""
    return bool(_DIGEST.fullmatch(text.strip()))


# -- known names in text --------------------------------------------------------------------------------------------
def _trie_pattern(names: Iterable[str]) -> str:
    trie: dict[str, dict] = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return emit(trie)


class NameMatcher:
    """Finds the known names (two characters or more) in text; built once, used for every response."""

    def __init__(self, people: Mapping[str, Iterable[str]]) -> None:
        self.ids: dict[str, tuple[str, ...]] = {}
        for name, ids in people.items():
            name = (name or "").strip()
            if len(name) >= 2:
                self.ids[name] = tuple(sorted(set(ids) | set(self.ids.get(name, ()))))
        # The trie regex nests one group per character; a name longer than 20 characters is not a person's.
        usable = [n for n in self.ids if len(n) <= 20]
        self._regex = re.compile(_trie_pattern(usable)) if usable else None

    def __len__(self) -> int:
        return len(self.ids)

    def names_in(self, text: str) -> set[str]:
        if self._regex is None or not text or text.isascii():
            return set()
        return set(self._regex.findall(text))

    def sub(self, text: str, replace: Callable[[str], str]) -> str:
        if self._regex is None or not text or text.isascii():
            return text
        return self._regex.sub(lambda m: replace(m.group(0)), text)

    def people_in(self, text: str) -> set[str]:
        """The ids of every person whose name the text holds (all namesakes: the text does not say which)."""
        return {pid for name in self.names_in(text) for pid in self.ids[name]}
