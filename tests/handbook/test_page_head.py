"""What a print designer checks at the head of a page and in a card set wide, read back
from the Letter print PDF (pdfplumber): a heading that opens a page has clear space
under the running head, near what it has under text elsewhere; a role card set as wide
as the opener keeps its mission inside the reading measure."""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

import yaml

from smguide.resources import builtin

MM = 72 / 25.4
HEADING_PT = (14.5, 15.2)  # an h2 of 11 pt body text (1.35em)
RUNNING_HEAD_PT = (8, 9)  # 8.5 pt


def _words(page: Any) -> list[dict[str, Any]]:
    return page.extract_words(extra_attrs=["size"])


def test_a_heading_that_opens_a_page_has_clear_space_under_the_running_head(
        letter_print_pdf: Path) -> None:
    import pdfplumber

    at_top, under_text = [], []
    with pdfplumber.open(letter_print_pdf) as pdf:
        for page in pdf.pages[2:-2]:
            words = _words(page)
            heads = [w for w in words if HEADING_PT[0] < w["size"] < HEADING_PT[1]]
            body = [w for w in words if 10.5 < w["size"] < 11.5]
            running = [w for w in words if RUNNING_HEAD_PT[0] < w["size"] < RUNNING_HEAD_PT[1]
                       and w["top"] < page.height / 4]
            text = [w for w in words if w["size"] > 9.5]
            if running and heads and min(text, key=lambda w: w["top"]) in heads:
                at_top.append(min(w["top"] for w in heads)
                              - max(w["bottom"] for w in running))
            for head in heads:  # the white between a paragraph and the heading after it
                above = [w["bottom"] for w in body if 0 < head["top"] - w["bottom"] < 20 * MM]
                if above:
                    under_text.append(head["top"] - max(above))
    assert at_top and under_text
    usual = statistics.median(under_text)
    # (it was 4 mm, under half of the 8.7 mm a heading has under text: it read as
    # crowded under the running head)
    assert min(at_top) >= 0.75 * usual, (min(at_top) / MM, usual / MM)


def test_a_role_card_set_wide_keeps_its_mission_in_the_measure(
        letter_print_pdf: Path) -> None:
    """The sales chapter's card goes as wide as the opener on Letter (to stay on the
    opening page); its mission ran to about 100 characters a line across it. It is the
    card's lead, set a little larger than the body (grid.card_lead), so its lines are
    measured in characters: a reading measure, at most 75 a line."""
    import pdfplumber

    chapter = yaml.safe_load((builtin("content") / "chapters" / "02-sales.yaml").read_text(
        encoding="utf-8"))
    mission = next(b["mission"] for b in chapter["blocks"] if b["type"] == "role").split()
    with pdfplumber.open(letter_print_pdf) as pdf:
        for page in pdf.pages:
            words = _words(page)
            texts = [w["text"] for w in words]
            starts = [i for i in range(len(texts)) if texts[i:i + 4] == mission[:4]]
            if starts:
                break
        else:
            raise AssertionError("the sales card's mission is not in the PDF")
        first = starts[0]
        lines: dict[float, list[dict[str, Any]]] = {}
        for word in words[first:first + len(mission)]:
            lines.setdefault(round(word["top"]), []).append(word)
        assert len(lines) >= 2  # it wraps, as a paragraph of the measure does
        chars = [len(" ".join(w["text"] for w in line)) for line in lines.values()]
        assert max(chars) <= 75, chars
        assert max(chars[:-1]) >= 55, chars  # and it uses the card's width
