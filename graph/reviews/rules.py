"""Settings a county edits for its reviews: defaults shipped beside the code, overrides in the data folder.

``load_rules("case_review", data_dir)`` reads ``graph/reviews/case_review.json``
and, when present, ``<data_dir>/case_review.json`` on top of it (only the keys
it names). A key the defaults do not know is refused, so a typo cannot pass
silently.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any


class RulesError(ValueError):
    """A settings file that cannot be used, phrased for the person who edits it."""


def load_rules(name: str, data_dir: Path | None = None, package: str = "graph.reviews") -> dict[str, Any]:
    """The defaults shipped in ``package`` with the data folder's file of the same name on top."""
    defaults: dict[str, Any] = json.loads(resources.files(package).joinpath(f"{name}.json").read_text("utf-8"))
    if data_dir is None or not (data_dir / f"{name}.json").exists():
        return defaults
    path = data_dir / f"{name}.json"
    try:
        override = json.loads(path.read_text("utf-8"))
    except ValueError as exc:
        raise RulesError(f"设置文件 {path.name} 不是有效的 JSON：{exc}") from exc
    unknown = sorted(set(override) - set(defaults))
    if unknown:
        raise RulesError(f"设置文件 {path.name} 中有未知的设置项：{'、'.join(unknown)}")
    for key, value in override.items():
        if not _same_kind(defaults[key], value):
            raise RulesError(f"设置文件 {path.name} 中“{key}”应为{_KIND_ZH.get(type(defaults[key]), '同类型的值')}，"
                             f"现为 {json.dumps(value, ensure_ascii=False)}")
    return {**defaults, **override}


_KIND_ZH = {int: "整数", float: "数字", str: "文字", bool: "是或否（true/false）", list: "列表", dict: "对象"}


def _same_kind(default: Any, value: Any) -> bool:
    """A value may replace a default of its own type (an integer may stand where a decimal is expected)."""
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, int | float)
    return isinstance(value, type(default))
