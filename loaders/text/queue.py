"""The review queue: items and directives parsed from reports wait here until an analyst decides
(``text_queue.sqlite`` in the data folder, beside the graph, whichever store holds the graph).

Each entry is unique per (file digest, kind, paragraph, fingerprint of its text, unit and body). Parsing the same
file again (same digest, say after a rules change) makes the new parse the file's open work: a still-pending entry
the new parse finds again stays (same id, its reasons refreshed), one it no longer finds is dropped, and a new one
is added — unless it equals an entry already decided (accepted, edited or rejected), which stays as decided. A
parsed entry another document already put in the queue — the same text at the same resolved unit in the same round,
not rejected: a problem both a feedback report and the round's report list — is stored but marked (``twin_of``),
the clerk is told which entry it repeats (:class:`~loaders.text.model.QueueAddition`) and bulk acceptance leaves it
for a person: nothing is hidden, and nothing goes into the graph twice by accident.
Decisions record who and when; an accepted or rejected entry cannot be changed — an accepted one can only be
withdrawn whole (:mod:`loaders.text.withdraw`), which takes it out of the graph and back to the open queue.
Each call opens its own connection inside one transaction (``BEGIN IMMEDIATE`` for writes), so the API's threads
and the command line may share the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph.model.enums import Severity
from loaders.text.model import EntryKind, EntryState, ParseResult, QueueAddition, QueueEntry, issue_code

FILE = "text_queue.sqlite"
# columns a queue from an earlier version lacks
ADDED = (("place", "TEXT"), ("twin_of", "INTEGER"), ("severity", "TEXT"),
         ("severity_reason", "TEXT NOT NULL DEFAULT ''"), ("withdrawn_by", "TEXT"), ("withdrawn_at", "TEXT"))
OPEN = (EntryState.PENDING, EntryState.EDITED)  # waiting for a decision: parsed, or edited and not yet accepted
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, doc_kind TEXT NOT NULL, round_text TEXT, round_id TEXT,
  blocks INTEGER NOT NULL, parsed_at TEXT NOT NULL, parsed_by TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT, sha256 TEXT NOT NULL REFERENCES documents(sha256), kind TEXT NOT NULL,
  seq INTEGER NOT NULL, fingerprint TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending', paragraph INTEGER NOT NULL,
  text TEXT NOT NULL, unit_id TEXT, unit_name TEXT, unit_rule TEXT NOT NULL DEFAULT '', category TEXT,
  top_category TEXT, category_reason TEXT NOT NULL DEFAULT '', body TEXT, request TEXT, body_unit_id TEXT,
  item_ref INTEGER, confidence REAL NOT NULL, reasons TEXT NOT NULL, node_id TEXT, created_at TEXT NOT NULL,
  decided_by TEXT, decided_at TEXT, edited_by TEXT, edited_at TEXT, round_id TEXT, place TEXT, twin_of INTEGER,
  severity TEXT, severity_reason TEXT NOT NULL DEFAULT '', withdrawn_by TEXT, withdrawn_at TEXT,
  UNIQUE (sha256, kind, paragraph, fingerprint));
CREATE INDEX IF NOT EXISTS entries_by_state ON entries (state, confidence);
CREATE INDEX IF NOT EXISTS entries_by_identity ON entries (kind, fingerprint);
"""
_SELECT = ("SELECT e.id, e.kind, e.state, d.name, e.sha256, d.doc_kind, e.paragraph, e.seq, e.text, e.unit_id, "
           "e.unit_name, e.unit_rule, e.category, e.top_category, e.category_reason, e.body, e.request, e.item_ref, "
           "d.round_text, coalesce(e.round_id, d.round_id), e.confidence, e.reasons, e.node_id, e.created_at, "
           "e.decided_by, e.decided_at, e.edited_by, e.edited_at, e.place, e.twin_of, e.severity, e.severity_reason, "
           "e.withdrawn_by, e.withdrawn_at "
           "FROM entries e JOIN documents d ON d.sha256 = e.sha256")
_FIELDS = ("id", "kind", "state", "document", "sha256", "doc_kind", "paragraph", "seq", "text", "unit_id",
           "unit_name", "unit_rule", "category", "top_category", "category_reason", "body", "request", "item_ref",
           "round_text", "round_id", "confidence", "reasons", "node_id", "created_at", "decided_by", "decided_at",
           "edited_by", "edited_at", "place", "twin_of", "severity", "severity_reason", "withdrawn_by",
           "withdrawn_at")


