"""The Word review opens with python-docx and is laid out as a 公文: title, four sections, gaps, tables, appendix."""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from api.reports import case_review_docx, gongwen
from graph.reviews.case_review_model import Dimension
from tests.reports.samples import GAPS, LEDGER, review_with_gaps, review_without_gaps

SECTIONS = ("一、个案整改情况", "二、类案整改情况", "三、系统整改情况", "四、一案双查情况")


def _open(review):
    return Document(BytesIO(case_review_docx.render(review)))


@pytest.fixture(scope="module")
def doc():
    return _open(review_with_gaps())


def _texts(doc, style: str | None = None) -> list[str]:
    return [p.text for p in doc.paragraphs if style is None or p.style.name == style]


def _east_asia(style) -> str | None:
    while style is not None:
        fonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
        if fonts is not None and fonts.get(qn("w:eastAsia")):
            return fonts.get(qn("w:eastAsia"))
        style = style.base_style
    return None


def test_title_is_centred_er_hao_xiaobiaosong(doc):
    title = doc.paragraphs[0]
    assert title.text == "关于宁川县LA20210007号案件“一案三改”情况的审查报告"
    assert title.style.name == gongwen.TITLE and title.style.font.size == Pt(22)
    assert title.style.paragraph_format.alignment == 1  # centred
    assert _east_asia(title.style) == "方正小标宋简体"
    assert doc.core_properties.title == title.text


def test_four_numbered_sections_with_states_and_sub_headings(doc):
    level_1 = _texts(doc, gongwen.LEVEL_1)
    assert [t.split("（")[0] for t in level_1[:4]] == list(SECTIONS)
    assert level_1[0].endswith("（部分到位）") and level_1[1].endswith("（未到位）")
    level_2 = _texts(doc, gongwen.LEVEL_2)
    assert "（一）案件基本情况" in level_2 and "（四）存在的差距" in level_2 and level_2.count("（二）存在的差距") == 1


def test_every_gap_sentence_is_numbered_and_cites_the_appendix(doc):
    body = _texts(doc, gongwen.BODY)
    for sentence in GAPS.values():
        line = next(t for t in body if sentence in t)
        assert line[:3] in ("1. ", "2. ") and "证据出处见附件2第" in line
    assert any(t.startswith("总体情况：") and "共发现差距5项" in t for t in body)
    assert "附件：1. 同类问题清单" in body and "\u3000\u3000\u30002. 证据出处" in body


def test_the_body_lists_similar_issues_not_yet_rectified_and_attachment_1_lists_all(doc):
    similar = [t for t in doc.tables if t.rows[0].cells[3].text == "问题描述"]
    assert [[r.cells[0].text for r in t.rows[1:]] for t in similar] == [["宁川县水利局"], ["宁川县水利局", "宁川县林业局"]]
    body = _texts(doc, gongwen.BODY)
    assert any("共发现同类问题2个，涉及2个单位：未整改1个，已整改1个；其中整改逾期1个，整改后复发0个" in t for t in body)
    assert _texts(doc, gongwen.LEVEL_1)[-2:] == ["附件1", "附件2"]
    assert _texts(doc, gongwen.TITLE)[1:] == ["同类问题清单", "证据出处"]


def test_tables_of_tasks_similar_issues_letters_measures_people_and_sources(doc):
    heads = [tuple(c.text for c in t.rows[0].cells) for t in doc.tables]
    assert heads.count(case_review_docx.TASK_HEADERS) == 2  # the issue's tasks and the 系统整改 tasks
    assert any(h[0] == "文号" for h in heads) and any("名称" in h and "出台单位" in h for h in heads)
    people = next(t for t in doc.tables if t.rows[0].cells[0].text == "责任")
    assert [r.cells[1].text for r in people.rows[1:]] == ["李建国", "赵明", "县纪委监委第二派驻纪检监察组"]
    sources = doc.tables[-1]
    assert [c.text for c in sources.rows[0].cells] == ["序号", "对应差距", "证据", "来源文件", "工作表", "行号"]
    rows = [[c.text for c in r.cells] for r in sources.rows[1:]]
    assert ["1", "一（四）1", "整改任务 tsk_0000000000000001", LEDGER, "Sheet1", "5"] in rows
    assert any(r[1] == "二（三）2" and r[3] == "未载明出处" for r in rows)  # a gap whose evidence has no ledger row
    assert sources.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # the header repeats on every page


def test_body_is_fangsong_san_hao_with_fallback_and_two_character_indent(doc):
    body = doc.styles[gongwen.BODY]
    assert _east_asia(body).startswith("仿宋") and body.font.size == Pt(16)
    assert body.paragraph_format.first_line_indent == Pt(32)
    assert _east_asia(doc.styles["Normal"]) == "仿宋_GB2312"
    assert all(_east_asia(p.style).startswith("仿宋") for p in doc.paragraphs if p.style.name == gongwen.BODY)
    assert _east_asia(doc.styles[gongwen.LEVEL_1]) == "黑体" and _east_asia(doc.styles[gongwen.LEVEL_2]) == "楷体_GB2312"
    fonts = next(r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/fontTable")).blob.decode()
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in fonts


def test_a4_with_gongwen_margins_and_page_numbers(doc):
    section = doc.sections[0]
    mm = [round(v.mm) for v in (section.page_width, section.page_height, section.top_margin, section.bottom_margin,
                                section.left_margin, section.right_margin)]
    assert mm == [210, 297, 37, 35, 28, 26]
    for footer in (section.footer, section.even_page_footer):
        xml = footer.paragraphs[0]._p.xml
        assert "PAGE" in xml and footer.paragraphs[0].text.startswith("— ")


def test_a_review_without_gaps_or_sources_says_so(doc):
    clean = _open(review_without_gaps())
    body = _texts(clean, gongwen.BODY)
    assert any("未发现差距" in t for t in body) and any("未找到引出该案的问题线索" in t for t in body)
    assert sum("未列出差距，" in t for t in body) == len(Dimension)
    assert any(t.startswith("需要说明的是：该案没有问题线索或问题来源记录") for t in body)
    assert "本报告未列差距。" in body and all(t.rows[0].cells[0].text != "序号" for t in clean.tables)


def test_file_name_and_spans():
    assert case_review_docx.file_name(review_with_gaps()).endswith(".docx")
    assert case_review_docx.spans([3, 1, 2, 7, 8]) == "1—3、7—8"
