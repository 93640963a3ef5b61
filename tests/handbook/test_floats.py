"""Kept-whole blocks set after the text that follows them when they would leave a hole
(handbook/floats.py): the moves read from laid-out pages' anchors, the HTML moved, and
a move kept only when its chapter comes out better."""

from __future__ import annotations

from pathlib import Path

import pytest

from smguide.handbook.endings import Fit, endings
from smguide.handbook.floats import Move, holes, moved, moves, place_floats

FIT = Fit(top=0, bottom=1000, drop=100, chapters=("sales",))


def _html(*types: str) -> str:
    blocks = "".join(f'<div class="block block-{kind}" id="sales-{n}">\n<div class="inner">'
                     f"<p>{kind} {n}</p></div>\n</div>\n"
                     for n, kind in enumerate(types, start=1))
    return f'<section class="chapter" id="sales">{blocks}<div class="chapter-end" ' \
           f'id="sales--end"></div></section>'


class _Page:
    def __init__(self, anchors: dict[str, tuple[float, float, float, float]]) -> None:
        self.anchors = anchors


class _Document:
    def __init__(self, *pages: dict[str, tuple[float, float]]) -> None:
        self.pages = [_Page({name: (0, top, 1, bottom) for name, (top, bottom) in page.items()})
                      for page in pages]


# a short prose block, then a role card too tall for the rest of the page (a hole of 55%
# on page 1), then prose that would fill it, then the takeaways
PUSHED = _Document({"sales": (0, 1000), "sales-1": (0, 450)},
                   {"sales": (0, 1000), "sales-2": (0, 600), "sales-3": (600, 1000)},
                   {"sales": (0, 500), "sales-3": (0, 300), "sales-4": (300, 500),
                    "sales--end": (500, 500)})


# PUSHED laid out again with the card set after the prose: no hole, in as many pages
MOVED = _Document({"sales": (0, 1000), "sales-1": (0, 450), "sales-3": (450, 1000)},
                  {"sales": (0, 1000), "sales-3": (0, 200), "sales-2": (200, 800),
                   "sales-4": (800, 1000)},
                  {"sales": (0, 100), "sales-4": (0, 100), "sales--end": (100, 100)})


def test_a_card_pushed_overleaf_goes_after_the_text_that_follows_it() -> None:
    html = _html("prose", "role", "prose", "takeaways")
    assert moves(PUSHED, html, FIT) == [Move("sales-2", "sales-3")]
    placed = moved(html, [Move("sales-2", "sales-3")])
    order = [part.split('"')[0] for part in placed.split('id="sales-')[1:]]
    assert order == ["1", "3", "2", "4", "-end"]
    assert placed.count("<div") == html.count("<div") and placed.count("</div>") == \
        html.count("</div>")
    assert "<p>role 2</p></div>\n</div>\n<div class=\"block block-takeaways\"" in placed


def test_no_move_for_a_small_gap_past_takeaways_or_for_a_chapter_s_first_block() -> None:
    small = _Document({"sales": (0, 1000), "sales-1": (0, 750)},
                      {"sales": (0, 900), "sales-2": (0, 600), "sales-3": (600, 900)})
    assert moves(small, _html("prose", "role", "prose"), FIT) == []  # 25% white: kept
    assert moves(PUSHED, _html("prose", "role", "takeaways", "prose"), FIT) == []
    assert moves(PUSHED, _html("prose", "takeaways", "prose", "prose"), FIT) == []
    first = _Document({"sales": (0, 1000), "sales-1": (0, 1000)})
    assert moves(first, _html("role"), FIT) == []
    assert moved(_html("prose", "role"), [Move("sales-9", "sales-1")]) == _html("prose",
                                                                                "role")


def test_a_move_past_several_short_prose_blocks_until_the_hole_is_filled() -> None:
    document = _Document({"sales": (0, 1000), "sales-1": (0, 300)},
                         {"sales": (0, 1000), "sales-2": (0, 700), "sales-3": (700, 900),
                          "sales-4": (900, 1000)},
                         {"sales": (0, 600), "sales-4": (0, 300), "sales-5": (300, 600)})
    html = _html("prose", "checklist", "prose", "prose", "prose")
    assert moves(document, html, FIT) == [Move("sales-2", "sales-5")]  # 200 + 400 + 300


