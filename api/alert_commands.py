"""``xuncha alerts list|add|remove|run|ack|dismiss``: saved alerts (预警) and their hits, in the data folder's
``alerts.sqlite``. Every change is audited like any other write from the shell."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from api.analysis_commands import _print_json, _store, console
from api.audit import shell_actor, write_from_shell
from api.review_commands import _date, _fail
from graph.alerts.model import THRESHOLD_ZH, AlertIn, AlertKind, HitState
from graph.alerts.run import alert_store, check, run_alerts
from graph.alerts.store import AlertError, AlertNotFound
from graph.settings import get_settings

alerts_app = typer.Typer(help="预警：保存的查询或分析，每次载入后自动重新运行，列出新命中。", no_args_is_help=True)
KINDS_HELP = "；".join(f"{k.value}（{k.label_zh}，阈值：{THRESHOLD_ZH[k]}）" for k in AlertKind)


@alerts_app.command("list", help="列出预警；--hits 列出命中（可按状态筛选）。")
def list_command(hits: Annotated[bool, typer.Option("--hits", help="列出命中")] = False,
                 state: Annotated[HitState | None, typer.Option(help="命中状态 new/acknowledged/dismissed")] = None,
                 as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False) -> None:
    store = alert_store(get_settings().data_dir)
    if hits:
        found, total = store.hits(state=state)
        if as_json:
            _print_json([h.model_dump(mode="json") for h in found])
            return
        table = Table("编号", "预警", "内容", "首次发现", "状态", "备注", title=f"预警命中（共{total}条）")
        for h in found:
            table.add_row(str(h.id), h.alert_name, h.summary, h.first_seen.isoformat(), h.state.label_zh, h.note or "")
        console.print(table)
        return
    alerts = store.alerts()
    if as_json:
        _print_json([a.model_dump(mode="json") for a in alerts])
        return
    table = Table("编号", "名称", "创建人", "类别", "参数", "阈值", "最近运行", title="预警")
    for a in alerts:
        table.add_row(str(a.id), a.name, a.owner, a.kind.label_zh, json.dumps(a.params, ensure_ascii=False),
                      str(a.threshold or "—"), a.last_run_at.isoformat() if a.last_run_at else "未运行")
    console.print(table)


@alerts_app.command("add", help=f"保存一个预警。类别：{KINDS_HELP}")
def add_command(name: Annotated[str, typer.Argument(help="预警名称")],
                kind: Annotated[AlertKind, typer.Option(help="预警类别")],
                params: Annotated[str, typer.Option(help='参数（JSON），如 {"query": "leader_carry", "min_units": 3}')]
                = "{}",
                threshold: Annotated[int | None, typer.Option(help="阈值（含义见类别）", min=1)] = None,
                owner: Annotated[str | None, typer.Option(help="创建人（默认当前系统用户）")] = None) -> None:
    try:
        parsed = json.loads(params)
    except ValueError:
        _fail(f"--params 不是有效的 JSON：{params}")
    if not isinstance(parsed, dict):
        _fail("--params 应为 JSON 对象，如 {\"query\": \"round_counts\"}")
    try:
        alert = AlertIn(name=name, kind=kind, params=parsed, threshold=threshold)
        check(alert)
    except (AlertError, ValueError) as exc:
        _fail(str(exc))
    settings = get_settings()
    saved = alert_store(settings.data_dir).add(alert, owner or shell_actor().name)
    write_from_shell(settings.data_dir, "alert.add", {"alert_id": saved.id, "kind": kind.value, "alerts": 1},
                     command="xuncha alerts add")
    console.print(f"已保存预警 {saved.id}：{saved.name}（{kind.label_zh}）", highlight=False)


@alerts_app.command("remove", help="删除一个预警及其全部命中。")
def remove_command(alert_id: int) -> None:
    settings = get_settings()
    try:
        alert, hits = alert_store(settings.data_dir).remove(alert_id)
    except AlertNotFound as exc:
        _fail(str(exc))
    write_from_shell(settings.data_dir, "alert.remove", {"alert_id": alert_id, "alerts": 1, "hits": hits},
                     command="xuncha alerts remove")
    console.print(f"预警 {alert.id}（{alert.name}）已删除，连同命中 {hits} 条。", highlight=False, markup=False)


@alerts_app.command("run", help="立即运行全部预警（或某人的预警），列出新命中。")
def run_command(owner: Annotated[str | None, typer.Option(help="只运行此人的预警")] = None,
                today: Annotated[str | None, typer.Option("--as-of", help="统计日期 YYYY-MM-DD（默认今天）")] = None,
                as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False) -> None:
    settings = get_settings()
    when = _date(today, "--as-of")
    with _store() as store:
        result = run_alerts(store, alert_store(settings.data_dir), owner=owner, today=when, data_dir=settings.data_dir)
    write_from_shell(settings.data_dir, "alert.run", {"alerts": result.alerts, "new_hits": len(result.new)},
                     command="xuncha alerts run")
    if as_json:
        _print_json(result.model_dump(mode="json"))
        return
    console.print(f"运行预警 {result.alerts} 个，命中 {result.found} 条，其中新命中 {len(result.new)} 条。")
    for h in result.new:
        console.print(f"  • [{h.id}] {h.alert_name}：{h.summary}", highlight=False, markup=False)
    for e in result.errors:
        console.print(f"[yellow]{e}[/yellow]", highlight=False)


def _act(hit_id: int, state: HitState, note: str | None) -> None:
    settings = get_settings()
    actor = shell_actor().name
    try:
        hit = alert_store(settings.data_dir).set_state(hit_id, state, actor=actor, note=note)
    except (AlertError, AlertNotFound) as exc:
        _fail(str(exc))
    write_from_shell(settings.data_dir, f"alert.{state.value}", {"hit_id": hit.id, "hits": 1},
                     command=f"xuncha alerts {'ack' if state is HitState.ACKNOWLEDGED else 'dismiss'}")
    console.print(f"预警命中 {hit.id} 已{state.label_zh}。", highlight=False)


@alerts_app.command("ack", help="确认一条命中（可附备注）。")
def ack_command(hit_id: int, note: Annotated[str | None, typer.Option(help="备注")] = None) -> None:
    _act(hit_id, HitState.ACKNOWLEDGED, note)


@alerts_app.command("dismiss", help="忽略一条命中（可附备注）；忽略后再次运行也不再提醒。")
def dismiss_command(hit_id: int, note: Annotated[str | None, typer.Option(help="备注")] = None) -> None:
    _act(hit_id, HitState.DISMISSED, note)


def register(app: typer.Typer) -> None:
    app.add_typer(alerts_app, name="alerts")
