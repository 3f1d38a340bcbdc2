"""Issue categories as clerks write them: short forms, old names, a leaf the county uses that the tree lacks.

Looked up in order, each step said in the load report (a warning, never a rejection):

1. the taxonomy itself (a leaf, a top category or an older label it maps);
2. the category alias table: ``category_aliases.csv`` in the data folder (别名,标准类别), then the package's
   ``category_aliases.json`` (short forms of the top categories and common leaves);
3. ``上级/下级`` (also ``-``, ``—``, ``：``, ``>``): an unknown leaf under a known parent is kept under the parent;
4. the one category whose name or alias the label contains, or which contains the label (only when one fits);
5. otherwise the row is held **待归类**: loaded under ``其他`` with the clerk's label kept on the node
   (``raw_category``), listed in the report (``pending``) and by ``xuncha categories pending``; adding an alias
   to ``category_aliases.csv`` and running ``xuncha categories apply`` moves it to its category in place.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from graph.model.taxonomy import load_taxonomy

OTHER = "其他"
PENDING = "待归类"
PENDING_MARK = f"列为“{PENDING}”"  # in the warning of a label held 待归类 (FileReport.pending lists those)
FILE = "category_aliases.csv"
_SPLIT = re.compile(r"\s*[/／\-—－:：>＞|]\s*")


def _key(text: str) -> str:
    t = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in t if not ch.isspace() and ch not in "()（）“”\"'、,，.。")


@lru_cache(maxsize=1)
def _shipped() -> dict[str, str]:
    raw = json.loads(resources.files("loaders.ledgers").joinpath("category_aliases.json").read_text("utf-8"))
    return dict(raw["aliases"])


def read_category_aliases(path: Path) -> dict[str, str]:
    """``category_aliases.csv`` (别名,标准类别; UTF-8 or GBK); rows naming no known category are left out."""
    from loaders.ledgers.readers import decode

    if not path.exists():
        return {}
    taxonomy = load_taxonomy()
    table = {}
    for row in csv.DictReader(decode(path.read_bytes()).splitlines()):
        alias, target = (row.get("别名") or "").strip(), (row.get("标准类别") or "").strip()
        try:
            table[alias] = taxonomy.canonical(target)
        except ValueError:
            continue
    return table


class Pending(str):
    """A label no rule placed: reads as ``其他`` (the tree's category), remembers what the clerk wrote."""

    raw: str

    def __new__(cls, raw: str) -> Pending:
        value = super().__new__(cls, OTHER)
        value.raw = raw
        return value


def raw_label(value: object) -> str | None:
    """The clerk's own label of a value held 待归类 (None for a value the tree placed)."""
    return value.raw if isinstance(value, Pending) else None


@dataclass
class Categories:
    """Resolves a clerk's category label to the tree, saying by which rule."""

    aliases: dict[str, str] = field(default_factory=dict)  # the county's own, consulted before the shipped ones

    def __post_init__(self) -> None:
        taxonomy = load_taxonomy()
        self._known: dict[str, str] = {}
        for top, leaves in taxonomy.tree.items():
            self._known[_key(top)] = top
            for leaf in leaves:
                self._known[_key(leaf)] = leaf
        for label, target in taxonomy.legacy.items():
            self._known.setdefault(_key(label), taxonomy.canonical(target))
        self._aliases = {_key(a): t for a, t in {**_shipped(), **self.aliases}.items()}

    @classmethod
    def for_data_dir(cls, data_dir: Path | None) -> Categories:
        return cls(read_category_aliases(data_dir / FILE) if data_dir else {})

    def _exact(self, label: str) -> tuple[str, str] | None:
        key = _key(label)
        if key in self._aliases:
            return self._aliases[key], "类别别名表"
        if key in self._known:
            return self._known[key], "分类表"
        return None

    def resolve(self, label: str) -> tuple[str, str | None]:
        """(the tree's category, the warning to report or None when the label is the tree's own).

        A label no rule places comes back as :class:`Pending` (``其他``, with the label kept).
        """
        taxonomy = load_taxonomy()
        text = label.strip()
        try:
            return taxonomy.canonical(text), None
        except ValueError:
            pass
        found = self._exact(text)
        if found:
            target, rule = found
            return target, f"“{text}”按{rule}归为“{target}”"
        parts = [p for p in _SPLIT.split(text) if p]
        if len(parts) > 1:
            for depth in range(len(parts) - 1, 0, -1):
                parent = self._exact("/".join(parts[:depth])) or self._exact(parts[depth - 1])
                if parent:
                    return parent[0], f"“{text}”不在分类表中，归入其上级“{parent[0]}”（可在 {FILE} 中补充）"
        key = _key(text)
        names = {**self._known, **self._aliases}
        near = {target for name, target in names.items()
                if len(name) >= 2 and len(key) >= 2 and (name in key or key in name)}
        if len(near) == 1:
            target = next(iter(near))
            return target, f"“{text}”与“{target}”名称相近，归为该类别（如不妥，请在 {FILE} 中写明）"
        why = f"可能是{'、'.join(sorted(near))}之一，不能确定" if near else "分类表和别名表中都没有"
        return Pending(text), (f"“{text}”{why}：已载入，{PENDING_MARK}（暂归“{OTHER}”，保留原填类别）；请在 {FILE} 中"
                               f"写明它属于哪个类别，再运行 xuncha categories apply")
