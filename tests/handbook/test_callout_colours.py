"""Each callout style has its own colour from the brand's roles (a tip the `info` colour,
else tertiary; a note the primary; a warning the `warning` colour, else secondary), and a
tip's or warning's bar too light to see on its tint is darkened to 3:1: read back from the
PDF with pdfplumber, as the bars are drawn."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
from click.testing import CliRunner

from smguide.cli import main
from smguide.model.colors import contrast, palette
from smguide.resources import builtin

CHAPTER = """title: Three callouts
blocks:
  - type: callout
    style: tip
    text: A tip.
  - type: callout
    style: note
    text: A note.
  - type: callout
    style: warning
    text: A warning.
"""
# posit's colours (the brand-yml examples): a pale grey tertiary, an orange warning
POSIT = """meta: {name: Posit-like}
color:
  primary: "#447099"
  secondary: "#707073"
  tertiary: "#C2C2C4"
  warning: "#EE6331"
"""


def hex_of(colour: tuple[float, ...]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in colour)


def callouts(pdf_path: Path) -> list[tuple[str, str]]:
    """(bar colour, tint) of each callout box, top to bottom: the tint is the box's fill,
    the bar the fill of the border region drawn over it."""
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[-1]
        boxes = [r for r in page.rects if r["height"] < 100 and r["width"] > 200]
        borders = [c for c in page.curves if c["width"] > 200]
        found = []
        for box in sorted(boxes, key=lambda r: r["top"]):
            edge = next(c for c in borders if abs(c["top"] - box["top"]) < 1
                        and abs(c["x0"] - box["x0"]) < 1)
            found.append((hex_of(edge["non_stroking_color"]), hex_of(box["non_stroking_color"])))
    return found


def test_each_style_has_its_colour_and_a_bar_that_can_be_seen(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "chapters").mkdir(parents=True)
    shutil.copy(builtin("content") / "labels.yaml", content / "labels.yaml")
    (content / "guide.yaml").write_text("title: Callouts\nlanguage: en\nchapters:\n"
                                        "  - chapters/01.yaml\n", encoding="utf-8")
    (content / "chapters" / "01.yaml").write_text(CHAPTER, encoding="utf-8")
    (tmp_path / "brand.yml").write_text(POSIT, encoding="utf-8")
    out = tmp_path / "out.pdf"
    result = CliRunner().invoke(main, ["-q", "pdf", "--content", str(content), "--brand",
                                       str(tmp_path / "brand.yml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    (tip, tip_tint), (note, _), (warning, warning_tint) = callouts(out)
    assert note == "#447099"  # the primary, as it is
    assert contrast("#c2c2c4", tip_tint) < 2  # the tertiary itself would not be seen...
    assert 3 <= contrast(tip, tip_tint) < 4  # ...so it is darkened, a tenth at a time, to 3:1
    assert warning != "#707073" and contrast(warning, warning_tint) >= 3  # orange, not grey
    red, green, blue = (int(warning[i:i + 2], 16) for i in (1, 3, 5))
    assert red > 200 and green < 110 and blue < 60  # still the brand's orange


def test_info_gives_the_tip_its_colour_and_the_built_in_brand_is_as_it_was() -> None:
    roles = {"background": "#ffffff", "foreground": "#1d2327", "primary": "#2f6b4f",
             "secondary": "#a4551f", "tertiary": "#3d6f99"}
    built_in = palette(roles)
    assert (built_in["tip_bar"], built_in["warning_bar"]) == ("#3d6f99", "#a4551f")
    with_info = palette({**roles, "info": "#419599", "warning": "#ee6331"})
    assert with_info["tip_bar"] == "#419599" and with_info["cool_tint"] == "#ecf4f5"
