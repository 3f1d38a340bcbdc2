"""Hand-written pairs (not the generator's templates): paraphrases must match, look-alikes must not."""

from __future__ import annotations

import pytest

from graph.analysis.repeats import THRESHOLD
from graph.analysis.text import Vectoriser, analyse, cosine, shared_phrases

SAME = [
 ("食堂采购未公开招标，直接指定供应商", "食堂食材采购规避招标，由负责人直接确定供货单位"),
 ("公务用车私用，节假日公车停放不规范", "节假日期间存在公车私用现象"),
 ("村级财务白条入账，涉及金额3.2万元", "以白条抵库，库存现金超出限额"),
 ("5名已死亡人员仍在领取养老补贴", "对已故人员未及时停发补贴，涉及8人"),
 ("党费收缴不及时，12名党员少交党费", "未按标准足额收缴党费，少缴党费党员7名"),
 ("“三会一课”记录不全，支部会议开展次数不够", "三会一课制度执行不严，支部会议记录缺失"),
 ("上班期间刷短视频、玩手机游戏", "工作时间玩手机现象较多"),
 ("村集体收入未入村账，坐收坐支", "集体租金收入体外循环，未进入村账"),
]
DIFFERENT = [
 ("报销凭证不全，多笔支出无正规发票", "超预算支出办公经费12万元"),
 ("项目未经验收即拨付工程款", "工程变更未经审批，随意追加工程量"),
 ("低保评定不公，村干部亲属违规享受低保", "惠民补贴发放滞后，群众长期未领到补助"),
 ("固定资产账实不符，多件设备未登记入账", "报废车辆私自变卖，资产处置未经审批"),
 ("干部人事档案材料缺失", "干部选拔任用缺少民主推荐环节"),
 ("三会一课开展次数不足", "民主生活会批评不痛不痒"),
 ("集体土地发包未经民主程序", "集体资产清产核资不彻底，漏登资产"),
 ("收发文登记不全", "意识形态工作责任制落实不到位"),
]


def _score(a: str, b: str) -> float:
    vec = Vectoriser([t for pair in SAME + DIFFERENT for t in pair])
    index = {t: i for i, t in enumerate(t for pair in SAME + DIFFERENT for t in pair)}
    return cosine(vec.vectors[index[a]], vec.vectors[index[b]])


@pytest.mark.parametrize(("a", "b"), SAME)
def test_paraphrases_of_one_problem_score_above_threshold(a: str, b: str):
    assert _score(a, b) >= THRESHOLD + 0.1


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_problems_in_stock_phrases_score_below_threshold(a: str, b: str):
    assert _score(a, b) < THRESHOLD - 0.1


def test_numbers_and_full_width_characters_do_not_matter():
    vec = Vectoriser(["３名已故人员仍领取补贴", "12名已故人员仍领取补贴", "公车私用"])
    assert cosine(vec.vectors[0], vec.vectors[1]) == pytest.approx(1.0)


def test_boilerplate_alone_does_not_make_texts_alike():
    vec = Vectoriser(["档案管理不规范", "公文管理不规范", "意识形态工作落实不到位"])
    assert cosine(vec.vectors[0], vec.vectors[1]) < THRESHOLD


def test_shared_phrases_name_the_concepts_and_common_words():
    phrases = shared_phrases(analyse("食堂采购未公开招标，直接指定供应商"), analyse("食堂食材采购规避招标"))
    assert phrases[0] == "招投标"
    assert "食堂" in phrases
