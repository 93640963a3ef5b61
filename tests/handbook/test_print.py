"""The print PDF (`smguide pdf --print`) as a print shop's preflight reads it: PDF/X-4 with
a CMYK output intent, no device RGB, black text on the black plate only. Every property
is read back with an independent tool: pdfinfo, pdffonts, qpdf, Ghostscript, pikepdf."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from click.testing import Result
from PIL import Image, ImageCms

from smguide.safety.iccprofile import DEFAULT_PROFILE
from tests.conftest import edit
from tests.pagequality import measure
from tests.pdftools import figure_alts, is_notes_page, page_texts

MM = 72 / 25.4

needs_gs = pytest.mark.skipif(shutil.which("gs") is None,
                              reason="Ghostscript (scripts/bootstrap --test installs it)")
GS_CMYK = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")  # ships with Ghostscript

SMGUIDE = "defaults:\n  smguide:\n"  # where the built-in brand's print: section can go


def tool(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True,
                          check=True).stdout


def ink(pdf: Path, device: str = "ink_cov") -> list[tuple[float, float, float, float]]:
    """Ghostscript's ink per page inside the trim, in percent: C, M, Y, K."""
    out = tool("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dUseTrimBox", f"-sDEVICE={device}",
               "-r50", "-o", "-", pdf)
    return [tuple(float(v) for v in line.split()[:4])  # type: ignore[misc]
            for line in out.splitlines() if line.strip().endswith("OK")]


def plates(pdf: Path, folder: Path) -> list[dict[str, bytes]]:
    """Ghostscript's separations (tiffsep) of every page: plate name -> 8-bit samples,
    255 = no ink."""
    tool("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dUseTrimBox", "-sDEVICE=tiffsep", "-r50",
         "-o", folder / "sep%03d.tif", pdf)
    count = len(list(folder.glob("sep[0-9][0-9][0-9].tif")))
    return [{name: Image.open(folder / f"sep{n:03d}({name}).tif").convert("L").tobytes()
             for name in ("Cyan", "Magenta", "Yellow", "Black")} for n in range(1, count + 1)]


def rich_share(page: dict[str, bytes]) -> tuple[int, float]:
    """(pixels carrying black, the share of them that carry cyan, magenta or yellow too)."""
    inked = rich = 0
    for c, m, y, k in zip(page["Cyan"], page["Magenta"], page["Yellow"], page["Black"],
                          strict=True):
        if k < 200:
            inked += 1
            rich += min(c, m, y) < 255
    return inked, rich / max(inked, 1)


TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
COLOUR_SETTING = {"k": "fill", "K": "stroke", "sc": "fill", "scn": "fill", "SC": "stroke",
                  "SCN": "stroke", "g": "fill", "G": "stroke"}
Fill = tuple[float, ...]


def painting(pdf: pikepdf.Pdf, page: pikepdf.Page) -> tuple[Counter[Fill], set[Fill], bool]:
    """What one page's content streams (and the forms they draw) paint: how many
    text-showing operators each fill colour paints, every fill and stroke colour set, and
    whether a picture is drawn. Read with pikepdf's content stream parser, following q/Q."""
    text: Counter[Fill] = Counter()
    colours: set[Fill] = set()
    pictures = False

    def walk(stream: object, resources: object, fill: Fill) -> None:
        nonlocal pictures
        stack: list[Fill] = []
        for instruction in pikepdf.parse_content_stream(stream):  # type: ignore[arg-type]
            op, operands = str(instruction.operator), instruction.operands
            if op == "q":
                stack.append(fill)
            elif op == "Q" and stack:
                fill = stack.pop()
            elif op in COLOUR_SETTING and not any(isinstance(v, pikepdf.Name)
                                                   for v in operands):  # not a pattern
                value = tuple(round(float(v), 3) for v in operands)
                colours.add(value)
                if COLOUR_SETTING[op] == "fill":
                    fill = value
            elif op in TEXT_SHOWING:
                text[fill] += 1
            elif op == "Do":
                xobject = resources.XObject[operands[0]]  # type: ignore[attr-defined]
                if xobject.Subtype == "/Image":
                    pictures = True
                else:
                    walk(xobject, xobject.get("/Resources", resources), fill)
            elif op == "BI":
                pictures = True

    walk(page, page.Resources, (0.0,))
    return text, colours, pictures


