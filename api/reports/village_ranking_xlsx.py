"""The Excel workbook of a village ranking (巡前画像): one row per village, one column per risk factor.

Sheet 村情风险排名 (名次, 村, 乡镇, 风险分, 建议分类, 建议巡察方式, each factor's score, the top factors) and
sheet 分类统计 (how many villages in each class). Chinese headers in a frozen first row with an auto-filter,
columns as wide as their contents (the linkage workbook's layout).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from api.reports.sheets import MEDIA_TYPE, fill_sheet, workbook_bytes, write_file
from graph.reviews.village_profile_model import VillageRanking

__all__ = ["MEDIA_TYPE", "build", "file_name", "render", "write"]


def file_name(ranking: VillageRanking) -> str:
    return f"村情风险排名（{ranking.scope}，截至{ranking.as_of.isoformat()}）.xlsx"


def build(ranking: VillageRanking) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "村情风险排名"
    keys = list(ranking.factor_labels)
    headers = ["名次", "村（社区）", "所属乡镇", "风险分", "建议分类", "建议巡察方式",
               *(f"{ranking.factor_labels[k]}（得分）" for k in keys), "主要风险因素"]
    rows = [[r.rank, r.name, r.township, r.score, r.village_class, r.mode,
             *(r.factor_scores.get(k, 0.0) for k in keys), "；".join(r.top_factors)] for r in ranking.rows]
    fill_sheet(ws, headers, rows)
    fill_sheet(wb.create_sheet("分类统计"), ["建议分类", "村数"], [[k, v] for k, v in ranking.class_counts.items()])
    return wb


def render(ranking: VillageRanking) -> bytes:
    return workbook_bytes(build(ranking))


def write(ranking: VillageRanking, path: Path) -> Path:
    return write_file(render(ranking), path)
