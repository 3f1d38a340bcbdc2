"""Parameters for every named query, drawn from the sample county.

Several per query, including empty results and supernodes. A query added to
the registry without cases here fails ``test_every_query_has_parity_cases``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from loaders.sample import Bundle


def _by_kind(county: Bundle, kind: str) -> list[Any]:
    return [n for n in county.nodes if n.kind.value == kind]


def parity_cases(county: Bundle) -> dict[str, list[dict[str, Any]]]:
    issues = _by_kind(county, "Issue")
    units = _by_kind(county, "Unit")
    busiest_unit = Counter(i.props["unit_id"] for i in issues).most_common(1)[0][0]
    village = next(u for u in units if u.props["unit_kind"] == "village")
    carrier = county.truth["leader_carry"][0]
    beneficiary = next(e.src for e in county.edges if e.type.value == "RECEIVED")
    county_leader = next(e.src for e in county.edges if e.type.value == "OVERSEES")
    document = _by_kind(county, "Document")[3].id
    post = next(e for e in county.edges if e.type.value == "HOLDS_POST" and e.props["first_in_command"])
    clue_edge = next(e for e in county.edges if e.type.value == "ARISES_FROM")
    clue_unit = next(e.dst for e in county.edges if e.type.value == "FOUND_AT" and e.src == clue_edge.dst)
    company = _by_kind(county, "Company")[0].id
    company_code = _by_kind(county, "Company")[0].props["credit_code"]
    rounds = _by_kind(county, "Round")
    repeat = next(r for r in county.truth["repeats"] if r["relapse"])
    repeat_unit = next(i.props["unit_id"] for i in issues if i.id == repeat["issue"])
    planted = county.truth["relative_links"][0]
    same_name = Counter(p.props["name"] for p in _by_kind(county, "Person")).most_common(1)[0][0]
    case = _by_kind(county, "Case")[0]
    case_clue = next(e.dst for e in county.edges if e.type.value == "OPENED_FROM" and e.src == case.id)
    case_issue = next(e.dst for e in county.edges if e.type.value == "ARISES_FROM" and e.src == case_clue)
    letter_issues = [e.dst for e in county.edges if e.type.value == "CONCERNS"][:40]
    fic_people = [e.src for e in county.edges if e.type.value == "RESPONSIBLE_FOR"][:60]
    return {
        "case_chain": [{"case_id": c.id} for c in _by_kind(county, "Case")[:5]] + [{"case_id": "cas_0000000000000000"},
                                                                                    {"case_id": village.id}],
        "case_index": [{}, {"round_id": rounds[7].id}, {"item_id": case_clue}, {"item_id": case_issue},
                       {"opened_from": "2022-01-01", "opened_to": "2024-12-31"}, {"item_id": "iss_0000000000000000"}],
        "tasks_of_issues": [{"issue_ids": [i.id for i in issues[:80]]}, {"issue_ids": []}, {"issue_ids": [case_issue]}],
        "letters_of_issues": [{"issue_ids": letter_issues}, {"issue_ids": [i.id for i in issues[:200]]},
                              {"issue_ids": [case_issue]}],
        "measures_for": [{"target_ids": [c.id for c in _by_kind(county, "Case")] + county.truth["letters"]},
                         {"target_ids": []}, {"target_ids": [case.id, case_issue]}],
        "responsible_people": [{"issue_ids": [i.id for i in issues[:100]]}, {"issue_ids": ["iss_0000000000000000"]},
                               {"issue_ids": [case_issue]}],
        "involvements": [{"person_ids": fic_people}, {"person_ids": [carrier["person"], beneficiary]},
                         {"person_ids": []}],
        "category_issues": [{"category": issues[0].props["category"]}, {"category": "三资管理"}, {"category": "无此类别"},
                            {"category": "三资管理", "county": units[0].props["county"]}],
        "peer_units": [{"unit_id": village.id}, {"unit_id": busiest_unit}, {"unit_id": units[0].id},
                       {"unit_id": "unit_0000000000000000"}],
        "sources_of": [{"ids": [i.id for i in issues[:30]] + [case.id]}, {"ids": []}, {"ids": [document]}],
        # the sample's records are generated, not read from ledger rows: no edge names a source file; the query's
        # answers on loaded ledgers are compared on both stores in tests/test_ledger_dropped.py
        "document_edges": [{"doc": document}, {"doc": "doc_0000000000000000"}, {"doc": ""}],
        # the sample's edges name no source file, so none is another file's: on loaded ledgers in
        # tests/test_ledger_edge_sources.py
        "edge_writers": [{"edges": [{"id": e.id, "src": e.src, "dst": e.dst} for e in county.edges[:400]]
                          + [{"id": "e_0000000000000000", "src": post.src, "dst": post.dst},
                             {"id": post.id, "src": post.dst, "dst": post.src}], "doc": document},
                         {"edges": [], "doc": document},
                         {"edges": [{"id": post.id, "src": post.src, "dst": post.dst}] * 2, "doc": ""}],
        "entities_by_ids": [{"ids": [units[0].id, issues[10].id, carrier["person"], document, case.id]},
                            {"ids": ["unit_0000000000000000"]}, {"ids": [i.id for i in issues[:300]]}],
        "entity_by_id": [{"id": units[0].id}, {"id": issues[10].id}, {"id": carrier["person"]},
                         {"id": "unit_0000000000000000"}],
        "entity_names": [{"kind": "Unit"}, {"kind": "Person"}, {}, {"kind": "Round"}],
        "search_by_name": [{"text": "农业农村局", "kind": "Unit"}, {"text": "村", "limit": 50},
                           {"text": same_name, "kind": "Person", "limit": 100}, {"text": "无此名称"},
                           {"text": "农业农村局", "kind": "Issue"}],
        "neighbourhood": [{"id": village.id, "depth": 2}, {"id": carrier["person"], "depth": 3, "fanout": 30},
                          {"id": document, "depth": 1, "limit": 100}, {"id": county_leader, "depth": 2},
                          {"id": busiest_unit, "depth": 3, "limit": 5000, "fanout": 20},
                          {"id": "per_0000000000000000"}],
        "shortest_path": [{"source": carrier["person"], "target": carrier["issues"][-1]},
                          {"source": village.id, "target": company},
                          {"source": beneficiary, "target": county_leader, "max_depth": 6},
                          {"source": beneficiary, "target": county_leader, "max_depth": 2},
                          {"source": village.id, "target": "unit_0000000000000000"}],
        "unit_issues": [{"unit_id": busiest_unit}, {"unit_id": busiest_unit, "category": issues[0].props["category"]},
                        {"unit_id": busiest_unit, "status": "rectified"},
                        {"unit_id": busiest_unit, "round_id": issues[-1].props["round_id"]},
                        {"unit_id": village.id, "status": "open"}],
        "person_timeline": [{"person_id": carrier["person"]}, {"person_id": post.src}, {"person_id": beneficiary}],
        "first_in_command_on": [{"unit_id": post.dst, "on": post.props["start"]},
                                {"unit_id": post.dst, "on": "2030-01-01"},
                                {"unit_id": post.dst, "on": "2000-01-01"}],
        "issues_under_leader": [{"person_id": carrier["person"]},
                                {"person_id": county.truth["leader_carry"][-1]["person"]},
                                {"person_id": beneficiary}],
        "clue_case_chains": [{"limit": 10000}, {"unit_id": clue_unit}, {"unit_id": village.id}, {"limit": 3}],
        "round_counts": [{}, {"round_id": rounds[4].id}, {"round_id": "rnd_0000000000000000"}],
        "repeat_candidates": [{}, {"unit_id": busiest_unit}, {"unit_id": "unit_0000000000000000"}],
        "repeats_at": [{"limit": 100_000}, {"unit_id": repeat_unit}, {"issue_id": repeat["issue"]},
                       {"flag": "relapse", "limit": 50}, {"flag": "chronic"}, {"flag": "long_unrectified"},
                       {"issue_id": issues[0].id, "flag": "chronic"}],
        "leader_carry": [{}, {"person_id": carrier["person"]}, {"min_units": 3}, {"person_id": beneficiary}],
        "people_in_many_clues": [{}, {"min_matters": 1}, {"min_matters": 3}],
        "relative_links": [{}, {"village_id": planted["village"]}, {"village_id": village.id},
                           {"village_id": busiest_unit}],
        "letter_coverage": [{}, {"letter_id": county.truth["letters"][0]}, {"letter_id": "let_0000000000000000"}],
        "unit_directory": [{}, {"county": units[0].props["county"]}, {"county": "无此县"}],
        "unit_successions": [{}, {"unit_id": busiest_unit}, {"unit_id": units[0].id},
                             {"unit_id": "uni_0000000000000000"}],  # the sample has no reforms: both empty
        "pending_categories": [{}, {"kind": "Issue"}, {"kind": "Finding"}],  # none in the sample (tests/test_ledger_pending)
        "people_named": [{"name": same_name}, {"name": "无此人"},
                         {"name": next(p.props["name"] for p in _by_kind(county, "Person") if p.id == carrier["person"])}],
        "ids_by_code": [{"kind": "Issue", "codes": [i.props["code"] for i in issues[:50]] + ["无此编号"]},
                        {"kind": "Company", "codes": [company_code]},
                        {"kind": "Finding", "codes": [f.props["code"] for f in _by_kind(county, "Finding")[:5]]},
                        {"kind": "Clue", "codes": []}],
        "link_edges": [{}, {"item_id": clue_edge.src}, {"item_id": issues[5].id}, {"item_id": "clu_0000000000000000"}],
        **_linkage_cases(county, busiest_unit, rounds[5].id),
        **_profile_cases(county, busiest_unit),
        **_explore_cases(county, busiest_unit, carrier["person"], document, rounds[3].id),
        "round_data_requests": [{"round_id": county.truth["data_requests"][0]["round"]}, {"round_id": rounds[-1].id},
                                {"round_id": rounds[0].id}, {"round_id": busiest_unit},
                                {"round_id": "rnd_0000000000000000"}],
        **_dashboard_cases(county),
    }


def _linkage_cases(county: Bundle, busy_unit: str, round_id: str) -> dict[str, list[dict[str, Any]]]:
    """贯通联动: the planted people and units, a busy unit, a round with a period, and nothing."""
    planted = county.truth["linkage"][0]
    people = [p["person"] for p in planted["people"]]
    fics = [e.src for e in county.edges if e.type.value == "RESPONSIBLE_FOR"][:200]
    items = [n.id for n in county.nodes if n.kind.value in ("Issue", "Finding")][:3000]
    return {
        "linkage_items": [{"person_id": people[0]}, {"unit_id": planted["units"][0]["unit"]},
                          {"unit_id": busy_unit, "date_from": "2020-01-01", "date_to": "2023-12-31"},
                          {"round_id": round_id}, {"person_id": fics[0]}, {"unit_id": "unit_0000000000000000"}],
        "linkage_handoffs": [{"person_ids": people}, {"item_ids": items, "person_ids": fics},
                             {"item_ids": [], "person_ids": []}, {"person_ids": ["per_0000000000000000"]}],
        "linkage_people": [{"person_ids": people + fics}, {"person_ids": []}, {"person_ids": [busy_unit]}],
    }


def _profile_cases(county: Bundle, busy_unit: str) -> dict[str, list[dict[str, Any]]]:
    """巡前画像: the planted relative-link village, a village with projects and petitions, a busy unit, nothing."""
    linked = county.truth["relative_links"][0]["village"]
    located = [e.dst for e in county.edges if e.type.value == "LOCATED_AT"]
    dense = Counter(located).most_common(1)[0][0]
    return {
        "unit_posts": [{"unit_id": linked}, {"unit_id": busy_unit}, {"unit_id": "unit_0000000000000000"}],
        "village_items": [{"unit_id": linked}, {"unit_id": dense}, {"unit_id": busy_unit},
                          {"unit_id": "unit_0000000000000000"}],
        **_profile_batch_cases(county, [linked, dense, busy_unit]),
    }


def _profile_batch_cases(county: Bundle, some: list[str]) -> dict[str, list[dict[str, Any]]]:
    """巡前画像 in batches: every village of the county at once, a few units of several kinds, every unit, nothing."""
    units = _by_kind(county, "Unit")
    villages = [u.id for u in units if u.props["unit_kind"] == "village"]
    everything = [u.id for u in units]
    as_of = county.truth["as_of"]
    missing = ["unit_0000000000000000"]
    return {
        "profile_posts": [{"unit_ids": villages}, {"unit_ids": some + missing}, {"unit_ids": everything},
                          {"unit_ids": []}],
        "profile_issues": [{"unit_ids": villages, "as_of": as_of}, {"unit_ids": some, "as_of": "2022-06-30"},
                           {"unit_ids": everything, "as_of": as_of}, {"unit_ids": missing, "as_of": as_of}],
        "profile_items": [{"unit_ids": villages}, {"unit_ids": some + missing}, {"unit_ids": everything},
                          {"unit_ids": villages, "kinds": ["Petition", "Finding", "Round"]},
                          {"unit_ids": some, "kinds": ["Benefit"]}, {"unit_ids": []}],
        "profile_relative_links": [{"unit_ids": villages}, {"unit_ids": some}, {"unit_ids": everything},
                                   {"unit_ids": missing}],
    }


def _explore_cases(county: Bundle, busy_unit: str, person: str, document: str,
                   round_id: str) -> dict[str, list[dict[str, Any]]]:
    """图谱浏览: a busy unit (hundreds of issues), a person, a round filtered by type, a document's provenance, nothing."""
    village = next(n.id for n in county.nodes if n.kind.value == "Unit" and n.props["unit_kind"] == "village")
    return {
        "unit_predecessors": [{"unit_ids": [busy_unit, village]}, {"unit_ids": []},
                              {"unit_ids": ["unit_0000000000000000"]}],  # with reforms: tests/reviews/test_profile_lineage
        "linkage_directives": [{"about_ids": [busy_unit, village]}, {"about_ids": []},
                               {"about_ids": ["iss_0000000000000000"]}],  # with directives: tests/reviews
        "incident_edges": [{"id": busy_unit}, {"id": person}, {"id": village, "limit": 7},
                           {"id": round_id, "types": ["FOUND_IN", "IN_ROUND"]},
                           {"id": document, "types": ["SOURCED_FROM"], "limit": 50},
                           {"id": "unit_0000000000000000"}],
    }


def _dashboard_cases(county: Bundle) -> dict[str, list[dict[str, Any]]]:
    """整改看板: every round or some, every unit or one village and one township, clues by transfer day, nothing."""
    rounds = [n.id for n in county.nodes if n.kind.value == "Round"]
    units = [n for n in county.nodes if n.kind.value == "Unit"]
    village = next(u.id for u in units if u.props["unit_kind"] == "village")
    township = next(u.id for u in units if u.props["unit_kind"] == "township")
    return {
        "rectification_rounds": [{}, {"round_ids": [rounds[0], rounds[3]]}, {"round_ids": []},
                                 {"round_ids": ["rnd_0000000000000000"]}],
        "rectification_issues": [{}, {"round_ids": [rounds[2]]}, {"round_ids": rounds[:4]}, {"round_ids": []}],
        "rectification_units": [{"unit_ids": [u.id for u in units]}, {"unit_ids": [village, township]},
                                {"unit_ids": []}, {"unit_ids": ["unit_0000000000000000"]}],
        "undisposed_clues": [{}, {"transferred_before": "2020-01-01"}, {"transferred_before": "2000-01-01"}],
    }