def test_print_pdf_is_pdfx4_with_a_cmyk_output_intent(print_pdf: Path) -> None:
    info = tool("pdfinfo", print_pdf)
    assert re.search(r"PDF subtype:\s+PDF/X-4", info) and "Tagged:          yes" in info
    assert "No syntax or stream encoding errors" in tool("qpdf", "--check", print_pdf)
    with pikepdf.open(print_pdf) as pdf:
        assert pdf.pdf_version == "1.6"  # what PDF/X-4 is based on
        assert str(pdf.docinfo["/GTS_PDFXVersion"]) == "PDF/X-4"
        assert pdf.docinfo["/Trapped"] == pikepdf.Name("/False")
        meta = pdf.open_metadata()
        assert meta["pdfxid:GTS_PDFXVersion"] == "PDF/X-4"
        assert meta["{http://www.aiim.org/pdfua/ns/id/}part"] == "1"  # still PDF/UA
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFX" and str(intent.OutputConditionIdentifier) == "FOGRA39"
        assert str(intent.RegistryName) == "http://www.color.org"
        embedded = intent.DestOutputProfile.read_bytes()
    assert embedded == DEFAULT_PROFILE.read_bytes()
    profile = ImageCms.ImageCmsProfile(str(DEFAULT_PROFILE)).profile
    assert (profile.xcolor_space.strip(), profile.device_class) == ("CMYK", "prtr")


def test_every_page_has_trim_and_bleed_and_every_font_is_embedded(print_pdf: Path) -> None:
    boxes = tool("pdfinfo", "-box", "-f", "1", "-l", "999", print_pdf)
    pages = int(re.search(r"Pages:\s+(\d+)", boxes)[1])  # type: ignore[index]
    mm = 72 / 25.4
    trims = re.findall(r"Page\s+\d+ TrimBox:\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)",
                       boxes)
    bleeds = re.findall(r"Page\s+\d+ BleedBox:\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+"
                        r"([-\d.]+)", boxes)
    assert len(trims) == len(bleeds) == pages and pages % 4 == 0  # a booklet's pages
    for trim, bleed in zip(trims, bleeds, strict=True):
        t, b = [float(v) for v in trim], [float(v) for v in bleed]
        assert round(t[2] - t[0]) == 595 and round(t[3] - t[1]) == 842  # A4 trim
        assert abs((t[0] - b[0]) - 3 * mm) < 0.05  # 3 mm bleed
    fonts = tool("pdffonts", print_pdf).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # emb column


def test_no_device_rgb_anywhere_and_the_tags_stay(print_pdf: Path, tmp_path: Path) -> None:
    qdf = tmp_path / "flat.pdf"  # every stream decompressed, no object streams: greppable
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(print_pdf), str(qdf)],
                   check=True)
    data = qdf.read_bytes()
    assert b"DeviceRGB" not in data
    assert not re.search(rb"\s(rg|RG)\n", data)  # no RGB colour operator in any stream
    assert b"/DeviceCMYK" in data
    alts = figure_alts(print_pdf)
    assert alts and all(alts) and any("seed" in alt.lower() for alt in alts)


def test_the_screen_pdf_stays_srgb(default_pdf: Path) -> None:
    with pikepdf.open(default_pdf) as pdf:
        assert "/OutputIntents" not in pdf.Root and "/GTS_PDFXVersion" not in pdf.docinfo
        assert pdf.open_metadata()["{http://www.aiim.org/pdfua/ns/id/}part"] == "1"
    assert "PDF/X" not in tool("pdfinfo", default_pdf)


@needs_gs
def test_body_text_and_notes_pages_print_on_the_black_plate(
        print_pdf: Path, default_pdf: Path, tmp_path: Path) -> None:
    texts = page_texts(print_pdf)
    separations = plates(print_pdf, tmp_path)
    assert len(separations) == len(texts)
    notes = [n for n, text in enumerate(texts) if is_notes_page(text)]
    assert notes
    for n in notes:  # the writing lines on black only; colour at most in the label on top
        page = separations[n]
        top = len(page["Black"]) // 5
        assert min(page["Black"][top:]) < 235  # the lines are there
        for name in ("Cyan", "Magenta", "Yellow"):
            assert min(page[name][top:]) == 255, (n + 1, name)
    # text pages: nearly all black-carrying pixels carry black alone (headings, accents
    # and tinted boxes are the rest); the RGB screen PDF's near-black prints on all four
    shares = [rich_share(page) for page in separations[1:-1]]  # not the covers
    inked = sum(count for count, _ in shares)
    rich = sum(count * share for count, share in shares)
    assert inked > 100_000 and rich / inked < 0.3
    screen = tmp_path / "screen"
    screen.mkdir()
    _, screen_share = rich_share(plates(default_pdf, screen)[2])
    assert screen_share > 0.9


