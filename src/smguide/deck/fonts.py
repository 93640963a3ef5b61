"""The brand's fonts inside the deck: ECMA-376 embedded fonts (smguide slides --embed-fonts).

PowerPoint keeps embedded fonts in font parts (`ppt/fonts/fontN.fntdata`, related from the
presentation part) listed in `p:embeddedFontLst`, one `p:embeddedFont` per typeface with
its regular, bold, italic and bold-italic files. A font is embedded only when its licence
allows it: the OS/2 table's embedding bits (fsType) must not say "restricted" (the
bundled Lato is OFL and says nothing against it). Where a family cannot travel, the deck
is still built and a warning names it.

Whether a reader honours the fonts is up to it: PowerPoint does; LibreOffice (7.4, here)
ignores them and substitutes, which is why the option is off by default (see
docs/content.md, "Fonts").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from smguide.deck.oxml import NS
from smguide.errors import Problem, Where
from smguide.sources.fonts import BUNDLED_FAMILY

if TYPE_CHECKING:
    from pptx.presentation import Presentation

    from smguide.sources.brand import Brand

RT_FONT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
FONT_TYPE = "application/x-fontdata"
RESTRICTED, BITMAP_ONLY = 0x0002, 0x0200  # OS/2 fsType bits that forbid embedding outlines
STYLES = (("regular", False, False), ("bold", True, False), ("italic", False, True),
          ("boldItalic", True, True))
# what comes after p:embeddedFontLst in a p:presentation (ECMA-376 part 1, 19.2.1.26)
LATER = ("custShowLst", "photoAlbum", "custDataLst", "kinsoku", "defaultTextStyle",
         "modifyVerifier", "extLst")


def face_file(brand: Brand, family: str, bold: bool, italic: bool = False) -> Path:
    """The brand's font file of `family` closest to the weight and style asked for; for a
    family without files (`source: system`), the file fontconfig picks (the installed
    font, else its substitute, which the PDF engine prints with), else the bundled Lato."""
    faces = [face for face in brand.faces if face.family == family]
    if not faces:
        from smguide.handbook.glyphs import font_match

        found = font_match(family, ("Bold " if bold else "") + ("Italic" if italic else "")
                           or "Regular")
        if found is not None:
            return found[1]
        faces = [face for face in brand.faces if face.family == BUNDLED_FAMILY]
    ranked = sorted(faces, key=lambda f: ((f.weight >= 600) != bold,
                                          (f.style == "italic") != italic,
                                          abs(f.weight - (700 if bold else 400))))
    return ranked[0].path


def may_embed(path: Path) -> bool:
    """Does the font's licence (its OS/2 embedding bits) let a document carry it?"""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        if "OS/2" not in font:
            return True
        bits = font["OS/2"].fsType
    return not bits & RESTRICTED and not bits & BITMAP_ONLY


def embed_fonts(prs: Presentation, brand: Brand, families: list[str]) -> list[Problem]:
    """Put each family's four faces (the brand's closest files) in the deck; returns
    warnings for the families that could not go."""
    from lxml import etree
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    known = {face.family for face in brand.faces}
    warnings: list[Problem] = []
    entries = []
    package = prs.part.package
    for family in dict.fromkeys(families):
        if family not in known:
            warnings.append(Problem.warn(Where(""), f'the font "{family}" is not embedded: the '
                                         f"brand has no file of it (add it under "
                                         f"typography.fonts)",
                                         suggestion="add it under typography.fonts"))
            continue
        files = [(tag, face_file(brand, family, bold, italic)) for tag, bold, italic in STYLES]
        refused = sorted({path.name for _, path in files if not may_embed(path)})
        if refused:
            warnings.append(Problem.warn(Where(""), f'the font "{family}" is not embedded: '
                                         f"its licence does not allow it ("
                                         f"{', '.join(refused)} marks embedding as restricted)"))
            continue
        entry = etree.Element(f"{{{NS['p']}}}embeddedFont")
        etree.SubElement(entry, f"{{{NS['p']}}}font", typeface=family)
        parts: dict[Path, str] = {}
        for tag, path in files:
            if path not in parts:
                name = PackURI(package.next_partname("/ppt/fonts/font%d.fntdata"))
                part = Part(name, FONT_TYPE, package, path.read_bytes())
                parts[path] = prs.part.relate_to(part, RT_FONT)
            etree.SubElement(entry, f"{{{NS['p']}}}{tag}").set(f"{{{NS['r']}}}id", parts[path])
        entries.append(entry)
    if entries:
        root = prs.part._element
        listing = etree.Element(f"{{{NS['p']}}}embeddedFontLst")
        listing.extend(entries)
        later = next((child for child in root if etree.QName(child).localname in LATER), None)
        if later is not None:
            later.addprevious(listing)
        else:
            root.append(listing)
        root.set("embedTrueTypeFonts", "1")  # PowerPoint keeps them when it saves
    return warnings
