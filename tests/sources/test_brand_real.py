"""Real brand files (posit's brand.yml as Quarto reads it): what is accepted, how it looks
in the handbook and the deck, and what is still refused in one line each."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from smguide.cli import main
from smguide.errors import BrandError
from smguide.model.colors import contrast
from smguide.paths import display_path
from smguide.resources import FONTS_DIR, builtin
from smguide.sources.brand import Brand, load_brand


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small starter project (two chapters): quick to build."""
    root = tmp_path_factory.mktemp("real") / "project"
    assert CliRunner().invoke(main, ["-q", "init", str(root)]).exit_code == 0
    return root


def smguide(project: Path, *args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--content", str(project / "content")],
                              catch_exceptions=False)


def brand_file(folder: Path, text: str, logo: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if logo:
        (folder / "logo.svg").write_bytes((builtin("brand") / "logo.svg").read_bytes())
    (folder / "_brand.yml").write_text(text, encoding="utf-8")
    return folder / "_brand.yml"


def test_alt_text_with_quotes_and_ampersands_reaches_the_deck(project: Path,
                                                              tmp_path: Path) -> None:
    from pptx import Presentation

    alt = 'pandas logo with bars & dots over the word "pandas" <b>'
    path = brand_file(tmp_path / "b", f"logo:\n  images:\n    mark:\n      path: logo.svg\n"
                                      f"      alt: '{alt}'\n  large: mark\n")
    assert smguide(project, "check", "--brand", str(path)).exit_code == 0
    out = tmp_path / "deck.pptx"
    result = smguide(project, "slides", "--brand", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    title = Presentation(str(out)).slides[0]
    alts = [shape._element.xpath("./*[1]/p:cNvPr/@descr")[0] for shape in title.shapes
            if shape.shape_type == 13]  # pictures
    assert alts == [alt]




# -- reading: what real brand files hold is accepted --------------------------------


def load(folder: Path, text: str, logo: bool = False) -> tuple[Brand, list[str]]:
    """The brand and its warnings, as the lines a command prints."""
    brand, warnings = load_brand(brand_file(folder, text, logo))
    return brand, [warning.line_text() for warning in warnings]


def test_every_css_colour_form_and_reference_resolves(tmp_path: Path) -> None:
    brand, warnings = load(tmp_path, """
color:
  palette:
    branded-monospace-inline-foreground: "#0a3"
    Brand_Blue: rgb(0 85 170)
    deep: Brand_Blue
  foreground: "#111a"
  background: white
  primary: Brand_Blue
  secondary: hsl(20, 70%, 40%)
  tertiary: "#336699cc"
  success: branded-monospace-inline-foreground
  info: rgba(10, 20, 30, 0.5)
  warning: navy
  light: "#fafafa"
  dark: foreground
  link: deep
""")
    c = brand.colours
    assert c["primary"] == "#0055aa" and c["link"] == "#0055aa" and c["success"] == "#00aa33"
    assert c["background"] == "#ffffff" and c["warning"] == "#000080"
    assert c["secondary"] == "#ad4e1f" and c["tertiary"] == "#5c85ad"
    assert c["dark"] == c["foreground"] == "#606060"  # #111 at 67% over white
    assert c["info"] == "#848a8e"


def test_light_dark_pairs_give_the_handbook_light_and_the_dark_deck_dark(tmp_path: Path) -> None:
    brand, _ = load(tmp_path, """
color:
  palette: {ink: "#222222", snow: "#eeeeee"}
  foreground: {light: ink, dark: snow}
  background: {light: snow, dark: ink}
  primary: "#1f6f8b"
typography:
  headings:
    color: {light: primary, dark: "#9fd3e6"}
""")
    assert (brand.colours["foreground"], brand.colours["background"]) == ("#222222", "#eeeeee")
    dark = brand.themed("dark").colours
    assert (dark["foreground"], dark["background"], dark["headings"]) == (
        "#eeeeee", "#222222", "#9fd3e6")
    # the handbook: the light colours, on the white its pages are printed on
    assert brand.print_colours["background"] == "#ffffff"


def test_typography_as_quarto_writes_it(tmp_path: Path) -> None:
    (tmp_path / "fonts").mkdir(parents=True)
    for name in ("Lato-Regular.ttf", "Lato-Bold.ttf"):
        (tmp_path / "fonts" / name).write_bytes((FONTS_DIR / name).read_bytes())
    brand, warnings = load(tmp_path, """
color:
  palette: {accent: "#a03"}
typography:
  fonts:
    - family: House Sans
      source: file
      files:
        - fonts/Lato-Regular.ttf
        - path: fonts/Lato-Bold.ttf
          weight: semi-bold
    - {family: Roboto Slab, source: google, weight: 600..900, style: normal, display: block}
    - {family: Fira Code, source: bunny, weight: [light, 400, bold], style: [normal, italic]}
    - {family: Zzz Not Installed, source: system, weight: 400}
  base:
    family: '"House Sans", Aptos, sans-serif'
    size: 1rem
    line-height: 150%
    weight: light
    color: "#333"
  headings: {family: Roboto Slab, weight: semi-bold, style: italic, color: accent,
             line-height: 1.1}
  monospace: {family: Fira Code, size: 0.9em}
  monospace-inline: {color: "#f32", background-color: white, size: 20px, weight: 700}
  monospace-block: {background-color: "#0a3c07", color: "#eee", line-height: 2}
  link: {color: accent, weight: 700, decoration: underline, background-color: "#cfd"}
""")
    assert brand.base_family == brand.theme_base_family == "House Sans"
    assert sorted((f.weight, f.path.name) for f in brand.faces if f.family == "House Sans") == [
        (400, "Lato-Regular.ttf"), (600, "Lato-Bold.ttf")]
    assert brand.line_height == 1.5 and brand.base_size_pt == 10.5
    assert brand.heading_weight == 600 and brand.colours["headings"] == "#aa0033"
    assert brand.colours["link"] == "#aa0033" and brand.colours["foreground"] == "#333333"
    # Roboto Slab is not here and the network is off: a warning, never a refusal
    assert (brand.heading_family, brand.theme_heading_family) == ("Lato", "Roboto Slab")
    missing = [w for w in warnings if "Roboto Slab" in w]
    assert len(missing) == 1 and "smguide fonts --brand" in missing[0]
    assert "uses the bundled Lato instead" in missing[0]


@pytest.mark.parametrize("text", [
    "logo: logo.svg\n",
    "logo: {path: logo.svg, alt: 'Our \"mark\" & more'}\n",
    "logo:\n  images: {mark: logo.svg, wide: {path: logo.svg, alt: wide}}\n  small: mark\n"
    "  medium: {light: mark, dark: wide}\n  large: {path: logo.svg, alt: 'The full logo'}\n",
    "logo:\n  large: {light: {path: logo.svg, alt: light}, dark: logo.svg}\n",
    "logo:\n  images:\n    main: {path: logo.svg, alt: Main logo}\n",
])
def test_every_logo_form_gives_the_logo(tmp_path: Path, text: str) -> None:
    brand, _ = load(tmp_path, text, logo=True)
    assert brand.logo == (tmp_path / "logo.svg").resolve()


def test_logo_files_smguide_does_not_use_are_checked_too_but_only_warned(
        tmp_path: Path) -> None:
    # as posit's own brand file: three sizes, two of them missing here
    brand, warnings = load(tmp_path, "logo:\n  small: posit-icon.png\n  medium: posit.png\n"
                                     "  large: logo.svg\n", logo=True)
    assert brand.logo == (tmp_path / "logo.svg").resolve()
    shown = display_path(tmp_path / "_brand.yml")
    assert warnings == [
        f'{shown}:2:3: logo.small: file "posit-icon.png" not found (smguide looked for '
        f"{display_path(tmp_path / 'posit-icon.png')}); smguide builds without it (it uses "
        "logo.large), but other tools reading this brand file need it: create the file there, "
        "or remove this line",
        f'{shown}:3:3: logo.medium: file "posit.png" not found (smguide looked for '
        f"{display_path(tmp_path / 'posit.png')}); smguide builds without it (it uses "
        "logo.large), but other tools reading this brand file need it: create the file there, "
        "or remove this line"]
    # a named image and a dark variant that exist, and a missing one the deck's dark pass uses:
    # the dark variant is refused where it is used, never warned about twice
    with pytest.raises(BrandError) as caught:
        load(tmp_path / "dark", "logo:\n  images: {mark: logo.svg}\n  small: mark\n"
                                "  large: {light: logo.svg, dark: gone.svg}\n", logo=True)
    assert [p.split(": ", 1)[1].split(":")[0] for p in caught.value.problems] == [
        "logo.large.dark"]


def test_meta_extra_keys_and_other_tools_defaults_are_ignored(tmp_path: Path) -> None:
    brand, _ = load(tmp_path, """
meta:
  name: {full: Very Big Corporation of America, short: VBC}
  link: {home: https://example.com, mastodon: https://example.social/@vbc}
  address: 1 Main St
  links:
defaults:
  bootstrap: {defaults: {enable-rounded: false}}
  quarto:
    format:
      html: {toc: true}
  shiny:
  smguide:
    footer: VBC onboarding
""")
    assert (brand.name, brand.footer) == ("Very Big Corporation of America", "VBC onboarding")


# -- still refused: in one line each, all at once -----------------------------------


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    (tmp_path / "fake.ttf").write_bytes(b"not a font at all")
    path = brand_file(tmp_path, """
colour:
  primary: red
color:
  primary: "#12345g"
  secondry: blue
logo: missing.png
typography:
  fonts:
    - family: Fake
      files: [fake.ttf, ../outside.ttf]
  base: Fake
""", logo=False)
    with pytest.raises(BrandError) as caught:
        load_brand(path)
    shown = display_path(path)
    assert caught.value.problems == [
        f'{shown}:2:1: colour: unknown key "colour" (did you mean "color"?)',
        f'{shown}:5:3: color.primary: "#12345g" is not a colour: give a hex colour ("#2f6b4f"), '
        "a CSS colour name, rgb() or hsl(), or a palette name; palette: (none)",
        f'{shown}:6:3: color.secondry: unknown key "secondry" (did you mean "secondary"?)',
        f'{shown}:7:1: logo: file "missing.png" not found (smguide looked for '
        f"{display_path(tmp_path / 'missing.png')}); create the file there, or remove this line",
        f'{shown}:11:15: typography, font 1, file 1: "fake.ttf" is not a font file that can be '
        "read; use the .ttf or .otf file from the font's download",
        f'{shown}:11:25: typography, font 1, file 2: "../outside.ttf" is outside the folder '
        f"{display_path(tmp_path)}; put the font file inside it and give a relative path"]


def test_a_reference_to_an_undefined_theme_colour_falls_back_with_a_warning(
        tmp_path: Path) -> None:
    path = brand_file(tmp_path, "color:\n  foreground: black\ntypography:\n  headings:\n"
                                "    color: primary\n", logo=False)
    brand, warnings = load_brand(path)
    assert brand.colours["headings"] == "#2f6b4f"
    assert (f'{display_path(path)}:5:5: typography.headings.color: "primary" names '
            "color.primary, which this file does not define; smguide's own primary #2f6b4f "
            "is used (define color.primary to choose)") in [w.line_text() for w in warnings]


# -- how it looks: readable on paper, the dark deck, no empty logo disc ---------------


def theme_xml(deck: Path) -> bytes:
    from pptx import Presentation

    return bytes(Presentation(str(deck)).slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob)


def test_a_dark_brand_prints_dark_text_on_white_paper_and_says_so(project: Path,
                                                                  tmp_path: Path) -> None:
    import re

    from pypdf import PdfReader

    path = brand_file(tmp_path / "b", 'color:\n  foreground: "#eeeeee"\n  background: "#222222"\n'
                                      '  primary: "#4fa3d1"\n', logo=False)
    out = tmp_path / "handbook.pdf"
    result = smguide(project, "pdf", "--brand", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    said = result.stderr
    assert "the background #222222 is dark; the handbook's pages are printed white" in said
    assert "body text #eeeeee on the paper #ffffff would be hard to read" in said
    fills = set()
    for page in PdfReader(out).pages[1:]:
        stream = page.get_contents().get_data().decode("latin-1")
        fills |= {tuple(round(float(v) * 255) for v in m)
                  for m in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) rg", stream)}
    assert (0x22, 0x22, 0x22) in fills  # body text in the brand's darkest colour
    assert (0xee, 0xee, 0xee) not in fills  # never near-white text on the white pages
    # the deck is on a screen: it keeps the brand's dark look
    deck = tmp_path / "deck.pptx"
    assert smguide(project, "slides", "--brand", str(path), "-o", str(deck)).exit_code == 0
    theme = theme_xml(deck).decode()
    assert '<a:dk1><a:srgbClr val="EEEEEE"/>' in theme
    assert '<a:lt1><a:srgbClr val="222222"/>' in theme
    # boxes a shade of the dark background (light text stays readable on them), and the
    # default green lightened enough to show on it
    import re

    slot = {name: "#" + value.lower() for name, value in
            re.findall(r'<a:(lt2|accent1)><a:srgbClr val="([0-9A-F]{6})"/>', theme)}
    assert contrast("#eeeeee", slot["lt2"]) >= 4.5
    assert contrast(slot["accent1"], "#222222") >= 3.0


def test_slides_theme_dark_uses_the_dark_values(project: Path, tmp_path: Path) -> None:
    path = brand_file(tmp_path / "b", """color:
  foreground: {light: "#1b1b1b", dark: "#f1f1f1"}
  background: {light: "#fdfdfd", dark: "#101820"}
  primary: {light: "#0b5394", dark: "#6fa8dc"}
""", logo=False)
    light, dark = tmp_path / "light.pptx", tmp_path / "dark.pptx"
    assert smguide(project, "slides", "--brand", str(path), "-o", str(light)).exit_code == 0
    result = smguide(project, "slides", "--theme", "dark", "--brand", str(path), "-o", str(dark))
    assert result.exit_code == 0, result.output
    assert b'<a:lt1><a:srgbClr val="FDFDFD"/>' in theme_xml(light)
    assert b'<a:accent1><a:srgbClr val="0B5394"/>' in theme_xml(light)
    assert b'<a:dk1><a:srgbClr val="F1F1F1"/>' in theme_xml(dark)
    assert b'<a:lt1><a:srgbClr val="101820"/>' in theme_xml(dark)
    assert b'<a:accent1><a:srgbClr val="6FA8DC"/>' in theme_xml(dark)


def test_no_logo_no_empty_disc_on_the_title_slide(project: Path, tmp_path: Path) -> None:
    from pptx import Presentation

    path = brand_file(tmp_path / "b", 'meta: {name: Acme}\ncolor: {primary: "#0b5394"}\n',
                      logo=False)
    deck = tmp_path / "deck.pptx"
    assert smguide(project, "slides", "--brand", str(path), "-o", str(deck)).exit_code == 0
    title = Presentation(str(deck)).slides[0]
    shapes = [s.name for s in (*title.slide_layout.shapes, *title.shapes)]
    assert "Logo disc" not in shapes and not any(s.shape_type == 13 for s in title.shapes)


def test_a_brand_without_dark_values_gets_a_dark_deck_from_its_own_colours(
        tmp_path: Path) -> None:
    brand, _ = load(tmp_path, 'color:\n  foreground: "#1d2327"\n  background: "#fdfcf8"\n'
                              '  light: "#f3f1ea"\n  primary: "#2f6b4f"\n')
    dark = brand.themed("dark").colours
    assert (dark["background"], dark["foreground"]) == ("#1d2327", "#f3f1ea")
    # the titles in the brand's green lightened to read (4.5:1) on the dark background;
    # its fills (banners) lightened only while their light text still reads on them
    assert contrast(dark["headings"], "#1d2327") >= 4.5 > contrast("#2f6b4f", "#1d2327")
    assert contrast(dark["primary"], "#1d2327") > contrast("#2f6b4f", "#1d2327")
    assert contrast("#f3f1ea", dark["primary"]) >= 4.5
    assert any("titles in #2f6b4f on the deck's dark background #1d2327 (dark "
               "theme)" in w.line_text() for w in brand.deck_warnings("dark"))


# -- fonts that are not files next to the brand -------------------------------------


def renamed_font(source: Path, family: str, style: str) -> bytes:
    """A copy of a bundled font calling itself `family` (so the PDF shows which was used)."""
    from io import BytesIO

    from fontTools.ttLib import TTFont

    font = TTFont(source)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(family, record.nameID, record.platformID, record.platEncID,
                          record.langID)
        elif record.nameID in (4, 6):
            full = f"{family} {style}" if record.nameID == 4 else f"{family}-{style}"
            names.setName(full, record.nameID, record.platformID, record.platEncID,
                          record.langID)
    out = BytesIO()
    font.save(out)
    return out.getvalue()


@pytest.fixture
def font_api(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """A server on 127.0.0.1 answering like the Google Fonts CSS2 API (never the real one)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import parse_qs, urlsplit

    files = {"/s/brandsans-400.ttf": renamed_font(FONTS_DIR / "Lato-Regular.ttf",
                                                   "Brandsans", "Regular"),
             "/s/brandsans-700.ttf": renamed_font(FONTS_DIR / "Lato-Bold.ttf",
                                                   "Brandsans", "Bold")}
    asked: list[str] = []

    class Api(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            asked.append(self.path)
            url = urlsplit(self.path)
            family = parse_qs(url.query).get("family", [""])[0]
            if url.path == "/css2" and family.startswith("Brandsans:"):
                if "1," in family.split("@", 1)[1]:  # no italics: the API says 400
                    return self.answer(400, b"bad request", "text/plain")
                host = f"http://127.0.0.1:{self.server.server_address[1]}"
                css = "".join(
                    f"/* latin */\n@font-face {{\n  font-family: 'Brandsans';\n"
                    f"  font-style: normal;\n  font-weight: {w};\n  font-display: swap;\n"
                    f"  src: url({host}/s/brandsans-{w}.ttf) format('truetype');\n}}\n"
                    for w in (400, 700))
                return self.answer(200, css.encode(), "text/css")
            if url.path in files:
                return self.answer(200, files[url.path], "font/ttf")
            return self.answer(404, b"not found", "text/plain")

        def answer(self, code: int, body: bytes, kind: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Api)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("SMGUIDE_GOOGLE_FONTS_URL", f"http://127.0.0.1:{server.server_port}/")
    monkeypatch.setenv("SMGUIDE_FONT_CACHE", str(tmp_path / "font-cache"))
    yield asked
    server.shutdown()
    server.server_close()


GOOGLE_BRAND = """meta: {name: Brandsans Co}
color: {primary: "#7a1f5c"}
typography:
  fonts:
    - {family: Brandsans, source: google, weight: [400, 700], style: [normal, italic]}
  base: Brandsans
  headings: {family: Brandsans, weight: bold}
"""


def test_google_fonts_without_network_fall_back_with_one_warning(project: Path, tmp_path: Path,
                                                                  font_api: list[str]) -> None:
    import subprocess

    path = brand_file(tmp_path / "b", GOOGLE_BRAND, logo=False)
    out = tmp_path / "handbook.pdf"
    result = smguide(project, "pdf", "--brand", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert font_api == []  # nothing was fetched
    warned = [line for line in result.stderr.splitlines() if "Brandsans" in line]
    assert len(warned) == 1 and f"smguide fonts --brand {display_path(path)}" in warned[0]
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "Lato" in fonts and "Brandsans" not in fonts
    deck = tmp_path / "deck.pptx"
    assert smguide(project, "slides", "--brand", str(path), "-o", str(deck)).exit_code == 0
    assert b'<a:latin typeface="Brandsans"' in theme_xml(deck)


def test_smguide_fonts_offline_does_not_send_the_user_back_to_smguide_fonts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as closed:  # a port on 127.0.0.1 nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv("SMGUIDE_GOOGLE_FONTS_URL", f"http://127.0.0.1:{port}/")
    monkeypatch.setenv("SMGUIDE_FONT_CACHE", str(tmp_path / "font-cache"))
    path = brand_file(tmp_path / "b", GOOGLE_BRAND, logo=False)
    result = CliRunner().invoke(main, ["fonts", "--brand", str(path)], catch_exceptions=False)
    # nothing could be downloaded: exit 1, the cause in one line at the end
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[-1] == (
        f"Error: {display_path(path)}: no font could be downloaded from Google Fonts "
        '(127.0.0.1 refused the connection), so "Brandsans" is replaced by the bundled '
        "Lato; run smguide fonts again once this computer is online")
    assert "Errno" not in result.output
    warned = [line for line in result.stderr.splitlines() if "is not on this computer" in line]
    assert len(warned) == 1
    assert warned[0].endswith(
        f"Google Fonts could not be reached: run `smguide fonts --brand {display_path(path)}` "
        "again once this computer is online, or download the font's .ttf files yourself and "
        "put them beside the brand file under typography.fonts (source: file)")
    assert "Lato (for \"Brandsans\"): not found: the bundled Lato is used" in result.stdout


def test_smguide_fonts_downloads_into_the_cache_and_the_pdf_uses_it(
        project: Path, tmp_path: Path, font_api: list[str]) -> None:
    import subprocess

    path = brand_file(tmp_path / "b", GOOGLE_BRAND, logo=False)
    result = CliRunner().invoke(main, ["fonts", "--brand", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    cache = tmp_path / "font-cache" / "brandsans"
    assert f'Brandsans: downloaded from Google Fonts into {tmp_path / "font-cache"}: 2 faces' \
        in result.stdout
    assert sorted(p.name for p in cache.iterdir()) == ["brandsans-400.ttf", "brandsans-700.ttf"]
    # asked for what the brand lists; the API has no italics, so asked again without them
    assert font_api[0].startswith("/css2?family=Brandsans:ital,wght@0,400;0,700;1,400;1,700")
    assert font_api[1].startswith("/css2?family=Brandsans:ital,wght@0,400;0,700&")
    asked = len(font_api)
    out = tmp_path / "handbook.pdf"
    result = smguide(project, "pdf", "--brand", str(path), "-o", str(out))
    assert result.exit_code == 0 and "Brandsans" not in result.stderr
    assert len(font_api) == asked  # from the cache now, not the network
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    names = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]}
    assert names == {"Brandsans", "Brandsans-Bold"}, fonts  # every face from the download


def test_pdf_with_allow_network_downloads_the_brand_font(project: Path, tmp_path: Path,
                                                         font_api: list[str]) -> None:
    import subprocess

    path = brand_file(tmp_path / "b", GOOGLE_BRAND, logo=False)
    out = tmp_path / "handbook.pdf"
    result = smguide(project, "pdf", "--allow-network", "--brand", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert font_api and "Brandsans" not in result.stderr  # fetched, so no fallback warning
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "Brandsans" in fonts and "Lato" not in fonts


def test_a_file_name_in_curly_quotes_says_the_quotes_are_part_of_the_name(
        tmp_path: Path) -> None:
    path = brand_file(tmp_path, "logo:\n  images:\n    mark:\n      path: “logo.svg”\n"
                                "  large: mark\n")
    with pytest.raises(BrandError) as caught:
        load_brand(path)
    shown = display_path(path)
    assert caught.value.problems == [
        f'{shown}:4:7: logo.images.mark.path: file "“logo.svg”" not found (smguide looked for '
        f"{display_path(tmp_path / '“logo.svg”')}); the name is in curly quotes (“ ”) from a "
        'word processor, which YAML keeps as part of the name; use straight quotes: "logo.svg"']


def test_a_download_without_a_network_says_so_in_words() -> None:
    """Offline, the system says "[Errno -2] Name or service not known": said as what it
    means, as are a timeout and a server's error answer."""
    import socket
    import urllib.error
    from email.message import Message

    from smguide.sources.fonts import _reason

    url = "https://fonts.googleapis.com/css2?family=Space+Mono"
    offline = urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))
    assert _reason(offline, url) == ("fonts.googleapis.com cannot be reached: this computer "
                                     "seems to be offline")
    slow = urllib.error.URLError(TimeoutError("timed out"))
    assert _reason(slow, url).startswith("fonts.googleapis.com did not answer within ")
    missing = urllib.error.HTTPError(url, 404, "Not Found", Message(), None)
    assert _reason(missing, url) == "fonts.googleapis.com answered 404 Not Found"
