"""The console's first lock, the text guard, on its own (no server): one-pass tokens, refusals, bounds.

Every query here is also sent to a real Neo4j in ``test_console_neo4j.py``, where the second lock
(Neo4j's own plan) must refuse it without the text guard's help.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from api.routers.console import limits_from
from graph.console import ConsoleAnswer, ConsoleLimits, ConsoleRefused, bare, check_read_only, json_size, tokens

PASSWD = "'file:///etc/passwd'"
# Ways to read a file, fetch a URL or reach the server's administration, each hidden a different way.
BYPASSES = [
    f"WITH '//' AS a LOAD CSV FROM {PASSWD} AS l RETURN l",  # the bypass of issue 12
    f"WITH \"//\" AS a LOAD CSV FROM {PASSWD} AS l RETURN l",
    f"WITH '/*' AS a LOAD CSV FROM {PASSWD} AS l RETURN l // */",
    f"WITH 'it\\'s // not' AS a LOAD CSV FROM {PASSWD} AS l RETURN l",
    f"WITH 1 AS `//` LOAD CSV FROM {PASSWD} AS l RETURN l",
    f"WITH 1 AS `a``//` LOAD CSV FROM {PASSWD} AS l RETURN l",
    f"WITH '//'\nAS a\nLOAD\nCSV FROM {PASSWD} AS l RETURN l",
    f"WITH '//' AS a LOAD/**/CSV FROM {PASSWD} AS l RETURN l",
    f"load csv from {PASSWD} as l return l",
    f"LOAD CSV WITH HEADERS FROM {PASSWD} AS l RETURN l",
    f"MATCH (u:Unit) WITH u LIMIT 1 LOAD CSV FROM {PASSWD} AS l RETURN u, l",
    f"CALL () {{ LOAD CSV FROM {PASSWD} AS l RETURN l }} RETURN l",
    f"RETURN 1 AS l UNION LOAD CSV FROM {PASSWD} AS l RETURN l",
    f"RETURN COLLECT {{ LOAD CSV FROM {PASSWD} AS l RETURN l }} AS x",
    f"MATCH (n:Unit) WHERE EXISTS {{ LOAD CSV FROM {PASSWD} AS l RETURN l }} RETURN n",
    "WITH '//' AS a LOAD CSV FROM 'http://127.0.0.1:7474/db/data' AS l RETURN l",  # SSRF
    "RETURN '\\u0027' AS a",  # a quote written as an escape: Neo4j reads it as a quote
    f"\\u004cOAD CSV FROM {PASSWD} AS l RETURN l",
    "WITH '//' AS a CALL dbms.listConfig() YIELD name, value RETURN name, value",
    "CALL dbms.listConfig()",
    "CALL`dbms`.`listConfig`()",
    "CALL dbms . listConfig()",
    "CALL /* x */ dbms.components()",
    "CALL dbms.showCurrentUser()",
    "CALL db.createLabel('X')",
    "CALL db.info()",
    "CALL apoc.load.json('file:///etc/passwd')",
    "CALL apoc.cypher.run('MATCH (n) DETACH DELETE n', {})",
    "RETURN apoc.text.join(['a'], ',')",
    "RETURN apoc.`load`.json('x')",
    "SHOW TRANSACTIONS",
    "show\ttransactions",
    "SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery",
    "SHOW USERS",
    "SHOW SETTINGS",
    "SHOW PROCEDURES",
    "SHOW FUNCTIONS",
    "SHOW DATABASES",
    "SHOW CURRENT USER",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "CALL () { MATCH (n:Unit) RETURN n.name AS y } IN TRANSACTIONS RETURN y",
    "MATCH (n:Unit) CALL (n) { SET n.x = 1 }",
    "CALL { CREATE (n) RETURN n } RETURN n",
    "USE system CALL db.labels()",
    "USE system SHOW USERS",
    "RETURN 1; RETURN 2",
    "RETURN 1 // x\n; CREATE (m)",
    "PROFILE MATCH (n:Unit) RETURN n LIMIT 1",
]
WRITES = [
    "CREATE (n:Unit {id: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "match (n:Unit) set n.name = 'x'",
    "MERGE (n:Person {id: 'p'}) RETURN n",
    "MATCH (n) REMOVE n.name",
    "MATCH (n)-[r]->() DELETE r",
    "MATCH (n) FOREACH (x IN [1] | SET n.a = 1)",
    "MATCH (n) RETURN n /* harmless */ ; CREATE (m)",
    "cReAtE (n)",
    "MATCH (n)\tDETACH\n\nDELETE n",
    "DROP INDEX foo",
    "CREATE CONSTRAINT c FOR (n:X) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX x FOR (n:Unit) ON (n.zzz)",
    "MATCH (n) WITH n SET n:Flag",
    "MATCH (n) RETURN n UNION MATCH (n) SET n.x = 1 RETURN n",
    "CALL dbms.security.createUser('u', 'p', false)",
    "MATCH (n) RETURN n; \\u0043REATE (m)",
    "INSERT (n:Unit {id: 'x'})",
]
READS = [
    ("MATCH (u:Unit) RETURN count(u) AS n", {}),
    ("MATCH (u:Unit) WHERE u.name CONTAINS $text RETURN u.name AS name ORDER BY name LIMIT 3", {"text": "局"}),
    ("MATCH (n:Issue) WHERE n.text = 'CREATE or DELETE in a string is fine' RETURN count(n)", {}),
    ("RETURN 'LOAD CSV FROM file:///etc/passwd // SHOW USERS' AS s", {}),
    ("RETURN \"it's /* not a comment */\" AS s // a comment with 'CREATE'", {}),
    ("MATCH (n:`Unit`) RETURN n LIMIT 2", {}),
    ("CALL db.labels() YIELD label RETURN label ORDER BY label", {}),
    ("CALL () { MATCH (u:Unit) RETURN count(u) AS c } RETURN c", {}),
    ("MATCH ()-[r:HOLDS_POST]->() RETURN r.start, r.end LIMIT 3", {}),
    ("RETURN date.truncate('month', date('2024-05-17')) AS d, point.distance(point({x: 0, y: 0}), "
     "point({x: 3, y: 4})) AS p", {}),
    ("MATCH (u:Unit)\nRETURN u.name\nLIMIT 1;", {}),
]


@pytest.mark.parametrize("text", BYPASSES + WRITES)
def test_the_text_guard_refuses_every_bypass_and_write(text):
    with pytest.raises(ConsoleRefused):
        check_read_only(text)


@pytest.mark.parametrize(("text", "params"), READS)
def test_reads_pass_the_text_guard(text, params):
    check_read_only(text)


def test_strings_comments_and_names_are_read_in_one_pass():
    assert bare("WITH '//' AS a LOAD CSV FROM 'x' AS l RETURN l").split() == \
        ["WITH", "''", "AS", "A", "LOAD", "CSV", "FROM", "''", "AS", "L", "RETURN", "L"]
    assert bare("RETURN '/*' AS a /* '*/ RETURN 1").split() == ["RETURN", "''", "AS", "A", "RETURN", "1"]
    assert bare("RETURN \"a\\\"//\" AS `x``y` // c").split() == ["RETURN", "''", "AS", "X"]
    assert [kind for kind, _ in tokens("RETURN 'a' + \"b\"")] == ["code", "string", "code", "string"]


@pytest.mark.parametrize("text", ["RETURN 'open", "RETURN `open", "RETURN 1 /* open", "RETURN 'a\\'"])
def test_an_unclosed_string_comment_or_name_is_refused(text):
    with pytest.raises(ConsoleRefused, match="未闭合"):
        check_read_only(text)


def test_refusals_say_in_chinese_what_was_refused():
    def message(text: str) -> str:
        with pytest.raises(ConsoleRefused) as caught:
            check_read_only(text)
        return str(caught.value)

    assert "LOAD CSV" in message(BYPASSES[0])
    assert "dbms.listconfig" in message("CALL dbms.listConfig()")
    assert "SHOW" in message("SHOW USERS")
    assert "USE" in message("USE system SHOW USERS")
    assert "多条语句" in message("RETURN 1; RETURN 2")
    assert "Unicode" in message("RETURN '\\u0027'")
    assert "apoc.text.join" in message("RETURN apoc.text.join(['a'], ',')")
    assert "写操作“CREATE”" in message("CREATE (n)")


def test_the_answer_is_bounded_by_rows_and_by_bytes():
    limits = ConsoleLimits(max_rows=3, max_bytes=1_000)
    by_rows = ConsoleAnswer(columns=["n"])
    assert [by_rows.add([i], limits) for i in range(5)] == [True, True, True, False, False]
    assert by_rows.truncated and len(by_rows.rows) == 3 and "3 行" in by_rows.note

    one_huge_row = ConsoleAnswer(columns=["r"])
    assert one_huge_row.add([list(range(3_000_000))], limits) is False
    assert one_huge_row.rows == [] and one_huge_row.truncated and "MB" in one_huge_row.note

    by_bytes = ConsoleAnswer(columns=["s"])
    limits = ConsoleLimits(max_rows=5000, max_bytes=1_000)
    while by_bytes.add(["汉字" * 20], limits):
        pass
    assert by_bytes.truncated and len(json.dumps(by_bytes.rows, ensure_ascii=False).encode()) <= 1_000


def test_json_size_is_the_compact_utf8_size_and_stops_early():
    value = {"名字": ["张三", 1, 2.5, None, True, {"a": "b"}]}
    exact = len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())
    assert exact <= json_size(value, 10_000) <= exact + 10
    assert json_size(list(range(10_000_000)), 100) <= 200  # stopped after a few items, not ten million


def test_limits_come_from_optional_app_settings():
    assert limits_from(None) == ConsoleLimits()
    custom = limits_from(SimpleNamespace(console_max_bytes=50_000, console_timeout_s=3.0))
    assert (custom.max_bytes, custom.timeout_s, custom.max_rows) == (50_000, 3.0, ConsoleLimits().max_rows)
