"""The Word document of a 贯通联动 review, laid out as an office files a report (see ``gongwen``).

Title, an opening paragraph with the figures in one sentence, then five sections
一、各渠道发现情况 二、重合发现 三、移交情况与天数 四、卡滞与应移交未移交
五、联动成效数字, with tables (findings per channel, overlaps, hand-offs with the
days of each step, figures) and the stalled and missing hand-offs as numbered
sentences. Two attachments: 各渠道发现清单 (every item the review counted) and
数据来源 (the ledger file, sheet and row each item, clue and case was read from,
when the caller passes them; see :func:`sources`). Everything comes from the
``LinkageReview``; nothing is derived here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.document import Document as DocumentType

from api.reports import gongwen as gw
from api.reports import labels as zh
from graph.model.ids import kind_of_id
from graph.reviews.linkage import channel_zh
from graph.reviews.linkage_model import LinkageReview
from graph.stores.base import QueryRunner

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SECTIONS = ("各渠道发现情况", "重合发现", "移交情况与天数", "卡滞与应移交未移交", "联动成效数字")


def document_title(review: LinkageReview) -> str:
    return f"关于{review.subject_name}贯通联动情况的审查报告"


def file_name(review: LinkageReview) -> str:
    return f"{review.subject_name}贯通联动审查报告.docx"


def sources(store: QueryRunner, review: LinkageReview) -> list[dict[str, Any]]:
    """The ledger rows behind the items, clues and cases of a review (named query ``sources_of``)."""
    ids = {i.item_id for i in review.items} | {h.clue_id for h in review.handoffs} | {
        h.case_id for h in review.handoffs if h.case_id} | {q.request_id for q in review.data_requests}
    return store.run_query("sources_of", {"ids": sorted(ids)}) if ids else []


def _period(r: LinkageReview) -> str:
    if not r.date_from and not r.date_to:
        return "全部期间"
    return f"{gw.chinese_date(r.date_from, '不限')}至{gw.chinese_date(r.date_to, '不限')}"


def _people(r: LinkageReview, ids: list[str]) -> str:
    return "、".join(r.people.get(p, p) for p in ids) or zh.DASH


def _opening(doc: DocumentType, r: LinkageReview) -> None:
    gw.body(doc, f"按照巡察监督与纪检监察监督、派驻监督、审计监督、信访监督等贯通联动的工作要求，对{r.scope.label_zh}"
                 f"{r.subject_name}在{_period(r)}内各监督渠道的发现、重合和移交情况进行了审查，"
                 f"数据截至{gw.chinese_date(r.as_of)}。现将有关情况报告如下。")
    head = "，".join(f"{f.label}{f.value}{_unit(f.key)}" for f in r.figures[:5])
    asked = f"，巡前数据调取逾期{len(r.request_gaps)}项" if r.scope.value == "round" else ""
    gw.body(doc, f"{head}；重合发现{len(r.overlaps)}处，移交卡滞{len(r.stalls)}项，应移交未移交{len(r.missing)}项{asked}。",
            bold_lead="总体情况：")


def _unit(key: str) -> str:
    return {"units_covered": "个", "problems_found": "个", "clues_transferred": "条", "cases_opened": "件"}.get(key, "人")


def _channels(doc: DocumentType, r: LinkageReview) -> None:
    gw.heading(doc, 1, f"{gw.level_1(1)}{SECTIONS[0]}")
    if not r.channels:
        gw.body(doc, "所选期间内没有任何监督渠道的发现记录。")
        return
    gw.body(doc, f"共有{len(r.channels)}个监督渠道发现问题{len(r.items)}个，分渠道情况如下，逐项见附件1。")
    gw.table(doc, ("监督渠道", "发现问题（个）", "最早发现", "最近发现"),
             [(c.channel_zh, c.count, zh.iso(c.first_date), zh.iso(c.last_date)) for c in r.channels],
             (50, 34, 36, 36))


def _overlaps(doc: DocumentType, r: LinkageReview) -> None:
    gw.heading(doc, 1, f"{gw.level_1(2)}{SECTIONS[1]}")
    if not r.overlaps:
        gw.body(doc, "未发现同一单位同类问题或同一人员被两个以上监督渠道发现的情况。")
        return
    gw.body(doc, f"同一单位同类问题或同一人员被两个以上监督渠道发现的共{len(r.overlaps)}处，列表如下。")
    gw.table(doc, ("重合依据", "单位或人员", "问题类别", "发现渠道", "最先发现", "发现次数"),
             [(o.basis.label_zh, o.unit_name or o.person_name or zh.DASH, o.category or zh.DASH,
               "、".join(channel_zh(c) for c in o.channels), f"{channel_zh(o.first_channel)} {zh.iso(o.first_date)}",
               len(o.sightings)) for o in r.overlaps], (24, 30, 22, 36, 30, 14))
    for k, o in enumerate(r.overlaps, 1):
        gw.body(doc, o.sentence, bold_lead=f"{k}. ")


def _handoffs(doc: DocumentType, r: LinkageReview) -> None:
    gw.heading(doc, 1, f"{gw.level_1(3)}{SECTIONS[2]}")
    if not r.handoffs:
        gw.body(doc, "所选期间内没有移交问题线索。")
        return
    disposed = sum(1 for h in r.handoffs if h.disposal)
    cased = len({h.case_id for h in r.handoffs if h.case_id})
    gw.body(doc, f"共移交问题线索{len({h.clue_id for h in r.handoffs})}条，已处置{disposed}条，据此立案{cased}件。"
                 "各环节用时（天）如下。")
    gw.table(doc, ("线索编号", "接收单位", "移交日期", "发现至移交", "处置方式", "移交至处置", "案件编号",
                   "处置至立案", "立案至结案", "处理结果"),
             [(h.clue_code, h.receiver_name or zh.DASH, zh.iso(h.transfer_date), zh.days(h.days_found_to_transfer),
               zh.disposal(h.disposal) if h.disposal else "未处置", zh.days(h.days_transfer_to_disposal),
               h.case_code or zh.DASH, zh.days(h.days_disposal_to_case), zh.days(h.days_case_to_close),
               zh.outcome(h.outcome)) for h in r.handoffs],
             (22, 22, 22, 13, 18, 13, 20, 13, 13, 18))


def _gaps(doc: DocumentType, r: LinkageReview) -> None:
    gw.heading(doc, 1, f"{gw.level_1(4)}{SECTIONS[3]}")
    gw.heading(doc, 2, f"{gw.level_2(1)}移交卡滞")
    if r.stalls:
        for k, s in enumerate(r.stalls, 1):
            gw.body(doc, f"{s.sentence.rstrip('。')}。（{s.kind.label_zh}）", bold_lead=f"{k}. ")
    else:
        gw.body(doc, "未发现超过时限的移交卡滞。")
    gw.heading(doc, 2, f"{gw.level_2(2)}应移交未移交")
    if r.missing:
        for k, m in enumerate(r.missing, 1):
            gw.body(doc, m.sentence, bold_lead=f"{k}. ")
    else:
        gw.body(doc, "未发现一个渠道发现的问题被另一渠道再次发现而其间未移交问题线索的情况。")
    if r.scope.value == "round":
        _requests(doc, r)
    if r.directives:
        _directives(doc, r, 4 if r.scope.value == "round" else 3)


def _directives(doc: DocumentType, r: LinkageReview, number: int) -> None:
    gw.heading(doc, 2, f"{gw.level_2(number)}交办事项办理")
    late = [d for d in r.directives if d.overdue]
    gw.body(doc, f"反馈意见和讲话中交办有关机关的事项{len(r.directives)}项，逾期未办结{len(late)}项。")
    for k, d in enumerate(r.directives, 1):
        gw.body(doc, d.sentence, bold_lead=f"{k}. ")


def _requests(doc: DocumentType, r: LinkageReview) -> None:
    gw.heading(doc, 2, f"{gw.level_2(3)}巡前数据调取")
    if not r.data_requests:
        gw.body(doc, "本轮巡察未登记巡前数据调取。")
        return
    gaps = r.request_gaps
    gw.body(doc, f"本轮巡察前共向有关单位调取资料{len(r.data_requests)}项，其中逾期反馈或逾期未反馈{len(gaps)}项。")
    gw.table(doc, ("调取编号", "被调取单位", "调取事项", "调取日期", "要求反馈", "反馈日期", "反馈内容", "逾期（天）"),
             [(q.code, q.body_name or zh.DASH, q.request, zh.iso(q.requested_date), zh.iso(q.due_date),
               zh.iso(q.answered_date) if q.answered_date else "未反馈", q.response or zh.DASH, zh.days(q.days_late))
              for q in r.data_requests], (20, 22, 36, 20, 20, 20, 26, 12))
    for k, q in enumerate(gaps, 1):
        gw.body(doc, f"{(q.sentence or '').rstrip('。')}。（{q.gap.label_zh if q.gap else ''}）", bold_lead=f"{k}. ")


def _figures(doc: DocumentType, r: LinkageReview) -> None:
    gw.heading(doc, 1, f"{gw.level_1(5)}{SECTIONS[4]}")
    gw.body(doc, "以下数字均由图谱中的记录逐项计数得出，每项数字背后的记录见附件1、附件2及 Excel 导出。")
    _figure_table(doc, r.figures)
    if r.programme_zh:
        gw.body(doc, f"本轮巡察为{r.programme_zh}，只计巡察监督及联动渠道发现的问题和由此移交的线索，成效如下。")
        _figure_table(doc, r.programme_figures)


def _figure_table(doc: DocumentType, figures: list) -> None:
    gw.table(doc, ("指标", "数量", "依据（前5项标识）"),
             [(f.label, f.value, "、".join(f.ids[:5]) + ("等" if len(f.ids) > 5 else "") or zh.DASH)
              for f in figures], (40, 20, 96))


def _closing(doc: DocumentType, r: LinkageReview, rows: list[dict[str, Any]] | None) -> None:
    for k, note in enumerate(r.notes, 1):
        lead = "需要说明的是：" if len(r.notes) == 1 else f"说明{gw.chinese_number(k)}："
        gw.body(doc, lead + note.rstrip("。") + "。")
    gw.body(doc, "")
    gw.body(doc, "附件：1. 各渠道发现清单")
    gw.body(doc, "\u3000" * 3 + "2. 数据来源")
    gw.body(doc, "")
    gw.flush_right(doc, gw.chinese_date(r.as_of))
    _attachment(doc, "附件1", "各渠道发现清单")
    if r.items:
        gw.table(doc, ("序号", "监督渠道", "发现日期", "单位", "问题类别", "问题描述", "所涉人员"),
                 [(n, i.channel_zh, zh.iso(i.found_date), i.unit_name or zh.DASH, i.category or zh.DASH,
                   i.text or zh.DASH, _people(r, i.person_ids)) for n, i in enumerate(r.items, 1)],
                 (10, 20, 22, 24, 18, 44, 18))
    else:
        gw.body(doc, "无。")
    _attachment(doc, "附件2", "数据来源")
    if rows:
        gw.table(doc, ("序号", "记录", "来源文件", "工作表", "行号"),
                 [(n, f"{zh.item_kind(kind_of_id(x['id']))} {x['id']}" if kind_of_id(x["id"]) else x["id"],
                   x["path"], x.get("sheet") or zh.DASH, zh.DASH if x.get("row") is None else x["row"])
                  for n, x in enumerate(rows, 1)], (10, 50, 60, 22, 14))
    else:
        gw.body(doc, "未载明出处。")


def _attachment(doc: DocumentType, label: str, name: str) -> None:
    gw.page_break(doc)
    gw.flush_left(doc, label)
    gw.body(doc, "")
    gw.title(doc, name)


def build(review: LinkageReview, rows: list[dict[str, Any]] | None = None) -> DocumentType:
    title = document_title(review)
    doc = gw.new_document(title, subject="贯通联动审查")
    gw.title(doc, title)
    _opening(doc, review)
    _channels(doc, review)
    _overlaps(doc, review)
    _handoffs(doc, review)
    _gaps(doc, review)
    _figures(doc, review)
    _closing(doc, review, rows)
    return doc


def render(review: LinkageReview, rows: list[dict[str, Any]] | None = None) -> bytes:
    """The review as the bytes of a .docx file; ``rows`` are the ledger rows from :func:`sources`."""
    return gw.to_bytes(build(review, rows))


def write(review: LinkageReview, path: Path, rows: list[dict[str, Any]] | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render(review, rows))
    return path


__all__ = ["MEDIA_TYPE", "SECTIONS", "build", "document_title", "file_name", "render", "sources", "write"]
