"""The printed handbook as a booklet: imprint inside the front cover, a back cover, pages
padded to a multiple of 4, and `--booklet` printer spreads in imposition order, checked
from the text of each half sheet (pdftotext) and the boxes (pdfinfo)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from click.testing import Result
from PIL import Image

from smguide.handbook.impose import impose, spread_order
from tests.conftest import edit
from tests.pdftools import is_notes_page, page_texts

MM = 72 / 25.4


def half_texts(pdf: Path) -> list[tuple[str, str]]:
    """The text of the left and right half of each sheet's trim, by pdftotext."""
    info = subprocess.run(["pdfinfo", "-box", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info)[1])  # type: ignore[index]
    media = [float(v) for v in re.search(r"MediaBox:\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)",
                                         info).groups()]  # type: ignore[union-attr]
    trim = [float(v) for v in re.search(r"TrimBox:\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)",
                                        info).groups()]  # type: ignore[union-attr]
    left = trim[0] - media[0]  # pdftotext crops in points from the MediaBox's top-left
    width, height = (trim[2] - trim[0]) / 2, media[3] - media[1]
    halves = []
    for page in range(1, count + 1):
        texts = []
        for x in (left, left + width):
            texts.append(subprocess.run(
                ["pdftotext", "-f", str(page), "-l", str(page), "-x", str(int(x) + 1), "-y",
                 "0", "-W", str(int(width) - 2), "-H", str(int(height)), str(pdf), "-"],
                capture_output=True, text=True, check=True).stdout)
        halves.append((texts[0], texts[1]))
    return halves


def folio(text: str) -> int | None:
    """A printed page's folio (pdftotext's text of the page): the number alone on a line
    of the footer, beside the footer's text."""
    last = [line.strip() for line in text.splitlines() if line.strip()][-3:]
    return next((int(line) for line in last if line.isdigit()), None)


def test_the_print_handbook_is_a_booklet_with_imprint_and_back_cover(print_pdf: Path) -> None:
    texts = page_texts(print_pdf)
    assert len(texts) % 4 == 0
    assert "Greenfield Trading Co." in texts[-1] and "First edition" in texts[-1]  # back cover
    assert "Glossary" not in texts[-1] and "Page" not in texts[-1]
    # the imprint on the inside back cover, the contents inside the front cover, facing
    # chapter 1 (the imprint there left a notes page between the contents and chapter 1)
    assert "Sales and Marketing" in texts[-2] and "Greenfield Trading Co." in texts[-2]
    assert "Contents" in texts[1] and "Welcome" in texts[2]
    assert not any(is_notes_page(text) for text in texts[:3])
    assert not is_notes_page(texts[-2])  # the padding's notes pages, if any, come before it
    pages = subprocess.run(["pdftotext", str(print_pdf), "-"], capture_output=True,
                           text=True, check=True).stdout.split("\f")[:-1]
    folios = [(n, folio(text)) for n, text in enumerate(pages, 1)
              if 1 < n < len(pages) - 1 and "Contents" not in text]  # not its chapter numbers
    numbered = [(n, found) for n, found in folios if found is not None]
    assert len(numbered) >= 18 and numbered[-1][0] == len(texts) - 2  # padding included
    assert all(found == n for n, found in numbered)  # the page number, counted from the cover


