"""The sample county written out as the ledgers an office would keep (xlsx and GBK CSV).

This is how the path ledger → graph is tested end to end: loading these files
must give the same graph as loading the generator's records directly (apart
from provenance, which names different files).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from graph.model import enums as en
from graph.model.records import EdgeRecord, NodeRecord
from loaders.ledgers.mapping import LedgerKind, ledger_kinds

Row = dict[str, Any]


class _Index:
    def __init__(self, nodes: list[NodeRecord], edges: list[EdgeRecord]) -> None:
        self.node = {n.id: n.props for n in nodes}
        self.by_kind: dict[str, list[NodeRecord]] = defaultdict(list)
        for n in nodes:
            self.by_kind[n.kind.value].append(n)
        self.out: dict[tuple[str, str], list[EdgeRecord]] = defaultdict(list)
        self.by_type: dict[str, list[EdgeRecord]] = defaultdict(list)
        for e in edges:
            self.out[(e.src, e.type.value)].append(e)
            self.by_type[e.type.value].append(e)

    def one(self, src: str, edge_type: str) -> EdgeRecord | None:
        found = self.out.get((src, edge_type))
        return found[0] if found else None

    def unit(self, uid: str) -> Row:
        u = self.node[uid]
        return {"county": u["county"], "unit": u["name"], "township": u.get("parent_name") or None}

    def person(self, pid: str, name: str = "name", id_hash: str = "id_hash") -> Row:
        p = self.node[pid]
        return {name: p["name"], id_hash: p.get("id_hash")}


def _label(enum: type[en.ZhEnum], value: str | None) -> str | None:
    return enum(value).label_zh if value else None


def _category(props: dict[str, Any]) -> str:
    """A category held 待归类 goes back as the clerk wrote it, so a reload holds it again (not as 其他)."""
    raw = props.get("raw_category")
    return raw if raw and props.get("category") == "其他" else props["category"]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _units(ix: _Index) -> list[Row]:
    rows = []
    for n in ix.by_kind["Unit"]:
        u = n.props
        reg = ix.one(n.id, "REGULATED_BY")
        rows.append({"name": u["name"], "county": u["county"], "township": u.get("parent_name") or None,
                     "unit_kind": _label(en.UnitKind, u["unit_kind"]),
                     "party_org_kind": _label(en.PartyOrgKind, u.get("party_org_kind")),
                     "aliases": "、".join(u.get("aliases", [])) or None, "code": u.get("code"),
                     "regulator": ix.node[reg.dst]["name"] if reg else None, "population": u.get("population"),
                     "households": u.get("households"), "industries": "、".join(u.get("industries", [])) or None,
                     "collective_income": u.get("collective_income"), "village_class": u.get("village_class")})
    return rows


def _people(ix: _Index) -> list[Row]:
    return [{"name": p.props["name"], "gender": p.props.get("gender"), "birth_year": p.props.get("birth_year"),
             "id_hash": p.props.get("id_hash")} for p in ix.by_kind["Person"]]


def _posts(ix: _Index) -> list[Row]:
    return [{**ix.person(e.src), **ix.unit(e.dst), "post": e.props["post"],
             "first_in_command": "是" if e.props.get("first_in_command") else "否",
             "team_member": "是" if e.props.get("team_member", True) else "否",
             "start": _day(e.props["start"]), "end": _day(e.props.get("end"))} for e in ix.by_type["HOLDS_POST"]]


def _oversight(ix: _Index) -> list[Row]:
    return [{**ix.person(e.src), **ix.unit(e.dst), "start": _day(e.props.get("start")), "end": _day(e.props.get("end"))}
            for e in ix.by_type["OVERSEES"]]


def _round_cols(ix: _Index, rid: str) -> Row:
    r = ix.node[rid]
    return {"county": r["county"], "term": r["term"], "number": r["number"]}


def _rounds(ix: _Index) -> list[Row]:
    return [{**_round_cols(ix, n.id), "round_kind": _label(en.RoundKind, n.props["round_kind"]),
             "start": _day(n.props["start"]), "end": _day(n.props.get("end")), "title": n.props["title"],
             "programme": _label(en.LinkageProgramme, n.props.get("programme"))}
            for n in ix.by_kind["Round"]]


def _successions(ix: _Index) -> list[Row]:
    """Old and new unit by name, qualified by the new unit's township where it has one (villages)."""
    rows = []
    for e in ix.by_type["SUCCEEDED_BY"]:
        old, new = ix.node[e.src], ix.node[e.dst]
        rows.append({"old": old["name"], "new": new["name"], "county": new["county"],
                     "township": new.get("parent_name") or None, "on": _day(e.props.get("on")),
                     "mode": _label(en.SuccessionKind, e.props.get("mode"))})
    return rows