def test_black_text_prints_as_solid_black_not_a_screen_of_it(print_pdf: Path) -> None:
    # the brand's ink (#1d2327) is a near-black: body text, the contents, tables and black
    # headings print as 100 % K, not as a 96 % dot screen (fuzzy at 11 pt); the greys
    # (muted text, rules) keep their tints; nothing is a rich black
    with pikepdf.open(print_pdf) as pdf:
        fills: Counter[Fill] = Counter()
        for page in pdf.pages:
            fills.update(painting(pdf, page)[0])
    shown = sum(fills.values())
    assert fills[(0.0, 0.0, 0.0, 1.0)] > 0.75 * shown, fills.most_common(6)
    screens = {fill: n for fill, n in fills.items()
               if len(fill) == 4 and fill[:3] == (0, 0, 0) and 0.85 < fill[3] < 1}
    assert not screens  # was 1335 text operators at 0 0 0 0.961
    assert all(len(fill) == 4 for fill in fills), fills  # every text colour CMYK
    assert any(len(f) == 4 and f[:3] == (0, 0, 0) and 0.3 < f[3] < 0.85 for f in fills)


@needs_gs
def test_a_text_only_page_prints_on_the_black_plate_alone_in_solid_black(
        print_pdf: Path, tmp_path: Path) -> None:
    # pages whose content paints only in black and greys (the imprint, any page of text
    # without a coloured heading): Ghostscript's inkcov finds no cyan, magenta or yellow
    # on them (no rich black from a transparency group or a profile conversion), and its
    # separations, not anti-aliased, show the text as solid black, never a screen of it
    texts = page_texts(print_pdf)
    with pikepdf.open(print_pdf) as pdf:
        painted = [painting(pdf, page) for page in pdf.pages]
    grey = [n for n, (text, colours, pictures) in enumerate(painted)
            if 0 < n < len(painted) - 1 and text and not pictures
            and not is_notes_page(texts[n])
            and all(len(c) == 1 or (len(c) == 4 and c[:3] == (0, 0, 0)) for c in colours)]
    assert len(painted) - 2 in grey  # the imprint (inside the back cover), at least
    coverage = tool("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dUseTrimBox", "-sDEVICE=inkcov",
                    "-r50", "-sPageList=" + ",".join(str(n + 1) for n in grey), "-o", "-",
                    print_pdf).splitlines()
    inks = [[float(v) for v in line.split()[:4]] for line in coverage if "CMYK OK" in line]
    assert len(inks) == len(grey)
    for n, (c, m, y, k) in zip(grey, inks, strict=True):
        assert c == m == y == 0 and k > 0, (n + 1, c, m, y, k)
    tool("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dUseTrimBox", "-sDEVICE=tiffsep", "-r100",
         "-dTextAlphaBits=1", "-dGraphicsAlphaBits=1",
         "-sPageList=" + ",".join(str(n + 1) for n in grey), "-o", tmp_path / "sep%03d.tif",
         print_pdf)
    for number, n in enumerate(grey, start=1):
        black = Counter(Image.open(tmp_path / f"sep{number:03d}(Black).tif").convert("L")
                        .tobytes())  # 255: no ink, 0: solid
        assert black[0] > 200, n + 1  # the text (on the imprint, its title line)
        assert not sum(count for value, count in black.items() if 0 < value < 26), n + 1


@needs_gs
def test_ink_per_page_stays_light_and_the_cover_is_the_brand_green(print_pdf: Path) -> None:
    pages = ink(print_pdf)
    assert len(pages) % 4 == 0
    for cover in (pages[0], pages[-1]):  # front and back
        assert cover[0] > 50 and cover[1] < 1 and cover[3] > 40  # the green: C, no M, K
    for c, m, y, k in pages[1:-1]:
        assert c + m + y + k < 25  # text pages: a little ink, mostly black
        assert k >= max(c, m, y)


