"""``xuncha review``: the 一案三改 review of one case, or of every case of a round or period.

Both print for a person at a terminal, or ``--json`` for a program, and can
write the document an office files (``--docx`` for one case, ``--xlsx`` for
the batch). They call the same review functions the API calls.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.table import Table
from rich.text import Text

from api.analysis_commands import _print_json, _store, console, err
from graph.model import NodeKind
from graph.reviews.case_review_model import CaseBatch, CaseReview, Dimension, Gap, State
from graph.settings import get_settings

review_app = typer.Typer(help="一案三改审查：个案整改、类案整改、系统整改、一案双查", no_args_is_help=True)
AsJson = Annotated[bool, typer.Option("--json", help="以 JSON 输出")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="审查日期 YYYY-MM-DD（默认今天）", show_default=False)]
ORDER = (Dimension.INDIVIDUAL, Dimension.CATEGORY, Dimension.SYSTEMIC, Dimension.ACCOUNTABILITY)
SHORT = dict(zip(ORDER, ("个案", "类案", "系统", "双查"), strict=True))
COLOUR = {State.DONE: "green", State.PARTIAL: "yellow", State.NOT_DONE: "red"}
SHOWN_SOURCES = 3


def _fail(message: str) -> NoReturn:
    err.print(f"[red]错误：[/red]{message}", highlight=False)
    raise typer.Exit(1)


def _date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        _fail(f"{option} 应为 YYYY-MM-DD 格式的日期，例如 2024-03-31（收到“{text}”）")


def _rules() -> dict:
    from graph.reviews.rules import RulesError, load_rules

    try:
        return load_rules("case_review", get_settings().data_dir)
    except RulesError as exc:
        _fail(str(exc))


def _state(state: State | None, count: int | None = None) -> str:
    if state is None:
        return "未审查"
    text = state.label_zh if count is None else f"{state.label_zh}（{count}）"
    colour = COLOUR.get(state, "dim")
    return f"[{colour}]{text}[/{colour}]"


def _where(gap: Gap) -> str:
    places = [f"{Path(s.path).name}" + (f"/{s.sheet}" if s.sheet else "") + (f"/第{s.row}行" if s.row else "")
              for s in gap.sources]
    if not places:
        return f"证据：{'、'.join(gap.evidence)}" if gap.evidence else "未载明出处"
    more = f" 等{len(places)}处" if len(places) > SHOWN_SOURCES else ""
    return "出处：" + "；".join(places[:SHOWN_SOURCES]) + more


def print_review(review: CaseReview) -> None:
    from api.reports.case_review_docx import document_title

    console.print(f"[bold]{document_title(review)}[/bold]", highlight=False)
    closed = f"，{review.closed.isoformat()} 结案" if review.closed else "，尚未结案"
    console.print(f"发案单位：{review.unit_name or '未载明'}；{review.opened.isoformat()} 立案{closed}；"
                  f"审查日期 {review.as_of.isoformat()}", highlight=False)
    table = Table("方面", "状态", "差距数", title="一案三改审查结论")
    parts = {p.dimension: p for p in review.parts}
    for d in ORDER:
        part = parts.get(d)
        table.add_row(d.label_zh, _state(part.state if part else None), str(len(part.gaps) if part else 0))
    console.print(table)
    for n, d in enumerate(ORDER, 1):
        part = parts.get(d)
        if not part or not part.gaps:
            continue
        console.print(f"\n[bold]{'一二三四'[n - 1]}、{d.label_zh}[/bold]（{_state(part.state)}）")
        gaps = Table.grid(padding=(0, 1))
        gaps.add_column(justify="right", no_wrap=True)
        gaps.add_column(overflow="fold")
        for k, gap in enumerate(part.gaps, 1):
            line = Text(gap.sentence)
            line.append(f"\n【{gap.kind.label_zh}】{_where(gap)}", style="dim")
            gaps.add_row(f"{k}.", line)
        console.print(gaps)
    if not review.gaps:
        console.print("未发现差距。")
    for note in review.notes:
        console.print(f"说明：{note}", highlight=False)


@review_app.command("case", help="单个案件的一案三改审查：四个方面的状态、每项差距及其证据出处；可另存为 Word 审查报告。")
def case_command(
        ref: Annotated[str, typer.Argument(help="案件编号或 id；也可以是引出该案的问题线索、问题的编号或 id")],
        as_json: AsJson = False,
        docx: Annotated[Path | None, typer.Option("--docx", help="另存为 Word 审查报告（.docx）", show_default=False)]
        = None,
        as_of: AsOf = None) -> None:
    from graph.reviews.case_review import CaseNotFound, review_case

    when, rules = _date(as_of, "--as-of"), _rules()
    with _store() as store:
        try:
            review = review_case(store, ref, as_of=when, rules=rules)
        except CaseNotFound as exc:
            _fail(str(exc))
    if docx is not None:
        from api.reports import case_review_docx

        path = case_review_docx.write(review, docx if docx.suffix else docx.with_suffix(".docx"))
        err.print(f"已写出 Word 审查报告 → {path}", highlight=False)
    if as_json:
        _print_json(review.model_dump(mode="json"))
    elif docx is None:
        print_review(review)


def print_batch(batch: CaseBatch) -> None:
    table = Table(title=f"一案三改审查汇总（{batch.scope}，截至 {batch.as_of.isoformat()}）")
    for header in ("案件编号", "立案日期", "发案单位", *SHORT.values(), "差距"):
        table.add_column(header, overflow="fold")
    for row in batch.rows:
        table.add_row(row.case_code, row.opened.isoformat(), row.unit_name or "—",
                      *(_state(row.states.get(d), row.gap_counts.get(d, 0)) for d in ORDER),
                      str(sum(row.gap_counts.values())))
    console.print(table)
    done = sum(1 for r in batch.rows if all(r.states.get(d) is State.DONE for d in ORDER))
    console.print(f"共 {len(batch.rows)} 件，四个方面均到位 {done} 件。个案、类案、系统、双查分别为个案整改、类案整改、"
                  "系统整改、一案双查，括号内为差距数。", highlight=False)


@review_app.command("cases", help="一轮巡察或一段时间内立案的全部案件的一案三改审查汇总；可另存为 Excel 表。")
def cases_command(
        round_id: Annotated[str | None, typer.Option("--round", help="巡察轮次 id", show_default=False)] = None,
        opened_from: Annotated[str | None, typer.Option("--from", help="立案日期起 YYYY-MM-DD", show_default=False)]
        = None,
        opened_to: Annotated[str | None, typer.Option("--to", help="立案日期止 YYYY-MM-DD", show_default=False)] = None,
        xlsx: Annotated[Path | None, typer.Option("--xlsx", help="另存为 Excel 汇总表（.xlsx）", show_default=False)]
        = None,
        as_json: AsJson = False,
        as_of: AsOf = None) -> None:
    from graph.reviews.case_review import review_cases

    start, end, when = _date(opened_from, "--from"), _date(opened_to, "--to"), _date(as_of, "--as-of")
    if start and end and start > end:
        _fail("--from 不能晚于 --to")
    rules = _rules()
    with _store() as store, err.status("正在逐案审查……"):
        found = store.get_node(round_id) if round_id else None
        if round_id and (found is None or found.kind is not NodeKind.ROUND):
            _fail(f"没有 id 为“{round_id}”的巡察轮次")
        try:
            batch = review_cases(store, round_id=round_id, opened_from=start, opened_to=end, as_of=when, rules=rules)
        except LookupError as exc:
            _fail(str(exc))
    if xlsx is not None:
        from api.reports import case_batch_xlsx

        path = case_batch_xlsx.write(batch, xlsx if xlsx.suffix else xlsx.with_suffix(".xlsx"))
        err.print(f"已写出 Excel 汇总表 → {path}（{len(batch.rows)} 件）", highlight=False)
    if as_json:
        _print_json(batch.model_dump(mode="json"))
    elif xlsx is None:
        print_batch(batch)


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")
