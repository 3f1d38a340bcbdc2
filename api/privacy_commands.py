"""``xuncha privacy rewrite``: redact the free text already stored, so data loaded before a redaction rule existed
(landlines, bank cards, or anything loaded before ID/mobile redaction) is redacted too.

Every string property of every node and edge, except codes, digests and ids (the fields the loader also leaves
alone), goes through :func:`graph.text_privacy.redact_text`. A dry run (the default) prints how many records and
numbers of each kind would change; ``--apply`` writes every changed record in one write (one transaction on the
embedded store; on Neo4j one transaction at these sizes, journaled and undone as a whole above them) and, on the
embedded store, compacts the file so the old text does not linger in free pages. The report-text review queue
(``text_queue.sqlite``) is rewritten and compacted the same way. Both are audited
(``privacy.rewrite``) as the operating-system user, who must be able to run the server's commands (an admin).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Annotated, Any

import typer
from pydantic import BaseModel, Field
from rich.console import Console
from rich.table import Table

from api.audit import write_from_shell
from graph.analysis.cache import forget
from graph.model import EdgeRecord, NodeRecord
from graph.settings import Settings, get_settings
from graph.stores import StoreError, changelog, open_store
from graph.stores.base import GraphStore
from graph.text_privacy import BANK_TOKEN, ID_TOKEN, LANDLINE_TOKEN, PHONE_TOKEN, redact_text
from loaders.ledgers.cells import CODE_FIELDS, DIGEST_FIELDS
from loaders.text.queue import FILE as QUEUE_FILE
from loaders.text.queue import TextQueue
from loaders.text.queue_privacy import redact_queue

console, err = Console(), Console(stderr=True)
KEEP = CODE_FIELDS | DIGEST_FIELDS | {"id", "sha256", "path", "source_doc", "also_from"}  # never text a person wrote
TOKEN_NAMES = {ID_TOKEN: "身份证号", PHONE_TOKEN: "手机号", LANDLINE_TOKEN: "电话号码", BANK_TOKEN: "银行卡号"}


class FieldChange(BaseModel):
    kind: str = Field(title="节点或关系类别")
    field: str = Field(title="字段")
    records: int = Field(title="涉及记录数")
    numbers: dict[str, int] = Field(title="各类号码个数（按令牌）")


class RewriteResult(BaseModel):
    applied: bool = Field(title="已写入")
    nodes: int = Field(title="改写的节点数")
    edges: int = Field(title="改写的关系数")
    queue_entries: int = Field(default=0, title="改写的审核队列记录数（报告文本的条目和文件）")
    numbers: dict[str, int] = Field(title="各类号码个数")
    fields: list[FieldChange] = Field(title="按字段")


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _tokens(value: Any) -> Counter[str]:
    text = json.dumps(value, ensure_ascii=False)
    return Counter({name: text.count(token) for token, name in TOKEN_NAMES.items()})


def _changed(kind: str, props: dict[str, Any], tally: dict[tuple[str, str], list]) -> dict[str, Any] | None:
    new = dict(props)
    for key, value in props.items():
        if key in KEEP:
            continue
        cleaned = _clean(value)
        if cleaned != value:
            new[key] = cleaned
            _count(tally, (kind, key), value, cleaned)
    return new if new != props else None


def _count(tally: dict[tuple[str, str], list], where: tuple[str, str], old: Any, new: Any) -> None:
    """One changed field of one record: its (kind, field) counts one record more and the numbers it lost."""
    entry = tally.setdefault(where, [0, Counter()])
    entry[0] += 1
    entry[1].update(_tokens(new) - _tokens(old))


def _summary(tally: dict[tuple[str, str], list]) -> tuple[dict[str, int], list[FieldChange]]:
    """The numbers of each kind in all, and a line per (kind, field)."""
    total: Counter[str] = Counter()
    for _, numbers in tally.values():
        total.update(numbers)
    return dict(total), [FieldChange(kind=k, field=f, records=n, numbers=dict(c))
                         for (k, f), (n, c) in sorted(tally.items())]


def rewrite(store: GraphStore, *, apply: bool) -> RewriteResult:
    """Find (and with ``apply`` write) every record whose stored text still holds a number to redact."""
    tally: dict[tuple[str, str], list] = {}
    nodes: list[NodeRecord] = []
    for node in store.iter_nodes():
        props = _changed(node.kind.value, node.props, tally)
        if props is not None:
            nodes.append(node.model_copy(update={"props": props}))
    edges: list[EdgeRecord] = []
    for edge in store.iter_edges():
        props = _changed(edge.type.value, edge.props, tally)
        if props is not None:
            edges.append(edge.model_copy(update={"props": props}))
    if apply and (nodes or edges):
        store.upsert(nodes, edges)
    numbers, fields = _summary(tally)
    return RewriteResult(applied=apply and bool(nodes or edges), nodes=len(nodes), edges=len(edges),
                         numbers=numbers, fields=fields)


def rewrite_queue(queue: TextQueue, result: RewriteResult, *, apply: bool) -> RewriteResult:
    """The report-text review queue too (its entries and documents), counted under 审核队列 beside the graph's."""
    changes = redact_queue(queue, redact_text, apply=apply)
    tally: dict[tuple[str, str], list] = {}
    for _, field, old, new in changes:
        _count(tally, ("审核队列", field), old, new)
    numbers, fields = _summary(tally)
    # records: an entry or a document of the queue, each counted once however many of its fields changed
    return result.model_copy(update={"queue_entries": len({c[0] for c in changes}),
                                     "numbers": dict(Counter(result.numbers) + Counter(numbers)),
                                     "fields": [*result.fields, *fields],
                                     "applied": result.applied or (apply and bool(changes))})


