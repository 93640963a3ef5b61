"""The deck's starting point: the built-in branded theme, or a company's own template.

The built-in theme is python-pptx's default deck re-dressed from the brand file: theme
colours and major/minor fonts in ppt/theme/theme1.xml, text styles and geometry on the
slide master and the layouts, and the logo on the master. Slides refer to theme colours
(accent1, lt2, ...), so recolouring the theme in PowerPoint recolours the whole deck.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from smguide.deck.logo import Logo, add_picture
from smguide.deck.oxml import EMU_PER_INCH, NS, RT_THEME, A, P, inches
from smguide.errors import Problem, RenderError, Where
from smguide.model.colors import mix, palette
from smguide.sources.brand import Brand
from smguide.sources.brandcolours import deck_on_primary

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import SlideLayout, SlideMaster

ASPECTS = {"16:9": (12192000, 6858000), "4:3": (9144000, 6858000)}


def open_template(path: Path) -> Presentation:
    from pptx import Presentation as open_pptx

    from smguide.safety.pptx import check_template, readable

    check_template(path)  # a zip bomb, an XML entity or macros never reach python-pptx
    try:
        converted = readable(path)  # a .potx opens as the deck it would start
        return open_pptx(io.BytesIO(converted) if converted else str(path))
    except Exception as exc:  # a zip or XML error inside python-pptx
        raise RenderError(Problem.at(Where(str(path)), f"not a PowerPoint template "
                                     f"python-pptx can read ({exc.__class__.__name__}: "
                                     f"{exc})")) from None


def set_aspect(prs: Presentation, aspect: str) -> None:
    """Resize the slides and stretch the master's and layouts' shapes across the new width."""
    from pptx.util import Emu

    width, height = ASPECTS[aspect]
    old_w, old_h = prs.slide_width or width, prs.slide_height or height
    prs.slide_width, prs.slide_height = Emu(width), Emu(height)
    size = prs.part._element.sldSz
    if size is not None and size.get("type") and (old_w, old_h) != (width, height):
        del size.attrib["type"]  # a named size ("screen4x3") no longer is this shape
    if (old_w, old_h) == (width, height):
        return
    fx, fy = width / old_w, height / old_h
    every = [shapes for master in prs.slide_masters
             for shapes in (master.shapes, *(layout.shapes for layout in master.slide_layouts))]
    for shapes in every:
        for shape in shapes:
            if not shape._element.xpath("./p:spPr/a:xfrm | ./p:grpSpPr/a:xfrm | ./p:xfrm"):
                continue  # inherits its position from the master
            left, top, w, h = shape.left, shape.top, shape.width, shape.height
            if shape.shape_type == 13:  # a picture keeps its proportions
                shape.left = round((left + w / 2) * fx - w / 2)
            else:
                shape.left, shape.width = round(left * fx), round(w * fx)
            shape.top, shape.height = round(top * fy), round(h * fy)


def theme_part(master: SlideMaster):  # noqa: ANN201 - python-pptx's generic Part
    return master.part.part_related_by(RT_THEME)


def shown_colours(master: SlideMaster) -> dict[str, str]:
    """Tone -> '#rrggbb' as the master shows it: the theme's slots (scheme_colours) and,
    through the master's colour map, bg1, tx1, bg2 and tx2."""
    out = scheme_colours(master)
    mapping = master._element.find(f"{{{P}}}clrMap")
    for tone, slot in {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}.items():
        mapped = mapping.get(tone, slot) if mapping is not None else slot
        if mapped in out:
            out[tone] = out[mapped]
    return out


def theme_fonts(master: SlideMaster) -> tuple[str, str]:
    """(major, minor) latin typefaces of the master's theme."""
    root = etree.fromstring(theme_part(master).blob)
    major = root.find(".//a:fontScheme/a:majorFont/a:latin", NS)
    minor = root.find(".//a:fontScheme/a:minorFont/a:latin", NS)
    return (major.get("typeface", "") if major is not None else "",
            minor.get("typeface", "") if minor is not None else "")


def scheme_colours(master: SlideMaster) -> dict[str, str]:
    """Theme slot -> '#rrggbb' as the master's theme defines it (sRGB and system colours)."""
    root = etree.fromstring(theme_part(master).blob)
    scheme = root.find(".//a:clrScheme", NS)
    found: dict[str, str] = {}
    for slot in ([] if scheme is None else scheme):
        colour = next(iter(slot), None)
        value = None if colour is None else colour.get("val") if colour.tag.endswith(
            "srgbClr") else colour.get("lastClr")
        if value and len(value) == 6:
            found[etree.QName(slot).localname] = f"#{value.lower()}"
    return found


