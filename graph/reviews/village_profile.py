"""巡前画像: the pre-inspection profile of a village (or of any unit, with the parts that apply), its explained
risk score, class, focus list and suggested inspection mode; and the ranking of the villages of a township, of
a county or of a list.

The facts are read by batch named queries (:mod:`graph.reviews.village_facts`): one pass of each serves every
unit asked for, so a county's ranking is a handful of queries rather than a dozen per village, and the
profile is the same on both stores. The factors and their weights are stated in
:mod:`graph.reviews.village_risk`; the settings live in ``village_profile.json`` (override:
``<data_dir>/village_profile.json``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from graph.reviews.linkage import channel_zh
from graph.reviews.rules import load_rules
from graph.reviews.village_facts import UnitFacts, gather, unit_props, units
from graph.reviews.village_profile_model import Facts, RankRow, Source, VillageProfile, VillageRanking
from graph.reviews.village_resolve import (
    ProfileNotFound,
    directory,
    kind_zh,
    resolve_township,
    resolve_unit,
    resolve_village,
    resolve_villages,
)
from graph.reviews.village_risk import (
    LABELS,
    VILLAGE_ONLY,
    classify,
    factor,
    focus_list,
    load_profile_rules,
    mode,
)
from graph.stores.base import QueryRunner, run_together

__all__ = ["ProfileNotFound", "profile_unit", "profile_village", "rank_villages", "resolve_township",
           "resolve_unit", "resolve_village", "resolve_villages"]


def _facts(props: dict[str, Any]) -> Facts:
    return Facts(township=props.get("parent_name", ""), county=props.get("county", ""),
                 population=props.get("population"), households=props.get("households"),
                 industries=props.get("industries") or [], collective_income=props.get("collective_income"),
                 village_class=props.get("village_class"))


def _assess(f: UnitFacts, facts: Facts, as_of: date, rules: dict[str, Any]) -> dict[str, Any]:
    """Factors, score, class, focus list and mode of one unit's facts (the profile and the ranking share it)."""
    village = f.props.get("unit_kind") == "village"
    factors = [x for x in _factors(rules, as_of, facts, f) if village or x.key not in VILLAGE_ONLY]
    score = round(sum(x.contribution for x in factors), 2)
    audit = any(x.channel_zh == channel_zh("audit") for x in f.findings)
    chosen, why = mode(factors, score, rules, audit, f.props.get("unit_kind"))
    return {"factors": factors, "score": score, "village_class": classify(factors, score, rules),
            "focus": focus_list(factors, rules), "mode": chosen, "mode_reason": why}


def _build(unit_id: str, f: UnitFacts, as_of: date, rules: dict[str, Any]) -> VillageProfile:
    props, facts = f.props, _facts(f.props)
    village = props.get("unit_kind") == "village"
    return VillageProfile(
        unit_id=unit_id, name=props["name"], unit_kind=props.get("unit_kind") or "",
        unit_kind_zh=kind_zh(props.get("unit_kind")), team_title="村两委" if village else "领导班子", as_of=as_of,
        facts=facts, cadres=f.cadres, issues=f.issues, petitions=f.petitions, projects=f.projects,
        benefits=f.benefits, handoffs=f.handoffs, relative_links=f.relative_links, findings=f.findings,
        last_inspected=f.last_inspected, **_assess(f, facts, as_of, rules))


def profile_unit(store: QueryRunner, unit_id: str, *, as_of: date | None = None, data_dir: Path | None = None,
                 rules: dict[str, Any] | None = None, village_only: bool = False) -> VillageProfile:
    """The profile of one unit as of a day (default today), every factor shown and every item with its source."""
    as_of = as_of or date.today()
    rules = rules or load_profile_rules(data_dir)
    found, lineage = run_together(store, [("entities_by_ids", {"ids": [unit_id]}),
                                           ("unit_predecessors", {"unit_ids": [unit_id]})]) \
        if 0 < len(unit_id) <= 64 else ([], [])
    props = unit_props(found)
    if not props or village_only and props[unit_id].get("unit_kind") != "village":
        raise ProfileNotFound(f"没有 id 为“{unit_id}”的{'村（社区）' if village_only else '单位'}。")
    facts = gather(store, props, as_of, load_rules("linkage", data_dir), lineage=lineage)[unit_id]
    p = _build(unit_id, facts, as_of, rules)
    ids = ([c.person_id for c in p.cadres] + [i.issue_id for i in p.issues] + p.petitions.ids
           + [d.item_id for d in p.projects + p.benefits] + [h.clue_id for h in p.handoffs]
           + [x.item_id for x in p.findings])
    sources: dict[str, list[Source]] = {}
    for r in store.run_query("sources_of", {"ids": sorted(set(ids) | {unit_id})}):
        sources.setdefault(r["id"], []).append(Source(path=r["path"], sheet=r["sheet"], row=r["row"]))
    p.sources = dict(sorted(sources.items()))
    return p


def profile_village(store: QueryRunner, unit_id: str, *, as_of: date | None = None, data_dir: Path | None = None,
                    rules: dict[str, Any] | None = None) -> VillageProfile:
    """The profile of one village (any other unit is refused: see :func:`profile_unit`)."""
    return profile_unit(store, unit_id, as_of=as_of, data_dir=data_dir, rules=rules, village_only=True)


