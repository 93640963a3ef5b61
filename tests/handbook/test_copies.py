"""Personal copies made the cheap way are the copies made the plain way.

The plain way: every copy assembled by pikepdf (handbook.assemble). The cheap way
(handbook.incremental): one copy per shape of personal pages, the others appended to it as
incremental updates. Both are read back with independent tools: qpdf, pdffonts,
pdftotext, pypdf (the tagged structure), and Ghostscript's rendering, pixel for pixel.
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from smguide.commands.build import load
from smguide.handbook.assemble import CopySpec, Personal, assemble
from smguide.handbook.html import HandbookRenderer
from smguide.handbook.incremental import Copier
from smguide.handbook.pdf import write_document
from smguide.handbook.personal import lay_out_body, people, render_personal, teams
from smguide.model.options import PrintOptions, Sources
from smguide.resources import builtin
from smguide.sources.roster import read_roster
from tests.pdftools import struct_elements

ROSTER = """name,team,role,manager,start_date,buddy
Anna Schmidt,Sales,Account executive,Maria Keller,2026-03-02,Jonas Weber
Zoë Ørsted-Ñúñez,Marketing,Content marketer,Li Wei,2026-03-09,Ben Adler
Wojciech Brzęczyszczykiewicz,Sales,,,2026-04-01,
Li Wei,Marketing,Analyst,Maria Keller,,Kofi Boateng
"""


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Each hire's copy made both ways: (folder, {slug: name}); <slug>.plain.pdf and
    <slug>.pdf."""
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
    personal = Personal(render_personal(renderer, options, persons, slots, "2026-01-05"))
    copier = Copier(body, personal)
    slugs = {}
    for i, person in enumerate(persons):
        spec = CopySpec(slots=((slots.cover, 2 * i), (slots.week, 2 * i + 1)),
                        title=f"{guide.title}: {person.hire.name}",
                        output=folder / f"{person.hire.slug}.pdf", personal="p")
        (folder / f"{person.hire.slug}.plain.pdf").write_bytes(assemble(body, personal, spec))
        spec.output.write_bytes(copier.copy(spec))
        slugs[person.hire.slug] = person.hire.name
    # one model per shape: the two full rows share one, the row without a role and a
    # manager has its own, and so does the row without a start date
    assert len([model for model in copier.models.values() if model is not None]) == 3
    return folder, slugs


def _run(*command: str | Path) -> str:
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _pages(pdf: Path, first: int, last: int) -> list[Image.Image]:
    png = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=png16m",
                          "-r50", f"-dFirstPage={first}", f"-dLastPage={last}",
                          "-sOutputFile=%stdout", str(pdf)], capture_output=True, check=True)
    images, data = [], png.stdout
    while data:
        image = Image.open(io.BytesIO(data))
        image.load()
        images.append(image.convert("RGB"))
        end = data.find(b"IEND") + 8
        data = data[end:]
    return images


def test_every_copy_reads_back_as_the_plain_one(made: tuple[Path, dict[str, str]]) -> None:
    folder, names = made
    slugs = list(names)
    for slug in slugs:
        cheap, plain = folder / f"{slug}.pdf", folder / f"{slug}.plain.pdf"
        assert "No syntax or stream encoding errors" in _run("qpdf", "--check", cheap)
        fonts = _run("pdffonts", cheap).splitlines()[2:]
        assert fonts and all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in fonts)
        assert sorted(line.split()[:-2] for line in fonts) == sorted(  # all but object ids
            line.split()[:-2] for line in _run("pdffonts", plain).splitlines()[2:])
        assert _run("pdftotext", "-layout", cheap, "-") == _run("pdftotext", "-layout", plain,
                                                                  "-")
        ours, theirs = PdfReader(cheap), PdfReader(plain)
        assert ours.metadata.title == theirs.metadata.title
        assert ours.metadata.title.endswith(names[slug])
        assert ours.xmp_metadata is not None
        assert ours.xmp_metadata.dc_title == theirs.xmp_metadata.dc_title
        shape = [(str(e.get("/S")), e.get("/Pg") is not None) for e in struct_elements(ours)]
        assert shape == [(str(e.get("/S")), e.get("/Pg") is not None)
                         for e in struct_elements(theirs)]


def test_the_personal_pages_look_the_same(made: tuple[Path, dict[str, str]]) -> None:
    folder, names = made
    slugs = list(names)
    week = next(i for i, text in enumerate(PdfReader(folder / f"{slugs[0]}.pdf").pages)
                if "first week" in (text.extract_text() or "")) + 1
    for slug in slugs:
        for page in (1, week):
            ours = _pages(folder / f"{slug}.pdf", page, page)
            theirs = _pages(folder / f"{slug}.plain.pdf", page, page)
            assert ImageChops.difference(ours[0], theirs[0]).getbbox() is None, (slug, page)
