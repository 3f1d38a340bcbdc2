"""``xuncha people pending|merge|distinct|split|list``: settle who is who, once, for good (and take it back).

The names are the issue's (as OpenSanctions' nomenklatura has them); the first names stay as aliases:
``namesakes`` = ``pending``, ``confirm`` = ``merge``, ``refuse`` = ``distinct``, ``undo`` = ``split`` (which
also takes the two records of a merge instead of its number). ``xuncha units merge|distinct|split|undo`` the same
for units. Judgements are kept in the data folder and re-applied by every later load (:mod:`loaders.judgements`).
"""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from api.audit import shell_actor, write_from_shell
from graph.settings import get_settings
from graph.stores import StoreError, open_store
from loaders.judgements import Judgement, JudgementError, Judgements, confirm, refuse, undo
from loaders.namesakes import pending_namesakes

people_app = typer.Typer(help="同名人员：列出待确认的同名者，判断是否同一人，或撤销判断", no_args_is_help=True)
console = Console()
err = Console(stderr=True)
Note = Annotated[str | None, typer.Option("--note", help="判断的理由（记入判断记录）")]


def _fail(message: str) -> None:
    err.print(f"[red]错误：[/red]{message}", highlight=False)
    raise typer.Exit(1)


def _write(action: str, make) -> Judgement:  # noqa: ANN001 - a closure over the store and the judgements
    settings = get_settings()
    try:
        store = open_store(settings)
    except StoreError as exc:
        _fail(str(exc))
    try:
        judgement = make(store, Judgements(settings.data_dir), shell_actor().name)
    except JudgementError as exc:
        _fail(str(exc))
    finally:
        store.close()
    write_from_shell(settings.data_dir, action, {"judgement": judgement.id, "verdict": judgement.verdict,
                                                 "a": judgement.a, "b": judgement.b}, command=f"xuncha people {action}")
    return judgement


@people_app.command("pending", help="列出待人工确认的同名人员（附任职、关联和来源等依据）。")
@people_app.command("namesakes", help="同 pending：列出待人工确认的同名人员。")
def namesakes(name: Annotated[str | None, typer.Option(help="只看这个姓名")] = None,
              as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False) -> None:
    settings = get_settings()
    try:
        store = open_store(settings)
        pairs = pending_namesakes(store, Judgements(settings.data_dir), name=name)
    except StoreError as exc:
        _fail(str(exc))
    store.close()
    if as_json:
        console.print_json(json.dumps([p.model_dump() for p in pairs], ensure_ascii=False))
        return
    if not pairs:
        console.print("没有待确认的同名人员。")
        return
    table = Table(title=f"待确认的同名人员 {len(pairs)} 对")
    for header in ("姓名", "人员甲", "依据（甲）", "人员乙", "依据（乙）", "提示"):
        table.add_column(header, overflow="fold", no_wrap=header.startswith("人员"))
    for p in pairs:
        table.add_row(p.a.name, p.a.person_id, _evidence(p.a), p.b.person_id, _evidence(p.b), "；".join(p.hints))
    console.print(table)
    console.print("同一人：xuncha people merge 甲 乙 --note 理由；不是同一人：xuncha people distinct 甲 乙 --note 理由")


def _evidence(side) -> str:  # noqa: ANN001
    parts = [*side.posts, *(f"{k}{v}" for k, v in side.links.items()), *side.sources[:2]]
    return "；".join(parts) or "（无）"


@people_app.command("merge", help="判断两条人员记录是同一人：乙并入甲（可撤销：xuncha people split 编号）。")
@people_app.command("confirm", help="同 merge：判断两条人员记录是同一人。")
def confirm_command(a: str, b: str, note: Note = None) -> None:
    j = _write("people.confirm", lambda s, js, who: confirm(s, js, a, b, who=who, note=note))
    console.print(f"已判断为同一人（{j.id}）：{b} 并入 {a}，移动关系 {len(j.moved)} 条。撤销：xuncha people split {j.id}")


