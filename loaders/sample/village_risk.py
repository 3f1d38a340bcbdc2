"""Planted 巡前画像 truth: high-risk villages with known signals, and calm villages with a decoy.

Each high-risk village gets, at two rounds that already inspected it (no new
inspection, so the 一案三改 blind spots stay as planted): three problems found,
rectified and found again (relapses, registered as issue facts so the repeats
truth counts them), each with an overdue task; three open petitions; the current
first-in-command's spouse receiving 低保 in the village (a relative link); and a
clue from a relapsed issue naming him, never disposed (stalled). A calm village
(no open petition, no relative link, the fewest unrectified issues) gets a decoy: a
beneficiary of the cadre's surname who is no relative. No random draw is made.
Truth: ``village_risk`` in ground_truth.json.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from graph.model import EdgeType as T
from graph.model import enums as en
from graph.model import nodes as m
from graph.model.ids import hash_identity_number
from loaders import phrasebook as pb
from loaders.sample.base import AS_OF, ROUND_PLAN, IssueFact

if TYPE_CHECKING:
    from loaders.sample.county import County

SIGNALS = ["relapse", "overdue_task", "open_petition", "relative_link", "stalled_clue"]
STARTS = {start: index for index, (*_, start) in enumerate(ROUND_PLAN)}


def _fic_now(c: County, vid: str):  # noqa: ANN202
    return next((t for t in c.tenures[vid] if t.first_in_command and t.covers(AS_OF)), None)


def _open_petition_villages(c: County) -> set[str]:
    open_ids = {n.id for n in c.w.nodes if n.kind.value == "Petition" and n.props["status"] == "open"}
    return {e.dst for pid in open_ids for e in c.w.edges_from(T.LOCATED_AT, pid)}


class _Plant:
    def __init__(self, c: County) -> None:
        self.c, self.n = c, 0

    def person(self, name: str, gender: str = "女") -> str:
        self.n += 1
        return self.c.w.node(m.Person(name=name, gender=gender, birth_year=1975,
                                      id_hash=hash_identity_number(f"{self.c.name}-village-risk-{self.n}",
                                                                   salt="xuncha-sample")), "任职台账")

    def issue(self, vid: str, index: int, seq: int, key: str, template: int, status: en.IssueStatus) -> IssueFact:
        c = self.c
        rid, rnd = c.rounds[index]
        found = rnd.end or rnd.start
        ptype = pb.BY_KEY[key]
        text = ptype.templates[template].format(n=6, amt=12.5, yr=found.year - 1)
        term, number = ROUND_PLAN[index][:2]
        iid = c.w.node(m.Issue(round_id=rid, unit_id=vid, seq=seq, text=text, category=ptype.category, status=status,
                               found_date=found, source="巡察发现", code=f"{c.units[vid].code}-{term}-{number}-{seq:02d}"),
                       "问题清单")
        group = next(e.src for e in c.w.edges_to(T.INSPECTED, vid) if e.props.get("round_id") == rid)
        c.w.edge(T.FOUND_AT, iid, vid)
        c.w.edge(T.FOUND_IN, iid, rid)
        c.w.edge(T.FOUND_BY, iid, group)
        fic = c.fic_on(vid, found)
        if fic:
            c.w.edge(T.RESPONSIBLE_FOR, fic, iid, role="first_in_command")
        fact = IssueFact(iid, vid, index, key, template, status, found, fic)
        c.issues.append(fact)
        c.issues_at[vid].append(fact)
        deadline = found + timedelta(days=90)
        done = deadline - timedelta(days=10) if status is en.IssueStatus.RECTIFIED else None
        tid = c.w.node(m.Task(issue_id=iid, seq=1, measure="针对具体问题立行立改，完善相关台账",
                              level=en.TaskLevel.INDIVIDUAL, owner="单位主要负责人", deadline=deadline, done_date=done,
                              status=en.TaskStatus.DONE if done else en.TaskStatus.IN_PROGRESS), "整改台账")
        c.w.edge(T.RECTIFIES, tid, iid)
        if done is None:
            c.truth["overdue_tasks"].append(tid)
        return fact

    def benefit(self, person: str, vid: str, year: int) -> str:
        bid = self.c.w.node(m.Benefit(benefit_kind=en.BenefitKind.MINIMUM_LIVING, recipient_id=person, village_id=vid,
                                      year=year, amount=4800.0), "惠民补贴")
        self.c.w.edge(T.RECEIVED, person, bid)
        self.c.w.edge(T.LOCATED_AT, bid, vid)
        return bid


def plant_village_risk(c: County) -> None:
    p = _Plant(c)
    linked = {r["village"] for r in c.truth["relative_links"]}
    pool = [pt.key for pt in pb.PROBLEM_TYPES if pt.village]
    candidates = []
    for vid in c.villages:
        fic = _fic_now(c, vid)
        rounds = sorted({STARTS[d] for d in c.inspected_on[vid]
                         if (c.rounds[STARTS[d]][1].end or d) + timedelta(days=200) < AS_OF})
        untaken = [k for k in pool if k not in {f.ptype for f in c.issues_at[vid]}]
        if fic and fic.start <= date(AS_OF.year - 1, 6, 30) and len(rounds) >= 2 and vid not in linked \
                and len(untaken) >= 3:
            candidates.append((vid, fic, rounds))
    high: list[dict[str, Any]] = []
    planted: set[str] = set()
    for vid, fic, rounds in candidates[len(candidates) // 6::max(1, len(candidates) // 3)][:3]:
        earlier, later = rounds[0], rounds[-1]
        taken = {f.ptype for f in c.issues_at[vid]}
        keys = [k for k in pool if k not in taken][:3]
        relapsed = []
        for k, key in enumerate(keys):
            planted.add(p.issue(vid, earlier, 91 + k, key, 0, en.IssueStatus.RECTIFIED).id)
            relapsed.append(p.issue(vid, later, 91 + k, key, 1, en.IssueStatus.OPEN).id)
        planted.update(relapsed)
        petitions = []
        for k, topic in enumerate(("反映低保评定不公", "反映村干部优亲厚友", "反映集体土地被侵占")):
            pid = c.w.node(m.Petition(code=f"{c.units[vid].code}-XF9{k}", received_date=date(AS_OF.year - 1, 3 + k, 1),
                                      topic=topic, status=en.PetitionStatus.OPEN), "信访台账")
            c.w.edge(T.LOCATED_AT, pid, vid)
            petitions.append(pid)
        spouse = p.person("周秀兰")
        c.w.edge(T.RELATIVE_OF, fic.person, spouse, relation=en.RelativeKind.SPOUSE)
        bid = p.benefit(spouse, vid, AS_OF.year - 1)
        c.truth["relative_links"].append({"cadre": fic.person, "relative": spouse, "village": vid, "via": "benefit",
                                          "target": bid})
        source = c.issues_at[vid][-1]
        transfer = source.found + timedelta(days=20)
        clue = c.w.node(m.Clue(code=f"{c.name}XS{transfer.year}9{len(high) + 1:03d}", summary="反映村党支部书记优亲厚友问题",
                               source_channel=en.Channel.INSPECTION, transfer_date=transfer,
                               receiver=c.name + "纪委监委", status=en.ClueStatus.TRANSFERRED), "线索台账")
        c.w.edge(T.ARISES_FROM, clue, source.id)
        c.w.edge(T.TRANSFERRED_TO, clue, c.by_name[c.name + "纪委监委"], on=transfer)
        c.w.edge(T.INVOLVES, clue, fic.person, role="被反映人")
        high.append({"village": vid, "signals": SIGNALS, "relapses": relapsed, "petitions": petitions,
                     "relative_benefit": bid, "stalled_clue": clue, "cadre": fic.person})
    _sync_common_problems(c, {(f.round_index, f.ptype) for f in c.issues if f.id in planted})
    chosen = {h["village"] for h in high}
    busy = _open_petition_villages(c) | linked | chosen
    calm: list[dict[str, Any]] = []
    quiet = sorted((sum(f.status is not en.IssueStatus.RECTIFIED for f in c.issues_at[vid]), n, vid, fic)
                   for n, (vid, fic) in enumerate((v, _fic_now(c, v)) for v in c.villages) if fic and vid not in busy)
    for _, _, vid, fic in quiet[:3]:
        surname = next(n.props["name"] for n in c.w.nodes if n.id == fic.person)[0]
        decoy = p.benefit(p.person(surname + "有福", "男"), vid, AS_OF.year - 1)
        calm.append({"village": vid, "decoy_benefit": decoy})
    c.truth["village_risk"].append({"high": high, "calm": calm})


def _sync_common_problems(c: County, touched: set[tuple[int, str]]) -> None:
    """The planted issues join the round's common problems of their type: the truth follows (no new letter)."""
    for index, key in sorted(touched):
        rid = c.rounds[index][0]
        facts = [f for f in c.issues if f.round_index == index and f.ptype == key]
        units = sorted({f.unit for f in facts})
        entry = next((e for e in c.truth["common_problems"] if e["round"] == rid and e["problem_type"] == key), None)
        if entry is not None:
            entry.update(units=units, issues=sorted(f.id for f in facts))
        elif len(units) >= 3:
            c.truth["common_problems"].append({"round": rid, "problem_type": key, "category": pb.BY_KEY[key].category,
                                               "units": units, "issues": sorted(f.id for f in facts), "letter": None})
