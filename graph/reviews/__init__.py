"""Review products: plain functions of a store, each returning one pydantic result model.

Everything that shows a review (CLI, API, Word and Excel documents, web pages)
reads that model and derives nothing of its own.
"""
