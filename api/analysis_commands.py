"""CLI commands for the analyses: repeats, leaders, common problems, linked clusters, relatives.

Each prints a table for a person at a terminal or ``--json`` for a program;
both come from the same service functions the API uses.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.table import Table

from graph.analysis import common_problems, linked, repeats
from graph.model import EdgeType
from graph.model.enums import BenefitKind, RelativeKind
from graph.settings import get_settings
from graph.stores import StoreError, open_store
from graph.stores.base import GraphStore

console = Console()
err = Console(stderr=True)
AsJson = Annotated[bool, typer.Option("--json", help="以 JSON 输出")]
Flag = Literal["relapse", "chronic", "long_unrectified"]
FLAG_ZH = {"relapse": "整改后复发", "chronic": "屡查屡犯", "long_unrectified": "逾期未整改"}


@contextmanager
def _store() -> Iterator[GraphStore]:
    try:
        store = open_store(get_settings())
    except StoreError as exc:
        err.print(f"[red]错误：[/red]{exc}")
        raise typer.Exit(1) from exc
    try:
        yield store
    except StoreError as exc:
        err.print(f"[red]错误：[/red]{exc}")
        raise typer.Exit(1) from exc
    finally:
        store.close()


def _print_json(data: Any) -> None:
    console.print_json(json.dumps(data, ensure_ascii=False, default=str))


def recompute_repeats(store: GraphStore) -> dict[str, Any]:
    """Recompute REPEATS with a progress line (also called after each load)."""
    with err.status("正在比对各轮次问题，计算重复问题……"):
        return repeats.recompute(store)


def repeats_command(
        unit: Annotated[str | None, typer.Option(help="只看某单位（单位 id）")] = None,
        flag: Annotated[str | None, typer.Option(help="relapse 整改后复发 / chronic 屡查屡犯 / long_unrectified 逾期未整改")]
        = None,
        limit: Annotated[int, typer.Option(help="最多显示条数", min=1)] = 50,
        recompute: Annotated[bool, typer.Option("--recompute", help="先重新计算全部重复问题")] = False,
        as_json: AsJson = False) -> None:
    if flag is not None and flag not in FLAG_ZH:
        err.print(f"[red]错误：[/red]标记只能是 {'、'.join(f'{k}（{v}）' for k, v in FLAG_ZH.items())}")
        raise typer.Exit(1)
    with _store() as store:
        if recompute or not store.counts().edges.get(EdgeType.REPEATS.value):
            summary = recompute_repeats(store)
            err.print(f"已比对 {summary['issues']:,} 个问题，发现重复 {summary['repeats']:,} 对"
                      f"（整改后复发 {summary['relapse']:,}，屡查屡犯 {summary['chronic']:,}，"
                      f"逾期未整改 {summary['long_unrectified']:,}）")
        rows = store.run_query("repeats_at", {"unit_id": unit, "flag": flag, "limit": limit})
    if as_json:
        _print_json(rows)
        return
    table = Table("单位", "此前发现", "再次发现", "相似度", "标记", title="跨轮次重复问题", show_lines=True)
    for r in rows:
        marks = "、".join(v for k, v in FLAG_ZH.items() if r[k]) or "—"
        table.add_row(r["unit_name"], r["earlier_text"], r["issue_text"], f"{r['score']:.2f}", marks)
    console.print(table)


def leaders_command(min_units: Annotated[int, typer.Option(help="至少涉及单位数", min=2)] = 2,
                    as_json: AsJson = False) -> None:
    with _store() as store:
        carry = store.run_query("leader_carry", {"min_units": min_units})
        named = store.run_query("people_in_many_clues", {"min_matters": 2})
    if as_json:
        _print_json({"leader_carry": carry, "people_in_many_clues": named})
        return
    table = Table("姓名", "问题类别", "单位数", "问题数", title="问题跟人走（任一把手期间，不同单位同类问题）")
    for r in carry:
        table.add_row(r["name"], r["category"], str(len(r["units"])), str(len(r["issues"])))
    console.print(table)
    table = Table("姓名", "涉及线索/案件（件）", title="在多条线索或案件中被反映的人员")
    for r in named:
        table.add_row(r["name"], str(r["matters"]))
    console.print(table)


def common_command(min_units: Annotated[int, typer.Option(help="至少涉及单位数", min=2)] = 3,
                   as_json: AsJson = False) -> None:
    with _store() as store:
        found = common_problems.common_problems(store, min_units=min_units)
    if as_json:
        _print_json([c.model_dump(mode="json") for c in found])
        return
    table = Table("轮次", "类别", "单位数", "典型表述", "建议函", "其后再次发现", title="共性问题", show_lines=True)
    for c in found:
        letters = "；".join(f"{lt.code}→{lt.regulator or '未载明'}{'（已回复）' if lt.answered else ''}"
                            for lt in c.letters) or "未发建议函"
        table.add_row(c.round_title or c.round_id, c.category, str(len(c.units)), c.example, letters,
                      str(len(c.repeated_later)))
    console.print(table)


SUPERNODE_HELP = "连接事项超过此数的人员/建议函视为超级节点，不参与连接"


def linked_command(max_degree: Annotated[int, typer.Option(help=SUPERNODE_HELP, min=1)] = linked.MAX_DEGREE,
                   top: Annotated[int, typer.Option(help="显示前几组", min=1)] = 20,
                   as_json: AsJson = False) -> None:
    with _store() as store:
        report = linked.linked_clusters(store, max_degree=max_degree, top=top)
    if as_json:
        _print_json(report.model_dump(mode="json"))
        return
    table = Table("排名", "权重", "事项数", "构成", "连接人员/建议函数", title="关联问题群")
    for c in report.clusters:
        kinds = "、".join(f"{k} {n}" for k, n in c.kinds.items())
        table.add_row(str(c.rank), f"{c.weight:g}", str(c.size), kinds, str(len(c.connectors)))
    console.print(table)
    if report.supernodes:
        console.print(f"另有 {len(report.supernodes)} 个超级节点（连接超过 {report.max_degree} 个事项）未参与连接。")


def relatives_command(village: Annotated[str | None, typer.Option(help="只看某村（单位 id）")] = None,
                      as_json: AsJson = False) -> None:
    with _store() as store:
        rows = store.run_query("relative_links", {"village_id": village})
    if as_json:
        _print_json(rows)
        return
    table = Table("村", "村干部", "亲属", "关系", "方式", "年度", "明细", title="优亲厚友线索")
    for r in rows:
        benefit = r["via"] == "benefit"
        detail = BenefitKind(r["detail"]).label_zh if benefit and r["detail"] else r["detail"] or ""
        table.add_row(r["village_name"], r["cadre_name"], r["relative_name"], RelativeKind(r["relation"]).label_zh,
                      "领取补贴" if benefit else "承接项目", str(r["year"]), detail)
    console.print(table)


COMMANDS: dict[str, tuple[Callable[..., None], str]] = {
    "repeats": (repeats_command, "跨轮次重复问题：同一单位后轮再次发现的同一问题（整改后复发、屡查屡犯、逾期未整改）。"),
    "leaders": (leaders_command, "问题跟人走：一把手在不同单位任职期间的同类问题；多次被反映的人员。"),
    "common": (common_command, "共性问题：同一轮多个单位的同类问题，建议函是否覆盖、其后是否再犯。"),
    "linked": (linked_command, "关联问题群：经人员、建议函或线索关系连在一起的问题、线索、案件。"),
    "relatives": (relatives_command, "优亲厚友：村干部亲属在本村领取补贴或承接项目。"),
}


def register(app: typer.Typer, skip: tuple[str, ...] = ()) -> None:
    """``skip``: names another module registers as a command group (``repeats``: api.repeat_commands)."""
    for name, (command, help_text) in COMMANDS.items():
        if name not in skip:
            app.command(name, help=help_text)(command)
