"""A company template's own design wins over smguide's defaults: what its layouts set,
smguide leaves to them; smguide sets only what they leave open.

Run once on a deck made on a company template, after every slide is made. Alignment:
the text smguide writes into a template's placeholders (titles, subtitles, body text,
the footer) is aligned as the layout, its master placeholder or the master's title or
body style aligns it (the stock PowerPoint template centres titles and footers), not
left as smguide's own layouts are; the eyebrow above a title (smguide's own line) is
aligned with its title. Where no level of the template sets an alignment, smguide's
(left) stays. Sizes stay on the deck's type scale (sibling slides share them), except
the footer and slide number, which keep the template's own size (deck/footer)."""

from __future__ import annotations

from typing import Any

from smguide.deck.oxml import NS

A, P = NS["a"], NS["p"]
_TITLES = ("title", "ctrTitle")
_BODIES = ("body", "obj", "subTitle", None)


def follow_alignment(prs: Any) -> int:
    """Every paragraph of the slides' placeholders without smguide's own alignment where
    the template aligns it; each eyebrow aligned as its title. Returns how many
    paragraphs now follow the template."""
    changed = 0
    for slide in prs.slides:
        title_align = None
        for shape in slide.placeholders:
            kind = shape._element.find(f"./*/{{{P}}}nvPr/{{{P}}}ph").get("type")
            for paragraph in shape.text_frame.paragraphs if shape.has_text_frame else ():
                props = paragraph._p.pPr
                level = int(props.get("lvl", "0")) if props is not None else 0
                own = inherited(shape, kind, level)
                if kind in _TITLES and level == 0:
                    title_align = own or "l"
                if own is not None and props is not None and props.get("algn") is not None:
                    del props.attrib["algn"]
                    changed += 1
        for shape in slide.shapes:
            if shape.name == "Eyebrow" and title_align and title_align != "l":
                for paragraph in shape.text_frame.paragraphs:
                    paragraph._p.get_or_add_pPr().set("algn", title_align)
                    changed += 1
    return changed


def inherited(shape: Any, kind: str | None, level: int) -> str | None:
    """The alignment a slide placeholder's paragraph at `level` (0 is the first) takes
    from the template: its layout placeholder's list style, its master placeholder's,
    then the master's title or body style; None when none of them sets one."""
    tag = f"{{{A}}}lvl{level + 1}pPr"
    base = getattr(shape, "_base_placeholder", None)
    for holder in (shape, base,
                   getattr(base, "_base_placeholder", None) if base is not None else None):
        if holder is None:
            continue
        found = holder._element.find(f"./{{{P}}}txBody/{{{A}}}lstStyle/{tag}")
        if found is not None and found.get("algn"):
            return str(found.get("algn"))
    style = "titleStyle" if kind in _TITLES else "bodyStyle" if kind in _BODIES else None
    if style is None:
        return None
    master = shape.part.slide_layout.slide_master._element
    found = master.find(f"{{{P}}}txStyles/{{{P}}}{style}/{tag}")
    return str(found.get("algn")) if found is not None and found.get("algn") else None


def content_title_style(shape: Any) -> None:
    """A title moved off its layout's place (a title slide's layout holding a content
    slide, its title moved up from the foot: deck/layouts) aligned as the master's title
    style aligns content titles, not as the layout aligns its own: in the slide
    placeholder's own list style, which comes before the layout's."""
    master = shape.part.slide_layout.slide_master._element
    style = master.find(f"{{{P}}}txStyles/{{{P}}}titleStyle/{{{A}}}lvl1pPr")
    align = style.get("algn") if style is not None and style.get("algn") else "l"
    body = shape.text_frame._txBody
    own = body.find(f"{{{A}}}lstStyle")
    if own is None:
        own = body.makeelement(f"{{{A}}}lstStyle", {})
        body.find(f"{{{A}}}bodyPr").addnext(own)
    level = own.find(f"{{{A}}}lvl1pPr")
    if level is None:
        level = own.makeelement(f"{{{A}}}lvl1pPr", {})
        own.insert(0, level)
    level.set("algn", align)


def master_title_size(shape: Any) -> float | None:
    """The size (pt) a slide's title placeholder takes from the template: its layout
    placeholder's list style, its master placeholder's, then the master's title style;
    None when none of them sets one."""
    tag = f"{{{A}}}lvl1pPr/{{{A}}}defRPr"
    base = getattr(shape, "_base_placeholder", None)
    for holder in (base, getattr(base, "_base_placeholder", None) if base is not None else None):
        found = holder._element.find(f"./{{{P}}}txBody/{{{A}}}lstStyle/{tag}") \
            if holder is not None else None
        if found is not None and (found.get("sz") or "").isdigit():
            return int(found.get("sz")) / 100
    master = shape.part.slide_layout.slide_master._element
    found = master.find(f"{{{P}}}txStyles/{{{P}}}titleStyle/{tag}")
    return int(found.get("sz")) / 100 if found is not None and (found.get("sz") or "").isdigit() \
        else None
