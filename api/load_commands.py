"""``xuncha load`` (ledgers, sample output, JSONL exports) and ``xuncha template``."""

from __future__ import annotations

import json
import tempfile
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.analysis_commands import recompute_repeats
from api.audit import report_totals, write_from_shell
from graph.settings import Settings, get_settings
from graph.stores import StoreError, open_store
from graph.stores.base import GraphStore
from graph.stores.embedded import EmbeddedStore
from loaders.judgements import Judgements, apply_to_load
from loaders.ledgers.files import ledger_files, order_files
from loaders.ledgers.load import FileReport, LedgerRejected, Loader

console = Console()
err = Console(stderr=True)
MAX_PROBLEMS_SHOWN = 50


def _is_bundle(path: Path) -> bool:
    """Sample output folders and JSONL exports load as records, not as ledgers."""
    if path.is_dir():
        return (path / "graph.jsonl").exists()
    if path.suffix.lower() != ".jsonl":
        return False
    with path.open(encoding="utf-8", errors="replace") as f:
        first = f.readline()
    return first.startswith(('{"node"', '{"edge"'))


def _load_bundle(store: GraphStore, path: Path) -> tuple[int, int]:
    from loaders.sample import read_bundle

    nodes, edges = read_bundle(path)
    store.upsert(nodes, edges)
    return len(nodes), len(edges)


def _print_dropped(reports: list[FileReport]) -> None:
    """Records an earlier load of a file gave from rows it no longer has: removed, or left with how to remove them."""
    for r in reports:
        d = r.changes.dropped
        if d.not_listed:
            console.print(f"{r.file}：有被拒绝的行，未列出文件中已删去的行。")
        if d.removed or d.unsourced or d.links_removed:
            named = f"（及只被这些行提及的记录 {d.named_only} 条）" if d.named_only else ""
            elsewhere = f"；另有 {d.unsourced} 条另见于其他文件，仅去掉本文件来源" if d.unsourced else ""
            console.print(f"{r.file}：已删除文件中已删去的行所载记录 {d.removed} 条{named}、关系 {d.links_removed} 条"
                          f"{elsewhere}")
            continue
        if not (d.count or d.links):
            continue
        console.print(f"[yellow]{r.file}：文件中已删去、图中仍有的记录 {d.count} 条、关系 {d.links} 条[/yellow]"
                      "（各列前 10 条；确认后加 --remove-dropped 再载入一次即删除）：")
        if d.emptied:
            console.print("[red]  本文件已没有数据行：上次载入的记录都列在下面，加 --remove-dropped 再载入即全部删除。"
                          "[/red]")
        if d.unrelated:
            console.print("[red]  上次载入的记录本文件一条也没有：可能是同一路径的另一份文件，请勿删除。[/red]")
        for x in d.records[:10]:
            console.print(f"  • {x.kind}{x.called}（原{x.sheet or ''}第{x.row}行）", markup=False, highlight=False)
        for link in d.link_records[:10]:
            where = f"（原{link.sheet or ''}第{link.row}行）" if link.row else ""
            kept = "（其他文件也载有：删除时保留，仅去掉本文件来源）" if link.elsewhere else ""
            console.print(f"  • {link.type}：{link.src} → {link.dst}{where}{kept}", markup=False, highlight=False)


