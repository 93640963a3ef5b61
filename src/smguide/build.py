"""The pipeline, one function per artefact: load -> validate -> model -> render -> write."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from smguide.brand import Brand, load_brand
from smguide.content import load_guide
from smguide.handbook import HandbookRenderer, PrintOptions
from smguide.model import Guide
from smguide.output import write_atomic

if TYPE_CHECKING:
    from smguide.deck import DeckOptions


@dataclass(frozen=True)
class Sources:
    """Where the inputs are: the content folder, the brand file, a template override folder."""

    content: Path
    brand: Path
    templates: Path | None = None


@dataclass(frozen=True)
class Built:
    path: Path
    pages: int
    seconds: float
    warnings: tuple[str, ...]


def load(sources: Sources) -> tuple[Guide, Brand, list[str]]:
    """Validate everything before anything is rendered (errors from both files at once)."""
    from smguide.errors import ContentError

    problems: list[str] = []
    guide = brand = None
    warnings: list[str] = []
    try:
        guide = load_guide(sources.content)
    except ContentError as exc:
        problems += exc.problems
    try:
        brand, warnings = load_brand(sources.brand)
    except ContentError as exc:
        problems += exc.problems
    if sources.templates is not None and not sources.templates.is_dir():
        problems.append(f"{sources.templates}: template folder not found")
    if problems or guide is None or brand is None:
        raise ContentError(problems)
    return guide, brand, warnings


def creation_date() -> str:
    """ISO date-time for the PDF metadata; SOURCE_DATE_EPOCH makes builds reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.fromtimestamp(int(epoch), tz=UTC) if epoch and epoch.isdigit()
              else datetime.now(tz=UTC))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def build_pdf(sources: Sources, output: Path, options: PrintOptions) -> Built:
    """Validate, render and atomically write the handbook PDF."""
    from smguide.pdf import render_pdf

    start = time.perf_counter()
    guide, brand, warnings = load(sources)
    renderer = HandbookRenderer(guide, brand, sources.templates)
    data, pages = render_pdf(renderer, options, created=creation_date())
    path = write_atomic(output, data)
    return Built(path, pages, time.perf_counter() - start, tuple(warnings))


def build_slides(sources: Sources, output: Path, options: DeckOptions) -> Built:
    """Validate, render and atomically write the PowerPoint deck (`pages` counts slides)."""
    from smguide.deck import DeckRenderer

    start = time.perf_counter()
    guide, brand, warnings = load(sources)
    renderer = DeckRenderer(guide, brand, options, sources.templates)
    data, slides = renderer.render()
    path = write_atomic(output, data)
    return Built(path, slides, time.perf_counter() - start,
                 tuple(warnings + renderer.warnings))


def build_both(sources: Sources, out_dir: Path, print_options: PrintOptions,
               deck_options: DeckOptions) -> list[Built]:
    """Handbook and deck in two processes at once: the wall time is the slower of the two.

    Everything is validated here first, so a content mistake is reported once and neither
    file is touched.
    """
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    load(sources)
    with ProcessPoolExecutor(max_workers=2, mp_context=get_context("fork")) as pool:
        pdf = pool.submit(build_pdf, sources, out_dir / "handbook.pdf", print_options)
        deck = pool.submit(build_slides, sources, out_dir / "deck.pptx", deck_options)
        return [pdf.result(), deck.result()]
