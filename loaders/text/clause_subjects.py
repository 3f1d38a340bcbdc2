"""Whether a unit named inside a problem is its subject: named at the start of the problem or of one of its clauses
(…，Y村书记长期在外 is the village's), or after 涉及…：; not when it is named only to say what its problems are
(…，东溪村、金河村的问题都是老问题: the finding is the sentence's subject's)."""

from __future__ import annotations

import re

from loaders.text.units import REDACTED, Resolved, UnitFinder

# units named only to say what their problems are (…，东溪村、金河村的问题都是老问题): no finding of their own
REFERRED = re.compile(r"^(?:[、和][^，。；、]{2,8}?)*的(?:问题|事)(?:都|也|均|仍|还)?(?:是|属于)")


def opens_clause(finder: UnitFinder, problem: str, unit: Resolved) -> bool:
    """Whether a unit is named at the start of a problem or of its ，/。-clauses, or after 涉及…： (its own
    subject: Y村…问题群众反映强烈，镇党委没有及时处置 is the village's)."""
    return any(finder.resolve(m.form).unit_id == unit.unit_id and not REFERRED.match(problem[m.end:]) and (
        (m.start == 0 and not re.match(r"(?:村民|群众)?(?:反映|来信|信访|举报)的", problem[m.end:]))  # Y村反映的…: who told
        or problem[m.start - 1:m.start] in ("，", ",", "。") or re.search(r"涉及[^，。：:]{0,4}[：:]$",
                                                                          problem[:m.start]))
        for m in finder.mentions(problem))


def withheld_subjects(problem: str) -> int:
    """How many withheld units, told apart by how they are written, open the problem or one of its clauses (X镇卫生院
    存在…，*乡卫生院以…诱导…: two units, one finding each); at least 1."""
    opening = {m.group() for m in REDACTED.finditer(problem) if not m.group().endswith("同志")
               and (m.start() == 0 or problem[m.start() - 1] in "，,；;。")}
    return max(1, len(opening))


# what follows a list of units that are a clause's subject and have the problem (A、B存在…, A和B均存在…)
HAVE = re.compile(r"^(?:均|都|也|还|仍|同样)?存在")


def listed_holders(finder: UnitFinder, problem: str) -> list[str]:
    """The units (names as written) listed at the start of a problem or of a clause as the ones that have it
    (延伸检查发现，县A医院、县B保健院存在…问题，该局…): they are at fault, though a later clause blames the
    context's unit too (its own failing is told there)."""
    found = finder.mentions(problem)
    out: list[str] = []
    for i, m in enumerate(found):
        if not (m.start == 0 or problem[m.start - 1] in "，,。；;"):
            continue
        run = [m]
        while i + len(run) < len(found) and re.fullmatch(r"[、和及与]", problem[run[-1].end:found[i + len(run)].start]):
            run.append(found[i + len(run)])
        if HAVE.match(problem[run[-1].end:]):
            out += [x.form for x in run]
    return out
