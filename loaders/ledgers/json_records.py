"""Streaming the records of a JSON or JSON Lines ledger, one at a time, within the read limits.

``json.loads`` of a whole upload would build every record before the first is checked, and Python's parser
recurses without a depth limit of ours; here an array (or the ``rows`` of ``{"rows": [...]}``) is walked element
by element with ``raw_decode``, each element's depth is checked by the caller, and a parser recursion error is
reported as the depth limit it is. Errors keep the file's line and column (a .jsonl line's error is moved to
where that line starts in the file).
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator, Iterator
from typing import Any

from loaders.ledgers.limits import FileError, ReadLimits, limit_message

LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # one physical line, its ending kept (.jsonl, and .csv in readers)
_WS = re.compile(r"[ \t\n\r]*")
SHAPE = "JSON 应为对象数组（每个对象一行，键为列名），或 {\"rows\": [...]}"


def _skip(text: str, pos: int) -> int:
    return _WS.match(text, pos).end()  # type: ignore[union-attr]  # the pattern matches everywhere


def _json_value(decoder: json.JSONDecoder, text: str, pos: int, limits: ReadLimits, where: str) -> tuple[Any, int]:
    try:
        return decoder.raw_decode(text, pos)
    except RecursionError as exc:  # deeper than Python's parser goes: far past max_json_depth
        raise FileError(limit_message(f"{where}的 JSON 嵌套层数", None, limits.max_json_depth, "max_json_depth",
                                      "每条记录应是一层“列名: 值”")) from exc


def _expect(text: str, pos: int, char: str, message: str) -> int:
    if not text.startswith(char, pos):
        raise json.JSONDecodeError(message, text, pos)
    return _skip(text, pos + 1)


def _json_array(decoder: json.JSONDecoder, text: str, pos: int, limits: ReadLimits) -> Generator[Any, None, int]:
    """The elements of the array opening at ``pos``, one at a time (never the whole array); returns the end."""
    pos = _skip(text, pos + 1)
    n = 0
    while not text.startswith("]", pos):
        if n:
            pos = _expect(text, pos, ",", "Expecting ',' delimiter")
        n += 1
        value, pos = _json_value(decoder, text, pos, limits, f"第{n}条记录")
        yield value
        pos = _skip(text, pos)
    return pos + 1


def _json_rows(decoder: json.JSONDecoder, text: str, pos: int, limits: ReadLimits) -> Generator[Any, None, int]:
    """The "rows" of ``{"rows": [...], ...}`` streamed; other members are read and dropped."""
    pos = _skip(text, pos + 1)
    first = True
    while not text.startswith("}", pos):
        if not first:
            pos = _expect(text, pos, ",", "Expecting ',' delimiter")
        first = False
        if not text.startswith('"', pos):
            raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, pos)
        key, pos = decoder.raw_decode(text, pos)
        pos = _expect(text, _skip(text, pos), ":", "Expecting ':' delimiter")
        if key == "rows" and text.startswith("[", pos):
            pos = yield from _json_array(decoder, text, pos, limits)
        else:
            value, pos = _json_value(decoder, text, pos, limits, f"“{str(key)[:20]}”")
            if key == "rows":
                raise FileError(SHAPE)
            del value
        pos = _skip(text, pos)
    return pos + 1


def json_records(text: str, jsonl: bool, limits: ReadLimits) -> Iterator[Any]:
    """The records of a .json (an array, ``{"rows": [...]}`` or one object) or .jsonl text, one at a time."""
    decoder = json.JSONDecoder()
    if jsonl:
        for n, match in enumerate(LINE.finditer(text), 1):
            line = match.group()
            if not line.strip():
                continue
            try:
                value, end = _json_value(decoder, line, _skip(line, 0), limits, f"第{n}行")
                if _skip(line, end) < len(line):
                    raise json.JSONDecodeError("Extra data", line, end)
            except json.JSONDecodeError as exc:  # say where in the file, not where in the line
                raise json.JSONDecodeError(exc.msg, text, match.start() + exc.pos) from exc
            yield value
        return
    pos = _skip(text, 0)
    if text.startswith("[", pos):
        pos = yield from _json_array(decoder, text, pos, limits)
    elif text.startswith("{", pos):
        pos = yield from _json_rows(decoder, text, pos, limits)
    else:
        value, pos = _json_value(decoder, text, pos, limits, "顶层")
        yield value
    if _skip(text, pos) < len(text):
        raise json.JSONDecodeError("Extra data", text, _skip(text, pos))