def _data_requests(ix: _Index) -> list[Row]:
    rows = []
    for n in ix.by_kind["DataRequest"]:
        body = ix.one(n.id, "REQUESTED_FROM")
        p = n.props
        rows.append({**_round_cols(ix, p["round_id"]), "code": p["code"], "request": p["request"],
                     "requested_date": _day(p["requested_date"]), "due_date": _day(p["due_date"]),
                     "answered_date": _day(p.get("answered_date")), "response": p.get("response"),
                     **({"body": ix.node[body.dst]["name"], "township": ix.node[body.dst].get("parent_name") or None}
                        if body else {})})
    return rows


def _targets(ix: _Index) -> list[Row]:
    rows = []
    for e in ix.by_type["INSPECTED"]:
        g = ix.node[e.src]
        rows.append({**_round_cols(ix, g["round_id"]), "group": g["name"], "leader": g.get("leader"),
                     **{k: v for k, v in ix.unit(e.dst).items() if k != "county"}})
    return rows


def _issues(ix: _Index) -> list[Row]:
    members = {e.dst: ix.node[e.src]["name"] for e in ix.by_type["RESPONSIBLE_FOR"] if e.props["role"] == "team_member"}
    rows = []
    for n in ix.by_kind["Issue"]:
        i = n.props
        by = ix.one(n.id, "FOUND_BY")
        rows.append({**_round_cols(ix, i["round_id"]), "code": i["code"],
                     **{k: v for k, v in ix.unit(i["unit_id"]).items() if k != "county"}, "seq": i["seq"],
                     "text": i["text"], "category": _category(i), "severity": _label(en.Severity, i.get("severity")),
                     "status": _label(en.IssueStatus, i["status"]), "found_date": _day(i["found_date"]),
                     "source": i.get("source"), "group": ix.node[by.dst]["name"] if by else None,
                     "team_member": members.get(n.id)})
    return rows


def _tasks(ix: _Index) -> list[Row]:
    return [{"issue_code": ix.node[t.props["issue_id"]]["code"], "seq": t.props["seq"], "measure": t.props["measure"],
             "level": _label(en.TaskLevel, t.props["level"]), "owner": t.props.get("owner"),
             "deadline": _day(t.props["deadline"]), "done_date": _day(t.props.get("done_date")),
             "status": _label(en.TaskStatus, t.props["status"]), "evidence": t.props.get("evidence")}
            for t in ix.by_kind["Task"]]


def _involved(ix: _Index, src: str, prefix: str = "person") -> Row:
    e = ix.one(src, "INVOLVES")
    return ix.person(e.dst, prefix, f"{prefix}_id_hash") if e else {}


def _findings(ix: _Index) -> list[Row]:
    rows = []
    for n in ix.by_kind["Finding"]:
        f = n.props
        at = ix.one(n.id, "FOUND_AT")
        rows.append({"code": f["code"], "channel": _label(en.Channel, f["channel"]), "found_date": _day(f["found_date"]),
                     "category": _category(f), "text": f["text"], **(ix.unit(at.dst) if at else {}),
                     **_involved(ix, n.id)})
    return rows


