"""Clicking a node of the Cytoscape drawing where it is drawn, as a person does (the canvas has no DOM nodes)."""

from __future__ import annotations

from typing import Any


def wait_until(page: Any, script: str, arg: Any = None, timeout_ms: int = 30_000) -> Any:
    """Poll a page function until it returns something truthy (``wait_for_function`` evaluates strings, which
    the page's content policy rightly refuses; ``evaluate`` goes through the debugging protocol)."""
    waited = 0
    while waited <= timeout_ms:
        value = page.evaluate(script, arg)
        if value:
            return value
        page.wait_for_timeout(100)
        waited += 100
    raise AssertionError(f"the page never satisfied: {script}")


def wait_drawn(page: Any, more_than: int = 1) -> int:
    return wait_until(page, "(n) => window.__xunchaLayout && window.__xunchaLayout.nodes > n && "
                            "window.__xunchaLayout.nodes", more_than)


def node_ids(page: Any, prefix: str = "") -> list[str]:
    return page.evaluate("(p) => window.__xunchaCy.nodes().map(n => n.id()).filter(i => i.startsWith(p))", prefix)


def click_node(page: Any, node_id: str) -> None:
    """Zoom in on the node (as a person would before clicking a crowded spot), then click where it is drawn."""
    box = page.locator(".graph").last.bounding_box()
    at = page.evaluate("""(id) => { const cy = window.__xunchaCy, n = cy.getElementById(id);
        cy.zoom(2.5); cy.center(n); return n.renderedPosition(); }""", node_id)
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])


def neighbours(page: Any, node_id: str) -> list[str]:
    return page.evaluate("(id) => window.__xunchaCy.getElementById(id).neighborhood('node').map(n => n.id())", node_id)
