"""Parsing one report or speech: read it, walk its blocks, itemise, find directives, name its round.

:func:`parse_file` is the whole of it for one file and a store (the store is read, never written: the unit
register, the alias table and the rounds). The rules are ``text_rules.json`` shipped here, with the data folder's
``text_rules.json`` on top (:func:`graph.reviews.rules.load_rules`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from graph.model import NodeKind
from graph.model.ids import node_id
from graph.reviews.rules import load_rules
from graph.stores.base import GraphStore
from loaders.text import classifier
from loaders.text.directives import DirectiveFinder
from loaders.text.itemize import itemize
from loaders.text.items import Walker
from loaders.text.model import ParsedItem, ParseResult
from loaders.text.readers import DEFAULT_TEXT_LIMITS, TextDocument, TextLimits, read_document
from loaders.text.segments import CN, cn_number
from loaders.text.severity import rate, severity_rules
from loaders.text.units import UnitFinder

ROUND = re.compile(rf"(?:([{CN}]{{1,3}})届(?:县委|市委|区委)?第([{CN}]{{1,3}})轮|"
                   rf"(?:县委|市委|区委)第([{CN}]{{1,3}})届第([{CN}]{{1,3}})轮)[^，。；、\s]{{0,12}}?巡察")


class TextParseError(ValueError):
    """A file from which nothing can be taken; the message names the file."""


def text_rules(data_dir: Path | None = None) -> dict[str, Any]:
    return load_rules("text_rules", data_dir, package="loaders.text")


def find_round(doc: TextDocument) -> tuple[str | None, int, int]:
    """(the round as the document names it, term, number), or (None, 0, 0) when it names none (or redacts it)."""
    for block in doc.blocks:
        match = ROUND.search(block.text)
        if match:
            term, number = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
            return match.group(), cn_number(term), cn_number(number)
    return None, 0, 0


def doc_kind(doc: TextDocument, rules: dict[str, Any]) -> str:
    """feedback, speech or comprehensive, by the words of the first three blocks (``document_kinds``): a 通报, a
    memo or a 回头看 report is a report, not a speech (speech was the default: 212 of 321 development
    documents right; now 297). The title speaks first: a 通报/报告/函 whose opening mentions 反馈意见 is a report."""
    words = rules["document_kinds"]
    title = doc.blocks[0].text if doc.blocks else ""
    for kind in ("feedback", "speech"):  # the title first: …整改情况的通报 quoting 反馈意见 in its opening is a report
        if any(w in title for w in words[kind]):
            return kind
    if title.rstrip("（）()公开版 ").endswith(tuple(words.get("feedback_title_ends", []))):
        return "feedback"  # …党委的巡察反馈: a title that ends on the feedback names the document itself
    if any(w in title for w in words.get("report_titles", [])):
        return "comprehensive"
    head = "".join(b.text for b in doc.blocks[:3])
    for kind in ("feedback", "speech"):
        if any(w in head for w in words[kind]):
            return kind
    return "comprehensive"


_SHIPPED = object()


def parse_document(doc: TextDocument, finder: UnitFinder, rules: dict[str, Any],
                   store: GraphStore | None = None, clause_model: Any = _SHIPPED) -> ParseResult:
    """The items and directives of a document; ``clause_model`` (default: the shipped one, None for the rules
    alone) gives its second opinion as ``rules["clause_classifier"]`` says (:mod:`loaders.text.classifier`)."""
    walker = Walker(finder, rules)
    candidates = walker.walk(doc.blocks)
    items: list[ParsedItem] = []
    for cand in candidates:
        found = itemize(walker, cand)
        cand.item_indexes = list(range(len(items), len(items) + len(found)))
        items += found
        walker.items += found  # what a later problem counting the units (三家单位都…) refers back to
    directives = DirectiveFinder(walker, rules).find(doc.blocks, candidates, items)
    model = classifier.shipped() if clause_model is _SHIPPED else clause_model
    items, directives = classifier.second_opinion(model, rules.get("clause_classifier"), walker, doc.blocks,
                                                  items, directives)
    round_text, term, number = find_round(doc)
    round_id = None
    if round_text and store is not None and finder.county:
        rid = node_id(NodeKind.ROUND.value, finder.county, term, number)  # Round's natural key
        round_id = rid if store.get_node(rid) is not None else None
    places = {b.number: b.place for b in doc.blocks}  # what a clerk looks for in the file: 第 3 段, 表 1 第 2 行
    for item in items:
        item.place = places.get(item.paragraph, "")
    for directive in directives:
        directive.place = places.get(directive.paragraph, "")
    return ParseResult(file=doc.name, sha256=doc.sha256, doc_kind=doc_kind(doc, rules), encoding=doc.encoding,
                       round_text=round_text, round_id=round_id, blocks=len(doc.blocks), items=items,
                       directives=directives, notes=_notes(doc))


def _notes(doc: TextDocument) -> list[str]:
    """What the clerk should know about how the file was read."""
    if not doc.revisions:
        return []
    return [f"{doc.name}：有 {doc.revisions} 段含未接受的修订，已按接受全部修订后的文字读取；请核对，或在 Word 中"
            "处理修订后重新读入。"]


def finder_for(store: GraphStore, data_dir: Path | None = None, rules: dict[str, Any] | None = None) -> UnitFinder:
    """The unit finder of a store, with the data folder's alias table and the office's county."""
    from graph.settings import office_of

    rules = rules or text_rules(data_dir)
    county = office_of(data_dir).county if data_dir is not None else ""
    alias = data_dir / "unit_aliases.csv" if data_dir is not None else None
    return UnitFinder.for_store(store, alias, county or "", min_chars=rules["min_unit_chars"],
                                stop=tuple(rules["stop_unit_forms"]))


def parse_file(path: Path, store: GraphStore, *, data_dir: Path | None = None, name: str | None = None,
               limits: TextLimits = DEFAULT_TEXT_LIMITS, finder: UnitFinder | None = None) -> ParseResult:
    """Read and parse one file (raises :class:`~loaders.text.readers.TextFileError` or :class:`TextParseError`)."""
    rules = text_rules(data_dir)
    doc = read_document(path, limits, name=name)
    finder = finder or finder_for(store, data_dir, rules)
    result = parse_document(doc, finder, rules, store)
    result.items = rate(result.items, severity_rules(data_dir))  # a suggestion the analyst sees and may change
    if not result.items and not result.directives:
        raise TextParseError(f"{doc.name}：没有识别出问题条目或交办事项（共读到 {len(doc.blocks)} 段）；未保存任何内容。"
                             "请确认这是巡察反馈意见、综合情况报告或讲话稿，问题是否按“一是……二是……”“（一）……”等方式列出")
    return result
