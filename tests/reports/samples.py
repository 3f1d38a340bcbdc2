"""Hand-made review results for the renderers: one case with gaps in every part, one with none, a batch."""

from __future__ import annotations

from datetime import date

from graph.reviews.case_review_model import (
    CaseBatch,
    CaseReview,
    CaseRow,
    ClueLine,
    Dimension,
    Duty,
    Gap,
    GapKind,
    LetterLine,
    MeasureLine,
    Part,
    PeerUnit,
    Responsible,
    SimilarIssue,
    Source,
    SourceItem,
    State,
    TaskLine,
)

PERSON = "per_00000000000000a1"
MEMBER = "per_00000000000000a2"
LEDGER = "ledgers/整改台账.xlsx"

GAPS = {
    GapKind.OVERDUE: "宁川县财政局“报销凭证不全”问题的整改任务已逾期45天，至今未完成",
    GapKind.SIMILAR_OPEN: "宁川县水利局同类问题“票据管理不规范”至今未整改",
    GapKind.BLIND_SPOT: "同属县直单位的宁川县交通局立案后未接受巡察",
    GapKind.LETTER_UNANSWERED: "致宁川县财政局的建议函宁巡建〔2021〕3号发出已120天，未见反馈",
    GapKind.FIC_UNACCOUNTABLE: "发案时的一把手李建国未被追责问责",
}


def _gap(kind: GapKind, subjects: list[str], row: int) -> Gap:
    return Gap(kind=kind, subjects=subjects, sentence=GAPS[kind], evidence=subjects,
               sources=[Source(id=subjects[0], path=LEDGER, sheet="Sheet1", row=row)])


def task(level: str = "individual", **kw) -> TaskLine:
    base = dict(task_id="tsk_0000000000000001", issue_id="iss_0000000000000001", level=level,
                measure="规范报销审核流程，补齐凭证", owner="王会计", deadline=date(2022, 6, 30), done_date=None,
                status="in_progress", evidence=None, days_overdue=45)
    return TaskLine(**{**base, **kw})


