"""The Word 贯通联动 review opens with python-docx: a 公文 title, five sections, the tables and every sentence."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from api.reports import gongwen, linkage_docx
from graph.model import EdgeType as T
from graph.reviews.linkage import review_linkage
from graph.settings import get_settings
from graph.stores.embedded import EmbeddedStore
from tests.reviews.test_linkage import case, clue, scene

AS_OF = date(2024, 6, 30)


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    """东村 with an overlap, a missing hand-off (the clue came too late) and two stalled hand-offs."""
    s = scene()
    s.change("clue", transfer_date=date(2023, 6, 1))
    s.edges = [e if e[:3] != (T.TRANSFERRED_TO, "clue", "jw") else (*e[:3], {"on": date(2023, 6, 1)})
               for e in s.edges]
    s.unlink(T.ARISES_FROM, "clue", "audit")
    s.link(T.ARISES_FROM, "clue", "issue")
    clue(s, "late", "issue", date(2023, 6, 1))
    clue(s, "check", "issue", date(2023, 6, 1), disposal="preliminary_check", disposed=date(2023, 7, 1))
    case(s, "k", "check", date(2023, 7, 5))
    store = s.load(EmbeddedStore(tmp_path_factory.mktemp("docx") / "g.sqlite"))
    review = review_linkage(store, unit_id=s.id("v1"), as_of=AS_OF)
    rows = linkage_docx.sources(store, review)
    yield s, review, Document(BytesIO(linkage_docx.render(review, rows))), rows
    store.close()


def _texts(doc, style: str | None = None) -> list[str]:
    return [p.text for p in doc.paragraphs if style is None or p.style.name == style]


def _table(doc, first_header: str):
    return next(t for t in doc.tables if t.rows[0].cells[0].text == first_header)


def test_title_and_body_are_gongwen(reviewed):
    _, review, doc, _ = reviewed
    assert doc.paragraphs[0].text == "关于东村贯通联动情况的审查报告" == linkage_docx.document_title(review)
    assert doc.paragraphs[0].style.name == gongwen.TITLE
    assert doc.core_properties.title == doc.paragraphs[0].text
    opening = _texts(doc, gongwen.BODY)
    assert any(t.startswith("总体情况：涉及单位1个，发现问题2个，移交问题线索3条，立案1件") for t in opening)


def test_five_sections_in_order(reviewed):
    _, _, doc, _ = reviewed
    level_1 = _texts(doc, gongwen.LEVEL_1)
    assert level_1[:5] == ["一、各渠道发现情况", "二、重合发现", "三、移交情况与天数", "四、卡滞与应移交未移交",
                           "五、联动成效数字"]
    assert {"（一）移交卡滞", "（二）应移交未移交"} <= set(_texts(doc, gongwen.LEVEL_2))


def test_tables_hold_channels_overlaps_handoffs_with_days_and_figures(reviewed):
    _, review, doc, _ = reviewed
    channels = _table(doc, "监督渠道")
    assert [[c.text for c in r.cells][:2] for r in channels.rows[1:]] == [["巡察监督", "1"], ["审计监督", "1"]]
    overlaps = _table(doc, "重合依据")
    assert len(overlaps.rows) == 1 + len(review.overlaps) == 3
    handoffs = _table(doc, "线索编号")
    assert len(handoffs.rows) == 1 + len(review.handoffs)
    check = next(r for r in handoffs.rows if r.cells[0].text == "XS-check")
    assert [c.text for c in check.cells][4:8] == ["初步核实", "30", "AJ-k", "4"]
    figures = {r.cells[0].text: r.cells[1].text for r in _table(doc, "指标").rows[1:]}
    assert figures == {f.label: str(f.value) for f in review.figures}


def test_every_overlap_stall_and_missing_sentence_is_in_the_body(reviewed):
    _, review, doc, _ = reviewed
    body = "\n".join(_texts(doc, gongwen.BODY))
    assert review.stalls and review.missing and review.overlaps
    for sentence in [o.sentence for o in review.overlaps] + [s.sentence for s in review.stalls] + \
            [m.sentence for m in review.missing]:
        assert sentence.rstrip("。") in body


def test_attachments_list_the_items_and_their_sources(reviewed):
    _, review, doc, rows = reviewed
    texts = _texts(doc)
    assert "附件1" in texts and "附件2" in texts and "各渠道发现清单" in texts and "数据来源" in texts
    items = _table(doc, "序号")
    assert len(items.rows) == 1 + len(review.items)
    assert rows and {r["id"] for r in rows} >= {i.item_id for i in review.items}
    sources = doc.tables[-1]
    assert [c.text for c in sources.rows[0].cells] == ["序号", "记录", "来源文件", "工作表", "行号"]
    assert len(sources.rows) == 1 + len(rows) and sources.rows[1].cells[2].text == rows[0]["path"]


def test_an_empty_period_still_makes_a_document(tmp_path):
    s = scene()
    store = s.load(EmbeddedStore(tmp_path / "g.sqlite"))
    review = review_linkage(store, unit_id=s.id("v1"), date_from=date(2020, 1, 1), date_to=date(2020, 12, 31),
                            as_of=AS_OF)
    store.close()
    doc = Document(BytesIO(linkage_docx.render(review)))
    body = _texts(doc, gongwen.BODY)
    assert "所选期间内没有任何监督渠道的发现记录。" in body and "所选期间内没有移交问题线索。" in body


def test_the_command_writes_the_word_review(tmp_path, monkeypatch):
    from api.cli import app

    s = scene()
    store = s.load(EmbeddedStore(tmp_path / "graph.sqlite"))
    store.close()
    monkeypatch.setenv("XUNCHA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("XUNCHA_STORE", "embedded")
    get_settings.cache_clear()
    out: Path = tmp_path / "联动审查"
    result = CliRunner().invoke(app, ["review", "linkage", "--unit", s.id("v1"), "--docx", str(out),
                                      "--as-of", "2024-06-30"])
    assert result.exit_code == 0, result.output
    get_settings.cache_clear()
    doc = Document(str(out.with_suffix(".docx")))
    assert doc.paragraphs[0].text == "关于东村贯通联动情况的审查报告"


def test_a_round_review_lists_its_data_requests_names_the_late_ones_and_its_programme(tmp_path):
    from openpyxl import load_workbook

    from api.reports import linkage_xlsx
    from tests.reviews.test_linkage_requests import with_requests

    s = with_requests()
    s.change("r1", programme="audit_inspection")
    store = s.load(EmbeddedStore(tmp_path / "g.sqlite"))
    review = review_linkage(store, round_id=s.id("r1"), as_of=AS_OF)
    doc = Document(BytesIO(linkage_docx.render(review, linkage_docx.sources(store, review))))
    store.close()
    assert "（三）巡前数据调取" in _texts(doc, gongwen.LEVEL_2)
    table = _table(doc, "调取编号")
    assert [r.cells[0].text for r in table.rows[1:]] == ["DQ-late", "DQ-on_time", "DQ-silent"]
    body = "\n".join(_texts(doc, gongwen.BODY))
    assert len(review.request_gaps) == 2 and all(q.sentence.rstrip("。") in body for q in review.request_gaps)
    assert "巡前数据调取逾期2项" in body
    book = load_workbook(BytesIO(linkage_xlsx.render(review)))
    assert book["巡前数据调取"].max_row == 4
    assert "本轮巡察为巡审联动" in body and book["巡审联动"].max_row == 1 + len(review.programme_figures)