def compact(settings: Settings) -> None:
    """Embedded store: rewrite the SQLite file and empty its journal and its change log (which keeps the rows of
    recent writes, the replaced text among them), so replaced text is left nowhere in the file."""
    if settings.store != "embedded":
        return
    db = sqlite3.connect(settings.embedded_path, timeout=30, isolation_level=None)
    try:
        changelog.forget(db)
        db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def rewrite_command(apply: Annotated[bool, typer.Option("--apply", help="写入（不加则只统计，不改动数据）")] = False,
                    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False) -> None:
    settings = get_settings()
    try:
        store = open_store(settings)
        try:
            result = rewrite(store, apply=apply)
            if result.applied:
                forget(store)  # kept analysis results may quote the old text: none is left beside the store
        finally:
            store.close()
        if (settings.data_dir / QUEUE_FILE).exists():  # a dry run creates no queue where there is none
            result = rewrite_queue(TextQueue.for_data_dir(settings.data_dir), result, apply=apply)
        if result.applied:
            compact(settings)
    except (StoreError, sqlite3.Error) as exc:
        err.print(f"[red]错误：[/red]改写失败，数据保持原样：{exc}")
        raise typer.Exit(1) from exc
    write_from_shell(settings.data_dir, "privacy.rewrite", result, command="xuncha privacy rewrite")
    if as_json:
        console.print_json(result.model_dump_json())
        return
    table = Table("类别", "字段", "记录数", *TOKEN_NAMES.values(), title="已存文本中的个人号码")
    for f in result.fields:
        table.add_row(f.kind, f.field, f"{f.records:,}", *(f"{f.numbers.get(n, 0):,}" for n in TOKEN_NAMES.values()))
    console.print(table)
    done = "已改写" if result.applied else "将改写（试运行，未改动；加 --apply 写入）"
    console.print(f"{done}：{result.nodes:,} 个节点、{result.edges:,} 条关系、审核队列 {result.queue_entries:,} 条；"
                  + "、".join(f"{n} {result.numbers.get(n, 0):,} 个" for n in TOKEN_NAMES.values()))


def register(app: typer.Typer) -> None:
    privacy = typer.Typer(help="已存文本中的个人信息（管理员）。", no_args_is_help=True)
    privacy.command("rewrite", help="把已存文本中的身份证号、手机号、电话号码、银行卡号改为脱敏标记（默认只统计）。")(
        rewrite_command)
    app.add_typer(privacy, name="privacy")