def review_with_gaps() -> CaseReview:
    parts = [
        Part(dimension=Dimension.INDIVIDUAL, state=State.PARTIAL,
             gaps=[_gap(GapKind.OVERDUE, ["tsk_0000000000000001", "iss_0000000000000001"], 5)]),
        Part(dimension=Dimension.CATEGORY, state=State.NOT_DONE,
             gaps=[_gap(GapKind.SIMILAR_OPEN, ["iss_0000000000000002"], 7),
                   Gap(kind=GapKind.BLIND_SPOT, subjects=["unit_0000000000000003"], sentence=GAPS[GapKind.BLIND_SPOT],
                       evidence=["unit_0000000000000003"])]),
        Part(dimension=Dimension.SYSTEMIC, state=State.PARTIAL,
             gaps=[_gap(GapKind.LETTER_UNANSWERED, ["let_0000000000000001"], 3)]),
        Part(dimension=Dimension.ACCOUNTABILITY, state=State.NOT_DONE,
             gaps=[_gap(GapKind.FIC_UNACCOUNTABLE, [PERSON], 12)]),
    ]
    return CaseReview(
        as_of=date(2022, 8, 14), case_id="cas_0000000000000001", case_code="宁川县LA20210007",
        opened=date(2021, 9, 1), closed=date(2021, 12, 20), outcome="party_sanction",
        summary="反映宁川县财政局报销凭证不全，7笔支出无正规发票", suggestion="针对暴露问题完善制度、堵塞漏洞",
        suggestion_response_date=None, unit_id="unit_0000000000000001", unit_name="宁川县财政局",
        clues=[ClueLine(clue_id="clu_0000000000000001", code="XS-2021-03", transfer_date=date(2021, 7, 1),
                        receiver_id="unit_0000000000000009", receiver_name="县纪委监委第二派驻纪检监察组",
                        disposal="case_opened", disposal_date=date(2021, 9, 1), days_to_disposal=62)],
        sources=[SourceItem(item_id="iss_0000000000000001", kind="Issue", code="WT-2021-011",
                            text="报销凭证不全，7笔支出无正规发票", category="财务管理", found_date=date(2021, 5, 10),
                            status="in_progress", unit_id="unit_0000000000000001", unit_name="宁川县财政局",
                            round_title="十四届县委第三轮巡察", tasks=[task()], relapsed_in=[])],
        similar=[SimilarIssue(issue_id="iss_0000000000000002", unit_id="unit_0000000000000002", unit_name="宁川县水利局",
                              round_title="十四届县委第三轮巡察", found_date=date(2021, 5, 12), status="open",
                              text="票据管理不规范，部分支出无发票", score=0.62, phrases=["无发票"], overdue=True,
                              relapse=False),
                 SimilarIssue(issue_id="iss_0000000000000004", unit_id="unit_0000000000000004", unit_name="宁川县林业局",
                              round_title="十四届县委第二轮巡察", found_date=date(2020, 10, 9), status="rectified",
                              text="差旅费报销票据不全", score=0.41, overdue=False, relapse=False)],
        peers=[PeerUnit(unit_id="unit_0000000000000003", unit_name="宁川县交通局", via_name="县直单位",
                        last_inspected=date(2019, 4, 1), blind_spot=True)],
        letters=[LetterLine(letter_id="let_0000000000000001", code="宁巡建〔2021〕3号", sent_date=date(2022, 4, 16),
                            regulator_name="宁川县财政局", response_date=None, days_waiting=120)],
        measures=[MeasureLine(measure_id="msr_0000000000000001", code="ZD-2022-01", measure_kind="rule",
                              title="宁川县行政事业单位报销管理办法", issued_date=date(2022, 3, 1),
                              issuer_name="宁川县财政局")],
        systemic_tasks=[task("systemic", task_id="tsk_0000000000000009", measure="全县开展票据管理专项检查",
                             owner="张科长", status="done", done_date=date(2022, 5, 1), evidence="检查报告",
                             days_overdue=None)],
        responsible=[Responsible(duty=Duty.PRINCIPAL, person_id=PERSON, name="李建国", held_to_account=False),
                     Responsible(duty=Duty.TEAM_MEMBER, person_id=MEMBER, name="赵明", held_to_account=True,
                                 by=["宁川县LA20210008"]),
                     Responsible(duty=Duty.SUPERVISION, name="县纪委监委第二派驻纪检监察组", held_to_account=True)],
        parts=parts, notes=["同类问题按问题类别和文本相似度（≥0.30）认定"])


def review_without_gaps() -> CaseReview:
    review = review_with_gaps()
    parts = [Part(dimension=d, state=State.DONE) for d in Dimension]
    return review.model_copy(update={"parts": parts, "clues": [], "sources": [], "similar": [], "peers": [],
                                     "letters": [], "measures": [], "systemic_tasks": [], "responsible": [],
                                     "notes": ["该案没有问题线索或问题来源记录"]})


def batch() -> CaseBatch:
    rows = [
        CaseRow(case_id="cas_0000000000000001", case_code="宁川县LA20210007", opened=date(2021, 9, 1),
                unit_name="宁川县财政局",
                states={Dimension.INDIVIDUAL: State.PARTIAL, Dimension.CATEGORY: State.NOT_DONE,
                        Dimension.SYSTEMIC: State.PARTIAL, Dimension.ACCOUNTABILITY: State.NOT_DONE},
                gap_counts={Dimension.INDIVIDUAL: 1, Dimension.CATEGORY: 2, Dimension.SYSTEMIC: 1,
                            Dimension.ACCOUNTABILITY: 1},
                gap_kinds=[GapKind.OVERDUE, GapKind.SIMILAR_OPEN, GapKind.BLIND_SPOT, GapKind.LETTER_UNANSWERED,
                           GapKind.FIC_UNACCOUNTABLE]),
        CaseRow(case_id="cas_0000000000000002", case_code="宁川县LA20210008", opened=date(2021, 10, 3),
                unit_name="宁川县湖岭乡青山村", states=dict.fromkeys(Dimension, State.DONE),
                gap_counts=dict.fromkeys(Dimension, 0), gap_kinds=[]),
    ]
    return CaseBatch(as_of=date(2022, 8, 14), scope="十四届县委第三轮巡察", rows=rows)