def _clues(ix: _Index) -> list[Row]:
    rows = []
    for n in ix.by_kind["Clue"]:
        c = n.props
        source = ix.one(n.id, "ARISES_FROM")
        to = ix.one(n.id, "TRANSFERRED_TO")
        rows.append({"code": c["code"], "summary": c["summary"],
                     "source_channel": _label(en.Channel, c["source_channel"]),
                     "source_code": ix.node[source.dst]["code"] if source else None,
                     "county": ix.node[to.dst]["county"] if to else None, "transfer_date": _day(c["transfer_date"]),
                     "receiver": c["receiver"], "disposal": _label(en.ClueDisposal, c.get("disposal")),
                     "disposal_date": _day(c.get("disposal_date")), "status": _label(en.ClueStatus, c["status"]),
                     **_involved(ix, n.id)})
    return rows


def _cases(ix: _Index) -> list[Row]:
    rows = []
    for n in ix.by_kind["Case"]:
        c = n.props
        clue = ix.one(n.id, "OPENED_FROM")
        rows.append({"code": c["code"], "clue_code": ix.node[clue.dst]["code"] if clue else None,
                     "opened": _day(c["opened"]), "closed": _day(c.get("closed")),
                     "outcome": _label(en.CaseOutcome, c["outcome"]), "summary": c["summary"],
                     "suggestion": c.get("suggestion"), "suggestion_response": c.get("suggestion_response"),
                     "suggestion_response_date": _day(c.get("suggestion_response_date")), **_involved(ix, n.id)})
    return rows


def _letters(ix: _Index) -> list[Row]:
    rows = []
    for n in ix.by_kind["Letter"]:
        lt = n.props
        to = ix.one(n.id, "ADDRESSED_TO")
        covered = [ix.node[e.dst]["code"] for e in ix.out.get((n.id, "CONCERNS"), [])]
        rows.append({"code": lt["code"], "sent_date": _day(lt["sent_date"]), "subject": lt["subject"],
                     "response": lt.get("response"), "response_date": _day(lt.get("response_date")),
                     "county": ix.node[to.dst]["county"] if to else None,
                     "regulator": ix.node[to.dst]["name"] if to else None, "issue_codes": "、".join(covered) or None})
    return rows


def _measures(ix: _Index) -> list[Row]:
    rows = []
    for n in ix.by_kind["Measure"]:
        # Ledgers name what a measure answers by code, as _letters does for the issues a letter covers.
        answers: dict[str, str] = {ix.node[e.dst]["code"]: e.dst for e in ix.out.get((n.id, "RESPONDS_TO"), [])}
        kinds = {code: dst.split("_", 1)[0] for code, dst in answers.items()}
        by = ix.one(n.id, "ISSUED_BY")
        rows.append({"code": n.props["code"], "measure_kind": _label(en.MeasureKind, n.props["measure_kind"]),
                     "title": n.props["title"], "issued_date": _day(n.props["issued_date"]),
                     "county": ix.node[by.dst]["county"] if by else None,
                     "issuer": ix.node[by.dst]["name"] if by else None,
                     "letter_code": next((c for c, k in kinds.items() if k == "let"), None),
                     "case_code": next((c for c, k in kinds.items() if k == "cas"), None),
                     "issue_codes": "、".join(c for c, k in kinds.items() if k == "iss") or None})
    return rows


def _companies(ix: _Index) -> list[Row]:
    reps = {e.dst: e.src for e in ix.by_type["OWNS_OR_REPRESENTS"]}
    return [{"name": c.props["name"], "credit_code": c.props["credit_code"],
             **(ix.person(reps[c.id], "person", "person_id_hash") if c.id in reps else {})}
            for c in ix.by_kind["Company"]]


