"""A synthetic county (or city, or province) with planted patterns and ground truth.

Real ledgers cannot be shipped, so tests and benchmarks run on a generated
county whose every pattern is known. ``scale`` is the number of counties: 1 is
one county, 10 a city, 100 a province. Each county is generated from its own
seeded random stream, so county 0 is the same at every scale and the whole
output depends only on ``(scale, seed)``.

The ground truth (``ground_truth.json``) records what the analyses must find:
repeats (same problem type at the same unit in a later round), leaders who
carry a problem to a new unit, problems common to many units (with or without
a suggestion letter), cadre relatives receiving benefits or contracting
projects, stalled clues and overdue tasks. It is written from the generator's
hidden problem types, which never enter the graph.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from graph.model import EdgeRecord, EdgeType, NodeKind, NodeRecord, make_edge
from graph.model import enums as en
from graph.model import nodes as m
from graph.model.ids import hash_identity_number
from graph.stores.base import read_jsonl
from loaders import phrasebook as pb

AS_OF = date(2026, 6, 30)
HISTORY_START = date(2015, 1, 1)
LOADED_AT = datetime(2026, 7, 1, 9, 0, 0)
STALL_DAYS = 90
T = EdgeType

# (term, number, kind, start); each round lasts 45 days, feedback at its end.
ROUND_PLAN = (
    (14, 1, en.RoundKind.REGULAR, date(2017, 4, 10)), (14, 2, en.RoundKind.REGULAR, date(2017, 11, 6)),
    (14, 3, en.RoundKind.VILLAGE, date(2018, 6, 4)), (14, 4, en.RoundKind.SPECIAL, date(2019, 3, 11)),
    (14, 5, en.RoundKind.FOLLOW_UP, date(2020, 9, 7)), (15, 1, en.RoundKind.REGULAR, date(2022, 4, 11)),
    (15, 2, en.RoundKind.VILLAGE, date(2022, 11, 7)), (15, 3, en.RoundKind.REGULAR, date(2023, 6, 5)),
    (15, 4, en.RoundKind.VILLAGE, date(2024, 3, 11)), (15, 5, en.RoundKind.ELEVATED, date(2025, 4, 7)),
)
CN_NUM = "一二三四五六七八九十"


def _cn(n: int) -> str:
    """Chinese numeral for 1–99 (十四, 二十一)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_NUM[tens - 1] + "十")
    return head + (CN_NUM[ones - 1] if ones else "")
LEDGERS = ("单位名册", "任职台账", "巡察轮次", "问题清单", "整改台账", "线索台账", "案件台账", "建议函台账",
           "其他监督发现", "项目台账", "企业信息", "惠民补贴", "信访台账", "亲属关系")


@dataclass
class Tenure:
    person: str
    unit: str
    start: date
    end: date | None
    first_in_command: bool

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class IssueFact:
    id: str
    unit: str
    round_index: int
    ptype: str
    template: int
    status: en.IssueStatus
    found: date
    responsible: str | None


@dataclass
class Bundle:
    """Everything generated: records for the store and the ground truth."""

    nodes: list[NodeRecord] = field(default_factory=list)
    edges: list[EdgeRecord] = field(default_factory=list)
    truth: dict[str, Any] = field(default_factory=dict)


class _Writer:
    """Accumulates records, with provenance to the ledger each came from."""

    def __init__(self, bundle: Bundle, county: str) -> None:
        self.bundle = bundle
        self.kinds: dict[str, NodeKind] = {}
        self.docs: dict[str, str] = {}
        self.rows: dict[str, int] = defaultdict(int)
        for ledger in LEDGERS:
            doc = m.Document(path=f"样例/{county}/{county}{ledger}.xlsx", doc_kind=en.DocumentKind.GENERATED,
                             loaded_at=LOADED_AT)
            self.bundle.nodes.append(doc.to_record())
            self.kinds[doc.id] = NodeKind.DOCUMENT
            self.docs[ledger] = doc.id

    def node(self, model: m.NodeModel, ledger: str) -> str:
        record = model.to_record()
        self.bundle.nodes.append(record)
        self.kinds[record.id] = record.kind
        self.rows[ledger] += 1
        self.edge(T.SOURCED_FROM, record.id, self.docs[ledger], sheet=ledger, row=self.rows[ledger] + 1)
        return record.id

    def edge(self, edge_type: EdgeType, src: str, dst: str, **props: Any) -> None:
        self.bundle.edges.append(make_edge(edge_type, (self.kinds[src], src), (self.kinds[dst], dst), **props))


