"""Writes the dev fixtures of issue 19 (documents and their expected.json). Run: .venv/bin/python <this file>.

The fixtures themselves are in fixtures_first.py and fixtures_later.py (what a block is: fixture_parts.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from fixtures_first import FIRST
from fixtures_later import LATER

HERE = Path(__file__).parent
FIXTURES = {**FIRST, **LATER}


def write_txt(path: Path, blocks: list, encoding: str) -> None:
    lines = []
    for kind, value in blocks:
        if kind == "table":
            lines += ["\t".join(row) for row in value]
        else:
            lines.append(value)
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))


def write_docx(path: Path, blocks: list) -> None:
    from docx import Document

    doc = Document()
    for kind, value in blocks:
        if kind == "t":
            doc.add_heading(value, level=1)
        elif kind == "h":
            doc.add_heading(value, level=2)
        elif kind == "b":
            doc.add_paragraph().add_run(value).bold = True
        elif kind == "ln":
            doc.add_paragraph(value, style="List Number")
        elif kind == "table":
            table = doc.add_table(rows=len(value), cols=len(value[0]))
            for r, row in enumerate(value):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        else:
            doc.add_paragraph(value)
    doc.core_properties.author = "xuncha"
    doc.save(str(path))


def main() -> None:
    for name, spec in FIXTURES.items():
        path = HERE / name
        if name.endswith(".docx"):
            write_docx(path, spec["blocks"])
        else:
            write_txt(path, spec["blocks"], "gb18030" if name.endswith(".gb18030.txt") else "utf-8")
        stem = name.removesuffix(".docx").removesuffix(".txt").removesuffix(".gb18030")
        expected = {"kind": spec["kind"], "round": spec["round"], "items": spec["items"],
                    "directives": spec["directives"]}
        text = "".join(v if k != "table" else "".join("".join(r) for r in v) for k, v in spec["blocks"])
        for entry in spec["items"] + spec["directives"]:
            assert entry["contains"] in text, (name, entry["contains"])
        (HERE / f"{stem}.expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n",
                                                    encoding="utf-8")


if __name__ == "__main__":
    main()
