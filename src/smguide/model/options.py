"""What the user asked the renderers for: light, so the CLI can read options and start the
render processes before the content model or any engine is imported."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

PAPER_SIZES = ("a4", "letter", "a5")  # handbook.PAPERS says how each is laid out


@dataclass(frozen=True)
class Sources:
    """Where the inputs are: the content folder, the brand file, a template override folder;
    `missing_brand`: the project's brand file, not there (the built-in brand is used)."""

    content: Path
    brand: Path
    templates: Path | None = None
    missing_brand: Path | None = None


@dataclass(frozen=True)
class PrintOptions:
    """How the PDF is laid out for paper: size, bleed and crop marks for a print shop;
    `pdfx`: a PDF/X-4 in CMYK for the output profile (`output_profile`, else the brand's,
    else the shipped one for the paper: FOGRA39, GRACoL on US Letter)."""

    paper: str = "a4"
    bleed_mm: float = 0.0
    crop_marks: bool = False
    pdfx: bool = False
    output_profile: Path | None = None
    booklet: bool = False  # printer spreads for saddle stitching (with pdfx)
    creep_mm: float = 0.0  # the innermost sheet's pages move this far towards the spine


@dataclass(frozen=True)
class DeckOptions:
    """A company's own template (else the branded default), and the slide shape."""

    template: Path | None = None
    aspect: str | None = None  # None: 16:9, or the template's own shape
    theme: str = "light"  # the brand's light or dark colours (and logo)
    embed_fonts: bool = False  # the brand's font files inside the deck (deck/fonts.py)

    def on(self, template: Path | None) -> DeckOptions:
        """These options on the brand file's template (defaults.smguide.template) when
        none was given: --template wins."""
        if self.template is not None or template is None:
            return self
        return replace(self, template=template)


def creation_date() -> str:
    """ISO date-time for the PDF metadata; SOURCE_DATE_EPOCH makes builds reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.fromtimestamp(int(epoch), tz=UTC) if epoch and epoch.isdigit()
              else datetime.now(tz=UTC))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def handbook_name(paper: str, print_profile: bool) -> str:
    """The default file name of a handbook: one name per paper size and profile, so one
    build never overwrites another (handbook.pdf, handbook-a5.pdf, handbook-print.pdf)."""
    parts = [p for p in (paper.lower() if paper.lower() != "a4" else "",
                         "print" if print_profile else "") if p]
    return "-".join(["handbook", *parts]) + ".pdf"


def deck_name(aspect: str | None, template: Path | None = None, theme: str = "light") -> str:
    """The default file name of a deck: deck.pptx; on a company template, its file's name
    added (deck-firma.pptx for firma.pptx), so it never overwrites the built-in deck; then
    -4x3 for a 4:3 deck and -dark for the dark theme (deck-firma-4x3-dark.pptx)."""
    parts = ["deck", _slug(template.stem) if template is not None else "",
             "4x3" if aspect == "4:3" else "", "dark" if theme == "dark" else ""]
    return "-".join(part for part in parts if part) + ".pptx"


def _slug(stem: str) -> str:
    """A template's file name as part of another's: lower case, a hyphen for each run of
    spaces and marks ("Firma 2026 (nowy)" -> "firma-2026-nowy"); "template" if none is left."""
    return re.sub(r"[\W_]+", "-", stem.lower()).strip("-") or "template"
