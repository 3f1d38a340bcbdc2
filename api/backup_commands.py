"""``xuncha backup FILE`` and ``xuncha restore FILE``: the whole graph to a file and back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.settings import get_settings
from graph.stores import StoreError, open_store
from graph.stores.backup import backup, restore

err = Console(stderr=True)


def backup_command(path: Annotated[Path, typer.Argument(help="备份文件（嵌入式存储为 SQLite 文件，Neo4j 为 JSONL）")]
                   ) -> None:
    try:
        store = open_store(get_settings())
        try:
            kind = backup(store, path)
            counts = store.counts()
        finally:
            store.close()
    except (StoreError, OSError) as exc:
        err.print(f"[red]错误：[/red]备份失败：{exc}")
        raise typer.Exit(1) from exc
    err.print(f"已备份 {counts.total_nodes:,} 个节点、{counts.total_edges:,} 条关系 → {path}（{kind}）")


def restore_command(path: Annotated[Path, typer.Argument(help="由 xuncha backup 写出的备份文件")]) -> None:
    try:
        store = open_store(get_settings())
        try:
            nodes, edges = restore(store, path)
        finally:
            store.close()
    except StoreError as exc:
        err.print(f"[red]错误：[/red]恢复失败，图谱保持原样：{exc}")
        raise typer.Exit(1) from exc
    err.print(f"已从 {path} 恢复 {nodes:,} 个节点、{edges:,} 条关系（一次替换）")


def register(app: typer.Typer) -> None:
    app.command("backup", help="把整个图谱备份到文件。")(backup_command)
    app.command("restore", help="用备份文件替换整个图谱（一次替换，失败则保持原样）。")(restore_command)
