"""How fast the workbench draws, in real headless Chromium against a real server on the sample county.

Prints, over several fresh page loads each: the search page's first contentful paint and time until results
show; an entity page's first paint and time until its graph is drawn; and the explorer at ~300 nodes (a county
setting ``collapse_above`` raised so one busy unit's issues are drawn one by one): time of the fCoSE layout and
of one more click-to-expand at that size (the page stays interactive if this is well under a second).

Usage: python bench/ui_paint.py [scale] [runs]   (default 1 5; needs `make install` and Debian's chromium)
"""

from __future__ import annotations

import json
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import uvicorn  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from api.app import create_app  # noqa: E402
from api.auth import AccountStore, Role  # noqa: E402
from graph.analysis import repeats  # noqa: E402
from graph.settings import Settings  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402
from loaders.sample import generate  # noqa: E402

PASSWORD = "bench-pass-2026"


def serve(folder: Path) -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(data_dir=folder, store="embedded")),
                                           host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}"


def poll(page, script: str, arg=None, timeout: float = 60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = page.evaluate(script, arg)
        if value:
            return value
        page.wait_for_timeout(20)
    raise TimeoutError(script)


def fcp(page) -> float:
    return poll(page, "() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime")


def main() -> None:
    scale = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    folder = Path(tempfile.mkdtemp(prefix="xuncha-ui-bench-"))
    county = generate(scale, 7)
    store = EmbeddedStore(folder / "graph.sqlite")
    store.upsert(county.nodes, county.edges)
    repeats.recompute(store)
    store.close()
    accounts = AccountStore(folder / "accounts.sqlite")
    accounts.add("bench", Role.ANALYST, PASSWORD)
    accounts.close()
    (folder / "explorer.json").write_text(json.dumps({"collapse_above": 400}), "utf-8")
    degree = Counter(end for e in county.edges if e.type.value != "SOURCED_FROM" for end in (e.src, e.dst))
    busy = min((n for n, d in degree.items() if d >= 280), key=lambda n: degree[n], default=None) \
        or degree.most_common(1)[0][0]  # the entity whose relationships come nearest to 300 (and not under)
    village = next(n for n in county.nodes if n.kind.value == "Unit" and n.props["unit_kind"] == "village")
    base = serve(folder)
    figures: dict[str, list[float]] = {k: [] for k in ("search_fcp", "search_results", "entity_fcp", "entity_graph",
                                                          "explorer_nodes", "explorer_layout", "expand_click")}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--headless", "--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        page = context.new_page()
        page.goto(f"{base}/#/login")
        page.fill("input[name=username]", "bench")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_selector("[data-test=who]")
        for _ in range(runs):
            fresh = context.new_page()
            started = time.perf_counter()
            fresh.goto(f"{base}/#/search?q={village.props['name']}")
            fresh.wait_for_selector("[data-test=result]")
            figures["search_results"].append((time.perf_counter() - started) * 1000)
            figures["search_fcp"].append(fcp(fresh))
            fresh.close()
            fresh = context.new_page()
            started = time.perf_counter()
            fresh.goto(f"{base}/#/entity/{village.id}")
            poll(fresh, "() => window.__xunchaLayout && window.__xunchaLayout.nodes > 1")
            figures["entity_graph"].append((time.perf_counter() - started) * 1000)
            figures["entity_fcp"].append(fcp(fresh))
            fresh.close()
            fresh = context.new_page()
            fresh.goto(f"{base}/#/explore/{busy}")
            drawn = poll(fresh, "() => window.__xunchaLayout && window.__xunchaLayout.nodes > 1 && window.__xunchaLayout")
            figures["explorer_nodes"].append(drawn["nodes"])
            figures["explorer_layout"].append(drawn["ms"])
            person = fresh.evaluate("() => window.__xunchaCy.nodes('[kind = \"Person\"]').first().id()")
            box = fresh.locator(".graph").last.bounding_box()
            at = fresh.evaluate("(id) => { const cy = window.__xunchaCy, n = cy.getElementById(id); cy.zoom(2.5);"
                                " cy.center(n); window.__xunchaLayout = null; return n.renderedPosition(); }", person)
            started = time.perf_counter()
            fresh.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
            poll(fresh, "() => window.__xunchaLayout")
            figures["expand_click"].append((time.perf_counter() - started) * 1000)
            fresh.close()
        browser.close()
    print(f"workbench in headless Chromium, scale {scale} ({len(county.nodes):,} nodes), {runs} fresh loads each")
    labels = {"search_fcp": "search page first contentful paint (ms)", "search_results": "search page to results (ms)",
              "entity_fcp": "entity page first contentful paint (ms)", "entity_graph": "entity page to graph drawn (ms)",
              "explorer_nodes": "explorer nodes drawn", "explorer_layout": "explorer fCoSE layout (ms)",
              "expand_click": "click-to-expand at that size (ms)"}
    for key, label in labels.items():
        values = figures[key]
        print(f"  {label:44} median {statistics.median(values):8.0f}   worst {max(values):8.0f}")


if __name__ == "__main__":
    main()