def _county_names(count: int, rng: random.Random) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = rng.choice(pb.PLACE_A) + rng.choice(pb.PLACE_B) + "县"
        if name not in seen:
            seen.add(name)
            names.append(name)
        if len(seen) >= len(pb.PLACE_A) * len(pb.PLACE_B) - 1:
            names.extend(f"{name[:-1]}{len(names)}县" for name in list(names)[: count - len(names)])
    return names[:count]


class _County:
    """Generates one county: units, people, rounds, issues and all that follows."""

    def __init__(self, bundle: Bundle, index: int, name: str, rng: random.Random) -> None:
        self.index = index
        self.name = name
        self.rng = rng
        self.w = _Writer(bundle, name)
        self.truth: dict[str, list[Any]] = defaultdict(list)
        self.person_seq = 0
        self.units: dict[str, m.Unit] = {}
        self.by_name: dict[str, str] = {}
        self.townships: list[str] = []
        self.villages: list[str] = []
        self.departments: list[str] = []
        self.tenures: dict[str, list[Tenure]] = defaultdict(list)
        self.person_tenures: dict[str, list[Tenure]] = defaultdict(list)
        self.issues: list[IssueFact] = []
        self.issues_at: dict[str, list[IssueFact]] = defaultdict(list)
        self.rounds: list[tuple[str, m.Round]] = []

    # -- helpers -----------------------------------------------------------------
    def person(self, *, min_age: int = 28, max_age: int = 58, on: date = AS_OF) -> str:
        rng = self.rng
        self.person_seq += 1
        given = rng.choice(pb.GIVEN) + (rng.choice(pb.GIVEN) if rng.random() < 0.6 else "")
        fake_id = f"{self.name}-{self.person_seq:07d}"
        return self.w.node(m.Person(
            name=rng.choice(pb.SURNAMES) + given, gender=rng.choice("男男女"),
            birth_year=on.year - rng.randint(min_age, max_age),
            id_hash=hash_identity_number(fake_id, salt="xuncha-sample")), "任职台账")

    def unit(self, name: str, kind: en.UnitKind, org: en.PartyOrgKind, parent: str = "", **profile: Any) -> str:
        code = f"{self.name[:2]}{len(self.units) + 1:04d}"
        model = m.Unit(name=name, county=self.name, parent_name=parent, unit_kind=kind, party_org_kind=org,
                       code=code, **profile)
        uid = self.w.node(model, "单位名册")
        self.units[uid] = model
        self.by_name[name] = uid
        return uid

    def fic_on(self, unit: str, day: date) -> str | None:
        for t in self.tenures[unit]:
            if t.first_in_command and t.covers(day):
                return t.person
        return None

    def text_for(self, ptype: pb.ProblemType, template: int, found: date) -> str:
        rng = self.rng
        return ptype.templates[template].format(n=rng.randint(2, 15), amt=round(rng.uniform(0.5, 80), 1),
                                                yr=found.year - rng.randint(1, 3))

    # -- the county ----------------------------------------------------------------
    def build(self) -> dict[str, list[Any]]:
        self.build_units()
        self.build_posts()
        self.build_rounds()
        self.build_letters()
        self.build_findings()
        self.build_villages()
        self.build_truth()
        return self.truth

    def build_units(self) -> None:
        rng = self.rng
        for dept in pb.COUNTY_DEPARTMENTS:
            kind = (en.UnitKind.SCHOOL if dept.endswith(("中学", "小学", "中专")) else
                    en.UnitKind.HOSPITAL if dept.endswith("院") else
                    en.UnitKind.STATE_FIRM if dept.endswith("公司") else
                    en.UnitKind.MASS_ORGANISATION if dept in ("县总工会", "团县委", "县妇联", "县残联", "县科协",
                                                              "县工商联", "县红十字会")
                    else en.UnitKind.COUNTY_DEPARTMENT)
            org = en.PartyOrgKind.COMMITTEE if kind in (en.UnitKind.SCHOOL, en.UnitKind.HOSPITAL,
                                                        en.UnitKind.STATE_FIRM) else en.PartyOrgKind.LEADING_GROUP
            full = self.name + dept[1:]
            self.departments.append(self.unit(full, kind, org, aliases=[dept, full[len(self.name):]]))
        for uid in self.departments:
            if self.units[uid].unit_kind is en.UnitKind.SCHOOL:
                self.w.edge(T.REGULATED_BY, uid, self.by_name[self.name + "教育局"])
            elif self.units[uid].unit_kind is en.UnitKind.HOSPITAL:
                self.w.edge(T.REGULATED_BY, uid, self.by_name[self.name + "卫生健康局"])
        used: set[str] = set()
        while len(self.townships) < 12:
            base = rng.choice(pb.PLACE_A) + rng.choice(pb.PLACE_B)
            if base in used:
                continue
            used.add(base)
            suffix = "街道" if len(self.townships) == 0 else rng.choice(("镇", "镇", "乡"))
            tid = self.unit(self.name + base + suffix, en.UnitKind.TOWNSHIP, en.PartyOrgKind.COMMITTEE,
                            aliases=[base + suffix])
            self.townships.append(tid)
            for _ in range(rng.randint(13, 18)):
                vbase = rng.choice(pb.PLACE_A) + rng.choice(pb.PLACE_B)
                vname = vbase + ("社区" if rng.random() < 0.1 else "村")
                tname = self.units[tid].name
                if self.by_name.get(tname + vname):
                    continue
                pop = rng.randint(600, 4500)
                vid = self.unit(vname, en.UnitKind.VILLAGE,
                                en.PartyOrgKind.GENERAL_BRANCH if pop > 3000 else en.PartyOrgKind.BRANCH,
                                parent=tname, aliases=[tname + vname], population=pop, households=pop // 3,
                                industries=rng.sample(pb.INDUSTRIES, 2),
                                collective_income=round(rng.uniform(2, 120), 1),
                                village_class=rng.choice(list(en.VillageClass)).label_zh)
                self.by_name[tname + vname] = vid
                self.villages.append(vid)
                self.w.edge(T.PART_OF, vid, tid)
                self.w.edge(T.REGULATED_BY, vid, self.by_name[self.name + "农业农村局"])

    def build_posts(self) -> None:
        """Post histories; some first-in-commands move to another unit of the same kind."""
        rng = self.rng
        starts: list[tuple[date, str, date | None]] = []
        for uid in self.units:
            day = HISTORY_START - timedelta(days=rng.randint(0, 900))
            while day < AS_OF:
                end = day + timedelta(days=rng.randint(3 * 365, 5 * 365))
                starts.append((day, uid, end if end < AS_OF else None))
                day = end + timedelta(days=1)
        free: dict[str, list[tuple[date, str, str]]] = defaultdict(list)
        for start, uid, end in sorted(starts, key=lambda s: (s[0], s[1])):
            unit = self.units[uid]
            pool = "village" if unit.unit_kind is en.UnitKind.VILLAGE else (
                "township" if unit.unit_kind is en.UnitKind.TOWNSHIP else "department")
            person = None
            candidates = [c for c in free[pool] if c[0] < start and c[2] != uid]
            if pool != "village" and candidates and rng.random() < 0.35:
                choice = rng.choice(candidates)
                free[pool].remove(choice)
                person = choice[1]
            if person is None:
                person = self.person(min_age=35, max_age=50, on=start)
            self.hold(person, uid, start, end, first=True)
            if end is not None:
                free[pool].append((end, person, uid))
        county_leaders = [self.person(min_age=45, max_age=56) for _ in range(8)]
        for i, uid in enumerate(self.departments):
            self.w.edge(T.OVERSEES, county_leaders[i % 8], uid, start=date(2021, 10, 1))
        for uid, unit in self.units.items():
            for _ in range(2 if unit.unit_kind is en.UnitKind.VILLAGE else 3):
                day = HISTORY_START - timedelta(days=rng.randint(0, 600))
                while day < AS_OF:
                    end = day + timedelta(days=rng.randint(3 * 365, 7 * 365))
                    self.hold(self.person(), uid, day, end if end < AS_OF else None, first=False)
                    day = end + timedelta(days=1)

    def hold(self, person: str, uid: str, start: date, end: date | None, *, first: bool) -> None:
        kind = self.units[uid].unit_kind
        if first:
            post = {en.UnitKind.VILLAGE: "党支部书记", en.UnitKind.TOWNSHIP: "党委书记"}.get(kind, "党组书记")
        else:
            post = {en.UnitKind.VILLAGE: "村委委员", en.UnitKind.TOWNSHIP: "副镇长"}.get(kind, "副职领导")
        tenure = Tenure(person, uid, start, end, first)
        self.tenures[uid].append(tenure)
        self.person_tenures[person].append(tenure)
        self.w.edge(T.HOLDS_POST, person, uid, post=post, first_in_command=first, team_member=True,
                    start=start, end=end)

    def build_rounds(self) -> None:
        rng = self.rng
        inspected: dict[str, int] = defaultdict(int)
        non_village = self.departments + self.townships
        for index, (term, number, kind, start) in enumerate(ROUND_PLAN):
            end = start + timedelta(days=45)
            title = f"{self.name}委第{_cn(term)}届第{_cn(number)}轮{kind.label_zh}"
            rnd = m.Round(county=self.name, term=term, number=number, round_kind=kind, start=start, end=end,
                          title=title)
            rid = self.w.node(rnd, "巡察轮次")
            self.rounds.append((rid, rnd))
            if kind is en.RoundKind.VILLAGE:
                targets = self.pick(self.villages, 50, inspected, revisit=0.4 if term == 15 else 0.0)
            elif kind is en.RoundKind.FOLLOW_UP:
                targets = rng.sample([u for u in non_village if inspected[u]], 12)
            elif kind is en.RoundKind.SPECIAL:
                targets = self.pick(self.departments, 10, inspected, revisit=0.3)
            elif kind is en.RoundKind.ELEVATED:
                targets = self.pick(self.villages, 8, inspected, 0.5) + self.pick(self.townships, 4, inspected, 0.5)
            else:
                targets = self.pick(non_village, 14, inspected, revisit=0.35 if term == 15 else 0.0)
            groups = []
            for g in range(4):
                gid = self.w.node(m.Group(round_id=rid, name=f"{self.name}委第{CN_NUM[g]}巡察组"), "巡察轮次")
                self.w.edge(T.IN_ROUND, gid, rid)
                groups.append(gid)
            for i, uid in enumerate(targets):
                self.w.edge(T.INSPECTED, groups[i % 4], uid, round_id=rid)
                self.inspect(uid, rid, index, groups[i % 4], end)
            for uid in targets:
                inspected[uid] += 1

    def pick(self, pool: list[str], count: int, inspected: dict[str, int], revisit: float) -> list[str]:
        rng = self.rng
        seen = [u for u in pool if inspected[u]]
        fresh = [u for u in pool if not inspected[u]]
        n_seen = min(len(seen), round(count * revisit))
        chosen = rng.sample(seen, n_seen) if n_seen else []
        rest = [u for u in fresh if u not in chosen]
        chosen += rng.sample(rest, min(len(rest), count - len(chosen)))
        if len(chosen) < count:
            others = [u for u in pool if u not in chosen]
            chosen += rng.sample(others, min(len(others), count - len(chosen)))
        return chosen

    def inspect(self, uid: str, rid: str, index: int, gid: str, found: date) -> None:
        rng = self.rng
        village = self.units[uid].unit_kind is en.UnitKind.VILLAGE
        pool = [p for p in pb.PROBLEM_TYPES if (p.village if village else p.unit)]
        prior = self.issues_at[uid]
        prior_keys = {f.ptype for f in prior}
        chosen: list[tuple[str, int]] = []
        latest: dict[str, IssueFact] = {}
        for fact in prior:
            latest[fact.ptype] = fact
        for key, fact in sorted(latest.items()):
            if rng.random() < 0.3:
                template = rng.choice([i for i in range(len(pb.BY_KEY[key].templates)) if i != fact.template])
                chosen.append((key, template))
        fic = self.fic_on(uid, found)
        if fic:  # a leader who moved here may carry a problem from the last unit
            for tenure in self.person_tenures[fic]:
                if tenure.unit == uid or not tenure.first_in_command:
                    continue
                carried = [f for f in self.issues_at[tenure.unit] if tenure.covers(f.found)
                           and f.ptype not in prior_keys and f.ptype in {p.key for p in pool}
                           and f.ptype not in {c[0] for c in chosen}]
                if carried and rng.random() < 0.7:
                    fact = rng.choice(carried)
                    chosen.append((fact.ptype, (fact.template + 1) % 3))
        low, high = (7, 12) if village else (10, 17)
        fresh = [p.key for p in pool if p.key not in prior_keys and p.key not in {c[0] for c in chosen}]
        for key in rng.sample(fresh, min(len(fresh), max(0, rng.randint(low, high) - len(chosen)))):
            chosen.append((key, rng.randrange(3)))
        recent = (AS_OF - found).days < 730
        for seq, (key, template) in enumerate(chosen, 1):
            ptype = pb.BY_KEY[key]
            weights = (0.15, 0.45, 0.40) if recent else (0.05, 0.10, 0.85)
            status = rng.choices(list(en.IssueStatus), weights)[0]
            issue = m.Issue(round_id=rid, unit_id=uid, seq=seq, text=self.text_for(ptype, template, found),
                            category=ptype.category, status=status, found_date=found,
                            severity=rng.choices(list(en.Severity), (0.5, 0.35, 0.15))[0], source="巡察发现",
                            code=f"{self.units[uid].code}-{ROUND_PLAN[index][0]}-{ROUND_PLAN[index][1]}-{seq:02d}")
            iid = self.w.node(issue, "问题清单")
            self.w.edge(T.FOUND_AT, iid, uid)
            self.w.edge(T.FOUND_IN, iid, rid)
            self.w.edge(T.FOUND_BY, iid, gid)
            if fic:
                self.w.edge(T.RESPONSIBLE_FOR, fic, iid, role="first_in_command")
            fact = IssueFact(iid, uid, index, key, template, status, found, fic)
            self.issues.append(fact)
            self.issues_at[uid].append(fact)
            self.tasks(fact)
            if rng.random() < (0.35 if issue.severity is en.Severity.HIGH else 0.07):
                self.clue(iid, uid, found, issue.text, en.Channel.INSPECTION)

    def tasks(self, fact: IssueFact) -> None:
        rng = self.rng
        levels = [en.TaskLevel.INDIVIDUAL]
        if rng.random() < 0.15:
            levels.append(en.TaskLevel.CATEGORY)
        if rng.random() < 0.08:
            levels.append(en.TaskLevel.SYSTEMIC)
        for seq, level in enumerate(levels, 1):
            deadline = fact.found + timedelta(days=rng.choice((90, 120, 180)))
            if fact.status is en.IssueStatus.RECTIFIED:
                status = rng.choice((en.TaskStatus.DONE, en.TaskStatus.CLOSED))
                done = deadline - timedelta(days=rng.randint(0, 60))
            else:
                status = rng.choice((en.TaskStatus.PLANNED, en.TaskStatus.IN_PROGRESS))
                done = None
            measure = {en.TaskLevel.INDIVIDUAL: "针对具体问题立行立改，完善相关台账",
                       en.TaskLevel.CATEGORY: "举一反三开展同类问题自查自纠",
                       en.TaskLevel.SYSTEMIC: "建立健全长效管理制度"}[level]
            tid = self.w.node(m.Task(issue_id=fact.id, seq=seq, measure=measure, level=level, owner="单位主要负责人",
                                     deadline=deadline, done_date=done, status=status), "整改台账")
            self.w.edge(T.RECTIFIES, tid, fact.id)
            if done is None and deadline < AS_OF:
                self.truth["overdue_tasks"].append(tid)

    def clue(self, source: str, uid: str, found: date, text: str, channel: en.Channel) -> None:
        rng = self.rng
        code = f"{self.name}XS{found.year}{len(self.truth['clues']) + 1:04d}"
        transfer = found + timedelta(days=rng.randint(10, 40))
        receiver_name = self.name + ("纪委监委" if rng.random() < 0.85 else "委组织部")
        disposal = disposal_date = None
        stalled = transfer < AS_OF - timedelta(days=STALL_DAYS) and rng.random() < 0.12
        if not stalled and transfer + timedelta(days=80) < AS_OF:
            disposal = rng.choices(list(en.ClueDisposal), (0.25, 0.22, 0.1, 0.13, 0.3))[0]
            disposal_date = transfer + timedelta(days=rng.randint(15, 80))
        clue = m.Clue(code=code, summary=f"反映{self.units[uid].name}{text}", source_channel=channel,
                      transfer_date=transfer, receiver=receiver_name, disposal=disposal, disposal_date=disposal_date,
                      status=en.ClueStatus.DISPOSED if disposal else en.ClueStatus.TRANSFERRED)
        cid = self.w.node(clue, "线索台账")
        self.truth["clues"].append(cid)
        if stalled:
            self.truth["stalled_clues"].append(cid)
        self.w.edge(T.ARISES_FROM, cid, source)
        self.w.edge(T.TRANSFERRED_TO, cid, self.by_name[receiver_name], on=transfer)
        team = [t.person for t in self.tenures[uid] if t.covers(found)]
        involved = rng.choice(team) if team else None
        if involved:
            self.w.edge(T.INVOLVES, cid, involved, role="被反映人")
        if disposal is en.ClueDisposal.CASE_OPENED and disposal_date is not None:
            closed = disposal_date + timedelta(days=rng.randint(60, 200))
            outcome = rng.choice([o for o in en.CaseOutcome if o is not en.CaseOutcome.PENDING])
            case = m.Case(code=code.replace("XS", "LA"), opened=disposal_date,
                          closed=closed if closed < AS_OF else None,
                          outcome=outcome if closed < AS_OF else en.CaseOutcome.PENDING,
                          summary=clue.summary, suggestion="针对暴露问题完善制度、堵塞漏洞")
            kid = self.w.node(case, "案件台账")
            self.w.edge(T.OPENED_FROM, kid, cid, on=disposal_date)
            if involved:
                self.w.edge(T.INVOLVES, kid, involved, role="被审查调查人")

    def build_letters(self) -> None:
        rng = self.rng
        for index, (rid, rnd) in enumerate(self.rounds):
            by_type: dict[str, list[IssueFact]] = defaultdict(list)
            for fact in self.issues:
                if fact.round_index == index:
                    by_type[fact.ptype].append(fact)
            for key in sorted(by_type):
                facts = by_type[key]
                units = sorted({f.unit for f in facts})
                if len(units) < 3:
                    continue
                letter_code = None
                category = pb.BY_KEY[key].category
                regulator = self.by_name.get(self.name + pb.REGULATORS[category][1:])
                if regulator and len(units) >= 4 and rng.random() < 0.3:
                    sent = (rnd.end or rnd.start) + timedelta(days=30)
                    letter_code = f"{self.name[:2]}巡建〔{sent.year}〕{len(self.truth['letters']) + 1}号"
                    answered = rng.random() < 0.6
                    lid = self.w.node(m.Letter(
                        code=letter_code, sent_date=sent, subject=f"关于{category}方面共性问题的巡察建议",
                        response="已部署专项治理" if answered else None,
                        response_date=sent + timedelta(days=60) if answered else None), "建议函台账")
                    self.truth["letters"].append(lid)
                    self.w.edge(T.ADDRESSED_TO, lid, regulator)
                    for f in facts:
                        self.w.edge(T.CONCERNS, lid, f.id)
                self.truth["common_problems"].append({
                    "round": rid, "problem_type": key, "category": category, "units": units,
                    "issues": sorted(f.id for f in facts), "letter": letter_code})

    def build_findings(self) -> None:
        rng = self.rng
        channel_category = {"audit": "财务管理", "discipline": "中央八项规定精神/四风", "stationed": "财务管理",
                            "petition": "惠民资金", "supervision": "工作纪律/作风"}
        units = list(self.units)
        for seq in range(300):
            channel = rng.choice(sorted(pb.CHANNEL_FINDINGS))
            uid = rng.choice(units)
            day = date(2018, 1, 1) + timedelta(days=rng.randint(0, (AS_OF - date(2018, 1, 1)).days))
            text = pb.CHANNEL_FINDINGS[channel][1].format(yr=day.year - 1, amt=round(rng.uniform(1, 50), 1))
            fid = self.w.node(m.Finding(code=f"{self.name[:2]}JD{seq + 1:04d}", channel=en.Channel(channel),
                                        found_date=day, category=channel_category[channel], text=text), "其他监督发现")
            self.w.edge(T.FOUND_AT, fid, uid)
            fic = self.fic_on(uid, day)
            if fic and rng.random() < 0.3:
                self.w.edge(T.INVOLVES, fid, fic, role="主要负责人")
            if rng.random() < 0.1:
                self.clue(fid, uid, day, text, en.Channel(channel))

    def build_villages(self) -> None:
        """Projects, contractors, beneficiaries, petitions and planted relative links."""
        rng = self.rng
        companies = []
        for k in range(40):
            cname = f"{self.name[:2]}{rng.choice(pb.PLACE_A)}{rng.choice(pb.PLACE_B)}建筑工程有限公司{k + 1}"
            cid = self.w.node(m.Company(name=cname, credit_code=f"91{self.index:06d}{k:010d}"), "企业信息")
            self.w.edge(T.OWNS_OR_REPRESENTS, self.person(), cid, role="法定代表人")
            companies.append(cid)
        project_seq = 0
        petition_topics = ("反映征地补偿款发放不到位", "反映村务公开不及时", "反映低保评定不公", "反映工程质量问题",
                           "反映集体土地被侵占", "反映村干部作风粗暴")
        for vid in self.villages:
            vcode = self.units[vid].code
            for k in range(2):
                project_seq += 1
                year = rng.randint(2018, 2025)
                pid = self.w.node(m.Project(code=f"{vcode}-P{k + 1}",
                                            name=self.units[vid].name + rng.choice(pb.PROJECT_KINDS),
                                            year=year, amount=round(rng.uniform(10, 300), 1), fund_source="财政衔接资金"),
                                  "项目台账")
                self.w.edge(T.LOCATED_AT, pid, vid)
                self.w.edge(T.CONTRACTED, rng.choice(companies), pid, amount=None)
            for _ in range(5):
                self.benefit(self.person(min_age=40, max_age=80), vid, rng.randint(2019, 2025))
            for k in range(2):
                day = date(2019, 1, 1) + timedelta(days=rng.randint(0, 2700))
                pet = self.w.node(m.Petition(code=f"{vcode}-XF{k + 1}", received_date=day,
                                             topic=rng.choice(petition_topics),
                                             status=rng.choice(list(en.PetitionStatus))), "信访台账")
                self.w.edge(T.LOCATED_AT, pet, vid)
        for vid in self.villages:
            vcode = self.units[vid].code
            roll = rng.random()
            cadres = [t for t in self.tenures[vid] if (t.end or AS_OF) >= date(2019, 6, 1)]
            if not cadres:
                continue
            tenure = rng.choice(cadres)
            years = [y for y in range(2019, 2026) if tenure.covers(date(y, 6, 30))]
            if roll < 0.08 and years:  # planted: relative receives a benefit in the cadre's village
                relative, year = self.relative(tenure.person), rng.choice(years)
                bid = self.benefit(relative, vid, year, kind=en.BenefitKind.MINIMUM_LIVING)
                self.truth["relative_links"].append({"cadre": tenure.person, "relative": relative, "village": vid,
                                                     "via": "benefit", "target": bid})
            elif roll < 0.13 and years:  # planted: relative's company contracts the village's project
                relative, year = self.relative(tenure.person), rng.choice(years)
                cid = self.w.node(m.Company(name=f"{self.units[vid].name}{rng.choice(pb.PLACE_B)}劳务有限公司",
                                            credit_code=f"92{self.index:06d}{len(self.truth['relative_links']):010d}"),
                                  "企业信息")
                self.w.edge(T.OWNS_OR_REPRESENTS, relative, cid, role="法定代表人")
                pid = self.w.node(m.Project(code=f"{vcode}-PR", name=self.units[vid].name + "小型水利修缮工程",
                                            year=year, amount=round(rng.uniform(5, 60), 1), fund_source="村集体资金"),
                                  "项目台账")
                self.w.edge(T.LOCATED_AT, pid, vid)
                self.w.edge(T.CONTRACTED, cid, pid, amount=None)
                self.truth["relative_links"].append({"cadre": tenure.person, "relative": relative, "village": vid,
                                                     "via": "contract", "target": pid})
            elif roll < 0.21:  # decoy: relative's benefit is in another village
                other = rng.choice([v for v in self.villages if v != vid])
                self.benefit(self.relative(tenure.person), other, rng.randint(2019, 2025))
            elif roll < 0.25 and tenure.end and tenure.end.year < 2024:  # decoy: benefit after the post ended
                self.benefit(self.relative(tenure.person), vid, tenure.end.year + 2)

    def relative(self, cadre: str) -> str:
        relative = self.person(min_age=25, max_age=70)
        self.w.edge(T.RELATIVE_OF, cadre, relative, relation=self.rng.choice(list(en.RelativeKind)))
        return relative

    def benefit(self, person: str, vid: str, year: int, kind: en.BenefitKind | None = None) -> str:
        kind = kind or self.rng.choice(list(en.BenefitKind))
        bid = self.w.node(m.Benefit(benefit_kind=kind, recipient_id=person, village_id=vid, year=year,
                                    amount=float(self.rng.randint(600, 9000))), "惠民补贴")
        self.w.edge(T.RECEIVED, person, bid)
        self.w.edge(T.LOCATED_AT, bid, vid)
        return bid

    def build_truth(self) -> None:
        for facts in self.issues_at.values():
            for later in facts:
                for earlier in facts:
                    if earlier.ptype == later.ptype and earlier.round_index < later.round_index:
                        self.truth["repeats"].append({
                            "issue": later.id, "earlier": earlier.id,
                            "relapse": earlier.status is en.IssueStatus.RECTIFIED})
        carried: dict[tuple[str, str], set[str]] = defaultdict(set)
        for fact in self.issues:
            for tenure in self.tenures[fact.unit]:
                if tenure.first_in_command and tenure.covers(fact.found):
                    carried[(tenure.person, pb.BY_KEY[fact.ptype].category)].add(fact.id)
        by_unit = {f.id: f.unit for f in self.issues}
        for (person, category), ids in sorted(carried.items()):
            if len({by_unit[i] for i in ids}) >= 2:
                self.truth["leader_carry"].append({"person": person, "category": category, "issues": sorted(ids)})


