"""Small type in the print PDF on one ink (handbook/inks.py): read back from the PDF with
pdfplumber, every word under 12 pt is filled with one CMYK ink at most, and every word
reversed out of the multi-ink brand green is at least 10 pt, and bold under 12 pt; for any brand's
colours (the brand corpus's too), what small type prints in is one ink."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest

from smguide.handbook.cmyk import CmykConverter
from smguide.handbook.inks import INK, inks, one_ink, reversed_type, small_type
from smguide.model.colors import palette
from smguide.safety.iccprofile import load_output_profile
from tests.pagequality import measure

REPO = Path(__file__).resolve().parents[2]


def words(pdf: Path) -> list[dict]:
    with pdfplumber.open(pdf) as document:
        return [dict(word, page=number) for number, page in enumerate(document.pages, 1)
                for word in page.extract_words(extra_attrs=["size", "non_stroking_color",
                                                            "fontname"])]


def inks_of(colour: object) -> int:
    values = tuple(colour) if isinstance(colour, (list, tuple)) else (colour,)
    if len(values) == 4:
        return sum(1 for v in values if float(v) >= INK)
    return 1 if len(values) == 1 else 3  # gray: the black plate; RGB: not print colour


def test_no_word_under_12_pt_is_built_from_several_inks(print_pdf: Path) -> None:
    small = [w for w in words(print_pdf) if w["size"] < 12]
    assert len(small) > 1000  # the whole handbook's text was read
    several = [(w["page"], w["text"], round(w["size"], 1), w["non_stroking_color"])
               for w in small if inks_of(w["non_stroking_color"]) > 1]
    assert not several, several[:10]


def thin_reversed(pdf: Path) -> tuple[set[int], list[tuple[int, str, float, str]]]:
    """The pages with type reversed out (paper white), and the reversed words under 10 pt,
    or under 12 pt and not bold."""
    white = [w for w in words(pdf) if isinstance(w["non_stroking_color"], (list, tuple))
             and len(w["non_stroking_color"]) == 4
             and max(float(v) for v in w["non_stroking_color"]) < INK]
    return {w["page"] for w in white}, [
        (w["page"], w["text"], round(w["size"], 2), w["fontname"]) for w in white
        if w["size"] < 9.99 or (w["size"] < 12 and "Bold" not in w["fontname"])]


def test_type_reversed_out_of_the_brand_green_is_at_least_10_pt_and_bold_if_small(
        print_pdf: Path) -> None:
    pages, thin = thin_reversed(print_pdf)
    # the cover, a role card's head, the comparison's header, the practices' numbers
    assert pages >= {1}, pages
    assert not thin, thin[:10]


@pytest.mark.parametrize("lang", [None, "de"])
def test_reversed_type_on_a5_is_at_least_10_pt_the_tables_header_too(
        built_handbook: Callable[..., Path], lang: str | None) -> None:
    """On A5 the comparison's text steps down to 8.74 pt, its column names (1.08 of it)
    to 9.44 pt: in print, white on the green (three inks), they are set at 10 pt."""
    pdf = built_handbook("a5", lang, printed=True)
    pages, thin = thin_reversed(pdf)
    # the comparison's header row: both column names bold side by side on one line
    bold = [(w["page"], round(w["top"]), w["text"]) for w in words(pdf)
            if "Bold" in w["fontname"]]
    table = next(page for page, top, text in bold if text in ("Sales", "Vertrieb")
                 and (page, top, "Marketing") in bold)
    assert {1, table} <= pages, (table, pages)  # the header is reversed, as on A4
    assert not thin, thin[:10]
    report = measure(pdf)  # bench/quality.py's figure: was 9.44 pt, the table's header
    assert report.reversed_pt >= 9.99, report.reversed_what


def _converter() -> CmykConverter:
    return CmykConverter(load_output_profile(None, "", "a4"))


@pytest.mark.parametrize("roles", [
    {"foreground": "#1d2327", "background": "#ffffff", "primary": "#2f6b4f",
     "secondary": "#a4551f", "tertiary": "#3d6f99"},
    # a navy text colour and a red accent: the text itself is built of several inks
    {"foreground": "#1f2a5a", "background": "#ffffff", "primary": "#c8102e",
     "secondary": "#0057b8", "tertiary": "#ffb81c"},
    # accents that print on one ink already keep their colour
    {"foreground": "#000000", "background": "#ffffff", "primary": "#00aeef",
     "secondary": "#ec008c", "tertiary": "#fff200"},
])
def test_what_small_type_prints_in_is_one_ink_for_any_colours(roles: dict[str, str]) -> None:
    converter = _converter()
    colours = palette(dict(roles))
    colours.setdefault("link", colours["primary"])
    chosen = small_type(colours, converter)
    assert all(one_ink(value, converter) for value in chosen.values()), chosen
    for name, value in chosen.items():  # a colour on one ink already is kept
        if one_ink(colours[name], converter):
            assert value == colours[name], name
    assert reversed_type(colours, converter) == (not one_ink(colours["primary"], converter))


def test_the_corpus_brands_small_type_prints_in_one_ink() -> None:
    spec = importlib.util.spec_from_file_location("brand_corpus",
                                                  REPO / "bench" / "brand_corpus.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules["brand_corpus"] = bench
    spec.loader.exec_module(bench)
    corpus = bench.find_corpus(None)
    if corpus is None:
        pytest.skip("the brand corpus (shared/corpus/brands) is not beside the repository")
    from smguide.sources.brand import load_brand

    converter, tried, changed = _converter(), 0, 0
    for path in bench.brand_files(corpus)[:40]:
        try:
            brand, _ = load_brand(path)
        except Exception:  # noqa: BLE001 - a brand smguide refuses says so elsewhere
            continue
        colours = palette(dict(brand.print_colours or brand.colours))
        colours.setdefault("link", colours["primary"])
        chosen = small_type(colours, converter)
        tried += 1
        changed += any(chosen[name] != colours[name] for name in chosen)
        assert all(inks(converter.cmyk(tuple(int(v[i:i + 2], 16) / 255 for i in (1, 3, 5))))
                   <= 1 for v in chosen.values()), (path.name, chosen)
    assert tried >= 10 and changed >= 1, (tried, changed)
