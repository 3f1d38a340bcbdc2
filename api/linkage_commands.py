"""``xuncha review linkage``: the 贯通联动 review of a unit, a person or a round, in a period.

Prints for a person at a terminal, or ``--json`` for a program, and can write
the Excel workbook of the rows behind every figure (``--xlsx``) and the Word review (``--docx``). It calls the
same review function the API calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from api.analysis_commands import _print_json, _store, console, err
from api.reports import labels as zh
from api.review_commands import _date, _fail, review_app
from graph.reviews.linkage_model import LinkageReview
from graph.settings import get_settings

Id = Annotated[str | None, typer.Option(show_default=False)]


def print_linkage(r: LinkageReview) -> None:
    period = f"{r.date_from or '不限'} 至 {r.date_to or '不限'}"
    console.print(f"[bold]贯通联动审查：{r.scope.label_zh} {r.subject_name}[/bold]（期间 {period}，审查日期 {r.as_of}）",
                  highlight=False)
    figures = Table("指标", "数量", title="联动成效")
    for f in r.figures:
        figures.add_row(f.label, str(f.value))
    console.print(figures)
    if r.programme_zh:
        programme = Table("指标", "数量", title=f"{r.programme_zh}成效（巡察及联动渠道）")
        for f in r.programme_figures:
            programme.add_row(f.label, str(f.value))
        console.print(programme)
    channels = Table("监督渠道", "发现问题", "最早", "最近", title="各渠道发现")
    for c in r.channels:
        channels.add_row(c.channel_zh, str(c.count), str(c.first_date or ""), str(c.last_date or ""))
    console.print(channels)
    for title, lines in (("重合发现", [o.sentence for o in r.overlaps]),
                         ("移交卡滞", [s.sentence for s in r.stalls]),
                         ("应移交未移交", [m.sentence for m in r.missing]),
                         *([("巡前数据调取逾期", [q.sentence or "" for q in r.request_gaps])]
                           if r.scope.value == "round" else [])):
        console.print(f"\n[bold]{title}[/bold]（{len(lines)}）")
        for n, line in enumerate(lines, 1):
            console.print(f"{n}. {line}", highlight=False)
    if r.handoffs:
        table = Table("线索", "移交", "接收单位", "处置", "天数", "案件", "立案", "结果", title="移交链条")
        for h in r.handoffs:
            disposal = zh.disposal(h.disposal) if h.disposal else "未处置"
            table.add_row(h.clue_code, str(h.transfer_date), h.receiver_name or "—", disposal,
                          str(h.days_transfer_to_disposal if h.days_transfer_to_disposal is not None else "—"),
                          h.case_code or "—", str(h.opened or "—"), zh.outcome(h.outcome))
        console.print(table)
    for note in r.notes:
        console.print(f"说明：{note}", highlight=False)


@review_app.command("linkage", help="贯通联动审查：一个单位、一名人员或一轮巡察，各监督渠道的发现、重合、移交链条、"
                                    "卡滞和应移交未移交，以及联动成效数字；可另存为 Excel 或 Word。")
def linkage_command(
        unit: Annotated[str | None, typer.Option("--unit", help="单位 id 或名称", show_default=False)] = None,
        person: Annotated[str | None, typer.Option("--person", help="人员 id 或姓名", show_default=False)] = None,
        round_id: Annotated[str | None, typer.Option("--round", help="巡察轮次 id", show_default=False)] = None,
        date_from: Annotated[str | None, typer.Option("--from", help="发现日期起 YYYY-MM-DD", show_default=False)]
        = None,
        date_to: Annotated[str | None, typer.Option("--to", help="发现日期止 YYYY-MM-DD", show_default=False)] = None,
        as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
        xlsx: Annotated[Path | None, typer.Option("--xlsx", help="另存为 Excel（.xlsx）", show_default=False)] = None,
        docx: Annotated[Path | None, typer.Option("--docx", help="另存为 Word 审查报告（.docx）", show_default=False)]
        = None,
        as_of: Annotated[str | None, typer.Option("--as-of", help="审查日期 YYYY-MM-DD（默认今天）",
                                                  show_default=False)] = None) -> None:
    from api.linkage_subject import SubjectAmbiguous, SubjectNotFound, resolve_subject
    from graph.reviews.linkage import LinkageNotFound, review_linkage
    from graph.reviews.rules import RulesError, load_rules

    if sum(x is not None for x in (unit, person, round_id)) != 1:
        _fail("请指定且只指定 --unit、--person、--round 中的一个")
    start, end, when = _date(date_from, "--from"), _date(date_to, "--to"), _date(as_of, "--as-of")
    if start and end and start > end:
        _fail("--from 不能晚于 --to")
    try:
        rules = load_rules("linkage", get_settings().data_dir)
    except RulesError as exc:
        _fail(str(exc))
    with _store() as store:
        try:
            unit, person = resolve_subject(store, unit=unit, person=person, alias_table=get_settings().alias_table)
            review = review_linkage(store, unit_id=unit, person_id=person, round_id=round_id, date_from=start,
                                    date_to=end, as_of=when, rules=rules)
        except (LinkageNotFound, SubjectNotFound, SubjectAmbiguous) as exc:
            _fail(str(exc))
        if docx is not None:
            from api.reports import linkage_docx

            path = linkage_docx.write(review, docx if docx.suffix else docx.with_suffix(".docx"),
                                      linkage_docx.sources(store, review))
            err.print(f"已写出 Word 审查报告 → {path}", highlight=False)
    if xlsx is not None:
        from api.reports import linkage_xlsx

        path = linkage_xlsx.write(review, xlsx if xlsx.suffix else xlsx.with_suffix(".xlsx"))
        err.print(f"已写出 Excel → {path}", highlight=False)
    if as_json:
        _print_json(review.model_dump(mode="json"))
    elif xlsx is None and docx is None:
        print_linkage(review)


def register(app: typer.Typer) -> None:
    """The command lives under ``xuncha review`` (importing this module adds it) and, as issue 17 names it, at the
    top level too: ``xuncha linkage`` is the same command."""
    app.command("linkage", help="贯通联动审查（同 xuncha review linkage）。")(linkage_command)