@people_app.command("distinct", help="判断两条人员记录不是同一人：今后不再提示。")
@people_app.command("refuse", help="同 distinct：判断两条人员记录不是同一人。")
def refuse_command(a: str, b: str, note: Note = None) -> None:
    j = _write("people.refuse", lambda s, js, who: refuse(s, js, a, b, who=who, note=note))
    console.print(f"已判断为不同的人（{j.id}），今后不再提示。撤销：xuncha people undo {j.id}")


def _judgement_of(judgements: Judgements, ref: str, other: str | None) -> str:
    """A judgement named by its number, or by its two records (either order), or by the record merged away."""
    if other is not None:
        found = judgements.of_pair(ref, other)
        if found is None:
            raise JudgementError(f"{ref} 与 {other} 之间没有有效的判断；请用 xuncha people list 查看编号")
        return found.id
    if any(j.id == ref for j in judgements.items):
        return ref
    merged = [j for j in judgements.active() if j.verdict == "same" and j.b == ref]
    return merged[0].id if len(merged) == 1 else ref  # unknown: undo names it in its refusal


@people_app.command("split", help="撤销一条判断：合并的两条记录恢复原样（编号，或两条记录的标识，或被并入的记录）。")
@people_app.command("undo", help="同 split：撤销一条判断。")
def undo_command(judgement_id: Annotated[str, typer.Argument(help="判断编号，或甲（与乙同给）或被并入的记录")],
                 other: Annotated[str | None, typer.Argument(help="乙（给出两条记录时）")] = None) -> None:
    j = _write("people.undo", lambda s, js, who: undo(s, js, _judgement_of(js, judgement_id, other), who=who))
    console.print(f"已撤销判断 {j.id}（{j.label}：{j.a} / {j.b}）")


@people_app.command("list", help="列出所有判断（含已撤销的）。")
def list_command(as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False) -> None:
    items = Judgements(get_settings().data_dir).items
    if as_json:
        console.print_json(json.dumps([j.model_dump(exclude={"node", "moved"}) for j in items], ensure_ascii=False))
        return
    table = Table(title="人员与单位判断")
    for header in ("编号", "判断", "甲", "乙", "判断人", "时间", "依据", "状态"):
        table.add_column(header, overflow="fold", no_wrap=header in ("编号", "甲", "乙"))
    for j in items:
        table.add_row(j.id, j.label, j.a, j.b, j.who, j.at, j.rule + (f"（{j.note}）" if j.note else ""),
                      f"已撤销（{j.undone_by} {j.undone_at}）" if j.undone_at else "有效")
    console.print(table)


units_app = typer.Typer(help="单位：判断两条单位记录是否同一单位（名称歧义、重复建档），或撤销判断", no_args_is_help=True)


@units_app.command("merge", help="判断两条单位记录是同一单位：乙并入甲（可撤销：xuncha units split 编号）。")
def units_merge(a: str, b: str, note: Note = None) -> None:
    j = _write("units.merge", lambda s, js, who: confirm(s, js, a, b, who=who, note=note))
    console.print(f"已判断为同一单位（{j.id}）：{b} 并入 {a}，移动关系 {len(j.moved)} 条。"
                  "重复问题请重新计算：xuncha repeats --recompute")


@units_app.command("distinct", help="判断两条单位记录不是同一单位。")
def units_distinct(a: str, b: str, note: Note = None) -> None:
    j = _write("units.distinct", lambda s, js, who: refuse(s, js, a, b, who=who, note=note))
    console.print(f"已判断为不同单位（{j.id}）。")


units_app.command("split", help="撤销一条单位判断（编号，或两条记录的标识，或被并入的记录）。")(undo_command)
units_app.command("undo", help="同 split：撤销一条单位判断。")(undo_command)


def register(app: typer.Typer) -> None:
    app.add_typer(people_app, name="people")
    app.add_typer(units_app, name="units")
