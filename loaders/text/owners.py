"""The unit a closing requirement tells to fix the problems above it (以上问题，县X局要牵头抓好整改): the unit of
the problems before it that name none.

Offices list the findings of a special inspection by topic (在资金分配方面，…), and only afterwards say who answers
for them. The first sentence after a problem that sums up the problems above (以上/上述/前述/这些问题…) and opens its
request with a unit — not a body such as 纪委监委 — names that unit; a summing sentence asking a body names none.
"""

from __future__ import annotations

import re

from loaders.text.segments import sentences
from loaders.text.units import Resolved
from loaders.text.walker_view import WalkerView

SUMMING = re.compile(r"^(?:对|针对|就)?(?:以上|上述|前述|这些)[^，。；]{0,8}?(?:问题|情况)[^，。；]{0,6}?[，,]"
                     r"([^，。；]{2,24}?)(?:党组|党委|党工委)?(?:要|须|必须|应当|负责)")


def closing_owner(walker: WalkerView, number: int) -> Resolved | None:
    """The unit the first summing requirement after block ``number`` tells to fix the problems above, else None."""
    if walker.owners is None:
        walker.owners = [(block.number, _owner(walker, m.group(1))) for block in walker.blocks
                         for m in [next((m for _, s in sentences(block.text) for m in [SUMMING.match(s.strip())] if m),
                                        None)] if m]
    return next((owner for at, owner in walker.owners if at > number), None)


def _owner(walker: WalkerView, text: str) -> Resolved | None:
    named = [n for n in walker.finder.mentions(text) if not walker.is_body(n.form)]
    return walker.finder.resolve(named[0].form) if named and named[0].start <= 1 else None
