"""A company template's own text colours made to read on its own backgrounds.

The text of a placeholder takes its colour from the layout's placeholder, the master's
placeholder of its kind and the master's title or body style, in that order (the first
that gives one; a gradient counts with every stop; none at all: the text colour, tx1).
Where that colour does not reach 4.5:1 (3:1 for large text: 18 pt, or 14 pt bold) on
every colour of the layout's background (deck/grounds), the layout's placeholder is given
the theme's text colour that reads best there. Slides smguide makes and slides a presenter
adds in PowerPoint read alike; a template whose text reads is left as it is.
"""

from __future__ import annotations

from typing import Any

from smguide.deck.grounds import backgrounds, fill_colours
from smguide.deck.oxml import A, P

_FILLS = ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill")
TEXT_TONES = ("tx1", "bg1", "dk1", "lt1")
_TITLES = ("title", "ctrTitle")
_LEVELS = {"title": 1, "ctrTitle": 1, "dt": 1, "ftr": 1, "sldNum": 1}  # others: 5


def legible_text(prs: Any) -> list[str]:
    """Give every layout placeholder whose text would not read on its layout's background
    the text colour that does; returns "layout: placeholder" of each one changed."""
    from smguide.deck.theme import shown_colours
    from smguide.model.colors import contrast

    changed = _default_text(prs)
    for master in prs.slide_masters:
        colours = shown_colours(master)
        for layout in master.slide_layouts:
            grounds = backgrounds(layout, colours) or (
                (colours["bg1"],) if "bg1" in colours else None)
            if not grounds:
                continue
            for element in layout.shapes._spTree.iterchildren(f"{{{P}}}sp"):
                ph = element.find(f"./{{{P}}}nvSpPr/{{{P}}}nvPr/{{{P}}}ph")
                if ph is None:
                    continue
                kind = ph.get("type", "body")
                for level in range(1, _LEVELS.get(kind, 5) + 1):
                    shown, large = _inherited(element, kind, level, master, layout, colours)
                    need = 3.0 if large else 4.5
                    if not shown or min(contrast(t, g) for t in shown for g in grounds) >= need:
                        continue
                    best = max((t for t in TEXT_TONES if t in colours), key=lambda t: min(
                        contrast(colours[t], g) for g in grounds))
                    _set_fill(element, level, best)
                    name = element.find(f".//{{{P}}}cNvPr")
                    changed.append(f"{layout.name}: {name.get('name') if name is not None else ''}")
    return changed


def _default_text(prs: Any) -> list[str]:
    """The presentation's default text style (what a text box's text takes), level by
    level, where it does not read on the first master's background."""
    from smguide.deck.theme import shown_colours
    from smguide.model.colors import contrast

    style = prs.part._element.find(f"{{{P}}}defaultTextStyle")
    if style is None or not len(prs.slide_masters):
        return []
    master = prs.slide_masters[0]
    layout = next(iter(master.slide_layouts), None)
    if layout is None:
        return []
    colours = shown_colours(master)
    grounds = backgrounds(layout, colours) or ((colours["bg1"],) if "bg1" in colours else ())
    changed = []
    for level in range(1, 10):
        props = style.find(f"{{{A}}}lvl{level}pPr/{{{A}}}defRPr")
        if props is None or not grounds:
            continue
        shown = fill_colours(props, prs.part, colours) or (
            (colours["tx1"],) if "tx1" in colours else ())
        if shown and min(contrast(t, g) for t in shown for g in grounds) < 4.5:
            best = max((t for t in TEXT_TONES if t in colours), key=lambda t: min(
                contrast(colours[t], g) for g in grounds))
            _set_props_fill(props, best)
            changed.append(f"the default text style, level {level}")
    return changed


