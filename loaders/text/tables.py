"""A table row as a candidate item: the problem column read by its header, never by position, and the row's unit
from a column headed as the unit (单位, 村, 乡镇, 对象) — else from a cell holding just a unit's name (备注: 金河村).
"""

from __future__ import annotations

import re
from typing import Any

from loaders.text.candidates import Candidate
from loaders.text.readers import Block
from loaders.text.walker_view import WalkerView

# the column of a review of rectification that tells where a problem stands now (整改现状, 目前进展, 整改情况), or
# what the review found of it (核查情况, “回头看”发现的问题, 复查发现问题, 仍存在的问题)
STANDING_COLUMN = re.compile(r"现状|进展|整改情况|完成情况|目前情况|存在差距|未整改到位"
                             r"|(?:核查|核实|复查|检查)(?:情况|结果)|回头看|(?:复查|检查|核查)?发现|仍存在")
# words saying a problem found before is still there (仍由…经营, 尚未上缴): in a review of rectification, a finding
STILL = re.compile(r"仍(?!将|需|要|应|须)|尚未|还未|依然|依旧|至今未")  # not 下一步仍将…, 仍需长期坚持


def _done_status(rules: dict[str, Any]) -> re.Pattern[str]:
    """A status cell saying the matter is done (已完成, 已整改, 完成整改): ``done_words`` of ``text_rules.json``."""
    return re.compile(rf"^(?:{'|'.join(map(re.escape, rules['done_words']))})(?:整改)?$")


def _settled(rules: dict[str, Any]) -> re.Pattern[str]:
    """A standing that opens by saying the matter is done or under way (已完成整改，追回…; 正在整改，…), no finding:
    the same ``done_words`` and the ``settled_openings`` (已追回, 正在…)."""
    return re.compile(rf"^(?:{'|'.join(map(re.escape, rules['done_words'] + rules['settled_openings']))})")

NOT_PROBLEM_COLUMN = re.compile(r"数|时限|类别|类型|性质|等级|来源|编号|序号|整改|措施|建议|任务|要求|责任|时间")


def problem_column(header: list[str]) -> int | None:
    """The column of a table that states the problems, read by its header: one naming the problem (存在问题,
    主要问题, 问题表现, 问题描述, 发现的问题, 问题清单), else one of its content (内容, 表现, 描述) — never its kind,
    count, source or number, nor the request beside it (整改措施, 任务清单, 责任单位)."""
    for pattern in (r"问题", r"内容|表现|描述"):
        found = next((i for i, h in enumerate(header) if re.search(pattern, h) and not NOT_PROBLEM_COLUMN.search(h)),
                     None)
        if found is not None:
            return found
    return None


def _standing(walker: WalkerView, header: list[str], cells: list[str], problem: int) -> str | None:
    """A review of rectification (回头看, 整改通报) whose problem column holds the problem found before (反馈问题,
    原问题) and whose row says where it stands now in words that state a problem (大户欠费仍未清收): the finding
    is the old problem with what is still wrong (a unit the standing names is where it is still wrong)."""
    if not re.search(r"反馈|原问题|原反馈|上轮|交办", header[problem]):
        return None
    for i, h in enumerate(header):
        text = cells[i].strip() if i < len(cells) and i != problem else ""
        if STANDING_COLUMN.search(h) and len(text) >= 6 and not _settled(walker.rules).match(text) and (STILL.search(text) or
                any(c in text for c in walker.cues) or any(p.search(text) for p in walker.patterns)):
            return f"{cells[problem].strip().rstrip('。；')}：{text}"  # the old problem, and what is still wrong
    return None


def _done_row(walker: WalkerView, header: list[str], cells: list[str], text: str) -> bool:
    """Whether a rectification ledger's row says it is done (整改状态: 已完成) and its matter states no problem
    (局机关会议室改造): a task finished, not a finding."""
    status = [cells[i] for i, h in enumerate(header) if i < len(cells) and re.search(r"状态|完成情况|进展", h)]
    return any(_done_status(walker.rules).match(c.strip()) for c in status) and not (
        any(c in text for c in walker.cues) or any(p.search(text) for p in walker.patterns))


def table_row(walker: WalkerView, block: Block) -> None:
    """Add the row's problem cell as a candidate, with the row's unit as its own context."""
    header = block.header
    problem = problem_column(header)
    columns = [i for i, h in enumerate(header) if re.search(r"单位|村|社区|乡镇|对象", h) and i < len(block.cells)
               and not re.search(r"移交|交办|转办|承办|移送|牵头|配合", h)]  # not the body a row is handed to
    if not header or problem is None or problem >= len(block.cells):
        return
    own = None
    if columns:  # the rightmost unit column is the most specific (乡镇 | 村); the others qualify it
        qualifier = "".join(block.cells[i] for i in columns[:-1] if i != problem)
        own = walker.context_unit(qualifier + block.cells[columns[-1]], walker.stack, "表格单位列", 99)
    else:  # a cell holding just a unit's name (备注: 金河村) names the row's unit, whatever its header
        named = next((c for i, c in enumerate(block.cells) if i != problem and walker.only_unit(c)), None)
        own = walker.context_unit(named, walker.stack, "表格中的单位名", 99) if named else None
    text = _standing(walker, header, block.cells, problem) or block.cells[problem]
    if len(text) < 4 or not re.search(r"[\u4e00-\u9fff]", text):
        return
    if _done_row(walker, header, block.cells, text):
        return
    offset = block.text.find(text)
    walker.candidates.append(Candidate(block, max(offset, 0), text, "表格", True, list(walker.stack), own))