class QueueError(ValueError):
    """A decision that cannot be made, phrased for the analyst."""


class EntryNotFound(LookupError):
    pass


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def fingerprint(*parts: str | None) -> str:
    """An entry's identity within its document: a digest of its text with its unit (and body), not the text."""
    return hashlib.sha256("\x1f".join(p or "" for p in parts).encode()).hexdigest()[:24]


def identities(result: ParseResult) -> tuple[list[str], list[str]]:
    """Each item's and each directive's identity in its document. A second one alike in the same paragraph — two
    withheld units in one sentence are two items of the same text and no unit — is told apart by its place among
    them (it was taken for the first and lost); a re-parse finds the same identities in the same order."""
    seen: dict[tuple[str, int, str], int] = {}

    def one(kind: str, paragraph: int, *parts: str | None) -> str:
        fp = fingerprint(*parts)
        seen[(kind, paragraph, fp)] = n = seen.get((kind, paragraph, fp), 0) + 1
        return fp if n == 1 else fingerprint(*parts, f"#{n}")

    return ([one("i", it.paragraph, it.text, it.unit_id or it.unit_name) for it in result.items],
            [one("d", d.paragraph, d.text, d.body, d.unit_id or d.unit_name) for d in result.directives])


def _place(place: str | None, paragraph: int) -> str:
    """Where a clerk finds an entry; one queued before places were kept is cited by its block number."""
    return place or f"第 {paragraph} 段"


def _same_line(place: str, text: str, twin: tuple[int, str, str]) -> str:
    short = text if len(text) <= 24 else text[:24] + "…"
    return (f"{place}“{short}”与 {twin[1]} {twin[2]} 的条目 {twin[0]} 相同（同一轮次、同一单位）：已存入待审并标明，"
            "批量接受时跳过")


def _entry(row: tuple) -> QueueEntry:
    data: dict[str, Any] = dict(zip(_FIELDS, row, strict=True))
    data["reasons"] = json.loads(data["reasons"])
    data["place"] = _place(data["place"], data["paragraph"])
    if data["kind"] == EntryKind.ISSUE.value and data["state"] == EntryState.ACCEPTED.value:
        data["issue_code"] = issue_code(data["sha256"], data["id"])
    return QueueEntry(**data)


