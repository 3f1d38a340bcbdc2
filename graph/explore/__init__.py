"""The analyst's workbench: one entity's card (facts, sources, timeline, related) and the explorer's expansions."""