def generate(scale: int = 1, seed: int = 7, *, progress: Callable[[int], None] | None = None) -> Bundle:
    """Generate ``scale`` counties deterministically from ``seed``."""
    if scale < 1:
        raise ValueError("scale 必须为正整数")
    bundle = Bundle()
    truth: dict[str, list[Any]] = defaultdict(list)
    for index, name in enumerate(_county_names(scale, random.Random(seed))):
        county = _County(bundle, index, name, random.Random(f"{seed}:{index}"))
        for key, items in county.build().items():
            truth[key].extend(items)
        if progress:
            progress(index + 1)
    counts: dict[str, int] = defaultdict(int)
    for node in bundle.nodes:
        counts[node.kind.value] += 1
    truth.pop("clues", None)
    bundle.truth = {"scale": scale, "seed": seed, "as_of": AS_OF.isoformat(), "stall_days": STALL_DAYS,
                    "node_counts": dict(sorted(counts.items())), "edge_count": len(bundle.edges),
                    **{k: truth[k] for k in sorted(truth)}}
    return bundle


def write_bundle(bundle: Bundle, out: Path) -> None:
    """Write ``graph.jsonl`` (nodes, then edges) and ``ground_truth.json``."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / "graph.jsonl").open("w", encoding="utf-8") as f:
        for node in bundle.nodes:
            f.write(json.dumps({"node": node.model_dump(mode="json")}, ensure_ascii=False) + "\n")
        for edge in bundle.edges:
            f.write(json.dumps({"edge": edge.model_dump(mode="json")}, ensure_ascii=False) + "\n")
    (out / "ground_truth.json").write_text(json.dumps(bundle.truth, ensure_ascii=False, indent=1), "utf-8")


def read_bundle(folder: Path) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    path = folder / "graph.jsonl" if folder.is_dir() else folder
    return read_jsonl(path)
