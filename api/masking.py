"""The names of known people, as one matcher per graph version, for masking and auditing free text.

Building the matcher reads every person's name once (named query ``entity_names``: 0.1 s for a county, about 1 s
for 45,000 names); it is kept with the store's version (graph.analysis.cache), which every write moves — in this
process or another, on either store — so a person loaded a moment ago is masked in the very next response.
"""

from __future__ import annotations

from typing import Any

from graph.analysis.cache import cached
from graph.model import NodeKind
from graph.text_privacy import NameMatcher

_EMPTY = NameMatcher({})


def person_names(store: Any) -> dict[str, list[str]]:
    """Every person's name with the ids of the people who bear it."""
    names: dict[str, list[str]] = {}
    for row in store.run_query("entity_names", {"kind": NodeKind.PERSON.value}):
        names.setdefault(row["name"], []).append(row["id"])
    return names


def matcher_for(store: Any) -> NameMatcher:
    """The matcher for the store as it is now (built once per graph version; kept in memory only)."""
    if store is None:
        return _EMPTY
    return cached(store, "name_matcher", {}, lambda: NameMatcher(person_names(store)))
