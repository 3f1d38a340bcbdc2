"""A report item's severity: suggested from its own words with the reason, shown on the queue, changed by the
analyst, and carried into the graph — where every item used to be 较重 whatever the report said."""

from __future__ import annotations

import json
import sqlite3

import pytest

from graph.model.enums import Severity
from loaders.text.load import accept
from loaders.text.model import EntryKind
from loaders.text.parse import finder_for, parse_file
from loaders.text.queue import QueueError, TextQueue
from loaders.text.review import edit_entry
from loaders.text.severity import severity_rules, suggest
from tests.text.conftest import DEV

RULES = severity_rules()


@pytest.mark.parametrize(("text", "level", "cue"), [
    ("村集体资金被村干部挪用用于个人开支。", Severity.HIGH, "挪用"),
    ("违规发放津贴补贴问题较为突出。", Severity.HIGH, "较为突出"),
    ("会议记录不够规范，个别议题未留存表决情况。", Severity.LOW, "不够规范"),
    ("个别干部顶风违纪收受礼金。", Severity.HIGH, "顶风违纪"),  # a grave word outweighs a mild one
    ("基层党组织书记述职评议未开展。", Severity.MEDIUM, None),  # nothing said: the county's default, said so
    ("经查未发现挪用公款问题，但票据管理不规范。", Severity.LOW, "不规范"),  # a denied cue does not count
    ("存在专项资金被挪用的风险，监管措施不够有力。", Severity.MEDIUM, None),  # a risk is not the deed
    ("对问题严重性认识不足，整改方案照搬照抄。", Severity.MEDIUM, None),  # 严重性: the topic, not a judgement
    ("防范截留挤占的措施不够有力。", Severity.MEDIUM, None),
    ("个别问题反弹回潮，整改成果不巩固。", Severity.HIGH, "反弹回潮"),
])
def test_the_words_suggest_a_severity_and_say_which(text, level, cue):
    got, why = suggest(text, RULES)
    assert got is level
    assert (f"“{cue}”" in why) if cue else ("未言明" in why and level.label_zh in why)


@pytest.mark.parametrize(("written", "message"), [
    ({"default": "很重"}, "“default”应为 一般、较重、严重 之一"),
    ({"high": [1]}, "“high”应为不空的词语列表"),
    ({"low": ["不够规范", " "]}, "“low”应为不空的词语列表"),
    ({"window": 99}, "“window”应为 0 到 10 的整数"),
])
def test_a_settings_file_that_cannot_be_used_is_refused_naming_the_item(tmp_path, written, message):
    from graph.reviews.rules import RulesError

    (tmp_path / "severity_rules.json").write_text(json.dumps(written, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RulesError, match=message):
        severity_rules(tmp_path)


def test_a_county_changes_the_cues_and_the_default(tmp_path):
    (tmp_path / "severity_rules.json").write_text(json.dumps({"default": "一般", "high": ["述职评议未开展"]},
                                                             ensure_ascii=False), encoding="utf-8")
    rules = severity_rules(tmp_path)
    assert suggest("基层党组织书记述职评议未开展。", rules)[0] is Severity.HIGH
    assert suggest("食堂台账登记滞后。", rules) == (Severity.LOW, "文中未言明轻重，按默认一般")


@pytest.fixture()
def queued(loaded_embedded, tmp_path):
    queue = TextQueue.for_data_dir(tmp_path)
    entries = queue.add(parse_file(DEV / "speech_guanyu.txt", loaded_embedded, data_dir=tmp_path), "甲").entries
    return queue, [e for e in entries if e.kind == EntryKind.ISSUE]


def test_the_queue_shows_the_suggestion_and_the_analyst_changes_it(loaded_embedded, queued, tmp_path):
    queue, issues = queued
    assert all(e.severity is not None and e.severity_reason for e in issues)
    assert all(e.severity is suggest(e.text, RULES)[0] for e in issues)
    finder = finder_for(loaded_embedded, tmp_path)
    changed = edit_entry(loaded_embedded, queue, finder, issues[0].id, "甲", severity="严重")
    assert changed.severity is Severity.HIGH and changed.severity_reason == "甲 指定"
    with pytest.raises(QueueError, match="一般、较重、严重"):
        edit_entry(loaded_embedded, queue, finder, issues[1].id, "甲", severity="很重")
    assert queue.get(issues[1].id).severity is issues[1].severity  # refused: unchanged


def test_the_graph_gets_the_severity_the_analyst_saw(embedded, county, tmp_path):
    embedded.upsert(county.nodes, county.edges)
    queue = TextQueue.for_data_dir(tmp_path)
    finder = finder_for(embedded, tmp_path)
    issues = [e for e in queue.add(parse_file(DEV / "speech_guanyu.txt", embedded, data_dir=tmp_path), "甲").entries
              if e.kind == EntryKind.ISSUE]
    first, older = issues[0], issues[1]
    edit_entry(embedded, queue, finder, first.id, "甲", severity="low")
    with sqlite3.connect(queue.path) as db:  # an entry queued before severities were suggested
        db.execute("UPDATE entries SET severity = NULL, severity_reason = '' WHERE id = ?", (older.id,))
    accept(embedded, queue, [first.id, older.id], "甲", finder=finder)
    assert embedded.get_node(queue.get(first.id).node_id).props["severity"] == "low"
    assert embedded.get_node(queue.get(older.id).node_id).props["severity"] == suggest(older.text, RULES)[0].value
