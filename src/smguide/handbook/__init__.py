"""The handbook: templates to HTML and CSS, WeasyPrint to PDF, personal copies."""