def _print_reports(reports: list[FileReport]) -> None:
    table = Table("文件", "台账", "读取行", "载入", "新增/改写/不变", "合并", "拒绝", "结果", title="载入结果")
    for r in reports:
        result = "[green]已载入[/green]" if r.ok and not r.rejected else (
            f"[yellow]已载入，拒绝行见 {r.rejects_file}[/yellow]" if r.rejects_file else "[red]未载入[/red]")
        c = r.changes
        table.add_row(r.file, "、".join(r.kinds), str(r.rows_read), str(r.loaded),
                      f"{c.created}/{c.updated}/{c.unchanged}", str(r.merged), str(r.rejected), result)
    console.print(table)
    updates = [(r.file, u) for r in reports for u in r.changes.updates]
    if updates:
        console.print(f"[yellow]改写了已有记录 {sum(r.changes.updated for r in reports)} 条[/yellow]（前 10 条）：")
        for file, u in updates[:10]:
            fields = "；".join(f"{c.field}：{c.before} → {c.after}" for c in u.changes[:4])
            console.print(f"  • {file} {u.sheet or ''} 第{u.row}行：{fields}", markup=False, highlight=False)
    _print_dropped(reports)
    problems = [p for r in reports for p in r.problems]
    for p in problems[:MAX_PROBLEMS_SHOWN]:
        console.print(f"  • {p.message}", markup=False, highlight=False)
    if len(problems) > MAX_PROBLEMS_SHOWN:
        console.print(f"  …另有 {len(problems) - MAX_PROBLEMS_SHOWN} 处问题（用 --json 查看全部）")
    notes = [(r.file, n) for r in reports for n in r.columns if n.read_as != n.header]
    if notes:  # headers read other than as written (variants, ignored, kept as 其他列): the clerk should know
        console.print(f"列名识别（与模板列名不同的 {len(notes)} 列，前 {min(len(notes), MAX_PROBLEMS_SHOWN)} 列）：")
        for file, n in notes[:MAX_PROBLEMS_SHOWN]:
            where = f"{file} {n.sheet or ''} {n.column or ''}列“{n.header}”".replace("  ", " ")
            console.print(f"  • {where} → {n.read_as or '未读取'}（{n.rule}）", markup=False, highlight=False)
    warnings = [w for r in reports for w in r.warnings]
    if warnings:
        shown = min(len(warnings), MAX_PROBLEMS_SHOWN)
        console.print(f"[yellow]已按规则处理、请留意 {len(warnings)} 处[/yellow]（前 {shown} 处）：")
        for w in warnings[:MAX_PROBLEMS_SHOWN]:
            console.print(f"  • {w.message}", markup=False, highlight=False)
    pending = sum(len(r.pending) for r in reports)
    if pending:
        console.print(f"[yellow]类别待归类 {pending} 条[/yellow]：xuncha categories pending 查看，"
                      "补充 category_aliases.csv 后运行 xuncha categories apply")
    merges = [(r.file, m) for r in reports for m in r.merges]
    if merges:
        console.print(f"按规则合并的名称 {len(merges)} 处（前 10 处）：")
        for file, m in merges[:10]:
            console.print(f"  • {file} 第{m.row}行：“{m.value}” → {m.matched}（{m.rule}）", markup=False)
    misses = [(r.file, m) for r in reports for m in r.near_misses]
    if misses:
        console.print(f"[yellow]同名但未合并、请人工确认 {len(misses)} 处[/yellow]（前 10 处）：")
        for file, m in misses[:10]:
            console.print(f"  • {file} 第{m.row}行：“{m.value}”，已有同名人员 {m.matched}", markup=False)


def _advance(progress: Progress, task: TaskID, done: int, total: int) -> None:
    progress.update(task, completed=done, total=total)


def _load_into(store: GraphStore, paths: list[Path], settings: Settings, *, kind: str | None,
               skip_bad_rows: bool, remove_dropped: bool = False) -> tuple[list[FileReport], bool]:
    """Load sample bundles and ledger files into ``store``, each file all or nothing; (reports, any rejected)."""
    reports: list[FileReport] = []
    failed = False
    for path in [p for p in paths if _is_bundle(p)]:
        nodes, edges = _load_bundle(store, path)
        err.print(f"已载入 {path}：{nodes:,} 个节点、{edges:,} 条关系")
    loader = Loader(store, settings.salt(), alias_table=settings.alias_table, rejects_dir=settings.data_dir / "rejects")
    files = order_files(ledger_files(p for p in paths if not _is_bundle(p)), kind, loader.limits)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        for path, sheets in files:
            task = progress.add_task(f"载入 {path.name}", total=None)
            try:
                reports.append(loader.load(path, kind=kind, skip_bad_rows=skip_bad_rows, sheets=sheets,
                                           progress=partial(_advance, progress, task), remove_dropped=remove_dropped))
            except LedgerRejected as exc:
                reports.append(exc.report)
                failed = True
            progress.remove_task(task)
    return reports, failed


def swap_in(target: GraphStore, staged: GraphStore, data_dir: Path) -> None:
    """The graph ``--replace`` built apart takes the target's place, the analysts' merges applied again under their
    lock: one confirmed while the graph was being built (after the file giving the merged record was loaded) would
    else bring the merged record back beside the one it went into."""
    judgements = Judgements(data_dir)
    with judgements.changing():
        if not judgements.redirects():  # no merge to apply: streamed, as before
            target.replace_all(staged.iter_nodes(), staged.iter_edges())
            return
        nodes, edges = apply_to_load(judgements, list(staged.iter_nodes()), list(staged.iter_edges()))
        target.replace_all(nodes, edges)


def _run_alerts(store: GraphStore, settings: Settings) -> None:
    """Saved alerts re-run after every load (graph/alerts); the new hits are counted here, listed by xuncha alerts."""
    from graph.alerts.run import run_after_load

    result = run_after_load(store, settings.data_dir)
    if result.alerts:
        err.print(f"已重新运行预警 {result.alerts} 个：新命中 {len(result.new)} 条（xuncha alerts list --hits 查看）")
    for problem in result.errors:
        err.print(f"[yellow]{problem}[/yellow]", highlight=False)


