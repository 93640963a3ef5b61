"""The handbook read back by independent tools: pypdf, pdffonts, pdfinfo and qpdf."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from pypdf import PdfReader

from smguide.handbook.html import back_matter
from smguide.resources import builtin
from smguide.sources.content import load_guide
from smguide.sources.markdown import to_plain
from tests.pdftools import figure_alts, outline, page_texts, squash

GUIDE = load_guide(builtin("content"))


def test_every_chapter_title_and_summary_is_in_the_text(default_pdf: Path) -> None:
    text = squash(" ".join(page_texts(default_pdf)))
    for chapter in GUIDE.chapters:
        assert squash(chapter.title) in text
        assert chapter.summary and squash(to_plain(chapter.summary)) in text


def test_toc_page_numbers_are_where_the_chapters_really_start(default_pdf: Path) -> None:
    pages = page_texts(default_pdf)
    number = next(i for i, text in enumerate(pages, 1) if text.startswith("Contents"))
    toc = subprocess.run(["pdftotext", "-layout", "-f", str(number), "-l", str(number),
                          str(default_pdf), "-"], capture_output=True, text=True,
                         check=True).stdout  # as laid out: the number, the title, the page
    listed = {int(n): int(page)
              for n, page in re.findall(r"^\s*(\d)\s+[^.\n]+?\.{3,}\s*(\d+)\s*$", toc, re.M)}
    numbered = [c for c in GUIDE.chapters if c.anchor not in back_matter(GUIDE)]
    assert len(listed) == len(numbered) == len(GUIDE.chapters) - 1  # the glossary: no number
    for chapter in numbered:
        start = pages[listed[chapter.number] - 1]
        assert squash(start).startswith(squash(f"chapter {chapter.number} {chapter.title}"))
        # chapters start on a right-hand (odd) page; the practices' chapter opens on the
        # notes page before it, a left-hand one, so its cards lie on one spread (facing.py)
        assert listed[chapter.number] % 2 == (chapter.anchor != "working-together"), chapter


def test_outline_has_every_chapter_and_section(default_pdf: Path) -> None:
    entries = outline(default_pdf)
    chapters = [title for depth, title, _ in entries if depth == 0]
    assert chapters == ["Contents", *[chapter.title for chapter in GUIDE.chapters]]
    sections = {title for depth, title, _ in entries if depth == 1}
    headings = {block.heading for chapter in GUIDE.chapters for block in chapter.blocks
                if block.heading}
    assert headings <= sections
    assert "Key takeaways" not in sections, "one per chapter would only be noise"


def test_running_header_and_page_x_of_y(default_pdf: Path) -> None:
    pages = page_texts(default_pdf)
    total = len(pages)
    sales = next(c for c in GUIDE.chapters if c.title == "What the sales team does")
    sales_start = next(i for i, t in enumerate(pages) if t.startswith(f"CHAPTER {sales.number}"))
    following = pages[sales_start + 1]
    assert "What the sales team does" in following
    assert f"Page {sales_start + 2} of {total}" in following


def test_fonts_are_all_embedded_and_subset(default_pdf: Path) -> None:
    lines = subprocess.run(["pdffonts", str(default_pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        name, emb, sub = line.split()[0], line.split()[-5], line.split()[-4]
        assert (emb, sub) == ("yes", "yes"), line
        assert re.match(r"^[A-Z]{6}\+Lato", name), line


def test_qpdf_finds_no_errors(default_pdf: Path) -> None:
    result = subprocess.run(["qpdf", "--check", str(default_pdf)], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def test_metadata_language_and_tagging(default_pdf: Path) -> None:
    info = subprocess.run(["pdfinfo", str(default_pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Title:\s+Sales and Marketing$", info, re.M)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Page size:.*\(A4\)$", info, re.M)
    root = PdfReader(default_pdf).trailer["/Root"]
    assert root["/Lang"] == "en"
    assert "/StructTreeRoot" in root
    assert "pdfuaid" in root["/Metadata"].get_object().get_data().decode()


def test_images_carry_alt_text(default_pdf: Path) -> None:
    """Every Figure in the structure tree has an /Alt (the logo and the diagram)."""
    alts = figure_alts(default_pdf)
    assert len(alts) >= 2
    assert all(alts), alts
    assert any("seed" in alt.lower() for alt in alts)


@pytest.mark.parametrize(("paper", "size"), [("letter", (612, 792)), ("a5", (420, 595))])
def test_paper_sizes(run: Callable[..., Result], tmp_path: Path, paper: str,
                     size: tuple[int, int]) -> None:
    out = tmp_path / f"{paper}.pdf"
    assert run("pdf", "--paper", paper, "-o", str(out)).exit_code == 0
    box = PdfReader(out).pages[5].mediabox
    assert (round(box.width), round(box.height)) == size


def test_print_profile_adds_bleed_and_crop_marks_outside_it(run: Callable[..., Result],
                                                            tmp_path: Path) -> None:
    out = tmp_path / "print.pdf"
    result = run("pdf", "--print", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert subprocess.run(["qpdf", "--check", str(out)], capture_output=True).returncode == 0
    mm = 72 / 25.4
    for page in PdfReader(out).pages:
        trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
        assert (round(trim.width), round(trim.height)) == (595, 842)
        assert round(bleed.width - trim.width, 1) == round(6 * mm, 1)  # 3 mm each side
        assert round(media.width - bleed.width, 1) == round(18 * mm, 1)  # a 9 mm slug
        # eight marks per page, every one in the slug: beyond the bleed, never on the page
        marks = re.findall(rb"([-\d.]+) ([-\d.]+) m ([-\d.]+) ([-\d.]+) l",
                           page.get_contents().get_data())
        assert len(marks) == 8
        for x0, y0, x1, y1 in (map(float, mark) for mark in marks):
            outside_x = min(x0, x1) >= float(bleed.right) or max(x0, x1) <= float(bleed.left)
            outside_y = min(y0, y1) >= float(bleed.top) or max(y0, y1) <= float(bleed.bottom)
            assert outside_x or outside_y


def test_print_profile_keeps_an_explicit_bleed_even_zero(run: Callable[..., Result],
                                                          tmp_path: Path) -> None:
    out = tmp_path / "print.pdf"
    assert run("pdf", "--print", "--bleed", "0", "-o", str(out)).exit_code == 0
    page = PdfReader(out).pages[0]
    assert page.bleedbox == page.trimbox  # no bleed, as asked
    assert page.mediabox.width > page.trimbox.width  # the crop marks' slug is still there
