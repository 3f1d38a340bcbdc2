"""The facts behind 巡前画像, read for many units at once.

The rows come already checked by each query's result model, so the lines are built with ``model_construct``.

One call of each batch named query (``entities_by_ids``, ``profile_posts``, ``profile_issues``,
``profile_items``, ``profile_relative_links``, ``linkage_handoffs``) serves every unit asked for, so ranking
the villages of a county costs six queries rather than a dozen per village; the profile of one unit reads the
same queries with one id (and ``sources_of``). Everything is cut at the profile day.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.reviews.linkage import channel_zh, handoff_lines, stalls
from graph.reviews.village_profile_model import (
    Cadre,
    Dealing,
    FindingLine,
    HandOffLine,
    IssueLine,
    Petitions,
    RelativeLine,
)
from graph.stores.base import QueryRunner, run_together


@dataclass
class UnitFacts:
    """What the profile of one unit is made from (as of the profile day)."""

    props: dict[str, Any]
    cadres: list[Cadre] = field(default_factory=list)
    issues: list[IssueLine] = field(default_factory=list)
    petitions: Petitions = field(default_factory=lambda: Petitions(count=0))
    projects: list[Dealing] = field(default_factory=list)
    benefits: list[Dealing] = field(default_factory=list)
    handoffs: list[HandOffLine] = field(default_factory=list)
    relative_links: list[RelativeLine] = field(default_factory=list)
    findings: list[FindingLine] = field(default_factory=list)
    last_inspected: date | None = None


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _day(value: str) -> date:
    """A date the model requires (a petition's receipt, a finding, a round's start, a hand-off)."""
    return date.fromisoformat(value[:10])


def units(store: QueryRunner, unit_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The props of those ids that are units."""
    return unit_props(store.run_query("entities_by_ids", {"ids": sorted(set(unit_ids))}))


