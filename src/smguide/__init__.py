"""smguide: one set of content, two branded artefacts (a print-ready PDF handbook and a deck)."""

__version__ = "0.1.0"
