"""What text on a slide stands on: its layout's background (else its master's) as the
colours it shows, so a text colour is measured against the worst of them. A solid fill
shows one colour, a gradient each of its stops, a picture its lightest and darkest
(measured on the picture scaled down, so a speck does not count); a picture that cannot
be measured (a vector image, one too large) shows black and white: nothing is taken to
read on it that does not read on both."""

from __future__ import annotations

import colorsys
from typing import Any

from lxml import etree

from smguide.deck.oxml import NS, RT_THEME, A, P, R

UNKNOWN = ("#000000", "#ffffff")  # a picture that cannot be measured: either may be behind
_PRESET = {"black": "#000000", "white": "#ffffff", "gray": "#808080", "grey": "#808080",
           "red": "#ff0000", "green": "#008000", "blue": "#0000ff", "yellow": "#ffff00"}


def backgrounds(layout: Any, colours: dict[str, str]) -> tuple[str, ...] | None:
    """The colours of the background a slide on `layout` (python-pptx's) shows: the
    layout's own, else its master's; `colours` are the master's shown tones (bg1, accent1,
    ...). None when neither gives one (a client paints bg1)."""
    for part in (layout.part, layout.slide_master.part):
        bg = part._element.find(f"{{{P}}}cSld/{{{P}}}bg")
        if bg is not None:
            found = _background(bg, part, colours)
            if found:
                return found
    return None


def _background(bg: Any, part: Any, colours: dict[str, str]) -> tuple[str, ...] | None:
    props = bg.find(f"{{{P}}}bgPr")
    if props is not None:
        return fill_colours(props, part, colours)
    ref = bg.find(f"{{{P}}}bgRef")
    if ref is None:
        return None
    holder = resolve(next(iter(ref), None), colours)  # the colour of the style's phClr
    try:
        index = int(ref.get("idx", "0"))
    except ValueError:
        return None
    styles = _theme(part).find(".//a:fmtScheme/a:" + (
        "bgFillStyleLst" if index > 1000 else "fillStyleLst"), NS)
    position = index - 1001 if index > 1000 else index - 1
    fills = [] if styles is None else list(styles)
    if not 0 <= position < len(fills):
        return None
    return _fill(fills[position], part, colours | ({"phClr": holder} if holder else {}))


def fill_colours(holder: Any, part: Any, colours: dict[str, str]) -> tuple[str, ...] | None:
    """The colours of the fill element inside `holder` (a:solidFill, a:gradFill,
    a:blipFill, a:pattFill), None when it has none (a:noFill, or nothing)."""
    for child in holder:
        found = _fill(child, part, colours)
        if found:
            return found
    return None


def _fill(fill: Any, part: Any, colours: dict[str, str]) -> tuple[str, ...] | None:
    name = etree.QName(fill).localname
    if name == "solidFill":
        colour = resolve(next(iter(fill), None), colours)
        return (colour,) if colour else None
    if name == "gradFill":
        stops = [resolve(next(iter(stop), None), colours)
                 for stop in fill.findall("a:gsLst/a:gs", NS)]
        found = tuple(dict.fromkeys(s for s in stops if s))
        return found or None
    if name == "pattFill":
        sides = [fill.find(f"a:{side}", NS) for side in ("fgClr", "bgClr")]
        found = tuple(dict.fromkeys(c for c in (resolve(side[0] if side is not None and len(side)
                                                        else None, colours) for side in sides)
                                    if c))
        return found or None
    if name == "blipFill":
        blip = fill.find("a:blip", NS)
        rid = blip.get(f"{{{R}}}embed") if blip is not None else None
        try:
            data = part.related_part(rid).blob if rid else None
        except KeyError:
            data = None
        return picture_colours(data) if data else UNKNOWN
    return None


def picture_colours(data: bytes) -> tuple[str, ...]:
    """(lightest, darkest) of a raster picture's colours, measured on it scaled down to
    at most 64 pixels a side; UNKNOWN when Pillow cannot read it or it is too large."""
    import io

    from PIL import Image

    from smguide.model.colors import luminance
    from smguide.safety.limits import MAX_IMAGE_PIXELS

    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.width * opened.height > MAX_IMAGE_PIXELS:
                return UNKNOWN
            image: Image.Image = opened
            if image.mode.startswith("I"):  # 16- or 32-bit grey: to 8 bits (not clipped)
                scale = 1 / 257 if image.mode.startswith("I;16") else 1 / 16843009
                image = image.convert("I").point(lambda v: v * scale).convert("L")
            image = image.convert("RGBA")
            image.thumbnail((64, 64), Image.Resampling.BOX)  # averages: no ringing
            flat = Image.new("RGB", image.size, "white")  # transparency: over white
            flat.paste(image, mask=image.getchannel("A"))
            counted: list[tuple[int, Any]] = flat.getcolors(flat.width * flat.height) or []
            seen = {"#{:02x}{:02x}{:02x}".format(*colour) for _, colour in counted}
    except Exception:  # noqa: BLE001 - any picture Pillow cannot decode is unknown
        return UNKNOWN
    if not seen:
        return UNKNOWN
    return tuple(dict.fromkeys((max(seen, key=luminance), min(seen, key=luminance))))


def resolve(element: Any, colours: dict[str, str]) -> str | None:
    """'#rrggbb' of a DrawingML colour element (a:schemeClr, a:srgbClr, a:sysClr,
    a:prstClr, with lumMod, lumOff, shade and tint applied), None when unknown."""
    if element is None:
        return None
    name = etree.QName(element).localname
    base = {"srgbClr": lambda: "#" + element.get("val", "").lower(),
            "sysClr": lambda: "#" + element.get("lastClr", "").lower(),
            "schemeClr": lambda: colours.get(element.get("val", ""), ""),
            "prstClr": lambda: _PRESET.get(element.get("val", ""), "")}.get(name)
    colour = base() if base else ""
    if len(colour) != 7:
        return None
    return _modified(colour, element)


def _modified(colour: str, element: Any) -> str:
    rgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    for change in element:
        what = etree.QName(change).localname
        try:
            amount = int(change.get("val", "100000")) / 100000
        except ValueError:
            continue
        if what in ("lumMod", "lumOff"):
            hue, light, sat = colorsys.rgb_to_hls(*rgb)
            light = light * amount if what == "lumMod" else light + amount
            rgb = list(colorsys.hls_to_rgb(hue, min(1.0, max(0.0, light)), sat))
        elif what == "shade":
            rgb = [c * amount for c in rgb]
        elif what == "tint":
            rgb = [c + (1 - c) * (1 - amount) for c in rgb]
    return "#" + "".join(f"{round(min(1.0, max(0.0, c)) * 255):02x}" for c in rgb)


def _theme(part: Any) -> Any:
    """The theme of a layout's or master's part (a layout's through its master)."""
    try:
        theme = part.part_related_by(RT_THEME)
    except KeyError:
        master = next((rel.target_part for rel in part.rels.values()
                       if rel.reltype.endswith("/slideMaster")), None)
        if master is None:
            return etree.Element(f"{{{A}}}theme")
        theme = master.part_related_by(RT_THEME)
    return etree.fromstring(theme.blob)
