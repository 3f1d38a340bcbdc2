"""The workbench in real headless Chromium: sign-in, search → entity → graph → path, roles, loading, sign-out."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from tests.ui.conftest import PASSWORDS
from tests.ui.graph_clicks import click_node, neighbours, wait_drawn, wait_until


def _busiest_village(county):
    posts = Counter(e.dst for e in county.edges if e.type.value == "HOLDS_POST")
    villages = [n for n in county.nodes if n.kind.value == "Unit" and n.props["unit_kind"] == "village"]
    return max(villages, key=lambda v: (posts[v.id], v.id))


def _village_and_cadre_with_more(county):
    """A village and one of its cadres who is linked to something the village is not (another post, a relative…)."""
    around: dict[str, set[str]] = {}
    for e in county.edges:
        if e.type.value != "SOURCED_FROM":
            around.setdefault(e.src, set()).add(e.dst)
            around.setdefault(e.dst, set()).add(e.src)
    for e in sorted(county.edges, key=lambda e: (e.dst, e.src)):
        if e.type.value == "HOLDS_POST" and e.dst.startswith("unit_"):
            beyond = around[e.src] - around[e.dst] - {e.dst}
            if beyond and any(n.id == e.dst and n.props["unit_kind"] == "village" for n in county.nodes):
                return next(n for n in county.nodes if n.id == e.dst), e.src
    raise AssertionError("the sample county has no such cadre")


def _cadre_names(county, village_id) -> set[str]:
    people = {e.src for e in county.edges if e.type.value == "HOLDS_POST" and e.dst == village_id}
    return {n.props["name"] for n in county.nodes if n.id in people}


def test_sign_in_refuses_a_wrong_password_in_chinese_then_lets_the_right_one_in(visit):
    v = visit()
    v.sign_in("ui_analyst", "wrong-password-1")
    assert "用户名或密码错误" in v.page.locator("[data-test=error]").inner_text()
    v.sign_in("ui_analyst", PASSWORDS["analyst"])
    v.page.wait_for_selector("[data-test=who]")
    assert "ui_analyst（分析员）" in v.page.locator("[data-test=who]").inner_text()
    cookie = next(c for c in v.context.cookies() if c["name"] == "xg_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert "xg_session" not in v.page.evaluate("document.cookie")  # the page's script cannot read the session
    v.shot("search-empty")


def test_search_then_entity_then_explore_the_graph_and_find_a_path(visit, county):
    village, cadre = _village_and_cadre_with_more(county)
    v = visit().as_role("analyst")
    v.go("/search")
    v.page.fill("input[name=q]", village.props["name"])
    v.page.click("form[role=search] button[type=submit]")
    v.page.wait_for_selector("[data-test=result]")
    v.shot("search-results")
    v.page.click(f"a[href='#/entity/{village.id}']")
    facts = v.page.locator("[data-test=facts]")
    facts.wait_for()
    assert village.props["name"] in facts.inner_text() and "村（社区）" in facts.inner_text()
    assert v.page.locator("[data-test=source]").count() >= 1
    wait_drawn(v.page)
    v.shot("entity")
    v.page.click("[data-test=open-explorer]")
    v.page.wait_for_url(re.compile(f"#/explore/{village.id}$"))
    before = wait_drawn(v.page)
    click_node(v.page, cadre)  # a click expands the person: their other posts, clues and relatives appear
    wait_drawn(v.page, before)
    far = [n for n in neighbours(v.page, cadre) if n != village.id and n not in neighbours(v.page, village.id)
           and not n.startswith("group:")]
    assert far, "expanding the cadre drew what lies beyond the village"
    target = far[0]
    click_node(v.page, target)
    v.page.click("[data-test=set-to]")
    click_node(v.page, village.id)
    v.page.click("[data-test=set-from]")
    v.page.click("[data-test=find-path]")
    steps = v.page.locator("[data-test=path] li")
    steps.first.wait_for()
    assert steps.count() >= 3
    assert village.props["name"] in steps.first.inner_text()
    v.shot("explorer-path")


def test_a_viewer_sees_masked_names_everywhere_and_no_admin_pages(visit, county, base_url):
    village = _busiest_village(county)
    names = _cadre_names(county, village.id)
    v = visit().as_role("viewer")
    assert v.page.locator("nav a", has_text="数据载入").count() == 0
    v.go(f"/entity/{village.id}")
    v.page.locator("[data-test=timeline]").wait_for()
    wait_drawn(v.page)
    text = v.page.locator("main").inner_text()
    assert re.search(r"[\u4e00-\u9fff]\*", text), "masked names are shown as 张*"
    assert not [n for n in names if n in text]
    labels = " ".join(v.page.evaluate("window.__xunchaCy.nodes().map(n => n.data('label'))"))
    assert not [n for n in names if n in labels]
    v.shot("entity-viewer")
    v.go("/admin")
    v.page.wait_for_url(re.compile(r"#/search\?denied="))
    assert "无权打开" in v.page.locator(".notice").inner_text()
    for forced in ("/users", "/audit", "/relatives"):
        assert v.page.request.get(base_url + forced).status == 403


def test_a_bad_ledger_names_the_bad_cell_and_a_good_one_changes_the_counts(visit, county, tmp_path: Path):
    county_name = next(n.props["county"] for n in county.nodes if n.kind.value == "Unit")
    bad = tmp_path / "单位名册-有误.csv"
    bad.write_text(f"单位名称,县（市、区）,单位类别,人口\n宁川县测试甲局,{county_name},县直单位,三千\n", encoding="utf-8")
    good = tmp_path / "单位名册.csv"
    good.write_text(f"单位名称,县（市、区）,单位类别\n宁川县测试乙局,{county_name},县直单位\n", encoding="utf-8")
    v = visit().as_role("admin")
    v.page.click("nav summary:has-text('工作')")  # the menu a person opens
    v.page.click("nav a:has-text('数据载入')")
    total = v.page.locator("[data-test=total-nodes]")
    total.wait_for()
    before = int(total.inner_text())
    v.page.set_input_files("input[name=file]", str(bad))
    v.page.click("form button[type=submit]")
    problems = v.page.locator("[data-test=problems]")
    problems.wait_for()
    row = problems.locator("tbody tr").first.inner_text()
    assert "2" in row and "D" in row and "人口" in row and "三千" in row
    assert int(total.inner_text()) == before  # a rejected file loads nothing
    v.shot("load-rejected")
    v.page.set_input_files("input[name=file]", str(good))
    v.page.click("form button[type=submit]")
    v.page.locator("[data-test=report]").wait_for()
    wait_until(v.page, "(n) => Number(document.querySelector('[data-test=total-nodes]').textContent) > n", before)
    v.shot("load-done")


def test_signing_out_ends_the_session(visit, base_url):
    v = visit().as_role("analyst")
    assert v.page.request.get(base_url + "/stats").status == 200
    v.page.click("text=退出")
    v.page.wait_for_url(re.compile("#/login"))
    v.go("/search")
    v.page.wait_for_url(re.compile("#/login"))
    assert v.page.request.get(base_url + "/stats").status == 401


def test_a_first_sign_in_must_change_the_password_before_anything_else(visit, base_url):
    v = visit()
    v.sign_in("ui_newcomer", "first-time-pass-1")
    v.page.wait_for_url(re.compile("#/password"))
    assert v.page.request.get(base_url + "/stats").status == 403
    v.page.fill("input[name=old_password]", "first-time-pass-1")
    v.page.fill("input[name=new_password]", "ui_newcomer")
    v.page.fill("input[name=new_password_again]", "ui_newcomer")
    v.page.click("button[type=submit]")
    assert v.page.locator("[data-test=error]").inner_text()  # too short / equal to the name: the API says why
    v.page.fill("input[name=new_password]", "a-better-pass-2026")
    v.page.fill("input[name=new_password_again]", "a-better-pass-2026")
    v.page.click("button[type=submit]")
    v.page.wait_for_url(re.compile("#/dashboard"))
    assert v.page.request.get(base_url + "/stats").status == 200


def test_every_page_renders_for_an_admin(visit, county):
    village = _busiest_village(county)
    v = visit().as_role("admin")
    for route, marker in (("/analyses/repeats", "[data-test=rows]"), ("/analyses/common", "[data-test=rows]"),
                          ("/analyses/linked", "[data-test=rows]"), ("/analyses/relatives", "[data-test=rows]"),
                          ("/admin", "[data-test=audit]"), ("/load", "[data-test=total-nodes]"),
                          (f"/explore/{village.id}", ".graph")):
        v.go(route)
        v.page.locator(marker).first.wait_for()
        assert v.page.locator("[data-test=error]").count() == 0, route
        v.shot(route.strip("/").replace("/", "-").split("-unit")[0] or "home")


def test_a_person_read_in_the_browser_is_audited_like_an_api_read(visit, county, ui_data):
    from api.audit import AuditLog

    village, cadre = _village_and_cadre_with_more(county)
    v = visit().as_role("analyst")
    v.go(f"/entity/{cadre}")
    v.page.locator("[data-test=facts]").wait_for()
    log = AuditLog(ui_data / "audit.sqlite")
    try:
        _, entries = log.read(limit=200, offset=0, account="ui_analyst", kind="read")
    finally:
        log.close()
    assert any(cadre in e.person_ids and e.endpoint == f"/entities/{cadre}/card" for e in entries)


def test_the_api_reference_renders_from_the_services_own_assets(visit):
    v = visit()
    v.page.goto(v.base + "/docs")
    v.page.locator(".swagger-ui .opblock").first.wait_for()
    assert v.page.locator(".swagger-ui .opblock").count() > 50  # every route listed; the fixture checks no CDN, no CSP error
    v.shot("api-docs")


def test_a_ledger_loaded_again_without_a_row_lists_it_and_removes_it_when_confirmed(visit, county, tmp_path: Path):
    county_name = next(n.props["county"] for n in county.nodes if n.kind.value == "Unit")
    ledger = tmp_path / "单位名册-去留.csv"
    rows = [f"宁川县去留{x}局,{county_name},县直单位" for x in "甲乙"]
    v = visit().as_role("admin")
    v.go("/load")
    total = v.page.locator("[data-test=total-nodes]")
    total.wait_for()

    def loaded(click: str) -> int:
        """Click; the node count the page shows once it has read it again after the load."""
        with v.page.expect_response(lambda r: r.url.endswith("/stats")) as stats:  # read again after the load
            v.page.click(click)  # the report shown before goes at once (submit clears it)
        v.page.locator("[data-test=report]").wait_for()
        shown = stats.value.json()["total_nodes"]
        wait_until(v.page, "(n) => Number(document.querySelector('[data-test=total-nodes]').textContent) === n", shown)
        return int(shown)

    def upload(lines: list[str]) -> int:
        ledger.write_text("\n".join(["单位名称,县（市、区）,单位类别", *lines]) + "\n", encoding="utf-8")
        v.page.set_input_files("input[name=file]", str(ledger))
        return loaded("form button[type=submit]")

    before = upload(rows)
    assert upload(rows[:1]) == before  # listed, not removed
    listed = v.page.locator("[data-test=dropped]")
    assert "图中仍有的记录 1 条" in listed.inner_text() and "宁川县去留乙局" in listed.locator("tbody").inner_text()
    assert v.page.locator("[data-test=unrelated]").count() == 0  # the file still gives the other unit
    v.shot("load-dropped-listed")
    assert loaded("[data-test=remove-dropped]") == before - 1  # the same file again, with the ids shown
    assert "已删除文件中已删去的行所载记录 1 条" in v.page.locator("[data-test=dropped]").inner_text()
    assert upload([]) == before - 1  # every row deleted: listed as an emptied file, not refused as header-only
    assert v.page.locator("[data-test=emptied]").count() == 1 and v.page.locator("[data-test=unrelated]").count() == 0
    assert loaded("[data-test=remove-dropped]") == before - 2


def test_a_problem_whose_unit_was_corrected_replaces_the_old_one_and_says_so(visit, county, tmp_path: Path):
    """The clerk corrects a problem's unit in the ledger, keeps its code and text, and uploads it again."""
    rnd = next(n for n in county.nodes if n.kind.value == "Round")
    first, other = [n.props["name"] for n in county.nodes
                    if n.kind.value == "Unit" and n.props["unit_kind"] == "county_department"][:2]
    ledger = tmp_path / "问题清单-改正.csv"
    v = visit().as_role("admin")
    v.go("/load")
    v.page.locator("[data-test=total-nodes]").wait_for()

    def upload(unit: str, shows: str) -> str:
        at = f"{rnd.props['county']},{rnd.props['term']},{rnd.props['number']}"
        ledger.write_text("县（市、区）,届次,轮次,问题编号,被巡察单位,序号,问题描述,问题类别,整改状态,发现日期\n"
                          f"{at},UI-改正-01,{unit},901,公务接待无公函，陪餐人数超标,财务管理,整改中,2023-06-01\n"
                          f"{at},UI-改正-02,{first},902,固定资产账实不符,财务管理,整改中,2023-06-01\n", encoding="utf-8")
        v.page.set_input_files("input[name=file]", str(ledger))
        v.page.click("form button[type=submit]")
        v.page.locator("[data-test=report], [data-test=problems]", has_text=shows).first.wait_for()
        return v.page.locator("main").inner_text()

    assert "取代" not in upload(first, "载入 2 行")
    shown = upload(other, "取代")  # before: refused, the code "already used"
    assert "编号“UI-改正-01”原属本文件已载入的另一条问题" in shown and "载入 2 行" in shown
    assert v.page.locator("[data-test=problems]").count() == 0
    v.shot("load-recoded")