def _warm(store: GraphStore, settings: Settings) -> None:
    """The usual analyses and the dashboard computed now and kept beside the store (graph.reviews.warm)."""
    from graph.reviews.rules import RulesError
    from graph.reviews.warm import warm_after_load

    try:
        done = warm_after_load(store, settings.data_dir)
    except (RulesError, OSError) as exc:
        err.print(f"[yellow]载入已完成，但预先计算常用分析时出错（首次查看时再计算）：{exc}[/yellow]", highlight=False)
        return
    err.print(f"已预先计算常用分析 {len(done)} 项（{sum(w.seconds for w in done):.1f} 秒），各进程直接读取")


def load(paths: Annotated[list[Path], typer.Argument(help="台账文件或目录（.xlsx/.csv/.json/.jsonl），或样例目录")],
         kind: Annotated[str | None, typer.Option(help="指定台账类别（如 issues 或 问题清单）；不填则按列名识别")] = None,
         skip_bad_rows: Annotated[bool, typer.Option("--skip-bad-rows", help="跳过有错的行并写入拒绝文件，其余照常载入")]
         = False,
         remove_dropped: Annotated[bool, typer.Option(
             "--remove-dropped", help="同一文件再次载入时，删除文件中已删去的行所载的记录（有被引用的则整份不载入）")]
         = False,
         replace: Annotated[bool, typer.Option(
             "--replace", help="用这些文件重建图谱（建好后一次替换；有文件被拒绝则不替换）")] = False,
         analyse: Annotated[bool, typer.Option(
             "--analyse/--no-analyse", help="载入后重新计算重复问题，并预先计算常用分析")] = True,
         as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出载入报告")] = False) -> None:
    settings = get_settings()
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        err.print(f"[red]错误：[/red]找不到文件或目录：{'、'.join(missing)}")
        raise typer.Exit(1)
    try:
        store = open_store(settings)
    except StoreError as exc:
        err.print(f"[red]错误：[/red]{exc}")
        raise typer.Exit(1) from exc
    reports: list[FileReport] = []
    failed = False
    # --replace builds the new graph apart and swaps it in with one transaction at the end: a reader sees the
    # old graph or the new one, and a load killed midway (or a rejected file) leaves the old graph untouched.
    staging = tempfile.TemporaryDirectory(prefix="xuncha-replace-") if replace else None
    target = store
    try:
        if staging is not None:
            store = EmbeddedStore(Path(staging.name) / "staged.sqlite")
        reports, failed = _load_into(store, paths, settings, kind=kind, skip_bad_rows=skip_bad_rows,
                                     remove_dropped=remove_dropped)
        if analyse:
            summary = recompute_repeats(store)
            err.print(f"已重新计算重复问题：{summary['repeats']:,} 对")
        if staging is not None and failed:
            err.print("[yellow]有文件被拒绝：--replace 只在全部文件通过时替换，图谱保持原样。[/yellow]")
        elif staging is not None:
            swap_in(target, store, settings.data_dir)
            err.print(f"已替换图谱：{target.counts().total_nodes:,} 个节点")
        if not (staging is not None and failed):
            _run_alerts(target, settings)
            if analyse:
                _warm(target, settings)
    except StoreError as exc:
        err.print(f"[red]错误：[/red]{exc}")
        raise typer.Exit(1) from exc
    finally:
        if store is not target:
            store.close()
        target.close()
        if staging is not None:
            staging.cleanup()
    write_from_shell(settings.data_dir, "ledger.load", {**report_totals(reports), "replace": replace, "failed": failed},
                     command="xuncha load")
    if as_json:
        console.print_json(json.dumps([r.model_dump(mode="json") for r in reports], ensure_ascii=False))
    elif reports:
        _print_reports(reports)
    if failed:
        raise typer.Exit(1)


def template(kind: Annotated[str, typer.Argument(help="台账类别，如 issues 或 问题清单")],
             out: Annotated[Path | None, typer.Option(help="输出文件（.xlsx）")] = None) -> None:
    from loaders.ledgers.mapping import kind_by_name, ledger_kinds
    from loaders.ledgers.template import write_template

    ledger = kind_by_name(kind)
    if ledger is None:
        names = "、".join(f"{k.key}（{k.title}）" for k in ledger_kinds().values())
        err.print(f"[red]错误：[/red]没有名为“{kind}”的台账类别；可选：{names}")
        raise typer.Exit(1)
    path = out or Path(f"{ledger.title}模板.xlsx")
    write_template(ledger, path)
    console.print(f"已生成模板：{path}")


def register(app: typer.Typer) -> None:
    app.command("load", help="载入台账（Excel/CSV/JSON，按列名识别类别）或样例数据；每个文件整批成功或整批不写入。")(load)
    app.command("template", help="生成某类台账的 Excel 模板（含示例行和下拉选项）。")(template)
