"""The unit of a 巡前画像 (or a village of a ranking list) named by id or by name.

First as 巡前画像 itself resolves (graph.reviews.village_resolve: id, exact name or alias, the township telling
namesake villages apart, ``乡镇/村``); failing that, as the ledgers resolve names (api.linkage_subject: county
prefix, 党组/党委, full-width characters, ``某某镇某某村``, the county's ``unit_aliases.csv``). A name that fits
no unit is refused with the close matches; one that fits several, with the candidates and their ids.
"""

from __future__ import annotations

from pathlib import Path

from api.linkage_subject import SubjectAmbiguous, SubjectNotFound
from api.linkage_subject import resolve_unit as ledger_unit
from graph.reviews.village_resolve import ProfileAmbiguous, ProfileNotFound, resolve_unit
from graph.stores.base import QueryRunner


def resolve(store: QueryRunner, text: str, township: str | None = None, *, kind: str | None = None,
            alias_table: Path | None = None) -> str:
    """A unit id (of ``kind`` when given) for an id or a name."""
    town, _, name = text.strip().rpartition("/")
    township = town or township
    try:
        return resolve_unit(store, name, township, kind=kind)
    except ProfileAmbiguous:
        raise
    except ProfileNotFound as first:
        try:
            found = ledger_unit(store, f"{township or ''}{name}", alias_table)
        except SubjectAmbiguous as exc:
            raise ProfileAmbiguous(str(exc)) from exc
        except SubjectNotFound:
            raise first from None
        rows = store.run_query("entity_by_id", {"id": found}) if len(found) <= 64 else []
        if not rows or rows[0]["kind"] != "Unit" or kind is not None and rows[0]["props"].get("unit_kind") != kind:
            raise first from None
        return found


def resolve_many(store: QueryRunner, texts: list[str], township: str | None = None, *, kind: str | None = None,
                 alias_table: Path | None = None) -> list[str]:
    """Ids for a list of ids or names (each once, in the order given)."""
    out: list[str] = []
    for text in texts:
        found = resolve(store, text, township, kind=kind, alias_table=alias_table)
        if found not in out:
            out.append(found)
    return out
