"""Each callout style has its own colour from the brand's roles (a tip the `info` colour,
else tertiary; a note the primary; a warning the `warning` colour, else secondary), on the
rule at its left and its label: a tip's or warning's rule too light to see is darkened to
3:1, a label to 4.5:1 (it is small type); inside, the paper stays white (a callout is no
panel). Read back from the page as drawn (pdfplumber for the labels, pdftoppm's pixels for
the rule and the paper)."""

from __future__ import annotations

import shutil
import subprocess
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


LABELS = ("TIP", "NOTE", "WARNING")
MM = 72 / 25.4


def callouts(pdf_path: Path, folder: Path) -> list[tuple[str, str, str]]:
    """(rule colour, label colour, paper colour beside the label) of each callout, top to
    bottom: the rule's pixel halfway down the label's line, 0.4 mm inside the callout's
    left edge (its 0.8 mm rule, 4.2 mm before the text); the paper's 30 pt right of it."""
    from PIL import Image

    dpi = 144
    with pdfplumber.open(pdf_path) as pdf:
        last = str(len(pdf.pages))
        words = pdf.pages[-1].extract_words(extra_attrs=["non_stroking_color"])
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-singlefile", "-f", last, "-l", last,
                    str(pdf_path), str(folder / "page")], check=True)
    image = Image.open(folder / "page.png").convert("RGB")
    scale = dpi / 72
    found = []
    for word in sorted((w for w in words if w["text"] in LABELS), key=lambda w: w["top"]):
        y = (word["top"] + word["bottom"]) / 2 * scale
        rule = image.getpixel((round((word["x0"] - 4.6 * MM) * scale), round(y)))
        paper = image.getpixel((round((word["x1"] + 30) * scale), round(y)))
        found.append((hex_of(tuple(v / 255 for v in rule)), hex_of(word["non_stroking_color"]),
                      hex_of(tuple(v / 255 for v in paper))))
    return found


def near(a: str, b: str, tolerance: int = 3) -> bool:
    return all(abs(int(a[i:i + 2], 16) - int(b[i:i + 2], 16)) <= tolerance for i in (1, 3, 5))


def test_each_style_has_its_colour_and_a_rule_and_label_that_can_be_seen(
        tmp_path: Path) -> None:
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
    (tip, tip_label, tip_paper), (note, note_label, note_paper), \
        (warning, warning_label, warning_paper) = callouts(out, tmp_path)
    assert tip_paper == note_paper == warning_paper == "#ffffff"  # no panel behind the text
    assert near(note, "#447099") and note_label == "#447099"  # the primary, as it is
    assert contrast("#c2c2c4", "#ffffff") < 2  # the tertiary itself would not be seen...
    assert contrast(tip, "#ffffff") >= 3  # ...so its rule is darkened to 3:1
    assert contrast(tip_label, "#ffffff") >= 4.5 > contrast(tip, "#ffffff")  # its label more
    assert contrast(warning, "#ffffff") >= 3 and contrast(warning_label, "#ffffff") >= 4.5
    red, green, blue = (int(warning[i:i + 2], 16) for i in (1, 3, 5))
    assert red > 200 and green < 110 and blue < 60  # still the brand's orange


def test_info_gives_the_tip_its_colour_and_the_built_in_brand_is_as_it_was() -> None:
    roles = {"background": "#ffffff", "foreground": "#1d2327", "primary": "#2f6b4f",
             "secondary": "#a4551f", "tertiary": "#3d6f99"}
    built_in = palette(roles)
    assert (built_in["tip_bar"], built_in["warning_bar"]) == ("#3d6f99", "#a4551f")
    with_info = palette({**roles, "info": "#419599", "warning": "#ee6331"})
    assert with_info["tip_bar"] == "#419599" and with_info["cool_tint"] == "#ecf4f5"
