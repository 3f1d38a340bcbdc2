"""Reading .docx and .txt into numbered blocks, and refusing files that cannot be read with a message naming them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document

from loaders.text.readers import TextFileError, TextLimits, read_document


def _docx(path: Path) -> Path:
    doc = Document()
    doc.add_heading("关于对宁川县水利局党组巡察情况的反馈意见", level=1)
    doc.add_paragraph("")  # empty paragraphs are not counted
    doc.add_paragraph().add_run("一、存在的主要问题").bold = True
    doc.add_paragraph("防汛物资台账与实物不符。", style="List Number")
    table = doc.add_table(rows=2, cols=3)
    for c, text in enumerate(("序号", "单位", "问题")):
        table.cell(0, c).text = text
    for c, text in enumerate(("1", "县水利局", "河道巡查记录缺失")):
        table.cell(1, c).text = text
    doc.add_paragraph("以上问题请认真整改。")
    doc.save(str(path))
    return path


def test_docx_paragraphs_headings_lists_and_tables_numbered_in_reading_order(tmp_path):
    doc = read_document(_docx(tmp_path / "反馈.docx"))
    assert [b.number for b in doc.blocks] == [1, 2, 3, 4, 5, 6]
    title, bold, listed, header, row, last = doc.blocks
    assert title.heading and not title.bold and title.text.startswith("关于对")
    assert bold.bold and not bold.heading
    assert listed.level == 0 and listed.text == "防汛物资台账与实物不符。"
    assert header.cells == ["序号", "单位", "问题"] and header.header == []
    assert row.header == ["序号", "单位", "问题"] and row.cells[1] == "县水利局"
    assert last.text == "以上问题请认真整改。" and doc.encoding == "docx" and len(doc.sha256) == 64


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_txt_in_utf8_or_gb18030_is_detected(tmp_path, encoding):
    text = "关于县水利局：一是河道采砂监管存在漏洞。\n\n二是𠀀字（扩展区）与“引号”照常读出。\n"
    path = tmp_path / "讲话.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_document(path)
    assert [b.text for b in doc.blocks] == ["关于县水利局：一是河道采砂监管存在漏洞。",
                                            "二是𠀀字（扩展区）与“引号”照常读出。"]
    assert doc.encoding == ("gb18030" if encoding == "gb18030" else "utf-8")


def test_the_gb18030_fixture_is_not_utf8_and_reads_as_chinese():
    path = Path(__file__).resolve().parents[1] / "data" / "report_text" / "dev" / "speech_yishi.gb18030.txt"
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    assert "县卫生健康局" in read_document(path).blocks[3].text


def _refused(path: Path, *words: str, limits: TextLimits | None = None) -> str:
    with pytest.raises(TextFileError) as caught:
        read_document(path, limits or TextLimits())
    message = str(caught.value)
    assert message.startswith(path.name + "："), message
    for word in words:
        assert word in message, message
    return message


def test_bad_files_are_refused_naming_the_file(tmp_path):
    empty = tmp_path / "空白.docx"
    empty.write_bytes(b"")
    _refused(empty, "空的")
    corrupt = tmp_path / "损坏.docx"
    corrupt.write_bytes(b"PK\x03\x04 this is not a zip at all")
    _refused(corrupt, "损坏")
    encrypted = tmp_path / "加密.docx"  # an encrypted Office file is an OLE compound document
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    _refused(encrypted, "加密")
    not_word = tmp_path / "不是文档.docx"
    with zipfile.ZipFile(not_word, "w") as z:
        z.writestr("hello.txt", "hi")
    _refused(not_word, "不是有效的 Word")
    binary = tmp_path / "二进制.txt"
    binary.write_bytes(b"\x00\x01\x02abc")
    _refused(binary, "不是文本文件")
    blank = tmp_path / "只有空行.txt"
    blank.write_text("\n \n\t\n", encoding="utf-8")
    _refused(blank, "没有文字")
    other = tmp_path / "表格.xlsx"
    other.write_bytes(b"x")
    _refused(other, "不支持")


def test_limits_refuse_before_reading_and_name_the_setting(tmp_path):
    path = tmp_path / "长文.txt"
    path.write_text("第一段有问题。\n" * 50, encoding="utf-8")
    _refused(path, "max_decompressed_bytes", limits=TextLimits(max_decompressed_bytes=100))
    _refused(path, "max_blocks", limits=TextLimits(max_blocks=10))
    _refused(path, "max_chars", limits=TextLimits(max_chars=100))
    bomb = tmp_path / "炸弹.docx"
    _docx(bomb)
    with zipfile.ZipFile(bomb, "a") as z:
        z.writestr("word/padding.xml", "<a/>" + " " * (3 * 1024 * 1024), compress_type=zipfile.ZIP_DEFLATED)
    _refused(bomb, "max_compression_ratio")
