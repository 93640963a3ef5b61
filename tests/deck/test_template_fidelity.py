"""On a company template its own design wins: read back with python-pptx, the text
smguide puts into the template's placeholders takes the alignment the template gives
them (the dark template, python-pptx's stock layouts, centres its titles, its title
slide's subtitle and its footer), and the eyebrow above a title is aligned with it;
the built-in theme's own left alignment is unchanged."""

from __future__ import annotations

from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER

from smguide.deck.fidelity import inherited

TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def _kind(shape: Any) -> str | None:
    return shape._element.find(
        "./*/{http://schemas.openxmlformats.org/presentationml/2006/main}nvPr/"
        "{http://schemas.openxmlformats.org/presentationml/2006/main}ph").get("type")


def _shown(shape: Any, paragraph: Any) -> str:
    """The alignment a paragraph shows: its own, else the template's, else left."""
    props = paragraph._p.pPr
    own = props.get("algn") if props is not None else None
    level = int(props.get("lvl", "0")) if props is not None else 0
    return own or inherited(shape, _kind(shape), level) or "l"


def test_the_templates_placeholders_keep_its_alignment(four_decks: dict[str, Any]) -> None:
    prs = four_decks["template"]
    seen: dict[str, set[str]] = {}
    for slide in prs.slides:
        for shape in slide.placeholders:
            kind = shape.placeholder_format.type
            name = ("title" if kind in TITLES else "footer" if kind == PP_PLACEHOLDER.FOOTER
                    else "subtitle" if kind == PP_PLACEHOLDER.SUBTITLE
                    else "number" if kind == PP_PLACEHOLDER.SLIDE_NUMBER else "body")
            for paragraph in shape.text_frame.paragraphs:
                if paragraph.text.strip():
                    own = inherited(shape, _kind(shape), 0)
                    props = paragraph._p.pPr
                    if own is not None:  # the template says: smguide says nothing
                        assert props is None or props.get("algn") is None, (
                            name, paragraph.text)
                    seen.setdefault(name, set()).add(_shown(shape, paragraph))
    assert seen["title"] == {"ctr"} and seen["footer"] == {"ctr"}, seen
    assert seen["subtitle"] == {"ctr"} and seen["body"] == {"l"}, seen
    assert seen["number"] == {"r"}, seen


def test_an_eyebrow_is_aligned_with_its_title(four_decks: dict[str, Any]) -> None:
    for name, expected in (("template", "ctr"), ("en", "l")):
        eyebrows = 0
        for slide in four_decks[name].slides:
            title = slide.shapes.title
            for shape in slide.shapes:
                if shape.name != "Eyebrow":
                    continue
                eyebrows += 1
                shown = {p._p.pPr.get("algn") or "l" for p in shape.text_frame.paragraphs}
                assert shown == {_shown(title, title.text_frame.paragraphs[0])} == {expected}
        assert eyebrows >= 6, name


def test_the_built_in_theme_keeps_its_left_titles(four_decks: dict[str, Any]) -> None:
    for name in ("en", "dark 4:3"):
        for slide in four_decks[name].slides:
            title = slide.shapes.title
            if title is not None and title.text_frame.text.strip():
                assert _shown(title, title.text_frame.paragraphs[0]) == "l", (name,
                                                                             title.text)


def test_a_line_under_a_title_lines_up_with_it_as_it_is_aligned(
        four_decks: dict[str, Any]) -> None:
    """The line under the title on the title and closing slides: centred text centred on
    the title's box (the dark template's subtitle box is narrower than its title's: its
    lines sat 0.37 in left of the title's centre), left-aligned text starting where the
    title's box starts."""
    checked = 0
    for name in ("template", "en", "dark 4:3"):
        for slide in four_decks[name].slides:
            title = slide.shapes.title
            lines = [s for s in slide.placeholders
                     if s.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE
                     and s.text_frame.text.strip()]
            if title is None or not lines:
                continue
            line = lines[0]
            shown = {_shown(line, p) for p in line.text_frame.paragraphs if p.text.strip()}
            assert len(shown) == 1, shown
            if shown == {"ctr"}:
                assert abs((line.left + line.width / 2) - (title.left + title.width / 2)) \
                    < 12700, (name, line.text_frame.text)
            else:
                assert shown == {"l"} and line.left == title.left, (name, shown)
            checked += 1
    assert checked >= 4, checked


def test_the_templates_titles_take_its_master_size_in_two_lines_under_the_eyebrow(
        four_decks: dict[str, Any]) -> None:
    """The dark template's title box (1.25 in) holds its title, not smguide's eyebrow too:
    on content slides it grows down by no more than the eyebrow's height so the eyebrow
    and two lines of a 32 pt title fit (it held them only at 24, and the lists fell to
    20); the titles at one step of the scale under the master's 44 pt, in at most two
    lines of DejaVu Sans (the font it names); the body starts under the title, the
    template's 0.2 in gap kept."""
    from smguide.deck.fidelity import master_title_size
    from smguide.deck.textfit import Para, Span, line_count, system_fonts

    fonts = system_fonts("DejaVu Sans")
    assert fonts is not None
    prs = four_decks["template"]
    layout_title = prs.slide_layouts[1].placeholders[0]
    seen = 0
    for slide in list(prs.slides)[1:-1]:
        eyebrow = next((s for s in slide.shapes if s.name == "Eyebrow"), None)
        title = slide.shapes.title
        if eyebrow is None or title is None:
            continue
        seen += 1
        master = master_title_size(title)
        assert master == 44.0
        sizes = {r.font.size.pt for p in title.text_frame.paragraphs for r in p.runs
                 if r.text.strip()}  # a line break's space is at 1 pt (write.BREAK_SPACE)
        assert sizes == {32.0} and max(sizes) <= master, sizes  # 40 takes three lines
        width = (title.width - title.text_frame.margin_left - title.text_frame.margin_right) \
            / 12700
        text = title.text_frame.text.replace("\v", "")
        assert line_count(Para((Span(text, True),)), width, 32.0, fonts) <= 2, text
        assert eyebrow.top >= layout_title.top  # nothing moves up over the template's top
        bottom = title.top + title.height
        assert bottom - (layout_title.top + layout_title.height) <= 284480 + 12700
        bodies = [s for s in slide.shapes if s.top > title.top + title.height / 2
                  and s.name not in ("Eyebrow",) and not (
                      s.is_placeholder and s.placeholder_format.type in (13, 15, 16))]
        assert bodies
        assert min(s.top for s in bodies) >= bottom + 12700 * 14, (
            [s.name for s in bodies], bottom)
    assert seen >= 6
