"""The pipeline, one function per artefact: load -> validate -> model -> render -> write."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from smguide.output import write_atomic
from smguide.sandbox import Limits, run_limited

if TYPE_CHECKING:  # the handbook's modules are imported only when a PDF is made
    from collections.abc import Callable

    from smguide.brand import Brand
    from smguide.cache import BuildCache
    from smguide.deck import DeckOptions
    from smguide.handbook import PrintOptions
    from smguide.model import Guide


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


Loaded = tuple["Guide", "Brand", list[str]]  # a validated guide, brand and warnings


def load(sources: Sources) -> Loaded:
    """Validate everything before anything is rendered (errors from both files at once)."""
    from smguide.brand import load_brand
    from smguide.content import load_guide
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


def build_pdf(sources: Sources, output: Path, options: PrintOptions,
              limits: Limits | None = None, loaded: Loaded | None = None) -> Built:
    """Validate (unless `loaded` already is), render (in a child process, within `limits`)
    and atomically write the PDF."""
    from smguide.handbook import HandbookRenderer

    start = time.perf_counter()
    guide, brand, warnings = loaded or load(sources)
    limits = limits or Limits.from_env()
    renderer = HandbookRenderer(guide, brand, sources.templates)
    created = creation_date()

    def render() -> tuple[bytes, int]:
        from smguide.pdf import render_pdf

        return render_pdf(renderer, options, created=created,
                          allow_network=limits.allow_network)

    data, pages = run_limited(render, limits, "the handbook")
    path = write_atomic(output, data)
    return Built(path, pages, time.perf_counter() - start, tuple(warnings))


def build_slides(sources: Sources, output: Path, options: DeckOptions,
                 limits: Limits | None = None, loaded: Loaded | None = None) -> Built:
    """Validate (unless `loaded` already is), render (in a child process, within `limits`)
    and atomically write the PowerPoint deck (`pages` counts slides)."""
    start = time.perf_counter()
    guide, brand, warnings = loaded or load(sources)

    def render() -> tuple[bytes, int, list[str]]:
        from smguide.deck import DeckRenderer

        renderer = DeckRenderer(guide, brand, options, sources.templates)
        data, slides = renderer.render()
        return data, slides, renderer.warnings

    data, slides, deck_warnings = run_limited(render, limits or Limits.from_env(), "the deck")
    path = write_atomic(output, data)
    return Built(path, slides, time.perf_counter() - start,
                 tuple(warnings + deck_warnings))


def _leave_interrupts_to_the_parent() -> None:
    """Pool workers ignore Ctrl-C: the parent reports it once (no worker tracebacks), and
    the render children they fork die with them."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def build_both(sources: Sources, out_dir: Path, print_options: PrintOptions,
               deck_options: DeckOptions, names: tuple[str, str] = ("handbook.pdf", "deck.pptx"),
               done: Callable[[Built], None] | None = None,
               limits: Limits | None = None, cache: BuildCache | None = None) -> list[Built]:
    """Handbook and deck in two processes at once: the wall time is the slower of the two.

    Everything is validated here first, so a content mistake is reported once and neither
    file is touched. `done` is called with each artefact as soon as it is written. With a
    `cache`, an artefact built from the same inputs and still unchanged is not rebuilt.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from multiprocessing import get_context

    loaded = load(sources)  # once: the workers are forked with it
    kept = [cache.fresh(name) if cache else None for name in names]
    with ProcessPoolExecutor(max_workers=2, mp_context=get_context("fork"),
                             initializer=_leave_interrupts_to_the_parent) as pool:
        jobs = [None if kept[0] else pool.submit(build_pdf, sources, out_dir / names[0],
                                                 print_options, limits, loaded),
                None if kept[1] else pool.submit(build_slides, sources, out_dir / names[1],
                                                 deck_options, limits, loaded)]
        for future in as_completed([job for job in jobs if job]) if done else ():
            if future.exception() is None:
                done(future.result())
        results = [job.result() if job else Built((out_dir / name).resolve(),
                                                  int(entry["pages"]), 0.0, ())
                   for job, name, entry in zip(jobs, names, kept, strict=True)]
    for job, name, built in zip(jobs, names, results, strict=True):
        if cache and job:
            cache.record(name, built.pages)
    return results
