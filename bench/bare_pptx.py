"""The baseline for `smguide slides`: a quick one-off python-pptx script writing the same deck.

Same slides as `smguide slides` on the built-in plan: title, agenda, then for each chapter
its slides (a block of a shown type or with a `slide:` text, never `slide: false`; the
takeaways only when the chapter has no other, a divider when it has more than one), the
first titled with the chapter's `deck:` line when there is no divider; a summary of the
`deck:` lines and the closing slide; not the "(cont.)" slides smguide adds when text does
not fit, since this script fits nothing. Same layouts, titles, bullet texts (a block's
`slide:` lines where it has them), table cells, diagram shapes and connectors, speaker
notes, footer and slide number, read from the same content files.
Written the way a person would write it once: yaml.safe_load, plain python-pptx calls on
python-pptx's default template. No validation, no text measuring or fitting, no theme,
no plan template, no logo (python-pptx cannot insert the brand's SVG). Usage:
    .venv/bin/python bench/bare_pptx.py OUT.pptx [CONTENT_DIR] [BRAND_FILE]
"""

import sys
from pathlib import Path

import yaml
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.util import Emu, Inches, Pt

REPO = Path(__file__).resolve().parents[1]
SHOWN = ("role", "comparison", "analogy", "practices", "takeaways", "checklist", "questions")
GREEN, CLAY, SKY, SUN = (RGBColor(0x2F, 0x6B, 0x4F), RGBColor(0xA4, 0x55, 0x1F),
                         RGBColor(0x3D, 0x6F, 0x99), RGBColor(0xE3, 0xA7, 0x2F))
AGENDA = 12  # chapters per agenda slide
AREA = (Inches(0.6), Inches(1.75), Inches(12.13), Inches(4.9))  # below the title

# the seed-and-garden diagram in a 720 x 340 box: (shape, x, y, w, h, colour, name, turn)
SHAPES = [("ROUNDED_RECTANGLE", 20, 165, 480, 150, GREEN, "Garden", 0),
          ("RECTANGLE", 20, 262, 480, 53, CLAY, "Soil", 0),
          ("OVAL", 238, 163, 64, 24, GREEN, "Leaf", 20),
          ("OVAL", 300, 136, 64, 24, GREEN, "Leaf", -20),
          ("OVAL", 283, 271, 34, 22, CLAY, "Seed", 0),
          ("SUN", 30, 22, 80, 80, SUN, "Sun", 0),
          ("TEAR", 372, 24, 32, 32, SKY, "Water drop", -45),
          ("TEAR", 406, 52, 20, 20, SKY, "Water drop", -45),
          ("OVAL", 612, 178, 28, 28, CLAY, "Fruit", 0),
          ("OVAL", 636, 178, 28, 28, GREEN, "Fruit", 0),
          ("OVAL", 660, 178, 28, 28, SKY, "Fruit", 0),
          ("FLOWCHART_MANUAL_OPERATION", 596, 202, 108, 48, CLAY, "Basket", 0)]
# connectors: (x1, y1, x2, y2, colour, width in pt, dashed, name)
LINES = [(300, 276, 300, 138, GREEN, 4, False, "Stem"),
         (104, 100, 258, 150, SUN, 2.25, True, "Sunlight"),
         (392, 84, 328, 142, SKY, 2.25, True, "Watering"),
         (508, 220, 582, 220, RGBColor(0x1D, 0x23, 0x27), 3, False, "Grows into")]
LABELS = {"sunlight": (112, 24, 220, 60), "water": (430, 24, 280, 60),
          "garden": (32, 172, 200, 80), "seed": (326, 190, 168, 70),
          "soil": (32, 264, 240, 50), "harvest": (575, 258, 150, 80)}


UNIT = min(AREA[2] / 720, AREA[3] / 340)  # EMU per diagram unit, centred in AREA


def at(x: float, y: float) -> tuple[Emu, Emu]:
    return (Emu(round(AREA[0] + (AREA[2] - 720 * UNIT) / 2 + x * UNIT)),
            Emu(round(AREA[1] + (AREA[3] - 340 * UNIT) / 2 + y * UNIT)))


