"""Leader carry, common problems, linked clusters and relative links against known answers."""

from __future__ import annotations

from graph.analysis.common_problems import common_problems
from graph.analysis.linked import cluster_links, linked_clusters
from graph.queries.link_edges import Row as LinkRow


def test_leader_carry_equals_the_planted_cases(county, loaded_embedded):
    truth = {(c["person"], c["category"], tuple(c["issues"])) for c in county.truth["leader_carry"]}
    found = {(r["person_id"], r["category"], tuple(r["issues"])) for r in loaded_embedded.run_query("leader_carry", {})}
    assert truth and found == truth


def test_relative_links_equal_the_planted_cases_and_skip_the_decoys(county, loaded_embedded):
    truth = {(r["cadre"], r["relative"], r["village"], r["via"], r["target"]) for r in county.truth["relative_links"]}
    rows = loaded_embedded.run_query("relative_links", {})
    assert {(r["cadre_id"], r["relative_id"], r["village_id"], r["via"], r["target_id"]) for r in rows} == truth
    assert {r["via"] for r in rows} == {"benefit", "contract"}


def test_common_problems_equal_the_planted_cases_with_their_letters(county, loaded_embedded):
    found = common_problems(loaded_embedded)
    truth = {(c["round"], tuple(c["issues"])): c["letter"] for c in county.truth["common_problems"]}
    assert {(c.round_id, tuple(c.issues)) for c in found} == set(truth)
    for c in found:
        assert [lt.code for lt in c.letters] == ([truth[(c.round_id, tuple(c.issues))]] if truth[
            (c.round_id, tuple(c.issues))] else [])
    assert any(c.repeated_later for c in found if c.letters)  # some units repeat the problem after the letter


def _link(item: str, via: str, degree: int = 1, severity: str | None = "medium") -> LinkRow:
    return LinkRow(item_id=item, item_severity=severity, via_id=via, via_severity=None, via_degree=degree)


def test_supernodes_are_listed_but_do_not_join_clusters():
    leader = "per_000000000000000a"
    rows = [_link(f"iss_00000000000000{n:02d}", leader, degree=30) for n in range(30)]
    witness = "per_000000000000000b"
    rows += [_link("iss_0000000000000001", witness, 2), _link("clu_0000000000000001", witness, 2, None),
             _link("cas_0000000000000001", "clu_0000000000000001", severity=None)]
    report = cluster_links(rows, max_degree=8, min_size=2)
    assert [s.id for s in report.supernodes] == [leader]
    assert len(report.clusters) == 1
    assert report.clusters[0].items == ["cas_0000000000000001", "clu_0000000000000001", "iss_0000000000000001"]
    assert report.clusters[0].weight == 2.0 + 2.0 + 4.0  # medium issue, clue, case


def test_linked_clusters_are_ranked_by_weight(loaded_embedded):
    report = linked_clusters(loaded_embedded, top=10)
    weights = [c.weight for c in report.clusters]
    assert len(weights) == 10 and weights == sorted(weights, reverse=True)
    assert report.supernodes and all(s.degree > report.max_degree for s in report.supernodes)
    assert all(c.size <= 60 for c in report.clusters)  # capped supernodes keep clusters readable
