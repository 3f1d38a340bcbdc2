"""A viewer never receives a known person's name in any text, nor an ID or mobile number; an analyst reads the
text whole and that read is audited with the people it names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.delivery import mask, mask_text, people_in_text
from api.masking import matcher_for
from graph.model import NodeKind, NodeRecord
from graph.model.ids import node_id
from graph.settings import Settings
from graph.stores.embedded import EmbeddedStore
from graph.text_privacy import ID_TOKEN, PHONE_TOKEN, NameMatcher
from tests.api.county_app import ROLES, county_folder, role_tokens
from tests.loaders.test_malformed import ISSUE_HEAD, issue

ID18 = "11010519491231002X"  # made up, with a valid check digit
PHONE = "13912345678"


def test_the_matcher_finds_the_longest_name_and_ignores_single_characters():
    names = NameMatcher({"王明": ["per_1"], "王明亮": ["per_2"], "欧阳娜娜": ["per_3"], "李": ["per_4"], "": ["per_5"]})
    assert len(names) == 3
    assert names.names_in("王明亮和王明、欧阳娜娜，李某") == {"王明亮", "王明", "欧阳娜娜"}
    assert names.sub("王明亮和王明", lambda n: n[0] + "*") == "王*和王*"
    assert names.people_in("据王明亮反映") == {"per_2"}
    assert mask_text(f"欧阳娜娜手机{PHONE}", names) == f"欧*手机{PHONE_TOKEN}"


def test_a_name_beside_its_own_person_id_does_not_bring_in_namesakes():
    names = NameMatcher({"张伟": ["per_a", "per_b"]})
    assert people_in_text({"id": "per_a", "kind": "Person", "props": {"name": "张伟"}}, names) == set()
    assert people_in_text({"person_id": "per_a", "name": "张伟"}, names) == set()
    assert people_in_text({"id": "iss_1", "props": {"text": "张伟违规"}}, names) == {"per_a", "per_b"}
    assert mask({"id": "iss_1", "kind": "Issue", "props": {"text": "张伟违规", "code": "X-1"}}, names) == \
        {"id": "iss_1", "kind": "Issue", "props": {"text": "张*违规", "code": "X-1"}}


def test_gap_and_evidence_sentences_are_masked_like_any_text():
    names = NameMatcher({"孙立人": ["per_9"]})
    review = {"case_id": "cas_1", "parts": [{"part": "一案双查", "gaps": [
        {"kind": "no_accountability", "sentence": "时任一把手孙立人未在此后的线索或案件中被提及", "subjects": ["per_9"]}]}],
        "repeats": [{"evidence": "两轮均发现孙立人经手的白条抵库"}]}
    shown = mask(review, names)
    assert "孙立人" not in json.dumps(shown, ensure_ascii=False)
    assert shown["parts"][0]["gaps"][0]["sentence"].startswith("时任一把手孙*未在")
    assert shown["parts"][0]["gaps"][0]["subjects"] == ["per_****************"]
    assert people_in_text(review, names) == {"per_9"}


def _person(name: str) -> NodeRecord:
    return NodeRecord(id=node_id("Person", name), kind=NodeKind.PERSON, props={"name": name})


def test_the_matcher_is_built_once_per_store_generation(tmp_path):
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    store.upsert([_person("赵一鸣")], [])
    first = matcher_for(store)
    assert matcher_for(store) is first and first.names_in("赵一鸣") == {"赵一鸣"}
    other = EmbeddedStore(tmp_path / "graph.sqlite")  # another process's write moves the generation too
    other.upsert([_person("钱二宝")], [])
    other.close()
    second = matcher_for(store)
    assert second is not first and second.names_in("赵一鸣与钱二宝") == {"赵一鸣", "钱二宝"}
    store.close()


# -- through the API, on the sample county ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def data_dir(county, tmp_path_factory) -> Path:
    return county_folder(county, tmp_path_factory, "masking")


@pytest.fixture(scope="module")
def tokens(data_dir) -> dict[str, str]:
    return role_tokens(data_dir, "m")


@pytest.fixture(scope="module")
def client(data_dir, tokens):
    app = create_app(Settings(data_dir=data_dir, store="embedded"))
    with TestClient(app) as c:
        yield c


def auth(tokens: dict[str, str], role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens[role]}"}


@pytest.fixture(scope="module")
def known(county) -> tuple[str, list[str]]:
    """A person of the county with a three-character name, and the ids of everyone of that name."""
    people = [n for n in county.nodes if n.kind is NodeKind.PERSON]
    name = next(p.props["name"] for p in people if len(p.props["name"]) == 3)
    return name, sorted(p.id for p in people if p.props["name"] == name)


@pytest.fixture(scope="module")
def uploaded(client, tokens, county, data_dir, known) -> str:
    """An issue ledger whose text names a known person and carries an ID and a mobile number, uploaded."""
    name = known[0]
    unit = next(n for n in county.nodes if n.kind.value == "Unit" and n.props["unit_kind"] == "county_department")
    rnd = next(n for n in county.nodes if n.kind.value == "Round")
    text = f"{name}（身份证号{ID18}，手机{PHONE}）违规报销差旅费"
    row = issue(**{"县（市、区）": unit.props["county"], "届次": rnd.props["term"], "轮次": rnd.props["number"],
                   "被巡察单位": unit.props["name"], "序号": 97, "问题编号": "MASK-1", "问题描述": text})
    body = (",".join(ISSUE_HEAD) + "\n" + ",".join(str(v) for v in row) + "\n").encode()
    loaded = client.post("/loads", files={"file": ("问题清单.csv", body, "text/csv")}, headers=auth(tokens, "admin"))
    assert loaded.status_code == 200, loaded.text
    store = EmbeddedStore(data_dir / "graph.sqlite")
    found = next(n for n in store.iter_nodes() if n.kind is NodeKind.ISSUE and n.props.get("code") == "MASK-1")
    store.close()
    return found.id


def _strings(payload: Any) -> list[str]:
    if isinstance(payload, dict):
        return [s for v in payload.values() for s in _strings(v)]
    if isinstance(payload, list):
        return [s for v in payload for s in _strings(v)]
    return [payload] if isinstance(payload, str) else []


def test_the_store_and_every_answer_hold_the_tokens_never_the_numbers(client, tokens, data_dir, uploaded, known):
    store = EmbeddedStore(data_dir / "graph.sqlite")
    text = store.get_node(uploaded).props["text"]
    store.close()
    assert text == f"{known[0]}（身份证号{ID_TOKEN}，手机{PHONE_TOKEN}）违规报销差旅费"
    client.get("/common", headers=auth(tokens, "analyst"))  # a kept result is written beside the store too
    kept = list((data_dir / "graph.sqlite.results").glob("*.json"))
    assert kept
    raw = b"".join(p.read_bytes() for p in [*data_dir.iterdir(), *kept] if p.is_file())
    assert ID18.encode() not in raw and PHONE.encode() not in raw
    for role in ROLES:
        answer = client.get(f"/entities/{uploaded}", headers=auth(tokens, role))
        assert answer.status_code == 200 and ID_TOKEN in answer.text and PHONE_TOKEN in answer.text
        assert ID18 not in answer.text and PHONE not in answer.text


def test_a_viewer_reads_the_issue_without_the_name_and_an_analyst_with_it(client, tokens, uploaded, known):
    name, ids = known
    seen = client.get(f"/entities/{uploaded}", headers=auth(tokens, "viewer")).json()
    assert seen["props"]["text"].startswith(name[0] + "*（") and name not in json.dumps(seen, ensure_ascii=False)
    hood = client.get(f"/entities/{uploaded}/neighbourhood", headers=auth(tokens, "viewer"))
    assert hood.status_code == 200 and name not in hood.text
    whole = client.get(f"/entities/{uploaded}", headers=auth(tokens, "analyst")).json()
    assert whole["props"]["text"].startswith(name + "（")
    log = client.get("/audit", params={"account": "m_analyst", "kind": "read"}, headers=auth(tokens, "admin")).json()
    row = next(r for r in log["items"] if r["endpoint"] == f"/entities/{uploaded}")
    assert set(ids) <= set(row["person_ids"])  # every namesake: the text does not say which one it means


def test_names_are_masked_in_every_kind_of_text(client, tokens, data_dir, known):
    name = known[0]
    records = [NodeRecord(id=node_id(kind.value, "mask-test"), kind=kind, props=props) for kind, props in (
        (NodeKind.TASK, {"measure": f"约谈{name}并责令退款", "evidence": f"{name}签字的退款凭证", "seq": 1}),
        (NodeKind.FINDING, {"text": f"审计发现{name}经手的3笔支出无依据", "code": "F-MASK"}),
        (NodeKind.LETTER, {"subject": f"关于{name}问题的建议", "response": f"已对{name}批评教育", "code": "L-MASK"}),
    )]
    store = EmbeddedStore(data_dir / "graph.sqlite")
    store.upsert(records, [])
    store.close()
    for record in records:
        seen = client.get(f"/entities/{record.id}", headers=auth(tokens, "viewer"))
        assert seen.status_code == 200 and name not in seen.text and name[0] + "*" in seen.text
        whole = client.get(f"/entities/{record.id}", headers=auth(tokens, "analyst"))
        assert name in whole.text


VIEWER_READS = [("/repeats", {"limit": 200}), ("/common", {"limit": 200}), ("/linked", {"limit": 200}),
                ("/reviews/cases", {}), ("/search", {"text": "村", "limit": 100})]


@pytest.mark.parametrize(("path", "params"), VIEWER_READS)
def test_no_known_name_reaches_a_viewer_anywhere(client, tokens, county, path, params):
    names = NameMatcher({n.props["name"]: [n.id] for n in county.nodes if n.kind is NodeKind.PERSON})
    answer = client.get(path, params=params, headers=auth(tokens, "viewer"))
    assert answer.status_code == 200, answer.text
    leaked = {s for s in _strings(answer.json()) if names.names_in(s)}
    assert not leaked, sorted(leaked)[:5]
