"""Property-based checks over the OpenAPI schema: no 5xx, every response matches its declared schema.

Runs in-process against the app (ASGI) on the embedded store holding the
sample county, as an admin so every operation is reachable. Examples per
operation are bounded so the suite stays quick. The app is built when the
module is collected, because schemathesis reads the schema at that point.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance, status_code_conformance

from api.app import create_app
from api.auth import AccountStore, Role
from graph.analysis import repeats
from graph.settings import Settings
from graph.stores.embedded import EmbeddedStore
from loaders.sample import generate


def _app_with_county() -> tuple[object, str, tempfile.TemporaryDirectory]:
    folder = tempfile.TemporaryDirectory(prefix="xuncha-fuzz-")
    county = generate(1, 7)
    store = EmbeddedStore(Path(folder.name) / "graph.sqlite")
    store.upsert(county.nodes, county.edges)
    repeats.recompute(store)
    store.close()
    accounts = AccountStore(Path(folder.name) / "accounts.sqlite")
    token = accounts.add("fuzz", Role.ADMIN)
    accounts.close()
    return create_app(Settings(data_dir=Path(folder.name), store="embedded")), token, folder


APP, TOKEN, _FOLDER = _app_with_county()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module")
def client():
    with TestClient(APP) as c:  # runs the lifespan: opens the store, accounts and audit log
        yield c
    _FOLDER.cleanup()


@schema.parametrize()
# Local runs explore new examples each time (that is how the unbounded offsets were found); CI runs a fixed draw, so
# a submission is judged on a reproducible set and a new find becomes a regression test rather than a lost landing.
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck),
          derandomize=os.environ.get("CI") == "true")
def test_no_server_errors_and_responses_match_schema(case, client):
    if case.method == "DELETE" and "{name}" in case.path:
        case.path_parameters = {"name": "nobody-here"}  # never revoke the fuzzing account itself
    if "{entity_id}" in case.path and "entity_id" not in (case.path_parameters or {}):
        case.path_parameters = {**(case.path_parameters or {}), "entity_id": "unit_0000000000000000"}
    response = case.call(session=client, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code < 500, (case.method, case.path, response.text[:300])
    # The bar: no 5xx, documented status codes, and bodies that match their declared schemas.
    case.validate_response(response, checks=[not_a_server_error, status_code_conformance, content_type_conformance,
                                              response_schema_conformance])
