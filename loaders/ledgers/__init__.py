"""Ledgers (台账) in, graph records out: Excel, CSV and JSON with Chinese headers.

``columns.json`` declares every ledger kind once (headers, variants, types);
the reader, the validator and the template writer all read it.
"""
