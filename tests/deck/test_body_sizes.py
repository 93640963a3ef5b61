"""Body text set at the lists' size where it has the room, read back with python-pptx:
lists are split rather than shrunk (the German 4:3 checklist took every list of its deck
down to 20 pt), practice cards are at the largest size their cards hold (their headings at
their text's size: a heading a step over took the 4:3 cards' text to 18 pt with room to
spare), and a list that shrinks to stay on one slide (the summary) does so alone."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from smguide.commands.build import build_slides
from smguide.deck.linebreaks import frame_width
from smguide.deck.measuring import SUBSTITUTE, family_fonts
from smguide.deck.oxml import geometry_inset
from smguide.deck.render import DeckOptions
from smguide.deck.textfit import SCALE, Para, Span, system_fonts, text_height, widest
from smguide.model.options import Sources
from smguide.resources import builtin
from tests.deck.test_dark_decks import BRAND

PT = 12700
LIST_SHAPES = ("Activities", "Skills", "Role header")
RECAP = """  recap:
    - Sales brings deals now, marketing trust over time.
    - Neither seed nor garden gives a harvest alone.
    - Roles, contact, meetings and shared data make one team.
"""


def _build(folder: Path, content: Path, **options: Any) -> Any:
    built = build_slides(Sources(content, builtin("brand") / "_brand.yml"),
                         folder / "deck.pptx", DeckOptions(**options))
    return Presentation(str(built.path))


@pytest.fixture(scope="module")
def german_4_3(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _build(tmp_path_factory.mktemp("de-4x3"), builtin("content") / "de", aspect="4:3")


def _sizes(shape: Any) -> set[float]:
    return {run.font.size.pt for p in shape.text_frame.paragraphs for run in p.runs
            if run.text.strip() and run.font.size}


def _lists(prs: Any) -> dict[int, set[float]]:
    """Slide number -> the sizes of its list text: the body placeholder of a list slide,
    a role slide's header and columns."""
    out: dict[int, set[float]] = {}
    for number, slide in enumerate(list(prs.slides)[1:-1], 2):
        for shape in slide.shapes:
            body = shape.is_placeholder and shape.placeholder_format.idx == 1
            if (body or shape.name in LIST_SHAPES) and _sizes(shape):
                out.setdefault(number, set()).update(_sizes(shape))
    return out


def _decks(four_decks: dict[str, Any], german_4_3: Any) -> dict[str, Any]:
    return {**{name: four_decks[name] for name in ("en", "de", "dark 4:3", "template")},
            "de 4:3": german_4_3}


@pytest.mark.parametrize("name", ["en", "de", "dark 4:3", "de 4:3"])
def test_lists_are_at_the_lists_size(four_decks: dict[str, Any], german_4_3: Any,
                                     name: str) -> None:
    """Every list and role card of the built-in decks at 24 pt: a list that does not hold
    on one slide at it is continued, not shrunk."""
    lists = _lists(_decks(four_decks, german_4_3)[name])
    assert len(lists) >= 6, lists
    assert all(sizes == {24.0} for sizes in lists.values()), (name, lists)


def _card_paras(card: Any, size: float) -> list[Para]:
    paras = []
    for index, paragraph in enumerate(card.text_frame.paragraphs):
        spans = tuple(Span(run.text, bool(run.font.bold)) for run in paragraph.runs)
        if spans and index == 0:  # a heading broken into lines: its words, one run
            spans = (Span(" ".join(s.text for s in spans), spans[0].bold),)
        if spans:  # the text after the heading has 0.4 of a line above it, as written
            paras.append(Para(spans, space_before=0.4 if index else 0.0))
    return paras


@pytest.mark.parametrize("name", ["en", "de", "dark 4:3", "de 4:3", "template"])
def test_practice_cards_are_at_the_largest_size_their_cards_hold(
        four_decks: dict[str, Any], german_4_3: Any, name: str) -> None:
    """The four cards' headings at their text's size, all at one size, and at the next
    step up some card's text would not hold in its card (measured in the wider of Lato
    and Liberation Sans, Arial's widths, or on the dark template of DejaVu Sans, its
    font, and Liberation Sans, with the card's insets and a little air under its text):
    never a size under what the cards have room for (the template's were at 18 pt with
    40 % of each card empty, to keep every heading on one line)."""
    prs = _decks(four_decks, german_4_3)[name]
    slide = next(s for s in prs.slides if sum(sh.name == "Card" for sh in s.shapes) == 4)
    cards = [shape for shape in slide.shapes if shape.name == "Card"]
    sizes = {size for card in cards for size in _sizes(card)}
    assert len(sizes) == 1, (name, sizes)
    size = sizes.pop()
    assert size >= 20, (name, size)
    if size == 24:
        return
    substitute = system_fonts(SUBSTITUTE)
    assert substitute is not None, "fonts-liberation is installed for the tests"
    own = system_fonts("DejaVu Sans") if name == "template" else family_fonts(
        BRAND, BRAND.base_family)
    assert own is not None, "fonts-dejavu is installed for the tests"
    fonts = widest(own, substitute)
    bigger = SCALE[SCALE.index(size) + 1]

    def overflows(card: Any) -> bool:
        frame = card.text_frame
        width = frame_width(card)  # inside its insets and its rounded corners
        room = (card.height - frame.margin_top - frame.margin_bottom
                - 2 * geometry_inset(card)) / PT
        need = text_height(_card_paras(card, bigger), width, bigger, fonts) + 0.4 * bigger
        return need > room * 0.96

    assert any(overflows(card) for card in cards), (name, size, "the cards had room")