@needs_gs
def test_brand_cmyk_values_print_exactly_and_print_writes_its_own_file(
        run: Callable[..., Result], tmp_path: Path, brand_dir: Path) -> None:
    edit(brand_dir / "_brand.yml", SMGUIDE,
         SMGUIDE + "    print:\n      cmyk:\n        forest: [90, 20, 80, 30]\n")
    (tmp_path / "output").mkdir()
    screen = tmp_path / "output" / "handbook.pdf"
    screen.write_bytes(b"the screen PDF")
    result = run("pdf", "--print", "--brand", str(brand_dir / "_brand.yml"))
    assert result.exit_code == 0, result.output
    assert screen.read_bytes() == b"the screen PDF"  # --print never overwrites it
    cover = ink(tmp_path / "output" / "handbook-print.pdf")[0]
    assert cover[0] > 80 and 15 < cover[1] < 25 and cover[2] > 70  # 90 20 80 30


def test_a_profile_that_is_not_cmyk_output_is_refused_in_one_line(
        run: Callable[..., Result], tmp_path: Path) -> None:
    srgb = tmp_path / "screen.icc"
    srgb.write_bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    out = tmp_path / "print.pdf"
    result = run("pdf", "--print", "--output-profile", str(srgb), "-o", str(out))
    assert result.exit_code == 1 and not out.exists()
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error: --output-profile: ") and "not a CMYK output profile" in line
    garbage = tmp_path / "notes.icc"
    garbage.write_text("not a profile")
    result = run("pdf", "--print", "--output-profile", str(garbage), "-o", str(out))
    assert result.exit_code == 1 and "not an ICC profile" in result.stderr


