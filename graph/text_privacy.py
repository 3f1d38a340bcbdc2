"""Personal data inside free text: ID, phone and bank card numbers replaced by a marked token, known names found fast.

Two uses, one definition:

* Before storage, the ledger loader replaces every PRC ID number (18 digits,
  the last may be X; or the old 15 digits) and every mainland mobile number
  (``1[3-9]`` and nine digits, also written ``139-1234-5678`` or ``+86 139…``)
  in a free-text cell by :data:`ID_TOKEN` / :data:`PHONE_TOKEN`; so are
  landline numbers with their area code (``0571-88001234``, ``(0851)6123456``,
  ``（010）82345678``: area code 0 and two or three digits, local number of 7 or 8
  digits not starting with 0 or 1) by :data:`LANDLINE_TOKEN`, and bank card
  numbers (16 to 19 digits, whole or in groups of four, passing the Luhn check)
  by :data:`BANK_TOKEN`. A number counts only when it stands alone (no letter or
  digit touching it, and for landlines and cards no hyphen either, so ids,
  digests, codes like ``宁川0062-15-2-01`` and longer numbers are left alone) and
  an ID number only when its birth date is a possible date; full-width digits
  count too.
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
LANDLINE_TOKEN = "〔电话号码已脱敏〕"
BANK_TOKEN = "〔银行卡号已脱敏〕"
TOKENS = (ID_TOKEN, PHONE_TOKEN, LANDLINE_TOKEN, BANK_TOKEN)

_WIDE = str.maketrans("０１２３４５６７８９Ｘｘ＋－　（）", "0123456789Xx+- ()")  # one character for one: spans stay valid
_EDGE_BEFORE = r"(?<![0-9A-Za-z])"
_EDGE_AFTER = r"(?![0-9A-Za-z])"
_DATE8 = r"(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_DATE6 = r"\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_ID = re.compile(_EDGE_BEFORE + rf"(?:\d{{6}} ?{_DATE8} ?\d{{3}}[\dXx]|\d{{6}}{_DATE6}\d{{3}})" + _EDGE_AFTER)
_PHONE = re.compile(_EDGE_BEFORE + r"(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}" + _EDGE_AFTER)
_APART_BEFORE, _APART_AFTER = r"(?<![0-9A-Za-z\-])", r"(?![0-9A-Za-z\-])"  # a code's parts are joined by hyphens
_LANDLINE = re.compile(_APART_BEFORE + r"(?:\(0[1-9]\d{1,2}\) ?|0[1-9]\d{1,2}[- ]?)[2-9]\d{6,7}" + _APART_AFTER)
_CARD = re.compile(_APART_BEFORE + r"(?:\d{16,19}|\d{4}(?: \d{4}){3}(?: \d{1,3})?)" + _APART_AFTER)
_ID_WHOLE = re.compile(r"\d{17}[\dX]|\d{15}")
_DIGEST = re.compile(r"[0-9a-f]{32}|[0-9a-f]{64}")
_CHECK_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _ascii(text: str) -> str:
    return text.translate(_WIDE)


def luhn(digits: str) -> bool:
    """The check bank card numbers carry (ISO/IEC 7812).

    >>> luhn("6222021234567890128"), luhn("6222021234567890127")
    (True, False)
    """
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _spans(plain: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []

    def add(matches: Iterable[re.Match[str]], token: str) -> None:
        spans.extend((m.start(), m.end(), token) for m in list(matches)
                     if not any(s < m.end() and m.start() < e for s, e, _ in spans))

    add(_ID.finditer(plain), ID_TOKEN)
    add(_PHONE.finditer(plain), PHONE_TOKEN)
    add((m for m in _CARD.finditer(plain) if luhn(m.group(0).replace(" ", ""))), BANK_TOKEN)
    add(_LANDLINE.finditer(plain), LANDLINE_TOKEN)
    return spans


def redact_text(text: str) -> str:
    """``text`` with every ID, mobile, landline and bank card number replaced by its token.

    >>> redact_text("张三，身份证号11010119900307123X，电话139-1234-5678；编号 2023110101199003071234")
    '张三，身份证号〔身份证号已脱敏〕，电话〔手机号已脱敏〕；编号 2023110101199003071234'
    >>> redact_text("办公电话0571-88001234、（0851）6123456，卡号6222 0212 3456 7890 128")
    '办公电话〔电话号码已脱敏〕、〔电话号码已脱敏〕，卡号〔银行卡号已脱敏〕'
    >>> redact_text("宁川0062-15-2-01：2023年5月1日支付12345678.90元，宁纪发〔2023〕15号，合同6222021234567890127")
    '宁川0062-15-2-01：2023年5月1日支付12345678.90元，宁纪发〔2023〕15号，合同6222021234567890127'
    """
    if not text or not any(ch.isdigit() for ch in text):
        return text
    spans = _spans(_ascii(text))
    if not spans:
        return text
    out, at = [], 0
    for start, end, token in sorted(spans):
        out += [text[at:start], token]
        at = end
    out.append(text[at:])
    return "".join(out)


def has_personal_number(text: str) -> bool:
    return bool(text) and any(ch.isdigit() for ch in text) and bool(_spans(_ascii(text)))


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
