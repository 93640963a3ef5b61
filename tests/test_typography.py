"""The handbook's typography, measured on the built PDFs (tests/pagequality.py, which
bench/quality.py prints): the measure, type sizes, hyphenation and pagination, for A4, A5,
Letter and the German edition. One build and one measurement per edition a session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from smguide.handbook.typeset import typeset
from smguide.resources import builtin
from tests.pagequality import Report, measure, source_compounds

EDITIONS = [("a4", None), ("a5", None), ("letter", None), ("a4", "de")]
_reports: dict[tuple[str, str | None], Report] = {}


@pytest.fixture(params=EDITIONS, ids=["A4", "A5", "Letter", "German"])
def report(request: pytest.FixtureRequest, built_handbook: Callable[..., Path]) -> Report:
    edition = request.param
    if edition not in _reports:
        _reports[edition] = measure(built_handbook(*edition),
                                    source_compounds(builtin("content")))
    return _reports[edition]


def test_body_text_is_set_for_reading(report: Report) -> None:
    assert 60 <= report.cpl_median <= 75, report.figures()
    assert report.cpl_max <= 75, report.figures()
    assert report.leading_pt >= 1.35 * report.body_size_pt


def test_nothing_prints_under_8_pt(report: Report) -> None:
    assert report.smallest_pt >= 8, report.smallest_what
    assert report.diagram_label_pt >= 8
    assert report.small_contrast >= 4.5  # running heads and footers on the paper


def test_hyphenation_a_proofreader_accepts(report: Report) -> None:
    assert report.hyphenation == []
    assert report.hyphenated_lines > 0  # hyphenation is on, not avoided altogether


def test_no_runts_splits_stranded_headings_or_widows(report: Report) -> None:
    assert report.runts == []
    assert report.splits == []
    assert report.stranded == []
    assert report.short_headings == []
    assert report.orphans_widows == []


def test_the_measure_counts_what_it_claims(tmp_path: Path) -> None:
    """The measuring finds faults where there are some: a runt, a list split by a page
    turn, type under 8 pt, a hyphenated heading (a small tagged PDF made to have them)."""
    from weasyprint import HTML

    items = "".join(f"<li>Item number {n} of the list</li>" for n in range(12))
    html = f"""<html lang="en"><head><title>t</title><style>
      @page {{ size: 120mm 90mm; margin: 10mm; @bottom-center {{ content: "x"; font-size: 6pt;
               color: #bbb; }} }}
      body {{ font: 10pt/1.4 sans-serif; }} p {{ margin: 0 0 4pt; }}
      h2 {{ width: 18mm; hyphens: auto; font-size: 10pt; }}</style></head><body>
      <section style="break-after: page"><p>A cover</p></section>
      <section><div><p>A paragraph whose last line holds one short<br>word.</p></div>
      <div><p>Filler text to fill the page up so that the list that follows does not fit
      on what is left of the page, and must turn the page, which it should never do.</p>
      <ul>{items}</ul></div><div><h2>Understanding</h2><p>Text under it, two lines of it
      at least so the heading has company.</p></div></section></body></html>"""
    pdf = tmp_path / "faults.pdf"
    HTML(string=html).write_pdf(pdf, pdf_variant="pdf/ua-1")
    found = measure(pdf)
    assert found.runts, "a one-word last line"
    assert any("list" in split for split in found.splits)
    assert found.smallest_pt == 6
    assert found.small_contrast < 4.5
    assert any("H2" in fault for fault in found.hyphenation)


def test_typeset_ties_runts_and_keeps_compounds_whole() -> None:
    assert str(typeset("<p>It ends with one word.</p>")) == "<p>It ends with one\u00a0word.</p>"
    assert "\u00a0" not in typeset("<p>It ends in a responsibility.</p>")  # long: not tied
    assert ('<span class="last-word">responsibility.</span>'
            in typeset("<p>It ends in a responsibility.</p>"))  # and not hyphenated
    assert '<span class="compound">one-to-one</span>' in typeset("<li>a one-to-one talk</li>")
    kept = '<a href="https://x.test/a-b c" title="x-y z">link</a>'
    assert kept in typeset(f"<p>See {kept}</p>")  # tags and attributes untouched
    assert "compound" not in typeset("<p><code>a-b</code> and more words.</p>")
