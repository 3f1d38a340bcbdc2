"""``xuncha text parse FILE`` and ``xuncha text review …``: report text (反馈意见、综合情况报告、讲话) into the
review queue, and the analyst's decisions on it. Every change is audited like any other write from the shell."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from api.analysis_commands import _print_json, _store, console, recompute_repeats
from api.audit import shell_actor, write_from_shell
from api.review_commands import _fail
from graph.alerts.run import run_after_load
from graph.settings import get_settings
from loaders.text.load import AcceptRejected, AcceptReport, accept
from loaders.text.model import EntryKind, EntryState, QueueEntry
from loaders.text.parse import TextParseError, finder_for, parse_file
from loaders.text.queue import OPEN, EntryNotFound, QueueError, TextQueue
from loaders.text.readers import TextFileError
from loaders.text.review import accept_open, edit_entry
from loaders.text.withdraw import WithdrawRefused, withdraw

text_app = typer.Typer(help="报告文本：从巡察反馈意见、综合情况报告和讲话稿中识别问题与交办事项，审核后载入图谱。",
                       no_args_is_help=True)
review_app = typer.Typer(help="审核队列：列出、接受、修改、驳回识别出的条目，或撤销接受。", no_args_is_help=True)
text_app.add_typer(review_app, name="review")
AsJson = Annotated[bool, typer.Option("--json", help="以 JSON 输出")]
RoundOpt = Annotated[str | None, typer.Option("--round",
                                              help="轮次标识，或如“十五届县委第三轮巡察”（文中未写明轮次时必填）")]


def _queue() -> TextQueue:
    return TextQueue.for_data_dir(get_settings().data_dir)


def _table(entries: list[QueueEntry], title: str) -> Table:
    table = Table("编号", "类", "段落", "单位", "内容", "类别·严重程度/交办对象", "置信度", "状态", title=title)
    for e in entries:
        kind = "问题" if e.kind == EntryKind.ISSUE else "交办"
        unit = e.unit_name or "[yellow]未对应[/yellow]"
        label = e.category or "—" if e.kind == EntryKind.ISSUE else e.body or "—"
        if e.severity is not None:
            label += f" · {e.severity.label_zh}"
        text = (e.request or e.text) if e.kind == EntryKind.DIRECTIVE else e.text
        text = text if len(text) <= 60 else text[:58] + "……"
        state = f"{e.state.label_zh}\n{e.issue_code}" if e.issue_code else e.state.label_zh  # the code a ledger cites
        table.add_row(str(e.id), kind, str(e.paragraph), unit, text, label, f"{e.confidence:.2f}", state)
    return table


@text_app.command("parse",
                  help="识别一个 .docx/.txt 文件中的问题和交办事项，存入审核队列（待审核）；同一文件重复识别不会重复保存。")
def parse_command(file: Annotated[Path, typer.Argument(help="报告或讲话稿（.docx/.txt）")], as_json: AsJson = False) -> None:
    settings = get_settings()
    with _store() as store:
        try:
            result = parse_file(file, store, data_dir=settings.data_dir)
        except (TextFileError, TextParseError) as exc:
            write_from_shell(settings.data_dir, "text.parse.rejected", {"file_sha256": None, "items": 0},
                             command="xuncha text parse")
            _fail(str(exc))
    added = _queue().add(result, shell_actor().name)
    entries, new = added.entries, added.new
    write_from_shell(settings.data_dir, "text.parse", {"file_sha256": result.sha256, "items": len(result.items),
                                                       "directives": len(result.directives), "new_entries": new},
                     command="xuncha text parse")
    if as_json:
        _print_json({"result": result.model_dump(mode="json"), "entries": [e.model_dump(mode="json") for e in entries],
                     "new": new, "same": added.same})
        return
    round_note = result.round_text or "未写明"
    if result.round_text and not result.round_id:
        round_note += "（图中没有此轮次，接受时须指定 --round）"
    console.print(f"{result.file}：{result.blocks} 段，轮次：{round_note}；识别问题 {len(result.items)} 条、"
                  f"交办事项 {len(result.directives)} 条；新存入审核队列 {new} 条。", highlight=False)
    for line in [*result.notes, *added.same]:
        console.print(f"[yellow]{line}[/yellow]", highlight=False)
    console.print(_table(entries, "审核队列（本文件）"))


@review_app.command("list", help="列出审核队列中的条目（默认待审核和已修改的）。")
def list_command(state: Annotated[str | None, typer.Option(
                     help="open（默认：待审核与已修改）/pending/edited/accepted/rejected")] = None,
                 document: Annotated[str | None, typer.Option(help="文件名（部分）或文件摘要")] = None,
                 min_confidence: Annotated[float | None, typer.Option(help="置信度下限", min=0, max=1)] = None,
                 as_json: AsJson = False) -> None:
    queue = _queue()
    if state not in (None, "open", *(s.value for s in EntryState)):
        _fail(f"状态“{state}”不可用；请用 open、pending、edited、accepted 或 rejected。")
    states = [EntryState(state)] if state and state != "open" else list(OPEN)
    entries = queue.entries(state=states, document=document, min_confidence=min_confidence, limit=100_000)[0]
    if as_json:
        _print_json([e.model_dump(mode="json") for e in entries])
        return
    console.print(_table(entries, f"审核队列（{'、'.join(s.label_zh for s in states)}，共 {len(entries)} 条）"))


def _accepted(report: AcceptReport, command: str) -> None:
    settings = get_settings()
    if report.issues:
        with _store() as store:
            recompute_repeats(store)
            run_after_load(store, settings.data_dir)
    write_from_shell(settings.data_dir, "text.accept", {"accepted": len(report.accepted), "issues": report.issues,
                                                        "directives": report.directives}, command=command)
    console.print(f"已接受 {len(report.accepted)} 条并载入图谱：问题 {report.issues} 条、交办事项 {report.directives} 条。",
                  highlight=False)
    for line in report.skipped:
        console.print(f"[yellow]未接受：{line}[/yellow]", highlight=False)


@review_app.command("accept", help="接受条目（可多个编号）：全部载入图谱，或有一条不能载入则全不载入。")
def accept_command(ids: Annotated[list[int], typer.Argument(help="条目编号")], round_ref: RoundOpt = None) -> None:
    settings = get_settings()
    with _store() as store:
        try:
            report = accept(store, _queue(), ids, shell_actor().name, round_ref=round_ref,
                            finder=finder_for(store, settings.data_dir), data_dir=settings.data_dir)
        except AcceptRejected as exc:
            _fail("未载入任何条目：\n" + "\n".join(f"  • {p}" for p in exc.problems))
        except (QueueError, EntryNotFound) as exc:
            _fail(str(exc))
    _accepted(report, "xuncha text review accept")


@review_app.command("accept-all",
                    help="接受置信度不低于下限的全部待审核条目；不能载入的（无单位、无轮次）留在队列中并列出。")
def accept_all_command(min_confidence: Annotated[float, typer.Option(help="置信度下限", min=0, max=1)],
                       document: Annotated[str | None, typer.Option(help="只接受此文件的条目")] = None,
                       round_ref: RoundOpt = None) -> None:
    settings = get_settings()
    with _store() as store:
        try:
            report = accept_open(store, _queue(), finder_for(store, settings.data_dir), shell_actor().name,
                                 min_confidence=min_confidence, document=document, round_ref=round_ref,
                                 data_dir=settings.data_dir)
        except (QueueError, AcceptRejected) as exc:
            _fail(str(exc))
    _accepted(report, "xuncha text review accept-all")


@review_app.command("edit", help="修改条目的单位、类别、文字、轮次或严重程度（修改后仍需接受）。")
def edit_command(entry_id: int, unit: Annotated[str | None, typer.Option(help="单位名称或标识")] = None,
                 category: Annotated[str | None, typer.Option(help="问题类别")] = None,
                 text: Annotated[str | None, typer.Option(help="问题描述")] = None, round_ref: RoundOpt = None,
                 severity: Annotated[str | None, typer.Option(help="严重程度：一般、较重或严重")] = None) -> None:
    settings = get_settings()
    with _store() as store:
        try:
            entry = edit_entry(store, _queue(), finder_for(store, settings.data_dir), entry_id, shell_actor().name,
                               unit=unit, category=category, text=text, round_ref=round_ref, severity=severity,
                               data_dir=settings.data_dir)
        except (QueueError, EntryNotFound) as exc:
            _fail(str(exc))
    write_from_shell(settings.data_dir, "text.edit", {"entry_id": entry_id}, command="xuncha text review edit")
    console.print(_table([entry], "已修改"))


@review_app.command("reject", help="驳回条目（不载入图谱）。")
def reject_command(ids: Annotated[list[int], typer.Argument(help="条目编号")]) -> None:
    settings = get_settings()
    queue = _queue()
    for entry_id in ids:
        try:
            queue.reject(entry_id, shell_actor().name)
        except (QueueError, EntryNotFound) as exc:
            _fail(str(exc))
        write_from_shell(settings.data_dir, "text.reject", {"entry_id": entry_id}, command="xuncha text review reject")
    console.print(f"已驳回 {len(ids)} 条。")


@review_app.command("withdraw",
                    help="撤销接受：把已接受的条目移出图谱、退回审核队列；涉及该问题的交办事项一并撤销；"
                         "台账已引用的问题不能撤销（全部或全不）。")
def withdraw_command(ids: Annotated[list[int], typer.Argument(help="条目编号")]) -> None:
    settings = get_settings()
    with _store() as store:
        try:
            report = withdraw(store, _queue(), ids, shell_actor().name, data_dir=settings.data_dir)
        except WithdrawRefused as exc:
            write_from_shell(settings.data_dir, "text.withdraw.refused", {"entry_ids": _ids(ids), "why": "in_use"},
                             command="xuncha text review withdraw")
            _fail("未撤销任何条目：\n" + "\n".join(f"  • {p}" for p in exc.problems))
        except (QueueError, EntryNotFound) as exc:
            _fail(str(exc))
        if report.issues:
            recompute_repeats(store)
            run_after_load(store, settings.data_dir)
    write_from_shell(settings.data_dir, "text.withdraw", {"entry_ids": _ids(report.withdrawn), "along": _ids(report.along),
                                                          "issues": report.issues, "directives": report.directives},
                     command="xuncha text review withdraw")
    along = f"（其中涉及这些问题的交办事项 {'、'.join(map(str, report.along))} 一并撤销）" if report.along else ""
    console.print(f"已撤销接受 {len(report.withdrawn) + len(report.along)} 条{along}：问题 {report.issues} 条、"
                  f"交办事项 {report.directives} 条已移出图谱，条目回到审核队列。", highlight=False)


def _ids(ids: list[int]) -> str:
    """Entry numbers as the audit keeps them (a list of numbers would be kept as its length)."""
    return ",".join(map(str, sorted(ids)))


def register(app: typer.Typer) -> None:
    app.add_typer(text_app, name="text")
