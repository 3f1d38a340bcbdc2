"""The trained repeat head (graph/analysis/methods_head.py and its shipped repeat_head.npz): it loads offline and
ranks a plain paraphrase above a different problem of the same category. The sentences are written for this test,
not taken from tests/data/similar_cases."""

from __future__ import annotations

import numpy as np

from graph.analysis.methods_head import BLOCKS, SCALARS, HeadMethod, fit_head, pair_features, shipped_head
from graph.analysis.methods_pair import SIDE
from tests.analysis.offline import run_offline

# (a text, the same problem in other words, a different problem with the same subject and stock words)
CASES = [
    ("学校食堂未安装燃气泄漏报警器", "学校厨房用着燃气，却没有装报警装置", "学校食堂燃气管道老化锈蚀未及时更换"),
    ("村委会财务公开不及时，上半年账目至今未公布", "村里的账半年多没贴出来给群众看",
     "村委会财务公开内容未经民主理财小组审核"),
    ("临聘人员未经公开招聘直接录用", "编外人员没走招聘程序就上岗了", "临聘人员工资未纳入单位财务统一核算"),
]


def test_shipped_head_loads_without_network() -> None:
    """In a fresh process with sockets refused, the shipped weights and the packaged e5 score a pair."""
    out = run_offline(
        "from graph.analysis.methods_head import HeadMethod, shipped_head\n"
        "s = HeadMethod().score([('党费收缴不及时', '未按时足额缴纳党费')])\n"
        "print(shipped_head().threshold, s[0])\n")
    threshold, score = float(out[-2]), float(out[-1])
    assert 0.0 < threshold < 1.0 and 0.0 < score < 1.0


def test_paraphrase_ranks_above_a_different_problem_of_the_category() -> None:
    """Scored as one batch (the stacked scores take the category's stock words from the batch)."""
    pairs = [p for text, same, other in CASES for p in ((text, same), (text, other))]
    scores = HeadMethod().score(pairs, categories=[str(i // 2) for i in range(len(pairs))])
    for (text, *_), s_same, s_other in zip(CASES, scores[0::2], scores[1::2], strict=True):
        assert s_same > s_other, (text, s_same, s_other)


def test_the_score_does_not_depend_on_which_text_comes_first() -> None:
    text, same, other = CASES[0]
    forward = HeadMethod().score([(text, same), (text, other)])
    backward = HeadMethod().score([(same, text), (other, text)])
    assert np.allclose(forward, backward, atol=1e-6)


def test_features_have_the_documented_layout() -> None:
    feats = pair_features([(CASES[1][0], CASES[1][1]), (CASES[1][0], CASES[1][0] + "。")])
    assert feats.shape == (2, len(SCALARS) + 384 * len(BLOCKS))
    assert feats[1, SCALARS.index("nothing_differs")] == 1.0 and feats[1, SCALARS.index("cos_diff")] == 1.0
    assert feats[0, SCALARS.index("nothing_differs")] == 0.0 and feats[0, SCALARS.index("diff_share")] > 0.5
    assert len(shipped_head().weights) == feats.shape[1]


def test_a_side_that_differs_only_in_figures_has_no_core_difference() -> None:
    """3处 against 多处 is no other problem: with figures, places and stock words dropped nothing differs
    (cos_core 1), while a real difference keeps its cosine below 1. Side features are symmetric."""
    pairs = [("巡察发现3处违建未拆除", "巡察发现多处违建未拆除"), (CASES[0][0], CASES[0][2])]
    feats = pair_features(pairs, categories=["执行", "安全"])
    core = SCALARS.index("cos_core")
    assert feats[0, core] == 1.0 and feats[1, core] < 1.0
    back = pair_features([(b, a) for a, b in pairs], categories=["执行", "安全"])
    side = [SCALARS.index(n) for n in SIDE]
    assert np.allclose(feats[:, side], back[:, side], atol=1e-6)


def test_fitting_is_deterministic_and_learns_a_separating_scalar() -> None:
    """Two fits on the same pairs give the same weights; a scalar that separates gets a positive weight,
    and a part left out of ``use`` gets none."""
    rng = np.random.default_rng(7)
    x = rng.normal(size=(80, len(SCALARS) + 2 * 384)) * 0.05
    y = np.arange(80) % 2 == 0
    x[:, 1] = np.where(y, 0.9, 0.6) + rng.normal(size=80) * 0.05  # cos_diff tells them apart
    first = fit_head(x, y, l2_blocks=0.01, use=SCALARS)
    again = fit_head(x, y, l2_blocks=0.01, use=SCALARS)
    assert np.array_equal(first.weights, again.weights) and first.bias == again.bias
    assert first.weights[1] > 0 and not first.weights[len(SCALARS):].any()
    assert ((first.score(x) > 0.5) == y).mean() > 0.95
