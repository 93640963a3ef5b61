"""The handbook's layouts kept in the user's cache (handbook/kept.py): the same print
handbook again is laid out once, with the notes pages it needed (not once unpadded, then
again padded), and comes out the same."""

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

    guide, brand, _ = load(Sources(builtin("content"), builtin("brand") / "_brand.yml"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    whole: list[str] = []
    real = layouts.Layouts.render
    monkeypatch.setattr(layouts.Layouts, "render", lambda self, css, markup=None: (
        whole.append(markup or self.text), real(self, css, markup))[1])
    options = PrintOptions(bleed_mm=3.0, crop_marks=True, pdfx=True)  # --print
    manuscript = HandbookRenderer(guide, brand, None).manuscript(options, "2026-01-01")
    first, pages, _ = render_pdf(manuscript, crop_marks=True)
    assert PAD_PAGE in whole[-1] and len(whole) >= 3  # fitted, then padded
    whole.clear()
    again, pages_again, _ = render_pdf(manuscript, crop_marks=True)
    assert len(whole) == 1 and PAD_PAGE in whole[0]  # at once with its notes pages
    assert again == first and pages_again == pages
    assert pages % 4 == 0 and len(PdfReader(BytesIO(again)).pages) == pages