def _inherited(element: Any, kind: str, level: int, master: Any, layout: Any,
               colours: dict[str, str]) -> tuple[tuple[str, ...] | None, bool]:
    """(colours, large) the text of level `level` of a layout placeholder shows."""
    chain = [_level_props(element, level)]
    same = next((sp for sp in master.shapes._spTree.iterchildren(f"{{{P}}}sp")
                 if _kind(sp) == ("title" if kind in _TITLES else kind)), None)
    if same is not None:
        chain.append(_level_props(same, level))
    styles = master._element.find(f"{{{P}}}txStyles")
    style = styles.find(f"{{{P}}}{'titleStyle' if kind in _TITLES else 'bodyStyle'}") \
        if styles is not None else None
    if style is not None:
        chain.append(style.find(f"{{{A}}}lvl{level}pPr/{{{A}}}defRPr"))
    size, bold, shown = None, None, None
    for props in chain:
        if props is None:
            continue
        size = size or props.get("sz")
        bold = bold if bold is not None else props.get("b")
        if shown is None and any(child.tag.endswith(_FILLS) for child in props):
            shown = fill_colours(props, layout.part, colours) or ()
    if shown is None:
        shown = (colours["tx1"],) if "tx1" in colours else ()
    points = int(size) / 100 if size and size.isdigit() else (32.0 if kind in _TITLES else 18.0)
    large = points >= 18 or (points >= 14 and bold in ("1", "true"))
    return (shown or None), large


def _kind(element: Any) -> str | None:
    ph = element.find(f"./{{{P}}}nvSpPr/{{{P}}}nvPr/{{{P}}}ph")
    return None if ph is None else ph.get("type", "body")


def _level_props(element: Any, level: int) -> Any:
    return element.find(f"./{{{P}}}txBody/{{{A}}}lstStyle/{{{A}}}lvl{level}pPr/{{{A}}}defRPr")


# what may come after a run's fill in a:defRPr (ECMA-376's order)
_AFTER_FILL = ("effectLst", "effectDag", "highlight", "uLnTx", "uLn", "uFillTx", "uFill",
               "latin", "ea", "cs", "sym", "hlinkClick", "hlinkMouseOver", "rtl", "extLst")


def _set_fill(element: Any, level: int, tone: str) -> None:
    """Level `level` of the placeholder's list style in the theme colour `tone`."""
    from lxml import etree

    body = element.find(f"./{{{P}}}txBody")
    if body is None:
        return
    lst = body.find(f"{{{A}}}lstStyle")
    if lst is None:
        lst = etree.Element(f"{{{A}}}lstStyle")
        body.insert(1 if body.find(f"{{{A}}}bodyPr") is not None else 0, lst)
    name = f"{{{A}}}lvl{level}pPr"
    ppr = lst.find(name)
    if ppr is None:
        ppr = etree.Element(name)
        later = [child for child in lst if child.tag.startswith(f"{{{A}}}lvl") and
                 int(etree.QName(child).localname[3]) > level]
        (later[0].addprevious(ppr) if later else lst.insert(
            len([c for c in lst if not c.tag.endswith("extLst")]), ppr))
    props = ppr.find(f"{{{A}}}defRPr")
    if props is None:
        props = etree.SubElement(ppr, f"{{{A}}}defRPr")
        extension = ppr.find(f"{{{A}}}extLst")
        if extension is not None:
            extension.addprevious(props)
    _set_props_fill(props, tone)


def _set_props_fill(props: Any, tone: str) -> None:
    """A run properties element (a:defRPr) in the theme colour `tone`, its fill replaced."""
    from lxml import etree

    for child in list(props):
        if etree.QName(child).localname in _FILLS:
            props.remove(child)
    fill = etree.Element(f"{{{A}}}solidFill")
    etree.SubElement(fill, f"{{{A}}}schemeClr", val=tone)
    after = next((child for child in props if etree.QName(child).localname in _AFTER_FILL),
                 None)
    ln = props.find(f"{{{A}}}ln")
    if after is not None:
        after.addprevious(fill)
    elif ln is not None:
        ln.addnext(fill)
    else:
        props.append(fill)
