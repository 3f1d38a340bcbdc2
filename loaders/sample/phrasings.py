"""A second phrasing source for planted repeats, written apart from the repeat lexicon (issue 13, item 5).

The sample's repeats were all told in the phrasebook's words, the same words
the repeat lexicon was written against, so generator truth flattered the
method. ``phrasings_b.json`` says each problem type again in other office
words (everyday against formal terms, abbreviations, clauses turned round,
added figures); it was written from ``loaders/phrasebook.py`` alone, without
opening the lexicon or the scoring code. It must never be tuned to what the
method finds, nor the lexicon to it: then the split in ``bench/quality.py``
would flatter again.

Every ``SHARE_EVERY``-th repeat a county's rounds plant (counted in the order
they are planted) is told in the second source's words; the others keep the
phrasebook's, so both are measured. The village-risk relapses and the planted
一案三改 cases keep their own words (labelled ``phrasebook`` and
``case_reviews`` in the truth). Which of a problem's second phrasings
is used comes from a stream of its own, seeded from ``(seed, county)``, so the
county's main stream, and with it every other record, is drawn as before.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

SHARE_EVERY = 2
PHRASEBOOK, SECOND = "phrasebook", "phrasings_b"  # the wording a planted repeat pair is labelled with in the truth


@cache
def second_source() -> dict[str, tuple[str, ...]]:
    """Problem type key → its second-source templates (slots as in the phrasebook: {n}, {amt}, {yr})."""
    data = json.loads(files("loaders.sample").joinpath("phrasings_b.json").read_text("utf-8"))
    return {key: tuple(texts) for key, texts in data["problems"].items()}


def uses_second_source(ordinal: int) -> bool:
    """Whether a county's ``ordinal``-th planted repeat (1-based) is told in the second source's words."""
    return ordinal % SHARE_EVERY == 0


def pair_wording(later: str, earlier: str) -> str:
    """A pair is measured as second-source when either side was told in the second source's words."""
    return SECOND if SECOND in (later, earlier) else PHRASEBOOK
