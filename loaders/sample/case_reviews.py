"""Planted 一案三改 cases: one case complete in all three senses, and cases with each kind of gap.

Each planted case uses a problem of its own in a category the random county
never uses (安全生产, 生态环保, 审计整改), so the truth of its class is known:
the same problem planted at other units (told in other words) is a similar
issue, and a different problem of the same category is a decoy the text
scoring must keep apart. The truth (``case_reviews`` in ground_truth.json)
lists, per case, the (gap kind, subject id) pairs a correct review finds;
blind spots are read from the generator's own inspection record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from graph.model import EdgeType as T
from graph.model import enums as en
from graph.model import nodes as m
from loaders.sample.base import AS_OF, ROUND_PLAN

if TYPE_CHECKING:
    from loaders.sample.county import County

PROBLEMS = {
    "fire": ("安全生产", ("办公楼消防器材过期未更换，{n}具灭火器压力不足",
                      "消防设施维护缺失，{n}具灭火器超过有效期仍在使用",
                      "灭火器等消防器材长期未检修，{n}具已经失效")),
    "gas": ("安全生产", ("食堂燃气管道老化，未安装燃气泄漏报警装置", "燃气使用隐患突出，厨房未配备可燃气体报警器",
                     "液化气瓶与灶具混放，燃气泄漏报警装置缺失")),
    "hazard": ("安全生产", ("安全隐患排查台账流于形式，{n}处隐患未闭环销号",
                        "隐患排查整治走过场，{n}处排查出的隐患未跟踪整改",
                        "安全隐患底数不清，{n}处排查出的隐患无人跟进销号")),
    "sewage": ("生态环保", ("生活污水直排河道，污水处理设施建成后闲置", "污水处理站长期停运，生活污水未经处理直排河道",
                        "建成的污水处理设施未投入使用，生活污水直排沟渠")),
    "straw": ("生态环保", ("秸秆露天焚烧管控不力，{n}处火点未及时处置", "禁烧工作落实不到位，巡查发现秸秆焚烧火点{n}处",
                       "秸秆禁烧巡查不严，{n}起露天焚烧火点未制止")),
    "audit_fix": ("审计整改", ("审计指出的{n}项问题未按期整改到位，整改报告与实际不符",
                           "对审计发现的{n}个问题整改敷衍，报送的整改情况不实",
                           "审计反馈的{n}项问题只报不改，整改报告弄虚作假")),
    "audit_funds": ("审计整改", ("审计查出的违规资金{amt}万元未追缴到位",
                             "应追回的违规使用资金{amt}万元至今未收回",
                             "违规资金{amt}万元经审计指出后仍未清退追缴")),
    "elevator": ("安全生产", ("特种设备未按期检验，{n}台电梯超期运行", "电梯等特种设备定期检验缺失，{n}台超期使用",
                          "{n}台电梯年检过期仍在运行，特种设备管理缺位")),
}
CASE_ROUND, EARLY_ROUND, LATE_ROUND = 7, 6, 8  # 15-3 regular, 15-2 and 15-4 village rounds
EVIDENCE = "整改报告、销号审批表及相关凭证"


@dataclass
class _Plant:
    c: County
    seq: int = 90
    count: int = 0
    opened: dict[str, date] | None = None
    issues: list[tuple[int, str, str, str, bool]] | None = None  # (round index, problem, unit, issue, rectified)
    letter_codes: dict[str, str] | None = None  # issue → code of the letter concerning it

    def text(self, key: str, template: int) -> str:
        return PROBLEMS[key][1][template].format(n=self.c.rng.randint(2, 9), amt=round(self.c.rng.uniform(1, 40), 1))

    def issue(self, uid: str, key: str, template: int, status: en.IssueStatus, index: int = CASE_ROUND,
              member: str | None = None) -> tuple[str, date]:
        c = self.c
        rid, rnd = c.rounds[index]
        found = rnd.end or rnd.start
        self.seq += 1
        if rnd.start not in c.inspected_on[uid]:
            c.w.edge(T.INSPECTED, c.groups[rid][0], uid, round_id=rid)
            c.inspected_on[uid].append(rnd.start)
        term, number = ROUND_PLAN[index][0], ROUND_PLAN[index][1]
        iid = c.w.node(m.Issue(round_id=rid, unit_id=uid, seq=self.seq, text=self.text(key, template),
                               category=PROBLEMS[key][0], status=status, found_date=found, source="巡察发现",
                               severity=en.Severity.HIGH, code=f"{c.units[uid].code}-{term}-{number}-{self.seq:02d}"),
                       "问题清单")
        c.w.edge(T.FOUND_AT, iid, uid)
        c.w.edge(T.FOUND_IN, iid, rid)
        c.w.edge(T.FOUND_BY, iid, c.groups[rid][0])
        fic = c.fic_on(uid, found)
        if fic:
            c.w.edge(T.RESPONSIBLE_FOR, fic, iid, role="first_in_command")
        if member:
            c.w.edge(T.RESPONSIBLE_FOR, member, iid, role="team_member", derived=False)
        self.issues = [*(self.issues or []), (index, key, uid, iid, status is en.IssueStatus.RECTIFIED)]
        return iid, found

    def task(self, iid: str, found: date, seq: int = 1, *, level: en.TaskLevel = en.TaskLevel.INDIVIDUAL,
             done: bool = True, evidence: str | None = EVIDENCE) -> str:
        deadline = found + timedelta(days=90)
        return self.c.w.node(m.Task(
            issue_id=iid, seq=seq, measure={en.TaskLevel.INDIVIDUAL: "对照问题逐项整改并建立台账",
                                            en.TaskLevel.SYSTEMIC: "修订完善管理制度，堵塞制度漏洞"}.get(level, "举一反三"),
            level=level, owner="单位主要负责人", deadline=deadline, done_date=found + timedelta(days=60) if done else None,
            status=en.TaskStatus.CLOSED if done else en.TaskStatus.IN_PROGRESS, evidence=evidence if done else None),
            "整改台账")

    def rectified_at(self, uid: str, key: str, template: int, index: int = CASE_ROUND) -> str:
        iid, found = self.issue(uid, key, template, en.IssueStatus.RECTIFIED, index)
        self.c.w.edge(T.RECTIFIES, self.task(iid, found), iid)
        return iid

    def case(self, iid: str, uid: str, found: date, person: str | None, *, answered: bool = True,
             slow: bool = False) -> tuple[str, str]:
        c = self.c
        code = f"{c.name}XS{found.year}9{self.seq:03d}"
        transfer = found + timedelta(days=15)
        disposed = transfer + timedelta(days=150 if slow else 30)
        cid = c.w.node(m.Clue(code=code, summary=f"反映{c.units[uid].name}有关问题", source_channel=en.Channel.INSPECTION,
                              transfer_date=transfer, receiver=c.name + "纪委监委",
                              disposal=en.ClueDisposal.CASE_OPENED, disposal_date=disposed,
                              status=en.ClueStatus.DISPOSED), "线索台账")
        c.w.edge(T.ARISES_FROM, cid, iid)
        c.w.edge(T.TRANSFERRED_TO, cid, c.by_name[c.name + "纪委监委"], on=transfer)
        kid = c.w.node(m.Case(code=code.replace("XS", "LA"), opened=disposed, closed=disposed + timedelta(days=120),
                              outcome=en.CaseOutcome.FORM_2, summary=f"{c.units[uid].name}有关人员违纪问题",
                              suggestion="针对暴露问题健全制度、堵塞漏洞",
                              suggestion_response="已制定整改措施并报送" if answered else None,
                              suggestion_response_date=disposed + timedelta(days=60) if answered else None), "案件台账")
        c.w.edge(T.OPENED_FROM, kid, cid, on=disposed)
        self.opened = {**(self.opened or {}), kid: disposed}
        if person:
            c.w.edge(T.INVOLVES, cid, person, role="被反映人")
            c.w.edge(T.INVOLVES, kid, person, role="被审查调查人")
        return kid, cid

    def measure(self, target: str, issuer: str, kind: en.MeasureKind, day: date) -> str:
        c = self.c
        self.count += 1
        code = f"{c.name[:2]}整〔{day.year}〕9{self.count:02d}号"
        mid = c.w.node(m.Measure(code=code, measure_kind=kind, title="关于开展安全与环保隐患专项治理的通知"
                                 if kind is en.MeasureKind.CAMPAIGN else "关于进一步规范整改销号管理的办法",
                                 issued_date=day), "制度与专项治理台账")
        c.w.edge(T.RESPONDS_TO, mid, target)
        c.w.edge(T.ISSUED_BY, mid, issuer)
        return mid

    def letter(self, issues: list[str], regulator: str, sent: date, *, answered: bool) -> str:
        c = self.c
        self.count += 1
        lid = c.w.node(m.Letter(code=f"{c.name[:2]}巡建〔{sent.year}〕9{self.count:02d}号",
                                sent_date=sent, subject="关于同类问题的巡察建议",
                                response="已部署专项整治" if answered else None,
                                response_date=sent + timedelta(days=40) if answered else None), "建议函台账")
        c.w.edge(T.ADDRESSED_TO, lid, regulator)
        for iid in issues:
            c.w.edge(T.CONCERNS, lid, iid)
        self.letter_codes = {**(self.letter_codes or {}), **dict.fromkeys(issues, c.w.bundle.nodes[-1].props["code"])}
        return lid

    def repeats(self) -> None:
        """The same planted problem at the same unit in a later round is a repeat (truth), a relapse if fixed before."""
        for index, key, uid, iid, _ in self.issues or []:
            for e_index, e_key, e_uid, e_iid, rectified in self.issues or []:
                if (e_key, e_uid) == (key, uid) and e_index < index:
                    self.c.truth["repeats"].append({"issue": iid, "earlier": e_iid, "relapse": rectified,
                                                    "wording": "case_reviews"})

    def common_problems(self) -> None:
        """The planted problems found at three or more units in one round are common problems too (truth)."""
        groups: dict[tuple[int, str], list[tuple[str, str]]] = {}
        for index, key, uid, iid, _ in self.issues or []:
            groups.setdefault((index, key), []).append((uid, iid))
        for (index, key), found in sorted(groups.items()):
            if len({u for u, _ in found}) >= 3:
                codes = {(self.letter_codes or {}).get(i) for _, i in found} - {None}
                self.c.truth["common_problems"].append({
                    "round": self.c.rounds[index][0], "problem_type": key, "category": PROBLEMS[key][0],
                    "units": sorted({u for u, _ in found}), "issues": sorted(i for _, i in found),
                    "letter": codes.pop() if codes else None})

    def blind_spots(self, uid: str, opened: date) -> list[list[str]]:
        township = self.c.units[uid].parent_name
        if not township:
            return []
        peers = [v for v in self.c.villages if v != uid and self.c.units[v].parent_name == township]
        return [["blind_spot", v] for v in peers if not any(d >= opened for d in self.c.inspected_on[v])]


def _team_member(c: County, uid: str, day: date) -> str:
    return next(t.person for t in c.tenures[uid] if not t.first_in_command and t.covers(day))


def _unaccused(c: County, person: str) -> bool:
    return not any(e.src_kind.value in ("Clue", "Case") for e in c.w.edges_to(T.INVOLVES, person))


def plant_case_reviews(c: County) -> None:
    rng, p = c.rng, _Plant(c)
    found = c.rounds[CASE_ROUND][1].end or AS_OF
    depts = [u for u in c.departments if c.units[u].unit_kind is en.UnitKind.COUNTY_DEPARTMENT
             and c.fic_on(u, found) and any(not t.first_in_command and t.covers(found) for t in c.tenures[u])]
    depts = [u for u in depts if not u.endswith(("纪委监委",))]
    rng.shuffle(depts)
    villages = [v for v in c.villages if c.fic_on(v, found)]
    rng.shuffle(villages)
    office = c.by_name[c.name + "委办公室"] if c.name + "委办公室" in c.by_name else c.departments[0]
    planted: list[tuple[str, str, list[list[str]]]] = []

    def case_at(uid: str, key: str, status: en.IssueStatus, **kw: bool) -> tuple[str, str, str, date]:
        member = _team_member(c, uid, found) if kw.pop("member", False) else None
        iid, day = p.issue(uid, key, 0, status, member=member)
        person = None if kw.pop("unaccused", False) else c.fic_on(uid, day)
        kid, cid = p.case(iid, uid, day, person, **kw)
        return iid, kid, cid, day

    # 1. complete: own task done with evidence and a 系统整改 task; the same problem at two more units, rectified;
    #    a letter answered and a rule made; first-in-command and team member held to account.
    d1, d2, d3 = depts[:3]
    iid, kid, cid, day = case_at(d1, "fire", en.IssueStatus.RECTIFIED, member=True)
    c.w.edge(T.RECTIFIES, p.task(iid, day), iid)
    c.w.edge(T.RECTIFIES, p.task(iid, day, 2, level=en.TaskLevel.SYSTEMIC), iid)
    others = [p.rectified_at(d2, "fire", 1), p.rectified_at(d3, "fire", 2)]
    lid = p.letter([iid, *others], office, day + timedelta(days=30), answered=True)
    p.measure(lid, office, en.MeasureKind.RULE, day + timedelta(days=80))
    member = _team_member(c, d1, day)
    talk = c.w.node(m.Clue(code=f"{c.name}XS{day.year}8001", summary="反映分管领导履职问题",
                           source_channel=en.Channel.INSPECTION, transfer_date=day + timedelta(days=15),
                           receiver=c.name + "纪委监委", disposal=en.ClueDisposal.TALK_OR_INQUIRY,
                           disposal_date=day + timedelta(days=45), status=en.ClueStatus.DISPOSED), "线索台账")
    c.w.edge(T.ARISES_FROM, talk, iid)
    c.w.edge(T.TRANSFERRED_TO, talk, c.by_name[c.name + "纪委监委"], on=day + timedelta(days=15))
    c.w.edge(T.INVOLVES, talk, member, role="被反映人")
    planted.append(("complete", kid, []))
    p.rectified_at(depts[3], "gas", 0)  # decoy: same category, another problem

    # 2. no task at all (village); a campaign answers the case.
    v = villages[0]
    iid, kid, cid, day = case_at(v, "gas", en.IssueStatus.OPEN)
    p.measure(kid, office, en.MeasureKind.CAMPAIGN, day + timedelta(days=90))
    planted.append(("no_task", kid, [["no_task", iid]]))

    # 3. a task overdue and the suggestion unanswered (village).
    v = villages[1]
    iid, kid, cid, day = case_at(v, "hazard", en.IssueStatus.IN_PROGRESS, answered=False)
    tid = p.task(iid, day, done=False)
    c.w.edge(T.RECTIFIES, tid, iid)
    p.measure(kid, office, en.MeasureKind.RULE, day + timedelta(days=90))
    planted.append(("overdue", kid, [["overdue", tid], ["suggestion_unanswered", kid]]))

    # 4. done without evidence, then found again in a later round (relapse).
    v = villages[2]
    iid, kid, cid, day = case_at(v, "sewage", en.IssueStatus.RECTIFIED)
    tid = p.task(iid, day, evidence=None)
    c.w.edge(T.RECTIFIES, tid, iid)
    later, _ = p.issue(v, "sewage", 1, en.IssueStatus.IN_PROGRESS, LATE_ROUND)
    p.measure(kid, office, en.MeasureKind.RULE, day + timedelta(days=90))
    planted.append(("relapse", kid, [["no_evidence", tid], ["relapse", later]]))

    # 5. the same problem open at one village and relapsed at another; letter answered, campaign run.
    v, v2, v3 = villages[3:6]
    iid, kid, cid, day = case_at(v, "straw", en.IssueStatus.RECTIFIED)
    c.w.edge(T.RECTIFIES, p.task(iid, day), iid)
    open_iid, open_day = p.issue(v2, "straw", 1, en.IssueStatus.OPEN)
    c.w.edge(T.RECTIFIES, p.task(open_iid, open_day, done=False), open_iid)
    early = p.rectified_at(v3, "straw", 2, EARLY_ROUND)
    again = p.rectified_at(v3, "straw", 1, LATE_ROUND)
    lid = p.letter([iid, open_iid, early], office, day + timedelta(days=30), answered=True)
    p.measure(lid, office, en.MeasureKind.CAMPAIGN, day + timedelta(days=70))
    planted.append(("category", kid, [["similar_open", v2], ["similar_relapse", v3]]))
    del again

    # 6. the problem at four units and no letter; no system-level measure.
    d = depts[4:8]
    iid, kid, cid, day = case_at(d[0], "audit_fix", en.IssueStatus.RECTIFIED)
    c.w.edge(T.RECTIFIES, p.task(iid, day), iid)
    for k, unit in enumerate(d[1:]):
        p.rectified_at(unit, "audit_fix", 1 + k % 2)
    planted.append(("no_letter", kid, [["no_letter", kid], ["no_system_measure", kid]]))

    # 7. a letter sent and never answered; no system-level measure.
    d = depts[8:11]
    iid, kid, cid, day = case_at(d[0], "audit_funds", en.IssueStatus.RECTIFIED)
    c.w.edge(T.RECTIFIES, p.task(iid, day), iid)
    others = [p.rectified_at(d[1], "audit_funds", 1), p.rectified_at(d[2], "audit_funds", 2)]
    lid = p.letter([iid, *others], office, day + timedelta(days=30), answered=False)
    planted.append(("letter_unanswered", kid, [["letter_unanswered", lid], ["no_system_measure", kid]]))

    # 8. nobody answers for it: first-in-command and team member not named in any clue or case; slow clue.
    unit = next(u for u in depts[11:] if _unaccused(c, c.fic_on(u, found) or ""))
    iid, kid, cid, day = case_at(unit, "elevator", en.IssueStatus.RECTIFIED, member=True, unaccused=True, slow=True)
    c.w.edge(T.RECTIFIES, p.task(iid, day), iid)
    p.measure(kid, office, en.MeasureKind.RULE, day + timedelta(days=200))
    fic = c.fic_on(unit, day)
    planted.append(("accountability", kid, [["fic_unaccountable", fic or ""], ["member_unaccountable",
                                                                              _team_member(c, unit, day)],
                                             ["supervision_slow", cid]]))

    p.common_problems()
    p.repeats()
    opened = p.opened or {}
    for profile, kid, gaps in planted:
        sources = _sources_of(c, kid)
        uid = min((e for s in sources for e in c.w.edges_from(T.FOUND_AT, s)), key=lambda e: c.w.position[e.id]).dst
        gaps = gaps + p.blind_spots(uid, opened[kid])
        c.truth["case_reviews"].append({"case": kid, "profile": profile, "gaps": sorted(gaps)})


def _sources_of(c: County, kid: str) -> set[str]:
    clues = {e.dst for e in c.w.edges_from(T.OPENED_FROM, kid)}
    return {e.dst for clue in clues for e in c.w.edges_from(T.ARISES_FROM, clue)}
