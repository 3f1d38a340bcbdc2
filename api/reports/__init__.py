"""Documents made from review results: one renderer per kind of document, each reading a result model only.

- ``case_review_docx``: one 一案三改 review as a Word report laid out as a 公文.
- ``case_batch_xlsx``: a batch of reviews as an Excel table.
- ``gongwen``: the shared 公文 page, fonts, headings and tables (GB/T 9704).
"""
