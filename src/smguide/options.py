"""What the user asked the renderers for: light, so the CLI can read options and start the
render processes before the content model or any engine is imported."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PAPER_SIZES = ("a4", "letter", "a5")  # handbook.PAPERS says how each is laid out


@dataclass(frozen=True)
class PrintOptions:
    """How the PDF is laid out for paper: size, bleed and crop marks for a print shop."""

    paper: str = "a4"
    bleed_mm: float = 0.0
    crop_marks: bool = False


@dataclass(frozen=True)
class DeckOptions:
    """A company's own template (else the branded default), and the slide shape."""

    template: Path | None = None
    aspect: str | None = None  # None: 16:9, or the template's own shape
