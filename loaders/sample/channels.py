"""Suggestion letters on common problems, and the findings of the other supervision channels."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING

from graph.model import EdgeType as T
from graph.model import enums as en
from graph.model import nodes as m
from loaders import phrasebook as pb
from loaders.sample.base import AS_OF, IssueFact

if TYPE_CHECKING:
    from loaders.sample.county import County


def build_letters(c: County) -> None:
    rng = c.rng
    for index, (rid, rnd) in enumerate(c.rounds):
        by_type: dict[str, list[IssueFact]] = defaultdict(list)
        for fact in c.issues:
            if fact.round_index == index:
                by_type[fact.ptype].append(fact)
        for key in sorted(by_type):
            facts = by_type[key]
            units = sorted({f.unit for f in facts})
            if len(units) < 3:
                continue
            letter_code = None
            category = pb.BY_KEY[key].category
            regulator = c.by_name.get(c.name + pb.REGULATORS[category][1:])
            if regulator and len(units) >= 4 and rng.random() < 0.3:
                sent = (rnd.end or rnd.start) + timedelta(days=30)
                letter_code = f"{c.name[:2]}巡建〔{sent.year}〕{len(c.truth['letters']) + 1}号"
                answered = rng.random() < 0.6
                lid = c.w.node(m.Letter(
                    code=letter_code, sent_date=sent, subject=f"关于{category}方面共性问题的巡察建议",
                    response="已部署专项治理" if answered else None,
                    response_date=sent + timedelta(days=60) if answered else None), "建议函台账")
                c.truth["letters"].append(lid)
                c.w.edge(T.ADDRESSED_TO, lid, regulator)
                for f in facts:
                    c.w.edge(T.CONCERNS, lid, f.id)
            c.truth["common_problems"].append({
                "round": rid, "problem_type": key, "category": category, "units": units,
                "issues": sorted(f.id for f in facts), "letter": letter_code})

def build_findings(c: County) -> None:
    rng = c.rng
    channel_category = {"audit": "财务管理", "discipline": "中央八项规定精神/四风", "stationed": "财务管理",
                        "petition": "惠民资金", "supervision": "工作纪律/作风"}
    units = list(c.units)
    for seq in range(300):
        channel = rng.choice(sorted(pb.CHANNEL_FINDINGS))
        uid = rng.choice(units)
        day = date(2018, 1, 1) + timedelta(days=rng.randint(0, (AS_OF - date(2018, 1, 1)).days))
        text = pb.CHANNEL_FINDINGS[channel][1].format(yr=day.year - 1, amt=round(rng.uniform(1, 50), 1))
        fid = c.w.node(m.Finding(code=f"{c.name[:2]}JD{seq + 1:04d}", channel=en.Channel(channel),
                                    found_date=day, category=channel_category[channel], text=text), "其他监督发现")
        c.w.edge(T.FOUND_AT, fid, uid)
        fic = c.fic_on(uid, day)
        if fic and rng.random() < 0.3:
            c.w.edge(T.INVOLVES, fid, fic, role="主要负责人")
        if rng.random() < 0.1:
            c.clue(fid, uid, day, text, en.Channel(channel))