def test_moves_are_kept_only_for_a_chapter_that_comes_out_better() -> None:
    html = _html("prose", "role", "prose", "takeaways")
    better = MOVED
    laid: list[str] = []

    def lay_out(text: str) -> _Document:
        laid.append(text)
        return PUSHED if len(laid) == 1 else better

    placed, document, made = place_floats(lay_out, html, FIT)
    assert made == [Move("sales-2", "sales-3")] and document is better
    assert placed == moved(html, made) and holes(better, FIT) == {"sales": (3, 0)}
    longer = _Document({"sales": (0, 1000), "sales-1": (0, 450), "sales-3": (450, 1000)},
                       {"sales": (0, 1000), "sales-3": (0, 200), "sales-2": (200, 800)},
                       {"sales": (0, 1000), "sales-4": (0, 1000)},
                       {"sales": (0, 100), "sales-4": (0, 100), "sales--end": (100, 100)})
    laid.clear()
    placed, document, made = place_floats(
        lambda text: (laid.append(text), PUSHED if len(laid) == 1 else longer)[1], html, FIT)
    assert made == [] and placed == html and document is PUSHED  # a page longer: not kept


def test_moves_tried_on_the_chapter_alone_are_the_same_in_one_layout() -> None:
    """place_floats_alone keeps the moves place_floats keeps, laying out the whole HTML
    once and each chapter with moves alone (with the moves made in it)."""
    from smguide.handbook.floats import place_floats_alone

    html = _html("prose", "role", "prose", "takeaways")
    better = MOVED
    laid: list[str] = []
    alone: list[tuple[list[Move], str]] = []

    def lay_out_alone(made: list[Move], anchor: str) -> _Document:
        alone.append((made, anchor))
        return better

    result = place_floats_alone(lambda text: (laid.append(text), PUSHED)[1], html, FIT,
                                lay_out_alone)
    assert result is not None
    placed, document, made, changed = result
    assert laid == [html] and document is PUSHED and changed == {"sales": better}
    assert alone == [([Move("sales-2", "sales-3")], "sales")]
    assert made == [Move("sales-2", "sales-3")] and placed == moved(html, made)
    assert place_floats(lambda text: PUSHED if text == html else better, html, FIT)[::2] == (
        placed, made)  # the same as trying them on the whole HTML
    assert place_floats_alone(lambda text: PUSHED, html, FIT, lambda made, anchor: None) \
        is None  # a chapter that cannot be cut out: tried on the whole HTML instead


def test_a_chapter_cut_out_with_its_moves_has_its_blocks_in_the_moved_order() -> None:
    from smguide.handbook.alone import chapter_alone
    from smguide.handbook.engine import import_weasyprint

    import_weasyprint()
    from weasyprint import HTML

    html = _html("prose", "role", "prose", "prose", "takeaways")
    made = (Move("sales-2", "sales-4"), Move("sales-9", "sales-1"), Move("sales-5", "sales-1"))
    alone = chapter_alone(HTML(string=f"<html><body><p>cover</p>{html}</body></html>"),
                          "sales", made)
    ids = [e.get("id") for e in alone.etree_element.iter() if e.get("id")]
    placed = moved(html, list(made))
    assert ids == ["sales"] + [part.split('"')[0] for part in placed.split('id="')[2:]]
    assert ids == ["sales", "sales-1", "sales-5", "sales-3", "sales-4", "sales-2", "sales--end"]
    assert "cover" not in "".join(alone.etree_element.itertext())


def test_a_callout_with_only_the_takeaways_after_it_goes_before_the_text_before_it() -> None:
    document = _Document({"sales": (0, 1000), "sales-1": (0, 1000)},
                         {"sales": (0, 1000), "sales-1": (0, 100), "sales-2": (100, 450)},
                         {"sales": (0, 500), "sales-3": (0, 300), "sales-4": (300, 500)})
    html = _html("prose", "prose", "callout", "takeaways")
    assert moves(document, html, FIT) == [Move("sales-3", "sales-1")]
    placed = moved(html, moves(document, html, FIT))
    assert [part.split('"')[0] for part in placed.split('id="sales-')[1:]] == [
        "1", "3", "2", "4", "-end"]


