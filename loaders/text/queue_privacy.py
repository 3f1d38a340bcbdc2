"""The review queue rewritten without the personal numbers it holds (``xuncha privacy rewrite``): a queue filled
before numbers were redacted on reading keeps them in entries' text, requests, unit names and bodies, and in the
documents' names and round text."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable

from loaders.text.model import EntryKind
from loaders.text.queue import TextQueue, fingerprint


def redact_queue(queue: TextQueue, clean: Callable[[str], str], *, apply: bool) -> list[tuple[str, str, str, str]]:
    """Every stored string ``clean`` would change — (record, field, old, new) — rewritten with ``apply`` in the
    same write transaction as the reading (an edit cannot slip between), then the file compacted so the old
    text lingers in no free page (``xuncha privacy rewrite``: queues filled before numbers were redacted on
    reading). An entry's identity is recomputed from its cleaned text: a digest of the old one would keep a
    number that can be found by trying every mobile number."""
    changes: list[tuple[str, str, str, str]] = []
    with queue.writing() as db:
        for row in db.execute("SELECT id, kind, text, request, unit_id, unit_name, body, reasons FROM entries").fetchall():
            entry_id, kind, *values = row
            fields = dict(zip(("text", "request", "unit_id", "unit_name", "body", "reasons"), values, strict=True))
            new = {f: clean(v) for f, v in fields.items() if f != "unit_id" and v and clean(v) != v}
            if not new:
                continue
            changes += [(f"entry {entry_id}", f, fields[f], v) for f, v in new.items()]
            merged = {**fields, **new}
            unit = merged["unit_id"] or merged["unit_name"]
            if new.keys() & {"text", "unit_name", "body"}:  # what the identity is a digest of
                parts = (merged["text"], unit) if kind == EntryKind.ISSUE.value else (merged["text"], merged["body"], unit)
                new["fingerprint"] = _free(db, entry_id, parts)
            if apply:  # field names from the list above, never from input
                db.execute(f"UPDATE entries SET {', '.join(f'{f} = ?' for f in new)} WHERE id = ?",
                           [*new.values(), entry_id])
        for sha, name, round_text in db.execute("SELECT sha256, name, round_text FROM documents").fetchall():
            for f, old in (("name", name), ("round_text", round_text)):
                if old and clean(old) != old:
                    changes.append((f"document {sha[:12]}", f, old, clean(old)))
                    if apply:
                        db.execute(f"UPDATE documents SET {f} = ? WHERE sha256 = ?", (clean(old), sha))
    if apply and changes:
        with queue.connection() as db:
            db.execute("VACUUM")
    return changes


def _free(db: sqlite3.Connection, entry_id: int, parts: tuple[str | None, ...]) -> str:
    """The identity of the cleaned entry, told apart (#2, #3 …) from another entry of its paragraph that cleaned to
    the same text (two entries once differing only by a number)."""
    sha256, kind, paragraph = db.execute("SELECT sha256, kind, paragraph FROM entries WHERE id = ?",
                                         (entry_id,)).fetchone()
    for n in itertools.count(1):
        fp = fingerprint(*parts) if n == 1 else fingerprint(*parts, f"#{n}")
        if db.execute("SELECT 1 FROM entries WHERE sha256 = ? AND kind = ? AND paragraph = ? AND fingerprint = ? "
                      "AND id <> ?", (sha256, kind, paragraph, fp, entry_id)).fetchone() is None:
            return fp
    raise AssertionError("unreachable")
