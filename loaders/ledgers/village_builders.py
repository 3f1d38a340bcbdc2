"""Ledger rows about village facts (企业、项目、惠民补贴、信访、亲属关系) → graph records.

Kept apart from :mod:`loaders.ledgers.builders` (the inspection and rectification
ledgers) so each module stays one subject; both use its helpers.
"""

from __future__ import annotations

from typing import Any

from graph.model import EdgeRecord
from graph.model import nodes as m
from loaders.ledgers.building import Built, Context, K, T, code_ref, edge, model, person, unit_ref


def companies(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    company = model(m.Company, name=r["name"], credit_code=r["credit_code"])
    out.nodes.append(company)
    ctx.codes[("Company", r["credit_code"])] = company.id
    if r.get("person"):
        pid = person(ctx, out, r, name="person", id_hash="person_id_hash", id_number="person_id_number")
        out.edges.append(lambda: [edge(T.OWNS_OR_REPRESENTS, (K.PERSON, pid), (K.COMPANY, company.id),
                                       role="法定代表人")])
    return out


def projects(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    project = model(m.Project, code=r["code"], name=r["name"], year=r["year"], amount=r["amount"],
                    fund_source=r.get("fund_source"))
    out.nodes.append(project)
    ctx.codes[("Project", r["code"])] = project.id
    vid = unit_ref(ctx, out, r, "village")
    contractor = code_ref(ctx, "Company", r["contractor_code"], "contractor_code") if r.get("contractor_code") else None

    def links() -> list[EdgeRecord]:
        edges = [edge(T.LOCATED_AT, (K.PROJECT, project.id), (K.UNIT, vid))]
        if contractor:
            edges.append(edge(T.CONTRACTED, (K.COMPANY, contractor), (K.PROJECT, project.id),
                              amount=r.get("contract_amount")))
        return edges

    out.edges.append(links)
    return out


def benefits(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    vid = unit_ref(ctx, out, r, "village")
    pid = person(ctx, out, r, unit_id=None, on=None)
    benefit = model(m.Benefit, benefit_kind=r["benefit_kind"], recipient_id=pid, village_id=vid, year=r["year"],
                    amount=r["amount"])
    out.nodes.append(benefit)
    out.edges.append(lambda: [edge(T.RECEIVED, (K.PERSON, pid), (K.BENEFIT, benefit.id)),
                              edge(T.LOCATED_AT, (K.BENEFIT, benefit.id), (K.UNIT, vid))])
    return out


def petitions(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    petition = model(m.Petition, code=r["code"], received_date=r["received_date"], topic=r["topic"],
                     status=r["status"])
    out.nodes.append(petition)
    vid = unit_ref(ctx, out, r, "village")
    out.edges.append(lambda: [edge(T.LOCATED_AT, (K.PETITION, petition.id), (K.UNIT, vid))])
    return out


def relatives(ctx: Context, r: dict[str, Any]) -> Built:
    out = Built()
    cadre = person(ctx, out, r, name="cadre", id_hash="cadre_id_hash", id_number="cadre_id_number")
    relative = person(ctx, out, r, name="relative", id_hash="relative_id_hash", id_number="relative_id_number")
    record = edge(T.RELATIVE_OF, (K.PERSON, cadre), (K.PERSON, relative), relation=r["relation"])
    out.edges.append(lambda: [record])
    return out
