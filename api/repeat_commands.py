"""``xuncha repeats [confirm|reject|link|judgements|undo]``: cross-round repeats and an analyst's word on them.

``xuncha repeats`` alone lists the repeats as before (:mod:`api.analysis_commands`). The subcommands record a
judgement (:mod:`graph.analysis.repeat_judgements`) in the data folder, audit it, and recompute the repeats so the
graph shows it at once; every later recompute (each ``xuncha load``) applies it again.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from api import analysis_commands
from api.audit import shell_actor, write_from_shell
from graph.analysis import repeats
from graph.analysis.repeat_judgements import (
    RepeatJudgement,
    RepeatJudgementError,
    RepeatJudgements,
    Verdict,
    judge,
    undo,
)
from graph.settings import get_settings
from graph.stores import StoreError, open_store

repeats_app = typer.Typer(help="跨轮次重复问题：同一单位后轮再次发现的同一问题；分析人员可确认、否定、人工关联或撤销判断。",
                          invoke_without_command=True)
console = Console()
err = Console(stderr=True)
Why = Annotated[str | None, typer.Option("--why", help="判断的理由（记入判断记录和重复问题的依据）")]


def _fail(message: str) -> None:
    err.print(f"[red]错误：[/red]{message}", highlight=False)
    raise typer.Exit(1)


@repeats_app.callback()
def list_repeats(
        ctx: typer.Context,
        unit: Annotated[str | None, typer.Option(help="只看某单位（单位 id）")] = None,
        flag: Annotated[str | None, typer.Option(help="relapse 整改后复发 / chronic 屡查屡犯 / long_unrectified 逾期未整改")]
        = None,
        limit: Annotated[int, typer.Option(help="最多显示条数", min=1)] = 50,
        recompute: Annotated[bool, typer.Option("--recompute", help="先重新计算全部重复问题")] = False,
        as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False) -> None:
    if ctx.invoked_subcommand is None:
        analysis_commands.repeats_command(unit=unit, flag=flag, limit=limit, recompute=recompute, as_json=as_json)


def _write(verdict: Verdict | None, a: str, b: str, why: str | None, judgement_id: str | None = None) -> RepeatJudgement:
    settings = get_settings()
    try:
        store = open_store(settings)
    except StoreError as exc:
        _fail(str(exc))
    judgements = RepeatJudgements(settings.data_dir)
    who = shell_actor().name
    try:
        if judgement_id is not None:
            judgement = undo(judgements, judgement_id, who=who)
        else:
            assert verdict is not None
            judgement = judge(store, judgements, verdict, a, b, who=who, why=why)
        summary = repeats.recompute(store, data_dir=settings.data_dir)
    except (RepeatJudgementError, StoreError) as exc:
        _fail(str(exc))
    finally:
        store.close()
    action = "undo" if judgement_id is not None else judgement.verdict
    write_from_shell(settings.data_dir, f"repeat_judgement.{action}",
                     {"judgement": judgement.id, "verdict": judgement.verdict, "later": judgement.later,
                      "earlier": judgement.earlier}, command=f"xuncha repeats {action}")
    err.print(f"已重新计算：重复问题 {summary['repeats']:,} 对")
    return judgement


@repeats_app.command("confirm", help="确认一对被识别出的重复问题（此后每次重新计算都保留，依据注明确认人）。")
def confirm_command(issue_a: str, issue_b: str, why: Why = None) -> None:
    j = _write("confirm", issue_a, issue_b, why)
    console.print(f"已确认为重复问题：{j.later} → {j.earlier}（判断编号 {j.id}）")


@repeats_app.command("reject", help="否定一对被识别出的重复问题（此后不再出现）。")
def reject_command(issue_a: str, issue_b: str, why: Why = None) -> None:
    j = _write("reject", issue_a, issue_b, why)
    console.print(f"已否定：{j.later} 与 {j.earlier} 不是重复问题，今后不再提示（判断编号 {j.id}）")


@repeats_app.command("link", help="把方法未识别的两个问题人工关联为重复问题。")
def link_command(issue_a: str, issue_b: str, why: Why = None) -> None:
    j = _write("link", issue_a, issue_b, why)
    console.print(f"已人工关联为重复问题：{j.later} → {j.earlier}（判断编号 {j.id}）")


@repeats_app.command("undo", help="撤销一条重复问题判断（记录保留，注明撤销人和时间）。")
def undo_command(judgement_id: str) -> None:
    j = _write(None, "", "", None, judgement_id)
    console.print(f"已撤销判断 {j.id}（{j.label}：{j.later} → {j.earlier}）")


@repeats_app.command("judgements", help="列出全部重复问题判断（含已撤销的）：谁、何时、为什么。")
def list_command(as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False) -> None:
    try:
        items = RepeatJudgements(get_settings().data_dir).items
    except RepeatJudgementError as exc:
        _fail(str(exc))
    if as_json:
        console.print_json(json.dumps([j.model_dump() for j in items], ensure_ascii=False))
        return
    if not items:
        console.print("还没有重复问题判断。")
        return
    table = Table("编号", "判断", "后发现的问题", "此前的问题", "判断人", "时间", "理由", "撤销", title="重复问题判断")
    for j in items:
        table.add_row(j.id, j.label, j.later, j.earlier, j.who, j.at, j.why or "",
                      f"{j.undone_by} {j.undone_at}" if j.undone_at else "")
    console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(repeats_app, name="repeats")
