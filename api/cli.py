"""The ``xuncha`` command line (help in Chinese; progress with rich)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

import api.alert_commands
import api.category_commands
import api.check_commands
import api.dashboard_commands
import api.repeat_commands
from api import (
    analysis_commands,
    backup_commands,
    linkage_commands,
    load_commands,
    office_commands,
    people_commands,
    profile_commands,
    review_commands,
    text_commands,
)
from api.audit import write_from_shell
from api.auth import AccountStore, Role, one_time_password, password_problem
from api.sessions import SessionStore
from graph.model import EdgeType, NodeKind
from graph.settings import Settings, get_settings
from graph.stores import StoreError, open_store

app = typer.Typer(help="巡察知识图谱命令行工具", no_args_is_help=True, add_completion=False)
user_app = typer.Typer(help="账号管理", no_args_is_help=True)
app.add_typer(user_app, name="user")
console = Console()
err = Console(stderr=True)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True)


def _fail(message: str) -> None:
    err.print(f"[red]错误：[/red]{message}")
    raise typer.Exit(1)


@app.command(help="生成样例县（或市、省）的数据及标准答案。")
def sample(out: Annotated[Path, typer.Option(help="输出目录")] = Path("var/sample"),
           scale: Annotated[int, typer.Option(help="规模：1≈一个县，10≈一个市，100≈一个省", min=1)] = 1,
           seed: Annotated[int, typer.Option(help="随机种子")] = 7,
           ledgers: Annotated[bool, typer.Option("--ledgers/--no-ledgers", help="同时按台账格式写出（xlsx 与 GBK CSV）")]
           = False) -> None:
    from loaders.ledgers.export import write_ledgers
    from loaders.sample import generate, write_bundle

    with _progress() as progress:
        task = progress.add_task("生成样例县", total=scale)
        bundle = generate(scale, seed, progress=lambda done: progress.update(task, completed=done))
        write_bundle(bundle, out)
        if ledgers:
            progress.update(task, description="写出台账")
            written = write_ledgers(bundle.nodes, bundle.edges, out / "ledgers")
    console.print(f"已生成 {len(bundle.nodes):,} 个节点、{len(bundle.edges):,} 条关系 → {out}")
    if ledgers:
        console.print(f"台账 {len(written)} 个文件 → {out / 'ledgers'}（可用 xuncha load 载入）")


@app.command(help="显示图谱中各类节点和关系的数量。")
def stats(as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False) -> None:
    try:
        store = open_store(get_settings())
        counts = store.counts()
    except StoreError as exc:
        _fail(str(exc))
    store.close()
    if as_json:
        console.print_json(json.dumps(counts.model_dump(), ensure_ascii=False))
        return
    table = Table("类别", "英文", "数量", title=f"图谱概况（{store.name}）")
    for kind, n in counts.nodes.items():
        table.add_row(NodeKind(kind).label_zh, kind, f"{n:,}")
    for kind, n in counts.edges.items():
        table.add_row(EdgeType(kind).label_zh, kind, f"{n:,}")
    console.print(table)


@app.command(help="启动 API 与网页界面。")
def serve(host: Annotated[str, typer.Option(help="监听地址")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="端口")] = 8000,
          workers: Annotated[int, typer.Option(help="工作进程数（嵌入式存储的各进程共享同一数据文件）", min=1, max=16)] = 2
          ) -> None:
    import uvicorn

    get_settings()  # fail here, in the parent, if the settings are wrong
    # No access log: request paths carry entity ids, and personal data stays out of info-level logs.
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, workers=workers, log_level="info",
                access_log=False)


def _accounts(settings: Settings) -> AccountStore:
    return AccountStore(settings.data_dir / "accounts.sqlite")


def _read_password(name: str) -> str:
    """A password from standard input: typed without echo at a terminal (twice), else the first line of a pipe."""
    import getpass
    import sys

    if sys.stdin.isatty():
        password = getpass.getpass("密码（不回显）：")
        if getpass.getpass("再输入一次：") != password:
            _fail("两次输入的密码不一致")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if (problem := password_problem(name, password)) is not None:
        _fail(problem)
    return password


PasswordStdin = Annotated[bool, typer.Option("--password-stdin", help="从标准输入读取密码（不回显，不出现在命令行参数里）")]


@user_app.command("add", help="新增账号：显示一次性令牌，以及一次性密码（首次登录须修改；用 --password-stdin 则自设密码）。")
def user_add(name: str, role: Annotated[Role, typer.Option(help="角色：admin / analyst / viewer")] = Role.VIEWER,
             if_none: Annotated[bool, typer.Option("--if-none", help="已有任何账号时不新增")] = False,
             password_stdin: PasswordStdin = False) -> None:
    settings = get_settings()
    accounts = _accounts(settings)
    if if_none and accounts.list():
        console.print("已有账号，未新增。")
        return
    password = _read_password(name) if password_stdin else one_time_password()
    try:
        token = accounts.add(name, role, password, must_change=not password_stdin)
    except ValueError as exc:
        _fail(str(exc))
    write_from_shell(settings.data_dir, "user.add", {"name": name, "role": role.value, "accounts": 1},
                     command="xuncha user add")
    console.print(f"账号：{name}（{role.value}）", markup=False, highlight=False)
    if not password_stdin:
        console.print("网页登录的一次性密码（首次登录须修改）：", password, markup=False, highlight=False)
    console.print(f"账号 {name}（{role.value}）的令牌（只显示这一次，请妥善保存）：")
    console.print(token, markup=False, highlight=False)


@user_app.command("passwd", help="设置账号的密码（--password-stdin 从标准输入读取；否则生成一次性密码，首次登录须修改）。")
def user_passwd(name: str, password_stdin: PasswordStdin = False) -> None:
    settings = get_settings()
    password = _read_password(name) if password_stdin else one_time_password()
    if not _accounts(settings).set_password(name, password, must_change=not password_stdin):
        _fail(f"没有名为 {name} 的账号")
    sessions = SessionStore.from_settings(settings)
    ended = sessions.end_all(name)
    sessions.close()
    write_from_shell(settings.data_dir, "user.password", {"name": name, "sessions_ended": ended},
                     command="xuncha user passwd")
    console.print(f"已设置 {name} 的密码，其原有登录会话已结束。")
    if not password_stdin:
        console.print("一次性密码（首次登录须修改）：", password, markup=False, highlight=False)


@user_app.command("unlock", help="解除账号因多次登录失败造成的锁定。")
def user_unlock(name: str) -> None:
    settings = get_settings()
    sessions = SessionStore.from_settings(settings)
    cleared = sessions.unlock(name)
    sessions.close()
    write_from_shell(settings.data_dir, "user.unlock", {"name": name, "failures_cleared": cleared},
                     command="xuncha user unlock")
    console.print(f"已解除 {name} 的登录锁定（清除 {cleared} 次失败记录）。")


@user_app.command("list", help="列出账号。")
def user_list() -> None:
    table = Table("账号", "角色", "创建时间", "状态", "密码")
    for a in _accounts(get_settings()).list():
        table.add_row(a.name, a.role.value, a.created_at, "已吊销" if a.revoked else "有效",
                      "须修改" if a.must_change_password else ("已设置" if a.password_set else "未设置"))
    console.print(table)


@user_app.command("revoke", help="吊销账号的令牌。")
def user_revoke(name: str) -> None:
    settings = get_settings()
    if not _accounts(settings).revoke(name):
        _fail(f"没有名为 {name} 的账号")
    write_from_shell(settings.data_dir, "user.revoke", {"name": name, "accounts": 1}, command="xuncha user revoke")
    console.print(f"已吊销 {name}")


analysis_commands.register(app, skip=("repeats",))
api.repeat_commands.register(app)  # xuncha repeats [confirm|reject|link|judgements|undo]
load_commands.register(app)
review_commands.register(app)
linkage_commands.register(app)
profile_commands.register(app)
backup_commands.register(app)
office_commands.register(app)
people_commands.register(app)
api.check_commands.register(app)  # xuncha check: validate without loading, bad cells marked in a copy
api.category_commands.register(app)  # xuncha categories pending|apply (待归类)
api.dashboard_commands.register(app)
api.alert_commands.register(app)
text_commands.register(app)  # 报告文本 and its review queue
import api.neo4j_commands  # noqa: E402
import api.privacy_commands  # noqa: E402

api.privacy_commands.register(app)  # xuncha privacy rewrite: redact text already stored
api.neo4j_commands.register(app)  # xuncha neo4j-import-csv: the bulk path for first loads
logging.getLogger("neo4j").setLevel(logging.WARNING)

if __name__ == "__main__":
    app()