def test_a_brand_profile_that_is_not_cmyk_is_refused_with_its_line(
        run: Callable[..., Result], tmp_path: Path, brand_dir: Path) -> None:
    (brand_dir / "screen.icc").write_bytes(
        ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    edit(brand_dir / "_brand.yml", SMGUIDE, SMGUIDE + "    print:\n      profile: screen.icc\n")
    result = run("pdf", "--print", "--brand", str(brand_dir / "_brand.yml"),
                 "-o", str(tmp_path / "p.pdf"))
    assert result.exit_code == 1 and not (tmp_path / "p.pdf").exists()
    assert re.search(r"_brand.yml:\d+:\d+: defaults.smguide.print.profile: .*not a CMYK "
                     r"output profile", result.stderr)


def test_a_letter_edition_is_made_for_gracol_as_a_us_print_shop_expects(
        letter_print_pdf: Path) -> None:
    """US Letter goes to a US print shop, which prints to GRACoL (CGATS TR 006), not to
    the European FOGRA39: the PDF/X's output intent names that condition and embeds the
    shipped GRACoL profile (read back with pikepdf and LittleCMS); the A4 edition keeps
    FOGRA39 (test_print_pdf_is_pdfx4_with_a_cmyk_output_intent)."""
    from smguide.safety.iccprofile import GRACOL_PROFILE

    with pikepdf.open(letter_print_pdf) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert str(intent.OutputConditionIdentifier) == "CGATS TR 006"
        assert str(intent.RegistryName) == "http://www.color.org"
        assert "GRACoL" in str(intent.Info)
        embedded = intent.DestOutputProfile.read_bytes()
    assert embedded == GRACOL_PROFILE.read_bytes()
    profile = ImageCms.ImageCmsProfile(io.BytesIO(embedded)).profile
    assert (profile.xcolor_space.strip(), profile.device_class) == ("CMYK", "prtr")
    assert "GRACoL" in profile.profile_description
    info = tool("pdfinfo", letter_print_pdf)
    assert re.search(r"PDF subtype:\s+PDF/X-4", info)
    assert "No syntax or stream encoding errors" in tool("qpdf", "--check", letter_print_pdf)


@pytest.mark.skipif(not GS_CMYK.is_file(), reason="needs Ghostscript's default CMYK profile")
def test_the_print_shops_own_profile_becomes_the_output_intent(
        run: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "shop.pdf"
    result = run("pdf", "--print", "--output-profile", str(GS_CMYK), "-o", str(out))
    assert result.exit_code == 0, result.output
    with pikepdf.open(out) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.DestOutputProfile.read_bytes() == GS_CMYK.read_bytes()
        description = ImageCms.ImageCmsProfile(str(GS_CMYK)).profile.profile_description
        assert str(intent.OutputConditionIdentifier) == description.strip()


A98 = Path("/usr/share/color/icc/ghostscript/a98.icc")  # Adobe RGB, ships with Ghostscript


@pytest.mark.skipif(not A98.is_file(), reason="needs Ghostscript's Adobe RGB profile")
def test_pictures_keep_a_profile_and_their_resolution_is_reported(
        run: Callable[..., Result], tmp_path: Path, content: Path) -> None:
    (content / "images").mkdir()
    Image.new("RGB", (600, 400), "#2f6b4f").save(content / "images/team.png")
    Image.new("RGB", (1200, 800), "#b5652a").save(content / "images/office.jpg", quality=90,
                                                   icc_profile=A98.read_bytes())
    edit(content / "chapters/01-mixed-up.yaml", "blocks:\n",
         "blocks:\n  - type: image\n    src: images/team.png\n    alt: The team\n"
         "    width: 50\n  - type: image\n    src: images/office.jpg\n    alt: The office\n"
         "    width: 50\n", 1)
    out = tmp_path / "print.pdf"
    result = run("pdf", "--print", "--content", str(content), "-o", str(out))
    assert result.exit_code == 0, result.output
    # the PNG, 600 px over half the column, is under 300 ppi: a warning, and still written
    assert re.search(r"Warning: preflight: page \d+: warning: images: a 600 x 400 px picture "
                     r"is \d+ ppi", result.stderr)
    listed = tool("pdfimages", "-list", out).splitlines()[2:]
    rows = [line.split() for line in listed if line.split()[2] == "image"]
    assert len(rows) == 2 and all(row[5] == "icc" for row in rows)  # no device RGB picture
    report = run("preflight", str(out)).stdout
    found = [int(ppi) for ppi in
             re.findall(r"px picture printed [\d x]+ mm at [^:]+: (\d+) ppi", report)]
    assert sorted(found) == pytest.approx(sorted(int(row[12]) for row in rows), abs=2)
    with pikepdf.open(out) as pdf:
        profiles = {bytes(obj.ColorSpace[1].read_bytes()) for obj in pdf.objects
                    if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"
                    and isinstance(obj.get("/ColorSpace"), pikepdf.Array)}
    assert A98.read_bytes() in profiles and len(profiles) == 2  # Adobe RGB, and sRGB


def test_every_pictogram_prints_without_hairlines_at_the_smallest_size(
        run: Callable[..., Result], tmp_path: Path) -> None:
    # the pictograms' thin strokes, drawn small in the diagram and smaller in its key, must
    # still pass the print preflight (no line under 0.25 pt), on A5's narrow column
    from smguide.model.pictograms import PICTOGRAMS

    content = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[1] / "fixtures" / "dutch", content)
    names = sorted(PICTOGRAMS)
    blocks = []
    for start in range(0, len(names), 9):
        parts = "".join(f"      - symbol: {name}\n        name: Deel {name}\n"
                        f"        stands_for: Iets\n        explanation: Uitleg.\n"
                        for name in names[start:start + 9])
        blocks.append(f"  - type: analogy\n    parts:\n{parts}    alt: Alle pictogrammen.\n")
    chapter = next((content / "chapters").glob("*.yaml"))
    chapter.write_text(chapter.read_text(encoding="utf-8").rstrip("\n") + "\n"
                       + "".join(blocks), encoding="utf-8")
    out = tmp_path / "all.pdf"
    result = run("pdf", "--print", "--paper", "a5", "--content", str(content), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "Preflight passed" in result.output + result.stderr
    assert len(figure_alts(out)) >= len(blocks)
    # the running heads, folios and notes headings at least 10 mm inside the TrimBox
    edge = measure(out)
    assert edge.furniture_edge_mm >= 10, edge.furniture_edge_what


def test_near_black_text_colours_become_solid_black_and_greys_keep_their_tint() -> None:
    from smguide.handbook.cmyk import CmykConverter
    from smguide.safety.iccprofile import load_output_profile

    converter = CmykConverter(load_output_profile(None, ""), {},
                              k_only=("#1d2327", "#2b2f33", "#5f6467"))

    def cmyk(hex_value: str) -> tuple[float, ...]:
        return converter.cmyk(tuple(int(hex_value[i:i + 2], 16) / 255 for i in (1, 3, 5)))

    for near_black in ("#1d2327", "#2b2f33", "#222222", "#333333", "#000000"):
        assert cmyk(near_black) == (0, 0, 0, 1), near_black  # a brand's ink, #333
    for grey in ("#5f6467", "#444444", "#999999"):  # muted text, greys: their own tints
        c, m, y, k = cmyk(grey)
        assert c == m == y == 0 and 0.3 < k < 0.9, grey
    c, m, y, k = cmyk("#2f6b4f")  # a colour keeps its inks
    assert c > 0.5 and y > 0.4


def test_the_print_folio_is_the_page_number_alone_and_the_screen_pdf_keeps_its_total(
        print_pdf: Path, default_pdf: Path) -> None:
    # a booklet's reader holds it: "Page 5 of 36" would count the covers and notes pages
    pages = tool("pdftotext", "-layout", print_pdf, "-").split("\f")[:-1]
    footers = {n: [line for line in text.splitlines() if line.strip()][-1].strip()
               for n, text in enumerate(pages, start=1) if text.strip()}
    folioed = [n for n in footers if 1 < n < len(pages) - 1]  # not the covers, the imprint
    assert len(folioed) > 20
    for n in folioed:  # the number at the outer edge: left on even pages, right on odd
        footer = footers[n]
        assert re.fullmatch(r"\d+\s+.+" if n % 2 == 0 else r".+\s+\d+", footer), (n, footer)
        assert footer.split()[0 if n % 2 == 0 else -1] == str(n), (n, footer)
        assert "Page" not in footer and " of " not in footer, (n, footer)
    screen = tool("pdftotext", "-layout", default_pdf, "-").split("\f")[:-1]
    assert re.search(rf"Page 5 of {len(screen)}\b", screen[4])  # the screen PDF's folio


def test_the_folio_stands_at_the_notes_margins_outer_edge(print_pdf: Path,
                                                         default_pdf: Path) -> None:
    """On A4 the folio is not alone at the text block's edge, 64 mm inside the trim: it
    stands at the notes margin's outer edge, where a chapter's opener ends (14 mm from
    the trim), left on a left-hand page, right on a right-hand one; in the screen PDF
    too. Read back with pdfplumber, against the print PDF's TrimBox."""
    import pdfplumber

    from smguide.handbook.grid import REACH_CLEAR

    for path, folio in ((print_pdf, "{n}"), (default_pdf, "Page {n} of {total}")):
        with pdfplumber.open(path) as pdf:
            checked = 0
            for n, page in enumerate(pdf.pages, start=1):
                trim = [float(v) for v in page.page_obj.attrs.get("TrimBox", page.mediabox)]
                # the words in the foot margin: 3 to 20 mm above the trim's bottom edge
                line = sorted((w for w in page.extract_words()
                               if 3 * MM < page.height - w["bottom"] - trim[1] < 20 * MM),
                              key=lambda w: w["x0"])
                text = " ".join(w["text"] for w in line)
                number = folio.format(n=n, total=len(pdf.pages))
                if not 1 < n < len(pdf.pages) - 1 or number not in text:
                    continue
                if n % 2 == 0:  # a left-hand page: the folio opens the line
                    assert text.startswith(number + " "), text
                    edge = (line[0]["x0"] - trim[0]) / MM
                else:
                    assert text.endswith(" " + number), text
                    edge = (trim[2] - line[-1]["x1"]) / MM
                assert abs(edge - REACH_CLEAR) < 1, (path.name, n, edge)
                checked += 1
            assert checked > 20, path.name


def test_near_black_headings_print_as_solid_black_too(
        run: Callable[..., Result], tmp_path: Path, brand_dir: Path) -> None:
    # a blue-black heading colour (#202833, not the text's) was converted through the
    # profile: headings in a rich black of four inks (C53 M36 Y20 K85), on four plates
    edit(brand_dir / "_brand.yml", 'color: {light: forest, dark: "#7fb796"}',
         'color: {light: "#202833", dark: "#7fb796"}')
    out = tmp_path / "print.pdf"
    result = run("pdf", "--print", "--brand", str(brand_dir / "_brand.yml"), "-o", str(out))
    assert result.exit_code == 0, result.output
    with pikepdf.open(out) as pdf:
        fills: Counter[Fill] = Counter()
        for page in pdf.pages:
            fills.update(painting(pdf, page)[0])
    rich = {fill: n for fill, n in fills.items() if len(fill) == 4 and fill[3] >= 0.7
            and any(fill[:3])}
    assert not rich and fills[(0.0, 0.0, 0.0, 1.0)] > 1000, fills
