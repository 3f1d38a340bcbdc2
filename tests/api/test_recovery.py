"""Store unavailable → 503 in Chinese; when it comes back the API answers again, without a restart.

A small TCP relay stands between the API and the real Neo4j, so the test can
take the database away and give it back.
"""

from __future__ import annotations

import os
import socket
import threading
from urllib.parse import urlparse

from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import AccountStore, Role
from graph.settings import Settings


class Relay:
    """Forwards 127.0.0.1:<port> to the real server while switched on; refuses connections while off."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.server: socket.socket | None = None
        self.links: list[socket.socket] = []

    def on(self) -> None:
        self.server = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.server,), daemon=True).start()

    def off(self) -> None:
        if self.server:
            try:
                self.server.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept(), so the port really closes
            except OSError:
                pass
            self.server.close()
            self.server = None
        for s in self.links:
            try:
                s.close()
            except OSError:
                pass
        self.links.clear()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.links += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.close()
                except OSError:
                    pass


def test_503_while_the_store_is_away_and_recovery_without_restart(neo4j_store, tmp_path):
    real = urlparse(os.environ["NEO4J_URI"])
    relay = Relay((real.hostname or "127.0.0.1", real.port or 7687))
    accounts = AccountStore(tmp_path / "accounts.sqlite")
    token = accounts.add("viewer", Role.VIEWER)
    accounts.close()
    settings = Settings(data_dir=tmp_path, store="neo4j", NEO4J_URI=f"bolt://127.0.0.1:{relay.port}")
    headers = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(settings)) as client:  # starts while the database is unreachable
        down = client.get("/stats", headers=headers)
        assert down.status_code == 503 and down.json()["code"] == "store_unavailable"
        assert "Neo4j" in down.json()["message"] and down.headers["Retry-After"]
        relay.on()
        assert client.get("/stats", headers=headers).status_code == 200  # back, same process
        relay.off()
        assert client.get("/stats", headers=headers).status_code == 503  # lost mid-life
        relay.on()
        assert client.get("/stats", headers=headers).status_code == 200
    relay.off()


def test_alert_hits_wait_for_the_graph_and_an_act_refused_changes_nothing(neo4j_county, tmp_path):
    """Hits live apart from the graph, but what they say is read against it (names to mask or audit, records gone):
    while it is away a hit is neither shown nor acted on (503, its state unchanged); back, both work."""
    real = urlparse(os.environ["NEO4J_URI"])
    relay = Relay((real.hostname or "127.0.0.1", real.port or 7687))
    accounts = AccountStore(tmp_path / "accounts.sqlite")
    headers = {"Authorization": f"Bearer {accounts.add('analyst', Role.ANALYST)}"}
    accounts.close()
    unit = next(n for n in neo4j_county.iter_nodes() if n.kind.value == "Unit")
    settings = Settings(data_dir=tmp_path, store="neo4j", NEO4J_URI=f"bolt://127.0.0.1:{relay.port}")
    relay.on()
    with TestClient(create_app(settings)) as client:
        alert = {"name": "单位在图中", "kind": "named_query", "params": {"query": "entity_by_id", "id": unit.id}}
        assert client.post("/alerts", headers=headers, json=alert).status_code == 201
        hit = client.post("/alerts/run", headers=headers).json()["new"][0]
        relay.off()  # hits quote issues' text, read against the names the graph holds: away, nothing is answered
        assert client.get("/alerts/hits", headers=headers).status_code == 503
        assert client.post(f"/alerts/hits/{hit['id']}/ack", headers=headers).status_code == 503
        relay.on()
        listed = client.get("/alerts/hits", headers=headers).json()["items"]
        assert [(h["id"], h["state"], h["gone"]) for h in listed] == [(hit["id"], "new", [])]  # refused: unchanged
        acked = client.post(f"/alerts/hits/{hit['id']}/ack", headers=headers)
        assert acked.status_code == 200 and acked.json()["state"] == "acknowledged"
    relay.off()
