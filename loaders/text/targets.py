"""Targets: which request of a sentence each body it asks is given — the text after the body up to the next body
asked in a later clause, the next numbered entry or a unit told to act itself; a regulator asked again by its
name; the co-regulators asked severally; a county department opening a clause on a lead verb (行业主管部门).
Kept apart from who is asked (``addressing``) and from what a request is about (``directives``).
"""

from __future__ import annotations

import re
from typing import Any

from loaders.text.addressing import Addressing
from loaders.text.asking import SEVERALLY
from loaders.text.items import Walker
from loaders.text.request_scope import NEXT_ENTRY, next_subject

# a second charge to the same body, opening on what it is about and carrying its own modal (县纪委监委要把整改情况
# 纳入日常监督，对县X局整改滞后问题要约谈…): a request of its own when it names a unit (``follow_on``)
FOLLOW_ON = re.compile(r"[，,](?:特别是|尤其是|其中)?(?=对([^，。；]{2,30}?)(?<![索需重主])(?:要|须|必须|应当))")


class Targets(Addressing):
    def __init__(self, walker: Walker, rules: dict[str, Any]) -> None:
        super().__init__(walker, rules)
        leads = "|".join(map(re.escape, rules["lead_verbs"]))
        self.lead = re.compile(rf"^(?:要|须)?(?:{leads})")

    def _targets(self, sentence: str) -> list[tuple[str, str, str, str | None]]:
        """(body, request, text after the body, the lead department's unit id) for each body the sentence asks."""
        out = []
        spans = self.spans(sentence)
        marked = {id(s): self.regulator(sentence, s) for s in spans}
        asked = [s for s in spans if marked[id(s)] or self.addressed(sentence, s)]
        for i, span in enumerate(asked):
            if i + 1 < len(asked) and asked[i + 1].body == span.body and re.fullmatch(
                    r"[，,]\s*(?:请|建议)[\u4e00-\u9fff]{0,3}", sentence[span.end:asked[i + 1].start]):
                continue  # 已抄送县委组织部，请县委组织部…: one body named twice, asked once
            stop = len(sentence)  # a body asked in a later clause has its own request: …查处…，组织部门要…
            for later in asked[i + 1:]:
                semi = [i for i in (sentence.find(p, span.end, later.start) for p in "；;") if i > 0]
                cut = min(semi) if semi else max(sentence.rfind(p, span.end, later.start) for p in "，,")
                if cut > span.end:  # a ；-clause is the request of its own body
                    stop = cut
                    break
            entry = NEXT_ENTRY.search(sentence[span.end:stop])
            stop = span.end + entry.start() if entry else stop  # …；四是X局要…: the next numbered entry is not its request
            own = next_subject(self.walker, sentence[span.end:stop])
            stop = span.end + own if own is not None else stop  # …；X镇党委要…: the unit told to act itself
            m = re.search(r"(?:要|须|必须|应当|负责|牵头)", sentence[span.end:stop])
            start = span.end + (m.start() if m and m.start() < 16 else 0)
            request, rest = sentence[start:stop].lstrip("，,").rstrip("。；，"), sentence[span.end:stop]
            if (at := self.follow_on(rest)) is not None:  # …，对县X局…要…: the body's second charge, about X
                second = rest[at:].lstrip("，,").rstrip("。；，")
                out.append((span.body, second, second, marked[id(span)]))
                request, rest = sentence[start:span.end + at].lstrip("，,"), rest[:at]
            out.append((span.body, request, rest, marked[id(span)]))
            if (uid := marked[id(span)]) is not None:  # …；X局要督促B…: the regulator asked again by its name
                out += [(span.body, *again, uid) for again in self.regulator_again(sentence, stop, uid)]
            if SEVERALLY.match(request) or SEVERALLY.match(rest):  # 县A局、县B局…职责，分别对…: each its own
                out += [(span.body, request, rest, uid) for uid in self.co_regulators(sentence, span, marked[id(span)])]
        if not any(s.body == "行业主管部门" for s in spans):
            for mention in self.walker.finder.mentions(sentence):  # at the start of a clause
                clause = max(sentence.rfind(p, 0, mention.start) for p in "，；:：") + 1
                if mention.start - clause > 4 or self.walker.is_body(mention.form):
                    continue
                rest = sentence[mention.end:]
                if self.lead.match(rest):
                    uid = self.walker.finder.resolve(mention.form).unit_id
                    if self.walker.finder.kind(uid) == "county_department":
                        out.append(("行业主管部门", rest.rstrip("。；"), rest, uid))
        return out

    def follow_on(self, rest: str) -> int | None:
        """Where a request's text holds a second charge to the same body (``…，对县林业局班子运行情况要专门研判``):
        a clause opening on 对 with its own 要 that names a unit (not a body). Writers count it apart from the general
        charge before it; one naming no unit (``对发现的问题要一查到底``) goes on the same request, and so does all
        of a request that is no charge of its own first (``由县纪委监委牵头，对…``)."""
        if not re.match(r"(?:要|须|必须|应当)", rest):
            return None
        for m in FOLLOW_ON.finditer(rest):
            if m.start() > 0 and any(not self.walker.is_body(u.form) for u in self.walker.finder.mentions(m.group(1))):
                return m.start()
        return None
