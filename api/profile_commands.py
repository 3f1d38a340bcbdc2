"""``xuncha profile UNIT`` (巡前画像 of a village or any unit) and ``xuncha rank`` (the villages of a township, of
the county, or of a list, by risk), as issue 16 names them; ``xuncha review village`` and ``xuncha review villages``
are the same commands under their first names.

Prints for a person at a terminal, or ``--json`` for a program; ``--docx`` writes the Word 巡前画像, ``--xlsx`` the
ranking workbook. They call the same functions the API calls and show the result model as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from api.analysis_commands import _print_json, _store, console, err
from api.review_commands import _date, _fail, review_app
from graph.reviews.village_profile_model import VillageProfile, VillageRanking
from graph.settings import get_settings

AsOf = Annotated[str | None, typer.Option("--as-of", help="截至日期 YYYY-MM-DD（默认今天）", show_default=False)]
Township = Annotated[str | None, typer.Option("--township", help="所属乡镇（街道）名称或 id（区分同名村；排名时限定范围）",
                                              show_default=False)]


def print_profile(p: VillageProfile) -> None:
    f = p.facts
    where = f.township or f.county
    console.print(f"[bold]巡前画像：{where}{p.name}[/bold]（{p.unit_kind_zh}，截至 {p.as_of}）", highlight=False)
    if p.unit_kind == "village":
        console.print(f"人口 {f.population or '—'}，户数 {f.households or '—'}，主导产业 {'、'.join(f.industries) or '—'}，"
                      f"村集体收入 {f.collective_income if f.collective_income is not None else '—'} 万元，"
                      f"台账分类 {f.village_class or '—'}；最近一次巡察 {p.last_inspected or '无'}", highlight=False)
    else:
        console.print(f"{f.county}{p.unit_kind_zh}；最近一次巡察 {p.last_inspected or '无'}", highlight=False)
    console.print(f"风险分 [bold]{p.score:g}[/bold]，建议分类 [bold]{p.village_class}[/bold]，建议巡察方式 "
                  f"[bold]{p.mode}[/bold]（{p.mode_reason}）", highlight=False)
    factors = Table("风险因素", "取值", "权重", "得分", title="风险因素")
    for x in p.factors:
        factors.add_row(x.label, f"{x.value:g}", f"{x.weight:g}", f"{x.contribution:g}")
    console.print(factors)
    console.print("[bold]监督重点[/bold]")
    for n, line in enumerate(p.focus, 1):
        console.print(f"{n}. {line}", highlight=False)
    cadres = Table("姓名", "职务", "任职起", "任职止", "现任", title=p.team_title)
    for c in p.cadres:
        cadres.add_row(c.name, c.post + ("（一把手）" if c.first_in_command else ""), str(c.start),
                       str(c.end or "—"), "是" if c.current else "")
    console.print(cadres)
    issues = Table("发现日期", "类别", "状态", "逾期任务", "复发", "问题", title="历轮巡察问题")
    for i in p.issues:
        issues.add_row(str(i.found_date), i.category, i.status, str(len(i.overdue_task_ids) or ""),
                       "是" if i.relapse else ("重复" if i.repeats_of else ""), i.text)
    console.print(issues)
    console.print(f"信访 {p.petitions.count} 件（办理中 {len(p.petitions.open_ids)} 件），项目 {len(p.projects)} 个，"
                  f"惠民补贴 {len(p.benefits)} 笔，涉及现任{p.team_title}成员的线索 {len(p.handoffs)} 条，亲属关联 "
                  f"{len(p.relative_links)} 处，其他监督发现 {len(p.findings)} 个", highlight=False)


def print_ranking(r: VillageRanking) -> None:
    table = Table("名次", "村（社区）", "乡镇", "风险分", "分类", "方式", "主要风险因素",
                  title=f"村情风险排名：{r.scope}（截至 {r.as_of}）")
    for row in r.rows:
        table.add_row(str(row.rank), row.name, row.township, f"{row.score:g}", row.village_class, row.mode,
                      "；".join(row.top_factors))
    console.print(table)
    console.print("各类村数：" + "，".join(f"{k} {v}" for k, v in r.class_counts.items()), highlight=False)


def profile_command(unit: Annotated[str, typer.Argument(help="村（社区）或单位的 id 或名称（同名村可写“乡镇/村”）")],
                    township: Township = None,
                    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
                    docx: Annotated[Path | None, typer.Option("--docx", help="另存为 Word（.docx）巡前画像",
                                                              show_default=False)] = None,
                    as_of: AsOf = None) -> None:
    from api.profile_subject import resolve
    from graph.reviews.rules import RulesError
    from graph.reviews.village_profile import ProfileNotFound, profile_unit

    when = _date(as_of, "--as-of")
    settings = get_settings()
    with _store() as store:
        try:
            uid = resolve(store, unit, township, alias_table=settings.alias_table)
            profile = profile_unit(store, uid, as_of=when, data_dir=settings.data_dir)
        except (ProfileNotFound, RulesError) as exc:
            _fail(str(exc))
    if docx is not None:
        from api.reports import village_profile_docx

        path = village_profile_docx.write(profile, docx if docx.suffix else docx.with_suffix(".docx"))
        err.print(f"已写出 Word → {path}", highlight=False)
    if as_json:
        _print_json(profile.model_dump(mode="json"))
    elif docx is None:
        print_profile(profile)


def rank_command(
        villages: Annotated[list[str] | None, typer.Argument(
            help="只排这些村（id 或名称，同名村写“乡镇/村”或加 --township）；不写则排 --township 或全县的村",
            show_default=False)] = None,
        township: Township = None,
        county: Annotated[str | None, typer.Option("--county", help="县（市、区）名称", show_default=False)] = None,
        as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
        xlsx: Annotated[Path | None, typer.Option("--xlsx", help="另存为 Excel（.xlsx）", show_default=False)] = None,
        as_of: AsOf = None) -> None:
    from api.profile_subject import resolve, resolve_many
    from graph.reviews.rules import RulesError
    from graph.reviews.village_profile import ProfileNotFound, rank_villages

    when = _date(as_of, "--as-of")
    settings = get_settings()
    with _store() as store, err.status("正在逐村画像……"):
        try:
            if villages:
                ids = resolve_many(store, villages, township, kind="village", alias_table=settings.alias_table)
                ranking = rank_villages(store, villages=ids, as_of=when, data_dir=settings.data_dir)
            else:
                town = resolve(store, township, kind="township", alias_table=settings.alias_table) if township \
                    else None
                ranking = rank_villages(store, township_id=town, county=county, as_of=when,
                                        data_dir=settings.data_dir)
        except (ProfileNotFound, RulesError) as exc:
            _fail(str(exc))
    if xlsx is not None:
        from api.reports import village_ranking_xlsx

        path = village_ranking_xlsx.write(ranking, xlsx if xlsx.suffix else xlsx.with_suffix(".xlsx"))
        err.print(f"已写出 Excel → {path}", highlight=False)
    if as_json:
        _print_json(ranking.model_dump(mode="json"))
    elif xlsx is None:
        print_ranking(ranking)


PROFILE_HELP = ("巡前画像：一个村（或乡镇、县直单位等，只列适用的部分）的基本情况、班子成员及任职、历轮问题和整改、"
                "信访、项目、补贴、涉及现任班子成员的线索和案件、亲属关联、其他监督发现，以及逐项列明的风险分、"
                "建议分类、监督重点和巡察方式；每项注明来源。")
RANK_HELP = "村情风险排名：一个乡镇、全县或指定的若干村按风险分排序，列出主要风险因素和各类村数；可另存为 Excel。"
review_app.command("village", help=PROFILE_HELP + "（同 xuncha profile）")(profile_command)
review_app.command("villages", help=RANK_HELP + "（同 xuncha rank）")(rank_command)


def register(app: typer.Typer) -> None:
    """``xuncha profile`` and ``xuncha rank`` at the top level, as issue 16 names them (the same commands live under
    ``xuncha review`` as ``village`` and ``villages``)."""
    app.command("profile", help=PROFILE_HELP)(profile_command)
    app.command("rank", help=RANK_HELP)(rank_command)
