"""Named queries: each a Cypher file and a networkx twin with one result."""
