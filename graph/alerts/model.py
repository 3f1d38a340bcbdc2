"""Saved alerts and their hits."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class AlertKind(str, Enum):
    """What an alert looks for; ``threshold`` means what ``THRESHOLD_ZH`` says for each kind."""

    RELAPSE_TOWNSHIP = "relapse_township"
    RELATIVE_BENEFICIARY = "relative_beneficiary"
    CLUE_UNDISPOSED = "clue_undisposed"
    CATEGORY_WITHOUT_LETTER = "category_without_letter"
    NAMED_QUERY = "named_query"

    @property
    def label_zh(self) -> str:
        return KIND_ZH[self]


KIND_ZH = {
    AlertKind.RELAPSE_TOWNSHIP: "乡镇（街道）单位整改后复发",
    AlertKind.RELATIVE_BENEFICIARY: "村干部亲属新出现在惠民补贴领取人中",
    AlertKind.CLUE_UNDISPOSED: "问题线索超期未处置",
    AlertKind.CATEGORY_WITHOUT_LETTER: "同一轮同类问题出现在多个单位而未发建议函",
    AlertKind.NAMED_QUERY: "命名查询有结果",
}
THRESHOLD_ZH = {
    AlertKind.RELAPSE_TOWNSHIP: "不使用",
    AlertKind.RELATIVE_BENEFICIARY: "不使用",
    AlertKind.CLUE_UNDISPOSED: "移交后未处置的天数（不填按整改看板设置）",
    AlertKind.CATEGORY_WITHOUT_LETTER: "单位数下限（不填为 3）",
    AlertKind.NAMED_QUERY: "结果行数达到多少才提醒（不填为 1）",
}


class HitState(str, Enum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    DISMISSED = "dismissed"

    @property
    def label_zh(self) -> str:
        return {"new": "新发现", "acknowledged": "已确认", "dismissed": "已忽略"}[self.value]


class AlertIn(BaseModel):
    """What an analyst saves."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(title="名称", min_length=1, max_length=100)
    kind: AlertKind = Field(title="类别")
    params: dict[str, Any] = Field(default_factory=dict, title="参数",
                                   description="named_query 时须有 query（查询名），其余为该查询的参数；"
                                               "relapse_township 可给 unit_kinds；category_without_letter 可给 round_id")
    threshold: int | None = Field(default=None, ge=1, le=100_000, title="阈值")


class Alert(AlertIn):
    id: int = Field(title="编号")
    owner: str = Field(title="创建人")
    created_at: datetime = Field(title="创建时间")
    last_run_at: datetime | None = Field(default=None, title="最近运行")


class Candidate(BaseModel):
    """One thing an alert found: ``key`` is stable across reloads of the same data."""

    key: str
    summary: str
    ids: list[str] = Field(default_factory=list)


class Hit(BaseModel):
    id: int = Field(title="编号")
    alert_id: int = Field(title="预警")
    alert_name: str = Field(title="预警名称")
    owner: str = Field(title="创建人")
    key: str = Field(title="标识")
    summary: str = Field(title="内容")
    ids: list[str] = Field(default_factory=list, title="相关记录")
    gone: list[str] = Field(default_factory=list, title="已不在图中的相关记录",
                            description="命中后被删除的记录（如撤销接受的报告问题）：只列出，不再链接")
    first_seen: datetime = Field(title="首次发现")
    last_seen: datetime = Field(title="最近发现")
    state: HitState = Field(title="状态")
    note: str | None = Field(default=None, title="备注")
    actor: str | None = Field(default=None, title="处理人")
    acted_at: datetime | None = Field(default=None, title="处理时间")


class RunResult(BaseModel):
    alerts: int = Field(title="运行的预警")
    found: int = Field(title="本次命中")
    new: list[Hit] = Field(default_factory=list, title="新命中")
    errors: list[str] = Field(default_factory=list, title="未能运行的预警")
