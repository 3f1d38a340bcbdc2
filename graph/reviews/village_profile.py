"""巡前画像: the pre-inspection profile of one village, its explained risk score, class, focus list and
suggested inspection mode; and the ranking of the villages of a township or a county.

Every graph pattern is a named query (``entity_by_id``, ``unit_posts``, ``unit_issues``, ``tasks_of_issues``,
``repeats_at``, ``village_items``, ``linkage_items``, ``linkage_handoffs``, ``relative_links``,
``entities_by_ids``, ``sources_of``, ``unit_directory``), so the profile is the same on both stores. The
factors and their weights are stated in :mod:`graph.reviews.village_risk`; the settings live in
``village_profile.json`` (override: ``<data_dir>/village_profile.json``).
"""

from __future__ import annotations

import difflib
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from graph.reviews.linkage import channel_zh, handoff_lines, stalls
from graph.reviews.rules import load_rules
from graph.reviews.village_profile_model import (
    Cadre,
    Dealing,
    Facts,
    FindingLine,
    HandOffLine,
    IssueLine,
    Petitions,
    RankRow,
    RelativeLine,
    Source,
    VillageProfile,
    VillageRanking,
)
from graph.reviews.village_risk import LABELS, classify, factor, focus_list, load_profile_rules, mode
from graph.stores.base import QueryRunner


class ProfileNotFound(LookupError):
    """The unit named is not a village (or does not exist)."""


def resolve_village(store: QueryRunner, text: str, township: str | None = None) -> str:
    """A village's id from its id, or from its name (or alias) with the township to tell namesakes apart."""
    text = text.strip()
    rows = store.run_query("entity_by_id", {"id": text}) if len(text) <= 64 else []
    if rows and rows[0]["kind"] == "Unit" and rows[0]["props"].get("unit_kind") == "village":
        return text
    villages = [u for u in store.run_query("unit_directory", {}) if u["unit_kind"] == "village"]
    named = [u for u in villages if (text == u["name"] or text in u["aliases"])
             and (township is None or u["parent_name"] == township.strip())]
    if len(named) == 1:
        return named[0]["id"]
    if named:
        towns = "、".join(sorted(u["parent_name"] for u in named))
        raise ProfileNotFound(f"名为“{text}”的村（社区）不止一个（{towns}），请指明所属乡镇。")
    close = difflib.get_close_matches(text, sorted({u["name"] for u in villages}), n=5, cutoff=0.5)
    hint = f"相近的有：{'、'.join(close)}。" if close else ""
    where = f"{township}的" if township else ""
    raise ProfileNotFound(f"没有{where}名为（或 id 为）“{text}”的村（社区）。{hint}")


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _village(store: QueryRunner, unit_id: str) -> dict[str, Any]:
    rows = store.run_query("entity_by_id", {"id": unit_id})
    if not rows or rows[0]["kind"] != "Unit" or rows[0]["props"].get("unit_kind") != "village":
        raise ProfileNotFound(f"没有 id 为“{unit_id}”的村（社区）。")
    return rows[0]["props"]


def _cadres(store: QueryRunner, unit_id: str, as_of: date) -> list[Cadre]:
    out = []
    for r in store.run_query("unit_posts", {"unit_id": unit_id}):
        start, end = _d(r["start"]), _d(r["end"])
        if start and start <= as_of:
            out.append(Cadre(person_id=r["person_id"], name=r["person_name"], post=r["post"],
                             first_in_command=r["first_in_command"], start=start, end=end,
                             current=end is None or end >= as_of))
    return out


def _issues(store: QueryRunner, unit_id: str, as_of: date) -> list[IssueLine]:
    rows = [r for r in store.run_query("unit_issues", {"unit_id": unit_id}) if _d(r["found_date"]) <= as_of]
    ids = [r["id"] for r in rows]
    overdue: dict[str, list[str]] = {}
    for t in store.run_query("tasks_of_issues", {"issue_ids": ids}) if ids else []:
        done = _d(t["done_date"])
        if _d(t["deadline"]) < as_of and (done is None or done > as_of):
            overdue.setdefault(t["issue_id"], []).append(t["task_id"])
    repeats: dict[str, list[str]] = {}
    relapse: set[str] = set()
    for rp in store.run_query("repeats_at", {"unit_id": unit_id, "limit": 100_000}):
        if rp["issue_id"] in ids:
            repeats.setdefault(rp["issue_id"], []).append(rp["earlier_id"])
            if rp["relapse"]:
                relapse.add(rp["issue_id"])
    rounds = {r["id"]: r["props"].get("title") for r in store.run_query(
        "entities_by_ids", {"ids": sorted({r["round_id"] for r in rows})})} if rows else {}
    return [IssueLine(issue_id=r["id"], round_id=r["round_id"], round_title=rounds.get(r["round_id"]),
                      found_date=_d(r["found_date"]), category=r["category"], text=r["text"], status=r["status"],
                      overdue_task_ids=sorted(overdue.get(r["id"], [])), repeats_of=sorted(repeats.get(r["id"], [])),
                      relapse=r["id"] in relapse) for r in rows]


