"""Units a request names outside its own object: the township a body is to work with on its own ground (县委组织部要
会同湖岭乡党委对…开展整顿: the township's matter, when no topic says otherwise), and the unit a regulator is said to
regulate (县财政局作为国资公司的行业主管部门，要…: the firm's matter) or is said just before to oversee too loosely
(X对Y管得不够，X作为行业主管部门要…: Y's matter), and the one unit of a kind a request names by
its kind (对学校基建项目加强监管, when one school's problems are told), and a withheld unit listed beside the named
ones (对石溪村、XX村的问题线索: one request about each, the second's unit unknown)."""

from __future__ import annotations

import re

from loaders.text.model import ParsedItem
from loaders.text.units import REDACTED, Resolved
from loaders.text.walker_view import WalkerView

# a partner in the request: 会同/联合 X 党委 (a township's committee or government works with the body)
PARTNER = re.compile(r"(?:会同|联合)([^，。；、]{2,12}?)(?:党委|党工委|纪委|纪工委|政府|人民政府)")
# the sector a regulator is named for: 作为X的(…)行业主管部门
REGULATED = re.compile(r"作为([^，。；]{2,16}?)的[^，。；]{0,8}?行业主管部门")


def township_partner(walker: WalkerView, rest: str) -> Resolved | None:
    """The township whose committee or government the request asks the body to work with, else None."""
    m = PARTNER.search(rest)
    if m is None:
        return None
    found = [u for u in walker.finder.mentions(m.group(1)) if u.start == 0 and u.end == len(m.group(1))]
    if not found:
        return None
    r = walker.finder.resolve(found[0].form)
    return r if r.unit_id and walker.finder.kind(r.unit_id) == "township" else None


def regulated_unit(walker: WalkerView, clause: str) -> Resolved | None:
    """The unit a regulator is said to regulate in its own clause (作为国资公司的行业主管部门), else None."""
    m = REGULATED.search(clause)
    if m is None:
        return None
    found = [u for u in walker.finder.mentions(m.group(1)) if not walker.is_body(u.form)]
    if len(found) != 1:
        return None
    r = walker.finder.resolve(found[0].form)
    return r if r.unit_id else None


# a unit the sentence says was overseen too loosely before it asks the regulator (X对Y平时管得不够，X作为行业主管部门要…)
OVERSEEN = re.compile(r"对([^，。；]{2,12}?)(?:平时|日常|长期|一直)?(?:管得|管理|监管|指导|督导|监督)[^，。；]{0,3}?"
                      r"(?:不够|不到位|不力|不严|缺位|不足|偏松|太松)")


def overseen_unit(walker: WalkerView, ahead: str) -> Resolved | None:
    """The one unit the words before a regulator's request say it oversaw too loosely: the request answers that
    shortfall, so it is about that unit; else None."""
    m = OVERSEEN.search(ahead)
    found = [u for u in walker.finder.mentions(m.group(1)) if not walker.is_body(u.form)] if m else []
    if len(found) != 1:
        return None
    r = walker.finder.resolve(found[0].form)
    return r if r.unit_id else None


# a kind of unit a request names by its kind, and the endings of the names of that kind
KINDS = {"学校": ("学校", "中学", "小学", "中专", "学院"), "医院": ("医院", "保健院", "卫生院")}


def only_of_kind(request: str, items: list[ParsedItem], paragraph: int) -> int | None:
    """The first item of the one unit of a kind the request names by its kind (学校, 医院) among the units problems
    were found at before it; None when it names no kind, or two or more units of it (or none) have problems."""
    kind = next((k for k in KINDS if k in request), None)
    if kind is None:
        return None
    first: dict[str, int] = {}
    for i, it in enumerate(items):
        if it.paragraph <= paragraph and it.unit_id and (it.unit_name or "").endswith(KINDS[kind]):
            first.setdefault(it.unit_id, i)
    return next(iter(first.values())) if len(first) == 1 else None


JOIN = r"(?:、|和|及|与)"


def withheld_beside(text: str, start: int, end: int) -> list[Resolved]:
    """A withheld unit (XX村, *局) joined to the units a request names between ``start`` and ``end`` (对石溪村、XX村的
    问题线索, 对XX村和石溪村…): one more unit the request is about, not known by name; [] when none is."""
    after = re.match(rf"^{JOIN}({REDACTED.pattern})", text[end:])
    before = re.search(rf"({REDACTED.pattern}){JOIN}$", text[:start])
    found = [m.group(1) for m in (before, after) if m is not None and not m.group(1).endswith("同志")]
    return [Resolved(None, form, "单位名称已隐去") for form in found]
