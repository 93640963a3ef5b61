"""Layouts that adapt to the language: the Dutch guide (tests/fixtures/dutch) set in French
labels on A5, read back with pdfplumber for where the words really are: the practice
labels' column is as wide as its longest label, a contents entry that wraps hangs under
its title, not its number, a running head stays on one line (a chapter's short_title, or
its title cut with an ellipsis), and `code` is never hyphenated."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from smguide.commands.build import build_pdf
from smguide.model.options import PrintOptions, Sources
from smguide.resources import builtin

DUTCH = Path(__file__).resolve().parents[1] / "fixtures" / "dutch"
BRAND = builtin("brand") / "_brand.yml"
LONG_WHY = "Pourquoi c’est utile"  # longer than any 14 mm column
IDENT = "planbordsynchronisatieinstellingen"


def french_variant(folder: Path) -> Path:
    """The Dutch guide with French labels, a long practice label and `code` in the text."""
    shutil.copytree(DUTCH, folder)
    guide = folder / "guide.yaml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("language: nl", "language: fr"),
                     encoding="utf-8")
    labels = folder / "labels.yaml"
    text = labels.read_text(encoding="utf-8")
    for old, new in {"what: Wat": "what: Quoi", "why: Waarom": f"why: {LONG_WHY}",
                     "contents: Inhoud": "contents: Sommaire"}.items():
        assert old in text
        text = text.replace(old, new)
    labels.write_text(text, encoding="utf-8")
    chapter = folder / "chapters" / "02-afdelingen.yaml"
    text = chapter.read_text(encoding="utf-8").replace(
        "title: De drie afdelingen naast elkaar\n",
        "title: De drie afdelingen naast elkaar\nshort_title: Drie afdelingen\n")
    old = "why: Zo ziet het magazijn wat transport morgen nodig heeft."
    assert old in text
    chapter.write_text(text.replace(old, f'why: "Zo ziet het magazijn in `{IDENT}` en in '
                                         f'`{IDENT}` wat transport morgen nodig heeft."'),
                       encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Any:
    base = tmp_path_factory.mktemp("fr")
    out = base / "livret.pdf"
    build_pdf(Sources(french_variant(base / "content"), BRAND), out, PrintOptions(paper="a5"))
    with pdfplumber.open(out) as pdf:
        yield [page.extract_words(use_text_flow=True, extra_attrs=["fontname"])
               for page in pdf.pages]


def lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into lines (same baseline within 1.5 pt), left to right."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        if rows and abs(rows[-1][0]["bottom"] - word["bottom"]) < 1.5:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w["x0"]) for row in rows]


def test_practice_labels_take_the_width_of_the_longest(pages: Any) -> None:
    page = next(p for p in pages if any(w["text"] == "Quoi" for w in p))
    rows = lines(page)
    whats = [row for row in rows if row[0]["text"] == "Quoi"]
    whys = [row for row in rows if row[0]["text"] == LONG_WHY.split()[0]]
    assert len(whats) == len(whys) == 2
    for what, why in zip(whats, whys, strict=True):
        label = why[:3]
        assert " ".join(w["text"] for w in label) == LONG_WHY  # on one line
        label_end = label[-1]["x1"]
        text_start = why[len(label)]["x0"]
        assert text_start > label_end + 4  # a gap, no overprint
        assert what[1]["x0"] == pytest.approx(text_start, abs=0.5)  # one column for both
        assert text_start - label_end < 12  # and no wider than the label needs


def test_a_long_contents_entry_hangs_under_its_title(pages: Any) -> None:
    rows = lines(pages[1])
    first = next(i for i, row in enumerate(rows) if row[0]["text"] == "1")
    number, title = rows[first][0], rows[first][1]
    assert title["text"] == "Welkom"
    wrapped = rows[first + 1]
    assert wrapped[0]["x0"] == pytest.approx(title["x0"], abs=0.5)
    assert wrapped[0]["x0"] > number["x1"] + 4
    # the page numbers of one-line and wrapped entries end at the same edge
    ends = [row[-1]["x1"] for row in rows if row[-1]["text"].isdigit() and len(row) > 2]
    assert len(ends) == 5 and max(ends) - min(ends) < 0.5


def test_code_is_never_hyphenated_and_never_overflows(pages: Any) -> None:
    page = next(p for p in pages if any(w["text"].startswith(IDENT[:12]) for w in p))
    rows = lines(page)
    right = max(w["x1"] for w in rows[-1])  # the footer line ends at the text's edge
    fonts = {w["fontname"] for w in page if w["text"].startswith(IDENT[:12])}
    pieces = [w["text"] for w in page if w["fontname"] in fonts]
    assert "".join(pieces) == IDENT * 2  # broken where the line ends, with no hyphen
    assert all(w["x1"] <= right + 0.5 for w in page)


def test_running_heads_stay_on_one_line(pages: Any) -> None:
    heads = {}
    # the text block's right edge on left and right pages: where the footer line ends (the
    # folio or the footer text is set flush with it); ragged body lines stop short of it
    edges: dict[int, float] = {}
    for number, page in enumerate(pages[2:]):
        ends = [w["x1"] for w in lines(page)[-1]]
        edges[number % 2] = max([edges.get(number % 2, 0.0), *ends])
    for number, page in enumerate(pages[2:]):
        rows = lines(page)
        body = [w for row in rows[1:-1] for w in row]
        if not body or rows[0][0]["top"] > 60:  # a chapter's opening page has no head
            continue
        right = edges[number % 2]
        head = rows[0]
        # one line, then the text: a wrapped head's second line would start within about
        # 2 pt of the first; a single head sits a line space above the text (about 5.8 pt
        # between the head's descent and the text's top on A5, where it is 1.6 mm above it)
        assert rows[1][0]["top"] - head[0]["bottom"] > 4
        assert head[-1]["x1"] <= right + 0.5
        heads[" ".join(w["text"] for w in head)] = True
    title = "Welkom aan boord bij een bedrijf dat containers, pallets en pakketten verplaatst"
    cut = [head for head in heads if head.endswith("\u2026")]
    assert len(cut) == 1 and title.startswith(cut[0][:-1]) and " " + cut[0].split()[-1][:-1] \
        in title  # cut after a whole word
    assert "Drie afdelingen" in heads  # the short_title
    assert not any(head.startswith("De drie afdelingen") for head in heads)
