"""The Word document of one 一案三改 review, laid out as an office files a report (see ``gongwen``).

Title, an opening paragraph and the overall finding, then four sections
一、个案整改 二、类案整改 三、系统整改 四、一案双查, each with what was found
(tables of tasks, similar issues, letters, measures, responsible people) and
the gaps as numbered sentences; every gap points to rows of the attachment
证据出处, which names the ledger file, sheet and row of each piece of evidence.
The body lists the similar issues that are not rectified (or relapsed); all of
them are in the attachment 同类问题清单, so a county-wide problem does not bury the report.
Everything comes from the ``CaseReview``; nothing is derived here.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from docx.document import Document as DocumentType

from api.reports import gongwen as gw
from api.reports import labels as zh
from graph.model.enums import IssueStatus
from graph.model.ids import kind_of_id
from graph.reviews.case_review_model import (
    CaseReview,
    Dimension,
    Gap,
    Part,
    SimilarIssue,
    SourceItem,
    State,
    TaskLine,
)

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ORDER = (Dimension.INDIVIDUAL, Dimension.CATEGORY, Dimension.SYSTEMIC, Dimension.ACCOUNTABILITY)
TASK_HEADERS = ("层级", "整改措施", "责任人", "完成时限", "完成日期", "状态", "佐证材料", "逾期（天）")
TASK_WIDTHS = (13, 36, 14, 22, 22, 13, 22, 14)  # mm; dates need 22 mm in 五号
NO_SOURCE = "未载明出处"


def document_title(review: CaseReview) -> str:
    code = review.case_code if review.case_code.endswith("号") else f"{review.case_code}号"
    return f"关于{code}案件“一案三改”情况的审查报告"


def file_name(review: CaseReview) -> str:
    return f"{review.case_code}案件一案三改审查报告.docx"


def spans(numbers: list[int]) -> str:
    """[1, 2, 3, 5] → 1—3、5 (the appendix rows a gap cites).

    >>> spans([5, 1, 2, 3]), spans([4])
    ('1—3、5', '4')
    """
    out: list[str] = []
    ordered = sorted(set(numbers))
    start = prev = ordered[0]
    for n in [*ordered[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}—{prev}")
        if n is not None:
            start = prev = n
    return "、".join(out)


class Appendix:
    """The rows of the attachment 证据出处, one per distinct source, each listing the gaps that cite it."""

    def __init__(self, name: str) -> None:
        self.name = name  # 附件1, 附件2…
        self.rows: dict[tuple[str, str, str | None, int | None], list[str]] = {}
        self.numbers: dict[tuple[str, str, str | None, int | None], int] = {}

    def cite(self, gap: Gap, where: str) -> list[int]:
        keys = [(s.id, s.path, s.sheet, s.row) for s in gap.sources]
        sourced = {s.id for s in gap.sources}
        keys += [(ev, NO_SOURCE, None, None) for ev in gap.evidence if ev not in sourced]
        numbers = []
        for key in keys:
            if key not in self.rows:
                self.rows[key], self.numbers[key] = [], len(self.rows) + 1
            if where not in self.rows[key]:
                self.rows[key].append(where)
            numbers.append(self.numbers[key])
        return numbers

    def table_rows(self) -> list[tuple[object, ...]]:
        out: list[tuple[object, ...]] = []
        for n, ((node, path, sheet, row), gaps) in enumerate(self.rows.items(), 1):
            kind = kind_of_id(node)
            what = f"{zh.item_kind(kind)} {node}" if kind else node
            out.append((n, "、".join(gaps), what, path, sheet or zh.DASH, zh.DASH if row is None else row))
        return out


def _part(review: CaseReview, dimension: Dimension) -> Part | None:
    return next((p for p in review.parts if p.dimension is dimension), None)


def _state(part: Part | None) -> str:
    return part.state.label_zh if part else "未审查"


def _task_rows(tasks: list[TaskLine]) -> list[tuple[object, ...]]:
    return [(zh.task_level(t.level), t.measure, t.owner or zh.DASH, zh.iso(t.deadline), zh.iso(t.done_date),
             zh.task_status(t.status), t.evidence or "无", zh.days(t.days_overdue)) for t in tasks]


def _gaps(doc: DocumentType, part: Part | None, where: str, appendix: Appendix) -> None:
    if part is None:
        gw.body(doc, "本方面未作审查。")
        return
    if not part.gaps:
        verdict = (f"{part.dimension.label_zh}到位" if part.state is State.DONE
                   else f"本方面{part.state.label_zh}，理由见上文")
        gw.body(doc, f"未列出差距，{verdict}。")
        return
    for k, gap in enumerate(part.gaps, 1):
        cited = appendix.cite(gap, f"{where}{k}")
        where_from = f"；证据出处见{appendix.name}第{spans(cited)}项" if cited else ""
        tail = f"（{gap.kind.label_zh}{where_from}）"
        gw.body(doc, gap.sentence.rstrip("。") + "。" + tail, bold_lead=f"{k}. ")


def _opening(doc: DocumentType, review: CaseReview) -> None:
    unit = review.unit_name or "（发案单位未载明）"
    gw.body(doc, f"按照“一案三改”工作要求，对{unit}{review.case_code}号案件的个案整改、类案整改、系统整改和一案双查"
                 f"情况进行了审查，数据截至{gw.chinese_date(review.as_of)}。现将有关情况报告如下。")
    states = "，".join(f"{d.label_zh}{_state(_part(review, d))}" for d in ORDER)
    count = len(review.gaps)
    verdict = f"共发现差距{count}项，需逐项推动整改。" if count else "未发现差距。"
    gw.body(doc, f"{states}；{verdict}", bold_lead="总体情况：")


def _case_facts(doc: DocumentType, review: CaseReview) -> None:
    closed = f"于{gw.chinese_date(review.closed)}结案" if review.closed else "尚未结案"
    gw.body(doc, f"该案于{gw.chinese_date(review.opened)}立案，{closed}，处理结果为{zh.outcome(review.outcome)}。"
                 f"案情摘要：{review.summary.rstrip('。')}。")
    if review.suggestion:
        answered = (f"发案单位已于{gw.chinese_date(review.suggestion_response_date)}反馈。"
                    if review.suggestion_response_date else "发案单位尚未反馈。")
        gw.body(doc, f"纪检监察建议书提出：{review.suggestion.rstrip('。')}。{answered}")
    else:
        gw.body(doc, "该案未提出纪检监察建议。")


def _clues(doc: DocumentType, review: CaseReview) -> None:
    if not review.clues:
        gw.body(doc, "未找到引出该案的问题线索。")
        return
    gw.body(doc, f"该案由{len(review.clues)}条问题线索引出，移交及处置情况如下。")
    gw.table(doc, ("线索编号", "移交日期", "接收单位", "处置方式", "处置日期", "用时（天）"),
             [(c.code, zh.iso(c.transfer_date), c.receiver_name or zh.DASH, zh.disposal(c.disposal),
               zh.iso(c.disposal_date), zh.days(c.days_to_disposal)) for c in review.clues],
             (28, 22, 36, 26, 22, 22))


def _source(doc: DocumentType, k: int, item: SourceItem) -> None:
    where = "".join(x for x in (item.unit_name, item.round_title) if x) or "（单位、轮次未载明）"
    code = f"（{item.code}）" if item.code else ""
    facts = "，".join(x for x in (item.category and f"问题类别为{item.category}",
                                  item.found_date and f"{gw.chinese_date(item.found_date)}发现",
                                  item.status and f"整改状态为{zh.issue_status(item.status)}") if x)
    gw.body(doc, f"{where}的{zh.item_kind(item.kind)}{code}：{(item.text or '无问题描述').rstrip('。')}。"
                 + (f"{facts}。" if facts else ""), bold_lead=f"{k}. ")
    if item.tasks:
        gw.table(doc, TASK_HEADERS, _task_rows(item.tasks), TASK_WIDTHS)
    else:
        gw.body(doc, "该问题没有整改任务。")
    if item.relapsed_in:
        gw.body(doc, f"整改后，其后轮次又发现同一问题{len(item.relapsed_in)}个。")


def _individual(doc: DocumentType, review: CaseReview, appendix: Appendix) -> None:
    part = _part(review, Dimension.INDIVIDUAL)
    gw.heading(doc, 1, f"{gw.level_1(1)}个案整改情况（{_state(part)}）")
    gw.heading(doc, 2, f"{gw.level_2(1)}案件基本情况")
    _case_facts(doc, review)
    gw.heading(doc, 2, f"{gw.level_2(2)}问题线索")
    _clues(doc, review)
    gw.heading(doc, 2, f"{gw.level_2(3)}问题来源及整改任务")
    if not review.sources:
        gw.body(doc, "未找到该案所源自的巡察问题或其他监督发现，无法核对个案整改任务。")
    for k, item in enumerate(review.sources, 1):
        _source(doc, k, item)
    gw.heading(doc, 2, f"{gw.level_2(4)}存在的差距")
    _gaps(doc, part, "一（四）", appendix)


def _category(doc: DocumentType, review: CaseReview, appendix: Appendix, similar_list: str) -> None:
    part = _part(review, Dimension.CATEGORY)
    gw.heading(doc, 1, f"{gw.level_1(2)}类案整改情况（{_state(part)}）")
    gw.heading(doc, 2, f"{gw.level_2(1)}同类问题")
    if review.similar:
        units = len({s.unit_id for s in review.similar})
        states = Counter(zh.issue_status(s.status) for s in review.similar)
        tally = "，".join(f"{label}{n}个" for label, n in states.most_common())
        overdue, relapsed = sum(s.overdue for s in review.similar), sum(s.relapse for s in review.similar)
        pending = [s for s in review.similar if not _rectified(s) or s.relapse]
        gw.body(doc, f"在其他单位和其他轮次共发现同类问题{len(review.similar)}个，涉及{units}个单位：{tally}；"
                     f"其中整改逾期{overdue}个，整改后复发{relapsed}个。"
                     + (f"尚未整改到位的{len(pending)}个列表如下，" if pending else "均已整改到位，")
                     + f"全部同类问题见{similar_list}。")
        if pending:
            _similar_table(doc, pending)
    else:
        gw.body(doc, "未发现其他单位或其他轮次的同类问题。")
    gw.heading(doc, 2, f"{gw.level_2(2)}同类单位巡察覆盖情况")
    if review.peers:
        gw.table(doc, ("单位", "同属", "最近一次巡察", "立案后是否巡察"),
                 [(p.unit_name, p.via_name, zh.iso(p.last_inspected), "否" if p.blind_spot else "是")
                  for p in review.peers], (50, 44, 31, 31))
    else:
        gw.body(doc, "未找到与发案单位同类的其他单位。")
    gw.heading(doc, 2, f"{gw.level_2(3)}存在的差距")
    _gaps(doc, part, "二（三）", appendix)


def _rectified(issue: SimilarIssue) -> bool:
    return zh.issue_status(issue.status) == IssueStatus.RECTIFIED.label_zh


def _similar_table(doc: DocumentType, rows: list[SimilarIssue]) -> None:
    gw.table(doc, ("单位", "巡察轮次", "发现日期", "问题描述", "相似度", "整改状态", "逾期", "复发"),
             [(s.unit_name, s.round_title or zh.DASH, zh.iso(s.found_date), s.text, f"{s.score:.2f}",
               zh.issue_status(s.status), zh.yes_no(s.overdue), zh.yes_no(s.relapse)) for s in rows],
             (22, 24, 22, 38, 14, 14, 11, 11))


def _systemic(doc: DocumentType, review: CaseReview, appendix: Appendix) -> None:
    part = _part(review, Dimension.SYSTEMIC)
    gw.heading(doc, 1, f"{gw.level_1(3)}系统整改情况（{_state(part)}）")
    gw.heading(doc, 2, f"{gw.level_2(1)}巡察建议函")
    if review.letters:
        gw.table(doc, ("文号", "主送单位", "发函日期", "反馈日期", "待反馈天数"),
                 [(lt.code, lt.regulator_name or zh.DASH, zh.iso(lt.sent_date), zh.iso(lt.response_date),
                   zh.days(lt.days_waiting)) for lt in review.letters], (40, 46, 24, 24, 22))
    else:
        gw.body(doc, "未就该类问题发出巡察建议函。")
    gw.heading(doc, 2, f"{gw.level_2(2)}系统整改任务")
    if review.systemic_tasks:
        gw.table(doc, TASK_HEADERS, _task_rows(review.systemic_tasks), TASK_WIDTHS)
    else:
        gw.body(doc, "没有系统整改层级的整改任务。")
    gw.heading(doc, 2, f"{gw.level_2(3)}专项治理与制度建设")
    if review.measures:
        gw.table(doc, ("编号", "类别", "名称", "出台单位", "出台日期"),
                 [(m.code, zh.measure_kind(m.measure_kind), m.title, m.issuer_name or zh.DASH, zh.iso(m.issued_date))
                  for m in review.measures], (26, 20, 52, 36, 22))
    else:
        gw.body(doc, "未开展专项治理，也未出台相关制度。")
    gw.heading(doc, 2, f"{gw.level_2(4)}存在的差距")
    _gaps(doc, part, "三（四）", appendix)


def _accountability(doc: DocumentType, review: CaseReview, appendix: Appendix) -> None:
    part = _part(review, Dimension.ACCOUNTABILITY)
    gw.heading(doc, 1, f"{gw.level_1(4)}一案双查情况（{_state(part)}）")
    gw.heading(doc, 2, f"{gw.level_2(1)}责任人追责问责情况")
    if review.responsible:
        gw.table(doc, ("责任", "姓名或单位", "是否追责问责", "依据"),
                 [(r.duty.label_zh, r.name, zh.yes_no(r.held_to_account), "、".join(r.by) or zh.DASH)
                  for r in review.responsible], (46, 36, 22, 52))
    else:
        gw.body(doc, "未找到发案时的一把手、分管班子成员和监督责任单位。")
    gw.heading(doc, 2, f"{gw.level_2(2)}存在的差距")
    _gaps(doc, part, "四（二）", appendix)


def _closing(doc: DocumentType, review: CaseReview, appendix: Appendix) -> None:
    for k, note in enumerate(review.notes, 1):
        lead = "需要说明的是：" if len(review.notes) == 1 else f"说明{gw.chinese_number(k)}："
        gw.body(doc, lead + note.rstrip("。") + "。")
    names = (["同类问题清单"] if review.similar else []) + ["证据出处"]
    gw.body(doc, "")
    if len(names) == 1:
        gw.body(doc, f"附件：{names[0]}")
    for k, name in enumerate(names if len(names) > 1 else [], 1):
        gw.body(doc, ("附件：" if k == 1 else "\u3000" * 3) + f"{k}. {name}")  # later lines align under the first
    gw.body(doc, "")
    gw.flush_right(doc, gw.chinese_date(review.as_of))
    if review.similar:
        _attachment(doc, "附件1", "同类问题清单")
        _similar_table(doc, review.similar)
    _attachment(doc, appendix.name, "证据出处")
    if appendix.rows:
        gw.table(doc, ("序号", "对应差距", "证据", "来源文件", "工作表", "行号"), appendix.table_rows(),
                 (10, 20, 44, 52, 18, 12))
    else:
        gw.body(doc, "本报告未列差距。")


def _attachment(doc: DocumentType, label: str, name: str) -> None:
    """A new page headed 附件N (黑体, at the left edge) and the attachment's title."""
    gw.page_break(doc)
    gw.flush_left(doc, label)
    gw.body(doc, "")
    gw.title(doc, name)


def build(review: CaseReview) -> DocumentType:
    title = document_title(review)
    doc = gw.new_document(title, subject="一案三改审查")
    gw.title(doc, title)
    _opening(doc, review)
    appendix = Appendix("附件2" if review.similar else "附件")
    _individual(doc, review, appendix)
    _category(doc, review, appendix, "附件1")
    _systemic(doc, review, appendix)
    _accountability(doc, review, appendix)
    _closing(doc, review, appendix)
    return doc


def render(review: CaseReview) -> bytes:
    """The review as the bytes of a .docx file."""
    return gw.to_bytes(build(review))


def write(review: CaseReview, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render(review))
    return path


__all__ = ["MEDIA_TYPE", "build", "document_title", "file_name", "render", "write"]
