"""What each kind of saved alert looks for, and running the saved alerts (after every load).

Every kind reads named queries or the dashboard's own functions, so an alert finds the same on both stores.
A candidate's key is made of the ids of what it is about, never of dates or counts, so reloading the same data
finds the same keys (and records nothing new), and a new matching row brings a new key.

* ``relapse_township``: a ``REPEATS`` edge marked relapse at a unit of kind ``unit_kinds`` (default township);
  key = later issue > earlier issue.
* ``relative_beneficiary``: a village cadre's relative receiving a benefit in the cadre's village during the
  cadre's term (``relative_links`` via benefit); key = cadre | relative | benefit.
* ``clue_undisposed``: a clue undisposed more than ``threshold`` days after transfer (default: the dashboard's
  ``clue_disposal_days``); key = the clue.
* ``category_without_letter``: one category found at ``threshold`` (default 3) or more units in one round, no
  letter concerning any of those issues; key = round | category.
* ``named_query``: any registered query, ``params.query`` naming it and the other params its own; fires when it
  returns ``threshold`` (default 1) rows or more, one candidate per row, keyed by the ids the row holds.

A run sees the store through the 一案三改 batch's memo: alerts asking the same query with the same parameters
(every relapse alert reads ``rectification_issues``) read it once.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from graph.alerts.model import Alert, AlertIn, AlertKind, Candidate, Hit, RunResult
from graph.alerts.store import AlertError, AlertStore
from graph.model.ids import kind_of_id
from graph.queries import registry
from graph.reviews.case_review import _Memo
from graph.reviews.dashboard import undisposed
from graph.reviews.rules import load_rules
from graph.stores.base import QueryRunner, StoreError

log = logging.getLogger(__name__)
FILE_NAME = "alerts.sqlite"
DEFAULT_UNITS = 3


def alert_store(data_dir: Path) -> AlertStore:
    return AlertStore(data_dir / FILE_NAME)


def _relapse_township(store: QueryRunner, alert: AlertIn, today: date, data_dir: Path | None) -> list[Candidate]:
    kinds = set(alert.params.get("unit_kinds") or ["township"])
    relapsed = [i for i in store.run_query("rectification_issues", {"round_ids": None}) if i["relapse_of"]]
    units = {u["unit_id"]: u for u in store.run_query(
        "rectification_units", {"unit_ids": sorted({i["unit_id"] for i in relapsed})})} if relapsed else {}
    return [Candidate(key=f"{i['issue_id']}>{earlier}", ids=[i["issue_id"], earlier, i["unit_id"]],
                      summary=f"{units[i['unit_id']]['unit_name']}的问题整改后复发：“{i['text'][:40]}”")
            for i in relapsed if units.get(i["unit_id"], {}).get("unit_kind") in kinds for earlier in i["relapse_of"]]


def _relative_beneficiary(store: QueryRunner, alert: AlertIn, today: date, data_dir: Path | None
                          ) -> list[Candidate]:
    rows = store.run_query("relative_links", {"village_id": alert.params.get("village_id")})
    return [Candidate(key=f"{r['cadre_id']}|{r['relative_id']}|{r['target_id']}",
                      ids=[r["cadre_id"], r["relative_id"], r["target_id"], r["village_id"]],
                      summary=f"{r['village_name']}村干部的亲属（{r['relation']}）在本村领取补贴（{r['year']}年）")
            for r in rows if r["via"] == "benefit"]


def _clue_undisposed(store: QueryRunner, alert: AlertIn, today: date, data_dir: Path | None) -> list[Candidate]:
    days = alert.threshold or load_rules("dashboard", data_dir)["clue_disposal_days"]
    return [Candidate(key=c.clue_id, ids=[c.clue_id, *c.source_ids],
                      summary=f"问题线索{c.code}于{c.transfer_date}移交{c.receiver or '接收单位'}，超过{days}天未处置")
            for c in undisposed(store, today, days)]


def _category_without_letter(store: QueryRunner, alert: AlertIn, today: date, data_dir: Path | None
                             ) -> list[Candidate]:
    at_least = alert.threshold or DEFAULT_UNITS
    rnd = alert.params.get("round_id")
    issues = store.run_query("rectification_issues", {"round_ids": [rnd] if rnd else None})
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for i in issues:
        groups.setdefault((i["round_id"], i["category"]), []).append(i)
    wide = {k: g for k, g in groups.items() if len({i["unit_id"] for i in g}) >= at_least}
    out = []
    for (round_id, category), g in sorted(wide.items()):
        if any(i["letter_ids"] for i in g):
            continue
        units = sorted({i["unit_id"] for i in g})
        out.append(Candidate(key=f"{round_id}|{category}", ids=[round_id, *units],
                             summary=f"同一轮巡察中“{category}”问题出现在{len(units)}个单位，未发巡察建议函"))
    return out


def _row_key(row: dict[str, Any]) -> tuple[str, list[str]]:
    ids: list[str] = []
    for value in row.values():
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str) and kind_of_id(v):
                ids.append(v)
    basis = ids or [json.dumps(row, sort_keys=True, ensure_ascii=False, default=str)]
    return hashlib.sha256("|".join(basis).encode()).hexdigest()[:24], ids


def _named_query(store: QueryRunner, alert: AlertIn, today: date, data_dir: Path | None) -> list[Candidate]:
    params = {k: v for k, v in alert.params.items() if k != "query"}
    rows = store.run_query(str(alert.params.get("query")), params)
    if len(rows) < (alert.threshold or 1):
        return []
    out: dict[str, Candidate] = {}
    for row in rows:
        key, ids = _row_key(row)
        label = next((str(row[k]) for k in ("name", "title", "code", "unit_name", "text") if row.get(k)), "")
        shown = f"：{label[:40]}" if label else ""
        out.setdefault(key, Candidate(key=key, ids=ids[:20], summary=f"查询 {alert.params.get('query')} 的结果{shown}"))
    return list(out.values())


KINDS: dict[AlertKind, Callable[[QueryRunner, AlertIn, date, Path | None], list[Candidate]]] = {
    AlertKind.RELAPSE_TOWNSHIP: _relapse_township,
    AlertKind.RELATIVE_BENEFICIARY: _relative_beneficiary,
    AlertKind.CLUE_UNDISPOSED: _clue_undisposed,
    AlertKind.CATEGORY_WITHOUT_LETTER: _category_without_letter,
    AlertKind.NAMED_QUERY: _named_query,
}


def check(alert: AlertIn) -> None:
    """Refuse an alert that cannot run (an unknown query, parameters the query does not take), in Chinese."""
    if alert.kind is not AlertKind.NAMED_QUERY:
        return
    name = alert.params.get("query")
    if not isinstance(name, str) or not name:
        raise AlertError("命名查询预警须在参数中写明 query（查询名）。")
    try:
        query = registry.get(name)
    except registry.UnknownQuery as exc:
        raise AlertError(f"没有名为“{name}”的命名查询。") from exc
    params = {k: v for k, v in alert.params.items() if k != "query"}
    unknown = sorted(set(params) - set(query.params.model_fields))
    if unknown:
        raise AlertError(f"查询 {name} 的参数有误：没有参数 {'、'.join(unknown)}；"
                         f"可用参数：{'、'.join(query.params.model_fields)}")
    try:
        query.bind(params)
    except ValidationError as exc:
        raise AlertError(f"查询 {name} 的参数有误：{exc.errors()[0]['loc']} {exc.errors()[0]['msg']}") from exc


def evaluate(store: QueryRunner, alert: AlertIn, today: date | None = None, data_dir: Path | None = None
             ) -> list[Candidate]:
    """What one alert finds in the graph now."""
    check(alert)
    return KINDS[alert.kind](store, alert, today or date.today(), data_dir)


def run_alerts(store: QueryRunner, alerts: AlertStore, *, owner: str | None = None, today: date | None = None,
               data_dir: Path | None = None, only: list[Alert] | None = None) -> RunResult:
    """Run the saved alerts (one owner's, or all) and record their hits; the new ones come back."""
    chosen = only if only is not None else alerts.alerts(owner)
    result = RunResult(alerts=len(chosen), found=0)
    shared = _Memo(store, frozenset(registry.all_queries()))  # a run reads; alerts asking the same query share it
    for alert in chosen:
        try:
            found = evaluate(shared, alert, today, data_dir)
        except (AlertError, StoreError, ValueError) as exc:
            result.errors.append(f"预警“{alert.name}”（编号 {alert.id}）未能运行：{exc}")
            log.warning("alert %s could not run: %s", alert.id, type(exc).__name__)
            continue
        result.found += len(found)
        result.new += alerts.record(alert.id, found)
    return result


def with_gone(store: QueryRunner, hits: list[Hit]) -> list[Hit]:
    """The hits with the records they name that the graph no longer holds (a report item's acceptance withdrawn, a
    record a reload dropped): a hit is kept as found, but what it points to is said to be gone, not a dead link."""
    named = sorted({i for h in hits for i in h.ids})
    held = {row["id"] for row in store.run_query("entities_by_ids", {"ids": named})} if named else set()
    return [h.model_copy(update={"gone": [i for i in h.ids if i not in held]}) for h in hits]


def run_after_load(store: QueryRunner, data_dir: Path) -> RunResult:
    """Re-run every saved alert after a load (CLI or POST /loads); a failure is reported, never fatal to the load."""
    try:
        return run_alerts(store, alert_store(data_dir), data_dir=data_dir)
    except sqlite3.Error as exc:
        log.warning("alerts could not run after the load: %s", type(exc).__name__)
        return RunResult(alerts=0, found=0, errors=[f"预警文件无法读写，本次载入后未运行预警：{exc}"])
