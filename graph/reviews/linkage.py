"""贯通联动: what every supervision channel found about a unit, a person or a round, where channels overlap,
and where a hand-off stalled or never happened.

Every graph pattern is a named query (``entity_by_id``, ``linkage_items``,
``linkage_handoffs``, ``linkage_people``), so the review is the same on both
stores. Limits come from ``linkage.json`` (see :mod:`graph.reviews.rules`).

The rules:

* **overlap**: the items of the scope at one unit in one category found by two
  or more channels; and a person named by items of two or more channels (an
  issue names the people ``RESPONSIBLE_FOR`` it, a finding the people it
  ``INVOLVES``). The first finder is the channel of the earliest item.
* **stalled hand-off** (as of the review day): a clue still undisposed more than
  ``disposal_days`` after transfer; a clue under 初步核实 with no case opened
  more than ``case_decision_days`` after that disposal; a case with no outcome
  (审查中, not closed) more than ``case_outcome_days`` after it was opened.
* **data requests** (a round only): late or unanswered 巡前数据调取, see
  :mod:`graph.reviews.linkage_requests`.
* **programme** (a round marked 巡审联动 / 巡纪联动 in 巡察轮次): the figures again, counting only the items of
  inspection and the partner channel(s) (``PROGRAMME_CHANNELS``) and the hand-offs arising from them.
* **directives** (交办事项 of reports and speeches about the scope's items, its unit or its round): done, open or
  overdue after ``directive_days``, see :mod:`graph.reviews.linkage_directives`.
* **missing hand-off**: an item about a person, and the latest earlier item about
  the same person in the same category found by another channel, with no clue
  between them: none arising from the earlier item, and none naming the person
  transferred on or after the earlier item's day and on or before the later one's.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from graph.model.enums import CaseOutcome, Channel, ClueDisposal, LinkageProgramme
from graph.reviews.linkage_directives import directives
from graph.reviews.linkage_model import (
    ChannelColumn,
    Figure,
    HandOff,
    ItemLine,
    LinkageReview,
    MissingHandOff,
    Overlap,
    OverlapBasis,
    ScopeKind,
    Sighting,
    Stall,
    StallKind,
)
from graph.reviews.linkage_requests import data_requests
from graph.reviews.rules import load_rules
from graph.stores.base import QueryRunner

SCOPE_KIND = {ScopeKind.UNIT: "Unit", ScopeKind.PERSON: "Person", ScopeKind.ROUND: "Round"}
# A linkage programme's figures count the findings of inspection and of the channel it runs with.
PROGRAMME_CHANNELS = {
    LinkageProgramme.AUDIT.value: {Channel.INSPECTION.value, Channel.AUDIT.value},
    LinkageProgramme.DISCIPLINE.value: {Channel.INSPECTION.value, Channel.DISCIPLINE.value, Channel.SUPERVISION.value,
                                        Channel.STATIONED.value},
}


class LinkageNotFound(LookupError):
    """The unit, person or round named does not exist."""


def channel_zh(channel: str | None) -> str:
    if channel is None:
        return "未载明渠道"
    try:
        return Channel(channel).label_zh
    except ValueError:
        return channel or "未载明渠道"


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _days(a: date | None, b: date | None) -> int | None:
    return (b - a).days if a and b else None


def _subject(store: QueryRunner, scope: ScopeKind, subject_id: str) -> tuple[str, dict[str, Any]]:
    rows = store.run_query("entity_by_id", {"id": subject_id})
    if not rows or rows[0]["kind"] != SCOPE_KIND[scope]:
        raise LinkageNotFound(f"没有 id 为“{subject_id}”的{scope.label_zh}。")
    props = rows[0]["props"]
    return props.get("name") or props.get("title") or subject_id, props


def _items(store: QueryRunner, params: dict[str, Any]) -> list[ItemLine]:
    seen: dict[str, ItemLine] = {}
    for r in store.run_query("linkage_items", params):
        if r["item_id"] in seen:
            continue
        seen[r["item_id"]] = ItemLine(
            item_id=r["item_id"], item_kind=r["item_kind"], channel=r["channel"] or "",
            channel_zh=channel_zh(r["channel"]), code=r["code"], text=r["text"], category=r["category"],
            found_date=date.fromisoformat(r["found_date"]), unit_id=r["unit_id"], unit_name=r["unit_name"],
            round_id=r["round_id"], person_ids=r["person_ids"])
    return list(seen.values())


def handoff_lines(rows: list[dict[str, Any]], found: dict[str, date]) -> list[HandOff]:
    """Hand-off lines (clue → disposal → case → outcome, with days) from ``linkage_handoffs`` rows; the village
    profile reads its cadres' hand-offs through this too."""
    out: dict[tuple[str, str | None], HandOff] = {}
    for r in rows:
        key = (r["clue_id"], r["case_id"])
        if key in out:
            continue
        transfer, disposed, opened = date.fromisoformat(r["transfer_date"]), _day(r["disposal_date"]), _day(r["opened"])
        first = min((found[s] for s in r["source_ids"] if s in found), default=None)
        out[key] = HandOff(
            clue_id=r["clue_id"], clue_code=r["clue_code"], channel=r["channel"], source_ids=r["source_ids"],
            found_date=first, transfer_date=transfer, receiver_name=r["receiver_name"], disposal=r["disposal"],
            disposal_date=disposed, case_id=r["case_id"], case_code=r["case_code"], opened=opened,
            closed=_day(r["closed"]), outcome=r["outcome"],
            person_ids=sorted(set(r["person_ids"]) | set(r["case_person_ids"])),
            days_found_to_transfer=_days(first, transfer), days_transfer_to_disposal=_days(transfer, disposed),
            days_disposal_to_case=_days(disposed, opened), days_case_to_close=_days(opened, _day(r["closed"])))
    return list(out.values())


