"""A requirement whose topic is a problem (``针对X…的问题，要…``, ``对于X…问题，须…``): feedback that states its
problems only inside its rectification requirements still states them — the topic is the finding, the rest what is
asked about it. Found in any paragraph, requirement sections included; a topic that repeats a problem already
taken (the same finding set out above and cited again by its requirement) is not taken twice.
"""

from __future__ import annotations

import re

from loaders.text.segments import sentences

# 针对/对于/对 + the problem + (的)问题 + ， + a modal: the problem is the requirement's topic
TOPIC = re.compile(r"^(?:针对|对于|对)(?P<topic>[^。；，,]{2,60}?(?:[、，,][^。；，,]{2,40}?){0,3}?)的?问题[，,]"
                   r"(?:局党组|党组|党委)?(?:要|须|必须|应当|务必)")


def bigrams(text: str) -> set[str]:
    """The text's two-character runs, as they stand (punctuation included)."""
    return {text[i:i + 2] for i in range(len(text) - 1)}


def requirement_topics(body: str, taken: list[str]) -> list[tuple[int, str]]:
    """(offset in body, topic) of each sentence of ``body`` whose requirement names a problem as its topic, leaving
    out a topic most of whose words an earlier problem (``taken``) already holds."""
    out = []
    for offset, sentence in sentences(body):
        m = TOPIC.match(sentence.strip())
        if m is None:
            continue
        topic = m.group("topic")
        words = bigrams(topic)
        if any(len(words & bigrams(t)) * 2 >= len(words) for t in taken):
            continue
        out.append((offset + (len(sentence) - len(sentence.lstrip())) + m.start("topic"), topic))
    return out
