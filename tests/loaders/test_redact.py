"""ID and mobile numbers in free text never reach the store: the loader writes a marked token in their place.

The numbers below are made up for this test (the ID numbers carry valid check digits, the phone numbers are
in mobile ranges); nothing here is a real person's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model.ids import hash_identity_number
from graph.stores.embedded import EmbeddedStore
from graph.text_privacy import ID_TOKEN, PHONE_TOKEN, has_personal_number, is_id_number, redact_text
from loaders.ledgers.cells import parse_cell, private_text
from loaders.ledgers.load import Loader
from tests.loaders.test_malformed import ISSUE_HEAD, ROUNDS, UNITS, issue, write_csv

ID18 = "11010519491231002X"  # valid check digit
ID18_TYPO = "110105194912310021"  # a clerk's typo: wrong check digit, still a person's number
ID15 = "110105491231002"
PHONE = "13912345678"


@pytest.mark.parametrize(("text", "expected"), [
    (f"身份证号{ID18}，", f"身份证号{ID_TOKEN}，"),
    (f"身份证号{ID18.lower()}", f"身份证号{ID_TOKEN}"),
    (f"号码{ID18_TYPO}有误", f"号码{ID_TOKEN}有误"),
    (f"老证{ID15}。", f"老证{ID_TOKEN}。"),
    ("证号 110105 19491231 002X", f"证号 {ID_TOKEN}"),
    ("证号１１０１０５１９４９１２３１００２Ｘ", f"证号{ID_TOKEN}"),
    (f"电话{PHONE}", f"电话{PHONE_TOKEN}"),
    ("电话139-1234-5678或139 1234 5678", f"电话{PHONE_TOKEN}或{PHONE_TOKEN}"),
    (f"+86 {PHONE}、86-{PHONE}、Tel:{PHONE}", f"{PHONE_TOKEN}、{PHONE_TOKEN}、Tel:{PHONE_TOKEN}"),
    ("手机１３９１２３４５６７８", f"手机{PHONE_TOKEN}"),
    (f"{PHONE}/{ID18}", f"{PHONE_TOKEN}/{ID_TOKEN}"),
])
def test_numbers_become_tokens(text, expected):
    assert redact_text(text) == expected
    assert not has_personal_number(redact_text(text))


@pytest.mark.parametrize("text", [
    "2022年5月26日发现，涉及资金123456.78元，共15笔",
    "项目编号 NC2023110105194912310021 已立项",  # part of a longer code
    "流水号 913912345678 与 1391234567 均不是手机号",  # 12 and 10 digits
    "统一社会信用代码 91330100MA27XYZ12Q",
    "摘要 a13912345678b 与 per_11010519491231002",  # inside ids and digests
    "电话 12345678901，编号 NC-0571-88886666",  # not a mobile range; a landline's digits inside a code
    "20220101 至 20221231",
    "号码 110105194913310021",  # the 13th month: not a birth date
])
def test_other_numbers_stay(text):
    assert redact_text(text) == text


def test_whole_cell_judgement_by_column():
    assert private_text(ID18, field="id_hash", salt="s") == hash_identity_number(ID18, salt="s")
    assert private_text("0123456789abcdef0123456789abcdef", field="person_id_hash", salt="s") == \
        "0123456789abcdef0123456789abcdef"
    assert private_text("110105194912310021", field="credit_code", salt="s") == "110105194912310021"
    assert private_text(f"拨打{PHONE}", field="code", salt="s") == f"拨打{PHONE}"  # codes link records: as written
    assert private_text(ID18, field="text", salt="s") == ID_TOKEN
    assert private_text(ID18, field=None, salt="s") == hash_identity_number(ID18, salt="s")  # caller did not say
    assert private_text("0123456789abcdef0123456789abcdef", field=None, salt="s") == "0123456789abcdef0123456789abcdef"
    assert is_id_number(ID18, checksum=True) and not is_id_number(ID18_TYPO, checksum=True)


def test_parse_cell_redacts_text_and_still_digests_id_numbers():
    assert parse_cell(f"电话{PHONE}", "str", salt="s") == f"电话{PHONE_TOKEN}"
    assert parse_cell(f"电话{PHONE}", "str", salt="s", field="measure") == f"电话{PHONE_TOKEN}"
    assert parse_cell(ID18, "id_number", salt="s") == hash_identity_number(ID18, salt="s")
    assert parse_cell(f"{PHONE}、{ID18}", "list", salt="s") == [PHONE, ID18]  # lists are codes and labels


def _raw_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith("graph.sqlite"))


def test_a_ledger_stores_tokens_and_never_the_numbers(tmp_path):
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    loader = Loader(store, "test-salt")
    loader.load(write_csv(tmp_path / "units.csv", UNITS))
    loader.load(write_csv(tmp_path / "rounds.csv", ROUNDS))
    text = f"村会计王某（身份证号{ID18}，手机{PHONE}）代领低保金3户"
    loader.load(write_csv(tmp_path / "问题清单.csv", [ISSUE_HEAD, issue(问题描述=text)]))
    tasks = [["问题编号", "措施序号", "整改措施", "整改层级", "责任人", "完成时限", "整改状态", "佐证材料"],
             ["NC-15-1-01", 1, "约谈当事人，联系电话139-1234-5678", "个案整改", "李四", "2022-09-30", "整改中",
              f"退款凭证（经办人身份证{ID15}）"]]
    loader.load(write_csv(tmp_path / "整改台账.csv", tasks))
    people = [["姓名", "身份证号"], ["王五", ID18]]
    loader.load(write_csv(tmp_path / "人员名册.csv", people))
    loader.load(write_csv(tmp_path / "人员名册二.csv", [["姓名", "身份证号摘要"], ["王五", ID18]]))
    nodes = {n.kind.value: n for n in store.iter_nodes()}
    assert nodes["Issue"].props["text"] == f"村会计王某（身份证号{ID_TOKEN}，手机{PHONE_TOKEN}）代领低保金3户"
    assert nodes["Task"].props["measure"] == f"约谈当事人，联系电话{PHONE_TOKEN}"
    assert nodes["Task"].props["evidence"] == f"退款凭证（经办人身份证{ID_TOKEN}）"
    persons = [n for n in store.iter_nodes() if n.kind.value == "Person"]
    assert len(persons) == 1 and persons[0].props["id_hash"] == hash_identity_number(ID18, salt="test-salt")
    store.close()
    raw = _raw_bytes(tmp_path)
    for number in (ID18, ID15, PHONE, "139-1234-5678"):
        assert number.encode() not in raw
