"""``xuncha init --county 宁川县 [--city …]``: the county the office works in, recorded once in the data folder.

Ledgers without a county column (an office of one county does not write its name on every row) take this
county; a ledger whose county column names another county is refused, row by row.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from api.audit import write_from_shell
from graph.settings import get_settings, read_office, write_office
from loaders.successions import write_default

console = Console()
err = Console(stderr=True)


def init(county: Annotated[str, typer.Option("--county", help="本机构所在县（市、区），如 宁川县")] = "",
         city: Annotated[str, typer.Option("--city", help="所属市（州），可不填")] = "") -> None:
    settings = get_settings()
    if not county.strip():
        office = settings.office()
        if office.county:
            console.print(f"本机构所在县：{office.county}{'（' + office.city + '）' if office.city else ''}；"
                          "如需更改：xuncha init --county 某某县")
            return
        err.print("[red]错误：[/red]请用 --county 写明本机构所在县（市、区），例如：xuncha init --county 宁川县")
        raise typer.Exit(1)
    before = read_office(settings.data_dir)
    office = write_office(settings.data_dir, county, city)
    write_from_shell(settings.data_dir, "office.init",
                     {"county": office.county, "city": office.city, "before": before.county or None},
                     command="xuncha init")
    console.print(f"已设置本机构所在县：{office.county}{'（' + office.city + '）' if office.city else ''}"
                  f" → {settings.office_file}")
    started = write_default(settings.data_dir)
    if started:
        console.print(f"机构沿革清单（机构改革中更名、合并的单位）已写入 {started}，请按本县实际增删、补上日期。")
    if before.county and before.county != office.county:
        console.print(f"[yellow]原设置为“{before.county}”，已改为“{office.county}”。已载入的数据不受影响。[/yellow]")
    if settings.county and settings.county != office.county:
        console.print(f"[yellow]注意：环境变量 XUNCHA_COUNTY=“{settings.county}”优先于此设置。[/yellow]")


def register(app: typer.Typer) -> None:
    app.command("init", help="设置本机构所在县（只需一次）：未填县的台账按此县载入，填了他县的台账不予载入。")(init)
