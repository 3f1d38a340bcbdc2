"""The bulk path for first loads: CSV files for neo4j-admin, and a graph imported from them reads back exactly.

The round trip runs the real importer (from the development server's jars, tools/neo4j-dev/import.sh) into a
new database, starts a development server on it, and compares every record with the embedded store.
"""

from __future__ import annotations

import csv
import json
import os
import secrets
import socket
import subprocess
from pathlib import Path

import pytest

from graph.model import EdgeRecord, EdgeType, NodeKind, NodeRecord
from graph.settings import Settings
from graph.stores.embedded import EmbeddedStore
from graph.stores.neo4j_bulk import write_csv
from graph.stores.neo4j_store import Neo4jStore
from tests.stores.test_neo4j_chunked import _dump

TOOLS = Path(__file__).resolve().parents[2] / "tools" / "neo4j-dev"


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_each_kind_and_signature_gets_its_own_typed_file(tmp_path):
    nodes = [NodeRecord(id="unit_a", kind=NodeKind.UNIT, props={"name": "甲村", "population": 12, "rich": True,
                                                                 "aliases": []}),
             NodeRecord(id="unit_b", kind=NodeKind.UNIT, props={"name": "", "tags": ["x", "y;z"]}),
             NodeRecord(id="unit_a", kind=NodeKind.UNIT, props={"income": 1.5})]  # repeated id: merged
    edges = [EdgeRecord(id="e1", type=EdgeType.PART_OF, src="unit_a", src_kind=NodeKind.UNIT, dst="unit_b",
                        dst_kind=NodeKind.UNIT, props={"since": "2020-01-01"})]
    files = write_csv(nodes, edges, tmp_path)
    assert (files.nodes, files.relationships, files.array_delimiter) == (2, 1, "|")  # ';' is inside a list item
    tables = sorted(_rows(p) for p in files.node_files)
    assert tables == [
        [["id:ID", ":LABEL", "income:double", "name:string", "population:long", "rich:boolean"],
         ["unit_a", "Entity|Unit", "1.5", "甲村", "12", "true"]],
        [["id:ID", ":LABEL", "name:string", "tags:string[]"], ["unit_b", "Entity|Unit", "", "x|y;z"]]]
    assert _rows(files.relationship_files[0]) == [
        [":START_ID", ":END_ID", ":TYPE", "id:string", "since:string"], ["unit_a", "unit_b", "PART_OF", "e1", "2020-01-01"]]
    assert json.loads(files.empty_lists.read_text("utf-8")) == {"": {"aliases": ["unit_a"]}}
    command = files.command(database="city")
    assert command[:5] == ["neo4j-admin", "database", "import", "full", "city"]
    assert f"--nodes={files.node_files[0]}" in command and "--array-delimiter=|" in command


def test_a_property_key_that_could_break_a_header_is_refused(tmp_path):
    bad = NodeRecord(id="unit_a", kind=NodeKind.UNIT, props={"name:string,x": "甲"})
    with pytest.raises(ValueError, match="属性名"):
        write_csv([bad], [], tmp_path)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.neo4j
def test_an_imported_county_reads_back_exactly_like_the_embedded_store(county, tmp_path):
    files = write_csv(county.nodes, county.edges, tmp_path / "csv")
    env = {**os.environ, "NEO4J_DATA": str(tmp_path / "home")}
    subprocess.run(["bash", str(TOOLS / "import.sh"), *files.command()[1:]], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port, password = _free_port(), "test-" + secrets.token_hex(8)
    server = subprocess.Popen(["bash", str(TOOLS / "start.sh")], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              env={**env, "NEO4J_PORT": str(port), "NEO4J_PASSWORD": password}, text=True)
    try:
        assert server.stdout is not None and server.stdout.readline().startswith("READY")
        store = Neo4jStore.from_settings(Settings(store="neo4j", NEO4J_URI=f"bolt://127.0.0.1:{port}",
                                                  NEO4J_PASSWORD=password))
        assert store.finish_bulk_import(files.empty_lists) > 0  # the sample county has units without industries
        embedded = EmbeddedStore(tmp_path / "g.sqlite")
        embedded.upsert(county.nodes, county.edges)
        assert _dump(store) == _dump(embedded)
        assert store.counts() == embedded.counts()
        constraints = store._read("SHOW CONSTRAINTS YIELD labelsOrTypes RETURN labelsOrTypes")
        assert sorted(r["labelsOrTypes"] for r in constraints) == [["Entity"], ["GraphVersion"]]  # ids; one version
        embedded.close()
        store.close()
    finally:
        server.terminate()
        server.wait()
