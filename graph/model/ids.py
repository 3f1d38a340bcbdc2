"""Deterministic identifiers from natural keys.

The same real-world thing loaded twice must become one node, so an id is a
hash of the kind and its normalised natural key, never a counter.
"""

from __future__ import annotations

import hashlib
import unicodedata

_PREFIX = {
    "Round": "rnd", "Group": "grp", "Unit": "unit", "Person": "per",
    "Issue": "iss", "Task": "tsk", "Clue": "clu", "Case": "cas",
    "Letter": "let", "Finding": "fnd", "Project": "prj", "Company": "com",
    "Benefit": "ben", "Petition": "pet", "Measure": "msr", "Document": "doc",
    "DataRequest": "drq", "Directive": "dir",
}
_KIND_OF_PREFIX = {prefix: kind for kind, prefix in _PREFIX.items()}


def normalise_text(text: str) -> str:
    """Fold full-width characters and drop all white space.

    Ledgers mix ``ＡＢＣ``/``ABC`` and stray spaces inside Chinese names.
    """
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split())


def _digest(parts: tuple[object, ...]) -> str:
    joined = "\x1f".join("" if p is None else normalise_text(str(p)) for p in parts)
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=8).hexdigest()


def node_id(kind: str, *key: object) -> str:
    """Id of a node of ``kind`` with natural key ``key``.

    >>> node_id("Unit", "清河县财政局") == node_id("Unit", "清河县 财政局")
    True
    >>> node_id("Unit", "x").startswith("unit_")
    True
    """
    return f"{_PREFIX[kind]}_{_digest(key)}"


def kind_of_id(node_id: str) -> str | None:
    """The node kind an id was made for, read from its prefix (None if foreign).

    >>> kind_of_id(node_id("Unit", "x"))
    'Unit'
    """
    return _KIND_OF_PREFIX.get(node_id.split("_", 1)[0])


def edge_id(edge_type: str, src: str, dst: str, *discriminator: object) -> str:
    """Id of an edge; ``discriminator`` separates parallel edges (two posts)."""
    return f"e_{_digest((edge_type, src, dst, *discriminator))}"


def hash_identity_number(raw: str, *, salt: str) -> str:
    """One-way hash of a national ID number; the raw number is never stored."""
    clean = normalise_text(raw).upper()
    return hashlib.blake2b(clean.encode(), key=salt.encode()[:64], digest_size=16).hexdigest()