def _items(store: QueryRunner, unit_id: str, as_of: date) -> tuple[Petitions, list[Dealing], list[Dealing], date | None]:
    petitions, projects, benefits, rounds = [], [], [], []
    for r in store.run_query("village_items", {"unit_id": unit_id}):
        if r["item_kind"] == "Petition" and _d(r["on"]) <= as_of:
            petitions.append(r)
        elif r["item_kind"] == "Round" and _d(r["on"]) <= as_of:
            rounds.append(_d(r["on"]))
        elif r["item_kind"] in ("Project", "Benefit") and r["year"] <= as_of.year:
            line = Dealing(item_id=r["item_id"], kind=r["item_kind"], label=r["label"], code=r["code"], year=r["year"],
                           amount=r["amount"], party_ids=r["party_ids"], party_names=r["party_names"])
            (projects if r["item_kind"] == "Project" else benefits).append(line)
    summary = Petitions(count=len(petitions), open_ids=sorted(p["item_id"] for p in petitions if p["status"] == "open"),
                        topics=dict(sorted(Counter(p["label"] for p in petitions).items())),
                        by_year=dict(sorted(Counter(_d(p["on"]).year for p in petitions).items())),
                        ids=sorted(p["item_id"] for p in petitions),
                        years={p["item_id"]: _d(p["on"]).year for p in sorted(petitions, key=lambda p: p["item_id"])})
    return summary, projects, benefits, max(rounds, default=None)


def _handoff_lines(store: QueryRunner, current: list[str], as_of: date, data_dir: Path | None) -> list[HandOffLine]:
    if not current:
        return []
    rows = [r for r in store.run_query("linkage_handoffs", {"item_ids": [], "person_ids": current})
            if _d(r["transfer_date"]) <= as_of]
    handoffs = handoff_lines(rows, {})
    stalled = {s.clue_id: s.kind.label_zh for s in stalls(handoffs, as_of, load_rules("linkage", data_dir))}
    return [HandOffLine(clue_id=h.clue_id, clue_code=h.clue_code, person_ids=sorted(set(h.person_ids) & set(current)),
                        transfer_date=h.transfer_date, disposal=h.disposal,
                        case_id=h.case_id if h.opened and h.opened <= as_of else None,
                        case_code=h.case_code if h.opened and h.opened <= as_of else None,
                        outcome=h.outcome if h.opened and h.opened <= as_of else None, stalled=stalled.get(h.clue_id))
            for h in sorted(handoffs, key=lambda h: (h.transfer_date, h.clue_id, h.case_id or ""))
            if set(h.person_ids) & set(current)]


