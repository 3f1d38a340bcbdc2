"""The sample county in a data folder with one account per role: what API tests stand on."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.auth import AccountStore, Role
from graph.analysis import repeats
from graph.stores.embedded import EmbeddedStore
from loaders.sample import Bundle

ROLES = ("viewer", "analyst", "admin")


def county_folder(county: Bundle, factory: pytest.TempPathFactory, name: str) -> Path:
    """A fresh data folder holding the sample county with its repeats computed."""
    folder = factory.mktemp(name)
    store = EmbeddedStore(folder / "graph.sqlite")
    store.upsert(county.nodes, county.edges)
    repeats.recompute(store)
    store.close()
    return folder


def role_tokens(folder: Path, prefix: str) -> dict[str, str]:
    """One account per role (named ``<prefix>_<role>``) and its token."""
    accounts = AccountStore(folder / "accounts.sqlite")
    made = {role: accounts.add(f"{prefix}_{role}", Role(role)) for role in ROLES}
    accounts.close()
    return made
