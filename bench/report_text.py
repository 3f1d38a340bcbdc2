"""Report text (issue 19): precision and recall of items, unit attribution and directives on each part of the
fixtures, printed apart; and the parse time of a 50-page report.

    .venv/bin/python bench/report_text.py [--misses] [--part dev|dev_b|…|dev_r|test|all]

Parts: `dev` (written with the parser, tuned on); `dev_b` to `dev_r` (each written independently, scored once as
the test part — dev_b in session 4, dev_c to dev_e in session 5, dev_f and dev_g in session 6, dev_h and dev_i
in session 7, dev_j to dev_m in session 8, dev_n to dev_p in session 9, dev_q and dev_r in session 10 —
then opened for tuning);
`test` (the newest independent batch, scored only; absent between a scoring and the next writer).

The store holds the sample county of scale 1, seed 7 (宁川县), embedded. A "page" is taken as 500 characters of
text; the 50-page report is the fixtures' paragraphs repeated until it holds 25,000 characters (written as .txt).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.stores.embedded import EmbeddedStore  # noqa: E402
from loaders.sample import generate  # noqa: E402
from loaders.text.directives import _bigrams  # noqa: E402
from loaders.text.parse import parse_document, text_rules  # noqa: E402
from loaders.text.readers import read_document  # noqa: E402
from loaders.text.scoring import fixtures, score_folder  # noqa: E402
from loaders.text.units import UnitFinder  # noqa: E402

DATA = ROOT / "tests" / "data" / "report_text"
# every development part on disk (dev, dev_b, …: a retired test part needs no edit here), then the test part
PARTS = (*sorted(p.name for p in DATA.iterdir() if p.is_dir() and p.name.startswith("dev")), "test")
PAGE_CHARS, PAGES = 500, 50


def finder_for(store: EmbeddedStore) -> UnitFinder:
    rules = text_rules()
    return UnitFinder.for_store(store, None, "", min_chars=rules["min_unit_chars"], stop=tuple(rules["stop_unit_forms"]))


def long_report(folder: Path, out: Path) -> int:
    lines: list[str] = []
    paths = fixtures(folder)
    while sum(map(len, lines)) < PAGE_CHARS * PAGES:
        for path in paths:
            lines += [b.text for b in read_document(path).blocks]
    out.write_text("\n".join(lines), encoding="utf-8")
    return sum(map(len, lines))


def as_docx(report: Path) -> Path:
    """The same text as a Word file, every third paragraph in a numbered list style (styles are what cost)."""
    from docx import Document

    doc = Document()
    for i, line in enumerate(report.read_text(encoding="utf-8").splitlines()):
        doc.add_paragraph(line, style="List Number" if i % 3 else None)
    out = report.with_suffix(".docx")
    doc.save(out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true", help="list every miss and extra")
    parser.add_argument("--part", default="all", choices=(*PARTS, "all"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "graph.sqlite")
        county = generate(1, 7)
        store.upsert(county.nodes, county.edges)
        finder = finder_for(store)
        parts = PARTS if args.part == "all" else (args.part,)
        for part in parts:
            folder = DATA / part
            if not folder.is_dir() or not fixtures(folder):
                print(f"{part}: 没有样例（{folder}）")
                continue
            totals, wrong_kind = score_folder(folder, finder, text_rules(), store)
            n = len(fixtures(folder))
            print(f"== {part}（{n} 个文件）")
            for key, t in totals.items():
                print(f"  {key:16s} precision {t.precision:.3f}  recall {t.recall:.3f}  "
                      f"(匹配 {t.tp} / 识别 {t.extracted} / 应有 {t.expected})")
            print(f"  {'kind':16s} 文件类别正确 {n - len(wrong_kind)} / {n}")
            if args.misses:
                for key in ("items", "units", "directives", "directive_units"):
                    for line in totals[key].misses:
                        print("   ", key, line)
                for line in wrong_kind:
                    print("    kind", line)
        report = Path(tmp) / "report.txt"
        chars = long_report(DATA / "dev", report)
        rules = text_rules()
        runs = []
        for _ in range(3):
            _bigrams.cache_clear()  # every run cold
            started = time.perf_counter()
            doc = read_document(report)
            result = parse_document(doc, finder, rules, store)
            runs.append(time.perf_counter() - started)
        print(f"== {PAGES} 页报告（{chars:,} 字，{len(doc.blocks):,} 段）：解析 {min(runs) * 1000:.0f} ms（三次中最快；"
              f"最慢 {max(runs) * 1000:.0f} ms），识别问题 {len(result.items):,} 条、交办 {len(result.directives):,} 条")
        word = as_docx(report)
        cpu = time.process_time()
        read_document(word)
        print(f"   同一报告存为 Word（.docx，{len(doc.blocks):,} 段）：读入 {(time.process_time() - cpu) * 1000:.0f} ms CPU")
        store.close()


if __name__ == "__main__":
    main()
