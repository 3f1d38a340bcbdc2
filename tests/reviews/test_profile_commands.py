"""巡前画像 under the names issue 16 gives them, on the sample county: ``xuncha profile`` (a village, a unit by
name), ``xuncha rank`` (a list, a township by name), ``GET /profiles/{unit}`` and ``GET /profiles`` (roles, a
list, a township by name, namesakes refused); the first names stay as aliases."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

from docx import Document

from api.cli import app
from tests.reviews.test_village_profile_api import api, as_of, cli, data_dir, planted  # noqa: F401


def _units(county, kind: str) -> list:
    return [n for n in county.nodes if n.kind.value == "Unit" and n.props["unit_kind"] == kind]


def test_cli_profile_of_a_village_and_of_a_bureau_by_name(cli, county, planted, as_of, tmp_path: Path):  # noqa: F811
    vid = planted["high"][0]["village"]
    new = json.loads(cli.invoke(app, ["profile", vid, "--as-of", as_of, "--json"]).output)
    old = json.loads(cli.invoke(app, ["review", "village", vid, "--as-of", as_of, "--json"]).output)
    assert new == old and new["unit_kind"] == "village"
    busiest = max(_units(county, "county_department"),
                  key=lambda u: sum(e.dst == u.id and e.type.value == "FOUND_AT" for e in county.edges))
    shown = cli.invoke(app, ["profile", busiest.props["name"], "--as-of", as_of])
    assert shown.exit_code == 0, shown.output
    assert "领导班子" in shown.output and "县直单位" in shown.output
    data = json.loads(cli.invoke(app, ["profile", busiest.id, "--as-of", as_of, "--json"]).output)
    assert data["issues"] and data["team_title"] == "领导班子"
    assert not {f["key"] for f in data["factors"]} & {"open_petition", "relative_link", "weak_income"}
    out = tmp_path / "单位画像.docx"
    assert cli.invoke(app, ["profile", busiest.id, "--as-of", as_of, "--docx", str(out)]).exit_code == 0
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "二、领导班子" in text and "四、风险因素" in text and "六、线索案件和其他监督发现" in text
    near = cli.invoke(app, ["profile", busiest.props["name"] + "某某"])
    assert near.exit_code == 1 and "没有名为" in near.output


def test_cli_rank_a_list_and_a_township_by_name(cli, county, planted, as_of):  # noqa: F811
    villages = {n.id: n for n in _units(county, "village")}
    high = villages[planted["high"][0]["village"]]
    calm = villages[planted["calm"][0]["village"]]
    listed = cli.invoke(app, ["rank", f"{calm.props['parent_name']}/{calm.props['name']}", high.id,
                              "--as-of", as_of, "--json"])
    assert listed.exit_code == 0, listed.output
    data = json.loads(listed.output)
    assert [r["unit_id"] for r in data["rows"]] == [high.id, calm.id] and data["unit_ids"] == [calm.id, high.id]
    town = high.props["parent_name"]
    by_name = json.loads(cli.invoke(app, ["rank", "--township", town, "--as-of", as_of, "--json"]).output)
    assert by_name["scope"] == town and high.id in {r["unit_id"] for r in by_name["rows"]}
    assert {r["township"] for r in by_name["rows"]} == {town}
    bad = cli.invoke(app, ["rank", "无此村", "--as-of", as_of])
    assert bad.exit_code == 1 and "没有名为" in bad.output


def test_api_profiles_under_the_new_names(api, county, planted, as_of):  # noqa: F811
    client, auth = api
    vid = planted["high"][0]["village"]
    assert client.get(f"/profiles/{vid}").status_code == 401
    assert client.get(f"/profiles/{vid}", headers=auth["viewer"]).status_code == 403
    one = client.get(f"/profiles/{vid}", params={"as_of": as_of}, headers=auth["analyst"])
    old = client.get(f"/reviews/villages/{vid}", params={"as_of": as_of}, headers=auth["analyst"])
    assert one.status_code == 200 and one.json() == old.json()
    township = next(u for u in _units(county, "township"))
    unit = client.get(f"/profiles/{township.props['name']}", params={"as_of": as_of}, headers=auth["analyst"])
    assert unit.status_code == 200 and unit.json()["unit_kind"] == "township"
    word = client.get(f"/profiles/{township.id}", params={"as_of": as_of, "format": "docx"}, headers=auth["analyst"])
    assert word.status_code == 200 and "风险因素" in "\n".join(p.text for p in Document(BytesIO(word.content)).paragraphs)
    calm = planted["calm"][0]["village"]
    listed = client.get("/profiles", params={"villages": [calm, vid], "as_of": as_of}, headers=auth["viewer"])
    assert listed.status_code == 200 and [r["unit_id"] for r in listed.json()["rows"]] == [vid, calm]
    town = client.get("/profiles", params={"township": township.props["name"], "as_of": as_of},
                      headers=auth["viewer"])
    assert town.status_code == 200 and town.json()["scope"] == township.props["name"]
    names = [n.props["name"] for n in _units(county, "village")]
    twice = next(x for x in names if names.count(x) > 1)  # the sample county has namesake villages
    refused = client.get(f"/profiles/{twice}", headers=auth["analyst"])
    assert refused.status_code == 422 and refused.json()["code"] == "ambiguous_name"
    missing = client.get("/profiles", params={"villages": ["无此村"]}, headers=auth["viewer"])
    assert missing.status_code == 404 and "没有名为" in missing.json()["message"]
