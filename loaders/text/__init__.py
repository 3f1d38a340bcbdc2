"""Report text in (issue 19): feedback reports, comprehensive reports and meeting speeches (.docx/.txt) become
issue items and directives, held in a review queue until an analyst accepts them into the graph."""
