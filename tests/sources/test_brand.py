"""The brand file: _brand.yml subset, strict values, contrast warnings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from smguide.errors import BrandError
from smguide.model.colors import contrast
from smguide.sources.brand import load_brand
from tests.conftest import edit


def test_default_brand_resolves_palette_names(brand_dir: Path) -> None:
    brand, warnings = load_brand(brand_dir / "_brand.yml")
    assert brand.colours["primary"] == "#2f6b4f"
    assert brand.colours["headings"] == "#2f6b4f"
    assert brand.name == "Greenfield Trading Co."
    assert brand.logo == (brand_dir / "logo.svg").resolve()
    assert brand.logo_alt.startswith("Greenfield Trading Co. logo")
    assert warnings == []


def test_a_plain_quarto_brand_file_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "_brand.yml").write_text(
        "meta:\n  name: Acme\n  link: https://acme.example\n"
        "color:\n  primary: '#0055aa'\n  foreground: '#111111'\n  background: '#fefefe'\n"
        "typography:\n  base: Lato\n  headings: Lato\n  monospace: Fira Code\n"
        "defaults:\n  bootstrap:\n    enable-rounded: false\n", encoding="utf-8")
    brand, warnings = load_brand(tmp_path / "_brand.yml")
    assert (brand.name, brand.colours["primary"], brand.logo) == ("Acme", "#0055aa", None)
    assert warnings == []


@pytest.mark.parametrize(("old", "new", "message"), [
    ('primary: {light: forest, dark: "#2e7a57"}', 'primary: "#fff;}@import url(x)"',
     "brand/_brand.yml:{line}:3: color.primary: \"#fff;}}@import url(x)\" is not a colour: "
     'give a hex colour ("#2f6b4f"), a CSS colour name, rgb() or hsl(), or a palette name; '
     "palette: clay, forest, ink, linen, paper, sky"),
    ('primary: {light: forest, dark: "#2e7a57"}', "primary: forrest",
     'brand/_brand.yml:{line}:3: color.primary: "forrest" is not a colour: give a hex colour '
     '("#2f6b4f"), a CSS colour name, rgb() or hsl(), or a palette name (did you mean '
     '"forest"?); palette: clay, forest, ink, linen, paper, sky'),
    ("      path: logo.svg", "      path: /etc/passwd",
     'brand/_brand.yml:{line}:7: logo.images.mark.path: "/etc/passwd" is outside the folder '
     "brand; put the logo image inside it and give a relative path"),
])
def test_bad_brand_values_are_refused(brand_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                      old: str, new: str, message: str) -> None:
    monkeypatch.chdir(brand_dir.parent)
    edit(brand_dir / "_brand.yml", old, new)
    lines = (brand_dir / "_brand.yml").read_text().splitlines()
    marker = new.strip().splitlines()[0]
    line = next(i for i, text in enumerate(lines, 1) if marker in text)
    with pytest.raises(BrandError) as caught:
        load_brand(Path("brand/_brand.yml"))
    assert caught.value.problems == [message.format(line=line)]


def test_text_too_light_for_paper_is_printed_darker_and_said(run: Callable[..., Result],
                                                             brand_dir: Path,
                                                             tmp_path: Path) -> None:
    import re

    from pypdf import PdfReader

    edit(brand_dir / "_brand.yml", "  foreground: ink", '  foreground: "#bbbbbb"')
    out = tmp_path / "out.pdf"
    result = run("pdf", "--brand", str(brand_dir / "_brand.yml"), "-o", str(out))
    assert result.exit_code == 0
    line = next(i for i, text in enumerate((brand_dir / "_brand.yml").read_text().splitlines(),
                                           1) if "#bbbbbb" in text)
    assert (f"Warning: brand/_brand.yml:{line}:3: color.foreground: body text #bbbbbb on the "
            f"paper #ffffff would be hard to read ({contrast('#bbbbbb', '#ffffff'):.1f}:1); "
            "the handbook sets it in #1d2327 (15.9:1)") in result.stderr.splitlines()
    fills = set()
    for page in PdfReader(out).pages[2:5]:
        stream = page.get_contents().get_data().decode("latin-1")
        fills |= {tuple(round(float(v) * 255) for v in m)
                  for m in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) rg", stream)}
    assert (0x1d, 0x23, 0x27) in fills and (0xbb, 0xbb, 0xbb) not in fills


def test_changing_one_colour_recolours_the_pdf(run: Callable[..., Result], brand_dir: Path,
                                               tmp_path: Path) -> None:
    edit(brand_dir / "_brand.yml", 'forest: "#2f6b4f"', 'forest: "#6b2f5a"')
    out = tmp_path / "out.pdf"
    assert run("pdf", "--brand", str(brand_dir / "_brand.yml"), "-o", str(out)).exit_code == 0
    from pypdf import PdfReader

    cover = PdfReader(out).pages[0].get_contents().get_data().decode("latin-1")
    r, g, b = (int("6b2f5a"[i:i + 2], 16) / 255 for i in (0, 2, 4))
    assert f"{r:g}"[:4] in cover and f"{b:g}"[:4] in cover


def test_a_role_may_name_another_role_in_any_order(tmp_path: Path) -> None:
    (tmp_path / "_brand.yml").write_text(
        "color:\n  palette:\n    clay: '#a4551f'\n  foreground: primary\n  primary: clay\n",
        encoding="utf-8")
    brand, _ = load_brand(tmp_path / "_brand.yml")
    assert brand.colours["foreground"] == brand.colours["primary"] == "#a4551f"


def test_an_empty_brand_file_is_read_without_changing_the_shared_reading(
        tmp_path: Path) -> None:
    """read_yaml's result is shared by every reader of the same bytes in a process: the
    brand loader takes an empty file as no settings without changing it."""
    from smguide.sources.yamlsource import read_yaml

    path = tmp_path / "_brand.yml"
    path.write_text("# nothing set yet\n", encoding="utf-8")
    brand, _ = load_brand(path)
    assert brand.name == "" and read_yaml(path).data is None