def load(content: Path) -> tuple[dict, list[dict], dict]:
    guide = yaml.safe_load((content / "guide.yaml").read_text(encoding="utf-8"))
    chapters = [yaml.safe_load((content / name).read_text(encoding="utf-8"))
                for name in guide["chapters"]]
    labels = yaml.safe_load((content / "labels.yaml").read_text(encoding="utf-8"))
    return guide, chapters, labels


def write_lines(frame, lines: list[str], size: int | None = None) -> None:  # noqa: ANN001
    frame.word_wrap = True
    frame.text = lines[0] if lines else ""
    for line in lines[1:]:
        frame.add_paragraph().text = line
    if size:
        for paragraph in frame.paragraphs:
            paragraph.font.size = Pt(size)


def main(out: str, content: Path, brand_file: Path) -> None:
    guide, chapters, labels = load(content)
    brand = yaml.safe_load(brand_file.read_text(encoding="utf-8"))
    company = brand["meta"]["name"]["full"]
    footer = brand.get("defaults", {}).get("smguide", {}).get("footer", company)
    if isinstance(footer, dict):  # one line per language
        footer = footer.get(guide.get("language", "en"), "")

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    layouts = {layout.name: layout for layout in prs.slide_layouts}

    def slide(layout: str, title: str, notes: str, marks: bool = True):  # noqa: ANN202
        new = prs.slides.add_slide(layouts[layout])
        new.shapes.title.text = title
        new.notes_slide.notes_text_frame.text = notes
        if marks:
            box = new.shapes.add_textbox(Inches(1.15), Inches(6.95), Inches(9.9), Inches(0.35))
            write_lines(box.text_frame, [footer], 11)
            box = new.shapes.add_textbox(Inches(11.2), Inches(6.95), Inches(1.5), Inches(0.35))
            write_lines(box.text_frame, [str(len(prs.slides))], 11)
        return new

    title = slide("Title Slide", guide["title"], guide.get("deck", {}).get("opening") or
                  guide.get("description") or guide["title"], marks=False)
    write_lines(title.placeholders[1].text_frame,
                [guide["subtitle"], company, str(guide["edition"])])
    def picked(chapter: dict) -> list[dict]:
        return [b for b in chapter["blocks"] if b.get("slide") is not False and
                (b["type"] in SHOWN or isinstance(b.get("slide"), str))]

    def lines(block: dict, fallback: list[str]) -> list[str]:
        text = block.get("slide")
        if not isinstance(text, str):
            return fallback
        return [line.strip().removeprefix("- ") for line in text.splitlines() if line.strip()]

    shown = [c for c in chapters if picked(c)]
    for start in range(0, len(shown), AGENDA):  # a long agenda continues
        agenda = slide("Title and Content", labels["agenda"] + (
            f" ({labels['continued']})" if start else ""),
            guide.get("deck", {}).get("agenda") or
            "\n".join(c["summary"] for c in shown if c.get("summary")))
        write_lines(agenda.placeholders[1].text_frame,
                    [c["title"] for c in shown[start:start + AGENDA]])

    for number, chapter in enumerate(chapters, 1):
        every = picked(chapter)
        content = [b for b in every if b["type"] != "takeaways"]
        blocks = content or every
        if not blocks:
            continue
        about = chapter.get("notes") or chapter.get("summary") or guide["title"]
        line = (chapter.get("deck") or "").rstrip(".")
        if len(content) > 1:
            section = slide("Section Header", chapter["title"], about)
            write_lines(section.placeholders[1].text_frame,
                        [f"{labels['chapter']} {number}", chapter.get("deck", "")])
        for index, block in enumerate(blocks):
            first = index == 0 and len(content) <= 1 and line
            if not content:  # the takeaways alone: one slide
                new = slide("Title and Content", line or chapter["title"],
                            block.get("notes") or about)
                write_lines(new.placeholders[1].text_frame, lines(block, block["items"]))
                continue
            block = dict(block, heading=line) if first else block
            kind, notes = block["type"], block.get("notes") or about
            if kind in ("takeaways", "checklist", "questions"):
                heading = block.get("heading") or (
                    labels["key_takeaways"] if kind == "takeaways" else chapter["title"])
                new = slide("Title and Content", heading, notes)
                write_lines(new.placeholders[1].text_frame, lines(block, block["items"]))
            elif kind == "role":
                new = slide("Two Content", block.get("heading") or block["name"], notes)
                write_lines(new.placeholders[1].text_frame,
                            [labels["focus"], labels[block["focus"]], block["mission"],
                             labels["skills"], *block["skills"]])
                write_lines(new.placeholders[2].text_frame,
                            [labels["activities"], *block["activities"]])
            elif kind == "comparison":
                new = slide("Title Only", block.get("heading") or chapter["title"], notes)
                rows = [["", *block["columns"]],
                        *([row["aspect"], *row["values"]] for row in block["rows"])]
                table = new.shapes.add_table(len(rows), len(rows[0]), *AREA).table
                table.columns[0].width = Inches(12.13 * 0.24)
                for column in range(1, len(rows[0])):
                    table.columns[column].width = Inches(12.13 * 0.76 / (len(rows[0]) - 1))
                for r, row in enumerate(rows):
                    for c, text in enumerate(row):
                        cell = table.cell(r, c)
                        cell.text = text
                        cell.text_frame.paragraphs[0].font.size = Pt(16)
            elif kind == "practices":
                new = slide("Title Only", block.get("heading") or chapter["title"], notes)
                width, height = (AREA[2] - Inches(0.25)) // 2, (AREA[3] - Inches(0.25)) // 2
                for index, practice in enumerate(block["items"]):
                    card = new.shapes.add_shape(
                        MSO_SHAPE.ROUNDED_RECTANGLE,
                        AREA[0] + index % 2 * (width + Inches(0.25)),
                        AREA[1] + index // 2 * (height + Inches(0.25)), width, height)
                    card.fill.solid()
                    card.fill.fore_color.rgb = RGBColor(0xF3, 0xF1, 0xEA)
                    card.line.fill.background()
                    write_lines(card.text_frame, [practice["title"], practice["slide"]]
                                if practice.get("slide") else
                                [practice["title"], f"{labels['what']}: {practice['what']}",
                                 f"{labels['why']}: {practice['why']}"], 14)
            else:  # the analogy: shapes, connectors and labels in one group
                new = slide("Title Only", block.get("heading") or chapter["title"], notes)
                group = new.shapes.add_group_shape()
                group.name = "Analogy diagram"
                for kind_name, x, y, w, h, colour, name, turn in SHAPES:
                    shape = group.shapes.add_shape(getattr(MSO_SHAPE, kind_name), *at(x, y),
                                                   Emu(round(w * UNIT)), Emu(round(h * UNIT)))
                    shape.name, shape.rotation = name, turn
                    shape.fill.solid()
                    shape.fill.fore_color.rgb = colour
                    shape.line.fill.background()
                for x1, y1, x2, y2, colour, width, dashed, name in LINES:
                    line = group.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, *at(x1, y1),
                                                      *at(x2, y2))
                    line.name = name
                    line.line.color.rgb = colour
                    line.line.width = Pt(width)
                    if dashed:
                        line.line.dash_style = MSO_LINE.DASH
                for part in block["parts"]:
                    x, y, w, h = LABELS[part["symbol"]]
                    box = group.shapes.add_textbox(*at(x, y), Emu(round(w * UNIT)),
                                                   Emu(round(h * UNIT)))
                    box.name = f"Label: {part['symbol']}"
                    write_lines(box.text_frame, [part["name"], part["stands_for"]], 14)
                    box.text_frame.paragraphs[0].font.bold = True

    summary = slide("Title and Content", labels.get("summary", "In short"),
                    guide.get("deck", {}).get("summary") or guide["title"])
    write_lines(summary.placeholders[1].text_frame,
                [c.get("deck") or c.get("summary") or c["title"] for c in shown])
    deck = guide.get("deck", {})
    closing = slide("Title Slide", labels["questions_title"],
                    deck.get("closing") or " ".join(c["title"] for c in chapters), marks=False)
    write_lines(closing.placeholders[1].text_frame,
                [f"{labels['next_step']}: {deck['next_step']}" if deck.get("next_step") else
                 company, *([f"{labels['contact']}: {deck['contact']}"]
                            if deck.get("contact") else [])])
    prs.save(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bare.pptx",
         Path(sys.argv[2]) if len(sys.argv) > 2 else REPO / "content",
         Path(sys.argv[3]) if len(sys.argv) > 3 else REPO / "brand" / "_brand.yml")