@pytest.mark.parametrize("name", ["en", "de", "dark 4:3", "de 4:3", "template"])
def test_the_built_in_cards_hold_their_copy_at_the_lists_size(
        four_decks: dict[str, Any], german_4_3: Any, name: str) -> None:
    """The built-in guide's practice cards (their `slide:` lines, a few words each) at the
    lists' 24 pt in English and German, at 16:9 and 4:3, and on the dark template: the
    German cards and the 4:3 ones were set at 20 pt, their copy too long for 24, and the
    German 4:3 ones stayed there while the fourth card said "Kundenwissen ans Marketing,
    Neuheiten an den Vertrieb." (three lines at 24 pt in a 4:3 card measured in DejaVu
    Sans); its "Vertrieb: Kunden. Marketing: Neuheiten." takes two, as its siblings
    do (test_practice_cards_are_at_the_largest_size_their_cards_hold)."""
    prs = _decks(four_decks, german_4_3)[name]
    slide = next(s for s in prs.slides if sum(sh.name == "Card" for sh in s.shapes) == 4)
    sizes = {size for shape in slide.shapes if shape.name == "Card" for size in _sizes(shape)}
    assert sizes == {24.0}, (name, sizes)


@pytest.mark.parametrize("name", ["en", "de", "dark 4:3", "de 4:3", "template"])
def test_the_built_in_comparison_table_is_at_the_lists_size(
        four_decks: dict[str, Any], german_4_3: Any, name: str) -> None:
    """The comparison table's `slide:` cells at 24 pt on every built-in deck: the German
    4:3 one was set at 20 pt, its cells ("Ein Kunde, ein Abschluss", "Markenbekanntheit
    und Vertrauen") too wide for its columns at 24."""
    prs = _decks(four_decks, german_4_3)[name]
    table = next(sh.table for s in prs.slides for sh in s.shapes
                 if getattr(sh, "has_table", False) and sh.has_table)
    sizes = {run.font.size.pt for row in table.rows for cell in row.cells
             for p in cell.text_frame.paragraphs for run in p.runs
             if run.text.strip() and run.font.size}
    assert sizes == {24.0}, (name, sizes)


def test_a_summary_that_shrinks_to_stay_on_one_slide_shrinks_alone(tmp_path: Path) -> None:
    """Without `deck.recap` the summary has one line a chapter: at 4:3 one of them wraps
    at 24 pt, so the summary (one slide, read as one) is set at 20 pt, and every other
    list stays at 24 pt (it took them all down to 20)."""
    content = tmp_path / "content"
    shutil.copytree(builtin("content"), content)
    guide = content / "guide.yaml"
    text = guide.read_text(encoding="utf-8")
    assert RECAP in text
    guide.write_text(text.replace(RECAP, ""), encoding="utf-8")
    prs = _build(tmp_path, content, aspect="4:3")
    lists = _lists(prs)
    summary = len(prs.slides) - 1  # the slide before the closing one
    assert prs.slides[summary - 1].shapes.title.text == "Two teams, one harvest"
    assert lists.pop(summary) == {20.0}
    assert len(lists) >= 6 and all(sizes == {24.0} for sizes in lists.values()), lists


def test_the_german_4_3_checklist_is_one_slide_at_the_lists_size(german_4_3: Any) -> None:
    """The German 4:3 checklist's five items on one slide at 24 pt (each of them took two
    lines, ten lines that passed the body's height by a few points, and it ran over two
    slides: three items and a slide "...: 4–5" with room left on both), its items as far
    apart as the agenda's (one spacing for the deck's lists)."""
    from tests.deckgeometry import paras_of

    def body_of(slide: Any) -> Any:
        return next(sh for sh in slide.placeholders if sh.placeholder_format.idx == 1)

    def gaps_of(slide: Any) -> set[float]:
        return {round(p.space_before, 2) for p in paras_of(body_of(slide).text_frame)[1:]}

    titled = [(s.shapes.title.text_frame.text, s) for s in german_4_3.slides
              if s.shapes.title is not None]
    slides = [s for title, s in titled if title.startswith("Ihre Checkliste")]
    assert len(slides) == 1, [title for title, _ in titled]
    body = body_of(slides[0])
    assert len([p for p in body.text_frame.paragraphs if p.text.strip()]) == 5
    assert _sizes(body) == {24.0}, _sizes(body)
    agenda = next(s for title, s in titled if title == "Agenda")
    assert gaps_of(agenda) == gaps_of(slides[0]), (gaps_of(agenda), gaps_of(slides[0]))


def test_role_cards_on_a_stock_template_at_4_3_keep_the_lists_size(tmp_path: Path) -> None:
    """python-pptx's default template at 4:3: its title box took the sales chapter's title
    on two lines, and the Sales card's first column missed 24 pt by
    a few points with its items 0.3 lines apart, which took both role slides to 20 pt
    (the lists' 24 pt was one step over them). With the items closer together it holds
    at 24 pt on one slide: both role slides' columns at the lists' size, one slide each."""
    import pptx

    template = Path(pptx.__file__).parent / "templates" / "default.pptx"
    prs = _build(tmp_path, builtin("content"), template=template, aspect="4:3")
    roles = [s for s in prs.slides if any(sh.name == "Activities" for sh in s.shapes)]
    assert len(roles) == 2, len(roles)
    sizes = {size for slide in roles for shape in slide.shapes
             if shape.name in ("Activities", "Skills") for size in _sizes(shape)}
    assert sizes == {24.0}, sizes
    lists = _lists(prs)
    assert all(found == {24.0} for found in lists.values()), lists
