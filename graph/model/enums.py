"""Closed vocabularies of the domain.

Each member's value is what is stored; ``label_zh`` is what people read.
Labels and relationship types used in Cypher come only from ``NodeKind`` and
``EdgeType``, never from input, so they are safe to place in query text.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Self


class ZhEnum(str, Enum):
    """A string enum whose members carry a Chinese label."""

    label_zh: str

    if TYPE_CHECKING:
        # What ``NodeKind("Round")`` is once the class exists: the enum machinery swaps the
        # two-argument ``__new__`` below for ``Enum.__new__``, a lookup by stored value.
        # Declaring that here lets mypy check the calls instead of asking for a label.
        def __new__(cls, value: str) -> Self: ...
    else:
        def __new__(cls, value: str, label_zh: str) -> ZhEnum:
            # Runs only while the class is built, once per member ("Round", "巡察轮次").
            obj = str.__new__(cls, value)
            obj._value_ = value
            obj.label_zh = label_zh
            return obj

    @classmethod
    def from_label(cls, text: str) -> ZhEnum:
        """Accept either the stored value or the Chinese label."""
        for member in cls:
            if text in (member.value, member.label_zh):
                return member
        raise ValueError(text)


class NodeKind(ZhEnum):
    ROUND = ("Round", "巡察轮次")
    GROUP = ("Group", "巡察组")
    UNIT = ("Unit", "单位")
    PERSON = ("Person", "人员")
    ISSUE = ("Issue", "问题")
    TASK = ("Task", "整改任务")
    CLUE = ("Clue", "问题线索")
    CASE = ("Case", "案件")
    LETTER = ("Letter", "巡察建议函")
    FINDING = ("Finding", "监督发现")
    PROJECT = ("Project", "项目")
    COMPANY = ("Company", "企业")
    BENEFIT = ("Benefit", "惠民补贴")
    PETITION = ("Petition", "信访")
    MEASURE = ("Measure", "制度与专项治理")
    DATA_REQUEST = ("DataRequest", "巡前数据调取")
    DIRECTIVE = ("Directive", "交办事项")
    DOCUMENT = ("Document", "来源文件")


class EdgeType(ZhEnum):
    HOLDS_POST = ("HOLDS_POST", "任职")
    OVERSEES = ("OVERSEES", "分管")
    PART_OF = ("PART_OF", "隶属")
    REGULATED_BY = ("REGULATED_BY", "行业主管")
    INSPECTED = ("INSPECTED", "巡察")
    IN_ROUND = ("IN_ROUND", "所属轮次")
    FOUND_AT = ("FOUND_AT", "发现于单位")
    FOUND_IN = ("FOUND_IN", "发现于轮次")
    FOUND_BY = ("FOUND_BY", "发现组")
    RESPONSIBLE_FOR = ("RESPONSIBLE_FOR", "负有责任")
    RECTIFIES = ("RECTIFIES", "整改")
    ARISES_FROM = ("ARISES_FROM", "来源于")
    INVOLVES = ("INVOLVES", "涉及")
    TRANSFERRED_TO = ("TRANSFERRED_TO", "移交")
    OPENED_FROM = ("OPENED_FROM", "立案自")
    CONCERNS = ("CONCERNS", "涉及问题")
    ADDRESSED_TO = ("ADDRESSED_TO", "致送")
    RELATIVE_OF = ("RELATIVE_OF", "亲属")
    CONTRACTED = ("CONTRACTED", "承建")
    LOCATED_AT = ("LOCATED_AT", "位于")
    OWNS_OR_REPRESENTS = ("OWNS_OR_REPRESENTS", "持股或代表")
    RECEIVED = ("RECEIVED", "领取")
    REPEATS = ("REPEATS", "重复发现")
    RESPONDS_TO = ("RESPONDS_TO", "回应")
    ISSUED_BY = ("ISSUED_BY", "出台单位")
    REQUESTED_IN = ("REQUESTED_IN", "调取轮次")
    REQUESTED_FROM = ("REQUESTED_FROM", "被调取单位")
    SUCCEEDED_BY = ("SUCCEEDED_BY", "机构沿革")
    DIRECTED_TO = ("DIRECTED_TO", "交办给")
    DIRECTIVE_ABOUT = ("DIRECTIVE_ABOUT", "交办涉及")
    SOURCED_FROM = ("SOURCED_FROM", "来源")


class SuccessionKind(ZhEnum):
    """How a unit became another in an institutional reform (机构改革)."""

    RENAMED = ("renamed", "更名")
    MERGED = ("merged", "合并")
    ABSORBED = ("absorbed", "撤并")


class UnitKind(ZhEnum):
    COUNTY_DEPARTMENT = ("county_department", "县直单位")
    TOWNSHIP = ("township", "乡镇（街道）")
    VILLAGE = ("village", "村（社区）")
    STATE_FIRM = ("state_firm", "国有企业")
    SCHOOL = ("school", "学校")
    HOSPITAL = ("hospital", "医院")
    MASS_ORGANISATION = ("mass_organisation", "群团组织")
    COUNTY_LEADERSHIP = ("county_leadership", "县领导班子")


class PartyOrgKind(ZhEnum):
    LEADING_GROUP = ("leading_group", "党组")
    COMMITTEE = ("committee", "党委")
    GENERAL_BRANCH = ("general_branch", "党总支")
    BRANCH = ("branch", "党支部")


class RoundKind(ZhEnum):
    REGULAR = ("regular", "常规巡察")
    SPECIAL = ("special", "专项巡察")
    FLEXIBLE = ("flexible", "机动巡察")
    ELEVATED = ("elevated", "提级巡察")
    FOLLOW_UP = ("follow_up", "巡察“回头看”")
    VILLAGE = ("village", "村（社区）巡察")


class Severity(ZhEnum):
    LOW = ("low", "一般")
    MEDIUM = ("medium", "较重")
    HIGH = ("high", "严重")


class IssueStatus(ZhEnum):
    OPEN = ("open", "未整改")
    IN_PROGRESS = ("in_progress", "整改中")
    RECTIFIED = ("rectified", "已整改")


class TaskLevel(ZhEnum):
    INDIVIDUAL = ("individual", "个案整改")
    CATEGORY = ("category", "类案整改")
    SYSTEMIC = ("systemic", "系统整改")


class TaskStatus(ZhEnum):
    PLANNED = ("planned", "未开始")
    IN_PROGRESS = ("in_progress", "整改中")
    DONE = ("done", "已完成")
    CLOSED = ("closed", "已销号")


class ClueDisposal(ZhEnum):
    TALK_OR_INQUIRY = ("talk_or_inquiry", "谈话函询")
    PRELIMINARY_CHECK = ("preliminary_check", "初步核实")
    SHELVED = ("shelved", "暂存待查")
    CLOSED = ("closed", "予以了结")
    CASE_OPENED = ("case_opened", "立案审查调查")


class ClueStatus(ZhEnum):
    TRANSFERRED = ("transferred", "已移交")
    DISPOSED = ("disposed", "已处置")


class CaseOutcome(ZhEnum):
    FORM_1 = ("form_1", "第一种形态")
    FORM_2 = ("form_2", "第二种形态")
    FORM_3 = ("form_3", "第三种形态")
    FORM_4 = ("form_4", "第四种形态")
    PARTY_SANCTION = ("party_sanction", "党纪处分")
    GOVERNMENT_SANCTION = ("government_sanction", "政务处分")
    ORGANISATIONAL = ("organisational", "组织处理")
    JUDICIAL_REFERRAL = ("judicial_referral", "移送司法")
    PENDING = ("pending", "审查中")


class Channel(ZhEnum):
    INSPECTION = ("inspection", "巡察监督")
    DISCIPLINE = ("discipline", "纪律监督")
    SUPERVISION = ("supervision", "监察监督")
    STATIONED = ("stationed", "派驻监督")
    AUDIT = ("audit", "审计监督")
    FINANCE = ("finance", "财会监督")
    STATISTICS = ("statistics", "统计监督")
    PETITION = ("petition", "信访举报")
    CONGRESS = ("congress", "人大监督")


class LinkageProgramme(ZhEnum):
    """A round run jointly with another channel (贯通联动): which channels' findings its figures count."""

    AUDIT = ("audit_inspection", "巡审联动")
    DISCIPLINE = ("discipline_inspection", "巡纪联动")


