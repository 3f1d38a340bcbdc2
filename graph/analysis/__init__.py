"""Analyses over the graph: cross-round repeats, problems following a leader,
common problems, linked clusters and relative links.

Graph patterns are named queries (Cypher + networkx twin); text scoring runs
here in Python over the rows those queries return, so every analysis gives the
same answer on both stores.
"""
