"""Text on a company template reads on what is really behind it: a picture or a gradient
as the slides' background, measured at its worst colour, and the template's own text
styles where they would not read there. The deck is read back from the saved file with
python-pptx (tests/deckcontrast.py resolves colours and backgrounds on its own)."""

from __future__ import annotations

import io
from pathlib import Path

import pptx
import pytest
from lxml import etree
from pptx import Presentation

from smguide.deck.grounds import UNKNOWN, picture_colours
from smguide.deck.render import DeckRenderer
from smguide.model.options import DeckOptions
from smguide.resources import builtin
from smguide.sources.brand import load_brand
from smguide.sources.content import load_guide
from tests.deckcontrast import readings

REPO = Path(__file__).resolve().parents[2]
CORPUS = next((base / "shared" / "corpus" / "templates" for base in (REPO.parent,
               REPO.parent.parent) if (base / "shared" / "corpus" / "templates").is_dir()),
              None)
DEPTH = "pandoc__test__pptx__reference-depth.pptx"
GUIDE = load_guide(builtin("content"))
BRAND, _ = load_brand(builtin("brand") / "_brand.yml")
DEFAULT = Path(pptx.__file__).parent / "templates" / "default.pptx"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _unreadable(path: Path) -> list[str]:
    """Runs under WCAG's 4.5:1 (3:1 for large text: 18 pt, 14 pt bold; list markers)."""
    return [r.line() for r in readings(path) if r.ratio < r.needs]


def _grey_gradient_template(tmp_path: Path) -> Path:
    """python-pptx's default template dressed as the "Depth" theme is: a grey gradient as
    every slide's background, its colour map swapped as for a dark deck (bg1 and bg2 on
    the theme's dark colours, tx1 and tx2 on its light ones), so its text styles are
    light."""
    prs = Presentation(str(DEFAULT))
    master = prs.slide_master._element
    fill = (f'<p:bg xmlns:p="{P}" xmlns:a="{A}"><p:bgPr><a:gradFill><a:gsLst>'
            '<a:gs pos="0"><a:srgbClr val="BEBEBE"/></a:gs>'
            '<a:gs pos="100000"><a:srgbClr val="808080"/></a:gs></a:gsLst>'
            '<a:lin ang="5400000"/></a:gradFill><a:effectLst/></p:bgPr></p:bg>')
    c_sld = master.find(f"{{{P}}}cSld")
    for old in c_sld.findall(f"{{{P}}}bg"):
        c_sld.remove(old)
    c_sld.insert(0, etree.fromstring(fill))
    mapping = master.find(f"{{{P}}}clrMap")
    for tone, slot in {"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"}.items():
        mapping.set(tone, slot)
    path = tmp_path / "grey.pptx"
    prs.save(str(path))
    return path


def test_text_reads_on_a_gradient_background(tmp_path: Path) -> None:
    template = _grey_gradient_template(tmp_path)
    data, _ = DeckRenderer(GUIDE, BRAND, DeckOptions(template=template)).render()
    out = tmp_path / "deck.pptx"
    out.write_bytes(data)
    found = readings(out)
    assert {r.shape for r in found} >= {"Eyebrow"}  # eyebrows, tables, lists were read
    assert any("(marker)" in r.shape for r in found)
    assert not _unreadable(out), "\n".join(_unreadable(out)[:10])
    # the template's light text style was given a dark text colour on the layouts
    prs = Presentation(io.BytesIO(data))
    assert any(layout.placeholders[0]._element.find(f".//{{{A}}}lstStyle/{{{A}}}lvl1pPr/"
                                                    f"{{{A}}}defRPr/{{{A}}}solidFill")
               is not None for layout in prs.slide_layouts if len(layout.placeholders))


@pytest.mark.skipif(CORPUS is None or not (CORPUS / DEPTH).is_file(),
                    reason="no ../shared/corpus/templates beside the repository")
def test_text_reads_on_the_depth_templates_picture(tmp_path: Path) -> None:
    """The corpus's "Depth" template: a 16-bit grey picture from #bebebe to #808080
    behind every slide, white gradient text styles, a mint secondary colour."""
    assert CORPUS is not None
    data, _ = DeckRenderer(GUIDE, BRAND, DeckOptions(template=CORPUS / DEPTH)).render()
    out = tmp_path / "deck.pptx"
    out.write_bytes(data)
    assert not _unreadable(out), "\n".join(_unreadable(out)[:10])
    eyebrows = [r for r in readings(out) if r.shape == "Eyebrow"]
    assert eyebrows and all(r.ratio >= 3.0 for r in eyebrows)


def test_a_picture_is_measured_at_its_lightest_and_darkest() -> None:
    from PIL import Image

    image = Image.new("RGB", (200, 100), "#202020")
    image.paste(Image.new("RGB", (100, 100), "#f0f0f0"), (100, 0))
    data = io.BytesIO()
    image.save(data, "PNG")
    assert picture_colours(data.getvalue()) == ("#f0f0f0", "#202020")
    assert picture_colours(b"not a picture") == UNKNOWN
