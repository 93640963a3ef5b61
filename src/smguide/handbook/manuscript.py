"""What the PDF engine is given: a `Manuscript` (the HTML and CSS the templates produced,
and the folders it may read) and, for a print shop, its `PrintSpec`.

Plain text and paths only, so the process that lays it out imports WeasyPrint and
nothing of the content model.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smguide.handbook.endings import Fit
from smguide.safety.iccprofile import OutputProfile

if TYPE_CHECKING:
    from smguide.handbook.preflight import Finding

VARIANT = "pdf/ua-1"  # tagged, with title and language: readable by assistive technology
PRINT_VARIANT = "pdf/x-4"  # for a print shop: CMYK output intent; still tagged (pdf_tags)


@dataclass(frozen=True)
class Manuscript:
    """Everything WeasyPrint needs, as plain text and paths.

    `stylesheets` are (CSS text, base URL) pairs applied after `stylesheet` (the template
    folder's handbook.css); `allowed` are the only folders and files it may read;
    `template_dirs` name the override folders in the message about a blocked file."""

    html: str
    base_url: str
    stylesheet: Path
    stylesheets: tuple[tuple[str, str], ...]
    allowed: tuple[Path, ...]
    template_dirs: tuple[Path, ...]
    print_spec: PrintSpec | None = None  # set: a PDF/X-4 for a print shop
    fit: Fit | None = None  # set: chapter endings fitted in a second layout (fitting.py)
    # the CSS is the built-in one: the handbook can be laid out in parts and bound
    # (binding.py), its chapters, page counters and running heads as they are there
    in_parts: bool = False


@dataclass(frozen=True)
class PrintSpec:
    """How the print PDF is made: the output profile (checked), the brand's exact CMYK
    values by hex colour (0..1 each), the colours for the black plate only (text, rules)."""

    profile: OutputProfile
    exact_cmyk: tuple[tuple[str, tuple[float, float, float, float]], ...] = ()
    k_only: tuple[str, ...] = ()
    # the brand's logo when it is a raster picture: (file as shown, width px, height px),
    # so a preflight finding about it can name the file
    logo: tuple[str, int, int] | None = None

    def named(self, finding: Finding) -> str:
        """A preflight finding's line, the logo's picture called by its file name and its
        advice the logo's own: a logo is not printed smaller, it is asked for again."""
        line = finding.line()
        if self.logo is None:
            return line
        shown, width, height = self.logo
        picture = f"a {width} x {height} px picture"
        if finding.pixels != (width, height) or picture not in line:
            return line
        line = line.replace(picture, f"the brand's logo {shown} ({width} x {height} px)")
        if finding.needed is not None:
            wide, high = finding.needed
            line = line.replace(f", {wide} x {high} px at that size (use a larger picture, "
                                f"or print it smaller)", f" (ask for the logo as SVG, or as "
                                f"a PNG of at least {wide} x {high} px)")
        return line

    def variant(self) -> dict[str, Any]:
        return {"pdf_variant": PRINT_VARIANT, "pdf_tags": True}

