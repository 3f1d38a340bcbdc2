"""Leader carry, common problems, linked clusters and relative links against known answers."""

from __future__ import annotations

import pytest

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


def test_common_problems_told_in_the_phrasebook_wording_equal_the_planted_cases(county, loaded_embedded):
    """Planted groups none of whose issues is told in the second phrasing source (loaders/sample/phrasings.py) are
    found exactly, with their letters; every group found lies inside one planted group (no mixed problems)."""
    found = {(c.round_id, tuple(c.issues)): c for c in common_problems(loaded_embedded)}
    truth = {(c["round"], tuple(c["issues"])): c["letter"] for c in county.truth["common_problems"]}
    second = set(county.truth["phrasings_b_issues"])
    phrasebook = {key for key in truth if not second & set(key[1])}
    assert len(phrasebook) >= len(truth) // 2 and any(truth[key] for key in phrasebook)
    assert phrasebook <= set(found)
    for key in phrasebook:
        assert [lt.code for lt in found[key].letters] == ([truth[key]] if truth[key] else [])
    group_of = {issue: key for key in truth for issue in key[1]}
    assert all(len({group_of.get(issue) for issue in key[1]} - {None}) == 1 and set(key[1]) <= set(group_of)
               for key in found)
    assert any(c.repeated_later for c in found.values() if c.letters)  # some units repeat the problem after the letter


@pytest.mark.xfail(strict=True, reason="issue 13: the lexicon leaves out of their group issues told in the "
                   "independent second phrasing source (loaders/sample/phrasings_b.json); never tune the lexicon "
                   "to that file to make this pass")
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
