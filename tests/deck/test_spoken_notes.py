"""Speaker notes are what a presenter says, never the slide read back: over the English
and German built-in decks and the Dutch fixture guide (whose author wrote no notes), no
notes paragraph repeats its slide's visible text, and no two slides share notes or a
paragraph of them. Read back with python-pptx."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from smguide.resources import builtin
from smguide.sources.spoken import spoken_for
from tests.deck.test_deck import build
from tests.decknotes import assert_own_notes, notes_of

DUTCH = Path(__file__).resolve().parents[1] / "fixtures" / "dutch"


def _texts(shapes: Any) -> Iterator[str]:
    """Every text the slide shows: text frames (in groups too) and table cells."""
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _texts(shape.shapes)
        if shape.has_text_frame:
            yield shape.text_frame.text
        if getattr(shape, "has_table", False) and shape.has_table:
            yield from (cell.text for row in shape.table.rows for cell in row.cells)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def reads_back(paragraph: str, shown: list[str]) -> bool:
    """Whether a notes paragraph repeats the slide: it is one of the slide's lines, or
    more than 60% of its words are on the slide and more than half of its word pairs,
    in the same order (the words alone would count an explanation that shares the
    slide's articles and names; for a paragraph of one word, the word)."""
    words = _words(paragraph)
    if not words:
        return False
    lines = {" ".join(_words(line)) for text in shown for line in text.split("\n")}
    if " ".join(words) in lines:
        return True
    seen = {w for text in shown for w in _words(text)}
    pairs = {p for text in shown for w in [_words(text)] for p in zip(w, w[1:], strict=False)}
    own = list(zip(words, words[1:], strict=False))
    by_word = sum(w in seen for w in words) / len(words)
    by_pair = sum(p in pairs for p in own) / len(own) if own else by_word
    return by_word > 0.6 and by_pair > 0.5


def test_the_measure_catches_a_slide_read_back() -> None:
    """The Dutch table's notes as they were (each row read out) count as read back; its
    lead-in and the diagram's explanation of the ship do not."""
    shown = ["Drie afdelingen in één oogopslag", "Planning", "Magazijn", "Transport",
             "Beslist over", "Welke rit wanneer vertrekt", "Waar elke pallet staat",
             "Welke route de chauffeur neemt"]
    assert reads_back("Beslist over. Planning: Welke rit wanneer vertrekt; Magazijn: Waar "
                      "elke pallet staat; Transport: Welke route de chauffeur neemt.", shown)
    assert reads_back("Planning", shown)
    assert not reads_back(spoken_for("nl").comparison, shown)
    ship = ["Planning wijst de weg, transport brengt de lading binnen", "Het schip\nTransport",
            "De lading op de kade\nEen tevreden klant"]
    assert reads_back("Het schip: Transport. De lading op de kade.", ship)
    assert not reads_back("Het schip brengt de lading daadwerkelijk naar de kade.", ship)


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("spoken")
    return {name: Presentation(str(build(folder / f"{name}.pptx", content)))
            for name, content in (("en", None), ("de", builtin("content") / "de"),
                                  ("dutch", DUTCH))}


@pytest.mark.parametrize("name", ["en", "de", "dutch"])
def test_no_notes_paragraph_reads_its_slide_back(decks: dict[str, Any], name: str) -> None:
    for number, slide in enumerate(decks[name].slides, 1):
        shown = list(_texts(slide.shapes))
        for paragraph in notes_of(slide).split("\n"):
            assert not reads_back(paragraph, shown), (name, number, paragraph, shown)


@pytest.mark.parametrize("name", ["en", "de", "dutch"])
def test_no_two_slides_share_notes(decks: dict[str, Any], name: str) -> None:
    assert_own_notes(decks[name], name)


def test_notes_the_author_did_not_write_lead_on_in_the_guides_language(
        decks: dict[str, Any]) -> None:
    """The Dutch guide has no notes: its agenda, table, questions, summary and closing
    slides say the guide's language's lead-ins (assets/spoken.yaml), and each slide but
    the last ends by naming the next slide ("Hierna: <its title>")."""
    spoken = spoken_for("nl")
    slides = list(decks["dutch"].slides)
    notes = [notes_of(slide) for slide in slides]
    said = "\n".join(notes)
    for kind in ("agenda_end", "comparison", "questions", "summary", "closing_end"):
        assert getattr(spoken, kind) in said, kind
    assert notes[1].startswith(spoken.agenda)
    for after, text in zip(slides[1:], notes, strict=False):
        title = after.shapes.title.text.replace("\v", "")  # a title in even lines
        assert text.split("\n")[-1] == f"Hierna: {title}", text
    assert not notes[-1].startswith("Hierna")


def test_a_language_without_lines_leads_on_with_an_arrow() -> None:
    """A language the shipped table lacks says no lead-in of another language; it leads
    on with an arrow. labels.yaml's `spoken:` replaces a line."""
    from smguide.model.spoken import SpokenFile

    assert spoken_for("pl").agenda == "" and spoken_for("pl").next == ""
    assert spoken_for("de-CH").next == spoken_for("de").next == "Als Nächstes"
    own = spoken_for("nl", SpokenFile(next="Dan"))
    assert own.next == "Dan" and own.comparison == spoken_for("nl").comparison


def test_a_continued_slide_says_a_sentence_not_its_title(tmp_path: Path) -> None:
    """The over-long fixture's continued slides (a role over five slides, a table over
    eight, a checklist over five: "A checklist of twenty-five items: 6–10") had their
    titles as notes; each now says a sentence of its own: where the block is, in the
    guide's words (spoken.yaml's `continued`), before the line that leads on."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[1] / "fixtures" / "deck-long", content)
    shutil.copy(builtin("content") / "labels.yaml", content / "labels.yaml")
    slides = list(Presentation(str(build(tmp_path / "long.pptx", content))).slides)
    spoken = spoken_for("en")
    continued = 0
    for number, slide in enumerate(slides, 1):
        title = slide.shapes.title.text_frame.text.replace("\v", "")
        first = notes_of(slide).split("\n")[0]
        assert first.strip() != title.strip(), (number, title)
        if first.startswith((spoken.continued.split("{")[0],
                             spoken.continued_last.split("{")[0])):
            continued += 1
            assert first.endswith("."), (number, first)
    assert continued >= 10, continued
    said = [notes_of(slide).split("\n")[0] for slide in slides]
    assert "We carry on with part 2 of 5: a checklist of twenty-five items." in said
    assert "On to the rest: a checklist of twenty-five items." in said  # its last slide
    assert "We carry on with part 5 of 5: a checklist of twenty-five items." not in said
    assert_own_notes(Presentation(str(tmp_path / "long.pptx")), "long")


def test_every_shipped_language_says_a_continued_slide() -> None:
    for language in ("en", "de", "nl", "fr", "es"):
        line = spoken_for(language).continued
        assert all(field in line for field in ("{part}", "{parts}", "{title}")), language
    for language in ("en", "de"):  # a block's last slide: what comes, not "part 2 of 2"
        line = spoken_for(language).continued_last
        assert "{title}" in line and "{part" not in line, language


def test_a_continued_slide_with_the_authors_notes_says_where_the_block_is(
        tmp_path: Path) -> None:
    """The German guide on the dark template, its checklist's longer slide lines
    (test_continued_cards.longer_german), runs its checklist over two slides; the
    author's second notes paragraph ("Haken Sie sie nach und nach ab ...") went on the
    continued slide alone, pointing back to the slide before. It now follows the line
    saying where the block is, naming the first slide's title; the first slide's notes
    are the author's, as written."""
    from tests.deck.conftest import TEMPLATE
    from tests.deck.test_continued_cards import longer_german

    slides = list(Presentation(str(build(tmp_path / "de-template.pptx",
                                         longer_german(tmp_path),
                                         template=TEMPLATE))).slides)
    spoken = spoken_for("de")
    continued = [(n, s) for n, s in enumerate(slides) if n and "(Fortsetzung)"
                 in s.shapes.title.text_frame.text
                 and s.shapes.title.text_frame.text.startswith("Ihre Checkliste")]
    assert continued, "the checklist is no longer continued on the template"
    for n, slide in continued:
        first_title = slides[n - 1].shapes.title.text_frame.text.replace("\v", " ")
        lines = notes_of(slide).split("\n")
        assert lines[0] == spoken.continued_last.format(title=" ".join(
            first_title.split())), lines
        assert len(lines) > 1 and lines[1].startswith("Haken Sie sie"), lines
        assert not notes_of(slides[n - 1]).startswith(spoken.continued_last.split("{")[0])
