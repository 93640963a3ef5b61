"""The deck's table style, written once into ppt/tableStyles.xml: tables follow the
theme (light or dark) and a user can restyle them from PowerPoint's Table Design tab."""

from __future__ import annotations

from typing import Any

from smguide.deck.oxml import NS

TABLE_STYLE = "{8E4B1D2A-5C3F-4E7B-9A61-2D0C7F3B5E19}"  # smguide's, in ppt/tableStyles.xml


def table_style(presentation: Any) -> str:
    """The deck's table style (added to ppt/tableStyles.xml once): the header row on the
    primary colour in the background colour (the text colour when that reads better, as
    on a dark deck), bold; every second row a shade of the
    background; no other fills or borders, so the table follows the theme (light or
    dark) and a user can restyle it from PowerPoint's Table Design tab."""
    from lxml import etree
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    part = presentation.part_related_by(RT.TABLE_STYLES)
    root = etree.fromstring(part.blob)
    a = NS["a"]
    if any(s.get("styleId") == TABLE_STYLE for s in root.iter(f"{{{a}}}tblStyle")):
        return TABLE_STYLE
    tint = "bg2"
    header = _on_primary(presentation.presentation.slide_master)

    def cells(name: str, colour: str | None, text: str | None, bold: bool) -> str:
        fill = (f'<a:fill><a:solidFill><a:schemeClr val="{colour}"/></a:solidFill></a:fill>'
                if colour else "")
        words = (f'<a:tcTxStyle{" b=" + chr(34) + "on" + chr(34) if bold else ""}>'
                 f'<a:fontRef idx="minor"><a:prstClr val="black"/></a:fontRef>'
                 f'<a:schemeClr val="{text}"/></a:tcTxStyle>') if text else ""
        lines = "".join(f"<a:{side}><a:ln><a:noFill/></a:ln></a:{side}>"
                        for side in ("left", "right", "top", "bottom", "insideH", "insideV"))
        return (f"<a:{name}>{words}<a:tcStyle><a:tcBdr>{lines}</a:tcBdr>{fill}</a:tcStyle>"
                f"</a:{name}>")

    style = etree.fromstring(
        f'<a:tblStyle xmlns:a="{a}" styleId="{TABLE_STYLE}" styleName="smguide">'
        f'{cells("wholeTbl", None, "tx1", False)}{cells("band2H", tint, None, False)}'
        f'{cells("firstRow", "accent1", header, True)}</a:tblStyle>')
    root.append(style)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return TABLE_STYLE


def _on_primary(master: Any) -> str:
    """bg1 for text on the primary colour if it reads there (4.5:1), else the better of
    the text and background slots (as Tones.readable picks)."""
    from smguide.deck.theme import shown_colours
    from smguide.model.colors import contrast

    colours = shown_colours(master)
    if "accent1" not in colours or contrast(colours.get("bg1", "#ffffff"),
                                            colours["accent1"]) >= 4.5:
        return "bg1"
    return max(("bg1", "tx1"), key=lambda slot: contrast(colours.get(slot, "#ffffff"),
                                                         colours["accent1"]))
