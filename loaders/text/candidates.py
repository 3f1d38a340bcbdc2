"""What the item walker collects: the context a paragraph stands in (its unit, heading, category) and the candidate
texts it finds. Kept apart from the walker so that readers of tables and clauses can build candidates without
importing the walker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.text.readers import Block
from loaders.text.units import Resolved


@dataclass
class Context:
    level: int
    unit: Resolved | None = None
    also: list[Resolved] = field(default_factory=list)  # further units a paragraph's label or a table cell names
    redacted: str | None = None
    top: str | None = None
    requirements: bool = False
    source: str = ""
    problem: str = ""  # a heading that states a problem (（二）耕地保护责任落实有差距。), for the paragraph below it


@dataclass
class Candidate:
    block: Block
    offset: int  # of the text in the block
    text: str
    form: str
    numbered: bool
    context: list[Context]
    own: Context | None = None  # 关于X： of the paragraph
    item_indexes: list[int] = field(default_factory=list)
