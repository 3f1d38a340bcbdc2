"""Planted 贯通联动 truth: three people whose whole record is planted, with overlaps, stalled and missing hand-offs.

The people are new (no post, no other record), so a review of any of them is
known in full: every overlap, stall, missing hand-off and figure is listed in
``linkage`` in ground_truth.json. Their items use categories the random county
never gives its issues or findings (审计整改, 生态环保, 安全生产), at units
that hold nothing of those categories yet, so a unit review's overlaps in those
categories are known too. No random draw is made: the earlier scenarios' stream
is untouched.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from graph.model import EdgeType as T
from graph.model import enums as en
from graph.model import nodes as m
from graph.model.ids import hash_identity_number

if TYPE_CHECKING:
    from loaders.sample.county import County

CATEGORIES = ("审计整改", "生态环保", "安全生产")
ROUND = 5  # 15-1 regular round, 2022
TEXTS = {"审计整改": "审计指出的专项资金问题整改不到位，整改台账与实际不符",
         "生态环保": "下属站点污水处理设施长期停运，环保问题整改敷衍",
         "安全生产": "安全生产责任制落实不到位，隐患排查流于形式"}


class _Plant:
    def __init__(self, c: County) -> None:
        self.c, self.n = c, 0
        self.jw = c.by_name[c.name + "纪委监委"]

    def person(self, name: str) -> str:
        self.n += 1
        return self.c.w.node(m.Person(name=name, gender="男", birth_year=1976,
                                      id_hash=hash_identity_number(f"{self.c.name}-linkage-{self.n}",
                                                                   salt="xuncha-sample")), "任职台账")

    def finding(self, uid: str, channel: en.Channel, day: date, category: str, person: str) -> str:
        self.n += 1
        fid = self.c.w.node(m.Finding(code=f"{self.c.name[:2]}LD{self.n:03d}", channel=channel, found_date=day,
                                      category=category, text=f"{channel.label_zh}发现：{TEXTS[category]}"),
                            "其他监督发现")
        self.c.w.edge(T.FOUND_AT, fid, uid)
        self.c.w.edge(T.INVOLVES, fid, person, role="主要负责人")
        return fid

    def issue(self, uid: str, category: str, person: str) -> tuple[str, date]:
        c = self.c
        rid, rnd = c.rounds[ROUND]
        found = rnd.end or rnd.start
        if rnd.start not in c.inspected_on[uid]:
            c.w.edge(T.INSPECTED, c.groups[rid][0], uid, round_id=rid)
            c.inspected_on[uid].append(rnd.start)
        iid = c.w.node(m.Issue(round_id=rid, unit_id=uid, seq=80, text=TEXTS[category], category=category,
                               status=en.IssueStatus.IN_PROGRESS, found_date=found, source="巡察发现",
                               code=f"{c.units[uid].code}-15-1-80"), "问题清单")
        c.w.edge(T.FOUND_AT, iid, uid)
        c.w.edge(T.FOUND_IN, iid, rid)
        c.w.edge(T.FOUND_BY, iid, c.groups[rid][0])
        fic = c.fic_on(uid, found)  # as the issues ledger derives it on load
        if fic:
            c.w.edge(T.RESPONSIBLE_FOR, fic, iid, role="first_in_command")
        c.w.edge(T.RESPONSIBLE_FOR, person, iid, role="team_member", derived=False)
        return iid, found

    def clue(self, source: str, person: str, transfer: date, channel: en.Channel,
             disposal: en.ClueDisposal | None = None, disposed: date | None = None) -> str:
        c = self.c
        self.n += 1
        cid = c.w.node(m.Clue(code=f"{c.name}XS{transfer.year}7{self.n:03d}", summary="反映有关人员问题",
                              source_channel=channel, transfer_date=transfer, receiver=c.name + "纪委监委",
                              disposal=disposal, disposal_date=disposed,
                              status=en.ClueStatus.DISPOSED if disposal else en.ClueStatus.TRANSFERRED), "线索台账")
        c.w.edge(T.ARISES_FROM, cid, source)
        c.w.edge(T.TRANSFERRED_TO, cid, self.jw, on=transfer)
        c.w.edge(T.INVOLVES, cid, person, role="被反映人")
        return cid

    def case(self, cid: str, person: str, opened: date, outcome: en.CaseOutcome, closed: date | None) -> str:
        c = self.c
        code = next(n.props["code"] for n in reversed(c.w.nodes) if n.id == cid).replace("XS", "LA")
        kid = c.w.node(m.Case(code=code, opened=opened, closed=closed, outcome=outcome, summary="有关人员违纪问题"),
                       "案件台账")
        c.w.edge(T.OPENED_FROM, kid, cid, on=opened)
        c.w.edge(T.INVOLVES, kid, person, role="被审查调查人")
        return kid


def _free_units(c: County) -> list[str]:
    """County departments (not the receivers of clues) with no issue or finding of the planted categories yet."""
    cats = {n.id for n in c.w.nodes if n.kind.value in ("Issue", "Finding")
            and n.props.get("category") in CATEGORIES}
    taken = {e.dst for cat in cats for e in c.w.edges_from(T.FOUND_AT, cat)}
    return [u for u in c.departments if u not in taken and c.units[u].unit_kind is en.UnitKind.COUNTY_DEPARTMENT
            and not c.units[u].name.endswith(("纪委监委", "委组织部"))]


def plant_linkage(c: County) -> None:
    p = _Plant(c)
    u1, u2, u3, u4 = _free_units(c)[-4:]
    truth: list[dict[str, Any]] = []
    ch = en.Channel

    # 1. audit found it, inspection found it again with no clue between (missing); the inspection clue went to
    #    初步核实 and no case decision followed (stalled); a petition found it a third time after that clue.
    p1 = p.person("林远航")
    c.hold(p1, u1, date(2019, 1, 1), None, first=False)  # the team member the issue names holds a post there
    f1 = p.finding(u1, ch.AUDIT, date(2021, 9, 15), "审计整改", p1)
    i1, found = p.issue(u1, "审计整改", p1)
    k1 = p.clue(i1, p1, found + timedelta(days=20), ch.INSPECTION, en.ClueDisposal.PRELIMINARY_CHECK,
                found + timedelta(days=55))
    f2 = p.finding(u1, ch.PETITION, date(2023, 3, 1), "审计整改", p1)
    truth.append({"person": p1, "overlaps": [["unit", u1, "审计整改"], ["person", p1]],
                  "stalls": [["no_case_decision", k1]], "missing": [[p1, f1, i1]],
                  "figures": {"units_covered": [u1], "problems_found": sorted([f1, i1, f2]),
                              "clues_transferred": [k1], "cases_opened": [], "people_disciplined": []}})

    # 2. a stationed group's clue never disposed (stalled); audit found it again after that clue (no missing);
    #    the audit clue led to a case still without an outcome (stalled); a lone finding of another category.
    p2 = p.person("苏明哲")
    f3 = p.finding(u2, ch.STATIONED, date(2022, 1, 10), "生态环保", p2)
    k3 = p.clue(f3, p2, date(2022, 2, 1), ch.STATIONED)
    f4 = p.finding(u2, ch.AUDIT, date(2023, 5, 10), "生态环保", p2)
    k4 = p.clue(f4, p2, date(2023, 6, 1), ch.AUDIT, en.ClueDisposal.CASE_OPENED, date(2023, 8, 1))
    c4 = p.case(k4, p2, date(2023, 8, 1), en.CaseOutcome.PENDING, None)
    f5 = p.finding(u2, ch.SUPERVISION, date(2024, 2, 1), "安全生产", p2)
    truth.append({"person": p2, "overlaps": [["unit", u2, "生态环保"], ["person", p2]],
                  "stalls": [["no_disposal", k3], ["no_outcome", c4]], "missing": [],
                  "figures": {"units_covered": [u2], "problems_found": sorted([f3, f4, f5]),
                              "clues_transferred": sorted([k3, k4]), "cases_opened": [c4],
                              "people_disciplined": []}})

    # 3. the same person at two units: discipline, then audit with no clue (missing); a petition at the first unit
    #    handed on at once, a case opened and closed with a sanction (the figures' one person disciplined).
    p3 = p.person("韩思远")
    f6 = p.finding(u3, ch.DISCIPLINE, date(2020, 5, 1), "审计整改", p3)
    f7 = p.finding(u4, ch.AUDIT, date(2021, 3, 1), "审计整改", p3)
    f8 = p.finding(u3, ch.PETITION, date(2023, 1, 5), "生态环保", p3)
    k8 = p.clue(f8, p3, date(2023, 1, 20), ch.PETITION, en.ClueDisposal.CASE_OPENED, date(2023, 3, 1))
    c8 = p.case(k8, p3, date(2023, 3, 1), en.CaseOutcome.FORM_1, date(2023, 9, 1))
    truth.append({"person": p3, "overlaps": [["person", p3]], "stalls": [], "missing": [[p3, f6, f7]],
                  "figures": {"units_covered": sorted([u3, u4]), "problems_found": sorted([f6, f7, f8]),
                              "clues_transferred": [k8], "cases_opened": [c8], "people_disciplined": [p3]}})

    units = [{"unit": u1, "overlaps": [["unit", u1, "审计整改"]]}, {"unit": u2, "overlaps": [["unit", u2, "生态环保"]]},
             {"unit": u3, "overlaps": []}, {"unit": u4, "overlaps": []}]
    c.truth["linkage"].append({"people": truth, "units": units, "categories": list(CATEGORIES)})