def _factors(rules: dict[str, Any], as_of: date, facts: Facts, f: UnitFacts) -> list:
    issues, petitions, projects, handoffs = f.issues, f.petitions, f.projects, f.handoffs
    since_year = as_of.year - rules["petition_recent_years"]
    recent = [pid for pid, year in petitions.years.items() if year > since_year]
    money = sum(p.amount or 0 for p in projects)
    per = round(money * rules["project_money_per_households"] / facts.households, 2) if facts.households else 0.0
    fic = [c for c in f.cadres if c.current and c.first_in_command]
    tenure = max(((as_of - c.start).days / 365.25 for c in fic), default=0.0)
    last = f.last_inspected
    since = (as_of - last).days / 365.25 if last else rules["never_inspected_years"]
    weak = facts.collective_income is not None and facts.collective_income < rules["weak_income_below"]
    stalled = [h for h in handoffs if h.stalled]
    links = f.relative_links
    return [
        factor("relapse", sum(i.relapse for i in issues), rules, [i.issue_id for i in issues if i.relapse]),
        factor("repeat", sum(bool(i.repeats_of) and not i.relapse for i in issues), rules,
               [i.issue_id for i in issues if i.repeats_of and not i.relapse]),
        factor("overdue_task", sum(len(i.overdue_task_ids) for i in issues), rules,
               [t for i in issues for t in i.overdue_task_ids]),
        factor("open_issue", sum(i.status != "rectified" for i in issues), rules,
               [i.issue_id for i in issues if i.status != "rectified"]),
        factor("open_petition", len(petitions.open_ids), rules, petitions.open_ids),
        factor("petition_recent", len(recent), rules, recent),
        factor("stalled_clue", len(stalled), rules, [h.clue_id for h in stalled]),
        factor("cadre_case", len({h.case_id for h in handoffs if h.case_id}), rules,
               [h.case_id for h in handoffs if h.case_id]),
        factor("relative_link", len({(r.cadre_id, r.relative_id, r.target_id) for r in links}), rules,
               [r.target_id for r in links]),
        factor("project_money", per, rules, [p.item_id for p in projects] if per else []),
        factor("other_finding", len(f.findings), rules, [x.item_id for x in f.findings]),
        factor("long_tenure", max(0.0, tenure - rules["long_tenure_years"]), rules, [c.person_id for c in fic]),
        factor("since_inspection", since, rules),
        factor("weak_income", 1 if weak else 0, rules),
    ]


@contextmanager
def _quiet_gc() -> Iterator[None]:
    """No cyclic garbage collection while a county's facts are read: the rows are acyclic, and each collection
    would walk the whole in-memory graph (a third of a county ranking's time on the embedded store)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _scope(store: QueryRunner, township_id: str | None, county: str | None,
           villages: list[str] | None) -> tuple[str, list[str], list[str]]:
    """(scope in words, village ids in scope, the ids of a list asked for)."""
    if villages:
        ids = resolve_villages(store, villages, township_id)
        return f"指定的{len(ids)}个村（社区）", ids, ids
    units = directory(store)
    town = resolve_township(store, township_id, units) if township_id else None
    if town:
        county = town["county"]
    ids = [u["id"] for u in units if u["unit_kind"] == "village" and (county is None or u["county"] == county)
           and (town is None or u["parent_name"] == town["name"])]
    return (town["name"] if town else county or "全部"), ids, []


def rank_villages(store: QueryRunner, township_id: str | None = None, county: str | None = None, *,
                  villages: list[str] | None = None, as_of: date | None = None,
                  data_dir: Path | None = None) -> VillageRanking:
    """The villages of a township (by id or name), of a county, or of a list (ids, names or ``乡镇/村``; the
    township then tells namesakes apart), ordered by risk score, with the class counts."""
    as_of = as_of or date.today()
    rules = load_profile_rules(data_dir)
    scope, ids, asked = _scope(store, township_id, county, villages)
    rows = []
    with _quiet_gc():
        facts = gather(store, units(store, ids), as_of, load_rules("linkage", data_dir), scoring_only=True)
        for u, f in facts.items():
            facts_of = _facts(f.props)
            rows.append((u, f.props["name"], facts_of.township, _assess(f, facts_of, as_of, rules)))
    rows.sort(key=lambda r: (-r[3]["score"], r[2], r[1], r[0]))
    out = [RankRow(rank=n, unit_id=u, name=name, township=town, score=a["score"], village_class=a["village_class"],
                   mode=a["mode"],
                   top_factors=[f.explanation for f in sorted((f for f in a["factors"] if f.contribution > 0),
                                                              key=lambda f: (-f.contribution, f.key))[:3]],
                   factor_scores={f.key: f.contribution for f in a["factors"]})
           for n, (u, name, town, a) in enumerate(rows, 1)]
    counts = {k["name"]: 0 for k in rules["schemes"][rules["scheme"]]}
    for r in out:
        counts[r.village_class] += 1
    return VillageRanking(as_of=as_of, scope=scope, unit_ids=asked,
                          factor_labels={k: v[0] for k, v in LABELS.items()}, rows=out, class_counts=counts)
