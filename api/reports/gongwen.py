"""The layout of a 公文 (GB/T 9704-2012, as county offices apply it), shared by every Word document we write.

A4 portrait with the standard margins (top 37 mm, bottom 35 mm, left 28 mm,
right 26 mm: a type area of 156 × 225 mm); the title in 方正小标宋简体 二号,
centred; the body in 仿宋_GB2312 三号 at a fixed line pitch of 22 lines a
page, each paragraph indented two characters; headings 一、 in 黑体,
（一） in 楷体_GB2312, 1. in bold 仿宋; page numbers as “— 1 —” in 宋体 四号,
odd pages on the right and even pages on the left.

The GB fonts are not installed everywhere, so the font table names a fallback
for each (仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体, 楷体_GB2312 → 楷体): Word
and WPS use the fallback when the named font is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from io import BytesIO

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

FANGSONG, XIAOBIAOSONG, HEITI, KAITI, SONGTI = "仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"
LATIN = "Times New Roman"
FALLBACK = {FANGSONG: "仿宋", XIAOBIAOSONG: SONGTI, KAITI: "楷体"}
ER_HAO, SAN_HAO, SI_HAO, WU_HAO = Pt(22), Pt(16), Pt(14), Pt(10.5)  # 二号, 三号, 四号, 五号
LINE_PITCH = Pt(28.95)  # 225 mm type area / 22 lines
TABLE_LINE = Pt(15)
TEXT_WIDTH_MM = 210 - 28 - 26

TITLE, LEVEL_1, LEVEL_2, LEVEL_3, BODY, CELL = "公文标题", "一级标题", "二级标题", "三级标题", "公文正文", "表格文字"
STYLE_IDS = {TITLE: "GongwenTitle", LEVEL_1: "GongwenLevel1", LEVEL_2: "GongwenLevel2", LEVEL_3: "GongwenLevel3",
             BODY: "GongwenBody", CELL: "GongwenCell"}
DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (section numbers stay below 100).

    >>> [chinese_number(n) for n in (1, 10, 12, 20, 35)]
    ['一', '十', '十二', '二十', '三十五']
    """
    tens, ones = divmod(n, 10)
    if not tens:
        return DIGITS[ones]
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")


def level_1(n: int) -> str:
    return f"{chinese_number(n)}、"


def level_2(n: int) -> str:
    return f"（{chinese_number(n)}）"


def chinese_date(d: date | None, missing: str = "—") -> str:
    """Dates as 公文 write them (GB/T 9704-2012 uses Arabic numerals and no leading zeros).

    >>> chinese_date(date(2024, 3, 5))
    '2024年3月5日'
    """
    return f"{d.year}年{d.month}月{d.day}日" if d else missing


def _fonts(element, east_asia: str, latin: str = LATIN) -> None:
    """Set the fonts of a run or style's rPr, dropping theme fonts (which would win over named ones)."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east_asia), ("w:cs", latin),
                        ("w:hint", "eastAsia")):  # the hint keeps “” and …… in the Chinese font
        fonts.set(qn(attr), value)


def _paragraph_style(doc: DocumentType, name: str, font: str, size: Pt, *, bold: bool = False,
                     align: WD_ALIGN_PARAGRAPH | None = None, indent: bool = True, outline: int | None = None,
                     line: Pt = LINE_PITCH) -> None:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = STYLE_IDS[name]  # ASCII ids, as Word writes them; people see the Chinese name
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    _fonts(style.element, font)
    style.font.size, style.font.bold = size, bold
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, line
    fmt.first_line_indent = size * 2 if indent else Pt(0)
    fmt.widow_control = True
    if align is not None:
        fmt.alignment = align
    if outline is not None:
        fmt.keep_with_next = True
        style.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{outline}"/>'))


def _styles(doc: DocumentType) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr, value in (("w:ascii", LATIN), ("w:hAnsi", LATIN), ("w:eastAsia", FANGSONG), ("w:cs", LATIN)):
        fonts.set(qn(attr), value)
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    normal = doc.styles["Normal"]
    _fonts(normal.element, FANGSONG)
    normal.font.size = SAN_HAO
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing_rule, normal.paragraph_format.line_spacing = WD_LINE_SPACING.EXACTLY, LINE_PITCH
    _paragraph_style(doc, TITLE, XIAOBIAOSONG, ER_HAO, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, line=Pt(35))
    _paragraph_style(doc, LEVEL_1, HEITI, SAN_HAO, outline=0)
    _paragraph_style(doc, LEVEL_2, KAITI, SAN_HAO, outline=1)
    _paragraph_style(doc, LEVEL_3, FANGSONG, SAN_HAO, bold=True, outline=2)
    _paragraph_style(doc, BODY, FANGSONG, SAN_HAO, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _paragraph_style(doc, CELL, FANGSONG, WU_HAO, indent=False, line=TABLE_LINE)


def _font_fallbacks(doc: DocumentType) -> None:
    """Name a fallback for each GB font in the font table (w:altName), so a machine without it still shows 仿宋/宋体."""
    part = next(rel.target_part for rel in doc.part.rels.values() if rel.reltype == RT.FONT_TABLE)
    table = parse_xml(part.blob)
    for name, alt in FALLBACK.items():
        table.append(parse_xml(f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alt}"/>'
                               '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'))
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_number(paragraph: Paragraph, align: WD_ALIGN_PARAGRAPH) -> None:
    """“— N —” in 宋体 四号, one character in from the outer edge."""
    paragraph.alignment = align
    if align is WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = SI_HAO
    else:
        paragraph.paragraph_format.left_indent = SI_HAO
    runs = [paragraph.add_run("— ")]
    field = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            field._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))
        elif text == " PAGE ":
            field._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>'))
        else:
            field._r.append(parse_xml(f'<w:t {nsdecls("w")}>{text}</w:t>'))
    runs += [field, paragraph.add_run(" —")]
    for run in runs:
        _fonts(run._r, SONGTI)
        run.font.size = SI_HAO


def new_document(title: str, *, subject: str = "", author: str = "巡察知识图谱") -> DocumentType:
    """An empty 公文: A4, 公文 margins, styles, font fallbacks, page numbers in the footer."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(28)
    _styles(doc)
    _font_fallbacks(doc)
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)
    props = doc.core_properties
    props.title, props.subject, props.author, props.language = title, subject, author, "zh-CN"
    return doc


