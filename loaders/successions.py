"""The data folder's 机构沿革 file, ``unit_successions.csv`` (旧名称,新名称,日期,方式), applied after every unit register.

A county keeps one list of its reforms (扶贫办 → 乡村振兴局, 国土资源局 → 自然资源局 …); ``xuncha init`` starts it
from the package's default list. After each load of a unit register, the rows whose old and new units are both
known are loaded as the ledger kind 机构沿革 (SUCCEEDED_BY edges), all or nothing like any ledger; rows naming a
unit the graph does not hold yet wait for a later register.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from graph.stores.base import GraphStore
from loaders.ledgers.mapping import kind_by_name, match_header
from loaders.ledgers.readers import Sheet, read_sheets
from loaders.ledgers.report import FileReport
from loaders.ledgers.resolve import ResolveError, load_unit_index

# How the known rows are loaded: the loader's own ``load(path, kind=…, sheets=…)``, passed in by the loader, so this
# module never imports the loader (imports run one way: loaders.ledgers.load → loaders.successions).
LoadSheets = Callable[[Path, str, list[Sheet]], FileReport]

FILE = "unit_successions.csv"


def write_default(data_dir: Path) -> Path | None:
    """Start the county's list from the package's default (never over a list the county already keeps)."""
    path = data_dir / FILE
    if path.exists():
        return None
    raw = json.loads(resources.files("loaders.ledgers").joinpath("unit_successions.json").read_text("utf-8"))
    data_dir.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(raw["header"])
        writer.writerows(raw["rows"])
    return path


def apply_successions(store: GraphStore, data_dir: Path | None, alias_table: Path | None, county: str,
                      load: LoadSheets) -> FileReport | None:
    """Load the rows of the data folder's list whose two units are known; None when there is nothing to apply.

    ``load`` loads the kept rows as the ledger kind 机构沿革 (all or nothing, like any ledger).
    """
    if data_dir is None or not (data_dir / FILE).exists():
        return None
    path = data_dir / FILE
    kind = kind_by_name("successions")
    assert kind is not None
    sheets = read_sheets(path)
    if not sheets:
        return None
    sheet = sheets[0]
    field_of = {i: c.field for i, c in ((i, match_header(kind, h).column) for i, h in enumerate(sheet.headers)) if c}
    units = load_unit_index(store, alias_table)
    known = []
    for number, cells in sheet.rows:
        values = {field_of[i]: str(cells[i]).strip() for i in field_of if i < len(cells) and cells[i] is not None}
        row_county = values.get("county") or county or ""
        try:
            old, _ = units.resolve(row_county, values.get("old", ""), values.get("township", ""))
            new, _ = units.resolve(row_county, values.get("new", ""), values.get("township", ""))
        except ResolveError:
            continue
        if old != new:
            known.append((number, cells))
    if not known:
        return None
    sheet.rows = known
    return load(path, "successions", [sheet])
