"""Cypher kept as files: schema, named queries and batched writes."""

from __future__ import annotations

from importlib import resources


def read(relative: str) -> str:
    """Text of ``cypher/<relative>``, read from the installed package."""
    return resources.files("cypher").joinpath(relative).read_text("utf-8")
