"""Saved alerts (预警): an analyst saves a pattern with its parameters and threshold; every load re-runs the saved
alerts and records the new hits, each with a stable key so the same data never fires twice.

``model`` holds the pydantic models, ``store`` the durable SQLite file beside the graph (``alerts.sqlite`` in the
data folder, for either store), ``run`` what each kind of alert looks for.
"""
