"""Landline and bank card numbers in free text: replaced by marked tokens before storage, never shown to a viewer
even when stored before the rule existed, and rewritten in place by ``xuncha privacy rewrite`` (dry run by default,
--apply in one write, audited). Ordinary numbers — amounts, codes, dates, 文号 — are left alone.

The numbers are made up: the card numbers carry a valid Luhn digit, the landlines use real area-code shapes.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import AccountStore, Role
from api.privacy_commands import rewrite
from graph.analysis import kept
from graph.model import NodeKind
from graph.settings import Settings
from graph.stores.embedded import EmbeddedStore
from graph.text_privacy import BANK_TOKEN, LANDLINE_TOKEN, PHONE_TOKEN, has_personal_number, luhn, redact_text
from loaders.ledgers.load import Loader
from loaders.text.queue import TextQueue
from tests.loaders.test_hostile import base_store
from tests.loaders.test_malformed import ISSUE_HEAD, issue, write_csv

ROOT = Path(__file__).resolve().parents[2]
CARD = "6222021234567890128"  # 19 digits, Luhn-valid
CARD16 = "4111111111111111"
LANDLINE = "0571-88001234"
RAW = f"经查，联系电话{LANDLINE}，收款卡号{CARD}，另一卡 4111 1111 1111 1111"


@pytest.mark.parametrize(("text", "expected"), [
    (f"电话{LANDLINE}。", f"电话{LANDLINE_TOKEN}。"),
    ("电话 (0851)6123456、（010）82345678、0851 6123456", f"电话 {LANDLINE_TOKEN}、{LANDLINE_TOKEN}、{LANDLINE_TOKEN}"),
    ("座机057188001234", f"座机{LANDLINE_TOKEN}"),
    ("座机０５７１－８８００１２３４", f"座机{LANDLINE_TOKEN}"),
    (f"卡号{CARD}", f"卡号{BANK_TOKEN}"),
    ("卡号 6222 0212 3456 7890 128。", f"卡号 {BANK_TOKEN}。"),
    (f"卡号{CARD16}、4111 1111 1111 1111", f"卡号{BANK_TOKEN}、{BANK_TOKEN}"),
    (f"手机13912345678/座机{LANDLINE}/卡{CARD}", f"手机{PHONE_TOKEN}/座机{LANDLINE_TOKEN}/卡{BANK_TOKEN}"),
])
def test_landlines_and_cards_become_tokens(text, expected):
    assert redact_text(text) == expected
    assert has_personal_number(text) and not has_personal_number(expected)


@pytest.mark.parametrize("text", [
    "问题编号 宁川0062-15-2-01，整改台账 NC-0571-88001234",  # codes: parts joined by hyphens
    "涉及资金12345678.90元，共16笔，合计 1,234,567 元",  # amounts
    "2023-05-01 至 2023年12月31日，20230501",  # dates
    "宁纪发〔2023〕15号、宁巡组〔2022〕3号",  # 文号
    "合同号6222021234567890127",  # 19 digits failing the Luhn check: not a card
    "流水号 62220212345678901280",  # 20 digits: longer than any card
    "邮编 310000，区号0571",  # too short for a landline
    "电话 0571-0123456 与 0571-1234567",  # a local number never starts with 0 or 1
])
def test_ordinary_numbers_are_left_alone(text):
    assert redact_text(text) == text


def test_luhn_is_what_tells_a_card_from_a_long_number():
    assert luhn(CARD) and luhn(CARD16) and not luhn(CARD[:-1] + "7")


@pytest.fixture
def folder(tmp_path) -> Path:
    base_store(tmp_path)
    (tmp_path / "id_salt").write_text("test-salt", "utf-8")
    return tmp_path


def _issue(folder: Path) -> tuple[str, str]:
    """An issue stored the old way: its text with the numbers in it (written past the loader, as old data was)."""
    store = EmbeddedStore(folder / "graph.sqlite")
    Loader(store, "test-salt").load(write_csv(folder / "问题清单.csv", [ISSUE_HEAD, issue(问题描述="报销凭证不全")]))
    node = next(n for n in store.iter_nodes() if n.kind is NodeKind.ISSUE)
    store.upsert([node.model_copy(update={"props": {**node.props, "text": RAW}})], [])
    store.close()
    return node.id, node.props["text"]


def test_the_loader_stores_tokens_for_landlines_and_cards(folder):
    store = EmbeddedStore(folder / "graph.sqlite")
    Loader(store, "test-salt").load(write_csv(folder / "问题清单.csv", [ISSUE_HEAD, issue(问题描述=RAW)]))
    text = next(n for n in store.iter_nodes() if n.kind is NodeKind.ISSUE).props["text"]
    store.close()
    assert text == f"经查，联系电话{LANDLINE_TOKEN}，收款卡号{BANK_TOKEN}，另一卡 {BANK_TOKEN}"


def test_a_viewer_never_sees_them_even_in_text_stored_before_the_rule(folder):
    issue_id, _ = _issue(folder)
    accounts = AccountStore(folder / "accounts.sqlite")
    viewer = accounts.add("p_viewer", Role.VIEWER)
    analyst = accounts.add("p_analyst", Role.ANALYST)
    accounts.close()
    with TestClient(create_app(Settings(data_dir=folder, store="embedded"))) as client:
        answers = [client.get(path, headers={"Authorization": f"Bearer {viewer}"})
                   for path in (f"/entities/{issue_id}", f"/entities/{issue_id}/card", "/search?text=报销")]
        for answer in answers:
            assert answer.status_code in (200, 404), answer.text
            assert CARD not in answer.text and "88001234" not in answer.text and "4111" not in answer.text
        assert answers[0].status_code == 200 and LANDLINE_TOKEN in answers[0].text and BANK_TOKEN in answers[0].text
        # An analyst reads what is stored (until `xuncha privacy rewrite` redacts it): the rule is the viewer's.
        stored = client.get(f"/entities/{issue_id}", headers={"Authorization": f"Bearer {analyst}"})
        assert CARD in stored.text


def _xuncha(folder: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XUNCHA_DATA_DIR": str(folder), "XUNCHA_STORE": "embedded"}
    return subprocess.run([sys.executable, "-m", "api.cli", "privacy", "rewrite", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_privacy_rewrite_counts_then_rewrites_in_one_write_and_is_audited(folder):
    issue_id, _ = _issue(folder)
    dry = _xuncha(folder, "--json")
    assert dry.returncode == 0, dry.stderr
    counted = json.loads(dry.stdout)
    assert (counted["applied"], counted["nodes"], counted["numbers"]) == (False, 1, {"电话号码": 1, "银行卡号": 2})
    store = EmbeddedStore(folder / "graph.sqlite")
    assert store.get_node(issue_id).props["text"] == RAW  # a dry run changes nothing
    kept.warm(store)  # results kept beside the store, as a load leaves them
    assert list(store.results_dir.glob("*.json"))
    store.close()

    done = _xuncha(folder, "--apply")
    assert done.returncode == 0 and "已改写：1 个节点" in done.stdout, done.stdout + done.stderr
    store = EmbeddedStore(folder / "graph.sqlite")
    redacted = f"经查，联系电话{LANDLINE_TOKEN}，收款卡号{BANK_TOKEN}，另一卡 {BANK_TOKEN}"
    assert store.get_node(issue_id).props["text"] == redacted
    store.close()
    raw = b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith("graph.sqlite") and p.is_file())
    assert CARD.encode() not in raw and b"88001234" not in raw  # not left behind in free pages or the log
    assert not list((folder / "graph.sqlite.results").glob("*.json"))  # nor in a kept result quoting the old text
    again = json.loads(_xuncha(folder, "--json").stdout)
    assert again["nodes"] == 0 and again["numbers"] == {}
    audit = sqlite3.connect(folder / "audit.sqlite")
    rows = audit.execute("SELECT endpoint FROM audit WHERE action = 'privacy.rewrite'").fetchall()
    audit.close()
    assert len(rows) == 3 and all(r[0] == "xuncha privacy rewrite" for r in rows)


def test_privacy_rewrite_on_neo4j(neo4j_store, tmp_path):
    neo4j_store.clear()
    _issue_folder = tmp_path / "n"
    _issue_folder.mkdir()
    base_store(_issue_folder)
    issue_id, _ = _issue(_issue_folder)
    source = EmbeddedStore(_issue_folder / "graph.sqlite")
    neo4j_store.upsert(list(source.iter_nodes()), list(source.iter_edges()))
    source.close()
    counted = rewrite(neo4j_store, apply=False)
    assert (counted.nodes, counted.numbers) == (1, {"电话号码": 1, "银行卡号": 2})
    assert neo4j_store.get_node(issue_id).props["text"] == RAW
    assert rewrite(neo4j_store, apply=True).applied
    assert BANK_TOKEN in neo4j_store.get_node(issue_id).props["text"]
    assert rewrite(neo4j_store, apply=False).nodes == 0


def test_privacy_rewrite_also_redacts_the_report_text_queue(folder):
    queue = TextQueue.for_data_dir(folder)  # an entry parsed before numbers were redacted on reading
    with sqlite3.connect(folder / "text_queue.sqlite") as db:
        db.execute("INSERT INTO documents VALUES ('d1', '旧报告.txt', 'feedback', NULL, NULL, 3, '2026-01-01', '甲')")
        db.execute("INSERT INTO entries (sha256, kind, seq, fingerprint, paragraph, text, confidence, reasons, "
                   "created_at) VALUES ('d1', 'issue', 1, 'f1', 2, ?, 0.9, '[]', '2026-01-01')", (RAW,))
    counted = json.loads(_xuncha(folder, "--json").stdout)
    assert counted["queue_entries"] == 1 and counted["numbers"] == {"电话号码": 1, "银行卡号": 2}
    with sqlite3.connect(folder / "text_queue.sqlite") as db:
        print_before = db.execute("SELECT fingerprint FROM entries").fetchone()[0]
    assert queue.get(1).text == RAW  # a dry run changes nothing
    done = _xuncha(folder, "--apply")
    assert done.returncode == 0 and "审核队列 1 条" in done.stdout, done.stdout + done.stderr
    assert queue.get(1).text == f"经查，联系电话{LANDLINE_TOKEN}，收款卡号{BANK_TOKEN}，另一卡 {BANK_TOKEN}"
    raw = b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith("text_queue.sqlite"))
    assert CARD.encode() not in raw and b"88001234" not in raw
    with sqlite3.connect(folder / "text_queue.sqlite") as db:  # the identity is a digest of the cleaned text now
        assert db.execute("SELECT fingerprint FROM entries").fetchone()[0] != print_before


def test_a_dry_run_where_there_is_no_queue_makes_none(folder):
    assert _xuncha(folder, "--json").returncode == 0 and not (folder / "text_queue.sqlite").exists()


def test_a_relationships_source_files_are_never_taken_for_numbers(tmp_path):
    """A file's id could be sixteen digits that pass Luhn: where an edge names its files (``source_doc``,
    ``also_from``) is an id, not text a person wrote, and the rewrite leaves it."""
    from graph.model import EdgeRecord, EdgeType, NodeRecord

    store = EmbeddedStore(tmp_path / "graph.sqlite")
    unit, rnd = NodeRecord(id="unit_a", kind=NodeKind.UNIT, props={"name": "甲局"}), NodeRecord(
        id="rnd_a", kind=NodeKind.ROUND, props={"title": "第一轮"})
    doc = f"doc_{CARD16}"
    store.upsert([unit, rnd], [EdgeRecord(id="e_a", type=EdgeType.INSPECTED, src="rnd_a", src_kind=NodeKind.ROUND,
                                          dst="unit_a", dst_kind=NodeKind.UNIT,
                                          props={"round_id": "rnd_a", "source_doc": doc, "also_from": [doc]})])
    assert rewrite(store, apply=False).edges == 0 and has_personal_number(doc)
    store.close()
