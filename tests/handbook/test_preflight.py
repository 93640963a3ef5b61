"""`smguide preflight`: each check finds its problem, on its page, in PDFs built here with
pikepdf (so every problem is known), and nothing in our own print PDF."""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable
from pathlib import Path

import pikepdf
from click.testing import Result

from tests.conftest import edit, template_overrides

MM = 72 / 25.4
A4 = (595.28, 841.89)
BLEED = 3 * MM


def make_pdf(path: Path, pages: list[bytes], pdfx: bool = True, boxes: bool = True,
             image: tuple[int, int] | None = None, pixel: bytes = b"\xff" * 4) -> Path:
    """An A4 PDF with a 3 mm bleed whose pages have the given content streams; resources:
    /F1 (Helvetica, not embedded), /Im1 (a CMYK picture of `image` pixels, each `pixel`:
    100% of every ink unless told), a PDF/X-4 identification and CMYK output intent when
    `pdfx`."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font,
                                                Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    xobjects = pikepdf.Dictionary()
    if image:
        width, height = image
        picture = pikepdf.Stream(pdf, zlib.compress(pixel * width * height))
        picture.Type, picture.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        picture.Width, picture.Height, picture.BitsPerComponent = width, height, 8
        picture.ColorSpace, picture.Filter = pikepdf.Name.DeviceCMYK, pikepdf.Name.FlateDecode
        xobjects.Im1 = pdf.make_indirect(picture)
    for content in pages:
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[-20, -20, A4[0] + 20, A4[1] + 20],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font), XObject=xobjects),
            Contents=pdf.make_stream(content))
        if boxes:
            page.TrimBox = [0, 0, *A4]
            page.BleedBox = [-BLEED, -BLEED, A4[0] + BLEED, A4[1] + BLEED]
        pdf.pages.append(pikepdf.Page(page))
    if pdfx:
        from smguide.safety.iccprofile import DEFAULT_PROFILE

        profile = pdf.make_stream(DEFAULT_PROFILE.read_bytes())
        profile.N = 4
        pdf.Root.OutputIntents = [pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX,
            OutputConditionIdentifier=pikepdf.String("FOGRA39"), DestOutputProfile=profile)]
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["pdfxid:GTS_PDFXVersion"] = "PDF/X-4"
    pdf.save(path)
    return path


CLEAN = (b"q 0 0 0 1 k BT /F1 10 Tf 1 0 0 1 72 700 Tm (Body text) Tj ET "
         b"0.5 w 0 0 0 1 K 72 690 m 300 690 l S "
         b"0.6 0 0.5 0.5 k -8.5 -8.5 612.3 40 re f Q")  # full-bleed band at the foot


def findings(run: Callable[..., Result], pdf: Path) -> tuple[int, list[dict[str, object]]]:
    result = run("preflight", "--format", "json", str(pdf))
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_a_clean_pdfx_passes(run: Callable[..., Result], tmp_path: Path) -> None:
    # the Type1 font is not embedded: the one finding
    code, found = findings(run, make_pdf(tmp_path / "clean.pdf", [CLEAN]))
    assert code == 1 and [(f["check"], f["page"]) for f in found] == [("fonts", 1)]
    assert "Helvetica is not embedded" in str(found[0]["message"])


def test_each_problem_is_found_on_its_page(run: Callable[..., Result], tmp_path: Path) -> None:
    bad = (b"q 0 0 0 1 k BT /F1 5 Tf 1 0 0 1 72 600 Tm (Tiny) Tj ET "  # 5 pt type
           b"0.1 w 0 0 0 1 K 72 500 m 300 500 l S "  # a 0.1 pt hairline
           b"1 1 1 1 k 100 300 50 50 re f "  # 400% ink
           b"0.2 0.4 0.6 rg 0 100 200 30 re f "  # device RGB, ends at the left trim edge
           b"q 283.46 0 0 283.46 100 400 cm /Im1 Do Q Q")  # 100 px over 100 mm: 25 ppi
    code, found = findings(run, make_pdf(tmp_path / "bad.pdf", [CLEAN, bad],
                                         image=(100, 100)))
    assert code == 1
    on_two = {str(f["check"]) for f in found if f["page"] == 2}
    assert {"type", "lines", "ink", "rgb", "bleed", "images"} <= on_two
    assert not [f for f in found if f["page"] == 1 and f["check"] != "fonts"]
    messages: dict[str, list[str]] = {}
    for f in found:
        if f["page"] == 2:
            messages.setdefault(str(f["check"]), []).append(str(f["message"]))
    assert "5.0 pt" in messages["type"][0] and "0.10 pt" in messages["lines"][0]
    assert "25 ppi" in messages["images"][0] and "left trim edge" in messages["bleed"][0]
    inks = " | ".join(messages["ink"])
    assert "total ink 400% (C 100 M 100 Y 100 K 100) at 35 mm from the left" in inks
    assert "a 100 x 100 px picture at 35 mm from the left, 56 mm from the top has total ink " \
        "up to 400%" in inks


def test_a_picture_under_300_ppi_is_a_warning_and_its_resolution_is_listed(
        run: Callable[..., Result], tmp_path: Path) -> None:
    # 400 px over 50 mm: 203 ppi; 100% K, so its ink is fine
    content = b"q 141.73 0 0 141.73 100 400 cm /Im1 Do Q"
    pdf = make_pdf(tmp_path / "photo.pdf", [content], image=(400, 400), pixel=b"\0\0\0\xff")
    result = run("preflight", str(pdf))
    warnings = [line for line in result.stdout.splitlines() if ": warning: images:" in line]
    assert len(warnings) == 1 and "203 ppi" in warnings[0]
    assert "page 1: a 400 x 400 px picture printed 50 x 50 mm at 35 mm from the left, 106 mm " \
        "from the top: 203 ppi" in result.stdout
    assert result.exit_code == 0  # a warning; the font is never used, so not a finding
    assert run("preflight", "--strict", str(pdf)).exit_code == 1


def test_no_pdfx_and_no_boxes_are_found(run: Callable[..., Result], tmp_path: Path) -> None:
    code, found = findings(run, make_pdf(tmp_path / "plain.pdf", [CLEAN], pdfx=False,
                                         boxes=False))
    checks = [(f["check"], f["page"]) for f in found]
    assert ("pdfx", None) in checks and ("boxes", 1) in checks and code == 1


def test_our_print_pdf_passes_and_the_screen_pdf_does_not(
        run: Callable[..., Result], print_pdf: Path, default_pdf: Path) -> None:
    result = run("preflight", str(print_pdf))
    assert result.exit_code == 0, result.stdout
    from pypdf import PdfReader

    pages = len(PdfReader(print_pdf).pages)
    assert result.stdout.strip().endswith(
        f"Preflight passed: 0 errors, 0 warnings on {pages} pages.")
    code, found = findings(run, default_pdf)
    checks = {str(f["check"]) for f in found}
    assert code == 1 and {"pdfx", "rgb", "bleed"} <= checks
    assert any(f["check"] == "rgb" and f["page"] == 3 for f in found)


def test_print_fails_and_writes_nothing_when_its_own_file_fails(
        run: Callable[..., Result], tmp_path: Path) -> None:
    from smguide.resources import builtin

    css = (builtin("templates") / "handbook" / "handbook.css").read_text(encoding="utf-8")
    overrides = template_overrides(tmp_path / "tpl", {
        "handbook/handbook.css": css + "\nh2 { border-top: 0.1pt solid; }\n"})
    out = tmp_path / "print.pdf"
    result = run("pdf", "--print", "--template-overrides", str(overrides), "-o", str(out))
    assert result.exit_code == 1 and not out.exists()
    *lines, count = result.stderr.strip().splitlines()
    assert count.endswith("found; nothing was written.")
    # one line a finding, never two joined with ";"
    assert len(lines) == int(count.split()[0]) and all(";" not in line for line in lines)
    assert all(line.startswith("Error: the print PDF failed its own preflight: page")
               for line in lines)
    assert any("lines under 0.25 pt" in line for line in lines)


def test_preflight_refuses_what_is_not_a_pdf(run: Callable[..., Result],
                                             tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_text("hello")
    result = run("preflight", str(tmp_path / "notes.pdf"))
    assert result.exit_code == 1 and "not a PDF file" in result.stderr
    assert "file not found" in run("preflight", str(tmp_path / "none.pdf")).stderr


def test_a_blurry_logo_stops_the_print_pdf_and_is_named(
        run: Callable[..., Result], tmp_path: Path, brand_dir: Path) -> None:
    from PIL import Image

    Image.new("RGB", (200, 200), "#2f6b4f").save(brand_dir / "small.png")
    edit(brand_dir / "_brand.yml", "      path: logo.svg", "      path: small.png")
    out = tmp_path / "print.pdf"
    result = run("pdf", "--print", "--brand", str(brand_dir / "_brand.yml"), "-o", str(out))
    assert result.exit_code == 1 and not out.exists()
    # the logo on the front and the back cover: one problem, its pages named, and what
    # to ask for (34 mm at 300 ppi: 402 px; 149.4 ppi is said as 149, under the 150 limit)
    (line, count) = result.stderr.strip().splitlines()
    assert count == "1 problem found; nothing was written."
    assert re.fullmatch(
        r"Error: the print PDF failed its own preflight: pages 1 and \d+: error: images: "
        r"the brand's logo \S*small\.png \(200 x 200 px\) is 149 ppi at its printed size "
        r"\(34 x 34 mm, at \d+ mm from the left, \d+ mm from the top\): print needs 300 ppi "
        r"\(ask for the logo as SVG, or as a PNG of at least 402 x 402 px\)", line), line
    # check says so before the build, at the logo's path in the brand file
    checked = run("check", "--brand", str(brand_dir / "_brand.yml"))
    lines = [found for found in checked.stdout.splitlines() if "ppi" in found]
    assert lines == [
        "Warning: brand/_brand.yml:12:7: logo.images.mark.path: the logo (200 x 200 px) is "
        "149 ppi at its printed size on the cover (34 mm); print needs 300 ppi, so `smguide "
        "pdf --print` refuses it (ask for the logo as SVG, or as a PNG of at least 402 x "
        "402 px)"], checked.stdout
