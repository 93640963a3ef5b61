"""Content titles stand on the line under them, read back with python-pptx from the en,
de, dark 4:3 and template decks and the German dark 4:3 one: a content title's box ends
at one height on every content slide of a deck and its text sits at the box's foot, so
its last line is the same distance above the layout's accent rule (the built-in theme)
whether the title takes one line or two, in any font shown (the eyebrow comes down with a
one-line title: test_eyebrow_line); on a template, with no rule, every title hangs from
its eyebrow, which keeps one place over the title area. A title that is one
line in Lato but wraps in its substitute (Liberation Sans, Arial's widths) is broken into
lines that fit both, so it takes as many lines in the font PowerPoint shows; the German
dark 4:3 titles of slides 3 and 6 hung from the top of a two-line band before, 40 pt
above their rule."""

from __future__ import annotations

from typing import Any

import pytest

from smguide.deck.measuring import SUBSTITUTE
from smguide.deck.textfit import Para, Span, line_count, system_fonts
from smguide.resources import builtin
from tests.deck.conftest import FOUR_DECKS
from tests.deck.test_dark_decks import build
from tests.deck.test_eyebrow_line import _inner_width, _lines, _size
from tests.deck.test_one_line_titles import _heading_fonts
from tests.deck.test_title_lines import _anchor, _inset

PT = 12700
DECKS = [*FOUR_DECKS, "de dark 4:3"]


@pytest.fixture(scope="module")
def decks(four_decks: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
          ) -> dict[str, Any]:
    from pptx import Presentation

    folder = tmp_path_factory.mktemp("de-dark43")
    path = build(folder / "de-dark43.pptx", builtin("content") / "de", theme="dark",
                 aspect="4:3")
    return {**four_decks, "de dark 4:3": Presentation(str(path))}


def _content_titles(prs: Any) -> list[tuple[int, Any, Any]]:
    """(number, title, the layout's accent rule or None) of the slides with a content
    title: a title with an eyebrow above it, or the agenda's (a content slide's title
    placeholder)."""
    found = []
    for number, slide in enumerate(prs.slides, 1):
        title = slide.shapes.title
        eyebrowed = any(s.name == "Eyebrow" for s in slide.shapes)
        if title is None or not (eyebrowed or slide.slide_layout.name == "Title and Content"):
            continue
        rule = next((s for s in slide.slide_layout.shapes if s.name == "Accent rule"), None)
        found.append((number, title, rule))
    return found


def _last_line_bottom(title: Any, fonts: Any) -> float:
    """Where the title's last line ends (EMU), its lines measured in `fonts`."""
    count = len(_lines(title))
    used = count * _size(title) * fonts.bold.line * PT
    top = title.top + _inset(title, "tIns", 45720)
    room = title.height - _inset(title, "tIns", 45720) - _inset(title, "bIns", 45720)
    return {"t": top + used, "ctr": top + (room + used) / 2, "b": top + room}[_anchor(title)]


@pytest.mark.parametrize("name", DECKS)
def test_every_title_ends_one_distance_above_its_rule(decks: dict[str, Any],
                                                      name: str) -> None:
    prs = decks[name]
    lato = _heading_fonts(name.replace("de ", ""), prs)
    substitute = system_fonts(SUBSTITUTE)
    assert substitute is not None, "fonts-liberation is installed for the tests"
    found = _content_titles(prs)
    assert len(found) >= 9, (name, [n for n, *_ in found])
    gaps: dict[int, float] = {}
    for number, title, rule in found:
        bottoms = [_last_line_bottom(title, fonts) for fonts in (lato, substitute)]
        assert abs(bottoms[0] - bottoms[1]) <= PT, (name, number, bottoms)
        if rule is None:  # a template's: hung from its eyebrow (test_eyebrow_in_one_place)
            continue
        under = rule.top
        gaps[number] = (under - bottoms[0]) / PT
        assert gaps[number] <= 0.5 * _size(title), (name, number, gaps[number])
    if name not in ("template",):
        assert all(rule is not None for _, _, rule in found), name
        assert max(gaps.values()) - min(gaps.values()) <= 1, (name, gaps)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_eyebrow_keeps_one_place_on_a_template(tmp_path_factory: pytest.TempPathFactory,
                                                   lang: str) -> None:
    """On the dark template (a title box of two lines, no accent rule) the eyebrow came
    down to a one-line title's first line and stood a line higher over a two-line one
    (22.6 and 60.8 pt from the slide's top in German); it now keeps one place over the
    title area, every title's first line under it, the agenda's where its siblings' is."""
    from pptx import Presentation

    from tests.deck.conftest import TEMPLATE

    folder = tmp_path_factory.mktemp(f"eyebrows-{lang}")
    path = build(folder / "template.pptx", builtin("content") / "de", template=TEMPLATE) \
        if lang == "de" else build(folder / "template.pptx", template=TEMPLATE)
    prs = Presentation(str(path))
    eyebrows = [shape.top / PT for slide in prs.slides for shape in slide.shapes
                if shape.name == "Eyebrow"]
    assert len(eyebrows) >= 9, eyebrows
    assert max(eyebrows) - min(eyebrows) <= 1.5, eyebrows
    titles = [title.top / PT for _, title, _ in _content_titles(prs)]
    assert max(titles) - min(titles) <= 1.5, titles


@pytest.mark.parametrize("name", DECKS)
def test_a_content_title_takes_as_many_lines_in_lato_as_in_its_substitute(
        decks: dict[str, Any], name: str) -> None:
    prs = decks[name]
    substitute = system_fonts(SUBSTITUTE)
    assert substitute is not None
    lato = _heading_fonts(name.replace("de ", ""), prs)
    for number, title, _ in _content_titles(prs):
        width, size = _inner_width(title), _size(title)
        for line in _lines(title):
            for fonts in (lato, substitute):
                taken = line_count(Para((Span(line, True),)), width, size, fonts)
                assert taken == 1, (name, number, line, fonts is substitute)


def test_the_german_dark_43_titles_take_one_line(decks: dict[str, Any]) -> None:
    """The German 4:3 deck's titles (its chapters' `deck:` lines, shortened for it: 'Klare
    Rollen statt Verwechslung', 'Abschlüsse jetzt, Vertrauen auf Dauer', 'Vertrieb sät,
    Marketing lässt wachsen', 'Vier Gewohnheiten, ein Team') take one line of 619 pt at
    32 pt in Lato and in Liberation Sans (the test above), so the eyebrow over them stays
    in one place from slide to slide, as it does on the English deck."""
    prs = decks["de dark 4:3"]
    lines = {number: _lines(title) for number, title, _ in _content_titles(prs)}
    assert len(lines) >= 8 and all(len(taken) == 1 for taken in lines.values()), lines