def test_a_handbook_laid_out_before_is_kept_as_its_moves_spacing_and_hyphens(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a layout ended with (the fitting CSS, the blocks moved, the soft hyphens the
    settling took back) is kept under the handbook's key and gives the same HTML again,
    so the same handbook is laid out once; an HTML that is not the placed one less some
    soft hyphens is not kept."""
    from smguide.handbook.breaks import SHY
    from smguide.handbook.endings import Ending
    from smguide.handbook.kept import keep_laid, keep_padding, laid_before

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    given = _html("prose", "role", "prose").replace("prose 1", f"mar{SHY}ket{SHY}ing 1") \
        .replace("prose 3", f"hy{SHY}phen{SHY}ated 3")
    made = [Move("sales-2", "sales-3")]
    placed = moved(given, made)
    final = placed.replace(f"hy{SHY}phen{SHY}ated", "hyphenated")
    ends = {"sales": Ending(0, 2, (1.0, 0.9, 0.6))}
    assert laid_before("k", given) is None
    keep_laid("k", ".x { }", made, placed, final, ends)
    css, html, recorded, pad = laid_before("k", given)
    assert (css, html) == (".x { }", final) and recorded == {"sales": [0, 2, [1.0, 0.9, 0.6]]}
    assert pad == 0  # no print edition laid out yet
    keep_padding("k", 3)
    assert laid_before("k", given) == (css, html, recorded, 3)
    assert html.count(SHY) == 2 and "hyphenated 3" in html
    keep_laid("k2", "", [], placed, final.replace("role 2", "roll 2"), ends)
    assert laid_before("k2", given) is None


def _headed(*blocks: tuple[str, str | None]) -> str:
    """A chapter of (type, heading or None) blocks, as the block templates write them."""
    html = "".join(f'<div class="block block-{kind}" id="sales-{n}">\n'
                   + (f"<h2>{heading}</h2>" if heading else "")
                   + f"<p>{kind} {n}</p>\n</div>\n"
                   for n, (kind, heading) in enumerate(blocks, start=1))
    return f'<section class="chapter" id="sales">{html}</section>'


@pytest.mark.parametrize("kind", ["comparison", "image", "role", "checklist", "callout"])
def test_a_block_never_floats_out_of_its_section(kind: str) -> None:
    """A section is a block with a heading and the blocks without one after it: a block
    kept whole moves only past text of its own section, never past a block with a
    heading of its own ("Reading the table" reads the table; the questions come after
    the checklist, as the welcome chapter tells), and a block with its own heading is a
    section and never moves."""
    across = _headed(("prose", "At a glance"), (kind, None), ("prose", "Reading the table"),
                     ("takeaways", None))
    within = _headed(("prose", "At a glance"), (kind, None), ("prose", None),
                     ("takeaways", None))
    own = _headed(("prose", "The core job"), (kind, "At a glance"), ("prose", None),
                  ("takeaways", None))
    assert moves(PUSHED, across, FIT) == []
    assert moves(PUSHED, within, FIT) == [Move("sales-2", "sales-3")]
    assert moves(PUSHED, own, FIT) == []


def test_a_callout_moves_up_only_within_its_section() -> None:
    """With only the takeaways after it, a callout goes before the text before it: only
    when that text is of its own section (no heading of its own)."""
    document = _Document({"sales": (0, 1000), "sales-1": (0, 1000)},
                         {"sales": (0, 1000), "sales-1": (0, 100), "sales-2": (100, 450)},
                         {"sales": (0, 500), "sales-3": (0, 300), "sales-4": (300, 500)})
    within = _headed(("prose", "Targets"), ("prose", None), ("callout", None),
                     ("takeaways", None))
    across = _headed(("prose", "Targets"), ("prose", "Tactics"), ("callout", None),
                     ("takeaways", None))
    assert moves(document, within, FIT) == [Move("sales-3", "sales-1")]
    assert moves(document, across, FIT) == []


def _diagram_html() -> str:
    """A chapter whose second block is a diagram: its text, the diagram with its key
    (kept whole) and its lesson, as templates/handbook/blocks/analogy.html.j2 sets them."""
    analogy = ('<div class="block block-analogy" id="sales-2">\n<h2>Seed</h2>\n<p>Intro</p>\n'
               '<div class="analogy-text" id="sales-2-text"></div>\n'
               '<div class="analogy-key" id="sales-2-key">\n<figure>f</figure>\n'
               '<table><tr><td>k</td></tr></table>\n</div>\n'
               '<aside class="callout callout-lesson" id="sales-2-lesson"><p>Lesson</p>'
               '</aside>\n</div>\n')
    return ('<section class="chapter" id="sales"><div class="block block-prose" id="sales-1">'
            f'\n<h2>A</h2><p>Text</p>\n</div>\n{analogy}<div class="block block-takeaways" '
            'id="sales-3">\n<p>t</p>\n</div>\n<div class="chapter-end" id="sales--end"></div>'
            '</section>')


def _diagram_overleaf(text_ends: float) -> _Document:
    """The diagram and its key overleaf, the block's text ending at `text_ends` on the
    page before (the block's own box reaches that page's foot)."""
    return _Document({"sales": (0, 1000), "sales-1": (0, 300), "sales-2": (300, 1000),
                      "sales-2-text": (text_ends, text_ends)},
                     {"sales": (0, 1000), "sales-2": (0, 950), "sales-2-key": (0, 700),
                      "sales-2-lesson": (700, 950)},
                     {"sales": (0, 400), "sales-3": (0, 400), "sales--end": (400, 400)})


def test_a_diagrams_lesson_goes_above_it_when_the_diagram_leaves_a_hole() -> None:
    """The diagram with its key is kept whole: when it goes overleaf and leaves more than
    30% of the page before white under its block's text, its lesson (a callout after the
    key) is set above it, right after the text, as a designer moves a callout up; the
    hole is seen though the block's own box reaches the page's foot."""
    html = _diagram_html()
    assert holes(_diagram_overleaf(500), FIT) == {"sales": (3, 1)}
    assert endings(_diagram_overleaf(500), FIT)["sales"].fills[0] == 0.5
    assert moves(_diagram_overleaf(500), html, FIT) == [Move("sales-2-lesson", "sales-2-text")]
    assert moves(_diagram_overleaf(800), html, FIT) == []  # a few lines white: it stays
    assert moves(_diagram_overleaf(500), html, FIT, frozenset({"sales-2-lesson"})) == []
    placed = moved(html, [Move("sales-2-lesson", "sales-2-text")])
    assert placed.index('id="sales-2-text"') < placed.index('id="sales-2-lesson"') < \
        placed.index('id="sales-2-key"') < placed.index('id="sales-3"')
    assert sorted(placed) == sorted(html)  # the same elements, the lesson moved whole
    # laid out so, the lesson fills the page before: no hole
    up = _Document({"sales": (0, 1000), "sales-1": (0, 300), "sales-2": (300, 1000),
                    "sales-2-text": (500, 500), "sales-2-lesson": (500, 750)},
                   {"sales": (0, 1000), "sales-2": (0, 700), "sales-2-key": (0, 700),
                    "sales-3": (700, 1000), "sales--end": (1000, 1000)})
    assert holes(up, FIT) == {"sales": (2, 0)}
    assert endings(up, FIT)["sales"].fills[0] == 0.75


def _key_overleaf(figure_ends: float, lesson: float) -> _Document:
    """A5: the diagram opens the page after the text, its key kept whole overleaf from it
    (the diagram's part goes on to that page), the lesson (`lesson` tall) after the key."""
    return _Document({"sales": (0, 1000), "sales-1": (0, 300), "sales-2": (300, 1000),
                      "sales-2-text": (1000, 1000)},
                     {"sales": (0, 1000), "sales-2": (0, 1000), "sales-2-key": (0, 1000),
                      "sales-2-figure": (0, figure_ends)},
                     {"sales": (0, 1000), "sales-2": (0, 600 + lesson),
                      "sales-2-key": (0, 600), "sales-2-map": (0, 600),
                      "sales-2-lesson": (600, 600 + lesson)},
                     {"sales": (0, 400), "sales-3": (0, 400), "sales--end": (400, 400)})


def test_a_diagrams_lesson_goes_under_it_when_its_key_goes_overleaf() -> None:
    """When the key is kept whole apart from its diagram (A5) and goes overleaf, the
    diagram stands alone on its page: that white is seen (though the diagram's part and
    the block reach the foot of both pages), and the lesson is set under the diagram,
    before the key, when it fits in the white; not when it does not, or the white is a
    few lines."""
    html = _diagram_html().replace('<figure>', '<figure id="sales-2-figure">').replace(
        '<table>', '<table id="sales-2-map">')
    pushed = _key_overleaf(450, 250)
    assert endings(pushed, FIT)["sales"].fills[1:3] == (0.45, 0.85)
    assert holes(pushed, FIT) == {"sales": (4, 1)}
    assert moves(pushed, html, FIT) == [Move("sales-2-lesson", "sales-2-figure")]
    assert moves(_key_overleaf(450, 520), html, FIT) == []  # it would not fit there
    assert moves(_key_overleaf(800, 150), html, FIT) == []  # a few lines white
    placed = moved(html, [Move("sales-2-lesson", "sales-2-figure")])
    assert placed.index('id="sales-2-figure"') < placed.index('id="sales-2-lesson"') < \
        placed.index('id="sales-2-map"') < placed.index('</div>', placed.index(
            'id="sales-2-map"'))  # in the diagram's part, before the key
    assert sorted(placed) == sorted(html)


def test_a_lesson_cut_out_with_its_chapter_goes_under_the_diagram() -> None:
    from smguide.handbook.alone import chapter_alone
    from smguide.handbook.engine import import_weasyprint

    import_weasyprint()
    from weasyprint import HTML

    html = _diagram_html().replace('<figure>', '<figure id="sales-2-figure">').replace(
        '<table>', '<table id="sales-2-map">')
    made = (Move("sales-2-lesson", "sales-2-figure"),)
    alone = chapter_alone(HTML(string=f"<html><body>{html}</body></html>"), "sales", made)
    ids = [e.get("id") for e in alone.etree_element.iter() if e.get("id")]
    placed = moved(html, list(made))
    assert ids == [part.split('"')[0] for part in placed.split('id="')[1:]]
    assert ids.index("sales-2-figure") < ids.index("sales-2-lesson") < ids.index("sales-2-map")


def test_a_callout_goes_up_into_the_hole_a_section_of_its_own_leaves() -> None:
    """A table with a heading of its own never moves; when it goes overleaf and leaves a
    hole after the chapter's short first section, the first callout without a heading
    after it that fits in the hole is set before it (a sidebar may leave its section;
    running text may not)."""
    html = _html("prose", "comparison", "prose", "callout", "takeaways").replace(
        '<div class="block block-comparison" id="sales-2">\n', '<div class="block '
        'block-comparison" id="sales-2">\n<h2>At a glance</h2>').replace(
        '<div class="block block-prose" id="sales-3">\n', '<div class="block block-prose" '
        'id="sales-3">\n<h2>Reading it</h2>')

    def pushed(callout: float) -> _Document:
        return _Document({"sales": (0, 1000), "sales-1": (0, 600)},
                         {"sales": (0, 1000), "sales-2": (0, 700), "sales-3": (700, 1000)},
                         {"sales": (0, 1000), "sales-3": (0, 300),
                          "sales-4": (300, 300 + callout), "sales-5": (300 + callout, 900),
                          "sales--end": (900, 900)})

    assert moves(pushed(250), html, FIT) == [Move("sales-4", "sales-1")]
    assert moves(pushed(380), html, FIT) == []  # it would not fit in the hole
    assert moves(pushed(250), html, FIT, frozenset({"sales-4"})) == []
    placed = moved(html, [Move("sales-4", "sales-1")])
    assert [part.split('"')[0] for part in placed.split('id="sales-')[1:]] == [
        "1", "4", "2", "3", "5", "-end"]
    # a prose block with no heading after the table is running text: it never goes up
    assert moves(pushed(250), html.replace("block-callout", "block-prose"), FIT) == []


def test_a_list_overleaf_from_its_lead_leaves_white_the_fitting_sees() -> None:
    """A prose block's list gets an id and its lead an empty marker at its end
    (mark_leads); a lead of four lines or more lets its list open a page ("turns"): when
    the list goes overleaf, the block's page ends at the lead's foot, not at the foot of
    the block's box, which reaches the page's foot (A5 p12: 6 lines white)."""
    from smguide.handbook.leads import mark_leads

    long = "word " * 60
    html = mark_leads('<div class="block block-prose" id="sales-1">\n<h2>Leads</h2>'
                      f'<p>A short lead:</p>\n<ul><li>one</li></ul><p>{long}in two ways:'
                      '</p>\n<ol>\n<li>two</li></ol>\n</div>')
    assert '<p>A short lead:<span id="sales-1-lead1"></span></p>\n<ul id="sales-1-list1">' \
        in html
    assert f'{long}in two ways:<span id="sales-1-lead2"></span></p>\n<ol id="sales-1-list2" ' \
        'class="turns">' in html
    assert mark_leads('<div class="block block-callout" id="sales-2"><p>a</p><ul>') == \
        '<div class="block block-callout" id="sales-2"><p>a</p><ul>'  # running text only
    document = _Document({"sales": (0, 1000), "sales-1": (100, 1000),
                          "sales-1-lead2": (580, 600)},
                         {"sales-1": (0, 300), "sales-1-list2": (0, 280),
                          "sales--end": (400, 400)})
    assert endings(document, FIT)["sales"].fills == (0.6, 0.4)
    assert holes(document, FIT) == {"sales": (2, 1)}