def _channels(items: list[ItemLine]) -> list[ChannelColumn]:
    order = [c.value for c in Channel]
    by: dict[str, list[ItemLine]] = {}
    for it in items:
        by.setdefault(it.channel, []).append(it)
    return [ChannelColumn(channel=ch, channel_zh=channel_zh(ch), count=len(found),
                          first_date=min(i.found_date for i in found), last_date=max(i.found_date for i in found),
                          item_ids=[i.item_id for i in found])
            for ch, found in sorted(by.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 99, kv[0]))]


def _figures(items: list[ItemLine], handoffs: list[HandOff]) -> list[Figure]:
    units = sorted({i.unit_id for i in items if i.unit_id})
    clues = sorted({h.clue_id for h in handoffs})
    cases = [h for h in handoffs if h.case_id]
    decided = [h for h in cases if h.outcome and h.outcome != CaseOutcome.PENDING.value]
    people = sorted({p for h in decided for p in h.person_ids})
    figures = [
        Figure(key="units_covered", label="涉及单位", value=len(units), ids=units),
        Figure(key="problems_found", label="发现问题", value=len(items), ids=[i.item_id for i in items]),
        Figure(key="clues_transferred", label="移交问题线索", value=len(clues), ids=clues),
        Figure(key="cases_opened", label="立案", value=len({h.case_id for h in cases}),
               ids=sorted({h.case_id for h in cases if h.case_id})),
        Figure(key="people_disciplined", label="处理人员", value=len(people), ids=people),
    ]
    for outcome in CaseOutcome:
        named = sorted({p for h in decided if h.outcome == outcome.value for p in h.person_ids})
        if named:
            figures.append(Figure(key=f"people_{outcome.value}", label=f"其中{outcome.label_zh}", value=len(named),
                                  ids=named))
    return figures


