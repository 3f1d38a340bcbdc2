"""``xuncha neo4j-import-csv DIR``: the bulk path for a first Neo4j load (files for ``neo4j-admin``)."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.settings import get_settings
from graph.stores import StoreError, open_store
from graph.stores.neo4j_bulk import write_csv

console = Console()
err = Console(stderr=True)


def neo4j_import_csv(
    folder: Annotated[Path, typer.Argument(help="写出 CSV 文件的目录")],
    source: Annotated[Path | None, typer.Option(
        "--from", help="从样例目录或 JSONL 导出读取（默认读取当前存储的整个图谱）")] = None,
    database: Annotated[str, typer.Option(help="导入到的 Neo4j 数据库名")] = "neo4j",
    finish_import: Annotated[bool, typer.Option(
        "--finish", help="导入并启动 Neo4j 之后运行：补写导入工具无法表示的空列表属性")] = False,
) -> None:
    """A first load of a large graph (a province) writes store files offline instead of transactions."""
    if finish_import:
        _finish(folder)
        return
    try:
        if source is not None:
            from loaders.sample import read_bundle

            nodes, edges = read_bundle(source)
        else:
            store = open_store(get_settings())
            try:
                nodes, edges = list(store.iter_nodes()), list(store.iter_edges())
            finally:
                store.close()
        files = write_csv(nodes, edges, folder)
    except (StoreError, OSError, ValueError) as exc:
        err.print(f"[red]错误：[/red]未能写出导入文件：{exc}")
        raise typer.Exit(1) from exc
    err.print(f"已写出 {files.nodes:,} 个节点、{files.relationships:,} 条关系 → {folder}"
              f"（{len(files.node_files)} 个节点文件、{len(files.relationship_files)} 个关系文件）")
    err.print("请先停止 Neo4j（导入会整体替换该数据库），再运行下面的命令；启动后服务首次连接时建立约束和索引：")
    console.print(shlex.join(files.command(database=database)), markup=False, highlight=False, soft_wrap=True)
    err.print(f"导入并启动后，以 Neo4j 存储运行：xuncha neo4j-import-csv {shlex.quote(str(folder))} --finish")


def _finish(folder: Path) -> None:
    settings = get_settings()
    if settings.store != "neo4j":
        err.print("[red]错误：[/red]--finish 须在 XUNCHA_STORE=neo4j 下运行")
        raise typer.Exit(1)
    from graph.stores.neo4j_store import Neo4jStore

    try:
        store = Neo4jStore.from_settings(settings)  # opening creates the constraint and indexes
        try:
            done = store.finish_bulk_import(folder / "empty_lists.json")
        finally:
            store.close()
    except (StoreError, OSError) as exc:
        err.print(f"[red]错误：[/red]{exc}")
        raise typer.Exit(1) from exc
    err.print(f"已建立约束和索引，补写空列表属性 {done:,} 处")


def register(app: typer.Typer) -> None:
    app.command("neo4j-import-csv",
                help="为 Neo4j 首次批量导入写出 CSV 文件，并显示 neo4j-admin 导入命令。")(neo4j_import_csv)
