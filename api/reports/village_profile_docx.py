"""The Word document of a 巡前画像, ready to hand to an inspection group (公文 layout, see ``gongwen``).

Title, a summary paragraph (score, class, mode), then 一、基本情况 二、村两委 (领导班子 for a unit other than a
village) 三、历轮巡察问题 (a timeline with state, overdue tasks and relapses) 四、风险因素 (value × weight =
contribution per factor) 五、监督重点和巡察方式 六、线索案件和其他监督发现 (clues and cases naming current members,
with their state; the other channels' findings), and an attachment 数据来源 (the ledger file, sheet and row of
every item). Everything comes from the
``VillageProfile``; nothing is derived here.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocumentType

from api.reports import gongwen as gw
from graph.model.enums import IssueStatus
from graph.reviews.village_profile_model import VillageProfile

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SECTIONS = ("基本情况", "村两委", "历轮巡察问题", "风险因素", "监督重点和巡察方式", "线索案件和其他监督发现")


def document_title(p: VillageProfile) -> str:
    return f"{p.facts.township}{p.name}巡前画像"


def file_name(p: VillageProfile) -> str:
    return f"{document_title(p)}（截至{p.as_of.isoformat()}）.docx"


def _status(value: str) -> str:
    try:
        return IssueStatus(value).label_zh
    except ValueError:
        return value


def _facts(doc: DocumentType, p: VillageProfile) -> None:
    f = p.facts
    income = f.collective_income if f.collective_income is not None else "—"
    gw.heading(doc, 1, gw.level_1(1) + SECTIONS[0])
    if p.unit_kind != "village":
        gw.body(doc, f"{p.name}为{f.county}{f.township}{p.unit_kind_zh}。最近一次巡察为"
                     f"{gw.chinese_date(p.last_inspected, '无')}。历轮巡察发现问题{len(p.issues)}个，涉及现任"
                     f"{p.team_title}成员的问题线索{len(p.handoffs)}条，其他监督渠道发现{len(p.findings)}个。")
        return
    gw.body(doc, f"{p.name}隶属{f.township}，人口{f.population or '—'}人、{f.households or '—'}户，主导产业"
                 f"{'、'.join(f.industries) or '—'}，村集体收入{income}"
                 f"万元，台账村情分类为{f.village_class or '—'}。最近一次巡察为{gw.chinese_date(p.last_inspected, '无')}。"
                 f"信访{p.petitions.count}件（办理中{len(p.petitions.open_ids)}件），项目{len(p.projects)}个，惠民补贴"
                 f"{len(p.benefits)}笔，涉及现任村干部的问题线索{len(p.handoffs)}条，亲属关联{len(p.relative_links)}处，"
                 f"其他监督渠道发现{len(p.findings)}个。")


def _cadres(doc: DocumentType, p: VillageProfile) -> None:
    gw.heading(doc, 1, gw.level_1(2) + p.team_title)
    rows = [[c.name, c.post + ("（一把手）" if c.first_in_command else ""), gw.chinese_date(c.start),
             gw.chinese_date(c.end, "至今"), "现任" if c.current else "离任"] for c in p.cadres]
    gw.table(doc, ["姓名", "职务", "任职起", "任职止", "状态"], rows, [20, 30, 30, 30, 15])


def _issues(doc: DocumentType, p: VillageProfile) -> None:
    gw.heading(doc, 1, gw.level_1(3) + SECTIONS[2])
    rows = [[i.round_title or i.round_id, gw.chinese_date(i.found_date), i.category, i.text, _status(i.status),
             len(i.overdue_task_ids) or "", "复发" if i.relapse else ("重复" if i.repeats_of else "")] for i in p.issues]
    gw.table(doc, ["轮次", "发现日期", "类别", "问题", "整改", "逾期任务", "重复"], rows, [28, 22, 18, 60, 14, 12, 12])


def _factors(doc: DocumentType, p: VillageProfile) -> None:
    gw.heading(doc, 1, gw.level_1(4) + SECTIONS[3])
    gw.body(doc, f"风险分{p.score:g}分，建议分类为{p.village_class}。各项风险因素的取值、权重和得分如下。")
    rows = [[f.label, f"{f.value:g}", f"{f.weight:g}", f"{f.contribution:g}"] for f in p.factors]
    gw.table(doc, ["风险因素", "取值", "权重", "得分"], rows, [60, 20, 20, 20])


def _focus(doc: DocumentType, p: VillageProfile) -> None:
    gw.heading(doc, 1, gw.level_1(5) + SECTIONS[4])
    for n, line in enumerate(p.focus, 1):
        gw.body(doc, f"{n}. {line}")
    gw.body(doc, f"建议巡察方式：{p.mode}。{p.mode_reason}")


def _leads(doc: DocumentType, p: VillageProfile) -> None:
    gw.heading(doc, 1, gw.level_1(6) + SECTIONS[5])
    gw.heading(doc, 2, gw.level_2(1) + f"涉及现任{p.team_title}成员的问题线索和案件")
    rows = [[h.clue_code, gw.chinese_date(h.transfer_date), h.disposal or "未处置", h.case_code or "",
             h.outcome or "", h.stalled or ""] for h in p.handoffs]
    gw.table(doc, ["线索编号", "移交日期", "处置方式", "案件编号", "处理结果", "停滞情形"], rows, [28, 22, 22, 28, 22, 30])
    gw.heading(doc, 2, gw.level_2(2) + "其他监督渠道发现")
    rows = [[x.channel_zh, gw.chinese_date(x.found_date), x.category or "", x.text or ""] for x in p.findings]
    gw.table(doc, ["监督渠道", "发现日期", "类别", "问题"], rows, [22, 22, 18, 90])


def _sources(doc: DocumentType, p: VillageProfile) -> None:
    gw.page_break(doc)
    gw.flush_left(doc, "附件")
    gw.title(doc, "数据来源")
    rows = [[item, s.path, s.sheet or "", s.row or ""] for item, found in p.sources.items() for s in found]
    gw.table(doc, ["标识", "文件", "工作表", "行号"], rows, [40, 70, 30, 15])


def build(p: VillageProfile) -> DocumentType:
    title = document_title(p)
    doc = gw.new_document(title, subject="巡前画像")
    gw.title(doc, title)
    gw.body(doc, f"截至{gw.chinese_date(p.as_of)}，{p.name}风险分{p.score:g}分，建议分类为{p.village_class}，"
                 f"建议巡察方式为{p.mode}。", bold_lead="总体情况：")
    for part in (_facts, _cadres, _issues, _factors, _focus, _leads, _sources):
        part(doc, p)
    return doc


def render(p: VillageProfile) -> bytes:
    return gw.to_bytes(build(p))


def write(p: VillageProfile, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render(p))
    return path


__all__ = ["MEDIA_TYPE", "SECTIONS", "build", "document_title", "file_name", "render", "write"]