def theme_colours(brand: Brand) -> dict[str, str]:
    """Theme slot -> '#rrggbb', from the brand's colour roles."""
    c = palette(brand.colours)
    return {"dk1": c["foreground"], "lt1": c["background"], "dk2": c.get("dark", c["foreground"]),
            "lt2": c["light"], "accent1": c["primary"], "accent2": c["secondary"],
            "accent3": c["tertiary"], "accent4": c["sun"],
            "accent5": c.get("success") or mix(c["primary"], c["tertiary"], 0.5),
            "accent6": c.get("info") or mix(c["secondary"], c["tertiary"], 0.5),
            "hlink": c.get("link") or c["primary"], "folHlink": c["secondary_text"]}


def name_theme(master: SlideMaster, name: str) -> None:
    """Name the master's theme after the brand (a template's says "Office Theme")."""
    part = theme_part(master)
    root = etree.fromstring(part.blob)
    root.set("name", name)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def apply_theme(master: SlideMaster, brand: Brand) -> None:
    """Write the brand's colours and fonts into the theme part (theme1.xml)."""
    part = theme_part(master)
    root = etree.fromstring(part.blob)
    root.set("name", brand.name or "Brand")
    scheme = root.find(".//a:clrScheme", NS)
    scheme.set("name", brand.name or "Brand")
    for slot, colour in theme_colours(brand).items():
        element = scheme.find(f"a:{slot}", NS)
        for child in list(element):
            element.remove(child)
        etree.SubElement(element, f"{{{A}}}srgbClr", val=colour[1:].upper())
    fonts = root.find(".//a:fontScheme", NS)
    fonts.set("name", brand.name or "Brand")
    # the brand's own families, even where this computer measured text with another font
    for which, family in (("majorFont", brand.theme_heading_family or brand.heading_family),
                          ("minorFont", brand.theme_base_family or brand.base_family)):
        fonts.find(f"a:{which}/a:latin", NS).set("typeface", family)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def plain_shape(shape) -> None:  # noqa: ANN001
    """Drop the theme style reference (its shadow and outline): fill and line are explicit."""
    style = shape._element.find("p:style", NS)
    if style is not None:
        shape._element.remove(style)


def filled_shape(slide: Any, box: tuple[int, int, int, int], name: str, colour: Any,
                 rounding: float | None = None) -> Any:
    """A rectangle (rounded by `rounding`, a share of its shorter side) at `box` (EMU:
    left, top, width, height) filled with the theme colour `colour`, with no outline and
    no theme style: a panel, card or header for text to stand on."""
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Emu

    kind = MSO_SHAPE.RECTANGLE if rounding is None else MSO_SHAPE.ROUNDED_RECTANGLE
    shape = slide.shapes.add_shape(kind, *(Emu(v) for v in box))
    shape.name = name
    if rounding is not None:
        shape.adjustments[0] = rounding
    shape.fill.solid()
    shape.fill.fore_color.theme_color = colour
    shape.line.fill.background()
    plain_shape(shape)
    return shape


def _xml(fragment: str) -> etree._Element:
    return etree.fromstring(f'<root xmlns:a="{A}" xmlns:p="{P}">{fragment}</root>')[0]


def _colour(brand: Brand, role: str, slot: str) -> str:
    """A theme reference when the brand colour is the theme's, else the exact colour."""
    value = brand.colours[role]
    if value == theme_colours(brand)[slot]:
        return f'<a:schemeClr val="{slot}"/>'
    return f'<a:srgbClr val="{value[1:].upper()}"/>'


def _level(n: int, size: float, bullet: str) -> str:
    margin = 0.32 + 0.35 * (n - 1)
    return (f'<a:lvl{n}pPr marL="{inches(margin)}" indent="{-inches(0.32)}" algn="l">'
            f'<a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPts val="600"/>'
            f'</a:spcBef><a:buClr><a:schemeClr val="accent1"/></a:buClr>'
            f'<a:buFont typeface="Arial"/><a:buChar char="{bullet}"/>'
            f'<a:defRPr sz="{round(size * 100)}"><a:solidFill><a:schemeClr val="tx1"/>'
            f'</a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl{n}pPr>')


