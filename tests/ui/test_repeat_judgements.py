"""An analyst's word on repeats, in the browser: reject a listed pair, see it gone and recorded, undo it; the link
form says in Chinese why it refuses a pair the method already found; a viewer gets no judging controls."""

from __future__ import annotations

import time


def _pairs(v) -> set[tuple[str, str]]:
    page = v.page.request.get(v.base + "/repeats?limit=1000").json()
    return {(r["issue_id"], r["earlier_id"]) for r in page["items"]}


def test_an_analyst_rejects_a_repeat_sees_it_recorded_and_undoes_it(visit):
    v = visit().as_role("analyst")
    v.go("/analyses/repeats")
    v.page.locator("[data-test=rows]").wait_for()
    before = _pairs(v)
    first = v.page.request.get(v.base + "/repeats?limit=1").json()["items"][0]
    pair = (first["issue_id"], first["earlier_id"])
    v.page.fill("input[name=why]", "措辞相近，实为不同问题")
    v.page.locator("[data-test=rows] [data-test=reject]").first.click()
    judged = v.page.locator("[data-test=judged-row]")
    judged.wait_for()
    assert f"已否定（不是重复）：{pair[0]} → {pair[1]}" in judged.inner_text()
    assert _pairs(v) == before - {pair}  # gone after the recompute the judgement ran, nothing else touched
    row = v.page.locator("[data-test=judgements] tbody tr").first
    row.wait_for()
    codes = [v.page.request.get(f"{v.base}/entities/{x}").json()["props"]["code"] for x in pair]
    assert all(s in row.inner_text() for s in ("否定", *codes, "ui_analyst", "措辞相近，实为不同问题"))  # codes, not ids
    assert row.locator(f"a[href='#/entity/{pair[0]}']").inner_text() == codes[0]
    v.shot("repeats-judged")
    # the record's reload made slow: the page's sentence must still wait for the table it speaks of
    v.page.route("**/repeats/judgements", lambda route: (time.sleep(1.0), route.continue_()))
    row.locator("[data-test=undo]").click()
    v.page.locator("[data-test=judged]").wait_for()
    assert "已撤销" in v.page.locator("[data-test=judged]").inner_text()
    assert "已由 ui_analyst 撤销" in v.page.locator("[data-test=judgements] tbody tr").first.inner_text()
    assert _pairs(v) == before  # the pair is back


def test_the_link_form_says_why_it_refuses_a_pair_already_found(visit):
    v = visit().as_role("analyst")
    v.go("/analyses/repeats")
    v.page.locator("[data-test=rows]").wait_for()
    first = v.page.request.get(v.base + "/repeats?limit=1").json()["items"][0]
    v.page.fill("input[name=issue_a]", first["issue_id"])
    v.page.fill("input[name=issue_b]", first["earlier_id"])
    v.page.click("[data-test=link]")
    error = v.page.locator("[data-test=error]")
    error.wait_for()
    assert "已被识别为重复问题" in error.inner_text() and "confirm" in error.inner_text()


def test_a_viewer_sees_repeats_without_judging_controls(visit):
    v = visit().as_role("viewer")
    v.go("/analyses/repeats")
    v.page.locator("[data-test=rows]").wait_for()
    assert v.page.locator("[data-test=reject]").count() == 0
    assert v.page.locator("[data-test=confirm]").count() == 0
    assert v.page.locator("[data-test=judgements]").count() == 0 and v.page.locator("[data-test=link]").count() == 0