def unit_props(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The props of the units among ``entities_by_ids`` rows (id → props)."""
    return {r["id"]: r["props"] for r in rows if r["kind"] == "Unit"}


def gather(store: QueryRunner, props: dict[str, dict[str, Any]], as_of: date,
           linkage_rules: dict[str, Any], *, scoring_only: bool = False,
           lineage: list[dict[str, Any]] | None = None) -> dict[str, UnitFacts]:
    """The facts of every unit in ``props`` (id → the unit's props), in one pass of each batch query.
    ``scoring_only`` (a ranking) leaves out what no factor reads: benefits and former cadres.
    ``lineage``: the rows of ``unit_predecessors`` for these units when the caller has read them already."""
    wanted = sorted(props)
    # 机构沿革: a unit's profile includes what its former units recorded
    before, ended = predecessors(store.run_query("unit_predecessors", {"unit_ids": wanted}) if lineage is None
                                 else lineage)
    former = sorted({p for ps in before.values() for p in ps} - set(props))
    props = {**props, **(units(store, former) if former else {})}
    ids = sorted(props)
    out = {u: UnitFacts(props=props[u]) for u in ids}
    if not ids:
        return out
    villages = [u for u in ids if props[u].get("unit_kind") == "village"]
    posts, issues, items, links = run_together(store, [
        ("profile_posts", {"unit_ids": ids}),
        ("profile_issues", {"unit_ids": ids, "as_of": as_of.isoformat()}),
        ("profile_items", {"unit_ids": ids, "kinds": ["Petition", "Project", "Finding", "Round"] if scoring_only
                           else None}),
        ("profile_relative_links", {"unit_ids": villages}),
    ])
    for r in posts:
        start, end = _d(r["start"]), _d(r["end"])
        current = end is None or end >= as_of
        if start and start <= as_of and (current or not scoring_only):
            out[r["unit_id"]].cadres.append(Cadre.model_construct(
                person_id=r["person_id"], name=r["person_name"], post=r["post"],
                first_in_command=r["first_in_command"], start=start, end=end, current=current))
    _issues(issues, out)
    _items(items, ids, as_of, out)
    for r in links:
        if r["year"] <= as_of.year:
            line = RelativeLine.model_construct(**{k: r[k] for k in RelativeLine.model_fields})
            out[r["village_id"]].relative_links.append(line)
    _handoffs(store, as_of, linkage_rules, out)
    return {u: _with_predecessors(out[u], [(out[p], ended.get(p)) for p in before.get(u, []) if p in out])
            for u in wanted}


def predecessors(rows: list[dict[str, Any]]) -> tuple[dict[str, list[str]], dict[str, date | None]]:
    """Each unit's former units (renamed or merged into it, up to five reforms back: ``unit_predecessors`` rows)
    and the day each ended."""
    found: dict[str, list[str]] = {}
    ended: dict[str, date | None] = {}
    for r in rows:
        found.setdefault(r["unit_id"], []).append(r["predecessor_id"])
        ended[r["predecessor_id"]] = _d(r["on"])
    return found, ended


def _with_predecessors(f: UnitFacts, former: list[tuple[UnitFacts, date | None]]) -> UnitFacts:
    """A unit's facts with its former units' posts, issues, items and inspections added; a post at a former unit
    ended with the reform at the latest (a register often leaves its end unwritten)."""
    for e, reform in former:
        f.cadres += [c.model_copy(update={"current": False, "end": min(filter(None, (c.end, reform)), default=None)})
                     for c in e.cadres]
        f.issues += e.issues
        f.projects += e.projects
        f.benefits += e.benefits
        f.findings += e.findings
        f.handoffs += e.handoffs
        f.relative_links += e.relative_links
        if e.petitions.count:
            p = f.petitions
            f.petitions = Petitions(count=p.count + e.petitions.count, open_ids=p.open_ids + e.petitions.open_ids,
                                    topics=dict(sorted((Counter(p.topics) + Counter(e.petitions.topics)).items())),
                                    by_year=dict(sorted((Counter(p.by_year) + Counter(e.petitions.by_year)).items())),
                                    ids=p.ids + e.petitions.ids, years={**p.years, **e.petitions.years})
        f.last_inspected = max(filter(None, (f.last_inspected, e.last_inspected)), default=None)
    if former:
        f.issues.sort(key=lambda i: (i.found_date, i.issue_id))
        f.findings.sort(key=lambda x: (x.found_date, x.item_id))
    return f


def _issues(rows: list[dict[str, Any]], out: dict[str, UnitFacts]) -> None:
    for r in rows:
        out[r["unit_id"]].issues.append(IssueLine.model_construct(
            issue_id=r["id"], round_id=r["round_id"], round_title=r["round_title"], found_date=_d(r["found_date"]),
            category=r["category"], text=r["text"], status=r["status"], overdue_task_ids=r["overdue_task_ids"],
            repeats_of=r["repeats_of"], relapse=bool(r["relapse_of"])))


def _items(rows: list[dict[str, Any]], ids: list[str], as_of: date, out: dict[str, UnitFacts]) -> None:
    petitions: dict[str, list[dict[str, Any]]] = {u: [] for u in ids}
    for r in rows:
        f, kind = out[r["unit_id"]], r["item_kind"]
        if kind == "Petition" and _day(r["on"]) <= as_of:
            petitions[r["unit_id"]].append(r)
        elif kind == "Round" and _day(r["on"]) <= as_of:
            f.last_inspected = max(filter(None, (f.last_inspected, _day(r["on"]))))
        elif kind == "Finding" and _day(r["on"]) <= as_of:
            f.findings.append(FindingLine.model_construct(
                item_id=r["item_id"], channel_zh=channel_zh(r["status"]), found_date=_day(r["on"]), category=r["label"],
                text=r["text"]))
        elif kind in ("Project", "Benefit") and r["year"] <= as_of.year:
            line = Dealing.model_construct(item_id=r["item_id"], kind=kind, label=r["label"], code=r["code"],
                                           year=r["year"], amount=r["amount"], party_ids=r["party_ids"],
                                           party_names=r["party_names"])
            (f.projects if kind == "Project" else f.benefits).append(line)
    for u, rows in petitions.items():
        rows.sort(key=lambda p: p["item_id"])
        out[u].findings.sort(key=lambda x: (x.found_date, x.item_id))
        out[u].petitions = Petitions(
            count=len(rows), open_ids=[p["item_id"] for p in rows if p["status"] == "open"],
            topics=dict(sorted(Counter(p["label"] for p in rows).items())),
            by_year=dict(sorted(Counter(_day(p["on"]).year for p in rows).items())),
            ids=[p["item_id"] for p in rows], years={p["item_id"]: _day(p["on"]).year for p in rows})


def _handoffs(store: QueryRunner, as_of: date, rules: dict[str, Any], out: dict[str, UnitFacts]) -> None:
    current = {u: {c.person_id for c in f.cadres if c.current} for u, f in out.items()}
    people = sorted(set().union(*current.values()))
    if not people:
        return
    rows = [r for r in store.run_query("linkage_handoffs", {"item_ids": [], "person_ids": people})
            if _day(r["transfer_date"]) <= as_of]
    handoffs = handoff_lines(rows, {})
    stalled = {s.clue_id: s.kind.label_zh for s in stalls(handoffs, as_of, rules)}
    handoffs.sort(key=lambda h: (h.transfer_date, h.clue_id, h.case_id or ""))
    units_of: dict[str, list[str]] = {}
    for u, people_there in current.items():
        for person in people_there:
            units_of.setdefault(person, []).append(u)
    for h in handoffs:
        opened = h.opened is not None and h.opened <= as_of
        for u in sorted({u for person in h.person_ids for u in units_of.get(person, [])}):
            out[u].handoffs.append(HandOffLine.model_construct(
                clue_id=h.clue_id, clue_code=h.clue_code, person_ids=sorted(set(h.person_ids) & current[u]),
                transfer_date=h.transfer_date, disposal=h.disposal, case_id=h.case_id if opened else None,
                case_code=h.case_code if opened else None, outcome=h.outcome if opened else None,
                stalled=stalled.get(h.clue_id)))
