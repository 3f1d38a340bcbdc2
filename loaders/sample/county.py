"""One county: units, posts, rounds, issues with their tasks, and the clues and cases they lead to.

The other scenarios (letters and other channels, village facts, the planted
一案三改 cases, the ground truth) are modules of their own that this one calls.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

from graph.model import EdgeType
from graph.model import enums as en
from graph.model import nodes as m
from graph.model.ids import hash_identity_number
from loaders import phrasebook as pb
from loaders.sample.base import AS_OF, CN_NUM, HISTORY_START, ROUND_PLAN, STALL_DAYS, Bundle, IssueFact, Tenure, Writer, _cn
from loaders.sample.phrasings import PHRASEBOOK, SECOND, second_source, uses_second_source

T = EdgeType


class County:
    """Generates one county: units, people, rounds, issues and all that follows."""

    def __init__(self, bundle: Bundle, index: int, name: str, rng: random.Random, *,
                 phrasing_rng: random.Random | None = None) -> None:
        self.index = index
        self.name = name
        self.rng = rng
        # Second-source phrasings draw on a stream of their own, so the main stream is drawn as before.
        self.phrasing_rng = phrasing_rng or random.Random(f"{name}:{index}:phrasings_b")
        self.repeats_planted = 0
        self.w = Writer(bundle, name)
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
        self.groups: dict[str, list[str]] = {}
        self.inspected_on: dict[str, list[date]] = defaultdict(list)

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

    def text_for(self, ptype: pb.ProblemType, template: int, found: date, wording: str = PHRASEBOOK) -> str:
        """The text in the phrasebook's words, or the second source's; the figures are drawn the same either way."""
        rng = self.rng
        text = ptype.templates[template]
        if wording == SECOND:
            text = self.phrasing_rng.choice(second_source()[ptype.key])
        return text.format(n=rng.randint(2, 15), amt=round(rng.uniform(0.5, 80), 1), yr=found.year - rng.randint(1, 3))

    def wording_for(self, key: str, prior_keys: set[str]) -> str:
        """Every second planted repeat (same problem, same unit) is told in the second source's words."""
        if key not in prior_keys:
            return PHRASEBOOK
        self.repeats_planted += 1
        return SECOND if uses_second_source(self.repeats_planted) else PHRASEBOOK

    # -- the county ----------------------------------------------------------------
    def build(self, scenarios: Iterable[Callable[[County], None]]) -> dict[str, list[Any]]:
        """Units, posts and rounds with their issues, then each scenario in turn (``loaders.sample.SCENARIOS``)."""
        self.build_units()
        self.build_posts()
        self.build_rounds()
        for scenario in scenarios:
            scenario(self)
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
        for start, uid, until in sorted(starts, key=lambda s: (s[0], s[1])):
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
            self.hold(person, uid, start, until, first=True)
            if until is not None:
                free[pool].append((until, person, uid))
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
            self.groups[rid] = groups
            for i, uid in enumerate(targets):
                self.w.edge(T.INSPECTED, groups[i % 4], uid, round_id=rid)
                self.inspected_on[uid].append(start)
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
            wording = self.wording_for(key, prior_keys)
            weights = (0.15, 0.45, 0.40) if recent else (0.05, 0.10, 0.85)
            status = rng.choices(list(en.IssueStatus), weights)[0]
            issue = m.Issue(round_id=rid, unit_id=uid, seq=seq, text=self.text_for(ptype, template, found, wording),
                            category=ptype.category, status=status, found_date=found,
                            severity=rng.choices(list(en.Severity), (0.5, 0.35, 0.15))[0], source="巡察发现",
                            code=f"{self.units[uid].code}-{ROUND_PLAN[index][0]}-{ROUND_PLAN[index][1]}-{seq:02d}")
            iid = self.w.node(issue, "问题清单")
            self.w.edge(T.FOUND_AT, iid, uid)
            self.w.edge(T.FOUND_IN, iid, rid)
            self.w.edge(T.FOUND_BY, iid, gid)
            if fic:
                self.w.edge(T.RESPONSIBLE_FOR, fic, iid, role="first_in_command")
            fact = IssueFact(iid, uid, index, key, template, status, found, fic, wording)
            if wording == SECOND:
                self.truth["phrasings_b_issues"].append(iid)
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
