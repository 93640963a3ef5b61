"""A wrapped list item reads down, read back from the en, de, dark 4:3 and template decks:
every broken item of a list (a bullet or a number before it) has a first line of at least
FULLER (60%) of its measure, or lines no shorter than its last, or breaks where a phrase
ends (a comma, a colon, a dash), measured in the deck's own font, unless no two lines
that read down fit its measure (a role slide's narrow column); the template's 'Ask sales
or marketing / what a good week looks like' (46% over 57%) read ragged beside its list's
full lines. Unit cases: that item, a phrase break kept though its first line is short."""

from __future__ import annotations

from typing import Any

import pytest

from smguide.deck.linebreaks import FULLER, PHRASE_ENDS, broken, frame_width
from smguide.deck.measuring import SUBSTITUTE
from smguide.deck.textfit import Para, Span, system_fonts, widest
from smguide.deck.write import KEPT_BREAK
from tests.deck.conftest import FOUR_DECKS
from tests.deck.test_own_font_breaks import _own, _size
from tests.decklines import written_lines

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _items(prs: Any) -> list[tuple[int, float, Any]]:
    """(slide, measure in points, paragraph) of every broken list item."""
    found = []
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame.paragraphs:
                ppr = paragraph._p.pPr
                listed = ppr is not None and (ppr.find(f"{A}buChar") is not None
                                              or ppr.find(f"{A}buAutoNum") is not None)
                if not listed or paragraph._p.find(f"{A}br") is None:
                    continue
                indent = int(ppr.get("marL", "0")) / 12700
                found.append((number, frame_width(shape) - indent, paragraph))
    return found


def _widths(lines: list[list[Span]], size: float, fonts: Any) -> list[float]:
    return [sum(fonts.face(s.bold, s.italic).width(s.text.rstrip() if i == len(line) - 1
                                                   else s.text, size)
                for i, s in enumerate(line)) for line in lines]


def _reads_down(lines: list[list[Span]], widths: list[float], measure: float) -> bool:
    phrased = all("".join(s.text for s in line).rstrip()[-1:] in PHRASE_ENDS
                  for line in lines[:-1])
    return widths[0] >= FULLER * measure or phrased or all(
        width >= widths[-1] for width in widths[:-1])


def _could(lines: list[list[Span]], measure: float, size: float, own: Any) -> bool:
    """Could the item's words be broken into two lines that read down (the first no
    shorter than the second), each fitting the measure in the own font and in Arial's
    widths (a narrow column's 'Pitching / and persuading' cannot)?"""
    substitute = system_fonts(SUBSTITUTE)
    assert substitute is not None
    words = " ".join("".join(s.text for s in line).strip() for line in lines).split()
    if len(lines) != 2:
        return False
    for cut in range(1, len(words)):
        first, last = " ".join(words[:cut]), " ".join(words[cut:])
        fonts = widest(own, substitute)
        a, b = fonts.regular.width(first, size), fonts.regular.width(last, size)
        if a >= b and a <= measure and b <= measure and cut < len(words) - 1:
            return True
    return False


@pytest.mark.parametrize("name", list(FOUR_DECKS))
def test_every_broken_list_item_reads_down(four_decks: dict[str, Any], name: str) -> None:
    own = _own(name)
    items = _items(four_decks[name])
    assert items or name in ("en",), name
    ragged = []
    for number, measure, paragraph in items:
        lines = written_lines(paragraph)
        widths = _widths(lines, _size(paragraph), own)
        if not _reads_down(lines, widths, measure) and _could(lines, measure,
                                                                _size(paragraph), own):
            ragged.append((number, [round(w / measure * 100) for w in widths],
                           " / ".join("".join(s.text for s in line) for line in lines)))
    assert not ragged, (name, ragged)


def _lines(para: Para) -> list[str]:
    return "".join(s.text for s in para.spans).split(KEPT_BREAK)


def test_a_half_empty_first_line_gives_way_and_a_phrase_does_not() -> None:
    dejavu, substitute = system_fonts("DejaVu Sans"), system_fonts(SUBSTITUTE)
    assert dejavu is not None and substitute is not None
    fonts = widest(dejavu, substitute)
    item = Para((Span("Ask sales or marketing what a good week looks like"),), bullet="#")
    lines = _lines(broken(item, 580.0, 24.0, fonts, dejavu))
    assert len(lines) == 2 and lines[0].startswith("Ask sales or marketing what"), lines
    widths = [dejavu.regular.width(line.rstrip(), 24.0) for line in lines]
    assert widths[0] >= widths[1], (lines, widths)
    phrase = Para((Span("Deals get the spotlight, so selling looks like everything"),),
                  bullet="•")
    assert _lines(broken(phrase, 580.0, 24.0, fonts, dejavu))[0] == "Deals get the spotlight, "