def cover_edges(pdf: Path, page: int, folder: Path) -> tuple[int, int]:
    """Where a cover's logo and its text start, in points from the trim's left edge: the
    leftmost light pixel (on the brand colour) in the top third of the trim (the logo)
    and in its bottom third (the organisation's rule and lines), as pdftoppm draws it."""
    dpi = 72
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(folder / f"cover{page}")], check=True)
    with pikepdf.open(pdf) as doc:
        media = [float(v) for v in doc.pages[page - 1].MediaBox]
        trim = [float(v) for v in doc.pages[page - 1].TrimBox]
    image = Image.open(folder / f"cover{page}.png").convert("L")
    left, top = round(trim[0] - media[0]), round(media[3] - trim[3])
    width, height = round(trim[2] - trim[0]), round(trim[3] - trim[1])
    edges = []
    for y0, y1 in ((top, top + height // 3), (top + 2 * height // 3, top + height)):
        light = image.crop((left + 2, y0, left + width - 2, y1)).point(
            lambda v: 255 if v > 200 else 0)
        box = light.getbbox()
        assert box is not None, (page, y0)
        edges.append(box[0] + 2)
    return edges[0], edges[1]


def test_the_back_cover_aligns_its_logo_with_its_text_as_the_front_cover_does(
        print_pdf: Path, tmp_path: Path) -> None:
    # the back cover centred its logo over left-aligned text; the front aligns both left
    front = cover_edges(print_pdf, 1, tmp_path)
    back = cover_edges(print_pdf, len(page_texts(print_pdf)), tmp_path)
    assert abs(front[0] - front[1]) <= 2, front  # logo over the text's left edge
    assert abs(back[0] - back[1]) <= 2, back
    assert abs(back[0] - front[0]) <= 2, (front, back)  # the same margin on both covers


def imprint_lines(pdf: Path) -> list[str]:
    """The imprint's lines (the inside back cover), as pdftotext lays them out."""
    page = str(len(page_texts(pdf)) - 1)
    text = subprocess.run(["pdftotext", "-layout", "-f", page, "-l", page, str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_the_imprint_names_the_edition_the_publisher_and_the_printer(print_pdf: Path) -> None:
    """The work, its edition with the month it is of, the publisher (the © line and the
    contact's address), the printer: each line as guide.yaml gives it."""
    import yaml

    from smguide.resources import builtin

    written = yaml.safe_load((builtin("content") / "guide.yaml").read_text(encoding="utf-8"))
    lines = imprint_lines(print_pdf)
    # the guide gives no date: the build's month (SOURCE_DATE_EPOCH's when set)
    (dated,) = [line for line in lines if re.search(r" [A-Z][a-z]+ 20\d\d$", line)]
    assert re.fullmatch(rf"{written['edition']}, [A-Z][a-z]+ 20\d\d", dated), lines
    year = dated[-4:]
    assert lines.index(dated) < lines.index(f"© {year} Greenfield Trading Co.")
    address = ", ".join(written["contact"]["address"])
    assert lines.index(f"© {year} Greenfield Trading Co.") + 1 == lines.index(address)
    assert lines[-1] == written["printed_by"]
    assert all(len(line.split()) > 1 for line in lines), lines  # no line of one word


def test_the_back_cover_sets_name_and_edition_as_the_front_does(print_pdf: Path) -> None:
    """The organisation's name and the edition under the cover's rule: the same distance
    between their lines on the back cover as on the front (it was 4 mm more), read back
    with pdfplumber."""
    import pdfplumber

    with pdfplumber.open(print_pdf) as pdf:
        gaps = []
        for page in (pdf.pages[0], pdf.pages[-1]):
            words = page.extract_words()
            name = next(w for w in words if w["text"] == "Greenfield")
            edition = next(w for w in words if w["text"] == "First" and w["top"] > name["top"])
            gaps.append(edition["bottom"] - name["bottom"])
    assert abs(gaps[0] - gaps[1]) < 0.5, gaps


def back_cover_words(pdf_path: Path) -> list[dict]:
    """The back cover's words (the last page), by pdfplumber, top to bottom."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        return sorted(pdf.pages[-1].extract_words(), key=lambda w: (round(w["top"]), w["x0"]))


def first_word(words: list[dict], text: str, below: float = -1) -> dict:
    return next(w for w in words if w["text"] == text and w["top"] > below)


def test_the_back_cover_says_what_to_do_next_and_whom_to_ask(print_pdf: Path) -> None:
    """What to do next (the deck's next step), then whom to ask (the guide's contact: the
    team, its e-mail, phone and web beside the address), above the rule with the name and
    the edition under it, each line as the guide writes it."""
    import yaml

    from smguide.resources import builtin

    written = yaml.safe_load((builtin("content") / "guide.yaml").read_text(encoding="utf-8"))
    contact, next_step = written["contact"], written["deck"]["next_step"]
    words = back_cover_words(print_pdf)
    said = " ".join(w["text"] for w in words)
    assert next_step in said and "People team" in said, said
    step = first_word(words, next_step.split()[0])
    team = first_word(words, contact["team"].split()[0], below=step["top"])
    ways = [first_word(words, contact[key].split()[0], below=team["top"])
            for key in ("email", "phone", "web")]
    address = [first_word(words, line.split()[0], below=team["top"])
               for line in contact["address"]]
    name = first_word(words, "Greenfield", below=ways[-1]["top"])
    assert step["top"] < team["top"] < ways[0]["top"] < ways[1]["top"] < ways[2]["top"]
    assert [round(w["top"]) for w in address] == [round(w["top"]) for w in ways]  # beside
    assert min(w["x0"] for w in address) > max(w["x1"] for w in ways)
    assert ways[-1]["bottom"] < name["top"] - 8 * MM  # the contact apart, above the rule
    assert all(round(w["x0"]) == round(step["x0"]) for w in (team, ways[0], name))
    assert first_word(words, "First", below=name["top"])  # the edition, under the name


def test_a_contact_that_is_not_what_its_key_asks_for_is_one_line(
        run: Callable[..., Result], content: Path) -> None:
    """Each of the contact's values checked for what it is, each mistake one line: the
    file, the line, the field, what is wrong and how to write it."""
    guide = content / "guide.yaml"
    original = guide.read_text(encoding="utf-8")
    cases = [
        ("email: people@greenfield.example", "email: people.greenfield.example",
         'contact.email: the e-mail address "people.greenfield.example" has no @; write the '
         "whole address, such as people@example.com"),
        ("email: people@greenfield.example", "email: people@greenfield",
         'contact.email: the e-mail address "people@greenfield" needs a name before the @ '
         "and a domain with a dot after it; write the whole address, such as "
         "people@example.com"),
        ('phone: "+44 20 7946 0321"', 'phone: "call 020 7946"',
         'contact.phone: "call 020 7946" is not a phone number; write digits, spaces and '
         "+ ( ) - / only, with the country code, such as +44 20 7946 0000"),
        ("web: greenfield.example/people", "web: greenfield example",
         'contact.web: "greenfield example" is not a web address; write it without spaces, '
         "such as example.com/people or https://example.com/people"),
        ("email: people@greenfield.example", "e-mail: people@greenfield.example",
         'contact.e-mail: unknown key "e-mail" (did you mean "email"?)')]
    for old, new, message in cases:
        line = original.splitlines().index(f"  {old}") + 1
        guide.write_text(original.replace(old, new), encoding="utf-8")
        result = run("check", "--content", str(content))
        assert result.exit_code == 1
        errors = [e for e in result.stdout.splitlines() if e.startswith("Error:")]
        assert errors == [f"Error: content/guide.yaml:{line}:3: {message}"], result.output


def test_the_german_imprint_dates_a_reproducible_build_and_keeps_its_words_together(
        run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 1 December 2025
    out = tmp_path / "de.pdf"
    result = run("pdf", "--print", "--lang", "de", "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = imprint_lines(out)
    assert "Erstausgabe, Dezember 2025" in lines and "© 2025 Greenfield Trading Co." in lines
    assert "14 Orchard Row, Leeds LS2 7QA, Vereinigtes Königreich" in lines
    assert lines[-1] == "Gedruckt bei Northfold Press, Leeds"
    assert all(len(line.split()) > 1 for line in lines), lines  # "brauchen" was alone
    # its notes pages are found under their German heading ("Notizen" was missed)
    texts = page_texts(out)
    notes = [n for n, text in enumerate(texts) if is_notes_page(text)]
    assert notes and all(texts[n].startswith("Notizen") for n in notes)
    assert not any(is_notes_page(text) for text in texts[:3] + texts[-2:])
    # the back cover in German: its labels and the German guide's next step and team
    said = " ".join(w["text"] for w in back_cover_words(out))
    for words in ("NÄCHSTER SCHRITT", "Trinken Sie diese Woche einen Kaffee", "People-Team",
                  "Vereinigtes Königreich"):
        assert words in said, said


def test_a_letter_edition_dates_as_americans_do_and_a_region_is_kept(
        letter_print_pdf: Path) -> None:
    """The imprint names the edition's month, as every English writes it ("December
    2025"); a full date (the cover's) is dated by the paper in English without a region:
    "December 1, 2025" on US Letter, "1 December 2025" on A4 and A5; a guide that names its
    region is dated as that region writes, on any paper."""
    from smguide.sources.languages import dating_language

    assert "First edition, December 2025" in imprint_lines(letter_print_pdf)
    assert [dating_language(language, paper) for language, paper in (
        ("en", "a4"), ("en", "a5"), ("en", "letter"), ("en-GB", "letter"), ("en-US", "a4"),
        ("de", "letter"))] == ["en-001", "en-001", "en-US", "en-GB", "en-US", "de"]


def test_a_notes_page_is_found_by_its_heading_in_english_and_german() -> None:
    assert is_notes_page("Notes Greenfield Trading Co. · for new team members14")
    assert is_notes_page("Notizen Greenfield Trading Co. · für neue Mitarbeitende14")
    assert is_notes_page("Notizen Seite 14 von 32")
    # a page of text that opens with the word is not one, nor a heading with no folio
    assert not is_notes_page("Notizen aus den Vertriebsgesprächen stehen im CRM, unserer "
                             "Kundendatenbank, und jeder liest sie vor dem ersten Termin. 9")
    assert not is_notes_page("Notizblock Greenfield Trading Co. 14")
    assert not is_notes_page("Notizen")


def test_booklet_spreads_are_in_imposition_order(run: Callable[..., Result], tmp_path: Path,
                                                 content: Path) -> None:
    edit(content / "guide.yaml", "edition: First edition",
         'edition: "Edition 2026"\ndate: "2026-03-01"')
    edit(content / "guide.yaml", "printed_by: Printed by Northfold Press, Leeds",
         "printed_by: Printed by Druckhaus Nord, Hamburg")
    # the older form of contact: lines printed as written
    text = (content / "guide.yaml").read_text(encoding="utf-8")
    (content / "guide.yaml").write_text(re.sub(
        r"\ncontact:\n(  .*\n)+", '\ncontact:\n  - people@greenfield.example\n'
        '  - "+44 20 7946 0000"\n', text), encoding="utf-8")
    result = run("pdf", "--booklet", "--content", str(content))
    assert result.exit_code == 0, result.output
    booklet = tmp_path / "output" / "handbook-booklet.pdf"
    assert not (tmp_path / "output" / "handbook-print.pdf").exists()
    told = re.search(r"\((\d+) pages on (\d+) sheets printed both sides, (\d+) spreads",
                     result.stderr)
    assert told, result.stderr
    pages, sheets, spreads = (int(v) for v in told.groups())
    assert pages % 4 == 0 and sheets == pages // 4 and spreads == pages // 2
    with pikepdf.open(booklet) as pdf:
        assert len(pdf.pages) == spreads
        for page in pdf.pages:
            trim = [float(v) for v in page.obj.TrimBox]
            bleed = [float(v) for v in page.obj.BleedBox]
            assert round(trim[2] - trim[0], 1) == round(2 * 595.28, 1)  # two A4 pages
            assert round(trim[0] - bleed[0], 1) == round(3 * MM, 1)
        assert str(pdf.docinfo["/GTS_PDFXVersion"]) == "PDF/X-4" and pdf.Root.OutputIntents
    check = subprocess.run(["qpdf", "--check", str(booklet)], capture_output=True, text=True)
    assert check.returncode == 0
    halves = half_texts(booklet)
    order = spread_order(pages)
    numbered = 0
    for (left_text, right_text), (left, right) in zip(halves, order, strict=True):
        for text, expected in ((left_text, left), (right_text, right)):
            if folio(text) is not None and "Contents" not in text:  # its chapter numbers
                assert folio(text) == expected, (expected, text[-80:])
                numbered += 1
    assert numbered >= 18
    back, front = halves[0]  # the outside of the outer sheet: back cover, front cover
    assert "people@greenfield.example" in back and "Edition 2026" in back
    assert "Sales and Marketing" in front and "A handbook for new team members".upper() in front
    # the imprint, inside the back cover: the month of the guide's date, no word added;
    # its edition "Edition 2026" is said once, by the date
    assert "Printed by Druckhaus Nord, Hamburg" in halves[1][1]
    assert "March 2026" in halves[1][1] and "Edition 2026" not in halves[1][1]
    assert "Contents" in halves[1][0]  # page 2, inside the front cover
    assert run("preflight", str(booklet)).exit_code == 0


def test_creep_moves_the_inner_sheets_pages_towards_the_spine(tmp_path: Path) -> None:
    """On 8 pages (2 sheets), the inner sheet's pages move by the creep, the outer not."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font,
                                                Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    for number in range(1, 9):
        pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[-9, -9, 429, 604], TrimBox=[0, 0, 420, 595],
            BleedBox=[-9, -9, 429, 604],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
            Contents=pdf.make_stream(f"BT /F1 12 Tf 100 300 Td (p{number}) Tj ET".encode()))))
    source = tmp_path / "eight.pdf"
    pdf.save(source)

    def x_of_words(creep: float) -> dict[str, float]:
        out = tmp_path / f"creep{creep}.pdf"
        out.write_bytes(impose(source.read_bytes(), creep))
        html = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True,
                              text=True, check=True).stdout
        return {word: float(x) for x, word in
                re.findall(r'<word xMin="([\d.]+)"[^>]*>(p\d)</word>', html)}

    plain, crept = x_of_words(0.0), x_of_words(2.0)
    assert sorted(plain) == [f"p{n}" for n in range(1, 9)]
    for outer in ("p1", "p2", "p7", "p8"):
        assert crept[outer] == pytest.approx(plain[outer], abs=0.05)
    for left_page in ("p6", "p4"):  # inner sheet, left pages: move right, to the spine
        assert crept[left_page] - plain[left_page] == pytest.approx(2 * MM, abs=0.1)
    for right_page in ("p3", "p5"):
        assert plain[right_page] - crept[right_page] == pytest.approx(2 * MM, abs=0.1)


def test_creep_needs_booklet_and_a_size(run: Callable[..., Result]) -> None:
    result = run("pdf", "--creep", "0.5mm")
    assert result.exit_code == 2 and "--creep needs --booklet" in result.stderr
    result = run("pdf", "--booklet", "--creep", "9mm")
    assert result.exit_code == 2 and "up to 3" in result.stderr