class TextQueue:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not path.exists()
        with self.connection() as db:
            db.executescript(SCHEMA)
        self._upgrade()
        if fresh:
            os.chmod(path, 0o600)

    def _upgrade(self) -> None:
        """Columns added since a queue was made, each added once even when several processes open an old queue at
        the same moment (the check and the change in one write transaction)."""
        with self.connection() as db:
            if {name for name, _ in ADDED} <= {row[1] for row in db.execute("PRAGMA table_info(entries)")}:
                return  # the usual case: nothing to change, no write lock taken
        with self.writing() as db:
            have = {row[1] for row in db.execute("PRAGMA table_info(entries)")}
            for name, decl in ADDED:
                if name not in have:
                    db.execute(f"ALTER TABLE entries ADD COLUMN {name} {decl}")  # names from ADDED, not input

    @classmethod
    def for_data_dir(cls, data_dir: Path) -> TextQueue:
        return cls(data_dir / FILE)

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A connection of this call's own (the API's threads and the command line share the file)."""
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            yield db
        finally:
            db.close()

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (``BEGIN IMMEDIATE``): committed whole or rolled back."""
        with self.connection() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def add(self, result: ParseResult, actor: str) -> QueueAddition:
        """Store a parse's items and directives as pending: the file's entries, how many were new, and those held
        already from another document."""
        now = _now()
        new, same = 0, []
        with self.writing() as db:
            db.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(sha256) DO UPDATE SET "
                       "doc_kind = excluded.doc_kind, round_text = excluded.round_text, round_id = excluded.round_id, "
                       "blocks = excluded.blocks",  # a re-parse's reading (rules, rounds loaded since) is the current
                       (result.sha256, result.file, result.doc_kind, result.round_text, result.round_id,
                        result.blocks, now, actor))
            stale = self._drop_stale(db, result)
            item_ids: dict[int, int] = {}
            item_fps, directive_fps = identities(result)
            for seq, it in enumerate(result.items, 1):
                fp = item_fps[seq - 1]
                twin = self._elsewhere(db, result, EntryKind.ISSUE, fp, it.text, it.unit_id)
                if twin is not None:
                    same.append(_same_line(_place(it.place, it.paragraph), it.text, twin))
                self._refresh(db, result.sha256, EntryKind.ISSUE, it.paragraph, fp, seq, it.confidence, it.reasons,
                              it.unit_rule)
                severity = it.severity.value if it.severity else None
                db.execute("UPDATE entries SET category = ?, top_category = ?, category_reason = ?, severity = ?, "
                           "severity_reason = ? WHERE sha256 = ? AND kind = ? AND paragraph = ? AND fingerprint = ? "
                           "AND state = ?", (it.category, it.top_category, it.category_reason, severity,
                                             it.severity_reason, result.sha256, EntryKind.ISSUE.value, it.paragraph, fp,
                                             EntryState.PENDING.value))
                cur = db.execute(
                    "INSERT OR IGNORE INTO entries (sha256, kind, seq, fingerprint, paragraph, text, unit_id, unit_name,"
                    " unit_rule, category, top_category, category_reason, confidence, reasons, created_at, place,"
                    " severity, severity_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (result.sha256, EntryKind.ISSUE.value, seq, fp, it.paragraph, it.text, it.unit_id, it.unit_name,
                     it.unit_rule, it.category, it.top_category, it.category_reason, it.confidence,
                     json.dumps(it.reasons, ensure_ascii=False), now, it.place or None, severity, it.severity_reason))
                new += cur.rowcount
                item_ids[seq - 1] = self._mark_twin(db, result.sha256, EntryKind.ISSUE, it.paragraph, fp, twin)
            for seq, d in enumerate(result.directives, 1):
                fp = directive_fps[seq - 1]
                twin = self._elsewhere(db, result, EntryKind.DIRECTIVE, fp, d.text, d.unit_id)
                if twin is not None:
                    same.append(_same_line(_place(d.place, d.paragraph), d.text, twin))
                self._refresh(db, result.sha256, EntryKind.DIRECTIVE, d.paragraph, fp, seq, d.confidence, d.reasons,
                              d.unit_rule, item_ids.get(d.item_index) if d.item_index is not None else None)
                cur = db.execute(
                    "INSERT OR IGNORE INTO entries (sha256, kind, seq, fingerprint, paragraph, text, unit_id, unit_name,"
                    " unit_rule, body, request, body_unit_id, item_ref, confidence, reasons, created_at, place) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (result.sha256, EntryKind.DIRECTIVE.value, seq, fp, d.paragraph, d.text, d.unit_id, d.unit_name,
                     d.unit_rule, d.body, d.request, d.body_unit_id,
                     item_ids.get(d.item_index) if d.item_index is not None else None, d.confidence,
                     json.dumps(d.reasons, ensure_ascii=False), now, d.place or None))
                new += cur.rowcount
                self._mark_twin(db, result.sha256, EntryKind.DIRECTIVE, d.paragraph, fp, twin)
            if stale:  # a decided directive that pointed at a dropped pending item no longer points anywhere
                marks = ",".join("?" * len(stale))
                db.execute(f"UPDATE entries SET item_ref = NULL WHERE sha256 = ? AND item_ref IN ({marks})",
                           [result.sha256, *stale])
        return QueueAddition(entries=self.entries(sha256=result.sha256, limit=100_000)[0], new=new, same=same)

    @staticmethod
    def _elsewhere(db: sqlite3.Connection, result: ParseResult, kind: EntryKind, fp: str, text: str,
                   unit_id: str | None) -> tuple[int, str, str] | None:
        """The first entry of another document saying the same of the same resolved unit in the same round, not
        rejected and not edited away from it: (id, file, place). A problem found again in a later round, or text
        whose unit is unknown, is no twin (a repeat across rounds is what the analyses look for)."""
        if unit_id is None or result.round_id is None:
            return None
        row = db.execute("SELECT e.id, d.name, e.place, e.paragraph FROM entries e "
                         "JOIN documents d ON d.sha256 = e.sha256 WHERE e.kind = ? AND e.fingerprint = ? "
                         "AND e.sha256 <> ? AND e.state <> ? AND e.text = ? AND e.unit_id = ? "
                         "AND coalesce(e.round_id, d.round_id) = ? ORDER BY e.id LIMIT 1",
                         (kind.value, fp, result.sha256, EntryState.REJECTED.value, text, unit_id,
                          result.round_id)).fetchone()
        return (int(row[0]), str(row[1]), _place(row[2], int(row[3]))) if row else None

    @staticmethod
    def _mark_twin(db: sqlite3.Connection, sha256: str, kind: EntryKind, paragraph: int, fp: str,
                   twin: tuple[int, str, str] | None) -> int:
        """Note (or clear) on a pending entry the entry it repeats; the entry's id."""
        db.execute("UPDATE entries SET twin_of = ? WHERE sha256 = ? AND kind = ? AND paragraph = ? AND fingerprint = ? "
                   "AND state = ?", (twin[0] if twin else None, sha256, kind.value, paragraph, fp,
                                     EntryState.PENDING.value))
        return int(db.execute("SELECT id FROM entries WHERE sha256=? AND kind=? AND paragraph=? AND fingerprint=?",
                              (sha256, kind.value, paragraph, fp)).fetchone()[0])

    @staticmethod
    def _drop_stale(db: sqlite3.Connection, result: ParseResult) -> list[int]:
        """Delete the file's pending entries the new parse no longer finds; returns their ids."""
        item_fps, directive_fps = identities(result)
        keep = {(EntryKind.ISSUE.value, it.paragraph, fp) for it, fp in zip(result.items, item_fps, strict=True)}
        keep |= {(EntryKind.DIRECTIVE.value, d.paragraph, fp)
                 for d, fp in zip(result.directives, directive_fps, strict=True)}
        rows = db.execute("SELECT id, kind, paragraph, fingerprint FROM entries WHERE sha256 = ? AND state = ?",
                          (result.sha256, EntryState.PENDING.value)).fetchall()
        stale = [r[0] for r in rows if (r[1], r[2], r[3]) not in keep]
        db.executemany("DELETE FROM entries WHERE id = ?", [(i,) for i in stale])
        return stale

    @staticmethod
    def _refresh(db: sqlite3.Connection, sha256: str, kind: EntryKind, paragraph: int, fp: str, seq: int,
                 confidence: float, reasons: list[str], unit_rule: str, item_ref: int | None = None) -> None:
        """A pending entry found again takes the new parse's order, confidence and reasons (the rules may have
        changed); its text, unit and body are its identity and stay."""
        db.execute("UPDATE entries SET seq = ?, confidence = ?, reasons = ?, unit_rule = ?, "
                   "item_ref = CASE WHEN kind = 'directive' THEN ? ELSE item_ref END "
                   "WHERE sha256 = ? AND kind = ? AND paragraph = ? AND fingerprint = ? AND state = ?",
                   (seq, confidence, json.dumps(reasons, ensure_ascii=False), unit_rule, item_ref, sha256,
                    kind.value, paragraph, fp, EntryState.PENDING.value))

    def get(self, entry_id: int) -> QueueEntry:
        with self.connection() as db:
            row = db.execute(f"{_SELECT} WHERE e.id = ?", (entry_id,)).fetchone()
        if row is None:
            raise EntryNotFound(f"审核队列中没有编号为 {entry_id} 的条目。")
        return _entry(row)

    def body_unit(self, entry_id: int) -> str | None:
        with self.connection() as db:
            row = db.execute("SELECT body_unit_id FROM entries WHERE id = ?", (entry_id,)).fetchone()
        return row[0] if row else None

    def entries(self, *, state: EntryState | Collection[EntryState] | None = None, kind: EntryKind | None = None,
                document: str | None = None, sha256: str | None = None, min_confidence: float | None = None,
                ids: list[int] | None = None, limit: int = 100, offset: int = 0) -> tuple[list[QueueEntry], int]:
        """A page of entries (and how many match) in one state or any of several (e.g. :data:`OPEN`)."""
        where: list[str] = []
        args: list[Any] = []
        states = [state] if isinstance(state, EntryState) else list(state or [])
        if states:
            where.append(f"e.state IN ({','.join('?' * len(states))})")
            args += [s.value for s in states]
        for clause, value in (("e.kind = ?", kind.value if kind else None), ("e.sha256 = ?", sha256),
                              ("e.confidence >= ?", min_confidence)):
            if value is not None:
                where.append(clause)
                args.append(value)
        if document:
            where.append("(d.name LIKE ? OR d.sha256 = ?)")
            args += [f"%{document}%", document]
        if ids is not None:
            where.append(f"e.id IN ({','.join('?' * len(ids))})" if ids else "0")
            args += ids
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        with self.connection() as db:
            total = db.execute(f"SELECT count(*) FROM entries e JOIN documents d ON d.sha256 = e.sha256{clause}",
                               args).fetchone()[0]
            rows = db.execute(f"{_SELECT}{clause} ORDER BY e.id LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
        return [_entry(r) for r in rows], total

    def _open(self, db: sqlite3.Connection, entry_id: int) -> str:
        row = db.execute("SELECT state FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise EntryNotFound(f"审核队列中没有编号为 {entry_id} 的条目。")
        if row[0] in (EntryState.ACCEPTED.value, EntryState.REJECTED.value):
            raise QueueError(f"条目 {entry_id} {EntryState(row[0]).label_zh}，不能再更改。")
        return str(row[0])

    def edit(self, entry_id: int, actor: str, *, unit_id: str | None = None, unit_name: str | None = None,
             category: str | None = None, top_category: str | None = None, text: str | None = None,
             round_id: str | None = None, severity: Severity | None = None) -> QueueEntry:
        """Change an open entry's unit, category, text, round or severity; it stays to be accepted (``edited``)."""
        changes: dict[str, Any] = {}
        if unit_id is not None:
            changes |= {"unit_id": unit_id, "unit_name": unit_name, "unit_rule": f"{actor} 指定"}
        if category is not None:
            changes |= {"category": category, "top_category": top_category, "category_reason": f"{actor} 指定"}
        if text is not None:
            if len(text.strip()) < 2:
                raise QueueError("问题描述至少要有两个字。")
            changes["text"] = text.strip()
        if round_id is not None:
            changes["round_id"] = round_id
        if severity is not None:
            changes |= {"severity": severity.value, "severity_reason": f"{actor} 指定"}
        if not changes:
            raise QueueError("没有要修改的内容：请指定单位、类别、文字、轮次或严重程度。")
        sets = ", ".join(f"{k} = ?" for k in changes)
        with self.writing() as db:
            self._open(db, entry_id)
            db.execute(f"UPDATE entries SET {sets}, state = ?, edited_by = ?, edited_at = ? WHERE id = ?",
                       [*changes.values(), EntryState.EDITED.value, actor, _now(), entry_id])
        return self.get(entry_id)

    def reject(self, entry_id: int, actor: str) -> QueueEntry:
        with self.writing() as db:
            self._open(db, entry_id)
            db.execute("UPDATE entries SET state = ?, decided_by = ?, decided_at = ? WHERE id = ?",
                       (EntryState.REJECTED.value, actor, _now(), entry_id))
        return self.get(entry_id)

    def mark_accepted(self, accepted: dict[int, tuple[str, str | None]], actor: str) -> None:
        """Record, in one transaction, the entries written to the graph: id → (node id, round id)."""
        now = _now()
        with self.writing() as db:
            for entry_id in accepted:
                self._open(db, entry_id)
            for entry_id, (node, round_id) in accepted.items():
                db.execute("UPDATE entries SET state = ?, node_id = ?, round_id = coalesce(?, round_id), "
                           "decided_by = ?, decided_at = ? WHERE id = ?",
                           (EntryState.ACCEPTED.value, node, round_id, actor, now, entry_id))

    def accepted_about(self, item_ids: Collection[int]) -> list[QueueEntry]:
        """The accepted directives whose problem is one of these entries (they leave the graph with it)."""
        ids = sorted(set(item_ids))
        marks = ",".join("?" * len(ids))
        with self.connection() as db:
            rows = db.execute(f"{_SELECT} WHERE e.kind = ? AND e.state = ? AND e.item_ref IN ({marks}) ORDER BY e.id",
                              [EntryKind.DIRECTIVE.value, EntryState.ACCEPTED.value, *ids]).fetchall() if ids else []
        return [_entry(r) for r in rows]

    def mark_withdrawn(self, ids: Collection[int], actor: str) -> None:
        """Return accepted entries to the open queue, in one transaction, once their nodes have left the graph: to
        pending, or to edited when an analyst had changed them; the decision and node id are cleared, and who withdrew
        it and when are kept on the entry (the clerk sees it was in the graph once; the audit has the rest)."""
        with self.writing() as db:
            for entry_id in ids:
                row = db.execute("SELECT state FROM entries WHERE id = ?", (entry_id,)).fetchone()
                if row is None:
                    raise EntryNotFound(f"审核队列中没有编号为 {entry_id} 的条目。")
                if row[0] != EntryState.ACCEPTED.value:
                    raise QueueError(f"条目 {entry_id} {EntryState(row[0]).label_zh}，未载入图谱，无需撤销。")
            now = _now()
            db.executemany("UPDATE entries SET state = CASE WHEN edited_by IS NULL THEN ? ELSE ? END, node_id = NULL, "
                           "decided_by = NULL, decided_at = NULL, withdrawn_by = ?, withdrawn_at = ? WHERE id = ?",
                           [(EntryState.PENDING.value, EntryState.EDITED.value, actor, now, i) for i in ids])
