"""Personal copies made the cheap way are the copies made the plain way.

The plain way: every person's pages laid out in full by WeasyPrint and every copy
assembled by pikepdf (handbook.assemble). The cheap way: pages stamped onto a layout made
once per shape of pages (handbook.stamp), and copies appended to one assembled copy as
incremental updates (handbook.incremental). Both are read back with independent tools:
qpdf, pdffonts, pdftotext (text and word boxes), pypdf (metadata, tagged structure) and
Ghostscript's rendering.

Two documents laid out by WeasyPrint are not byte for byte alike even for the same page:
it keeps each glyph's width rounded to 1/1000 em at the size it first drew it in, and that
depends on the document. So a word may sit 0.03 pt apart between the two (0.15 pt at the
end of a long word in a big size), which can move a glyph by a pixel in a rendering; the
comparisons allow that much and no more. Full layouts of the same person in two chunks
of people differ as much. (Inside one
document the stamped pages are checked byte for byte against a full layout while the
copies are made.)
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter
from pypdf import PdfReader

from smguide.commands.build import load
from smguide.handbook.assemble import CopySpec, Personal, assemble
from smguide.handbook.html import HandbookRenderer
from smguide.handbook.incremental import Copier
from smguide.handbook.pdf import write_document
from smguide.handbook.personal import (
    Slots,
    _stampable,
    lay_out_body,
    people,
    render_personal,
    teams,
)
from smguide.handbook.stamp import MODEL
from smguide.model.options import PrintOptions, Sources
from smguide.resources import builtin
from smguide.sources.roster import read_roster
from tests.pdftools import struct_elements

LONG = "Maximiliane Wilhelmina Alexandra-Konstantinopoulou von Hohenzollern-Sigmaringen"
ROSTER = f"""name,team,role,manager,start_date,buddy
Anna Schmidt,Sales,Account executive,Maria Keller,2026-03-02,Jonas Weber
Zoë Ørsted-Ñúñez,Marketing,Content marketer,Li Wei,2026-03-09,Ben Adler
Wojciech Brzęczyszczykiewicz,Sales,,,2026-04-01,
Li Wei,Marketing,Analyst,Maria Keller,,Kofi Boateng
Ama Mensah,Sales,Account executive,Maria Keller,2026-03-02,Jonas Weber
{LONG},Marketing,Analyst,Li Wei,2026-05-04,Anna Schmidt
王伟,Sales,Sales development,Maria Keller,2026-03-16,Ama Mensah
"""


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], list]:
    """Each hire's copy made both ways: <slug>.plain.pdf and <slug>.pdf; returns the
    folder, {slug: name} and the cheap way's personal files."""
    folder = tmp_path_factory.mktemp("copies")
    (folder / "hires.csv").write_text(ROSTER, encoding="utf-8")
    guide, brand, _ = load(Sources(builtin("content"), builtin("brand") / "_brand.yml"))
    renderer = HandbookRenderer(guide, brand, None)
    found = read_roster(folder / "hires.csv", teams(guide), "hires.csv")
    assert not found.problems
    persons = people(guide, found.hires)
    options = PrintOptions()
    document, slots = lay_out_body(renderer, options, "2026-01-05")
    body = write_document(document, tuple(renderer.template_dirs))
    plain, = render_personal(renderer, options, persons, slots, "2026-01-05", stamp=False)
    full = Personal(plain.data)
    files = render_personal(renderer, options, persons, slots, "2026-01-05")
    copiers = [Copier(body, Personal(file.data)) for file in files]
    names = {}
    for i, person in enumerate(persons):
        title = f"{guide.title}: {person.hire.name}"
        cover, week = plain.pages[i] or (0, 0)
        spec = CopySpec(slots=((slots.cover, cover), (slots.week, week)), title=title,
                        output=folder / f"{person.hire.slug}.plain.pdf", personal="p")
        spec.output.write_bytes(assemble(body, full, spec))
        n, pages = next((n, file.pages[i]) for n, file in enumerate(files)
                        if file.pages[i] is not None)
        assert pages is not None
        spec = CopySpec(slots=((slots.cover, pages[0]), (slots.week, pages[1])), title=title,
                        output=folder / f"{person.hire.slug}.pdf", personal="p")
        spec.output.write_bytes(copiers[n].copy(spec))
        names[person.hire.slug] = person.hire.name
    return folder, names, files


def test_most_pages_are_stamped_and_the_rest_laid_out(
        made: tuple[Path, dict[str, str], list]) -> None:
    _, names, files = made
    slugs = list(names)
    first = PdfReader(io.BytesIO(files[0].data))
    stamped = [slugs[i] for i, pages in enumerate(files[0].pages)
               if pages is not None and MODEL in first.pages[pages[0]]]
    # Ama shares Anna's shape, the long name and 王伟 share Zoë's (everything filled in)
    assert "ama-mensah" in stamped
    # the long name does not fit the cover's line: laid out in full, in a second file
    assert len(files) == 2
    long_slug = next(slug for slug, name in names.items() if name == LONG)
    assert files[1].pages[slugs.index(long_slug)] is not None
    assert long_slug not in stamped


def _run(*command: str | Path) -> str:
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _font(line: str) -> list[str]:
    """A pdffonts line without its encoding and object number."""
    parts = line.split()
    return parts[:3] + parts[4:-2]


