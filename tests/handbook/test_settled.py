"""Hyphens taken back on the chapters laid out alone (handbook/settled.py): the same soft
hyphens go as breaks.py takes back on the whole handbook, so a fresh build lays the
handbook out whole twice (the first layout, the fitted one) instead of three times."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smguide.handbook.breaks import SHY, lines, soft_hyphens, take_back, to_take_back
from smguide.handbook.settled import drop_words, shy_ranges

HTML = (f'<html><head><title>a{SHY}b</title></head><body><p>in{SHY}tro</p>'
        f'<section id="one"><h2 title="x{SHY}y">mar{SHY}ket{SHY}ing</h2>'
        f'<p>cam{SHY}paign and mar<em>ket{SHY}ing</em> re{SHY}ve{SHY}nue</p></section>'
        f'<p>be{SHY}tween</p><section id="two"><p>sales{SHY}peo{SHY}ple</p></section>'
        f'</body></html>')


def _tree(html: str) -> Any:
    from smguide.handbook.engine import import_weasyprint

    import_weasyprint()
    from weasyprint import HTML as Parsed

    return Parsed(string=html).etree_element


def _text(element: Any) -> str:
    return "".join(element.itertext())


def test_a_chapters_soft_hyphens_are_numbered_as_breaks_numbers_them() -> None:
    ranges, count = shy_ranges(_tree(HTML), ("one", "two"))
    assert count == len(soft_hyphens(HTML)) == 10  # not the title's, nor an attribute's
    assert ranges == {"one": (1, 6), "two": (8, 2)}


@pytest.mark.parametrize("numbers", [{0}, {1}, {2}, {3}, {4, 5}, {0, 3}, {5}, set()])
def test_a_chapters_tree_loses_the_soft_hyphens_the_html_loses(numbers: set[int]) -> None:
    """The words `drop_words` takes the soft hyphens from in a chapter's tree are those
    breaks.take_back takes them from in the HTML (numbered from the chapter's first)."""
    root = _tree(HTML)
    chapter = next(e for e in root.iter() if e.get("id") == "one")
    gone = drop_words(chapter, numbers)
    start = 1  # the soft hyphens before the chapter
    html = take_back(HTML, {start + n for n in numbers})
    assert len(soft_hyphens(HTML)) - len(soft_hyphens(html)) == len(gone)
    expected = next(e for e in _tree(html).iter() if e.get("id") == "one")
    assert _text(chapter) == _text(expected)
    assert gone >= numbers


@pytest.mark.parametrize("paper", ["a4", "a5"])  # A5: every chapter loses a break
def test_a_fresh_build_lays_the_handbook_out_twice_with_the_same_pdf(
        paper: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The default handbook, fitted anew: two whole layouts (the first, the fitted one,
    which the whole-handbook check of breaks.py finds nothing to take back in; and those
    rags.py makes to set paragraphs' last lines again, a round at most ROUNDS and one
    last, each laying out again only the chapters it changed; so the
    chapters were fitted on their trials alone, on the HTML as the floats placed it: a
    fitting that fell back to trying its variants on the whole handbook, as it does when
    the whole does not come out as the chapters did alone, lays it out again), and the
    same PDF as when the hyphens are taken back on the whole handbook (a third layout)."""
    from smguide.commands.build import load
    from smguide.handbook import layouts, settled
    from smguide.handbook.html import HandbookRenderer
    from smguide.handbook.pdf import lay_out, write_document
    from smguide.model.options import PrintOptions, Sources
    from smguide.resources import builtin

    guide, brand, _ = load(Sources(builtin("content"), builtin("brand") / "_brand.yml"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    whole: list[int] = []
    real, real_laid = layouts.Layouts.render, layouts.Layouts.laid
    chapters = {chapter.anchor for chapter in guide.chapters}
    laid: list[tuple[int, str, str]] = []  # (in which whole layout, the chapter, its CSS)
    inside = [0]

    def render(self: Any, *args: Any, **kwargs: Any) -> Any:
        whole.append(1)
        inside[0] = len(whole)
        try:
            return real(self, *args, **kwargs)
        finally:
            inside[0] = 0

    def counted(self: Any, html: Any, css: str) -> Any:
        ids = [e.get("id") for e in html.etree_element.iter() if e.get("id") in chapters]
        laid.append((inside[0], ids[0] if len(ids) == 1 else "", css))
        return real_laid(self, html, css)

    monkeypatch.setattr(layouts.Layouts, "render", render)
    monkeypatch.setattr(layouts.Layouts, "laid", counted)
    from smguide.handbook import pdf, rags

    ragged: list[int] = []  # the layouts rags.py made

    def evened(document: Any, html: str, lay: Callable[[str], Any],
               flow: Callable[[str], Any] | None = None) -> Any:
        def counted_by(laying: Callable[[str], Any]) -> Callable[[str], Any]:
            def again(markup: str) -> Any:
                ragged.append(len(whole) + 1)
                return laying(markup)
            return again

        return rags.even_rags(document, html, counted_by(lay),
                              None if flow is None else counted_by(flow))

    monkeypatch.setattr(pdf, "even_rags", evened)
    # a chapter opened on a left page (facing.py) after the fitting: one layout more
    opened: list[bool] = []
    real_open = pdf.to_open_left

    def to_open_left(*args: Any) -> list[str]:
        anchors = real_open(*args)
        opened.append(bool(anchors))
        return anchors

    monkeypatch.setattr(pdf, "to_open_left", to_open_left)

    def built(cache: str) -> tuple[bytes, Any]:
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / cache))
        whole.clear()
        renderer = HandbookRenderer(guide, brand, None)
        document = lay_out(renderer.manuscript(PrintOptions(paper=paper), "2026-01-01"))
        return write_document(document, ()), document

    data, document = built("alone")
    left = int(any(opened))
    assert len(ragged) <= rags.ROUNDS + 1 and len(whole) == 2 + left + len(ragged)
    assert ragged == list(range(3 + left, len(whole) + 1))  # after the fitted layout
    # a chapter tried with other spacing is laid out as the handbook holds it (with its
    # breaks taken back) as soon as its spacing is chosen: the fitted layout binds it
    tried = {chapter for at, chapter, css in laid if at == 0 and css}
    again = {chapter for at, chapter, _ in laid if at == 2 and chapter}
    assert tried and not tried & again, (tried, again)
    found, _ = lines(document)
    assert found and to_take_back(found) == set()  # nothing left to take back
    monkeypatch.setattr(settled.Settling, "settle", lambda self, chosen: {})
    ragged.clear()
    opened.clear()
    again, _ = built("whole")
    # the chapters' hyphens taken back on the whole handbook, and the rags set as before
    assert len(whole) == 3 + int(any(opened)) + len(ragged)
    assert data == again
