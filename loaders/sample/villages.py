"""Village facts: projects and contractors, beneficiaries, petitions, and planted cadre-relative links."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from graph.model import EdgeType as T
from graph.model import enums as en
from graph.model import nodes as m
from loaders import phrasebook as pb
from loaders.sample.base import AS_OF

if TYPE_CHECKING:
    from loaders.sample.county import County


def build_villages(c: County) -> None:
    """Projects, contractors, beneficiaries, petitions and planted relative links."""
    rng = c.rng
    companies = []
    for k in range(40):
        cname = f"{c.name[:2]}{rng.choice(pb.PLACE_A)}{rng.choice(pb.PLACE_B)}建筑工程有限公司{k + 1}"
        cid = c.w.node(m.Company(name=cname, credit_code=f"91{c.index:06d}{k:010d}"), "企业信息")
        c.w.edge(T.OWNS_OR_REPRESENTS, c.person(), cid, role="法定代表人")
        companies.append(cid)
    project_seq = 0
    petition_topics = ("反映征地补偿款发放不到位", "反映村务公开不及时", "反映低保评定不公", "反映工程质量问题",
                       "反映集体土地被侵占", "反映村干部作风粗暴")
    for vid in c.villages:
        vcode = c.units[vid].code
        for k in range(2):
            project_seq += 1
            year = rng.randint(2018, 2025)
            pid = c.w.node(m.Project(code=f"{vcode}-P{k + 1}",
                                        name=c.units[vid].name + rng.choice(pb.PROJECT_KINDS),
                                        year=year, amount=round(rng.uniform(10, 300), 1), fund_source="财政衔接资金"),
                              "项目台账")
            c.w.edge(T.LOCATED_AT, pid, vid)
            c.w.edge(T.CONTRACTED, rng.choice(companies), pid, amount=None)
        for _ in range(5):
            benefit(c, c.person(min_age=40, max_age=80), vid, rng.randint(2019, 2025))
        for k in range(2):
            day = date(2019, 1, 1) + timedelta(days=rng.randint(0, 2700))
            pet = c.w.node(m.Petition(code=f"{vcode}-XF{k + 1}", received_date=day,
                                         topic=rng.choice(petition_topics),
                                         status=rng.choice(list(en.PetitionStatus))), "信访台账")
            c.w.edge(T.LOCATED_AT, pet, vid)
    for vid in c.villages:
        vcode = c.units[vid].code
        roll = rng.random()
        cadres = [t for t in c.tenures[vid] if (t.end or AS_OF) >= date(2019, 6, 1)]
        if not cadres:
            continue
        tenure = rng.choice(cadres)
        years = [y for y in range(2019, 2026) if tenure.covers(date(y, 6, 30))]
        if roll < 0.08 and years:  # planted: relative receives a benefit in the cadre's village
            relative, year = add_relative(c, tenure.person), rng.choice(years)
            bid = benefit(c, relative, vid, year, kind=en.BenefitKind.MINIMUM_LIVING)
            c.truth["relative_links"].append({"cadre": tenure.person, "relative": relative, "village": vid,
                                                 "via": "benefit", "target": bid})
        elif roll < 0.13 and years:  # planted: relative's company contracts the village's project
            relative, year = add_relative(c, tenure.person), rng.choice(years)
            cid = c.w.node(m.Company(name=f"{c.units[vid].name}{rng.choice(pb.PLACE_B)}劳务有限公司",
                                        credit_code=f"92{c.index:06d}{len(c.truth['relative_links']):010d}"),
                              "企业信息")
            c.w.edge(T.OWNS_OR_REPRESENTS, relative, cid, role="法定代表人")
            pid = c.w.node(m.Project(code=f"{vcode}-PR", name=c.units[vid].name + "小型水利修缮工程",
                                        year=year, amount=round(rng.uniform(5, 60), 1), fund_source="村集体资金"),
                              "项目台账")
            c.w.edge(T.LOCATED_AT, pid, vid)
            c.w.edge(T.CONTRACTED, cid, pid, amount=None)
            c.truth["relative_links"].append({"cadre": tenure.person, "relative": relative, "village": vid,
                                                 "via": "contract", "target": pid})
        elif roll < 0.21:  # decoy: relative's benefit is in another village
            other = rng.choice([v for v in c.villages if v != vid])
            benefit(c, add_relative(c, tenure.person), other, rng.randint(2019, 2025))
        elif roll < 0.25 and tenure.end and tenure.end.year < 2024:  # decoy: benefit after the post ended
            benefit(c, add_relative(c, tenure.person), vid, tenure.end.year + 2)

def add_relative(c: County, cadre: str) -> str:
    relative = c.person(min_age=25, max_age=70)
    c.w.edge(T.RELATIVE_OF, cadre, relative, relation=c.rng.choice(list(en.RelativeKind)))
    return relative

def benefit(c: County, person: str, vid: str, year: int, kind: en.BenefitKind | None = None) -> str:
    kind = kind or c.rng.choice(list(en.BenefitKind))
    bid = c.w.node(m.Benefit(benefit_kind=kind, recipient_id=person, village_id=vid, year=year,
                                amount=float(c.rng.randint(600, 9000))), "惠民补贴")
    c.w.edge(T.RECEIVED, person, bid)
    c.w.edge(T.LOCATED_AT, bid, vid)
    return bid
