"""``xuncha categories pending|apply``: issue categories no rule placed (待归类), and placing them once an alias says how."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from api.analysis_commands import recompute_repeats
from api.audit import write_from_shell
from graph.settings import get_settings
from graph.stores import StoreError, open_store
from loaders.ledgers.categories import FILE
from loaders.ledgers.pending import apply_aliases, held

console = Console()
err = Console(stderr=True)
app = typer.Typer(help="问题类别：待归类的列表，补充别名后归类。", no_args_is_help=True)


@app.command("pending", help="列出待归类的问题和监督发现（台账所填类别未能归入分类表，暂归“其他”）。")
def pending(kind: Annotated[str | None, typer.Option(help="Issue（问题）或 Finding（监督发现）；不填为两者")] = None,
            as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False) -> None:
    if kind not in (None, "Issue", "Finding"):
        err.print("[red]错误：[/red]--kind 只能是 Issue（问题）或 Finding（监督发现）")
        raise typer.Exit(1)
    settings = get_settings()
    try:
        store = open_store(settings)
    except StoreError as exc:
        err.print(f"[red]错误：[/red]{exc}")
        raise typer.Exit(1) from exc
    try:
        rows = held(store, kind)
    finally:
        store.close()
    if as_json:
        console.print_json(json.dumps([r.model_dump(mode="json") for r in rows], ensure_ascii=False))
        return
    if not rows:
        console.print("没有待归类的类别。")
        return
    table = Table("原填类别", "现类别", "记录", "编号", "单位", "来源", "标识", title=f"待归类 {len(rows)} 条")
    for r in rows:
        table.add_row(r.raw_category, r.category, "问题" if r.kind == "Issue" else "监督发现", r.code or "",
                      r.unit_name or "", r.source or "", r.id)
    console.print(table)
    labels = sorted({r.raw_category for r in rows})
    console.print(f"请在 {settings.data_dir / FILE}（别名,标准类别）中写明 {'、'.join(labels[:10])}"
                  f"{' 等' if len(labels) > 10 else ''} 属于哪个类别，再运行 xuncha categories apply。", markup=False)


@app.command("apply", help=f"按 {FILE} 重新归类待归类的记录（原地改写，一次写入，记入审计）。")
def apply(analyse: Annotated[bool, typer.Option("--analyse/--no-analyse", help="归类后重新计算重复问题")] = True,
          as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False) -> None:
    settings = get_settings()
    try:
        store = open_store(settings)
    except StoreError as exc:
        err.print(f"[red]错误：[/red]{exc}")
        raise typer.Exit(1) from exc
    try:
        result = apply_aliases(store, settings.data_dir)
        if result.moved:
            write_from_shell(settings.data_dir, "categories.apply",
                             {"moved": len(result.moved), "labels": sorted({m.raw_category for m in result.moved}),
                              "still_pending": result.still_pending}, command="xuncha categories apply")
            if analyse:
                summary = recompute_repeats(store)
                err.print(f"已重新计算重复问题：{summary['repeats']:,} 对")
    except StoreError as exc:
        err.print(f"[red]错误：[/red]{exc}")
        raise typer.Exit(1) from exc
    finally:
        store.close()
    if as_json:
        console.print_json(result.model_dump_json())
        return
    moved: dict[tuple[str, str], int] = {}
    for m in result.moved:
        moved[(m.raw_category, m.category)] = moved.get((m.raw_category, m.category), 0) + 1
    for (raw, category), n in sorted(moved.items()):
        console.print(f"  • “{raw}” → {category}：{n} 条", markup=False)
    console.print(f"已归类 {len(result.moved)} 条。" if result.moved else "没有可以归类的记录。")
    if result.still_pending:
        console.print(f"仍待归类：{'、'.join(result.still_pending)}（{FILE} 中尚无这些类别）", markup=False)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="categories")