def style_master(master: SlideMaster, brand: Brand) -> None:
    """Text styles: left-aligned bold titles in the heading colour, calm body sizes."""
    styles = master._element.find("p:txStyles", NS)
    bold = ' b="1"' if brand.heading_weight >= 600 else ""
    title = _xml(f'<p:titleStyle><a:lvl1pPr algn="l"><a:lnSpc><a:spcPct val="100000"/>'
                 f'</a:lnSpc><a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/>'
                 f'<a:defRPr sz="3200"{bold}><a:solidFill>'
                 f'{_colour(brand, "headings", "accent1")}</a:solidFill>'
                 f'<a:latin typeface="+mj-lt"/></a:defRPr></a:lvl1pPr></p:titleStyle>')
    body = _xml("<p:bodyStyle>" + "".join(_level(n, size, b) for n, size, b in
                ((1, 20, "•"), (2, 18, "–"), (3, 16, "•"), (4, 14, "–"), (5, 14, "•")))
                + "</p:bodyStyle>")
    styles.replace(styles.find("p:titleStyle", NS), title)
    styles.replace(styles.find("p:bodyStyle", NS), body)


def _place(shape, left: float, top: float, width: float, height: float) -> None:  # noqa: ANN001
    shape.left, shape.top = inches(left), inches(top)
    shape.width, shape.height = inches(width), inches(height)


def _anchor(shape, where: str) -> None:  # noqa: ANN001
    body = shape._element.find(".//a:bodyPr", NS)
    if body is not None:
        body.set("anchor", where)


def layout_master(master: SlideMaster, logo: Logo | None, width: float) -> None:
    """Master geometry: title block, body, and a footer row with the small logo. The
    title box holds the eyebrow and two lines of a 32 pt title (22.4 + 2 x 38.4 pt and
    the insets: about 1.54 in), bottom-anchored, so a one-line title sits on the rule."""
    from pptx.enum.shapes import PP_PLACEHOLDER as PH

    boxes = {PH.TITLE: (0.6, 0.3, width - 1.2, 1.55), PH.BODY: (0.6, 2.1, width - 1.2, 4.6),
             PH.DATE: (width - 4.6, 6.95, 2.0, 0.35),
             PH.FOOTER: (1.25 if logo else 0.6, 6.95, width - 3.5, 0.35),
             PH.SLIDE_NUMBER: (width - 2.1, 6.95, 1.5, 0.35)}
    for shape in master.placeholders:  # type: ignore[misc]
        kind = shape.placeholder_format.type
        if kind in boxes:
            _place(shape, *boxes[kind])
        if kind == PH.TITLE:
            _anchor(shape, "b")
        if kind in (PH.FOOTER, PH.SLIDE_NUMBER, PH.DATE):
            _text_style(shape, "tx1", size=14, align="r" if kind == PH.SLIDE_NUMBER else "l",
                        shade='<a:lumMod val="65000"/><a:lumOff val="35000"/>')
            _anchor(shape, "ctr")
    if logo:
        # where the text of the titles above starts (their box's edge plus its inset)
        add_picture(master, logo, inches(0.7), inches(6.95), inches(0.35))


def _rule(layout: SlideLayout) -> None:
    """The short accent bar under each content slide's title."""
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.enum.shapes import MSO_SHAPE

    _theme_shape(layout, MSO_SHAPE.RECTANGLE, (0.7, 1.91, 1.1, 0.06), "Accent rule",
                 MSO_THEME_COLOR.ACCENT_1)


def _theme_shape(layout: SlideLayout, kind: Any, box: tuple[float, float, float, float],
                 name: str, colour: Any) -> None:
    """A borderless shape on a layout, filled with a theme colour (so a theme recolours it)."""
    from pptx.shapes.shapetree import SlideShapes

    shape = SlideShapes(layout.shapes._spTree, layout).add_shape(
        kind, *(inches(value) for value in box))
    shape.name = name
    shape.fill.solid()
    shape.fill.fore_color.theme_color = colour
    shape.line.fill.background()
    plain_shape(shape)


def _background(layout: SlideLayout, slot: str) -> None:
    from pptx.enum.dml import MSO_THEME_COLOR

    layout.background.fill.solid()
    layout.background.fill.fore_color.theme_color = getattr(MSO_THEME_COLOR, slot)


def _text_style(shape, slot: str, *, size: int | None = None, align: str = "l",  # noqa: ANN001
                bold: bool = False, font: str = "+mn-lt", shade: str = "",
                colour: str = "") -> None:
    """Replace a layout or master placeholder's list style with one plain level (in the
    theme colour `slot`, or the colour element `colour`)."""
    body = shape._element.find(".//p:txBody", NS)
    style = body.find("a:lstStyle", NS)
    for child in list(style):
        style.remove(child)
    attrs = (f' sz="{size * 100}"' if size else "") + (' b="1"' if bold else "")
    colour = colour or f'<a:schemeClr val="{slot}">{shade}</a:schemeClr>'
    style.append(_xml(f'<a:lvl1pPr marL="0" indent="0" algn="{align}"><a:buNone/>'
                      f'<a:defRPr{attrs} cap="none"><a:solidFill>{colour}'
                      f'</a:solidFill><a:latin typeface="{font}"/>'
                      f"</a:defRPr></a:lvl1pPr>"))


