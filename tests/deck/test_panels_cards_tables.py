"""The takeaways panel, the practice cards and the comparison table, read back with
python-pptx: the panel's accent rule runs down its left edge, so it is never a second
rule stacked under the title's accent bar; a card's title reads on its fill in the
primary's green (lightened on a dark deck's grey cards, as its list numbers and table
labels are), not in white; a table's row names stand on one line."""

from __future__ import annotations

import colorsys
from dataclasses import replace
from typing import Any

import pytest
from pptx import Presentation

from smguide.deck.measuring import family_fonts
from smguide.deck.textfit import line_count, system_fonts
from smguide.model.colors import contrast
from tests.deck.test_dark_decks import BRAND, TEMPLATE, build
from tests.deck.test_deck import GUIDE
from tests.deckcontrast import deck_readings
from tests.deckgeometry import paras_of

RULE_MOST = 0.1 * 914400  # a rule is at most 0.1 in thick


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("panels")
    return {"en": Presentation(str(build(folder / "en.pptx"))),
            "dark": Presentation(str(build(folder / "dark.pptx", theme="dark",
                                           aspect="4:3"))),
            "template": Presentation(str(build(folder / "tpl.pptx", template=TEMPLATE)))}


def _flat(shape: Any) -> bool:
    """A horizontal rule: thin and much wider than tall."""
    return shape.height <= RULE_MOST and shape.width > 4 * shape.height


@pytest.mark.parametrize("name", ["en", "dark", "template"])
def test_the_takeaways_rule_runs_down_the_panels_left_edge(decks: dict[str, Any],
                                                           name: str) -> None:
    seen = 0
    for slide in decks[name].slides:
        panel = next((s for s in slide.shapes if s.name == "Takeaways panel"), None)
        if panel is None:
            continue
        seen += 1
        rule = next(s for s in slide.shapes if s.name == "Takeaways rule")
        assert (rule.left, rule.top, rule.height) == (panel.left, panel.top, panel.height)
        assert 0 < rule.width <= RULE_MOST
        # between the title and the panel's foot, no horizontal rule but the title's bar
        title = slide.shapes.title
        flat = [s.name for s in slide.shapes if _flat(s) and s.top >= title.top
                and s.top < panel.top + panel.height]
        assert len(flat) <= 1 and all("rule" not in n.lower() for n in flat), flat
    assert seen >= 1


def _hue(colour: str) -> float:
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


@pytest.mark.parametrize("name", ["en", "dark"])
def test_a_cards_title_reads_in_the_primarys_green(decks: dict[str, Any], name: str) -> None:
    practices = next(b for c in GUIDE.chapters for b in c.blocks if b.type == "practices")
    titles = {p.title for p in practices.items}
    primary = next(r for r in deck_readings(decks["en"]) if r.shape == "Card"
                   and r.text in titles).colours[0]
    # a card's title is its bold runs: one, or one a line where it wraps (balanced lines)
    heads = [r for r in deck_readings(decks[name]) if r.shape == "Card" and r.bold]
    assert " ".join(r.text for r in heads).split() == " ".join(
        p.title for p in practices.items).split(), [r.text for r in heads]
    for head in heads:
        colour, fill = head.colours[0], head.behind[0]
        assert contrast(colour, fill) >= (3.0 if name == "en" else 4.5), head.line()
        assert abs(_hue(colour) - _hue(primary)) < 12, (head.line(), primary)


@pytest.mark.parametrize("name", ["en", "dark", "template"])
def test_a_tables_row_names_stand_on_one_line(decks: dict[str, Any], name: str) -> None:
    """The first column is wide enough for each row's name whole ("Time horizon" wrapped
    on the 4:3 decks), measured at the size each cell carries with the font it is shown
    in (the template's: DejaVu Sans, as LibreOffice shows its missing font); except where
    names whole would put a compared cell on a third line (the dark template's DejaVu
    Sans: "Time / horizon" rather than "Brand awareness / and / trust";
    test_template_text), then no name's word is broken."""
    fonts = system_fonts("DejaVu Sans") if name == "template" else family_fonts(BRAND, "Lato")
    if fonts is None:
        pytest.skip("DejaVu Sans is not installed")
    tables = [s.table for slide in decks[name].slides for s in slide.shapes
              if getattr(s, "has_table", False) and s.has_table]
    assert tables
    for table in tables:
        width = table.columns[0].width
        for row in list(table.rows)[1:]:
            cell = row.cells[0]
            room = (width - cell.margin_left - cell.margin_right) / 12700
            for para in paras_of(cell.text_frame):
                bold = replace(para, spans=tuple(replace(s, bold=True) for s in para.spans))
                words = len(" ".join(s.text for s in para.spans).split())
                most = min(2, words) if name == "template" else 1
                assert line_count(bold, room, para.scale, fonts) <= most, (cell.text, room)


@pytest.mark.parametrize("name", ["en", "dark", "template"])
def test_a_tables_cell_margins_grow_with_its_type(decks: dict[str, Any], name: str) -> None:
    """Every cell's inner margins in proportion to the size of its text, as a designer
    sets a table: 0.8 em of its type between two columns' text (the left cell's right
    margin and the right cell's left margin; a fixed 14.4 pt was too close at 24 pt), the
    left and right margins equal, the top and bottom a fifth of an em, on 16:9, the dark
    4:3 deck and the company template."""
    tables = [s.table for slide in decks[name].slides for s in slide.shapes
              if getattr(s, "has_table", False) and s.has_table]
    assert tables
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                sizes = {r.font.size.pt for p in cell.text_frame.paragraphs for r in p.runs
                         if r.font.size is not None and r.text.strip()}
                if not sizes:  # the header's empty corner
                    continue
                assert len(sizes) == 1, (cell.text, sizes)
                size = sizes.pop()
                left, right = cell.margin_left / 12700, cell.margin_right / 12700
                top, bottom = cell.margin_top / 12700, cell.margin_bottom / 12700
                assert left == right and top == bottom, cell.text
                assert left + right == pytest.approx(0.8 * size, abs=0.01), (cell.text, left, size)
                assert top == pytest.approx(size / 5, abs=0.01), (cell.text, top, size)


def test_sparse_practice_cards_are_set_as_the_lists_are(decks: dict[str, Any]) -> None:
    """The English 16:9 cards (four short practices, a third of each card was empty at
    20 pt under 24 pt lists): their text at the lists' size, the agenda's, and their
    titles at that size too, bold (not a step over it, the slide title's size)."""
    prs = decks["en"]
    agenda = prs.slides[1].placeholders[1].text_frame.paragraphs[0].runs[0].font.size.pt
    cards = [s for slide in prs.slides for s in slide.shapes if s.name == "Card"]
    assert len(cards) == 4
    for card in cards:
        head, *text = card.text_frame.paragraphs
        assert {r.font.size.pt for p in text for r in p.runs} == {agenda}, card.text_frame.text
        assert {r.font.size.pt for r in head.runs} == {agenda} and head.runs[0].font.bold
