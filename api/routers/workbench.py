"""The workbench's reads: an entity's page, one expansion of the graph explorer, the records behind a figure,
the Chinese names of coded values, and ledger templates."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response
from pydantic import BaseModel

from api.delivery import ACCUSATION_TEXT, HIDDEN, IDENTIFYING, deliver, mask_name
from api.deps import Store, Viewer
from api.downloads import attachment
from api.errors import ApiError
from api.reports.sheets import MEDIA_TYPE as XLSX
from api.routers.entities import EntityId
from graph.explore.entity_card import card
from graph.explore.expansion import NotFound, expand
from graph.explore.labels import labels
from graph.explore.links import kind_zh
from graph.explore.model import EntityCard, Expansion
from graph.model import NodeKind
from graph.model.ids import kind_of_id

router = APIRouter(tags=["实体与关系"])
DateText = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="日期，如 2023-01-01")]


def _data_dir(request: Request) -> Path:
    return request.app.state.settings.data_dir


def _for_viewer(data: dict[str, Any]) -> dict[str, Any]:
    """The card's facts as a viewer may see them: no identifying facts of a person, no accusation text, and a fact
    naming a person (a benefit's recipient) masked as a name — not left to the matching of names in free text, which
    passes over one-character and Latin names — with no link."""
    hidden = ACCUSATION_TEXT.get(data["kind"], set())
    person = data["kind"] == "Person"
    data["facts"] = [_viewed(f, hidden) for f in data["facts"] if not (person and f["field"] in IDENTIFYING)]
    return data


def _viewed(fact: dict[str, Any], hidden: set[str]) -> dict[str, Any]:
    if fact["field"] in hidden:
        return {**fact, "value": HIDDEN}
    if fact.get("ref") and kind_of_id(fact["ref"]) == NodeKind.PERSON.value:
        return {**fact, "value": mask_name(fact["value"]), "ref": None}
    return fact


@router.get("/entities/{entity_id}/card", response_model=EntityCard,
            summary="实体页：带中文名称的各项信息、来源（文件/工作表/行）、时间线和关联实体")
def entity_card(entity_id: EntityId, store: Store, account: Viewer, request: Request) -> Any:
    try:
        result = card(store, entity_id, _data_dir(request)).model_dump(mode="json")
    except NotFound:
        raise ApiError(404, "not_found", f"没有标识为 {entity_id} 的实体。") from None
    if account.role.value == "viewer":
        result = _for_viewer(result)
    return deliver(request, account, result)


@router.get("/entities/{entity_id}/expand", response_model=Expansion,
            summary="图谱浏览：展开一个节点（同类关系过多时折叠为一组并给出数量）")
def entity_expand(entity_id: EntityId, store: Store, account: Viewer, request: Request,
                  types: Annotated[list[str] | None, Query(max_length=40, description="只看这些关系类别")] = None,
                  since: DateText = None, until: DateText = None) -> Any:
    try:
        result = expand(store, entity_id, types=types, since=since, until=until, data_dir=_data_dir(request))
    except NotFound:
        raise ApiError(404, "not_found", f"没有标识为 {entity_id} 的实体。") from None
    return deliver(request, account, result)


SHOWN = ("name", "title", "code", "text", "summary", "measure", "status", "deadline", "found_date", "transfer_date",
         "sent_date", "opened")


class Record(BaseModel):
    id: str
    kind: str
    kind_zh: str
    props: dict[str, Any]


@router.get("/records", response_model=list[Record], summary="一组记录的名称与要点（数字背后的记录；查看员看到的已脱敏）")
def records(store: Store, account: Viewer, request: Request,
            ids: Annotated[list[str], Query(min_length=1, max_length=500, description="记录标识")]) -> Any:
    rows = store.run_query("entities_by_ids", {"ids": ids})
    found = [{"id": r["id"], "kind": r["kind"], "kind_zh": kind_zh(r["kind"]),
              "props": {k: r["props"][k] for k in SHOWN if r["props"].get(k) is not None}} for r in rows]
    return deliver(request, account, found)


@router.get("/labels", response_model=dict[str, dict[str, str]], tags=["运行状态"],
            summary="各类代码值的中文名称（如 individual → 个案整改），供页面显示")
def coded_labels(_: Viewer) -> dict[str, dict[str, str]]:
    from loaders.text.model import EntryKind, EntryState  # the text queue's states live with the loaders

    queue = {e.__name__: {m.value: m.label_zh for m in e} for e in (EntryKind, EntryState)}
    return {**labels(), **queue}


class TemplateInfo(BaseModel):
    key: str
    title: str


@router.get("/templates", response_model=list[TemplateInfo], tags=["数据载入"], summary="可下载模板的台账类别")
def templates(_: Viewer) -> list[TemplateInfo]:
    from loaders.ledgers.mapping import ledger_kinds

    return [TemplateInfo(key=k.key, title=k.title) for k in ledger_kinds().values()]


@router.get("/templates/{kind}", tags=["数据载入"], summary="下载某类台账的 Excel 模板（表头、示例行、下拉选项、填写说明）",
            response_class=Response, responses={200: {"content": {XLSX: {}}}})
def template(kind: Annotated[str, PathParam(max_length=32)], _: Viewer) -> Response:
    from loaders.ledgers.mapping import kind_by_name
    from loaders.ledgers.template import write_template

    ledger = kind_by_name(kind)
    if ledger is None:
        raise ApiError(404, "not_found", f"没有名为“{kind}”的台账类别。")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "template.xlsx"
        write_template(ledger, path)
        body = path.read_bytes()
    return attachment(body, XLSX, f"{ledger.title}模板.xlsx", f"template-{ledger.key}.xlsx")
