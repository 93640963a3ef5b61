"""A bare python-pptx script writing as many slides as `smguide slides` does (24), for timing.

Each slide: a title, five bullet points and speaker notes, on python-pptx's default
template; no theme, no measuring, no plan. Usage:
    .venv/bin/python bench/bare_pptx.py [OUT.pptx] [SLIDES]
"""

import sys

from pptx import Presentation
from pptx.util import Inches


def main(out: str = "bare.pptx", count: int = 24) -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    layout = prs.slide_layouts.get_by_name("Title and Content")
    for number in range(1, count + 1):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = f"Slide {number}"
        body = slide.placeholders[1].text_frame
        body.text = "First point"
        for point in range(2, 6):
            body.add_paragraph().text = f"Point {point}"
        slide.notes_slide.notes_text_frame.text = f"Notes for slide {number}"
    prs.save(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bare.pptx",
         int(sys.argv[2]) if len(sys.argv) > 2 else 24)
