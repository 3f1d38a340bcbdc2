"""What the helpers of the item walker read from it (its unit finder, rules, cues, the contexts in force, the
candidates it collects), as a Protocol: the modules the walker imports (tables, the special inspection's lead
object) and those that read it after the walk (owners, request scope and topic, the classifier's second opinion)
are typed by it without importing the walker, so no import circle is made.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from loaders.text.candidates import Candidate, Context
from loaders.text.readers import Block
from loaders.text.units import Resolved, UnitFinder


class WalkerView(Protocol):
    finder: UnitFinder
    rules: dict[str, Any]
    cues: tuple[str, ...]
    patterns: list[re.Pattern[str]]
    blocks: list[Block]
    stack: list[Context]
    candidates: list[Candidate]
    block_context: dict[int, list[Context]]
    title_kind: str
    owners: list[tuple[int, Resolved | None]] | None

    def is_body(self, form: str) -> bool: ...

    def only_unit(self, text: str) -> bool: ...

    def named_units(self, text: str, contexts: list[Context]) -> list[Resolved]: ...

    def context_unit(self, text: str, contexts: list[Context], source: str, level: int) -> Context: ...