def _add(doc: DocumentType, text: str, style: str) -> Paragraph:
    """A paragraph in one of our styles (set by id: python-docx's lookup by name is slow on long documents)."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.style = _style_id(doc, style)
    return paragraph


def _style_id(doc: DocumentType, name: str) -> str:
    return doc.styles[name].style_id


def title(doc: DocumentType, text: str) -> Paragraph:
    """The title, then the empty line GB/T 9704 leaves before the body."""
    paragraph = _add(doc, text, TITLE)
    _add(doc, "", BODY)
    return paragraph


def heading(doc: DocumentType, level: int, text: str) -> Paragraph:
    return _add(doc, text, (LEVEL_1, LEVEL_2, LEVEL_3)[level - 1])


def body(doc: DocumentType, text: str, *, bold_lead: str | None = None) -> Paragraph:
    """A body paragraph; ``bold_lead`` is a run-in lead in bold (“1. ”, “总体情况：”)."""
    paragraph = _add(doc, "", BODY)
    if bold_lead:
        paragraph.add_run(bold_lead).bold = True
    paragraph.add_run(text)
    return paragraph


def flush_right(doc: DocumentType, text: str) -> Paragraph:
    """A line set right, four characters in (成文日期)."""
    paragraph = _add(doc, text, BODY)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.paragraph_format.right_indent = SAN_HAO * 4
    return paragraph


def flush_left(doc: DocumentType, text: str, style: str = LEVEL_1) -> Paragraph:
    """A line at the left edge with no indent (the word 附件 at the head of an attachment)."""
    paragraph = _add(doc, text, style)
    paragraph.paragraph_format.first_line_indent = Pt(0)
    return paragraph


def page_break(doc: DocumentType) -> None:
    doc.add_page_break()


def _cell_text(cell, text: str, style_id: str, *, bold: bool = False, centre: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph._p.style = style_id
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(text).bold = bold


def table(doc: DocumentType, headers: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float]) -> Table:
    """A ruled table in 仿宋 五号 across the type area (``widths`` in mm, scaled to fit); the header repeats per page."""
    cell_style = _style_id(doc, CELL)
    grid = doc.add_table(rows=1, cols=len(headers))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    total = sum(widths)
    sizes = [Mm(TEXT_WIDTH_MM * w / total) for w in widths]
    head = grid.rows[0]
    head._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
    for cell, text in zip(head.cells, headers, strict=True):
        _cell_text(cell, text, cell_style, bold=True, centre=True)
    for values in rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            _cell_text(cell, "" if value is None else str(value), cell_style)
    for column, size in zip(grid.columns, sizes, strict=True):
        column.width = size
        for cell in column.cells:
            cell.width = size
    _add(doc, "", CELL)  # a thin gap before the next paragraph
    return grid


def to_bytes(doc: DocumentType) -> bytes:
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
