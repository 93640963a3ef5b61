"""Hyphens taken back after layout (handbook/breaks.py): none across a page turn, none
before a paragraph's last line, never two hyphenated lines in a row, read back from
the PDF (tests/pagequality.py)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from smguide.handbook.breaks import SHY, Line, lines, settle, take_back, to_take_back
from smguide.handbook.hyphenation import hyphenator
from smguide.handbook.typeset import typeset
from smguide.resources import ASSETS_DIR
from tests.pagequality import measure


def test_which_breaks_are_taken_back() -> None:
    lines = [Line(0, None), Line(0, 0), Line(0, 1), Line(0, 2), Line(0, 3),  # a ladder
             Line(0, None), Line(0, 5), Line(1, None),  # a page turn after the 6th
             Line(1, 6), Line(1, 7), Line(1, None)]  # two in a row: the second goes
    # (the ladder loses every second break: never two hyphenated lines in a row)
    assert to_take_back(lines) == {1, 3, 5, 7}
    assert to_take_back([Line(0, 0), Line(0, None), Line(0, 1), Line(0, None)]) == set()
    assert to_take_back([]) == set()  # a document without lines (none read)
    # the line before a paragraph's last: taken back; before a page's last line of a
    # paragraph that goes on overleaf: kept (that line is not the paragraph's last)
    paragraph = [Line(0, None, 1), Line(0, 0, 1), Line(0, None, 1, True),
                 Line(0, 1, 2), Line(0, None, 2, True), Line(1, None, 2), Line(1, 2, 2),
                 Line(1, None, 2), Line(1, None, 2, True)]
    assert to_take_back(paragraph) == {0}


def test_at_most_two_hyphenated_lines_in_a_paragraph_on_a_page() -> None:
    """A paragraph's third hyphenated line on a page goes, also when they are not in a
    row (the German A4 had three in one paragraph on p16); overleaf it may have two
    more, and another paragraph has its own two."""
    lines = [Line(0, 0, 1), Line(0, None, 1), Line(0, 1, 1), Line(0, None, 1),
             Line(0, 2, 1), Line(0, None, 1), Line(0, None, 1),
             Line(0, 3, 2), Line(0, None, 2), Line(0, 4, 2), Line(0, None, 2),
             Line(0, None, 2), Line(1, None, 2), Line(1, 5, 2), Line(1, None, 2),
             Line(1, 6, 2), Line(1, None, 2), Line(1, None, 2, True)]
    assert to_take_back(lines) == {2}


def test_a_break_the_rag_does_not_need_is_taken_back() -> None:
    """A line whose hyphen the rag does not need (`Line.spare`: without the word's piece it
    would still end within ZONE of the measure) loses that break, alone or in a row."""
    assert to_take_back([Line(0, 0, spare=True), Line(0, None), Line(0, 1),
                         Line(0, None)]) == {0}
    assert to_take_back([Line(0, None), Line(0, 0), Line(0, 1, spare=True),
                         Line(0, None)]) == {1}


def test_the_lines_whose_hyphens_the_rag_does_not_need_lose_them(tmp_path: Path) -> None:
    """Columns of hyphenated text about the handbook's measure (English and German): as
    first laid out, some lines end in a hyphen that carries only a few letters on an
    otherwise full line; laid
    out again (settle), no line does, some hyphens stay, the words are the same."""
    from weasyprint import HTML

    from smguide.handbook.breaks import DEFAULT_ZONE, ZONE

    english = ("Marketing departments investigate customers, communicate positioning and "
               "organise campaigns; salespeople concentrate on conversations, negotiations "
               "and relationships that eventually become dependable revenue. ") * 2
    german = ("Der Vertrieb gewinnt Kunde um Kunde, das Marketing sorgt dafür, dass die "
              "Kunden das Unternehmen kennen, und gemeinsam entwickeln beide Abteilungen "
              "dauerhafte Beziehungen zu Bestandskunden und Interessenten. ") * 2
    font = (ASSETS_DIR / "fonts" / "Lato-Regular.ttf").as_uri()
    assert DEFAULT_ZONE == 0.1 and ZONE["de"] == 0.15
    for lang, text in (("en", english), ("de", german)):
        columns = "".join(
            f'<p style="width: {100 + 1.4 * n:.1f}mm">'
            f'{typeset(text, hyphenate=hyphenator(lang))}</p>' for n in range(12))
        html = f"""<html lang="{lang}"><head><title>t</title><style>
          @font-face {{ font-family: L; src: url({font}); }}
          @page {{ size: 130mm 900mm; margin: 4mm; }}
          body {{ font: 10pt/1.3 L; font-variant-ligatures: none; hyphens: manual;
                  hyphenate-character: "-"; }}</style></head><body>{columns}</body></html>"""

        def render(markup: str) -> object:
            return HTML(string=markup).render(pdf_variant="pdf/ua-1")

        first = render(html)
        assert any(line.spare for line in lines(first)[0]), lang
        document, settled = settle(first, html, render)
        after = lines(document)[0]
        assert not any(line.spare for line in after), lang
        assert any(line.breaks_at is not None for line in after), lang
        assert settled.replace(SHY, "") == html.replace(SHY, "")


def test_a_word_loses_all_its_soft_hyphens_and_only_it() -> None:
    html = f'<html><head><title>a{SHY}b</title></head><body><p title="x{SHY}y">mar{SHY}ket' \
           f'{SHY}ing and mar{SHY}ket{SHY}ing</p></body></html>'
    assert take_back(html, {1}) == html.replace(f"mar{SHY}ket{SHY}ing and", "marketing and")
    assert take_back(html, {2}) == html.replace(f"and mar{SHY}ket{SHY}ing", "and marketing")
    assert take_back(html, set()) == html


def test_no_hyphen_at_a_page_foot_nor_three_in_a_row(tmp_path: Path) -> None:
    """A narrow paragraph that, as first laid out, ends a page in a hyphen and has three
    hyphenated lines in a row: laid out again without them, the same words."""
    from weasyprint import HTML

    text = ("Marketing departments investigate customers, communicate positioning and "
            "organise campaigns; salespeople concentrate on conversations, negotiations "
            "and relationships that eventually become dependable revenue. ") * 3
    body = typeset(f"<p>{text}</p>", hyphenate=hyphenator("en"))
    font = (ASSETS_DIR / "fonts" / "Lato-Regular.ttf").as_uri()
    html = f"""<html lang="en"><head><title>t</title><style>
      @font-face {{ font-family: L; src: url({font}); }}
      @page {{ size: 62mm 50mm; margin: 4mm; }}
      body {{ font: 10pt/1.3 L; font-variant-ligatures: none; hyphens: manual;
              hyphenate-character: "-"; orphans: 1;
              widows: 1; }}</style></head><body>{body}</body></html>"""

    def render(markup: str) -> object:
        return HTML(string=markup).render(pdf_variant="pdf/ua-1")

    first = render(html)
    before, after = tmp_path / "before.pdf", tmp_path / "after.pdf"
    first.write_pdf(before, pdf_variant="pdf/ua-1")  # type: ignore[attr-defined]
    found = measure(before)
    assert found.page_turn_hyphens and found.ladders  # the faults are there to begin with
    document, settled = settle(first, html, render)
    document.write_pdf(after, pdf_variant="pdf/ua-1")
    fixed = measure(after)
    assert fixed.page_turn_hyphens == [] and fixed.ladders == []
    assert fixed.hyphenated_lines > 0  # the other breaks stay

    def words(pdf: Path) -> list[str]:
        out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                             check=True).stdout
        return re.sub(r"-\n+\f?", "", out).split()  # the words a hyphen or page turn broke

    assert words(after) == words(before)
    assert settled.replace(SHY, "") == html.replace(SHY, "")


def test_no_hyphen_on_the_line_before_a_paragraphs_last(tmp_path: Path) -> None:
    """Narrow paragraphs whose line before the last, as first laid out, ends in a hyphen
    (the last line opening with the word's end): laid out again with those words whole,
    the other breaks kept."""
    from weasyprint import HTML

    paragraphs = "".join(f"<p>{typeset(text, hyphenate=hyphenator('en'))}</p>" for text in (
        "Campaigns build awareness and interest in the company long before a deal.",
        "Listening well and following up keeps a relationship alive for years.",
        "Every round of work that marketing does performs better than the last.",
        "Salespeople talk to customers every single day, marketing to everyone."))
    font = (ASSETS_DIR / "fonts" / "Lato-Regular.ttf").as_uri()
    html = f"""<html lang="en"><head><title>t</title><style>
      @font-face {{ font-family: L; src: url({font}); }}
      @page {{ size: 52mm 200mm; margin: 4mm; }}
      body {{ font: 10pt/1.3 L; hyphens: manual; hyphenate-character: "-"; }}
      </style></head><body>{paragraphs}</body></html>"""

    def render(markup: str) -> object:
        return HTML(string=markup).render(pdf_variant="pdf/ua-1")

    first = render(html)
    before, after = tmp_path / "before.pdf", tmp_path / "after.pdf"
    first.write_pdf(before, pdf_variant="pdf/ua-1")  # type: ignore[attr-defined]
    assert measure(before).final_hyphens  # the fault is there to begin with
    document, settled = settle(first, html, render)
    document.write_pdf(after, pdf_variant="pdf/ua-1")
    fixed = measure(after)
    assert fixed.final_hyphens == []
    assert fixed.hyphenated_lines > 0
    assert settled.replace(SHY, "") == html.replace(SHY, "")