def review_linkage(store: QueryRunner, *, unit_id: str | None = None, person_id: str | None = None,
                   round_id: str | None = None, date_from: date | None = None, date_to: date | None = None,
                   as_of: date | None = None, rules: dict[str, Any] | None = None) -> LinkageReview:
    """The 贯通联动 review of exactly one unit, person or round, in a period (inclusive), as of a day."""
    chosen = [(k, v) for k, v in ((ScopeKind.UNIT, unit_id), (ScopeKind.PERSON, person_id),
                                  (ScopeKind.ROUND, round_id)) if v]
    if len(chosen) != 1:
        raise ValueError("请指定且只指定一个审查对象：单位、人员或巡察轮次。")
    if date_from and date_to and date_from > date_to:
        raise ValueError("期间起不能晚于期间止。")
    rules = {**load_rules("linkage"), **(rules or {})}
    as_of = as_of or date.today()
    scope, subject_id = chosen[0]
    subject_name, subject_props = _subject(store, scope, subject_id)
    items = _items(store, {"unit_id": unit_id, "person_id": person_id, "round_id": round_id,
                           "date_from": date_from, "date_to": date_to})
    found = {i.item_id: i.found_date for i in items}
    people = sorted({p for i in items for p in i.person_ids} | ({person_id} if person_id else set()))
    rows = store.run_query("linkage_handoffs", {"item_ids": sorted(found), "person_ids": people}) if found or \
        person_id else []
    every = handoff_lines(rows, found)
    shown = [h for h in every if set(h.source_ids) & set(found) or (
        person_id in h.person_ids and (not date_from or h.transfer_date >= date_from)
        and (not date_to or h.transfer_date <= date_to))]
    named = {r["person_id"]: r["name"] for r in store.run_query("linkage_people", {"person_ids": people})} \
        if people else {}
    review = LinkageReview(
        as_of=as_of, scope=scope, subject_id=subject_id, subject_name=subject_name, date_from=date_from,
        date_to=date_to, items=items, channels=_channels(items), overlaps=overlaps(items, named, only=person_id),
        handoffs=shown, stalls=stalls(shown, as_of, rules),
        missing=missing(items, every, named, only=person_id), figures=_figures(items, shown), people=named,
        data_requests=data_requests(store, round_id, as_of) if round_id else [],
        directives=directives(store, sorted(found) + [s for s in (unit_id, round_id) if s], as_of,
                              rules["directive_days"]))
    programme = subject_props.get("programme") if scope is ScopeKind.ROUND else None
    if programme is not None and programme in PROGRAMME_CHANNELS:
        counted = [i for i in items if i.channel in PROGRAMME_CHANNELS[programme]]
        ids = {i.item_id for i in counted}
        review.programme, review.programme_zh = programme, LinkageProgramme(programme).label_zh
        review.programme_figures = _figures(counted, [h for h in shown if set(h.source_ids) & ids])
    if not items:
        review.notes.append("所选期间内没有任何渠道的发现记录，各项数字为零。")
    if any(h.disposal == ClueDisposal.CASE_OPENED.value and not h.case_id for h in shown):
        review.notes.append("有线索处置方式为立案审查调查，但案件台账中没有据此立案的案件（未填线索编号），立案数可能偏少。")
    return review


def _sightings(items: list[ItemLine]) -> list[Sighting]:
    return [Sighting(item_id=i.item_id, channel=i.channel, channel_zh=i.channel_zh, found_date=i.found_date,
                     code=i.code) for i in sorted(items, key=lambda i: (i.found_date, i.item_id))]


def _overlap(basis: OverlapBasis, found: list[ItemLine], **who: str | None) -> Overlap | None:
    channels = sorted({i.channel for i in found}, key=lambda c: min(i.found_date for i in found if i.channel == c))
    if len(channels) < 2:
        return None
    sights = _sightings(found)
    first = sights[0]
    later = "、".join(channel_zh(c) for c in channels[1:])
    what = (f"{who.get('unit_name') or '该单位'}的{who.get('category') or '未分类'}问题"
            if basis is OverlapBasis.UNIT_CATEGORY else f"涉及{who.get('person_name') or '该人员'}的问题")
    sentence = (f"{what}先后被{len(channels)}个监督渠道发现：{first.channel_zh}于{first.found_date}最先发现，"
                f"其后{later}又有发现（共{len(sights)}次）。")
    return Overlap(basis=basis, channels=channels, first_channel=first.channel, first_date=first.found_date,
                   sightings=sights, sentence=sentence, **who)


def overlaps(items: list[ItemLine], names: dict[str, str], *, only: str | None = None) -> list[Overlap]:
    """The same unit and category found by two or more channels; a person named by two or more channels
    (in a person's review: that person only)."""
    out: list[Overlap] = []
    groups: dict[tuple[str, str], list[ItemLine]] = {}
    for i in items:
        if i.unit_id and i.category:
            groups.setdefault((i.unit_id, i.category), []).append(i)
    for (unit, category), found in sorted(groups.items()):
        o = _overlap(OverlapBasis.UNIT_CATEGORY, found, unit_id=unit, unit_name=found[0].unit_name,
                     category=category)
        if o:
            out.append(o)
    by_person: dict[str, list[ItemLine]] = {}
    for i in items:
        for p in i.person_ids:
            if only is None or p == only:
                by_person.setdefault(p, []).append(i)
    for person, found in sorted(by_person.items()):
        o = _overlap(OverlapBasis.PERSON, found, person_id=person, person_name=names.get(person))
        if o:
            out.append(o)
    return out