def profile_village(store: QueryRunner, unit_id: str, *, as_of: date | None = None, data_dir: Path | None = None,
                    rules: dict[str, Any] | None = None) -> VillageProfile:
    """The profile of one village as of a day (default today), with every factor shown."""
    as_of = as_of or date.today()
    rules = rules or load_profile_rules(data_dir)
    props = _village(store, unit_id)
    cadres = _cadres(store, unit_id, as_of)
    current = sorted({c.person_id for c in cadres if c.current})
    issues = _issues(store, unit_id, as_of)
    petitions, projects, benefits, last = _items(store, unit_id, as_of)
    handoffs = _handoff_lines(store, current, as_of, data_dir)
    links = [RelativeLine(**{k: r[k] for k in RelativeLine.model_fields}) for r in store.run_query(
        "relative_links", {"village_id": unit_id}) if r["year"] <= as_of.year]
    findings = [FindingLine(item_id=r["item_id"], channel_zh=channel_zh(r["channel"]), found_date=_d(r["found_date"]),
                            category=r["category"], text=r["text"])
                for r in store.run_query("linkage_items", {"unit_id": unit_id, "date_to": as_of.isoformat()})
                if r["item_kind"] == "Finding"]
    audit = any(r.channel_zh == channel_zh("audit") for r in findings)
    facts = Facts(township=props.get("parent_name", ""), county=props.get("county", ""),
                  population=props.get("population"), households=props.get("households"),
                  industries=props.get("industries") or [], collective_income=props.get("collective_income"),
                  village_class=props.get("village_class"))
    factors = _factors(rules, as_of, facts, cadres, issues, petitions, projects, handoffs, links, findings, last)
    score = round(sum(f.contribution for f in factors), 2)
    chosen, why = mode(factors, score, rules, audit)
    ids = ([c.person_id for c in cadres] + [i.issue_id for i in issues] + petitions.ids
           + [d.item_id for d in projects + benefits] + [h.clue_id for h in handoffs] + [f.item_id for f in findings])
    sources: dict[str, list[Source]] = {}
    for r in store.run_query("sources_of", {"ids": sorted(set(ids) | {unit_id})}):
        sources.setdefault(r["id"], []).append(Source(path=r["path"], sheet=r["sheet"], row=r["row"]))
    return VillageProfile(unit_id=unit_id, name=props["name"], as_of=as_of, facts=facts, cadres=cadres, issues=issues,
                          petitions=petitions, projects=projects, benefits=benefits, handoffs=handoffs,
                          relative_links=links, findings=findings, last_inspected=last, factors=factors, score=score,
                          village_class=classify(factors, score, rules), focus=focus_list(factors, rules), mode=chosen,
                          mode_reason=why, sources=dict(sorted(sources.items())))


def _factors(rules, as_of, facts, cadres, issues, petitions, projects, handoffs, links, findings, last):  # noqa: ANN001, ANN202
    since_year = as_of.year - rules["petition_recent_years"]
    recent = [pid for pid, year in petitions.years.items() if year > since_year]
    money = sum(p.amount or 0 for p in projects)
    per = round(money * rules["project_money_per_households"] / facts.households, 2) if facts.households else 0.0
    fic = [c for c in cadres if c.current and c.first_in_command]
    tenure = max(((as_of - c.start).days / 365.25 for c in fic), default=0.0)
    since = (as_of - last).days / 365.25 if last else rules["never_inspected_years"]
    weak = facts.collective_income is not None and facts.collective_income < rules["weak_income_below"]
    stalled = [h for h in handoffs if h.stalled]
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
        factor("other_finding", len(findings), rules, [f.item_id for f in findings]),
        factor("long_tenure", max(0.0, tenure - rules["long_tenure_years"]), rules, [c.person_id for c in fic]),
        factor("since_inspection", since, rules),
        factor("weak_income", 1 if weak else 0, rules),
    ]


def rank_villages(store: QueryRunner, township_id: str | None = None, county: str | None = None, *,
                  as_of: date | None = None, data_dir: Path | None = None) -> VillageRanking:
    """All villages of a township (by its unit id) or of a county, ordered by risk score, with the class counts."""
    as_of = as_of or date.today()
    rules = load_profile_rules(data_dir)
    scope = county or "全部"
    township = None
    if township_id:
        rows = store.run_query("entity_by_id", {"id": township_id})
        if not rows or rows[0]["kind"] != "Unit" or rows[0]["props"].get("unit_kind") != "township":
            raise ProfileNotFound(f"没有 id 为“{township_id}”的乡镇（街道）。")
        township, county, scope = rows[0]["props"]["name"], rows[0]["props"]["county"], rows[0]["props"]["name"]
    units = [u for u in store.run_query("unit_directory", {"county": county}) if u["unit_kind"] == "village"
             and (township is None or u["parent_name"] == township)]
    profiles = sorted((profile_village(store, u["id"], as_of=as_of, data_dir=data_dir, rules=rules) for u in units),
                      key=lambda p: (-p.score, p.facts.township, p.name, p.unit_id))
    out = [RankRow(rank=n, unit_id=p.unit_id, name=p.name, township=p.facts.township, score=p.score,
                   village_class=p.village_class, mode=p.mode,
                   top_factors=[f.explanation for f in sorted((f for f in p.factors if f.contribution > 0),
                                                              key=lambda f: (-f.contribution, f.key))[:3]],
                   factor_scores={f.key: f.contribution for f in p.factors})
           for n, p in enumerate(profiles, 1)]
    counts = {k["name"]: 0 for k in rules["schemes"][rules["scheme"]]}
    for r in out:
        counts[r.village_class] += 1
    return VillageRanking(as_of=as_of, scope=scope, factor_labels={k: v[0] for k, v in LABELS.items()}, rows=out,
                          class_counts=counts)
