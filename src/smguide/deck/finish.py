"""The finished deck as a proper file: the guide's language on every run, no leftovers.

Run once, after every slide is made and before saving:
- every text run, field and paragraph end on the slides and their notes carries the
  guide's language (`lang="de-DE"`), and so do the presentation's and the master's default
  text styles, so PowerPoint spell-checks and screen readers read the deck in its language;
- python-pptx's default file leaves no trace: its printer settings go, and the notes
  master's theme is named after the brand like the slide masters' (see deck.theme).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from smguide.deck.oxml import NS

if TYPE_CHECKING:
    from pptx.presentation import Presentation

A = NS["a"]
RT_PRINTER = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
              "printerSettings")
_RUN_PROPS = (f"{{{A}}}rPr", f"{{{A}}}endParaRPr", f"{{{A}}}defRPr")


def language_tag(language: str) -> str:
    """The guide's language as the culture name Office expects: `de` -> `de-DE`, `en` ->
    `en-US` (the likely region, from CLDR via Babel); a tag with a region keeps it."""
    parts = language.replace("_", "-").split("-")
    base = parts[0].lower()
    if len(parts) > 1:
        rest = [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in parts[1:]]
        return "-".join([base, *rest])
    from smguide.sources.languages import likely_region

    region = likely_region(base)
    return f"{base}-{region}" if len(region) == 2 and region.isalpha() else base


def tag_language(root, tag: str) -> None:  # noqa: ANN001 - an lxml element
    """`lang` on every run's, field's, line break's and paragraph end's properties under
    `root`; a run, field or line break without properties gets them (the schema puts
    a:rPr first)."""
    from lxml import etree

    for holder in root.iter(f"{{{A}}}r", f"{{{A}}}fld", f"{{{A}}}br"):
        props = holder.find(f"{{{A}}}rPr")
        if props is None:
            props = etree.Element(f"{{{A}}}rPr")
            holder.insert(0, props)
        props.set("lang", tag)
    for props in root.iter(f"{{{A}}}endParaRPr"):
        props.set("lang", tag)


def _tag_defaults(root, tag: str) -> None:  # noqa: ANN001
    """The default run properties of a text style list (every level) carry the language."""
    for props in root.iter(f"{{{A}}}defRPr"):
        props.set("lang", tag)


def finish(prs: Presentation, language: str, theme_name: str) -> None:
    """Language tags everywhere the deck writes text; python-pptx's leftovers removed."""

    tag = language_tag(language)
    for slide in prs.slides:
        tag_language(slide._element, tag)
        if slide.has_notes_slide:
            tag_language(slide.notes_slide._element, tag)
    presentation = prs.part._element
    styles = presentation.find(f"{{{NS['p']}}}defaultTextStyle")
    if styles is not None:
        _tag_defaults(styles, tag)
    for master in prs.slide_masters:
        text_styles = master._element.find(f"{{{NS['p']}}}txStyles")
        if text_styles is not None:
            _tag_defaults(text_styles, tag)
    for rel in list(prs.part.rels.values()):
        if rel.reltype == RT_PRINTER:
            prs.part.drop_rel(rel.rId)
    _name_notes_theme(prs, theme_name)


def _name_notes_theme(prs: Presentation, theme_name: str) -> None:
    """The notes master's theme named like the deck's (python-pptx calls it "Office")."""
    from lxml import etree

    notes_master = prs.part.notes_master_part
    for rel in notes_master.rels.values():
        if rel.reltype.endswith("/theme"):
            part = rel.target_part
            element = getattr(part, "_element", None)  # python-pptx's new notes master's
            if element is not None:
                element.set("name", theme_name)
                continue
            root = etree.fromstring(part.blob)
            root.set("name", theme_name)
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                        standalone=True)
