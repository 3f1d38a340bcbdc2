"""Loaders: everything that turns outside records into graph records."""
