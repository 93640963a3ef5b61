"""Reading a PDF back for assertions, with pypdf (an independent reader)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pypdf import PdfReader


def page_texts(pdf: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(pdf).pages]


# the notes pages' heading in each language the guides are written in (labels.yaml's
# `notes`: content/*/labels.yaml)
NOTES_HEADINGS = ("Notes", "Notizen")


def is_notes_page(text: str, headings: tuple[str, ...] = NOTES_HEADINGS) -> bool:
    """A page of writing lines (its text from `page_texts`): its heading (one of
    `headings`: "Notes", the German "Notizen"), then nothing but its folio ("Page 5 of
    24" on screen, "5" in print) and the footer."""
    # the folio, a word of its own or run into the footer's text ("members14": the folio
    # in the page's corner is read after the footer)
    page = text.strip()
    rest = re.sub(r"Page \d+ of \d+|Seite \d+ von \d+|\b\d+\b|(?<=\D)\d+$", "", page,
                  count=1)
    return any(re.match(rf"{re.escape(heading)}\b", page)
               and len(rest.strip()) <= len(heading) + 80 for heading in headings) \
        and rest != page


def all_text(pdf: Path) -> str:
    return " ".join(page_texts(pdf))


def squash(text: str) -> str:
    """Compare words only: hyphenation, ligatures and line breaks differ between tools."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def outline(pdf: Path) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) for every bookmark."""
    reader = PdfReader(pdf)
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def struct_elements(reader: PdfReader) -> Iterator[Any]:
    """Every dictionary in the tagged structure tree, depth first."""
    def walk(node: Any) -> Iterator[Any]:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            yield node
            kids = node.get("/K")
            if kids is not None:
                yield from walk(kids)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    yield from walk(reader.trailer["/Root"]["/StructTreeRoot"])


def figure_alts(pdf: Path) -> list[str]:
    """The /Alt of every Figure element in the tagged structure tree."""
    return [str(node.get("/Alt", "")) for node in struct_elements(PdfReader(pdf))
            if node.get("/S") == "/Figure"]