def style_layouts(master: SlideMaster, width: float, bold: bool, disc: bool = True,
                  on_primary: str = "bg1", heading: str = "") -> None:
    """Title Slide on the primary colour (like the handbook's cover), with a disc for the
    logo when there is one; bars on content slides; section titles in the titles' colour
    element `heading` (default: the primary colour)."""
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.shapes import PP_PLACEHOLDER as PH

    for layout in master.slide_layouts:
        places = {ph.placeholder_format.type: ph for ph in layout.placeholders}  # type: ignore[misc]
        if layout.name == "Title Slide":
            _background(layout, "ACCENT_1")
            layout._element.set("showMasterSp", "0")
            if disc:
                _theme_shape(layout, MSO_SHAPE.OVAL, (1.0, 0.75, 1.7, 1.7), "Logo disc",
                             MSO_THEME_COLOR.BACKGROUND_1)
            _place(places[PH.CENTER_TITLE], 0.9, 2.75, width - 1.8, 1.9)
            _anchor(places[PH.CENTER_TITLE], "b")
            _text_style(places[PH.CENTER_TITLE], on_primary, bold=bold, font="+mj-lt")
            _place(places[PH.SUBTITLE], 0.9, 4.85, width - 1.8, 1.85)
            _anchor(places[PH.SUBTITLE], "t")
            _text_style(places[PH.SUBTITLE], on_primary)
            for kind in (PH.DATE, PH.FOOTER, PH.SLIDE_NUMBER):
                if kind in places:
                    places[kind]._element.getparent().remove(places[kind]._element)
        elif layout.name == "Section Header":
            _theme_shape(layout, MSO_SHAPE.RECTANGLE, (0, 0, 0.3, 7.5), "Section band",
                         MSO_THEME_COLOR.ACCENT_1)
            _place(places[PH.TITLE], 1.1, 1.4, width - 2.2, 2.6)
            _anchor(places[PH.TITLE], "b")
            _place(places[PH.BODY], 1.1, 4.2, width - 2.2, 2.4)
            _anchor(places[PH.BODY], "t")
            _text_style(places[PH.TITLE], "accent1", bold=bold, font="+mj-lt",
                        colour=heading)
            _text_style(places[PH.BODY], "tx1")
        elif layout.name == "Two Content":
            half = (width - 1.2 - 0.5) / 2
            left, right = (ph for ph in layout.placeholders if ph.placeholder_format.idx in (1, 2))  # type: ignore[misc]
            _place(left, 0.6, 2.1, half, 4.6)
            _place(right, 0.6 + half + 0.5, 2.1, half, 4.6)
            _rule(layout)
        elif layout.name in ("Title and Content", "Title Only", "Comparison"):
            _rule(layout)


def base_deck(brand: Brand, aspect: str, logo: Logo | None) -> Presentation:
    """python-pptx's default deck, re-dressed in the brand."""
    from pptx import Presentation as new_pptx

    prs = new_pptx()
    set_aspect(prs, aspect)
    master = prs.slide_master
    width = (prs.slide_width or 0) / EMU_PER_INCH
    apply_theme(master, brand)
    style_master(master, brand)
    layout_master(master, logo, width)
    # the title slide's text on the primary colour: the background's, or the text colour
    # when that reads better (a light primary)
    on = "bg1" if deck_on_primary(brand.colours) == brand.colours["background"] else "tx1"
    style_layouts(master, width, brand.heading_weight >= 600, disc=logo is not None,
                  on_primary=on, heading=_colour(brand, "headings", "accent1"))
    return prs


def open_deck(brand: Brand, template: Path | None, aspect: str | None,
              logo: Logo | None) -> Presentation:
    """The deck to add slides to: a company's template as it is, or the branded default.

    A template keeps its theme (colours and fonts) unless the brand file says
    `defaults.smguide.template-theme: brand`; either way the theme is named after the
    brand. Its own slides are not copied."""
    if template is None:
        return base_deck(brand, aspect or "16:9", logo)
    prs = open_template(template)
    for slide_id in list(prs.slides._sldIdLst):  # a template's own sample slides go
        prs.part.drop_rel(slide_id.rId)
        prs.slides._sldIdLst.remove(slide_id)
    for master in prs.slide_masters:
        try:
            theme_part(master)
        except KeyError:
            continue  # a master without a theme (clients fall back to their default)
        if brand.template_theme == "brand":
            apply_theme(master, brand)
        else:
            name_theme(master, brand.name or "Brand")
    if aspect:
        set_aspect(prs, aspect)
    return prs
