"""Which unit a 巡前画像 or a ranking means: by id, or by name or alias, with the township to tell namesake
villages apart (``乡镇/村`` in a list). An unknown name is refused in Chinese with close matches."""

from __future__ import annotations

import difflib
from typing import Any

from graph.model.enums import UnitKind
from graph.stores.base import QueryRunner


class ProfileNotFound(LookupError):
    """The unit named does not exist (or is not of the kind asked for)."""


class ProfileAmbiguous(ProfileNotFound):
    """Several units have that name (namesake villages of different townships)."""


def kind_zh(unit_kind: str | None) -> str:
    if unit_kind is None:
        return "单位"
    try:
        return UnitKind(unit_kind).label_zh
    except ValueError:
        return "单位"


def directory(store: QueryRunner) -> list[dict[str, Any]]:
    return store.run_query("unit_directory", {})


def _by_id(store: QueryRunner, text: str) -> dict[str, Any] | None:
    rows = store.run_query("entity_by_id", {"id": text}) if 0 < len(text) <= 64 else []
    return rows[0]["props"] if rows and rows[0]["kind"] == "Unit" else None


def resolve_unit(store: QueryRunner, text: str, township: str | None = None, *, kind: str | None = None,
                 units: list[dict[str, Any]] | None = None) -> str:
    """A unit's id from its id or its name (or alias); ``kind`` (a unit kind) narrows, ``township`` tells
    namesake villages apart."""
    text = text.strip()
    what = kind_zh(kind) if kind else "单位"
    props = _by_id(store, text)
    if props is not None and (kind is None or props.get("unit_kind") == kind):
        return text
    units = [u for u in (units if units is not None else directory(store)) if kind is None or u["unit_kind"] == kind]
    named = [u for u in units if (text == u["name"] or text in u["aliases"])
             and (township is None or u["parent_name"] == township.strip())]
    if len(named) == 1:
        return named[0]["id"]
    if named:
        named.sort(key=lambda u: (u["parent_name"] or u["county"], u["id"]))
        where = "、".join(u["parent_name"] or u["county"] for u in named)
        raise ProfileAmbiguous(f"名为“{text}”的{what}不止一个（{where}），请指明所属乡镇，"
                              f"或改用 id：{'、'.join(u['id'] for u in named)}。")
    close = difflib.get_close_matches(text, sorted({u["name"] for u in units}), n=5, cutoff=0.5)
    hint = f"相近的有：{'、'.join(close)}。" if close else ""
    where = f"{township}的" if township else ""
    raise ProfileNotFound(f"没有{where}名为（或 id 为）“{text}”的{what}。{hint}")


def resolve_village(store: QueryRunner, text: str, township: str | None = None) -> str:
    """A village's id from its id, or from its name (or alias) with the township to tell namesakes apart."""
    return resolve_unit(store, text, township, kind="village")


def resolve_township(store: QueryRunner, text: str, units: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A township (id, name, county) from its id or name."""
    tid = resolve_unit(store, text, kind="township", units=units)
    props = _by_id(store, tid) or {}
    return {"id": tid, "name": props.get("name", ""), "county": props.get("county", "")}


def resolve_villages(store: QueryRunner, texts: list[str], township: str | None = None) -> list[str]:
    """Villages named in a list (ids, names, or ``乡镇/村``), each once, in the order given."""
    units = directory(store)
    out: list[str] = []
    for text in texts:
        town, _, name = text.strip().rpartition("/")
        vid = resolve_unit(store, name, town or township, kind="village", units=units)
        if vid not in out:
            out.append(vid)
    return out