def _village(ix: _Index, src: str) -> Row:
    at = ix.one(src, "LOCATED_AT")
    if not at:
        return {}
    u = ix.unit(at.dst)
    return {"county": u["county"], "village": u["unit"], "township": u["township"]}


def _projects(ix: _Index) -> list[Row]:
    builder = {e.dst: e for e in ix.by_type["CONTRACTED"]}
    return [{"code": p.props["code"], "name": p.props["name"], "year": p.props["year"], "amount": p.props["amount"],
             "fund_source": p.props.get("fund_source"), **_village(ix, p.id),
             "contractor_code": ix.node[builder[p.id].src]["credit_code"] if p.id in builder else None,
             "contract_amount": builder[p.id].props.get("amount") if p.id in builder else None}
            for p in ix.by_kind["Project"]]


def _benefits(ix: _Index) -> list[Row]:
    return [{**ix.person(b.props["recipient_id"]), "benefit_kind": _label(en.BenefitKind, b.props["benefit_kind"]),
             **_village(ix, b.id), "year": b.props["year"], "amount": b.props["amount"]}
            for b in ix.by_kind["Benefit"]]


def _petitions(ix: _Index) -> list[Row]:
    return [{"code": p.props["code"], "received_date": _day(p.props["received_date"]), "topic": p.props["topic"],
             "status": _label(en.PetitionStatus, p.props["status"]), **_village(ix, p.id)}
            for p in ix.by_kind["Petition"]]


def _relatives(ix: _Index) -> list[Row]:
    return [{**ix.person(e.src, "cadre", "cadre_id_hash"), **ix.person(e.dst, "relative", "relative_id_hash"),
             "relation": _label(en.RelativeKind, e.props["relation"])} for e in ix.by_type["RELATIVE_OF"]]


ROWS: dict[str, Callable[[_Index], list[Row]]] = {
    "units": _units, "successions": _successions, "people": _people, "posts": _posts, "oversight": _oversight,
    "rounds": _rounds,
    "data_requests": _data_requests,
    "targets": _targets, "issues": _issues, "tasks": _tasks, "findings": _findings, "clues": _clues, "cases": _cases,
    "letters": _letters, "measures": _measures, "companies": _companies, "projects": _projects, "benefits": _benefits,
    "petitions": _petitions, "relatives": _relatives,
}
CSV_KINDS = frozenset({"issues", "benefits", "petitions"})  # written as GBK CSV, the rest as .xlsx


def _headers(kind: LedgerKind, rows: list[Row]) -> list[tuple[str, str]]:
    used = {k for r in rows for k, v in r.items() if v is not None}
    return [(c.field, c.header) for c in kind.columns if c.required or c.field in used]


def _write_xlsx(path: Path, kind: LedgerKind, rows: list[Row]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(kind.title)
    cols = _headers(kind, rows)
    ws.append([h for _, h in cols])
    for r in rows:
        ws.append([r.get(f) for f, _ in cols])
    wb.save(path)


def _write_csv(path: Path, kind: LedgerKind, rows: list[Row]) -> None:
    cols = _headers(kind, rows)
    with path.open("w", encoding="gb18030", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([h for _, h in cols])
        for r in rows:
            writer.writerow(["" if r.get(f) is None else
                             (f"{r[f].year}年{r[f].month}月{r[f].day}日" if isinstance(r[f], date) else r[f])
                             for f, _ in cols])


def write_ledgers(nodes: list[NodeRecord], edges: list[EdgeRecord], out: Path, *,
                  csv_kinds: frozenset[str] = CSV_KINDS) -> list[Path]:
    """Write one ledger file per kind; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    ix = _Index(nodes, edges)
    written = []
    for key, kind in ledger_kinds().items():
        rows = ROWS[key](ix)
        if not rows:
            continue
        path = out / f"{kind.title}.{'csv' if key in csv_kinds else 'xlsx'}"
        (_write_csv if key in csv_kinds else _write_xlsx)(path, kind, rows)
        written.append(path)
    return written
