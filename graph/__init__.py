"""xuncha-graph: a knowledge graph of county inspection (县委巡察) records."""