def stalls(handoffs: list[HandOff], as_of: date, rules: dict[str, Any]) -> list[Stall]:
    """Undisposed past ``disposal_days``; 初步核实 with no case past ``case_decision_days``; a case with no
    outcome past ``case_outcome_days`` (each counted from its own day to the review day)."""
    out: list[Stall] = []
    seen: set[tuple[str, str]] = set()
    for h in handoffs:
        who = h.receiver_name or "接收单位"
        if h.disposal is None and (as_of - h.transfer_date).days > rules["disposal_days"] and \
                ("d", h.clue_id) not in seen:
            seen.add(("d", h.clue_id))
            days = (as_of - h.transfer_date).days
            out.append(Stall(kind=StallKind.NO_DISPOSAL, clue_id=h.clue_id, since=h.transfer_date, days=days,
                             limit=rules["disposal_days"],
                             sentence=f"问题线索{h.clue_code}于{h.transfer_date}移交{who}，已{days}天未见处置，"
                                      f"超过{rules['disposal_days']}天的时限。"))
        if (h.disposal == ClueDisposal.PRELIMINARY_CHECK.value and h.disposal_date and not h.case_id
                and (as_of - h.disposal_date).days > rules["case_decision_days"]):
            days = (as_of - h.disposal_date).days
            out.append(Stall(kind=StallKind.NO_CASE_DECISION, clue_id=h.clue_id, since=h.disposal_date, days=days,
                             limit=rules["case_decision_days"],
                             sentence=f"问题线索{h.clue_code}于{h.disposal_date}转入初步核实，已{days}天未作出立案决定，"
                                      f"超过{rules['case_decision_days']}天的时限。"))
        if (h.case_id and h.opened and h.closed is None and h.outcome in (None, CaseOutcome.PENDING.value)
                and (as_of - h.opened).days > rules["case_outcome_days"]):
            days = (as_of - h.opened).days
            out.append(Stall(kind=StallKind.NO_OUTCOME, clue_id=h.clue_id, case_id=h.case_id, since=h.opened,
                             days=days, limit=rules["case_outcome_days"],
                             sentence=f"案件{h.case_code}于{h.opened}立案，已{days}天仍在审查中，"
                                      f"超过{rules['case_outcome_days']}天的时限。"))
    return out


def missing(items: list[ItemLine], handoffs: list[HandOff], names: dict[str, str], *,
            only: str | None = None) -> list[MissingHandOff]:
    """For each item about a person: the latest earlier item (strictly earlier day) about the same person in the
    same category from another channel; missing when no clue arose from that earlier item and no clue naming
    the person was transferred between the two days (both included). In a person's review, that person only."""
    out: list[MissingHandOff] = []
    by_key: dict[tuple[str, str | None], list[ItemLine]] = {}
    for i in items:
        for p in i.person_ids:
            if only is None or p == only:
                by_key.setdefault((p, i.category), []).append(i)
    for (person, category), found in sorted(by_key.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        found.sort(key=lambda i: (i.found_date, i.item_id))
        for later in found:
            earlier = [e for e in found if e.found_date < later.found_date and e.channel != later.channel]
            if not earlier:
                continue
            first = earlier[-1]
            handed = any(first.item_id in h.source_ids or (
                person in h.person_ids and first.found_date <= h.transfer_date <= later.found_date) for h in handoffs)
            if handed:
                continue
            name = names.get(person) or "该人员"
            out.append(MissingHandOff(
                person_id=person, person_name=names.get(person), category=category, earlier_id=first.item_id,
                earlier_channel=first.channel, earlier_date=first.found_date, later_id=later.item_id,
                later_channel=later.channel, later_date=later.found_date,
                sentence=f"{first.channel_zh}于{first.found_date}发现涉及{name}的{category or ''}问题"
                         f"（{first.code or first.item_id}），{later.channel_zh}于{later.found_date}再次发现"
                         f"（{later.code or later.item_id}），其间没有移交问题线索。"))
    return out


def linkage_keys(review: LinkageReview) -> dict[str, set[tuple[str, ...]]]:
    """What the benchmark and the tests compare with a planted truth: overlaps, stalls, missing hand-offs."""
    return {"overlaps": {o.key for o in review.overlaps},
            "stalls": {(s.kind.value, s.subject) for s in review.stalls},
            "missing": {(m.person_id, m.earlier_id, m.later_id) for m in review.missing}}