def _words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    xml = _run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-")
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                       r'yMax="([\d.]+)">(.*?)</word>', xml)
    return [(word, float(x0), float(y0), float(x1), float(y1))
            for x0, y0, x1, y1, word in found]


def _page(pdf: Path, page: int) -> Image.Image:
    png = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=png16m",
                          "-r80", f"-dFirstPage={page}", f"-dLastPage={page}",
                          "-sOutputFile=%stdout", str(pdf)], capture_output=True, check=True)
    return Image.open(io.BytesIO(png.stdout)).convert("RGB")


def _unlike(one: Image.Image, other: Image.Image) -> int:
    """Pixels of either image that no pixel next to the same place in the other comes
    near: a glyph one pixel over (Ghostscript snaps glyphs to whole pixels, so 0.03 pt
    can move one) is alike, another colour, word or glyph is not."""
    count = 0
    for this, that in ((one, other), (other, one)):
        low, high = that.filter(ImageFilter.MinFilter(3)), that.filter(ImageFilter.MaxFilter(3))
        for beyond in (ImageChops.subtract(low, this), ImageChops.subtract(this, high)):
            count += sum(1 for value in beyond.convert("L").get_flattened_data() if value > 24)
    return count


def test_every_copy_reads_back_as_the_plain_one(
        made: tuple[Path, dict[str, str], list]) -> None:
    folder, names, _ = made
    for slug, name in names.items():
        cheap, plain = folder / f"{slug}.pdf", folder / f"{slug}.plain.pdf"
        assert "No syntax or stream encoding errors" in _run("qpdf", "--check", cheap)
        fonts = _run("pdffonts", cheap).splitlines()[2:]
        assert fonts and all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in fonts)
        # the same fonts, embedded as subsets with Unicode maps (the encoding is a CMap,
        # not Identity-H, where the font lacks a glyph someone else in the same
        # document of personal pages needs: which people share one differs)
        assert sorted(_font(line) for line in fonts) == sorted(
            _font(line) for line in _run("pdffonts", plain).splitlines()[2:])
        text = _run("pdftotext", "-layout", cheap, "-")
        assert text == _run("pdftotext", "-layout", plain, "-")
        assert re.sub(r"\W", "", name) in re.sub(r"\W", "", text)  # long names wrap
        ours, theirs = PdfReader(cheap), PdfReader(plain)
        assert ours.metadata.title == theirs.metadata.title
        assert ours.metadata.title.endswith(name)
        assert ours.xmp_metadata is not None and theirs.xmp_metadata is not None
        assert ours.xmp_metadata.dc_title == theirs.xmp_metadata.dc_title
        shape = [(str(e.get("/S")), e.get("/Pg") is not None) for e in struct_elements(ours)]
        assert shape == [(str(e.get("/S")), e.get("/Pg") is not None)
                         for e in struct_elements(theirs)]


def test_the_personal_pages_look_the_same(made: tuple[Path, dict[str, str], list]) -> None:
    folder, names, _ = made
    first = next(iter(names))
    pages = _run("pdftotext", folder / f"{first}.pdf", "-").split("\f")
    week = next(i for i, text in enumerate(pages) if "at a glance" in text and
                names[first].upper() in text) + 1
    for slug in names:
        cheap, plain = folder / f"{slug}.pdf", folder / f"{slug}.plain.pdf"
        for page in (1, week):
            ours, theirs = _words(cheap, page), _words(plain, page)
            assert [w[0] for w in ours] == [w[0] for w in theirs]
            assert all(abs(a - b) < 0.25 for w, v in zip(ours, theirs, strict=True)
                       for a, b in zip(w[1:], v[1:], strict=True)), (slug, page)
            assert _unlike(_page(cheap, page), _page(plain, page)) == 0, (slug, page)


def test_template_overrides_of_the_personal_pages_are_laid_out_in_full(tmp_path: Path) -> None:
    guide, brand, _ = load(Sources(builtin("content"), builtin("brand") / "_brand.yml"))
    assert _stampable(HandbookRenderer(guide, brand, None))
    (tmp_path / "handbook").mkdir()
    (tmp_path / "handbook" / "personal-cover.html.j2").write_text(
        "{% if hire.team == 'Sales' %}<p>{{ hire.name }}</p>{% endif %}", encoding="utf-8")
    assert not _stampable(HandbookRenderer(guide, brand, tmp_path))


def test_a_stamping_fault_lays_everyone_out_in_full(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If a WeasyPrint release moved what stamping reads, the pages are still made."""
    import smguide.handbook.stamp as stamp

    def moved(*_: object) -> None:
        raise KeyError("text_align_all")

    monkeypatch.setattr(stamp, "find_slots", moved)
    guide, brand, _ = load(Sources(builtin("content"), builtin("brand") / "_brand.yml"))
    renderer = HandbookRenderer(guide, brand, None)
    (tmp_path / "hires.csv").write_text(ROSTER, encoding="utf-8")
    hires = read_roster(tmp_path / "hires.csv", teams(guide), "hires.csv").hires
    persons = people(guide, [hires[0], hires[4]])  # one shape: would be stamped
    files = render_personal(renderer, PrintOptions(), persons, Slots(0, 3, 30), "2026-01-05")
    assert [file.pages for file in files] == [((0, 1), (2, 3))]
    reader = PdfReader(io.BytesIO(files[0].data))
    assert len(reader.pages) == 4 and MODEL not in reader.pages[2]
    assert "Ama Mensah" in (reader.pages[2].extract_text() or "")
