"""A clerk drops several reports on the 文本待审 page at once, in real headless Chromium: each file says what it gave
(a copy in another encoding gives nothing new, a file with no problems is refused by name, the others go on), an
edited entry stays in the default view until accepted, and a viewer's table has no column of actions."""

from __future__ import annotations

import re


def test_several_files_at_once_each_told_and_an_edited_entry_stays_in_view(visit, county, tmp_path):
    name = next(n.props["name"] for n in county.nodes if n.kind.value == "Unit" and n.props["name"] == "宁川县林业局")
    lines = ["十五届县委第三轮巡察反馈意见", f"关于{name}：一是护林员补助发放台账缺失，部分补助未按月发放。"
             "二是林木采伐审批把关不严，超量采伐未及时查处。"]
    report = tmp_path / "林业反馈意见.txt"
    report.write_text("\n".join(lines), encoding="utf-8")
    copy = tmp_path / "林业反馈意见（GBK另存）.txt"
    copy.write_text("\n".join(lines), encoding="gb18030")
    praise = tmp_path / "会议通知.txt"
    praise.write_text("各单位：\n定于下周召开巡察工作推进会，请准时参加。\n", encoding="utf-8")

    v = visit().as_role("analyst")
    v.go("/texts")
    v.page.set_input_files("input[name=text_file]", [str(report), str(copy), str(praise)])
    v.page.click("form button[type=submit]:has-text('读入')")
    note = v.page.locator("[data-test=note]")
    note.wait_for()
    told = note.inner_text().splitlines()
    new = re.search(r"新存入待审 (\d+) 条", told[0])
    assert told[0].startswith("从 林业反馈意见.txt 读出问题") and new and int(new[1]) >= 2, told
    assert any(line.startswith("从 林业反馈意见（GBK另存）.txt") and "新存入待审 0 条" in line for line in told), told
    assert any(line.startswith("未读入：会议通知.txt：") for line in told), told
    v.shot("texts-several")

    row = v.page.locator("[data-test=entries] tbody tr", has_text="护林员补助发放台账缺失")
    row.wait_for()
    row.locator("button:has-text('修改')").click()
    v.page.fill("textarea[name=edit_text]", "护林员补助发放台账缺失。")
    v.page.click("[data-test=entries] button:has-text('保存')")
    v.page.locator("[data-test=note]", has_text="已修改").wait_for()
    edited = v.page.locator("[data-test=entries] tbody tr", has_text="护林员补助发放台账缺失。")
    edited.wait_for()  # still in the default view (待审，含已修改), not hidden by it
    assert "已修改待接受" in edited.inner_text()
    entry = next(e for e in v.page.request.get(v.base + "/text-items", params={"state": "edited"}).json()["items"]
                 if e["text"] == "护林员补助发放台账缺失。")
    assert "指定" not in entry["unit_rule"] + entry["category_reason"] + entry["severity_reason"]  # only the text sent

    viewer = visit().as_role("viewer")
    viewer.go("/texts")
    viewer.page.locator("[data-test=entries]").wait_for()
    headers = viewer.page.locator("[data-test=entries] thead th").all_inner_texts()
    assert "操作" not in headers and "内容" in headers
