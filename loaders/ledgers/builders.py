"""One ledger row → graph records, per ledger kind.

A builder returns the nodes the row declares at once, and the edges as
functions run after every row's nodes are known, so a row may name a unit or
person that appears further down the same file. Errors name the field, and
the loader turns the field back into the column the clerk typed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError

from graph.model import EdgeRecord, NodeKind
from graph.model import nodes as m
from graph.model.enums import ClueStatus, RoundKind, SuccessionKind, UnitKind
from loaders.ledgers.building import (
    Built,
    Context,
    K,
    RowError,
    T,
    code_ref,
    edge,
    model,
    person,
    register_code,
    row_error,
    unit_ref,
)
from loaders.ledgers.categories import raw_label
from loaders.ledgers.mapping import unit_kind_rules
from loaders.ledgers.resolve import Merge, ResolveError


def _unit_kind(out: Built, name: str) -> str:
    """A register without 单位类别: the kind its name ends with (rules in columns.json), said in the report."""
    rules, default = unit_kind_rules()
    label = next((kind for ending, kind in rules if name.endswith(ending)), default)
    out.warnings.append(RowError("unit_kind", f"未填单位类别，按名称推定为“{label}”"))
    return UnitKind.from_label(label).value


def units(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    unit = model(m.Unit, name=r["name"], county=r["county"], parent_name=r.get("township") or "",
                 unit_kind=r.get("unit_kind") or _unit_kind(out, r["name"]), party_org_kind=r.get("party_org_kind"),
                 aliases=r.get("aliases") or [],
                 code=r.get("code"), population=r.get("population"), households=r.get("households"),
                 industries=r.get("industries") or [], collective_income=r.get("collective_income"),
                 village_class=r.get("village_class"))
    out.nodes.append(unit)
    ctx.units.add(unit.id, unit.name, unit.county, unit.parent_name, tuple(unit.aliases))

    def links() -> list[EdgeRecord]:
        edges = []
        if unit.parent_name:
            parent, _ = _township(ctx, unit)
            edges.append(edge(T.PART_OF, (K.UNIT, unit.id), (K.UNIT, parent)))
        if r.get("regulator"):
            regulator = unit_ref(ctx, out, {"county": r["county"], "regulator": r["regulator"]}, "regulator")
            edges.append(edge(T.REGULATED_BY, (K.UNIT, unit.id), (K.UNIT, regulator)))
        return edges + _predecessors(ctx, out, unit, r.get("predecessors") or [])

    out.edges.append(links)
    return out


def _predecessors(ctx: Context, out: Built, unit: m.Unit, names: list[str]) -> list[EdgeRecord]:
    """The register's 前身单位: SUCCEEDED_BY from each known unit of that name (one: 更名, several: 合并); one the
    graph does not hold is said in the report, never a reason to reject the row."""
    known = []
    for name in names:
        try:
            old, merge = ctx.units.resolve(unit.county, name, unit.parent_name)
        except ResolveError:
            out.warnings.append(RowError("predecessors", f"前身单位“{name}”不在单位名册或图谱中，未建立机构沿革"
                                                         "（可先载入该单位，或写入 unit_successions.csv）"))
            continue
        if old == unit.id:
            out.warnings.append(RowError("predecessors", f"前身单位“{name}”就是本单位，已忽略"))
            continue
        if merge:
            out.merges.append(merge)
        known.append(old)
    mode = SuccessionKind.MERGED.value if len(names) > 1 else SuccessionKind.RENAMED.value
    return [edge(T.SUCCEEDED_BY, (K.UNIT, old), (K.UNIT, unit.id), mode=mode) for old in dict.fromkeys(known)]


def _township(ctx: Context, unit: m.Unit) -> tuple[str, Merge | None]:
    try:
        return ctx.units.resolve(unit.county, unit.parent_name)
    except ResolveError as exc:
        raise RowError("township", str(exc)) from exc


def people(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    person(ctx, out, r)
    if r.get("notes") and out.nodes:
        out.nodes[-1] = out.nodes[-1].model_copy(update={"notes": r["notes"]})
    return out


def posts(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    uid = unit_ref(ctx, out, r)
    pid = person(ctx, out, r, unit_id=uid, on=r["start"])
    ctx.people.remember(r["name"], pid, uid, r["start"], r.get("end"))
    first = bool(r.get("first_in_command"))
    try:
        record = edge(T.HOLDS_POST, (K.PERSON, pid), (K.UNIT, uid), post=r["post"], first_in_command=first,
                      team_member=r.get("team_member", True) if r.get("team_member") is not None else True,
                      start=r["start"], end=r.get("end"))
    except ValidationError as exc:
        raise row_error(exc) from exc
    out.edges.append(lambda: [record])
    return out


def oversight(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    uid = unit_ref(ctx, out, r)
    pid = person(ctx, out, r)
    record = edge(T.OVERSEES, (K.PERSON, pid), (K.UNIT, uid), start=r.get("start"), end=r.get("end"))
    out.edges.append(lambda: [record])
    return out


def _round(ctx: Context, r: dict[str, Any]) -> str:
    rid = m.Round(county=r["county"], term=r["term"], number=r["number"], round_kind=RoundKind.REGULAR,
                  start=date(2000, 1, 1), title="-").id
    if not ctx.exists(rid):
        raise RowError("number", f"找不到{r['county']}第{r['term']}届第{r['number']}轮巡察；请先载入巡察轮次")
    return rid


def rounds(ctx: Context, r: dict[str, Any]) -> Built:
    title = r.get("title") or f"{r['county']}委第{r['term']}届第{r['number']}轮巡察"
    rnd = model(m.Round, county=r["county"], term=r["term"], number=r["number"], round_kind=r["round_kind"],
                start=r["start"], end=r.get("end"), title=title, programme=r.get("programme"))
    return Built(nodes=[rnd])


def targets(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    rid = _round(ctx, r)
    group = model(m.Group, round_id=rid, name=r["group"], leader=r.get("leader"))
    out.nodes.append(group)
    uid = unit_ref(ctx, out, r)
    out.edges.append(lambda: [edge(T.IN_ROUND, (K.GROUP, group.id), (K.ROUND, rid)),
                              edge(T.INSPECTED, (K.GROUP, group.id), (K.UNIT, uid), round_id=rid)])
    return out


def issues(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    rid = _round(ctx, r)
    uid = unit_ref(ctx, out, r)
    issue = model(m.Issue, round_id=rid, unit_id=uid, seq=r["seq"], text=r["text"], category=r["category"],
                  raw_category=raw_label(r.get("category")), severity=r.get("severity"), status=r["status"],
                  found_date=r["found_date"], source=r.get("source"), code=r["code"])
    out.nodes.append(issue)
    register_code(ctx, "Issue", r["code"], issue)
    ctx.codes[("IssueUnit", issue.id)] = uid
    # 一岗双责: the team member in charge of the area, named by the clerk, found among the unit's people then.
    member = person(ctx, out, r, name="team_member", unit_id=uid, on=r["found_date"]) if r.get("team_member") else None

    def links() -> list[EdgeRecord]:
        edges = [edge(T.FOUND_AT, (K.ISSUE, issue.id), (K.UNIT, uid)),
                 edge(T.FOUND_IN, (K.ISSUE, issue.id), (K.ROUND, rid))]
        if r.get("group"):
            gid = m.Group(round_id=rid, name=r["group"]).id
            if not ctx.exists(gid):
                raise RowError("group", f"该轮没有名为“{r['group']}”的巡察组；请先载入巡察对象台账")
            edges.append(edge(T.FOUND_BY, (K.ISSUE, issue.id), (K.GROUP, gid)))
        edges += [edge(T.RESPONSIBLE_FOR, (K.PERSON, p), (K.ISSUE, issue.id), role="first_in_command")
                  for p in ctx.fic(uid, issue.found_date.isoformat())]
        if member:
            edges.append(edge(T.RESPONSIBLE_FOR, (K.PERSON, member), (K.ISSUE, issue.id), role="team_member",
                              derived=False))
        return edges

    out.edges.append(links)
    return out


def tasks(ctx: Context, r: dict[str, Any]) -> Built:
    iid = code_ref(ctx, "Issue", r["issue_code"], "issue_code")
    task = model(m.Task, issue_id=iid, seq=r["seq"], measure=r["measure"], level=r["level"], owner=r.get("owner"),
                 deadline=r["deadline"], done_date=r.get("done_date"), status=r["status"], evidence=r.get("evidence"))
    return Built(nodes=[task], edges=[lambda: [edge(T.RECTIFIES, (K.TASK, task.id), (K.ISSUE, iid))]])


def _involved(ctx: Context, out: Built, r: dict[str, Any], src: tuple[NodeKind, str], role: str,
              unit_id: str | None, on: str | None) -> None:
    if not r.get("person"):
        return
    pid = person(ctx, out, r, name="person", id_hash="person_id_hash", id_number="person_id_number",
                 unit_id=unit_id, on=on)
    out.edges.append(lambda: [edge(T.INVOLVES, src, (K.PERSON, pid), role=role)])


def findings(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    uid = unit_ref(ctx, out, r)
    finding = model(m.Finding, code=r["code"], channel=r["channel"], found_date=r["found_date"],
                    category=r["category"], raw_category=raw_label(r.get("category")), text=r["text"])
    out.nodes.append(finding)
    register_code(ctx, "Finding", r["code"], finding)
    ctx.codes[("FindingUnit", finding.id)] = uid
    out.edges.append(lambda: [edge(T.FOUND_AT, (K.FINDING, finding.id), (K.UNIT, uid))])
    _involved(ctx, out, r, (K.FINDING, finding.id), "主要负责人", uid, r["found_date"])
    return out


def clues(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    clue = model(m.Clue, code=r["code"], summary=r["summary"], source_channel=r["source_channel"],
                 transfer_date=r["transfer_date"], receiver=r["receiver"], disposal=r.get("disposal"),
                 disposal_date=r.get("disposal_date"),
                 status=r.get("status") or ClueStatus.TRANSFERRED.value)
    out.nodes.append(clue)
    register_code(ctx, "Clue", r["code"], clue)
    receiver = unit_ref(ctx, out, r, "receiver")
    source: tuple[NodeKind, str] | None = None
    source_unit = None
    if r.get("source_code"):
        code = r["source_code"]
        if ("Issue", code) in ctx.codes:
            source = (K.ISSUE, ctx.codes[("Issue", code)])
            source_unit = ctx.codes.get(("IssueUnit", source[1]))
        elif ("Finding", code) in ctx.codes:
            source = (K.FINDING, ctx.codes[("Finding", code)])
            source_unit = ctx.codes.get(("FindingUnit", source[1]))
        else:
            raise RowError("source_code", f"找不到编号为“{code}”的问题或其他监督发现；请先载入问题清单或其他监督发现台账")

    def links() -> list[EdgeRecord]:
        edges = [edge(T.TRANSFERRED_TO, (K.CLUE, clue.id), (K.UNIT, receiver), on=r["transfer_date"])]
        if source:
            edges.append(edge(T.ARISES_FROM, (K.CLUE, clue.id), source))
        return edges

    out.edges.append(links)
    _involved(ctx, out, r, (K.CLUE, clue.id), "被反映人", source_unit, r["transfer_date"])
    return out


def cases(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    case = model(m.Case, code=r["code"], opened=r["opened"], closed=r.get("closed"), outcome=r["outcome"],
                 summary=r["summary"], suggestion=r.get("suggestion"), suggestion_response=r.get("suggestion_response"),
                 suggestion_response_date=r.get("suggestion_response_date"))
    out.nodes.append(case)
    if r.get("clue_code"):
        cid = code_ref(ctx, "Clue", r["clue_code"], "clue_code")
        out.edges.append(lambda: [edge(T.OPENED_FROM, (K.CASE, case.id), (K.CLUE, cid), on=r["opened"])])
    _involved(ctx, out, r, (K.CASE, case.id), "被审查调查人", None, r["opened"])
    return out


def letters(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    letter = model(m.Letter, code=r["code"], sent_date=r["sent_date"], subject=r["subject"],
                   response=r.get("response"), response_date=r.get("response_date"))
    out.nodes.append(letter)
    covered = [code_ref(ctx, "Issue", code, "issue_codes") for code in r.get("issue_codes") or []]
    regulator = None
    if r.get("regulator"):
        regulator = unit_ref(ctx, out, r, "regulator")

    def links() -> list[EdgeRecord]:
        edges = [edge(T.CONCERNS, (K.LETTER, letter.id), (K.ISSUE, i)) for i in covered]
        if regulator:
            edges.append(edge(T.ADDRESSED_TO, (K.LETTER, letter.id), (K.UNIT, regulator)))
        return edges

    out.edges.append(links)
    return out


def measures(ctx: Context, r: dict[str, Any]) -> Built:
    """A system-level measure and what it answers: a letter, a case's suggestion, or issues."""
    out = Built()
    measure = model(m.Measure, code=r["code"], measure_kind=r["measure_kind"], title=r["title"],
                    issued_date=r["issued_date"])
    out.nodes.append(measure)
    answers = [(K.ISSUE, code_ref(ctx, "Issue", code, "issue_codes")) for code in r.get("issue_codes") or []]
    if r.get("letter_code"):
        answers.append((K.LETTER, code_ref(ctx, "Letter", r["letter_code"], "letter_code")))
    if r.get("case_code"):
        answers.append((K.CASE, code_ref(ctx, "Case", r["case_code"], "case_code")))
    issuer = unit_ref(ctx, out, r, "issuer") if r.get("issuer") else None

    def links() -> list[EdgeRecord]:
        edges = [edge(T.RESPONDS_TO, (K.MEASURE, measure.id), target) for target in answers]
        if issuer:
            edges.append(edge(T.ISSUED_BY, (K.MEASURE, measure.id), (K.UNIT, issuer)))
        return edges

    out.edges.append(links)
    return out
