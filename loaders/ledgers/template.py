"""Excel templates a clerk fills in: headers, one example row, drop-down lists for enum columns."""

from __future__ import annotations

from pathlib import Path

from graph.model import NodeKind, enums
from graph.model.taxonomy import load_taxonomy
from loaders.ledgers.mapping import LedgerKind
from loaders.ledgers.readers import column_letter

TYPE_ZH = {"str": "文字", "int": "整数", "float": "数字", "date": "日期（2023-04-02 / 2023年4月2日 等）",
           "bool": "是/否", "list": "多项用顿号分隔", "category": "问题类别", "id_number": "身份证号（只保存摘要）",
           "unit_ref": "单位名称（按单位名册匹配）"}


def requirement(type_name: str) -> str:
    """What the notes sheet asks of a column: a value of its type, a choice from its drop-down list, or the code of
    a record loaded before (问题编号 of an issue — from a ledger, or WB-… shown in the text queue for a report's)."""
    if type_name in TYPE_ZH:
        return TYPE_ZH[type_name]
    if type_name.startswith("code_ref:"):
        kind = NodeKind(type_name.split(":", 1)[1])
        return f"已载入的{kind.label_zh}的编号（须先载入；报告文本中接受的问题用文本待审页所示的问题编号 WB-…）" \
            if kind is NodeKind.ISSUE else f"已载入的{kind.label_zh}的编号（须先载入）"
    return "从下拉列表选择"


def choices(type_name: str) -> list[str]:
    if type_name.startswith("enum:"):
        return [m.label_zh for m in getattr(enums, type_name.split(":", 1)[1])]
    if type_name == "bool":
        return ["是", "否"]
    if type_name == "category":
        return list(load_taxonomy().leaves)
    return []


def write_template(kind: LedgerKind, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = kind.title
    lists = wb.create_sheet("选项")
    for i, col in enumerate(kind.columns):
        letter = column_letter(i)
        cell = ws.cell(row=1, column=i + 1, value=col.header)
        cell.font = Font(bold=True, color="FFFFFF" if col.required else "000000")
        cell.fill = PatternFill("solid", fgColor="C00000" if col.required else "D9D9D9")
        ws.cell(row=2, column=i + 1, value=col.example or None)
        ws.column_dimensions[letter].width = max(10, min(40, 2 * len(col.header) + 4))
        options = choices(col.type)
        if options:  # the list lives on its own sheet: Excel caps inline lists at 255 characters
            for r, option in enumerate(options, 1):
                lists.cell(row=r, column=i + 1, value=option)
            rule = DataValidation(type="list", formula1=f"=选项!${letter}$1:${letter}${len(options)}",
                                  allow_blank=not col.required, showErrorMessage=True,
                                  errorTitle="请从下拉列表中选择", error=f"“{col.header}”只能从列表中选择")
            ws.add_data_validation(rule)
            rule.add(f"{letter}2:{letter}5000")
    ws.freeze_panes = "A2"
    notes = wb.create_sheet("填写说明")
    notes.append(["列名", "必填", "填写要求", "也可写作"])
    for col in kind.columns:
        notes.append([col.header, "是" if col.required else "", requirement(col.type), "、".join(col.aliases)])
    notes.append([])
    notes.append([kind.about])
    notes.append(["红色列为必填。第2行是示例，请替换为实际内容。整个文件有任何一处错误都不会载入，系统会列出每处错误的位置。"])
    wb.save(path)
