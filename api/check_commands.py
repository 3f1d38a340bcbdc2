"""``xuncha check PATH…``: validate ledgers without loading; each bad file comes back beside it with its cells marked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from graph.settings import get_settings
from graph.stores import StoreError, open_store
from loaders.ledgers.check import check_files

console = Console()
err = Console(stderr=True)
MAX_PROBLEMS_SHOWN = 50


def check(paths: Annotated[list[Path], typer.Argument(help="台账文件或目录（.xlsx/.csv/.json/.jsonl）")],
          kind: Annotated[str | None, typer.Option(help="指定台账类别（如 issues 或 问题清单）；不填则按列名识别")] = None,
          out: Annotated[Path | None, typer.Option(help="标注副本写到此目录（默认写在原文件旁）")] = None,
          as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出检查报告")] = False) -> None:
    settings = get_settings()
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        err.print(f"[red]错误：[/red]找不到文件或目录：{'、'.join(missing)}")
        raise typer.Exit(1)
    try:
        store = open_store(settings)
    except StoreError as exc:
        err.print(f"[red]错误：[/red]{exc}")
        raise typer.Exit(1) from exc
    try:
        results = check_files(store, paths, salt=settings.salt(), alias_table=settings.alias_table,
                              data_dir=settings.data_dir, kind=kind, out_dir=out)
    except StoreError as exc:
        err.print(f"[red]错误：[/red]{exc}")
        raise typer.Exit(1) from exc
    finally:
        store.close()
    if as_json:
        console.print_json(json.dumps([{"file": str(r.path), "marked": str(r.marked) if r.marked else None,
                                        "report": r.report.model_dump(mode="json")} for r in results],
                                      ensure_ascii=False))
    else:
        table = Table("文件", "台账", "读取行", "问题", "提示", "结果", title="检查结果（未载入任何数据）")
        for r in results:
            result = f"[red]请改正后再载入：已标注在 {r.marked}[/red]" if r.marked else (
                "[red]无法读取[/red]" if r.report.problems else "[green]可以载入[/green]")
            table.add_row(str(r.path), "、".join(r.report.kinds), str(r.report.rows_read), str(len(r.report.problems)),
                          str(len(r.report.warnings)), result)
        console.print(table)
        problems = [p for r in results for p in r.report.problems]
        for p in problems[:MAX_PROBLEMS_SHOWN]:
            console.print(f"  • {p.message}", markup=False, highlight=False)
        if len(problems) > MAX_PROBLEMS_SHOWN:
            console.print(f"  …另有 {len(problems) - MAX_PROBLEMS_SHOWN} 处问题（见各文件的“检查结果”工作表或 --json）")
    if any(r.report.problems for r in results):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("check", help="检查台账但不载入：有问题的文件在旁边另存一份（文件名.检查结果.xlsx），"
                              "问题单元格标红并加批注，首页列出全部问题。")(check)
