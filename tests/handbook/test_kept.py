"""The handbook's layouts kept in the user's cache (handbook/kept.py): the same print
handbook again is laid out once, whole, with the notes pages it needed (not once
unpadded, then again padded), and comes out the same."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest


def test_the_same_print_handbook_again_is_laid_out_once_padded(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from smguide.commands.build import load
    from smguide.handbook import layouts
    from smguide.handbook.html import HandbookRenderer
    from smguide.handbook.pdf import PAD_PAGE, render_pdf
    from smguide.model.options import PrintOptions, Sources
    from smguide.resources import builtin

    guide, brand, _ = load(Sources(builtin("content") / "de", builtin("brand") / "_brand.yml"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    whole: list[str] = []
    real = layouts.Layouts.render
    monkeypatch.setattr(layouts.Layouts, "render", lambda self, css, markup=None, **how: (
        whole.append(markup or self.text), real(self, css, markup, **how))[1])
    laid: list[str] = []  # the documents WeasyPrint laid out (a part, or the whole)
    lay = layouts.Layouts.laid
    monkeypatch.setattr(layouts.Layouts, "laid", lambda self, html, css: (
        laid.append(css), lay(self, html, css))[1])
    # --print on A5 in German (its 41 pages need padding; A4 and the English A5 come to
    # a multiple of 4 by themselves)
    options = PrintOptions(paper="a5", bleed_mm=3.0, crop_marks=True, pdfx=True)
    manuscript = HandbookRenderer(guide, brand, None).manuscript(options, "2026-01-01")
    first, pages, _ = render_pdf(manuscript, crop_marks=True)
    assert PAD_PAGE in whole[-1] and len(whole) >= 3  # fitted, then padded
    whole.clear()
    laid.clear()
    again, pages_again, _ = render_pdf(manuscript, crop_marks=True)
    assert len(whole) == 1 and PAD_PAGE in whole[0]  # at once with its notes pages
    assert len(laid) == 1  # whole, not in parts: none of them is used again
    assert again == first and pages_again == pages
    assert pages % 4 == 0 and len(PdfReader(BytesIO(again)).pages) == pages


def test_a_kept_layout_is_keyed_with_the_code_the_parent_read(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The layout code's hash is read in the parent, before the engine forks with that
    code, and passed down: the engine does not read it again as it lays out (a file edited
    in between would key the layout of the old code with the new code). Here each process
    reads a different "code"; the layout is kept under the parent's."""
    import os

    from smguide import __version__
    from smguide.commands.build import build_pdf, load
    from smguide.handbook import pdf
    from smguide.handbook.html import HandbookRenderer
    from smguide.handbook.kept import fit_key
    from smguide.model.options import PrintOptions, Sources, creation_date
    from smguide.resources import builtin

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(pdf, "code_of", lambda *_: f"code read by {os.getpid()}".encode())
    pdf.layout_code.cache_clear()
    try:
        sources = Sources(builtin("content"), builtin("brand") / "_brand.yml")
        build_pdf(sources, tmp_path / "handbook.pdf", PrintOptions())
    finally:
        pdf.layout_code.cache_clear()
    guide, brand, _ = load(sources)
    manuscript = HandbookRenderer(guide, brand, None).manuscript(PrintOptions(),
                                                                 creation_date())
    key = fit_key(manuscript, manuscript.html, f"code read by {os.getpid()}".encode())
    kept = sorted(path.name for path in (tmp_path / "smguide").glob("laid-*"))
    assert kept == [f"laid-{key}-{__version__}.json"]
