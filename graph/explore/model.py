"""The result models of the workbench: what the entity page and the graph explorer show, and nothing more."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Fact(BaseModel):
    field: str
    label: str = Field(title="项目")
    value: str = Field(title="内容")
    ref: str | None = Field(default=None, title="所指实体标识")  # a fact naming another entity (its name is the value)


class Source(BaseModel):
    path: str = Field(title="来源文件")
    sheet: str | None = Field(default=None, title="工作表")
    row: int | None = Field(default=None, title="行号")
    paragraph: int | None = Field(default=None, title="段落")
    place: str | None = Field(default=None, title="位置（报告文本：第几段，或表格第几行）")
    entry: int | None = Field(default=None, title="复核队列条目（报告文本）")


class Node(BaseModel):
    """An entity as the explorer draws it; a supernode is drawn with its count and not expanded by itself."""

    id: str
    kind: str
    kind_zh: str = Field(title="类别")
    name: str | None = Field(default=None, title="名称")
    degree: int = Field(title="关系数")
    supernode: bool = Field(title="超级节点")


class Link(BaseModel):
    """One relationship of the centre: its type as people say it, which way it points, its dates, and the other end."""

    edge_type: str
    label_zh: str = Field(title="关系")
    direction: str = Field(description="out：中心指向对方；in：对方指向中心")
    start: str | None = Field(default=None, title="起")
    end: str | None = Field(default=None, title="止")
    when: str | None = Field(default=None, title="日期")
    node: Node


class Group(BaseModel):
    """Links of one type to one kind of entity, too many to draw one by one: drawn as one node with their count."""

    edge_type: str
    label_zh: str = Field(title="关系")
    direction: str
    kind: str
    kind_zh: str = Field(title="类别")
    count: int = Field(title="数量")


class Expansion(BaseModel):
    """What clicking a node in the explorer adds: its links (dated ones inside the chosen period) and collapsed groups."""

    centre: Node
    links: list[Link]
    groups: list[Group]
    edge_types: list[str] = Field(description="中心实体拥有的全部关系类别（供筛选）")
    truncated: bool = Field(description="关系太多，只取了前若干条")


class TimelineItem(BaseModel):
    when: str = Field(title="日期")
    label_zh: str = Field(title="关系")
    end: str | None = Field(default=None, title="止")
    node: Node


class RelatedList(Group):
    """One group of an entity's relationships on its page: the group, and the newest few of it listed."""

    items: list[Link] = Field(description="前若干条；其余在图谱浏览或分析中查看")


class EntityCard(BaseModel):
    """One entity's page: facts with Chinese labels, where it was read from, its timeline and everything related."""

    id: str
    kind: str
    kind_zh: str = Field(title="类别")
    name: str | None = Field(default=None, title="名称")
    facts: list[Fact]
    sources: list[Source]
    timeline: list[TimelineItem]
    related: list[RelatedList]