class BenefitKind(ZhEnum):
    MINIMUM_LIVING = ("minimum_living", "低保")
    EXTREME_POVERTY = ("extreme_poverty", "特困供养")
    HOUSING_SUBSIDY = ("housing_subsidy", "危房改造补助")
    FARMING_SUBSIDY = ("farming_subsidy", "耕地地力保护补贴")
    DISABILITY_SUBSIDY = ("disability_subsidy", "残疾人两项补贴")


class MeasureKind(ZhEnum):
    """System-level measures (系统整改) a unit or regulator takes after a case or a letter."""

    CAMPAIGN = ("campaign", "专项治理")
    RULE = ("rule", "制度建设")


class PetitionStatus(ZhEnum):
    OPEN = ("open", "办理中")
    RESOLVED = ("resolved", "已办结")


class RelativeKind(ZhEnum):
    SPOUSE = ("spouse", "配偶")
    CHILD = ("child", "子女")
    PARENT = ("parent", "父母")
    SIBLING = ("sibling", "兄弟姐妹")
    IN_LAW = ("in_law", "姻亲")
    OTHER = ("other", "其他近亲属")


class DocumentKind(ZhEnum):
    LEDGER = ("ledger", "台账")
    REPORT = ("report", "报告")
    SPEECH = ("speech", "讲话")
    GENERATED = ("generated", "样例生成")


class VillageClass(ZhEnum):
    """Default scheme; counties may configure another (A/B/C, 重点/关注/一般)."""

    KEY_CONCERN = ("key_concern", "重点关注类")
    COMPLEX = ("complex", "社情复杂类")
    STABLE = ("stable", "和谐稳定类")
    DEVELOPING = ("developing", "发展提升类")
