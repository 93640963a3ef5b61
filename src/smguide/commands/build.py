"""`smguide pdf`, `slides` and `build`: validate the inputs once (commands.inputs), render
each artefact in a child process within the limits (safety.sandbox), write it atomically
(io.atomic). `build_both` renders the two at once and, with a build cache, skips an
artefact whose inputs did not change."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smguide.errors import Problem, SmguideError
from smguide.io.atomic import check_writable, write_atomic
from smguide.io.usercache import prune_when_due
from smguide.model.options import Sources, creation_date
from smguide.safety.sandbox import Limits, Worker, run_limited

if TYPE_CHECKING:  # the handbook's modules are imported only when a PDF is made
    from collections.abc import Callable, Sequence

    from smguide.commands.project import Project
    from smguide.io.buildcache import BuildCache
    from smguide.model.guide import Guide
    from smguide.model.options import DeckOptions, PrintOptions
    from smguide.sources.brand import Brand


@dataclass(frozen=True)
class Built:
    path: Path
    pages: int
    seconds: float
    warnings: tuple[Problem, ...]


Loaded = tuple["Guide", "Brand", list[Problem]]  # a validated guide, brand and warnings


def load(sources: Sources, network: bool = False) -> Loaded:
    """Validate everything before anything is rendered (errors from both files at once).
    With `network`, brand fonts from Google Fonts or Bunny Fonts are downloaded if missing."""
    from smguide.commands.inputs import read_inputs
    from smguide.errors import ContentError

    found = read_inputs(sources, network)
    keep_parses()
    if found.problems or found.guide is None or found.brand is None:
        raise ContentError(found.problems)
    return found.guide, found.brand, list(found.warnings)


# what the render children import while the parent validates
PDF_ENGINE = ("smguide.handbook.engine:import_weasyprint", "weasyprint.text.fonts",
              "smguide.handbook.pdf")
DECK_ENGINE = ("pptx", "smguide.deck.render")


def build_pdf(sources: Sources, output: Path, options: PrintOptions,
              limits: Limits | None = None, loaded: Loaded | None = None) -> Built:
    """Validate (unless `loaded` already is), render (in a child process, within `limits`)
    and atomically write the PDF."""
    start = time.perf_counter()
    check_writable(output)
    limits = limits or Limits.from_env()
    code = _layout_code()
    with Worker(limits, "the handbook", PDF_ENGINE) as engine:
        guide, brand, warnings = loaded or load(sources, limits.allow_network)
        submit_handbook(engine, guide, brand, sources.templates, options, limits, code)
        prune_when_due()  # while the handbook renders
        data, pages, *more = engine.result()
    path = write_atomic(output, data)
    return Built(path, pages, time.perf_counter() - start,
                 tuple(warnings + (more[0] if more else [])))


def build_slides(sources: Sources, output: Path, options: DeckOptions,
                 limits: Limits | None = None, loaded: Loaded | None = None) -> Built:
    """Validate (unless `loaded` already is), render (in a child process, within `limits`)
    and atomically write the PowerPoint deck (`pages` counts slides)."""
    start = time.perf_counter()
    check_writable(output)
    limits = limits or Limits.from_env()
    # validated first, then rendered in a child forked with the model already imported:
    # a child loading python-pptx meanwhile would import the model and the brand again,
    # which costs more CPU (0.26 s) than the overlap saves, and the machine's cores are
    # seldom idle
    with collector_paused():
        guide, brand, warnings = loaded or load(sources, limits.allow_network)
        data, slides, deck_warnings = run_limited(
            lambda: render_deck(guide, brand, sources.templates, options), limits, "the deck")
    path = write_atomic(output, data)
    prune_when_due()
    return Built(path, slides, time.perf_counter() - start,
                 tuple(warnings + deck_warnings))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off inside the block (and in a render child forked
    in it), on again after it if it was on. Validating and rendering the deck allocate
    objects that live until the end (modules, models, the deck's XML) and some cyclic
    garbage, bounded by the input's size limits (the child's memory limit still holds):
    the collector's 160 runs for the default deck cost about 0.08 s of CPU (the bare
    python-pptx script's 0.02 s), and the deck's peak memory is the same without them,
    at 1 and at 16 times the content (62 and 88 MB). What the block made is moved to the
    collector's oldest generation before it is on again (frozen and unfrozen at once, which
    moves them without looking at them): its next run would otherwise go through every
    object made meanwhile (the model's modules, Pydantic's: about 0.04 s of CPU, as the
    command ends), which live until the end anyway; the oldest generation is gone through
    only once it has grown by a quarter."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def _layout_code() -> bytes:
    """The hash of the handbook's layout code (the key of the layouts kept in the user's
    cache), read here before the engine forks: the engine inherits the modules imported
    with it, so it runs the code that was read (`handbook.pdf.layout_code`)."""
    from smguide.handbook.pdf import layout_code as read

    return read()


def submit_handbook(engine: Worker, guide: Guide, brand: Brand, templates: Path | None,
                    options: PrintOptions, limits: Limits, code: bytes) -> None:
    """Render the templates (in a child of their own: they are untrusted, and it inherits
    the model already imported here) and hand the resulting manuscript to `engine`, a
    child that has loaded WeasyPrint and never imports the model; `code`: `layout_code()`,
    read before `engine` forked."""
    from smguide.handbook.html import HandbookRenderer
    from smguide.handbook.pdf import render_pdf

    created = creation_date()
    manuscript = run_limited(
        lambda: HandbookRenderer(guide, brand, templates).manuscript(options, created),
        limits, "the handbook's templates")
    engine.submit(render_pdf, manuscript, crop_marks=options.crop_marks,
                  booklet=options.booklet, creep_mm=options.creep_mm,
                  allow_network=limits.allow_network, code=code, jobs=limits.jobs)


def render_deck(guide: Guide, brand: Brand, templates: Path | None,
                options: DeckOptions) -> tuple[bytes, int, list[Problem]]:
    """(PPTX bytes, slides, warnings); runs in the render child."""
    from smguide.deck.render import DeckRenderer

    options = options.on(brand.template)
    renderer = DeckRenderer(guide, brand.themed(options.theme), options, templates)
    data, slides = renderer.render()
    keep_parses()  # the texts' Markdown, for the next run (sources.markdown)
    keep_compiled()  # the deck's dataclasses' methods, for the next run (io.classcode)
    return data, slides, brand.deck_warnings(options.theme) + renderer.warnings


def keep_compiled() -> None:
    from smguide.io.classcode import keep_compiled as keep

    keep()


def keep_parses() -> None:
    from smguide.sources.markdown import keep_parses as keep

    keep()


def open_cache(project: Project, out_dir: Path, settings: dict[str, Any],
               template: Path | None, force: bool) -> BuildCache:
    """`smguide build`'s record beside the outputs, keyed by every input, `settings` and
    the company template; with `force`, nothing counts as up to date."""
    from smguide.io.buildcache import BuildCache, build_key

    return BuildCache(out_dir, build_key(project.content, project.brand, project.templates,
                                         settings, out_dir, (template,)), force=force)


def up_to_date(cache: BuildCache, names: Sequence[str]) -> list[Problem] | None:
    """The warnings the last build of `names` gave, once each, when every one of them is
    still up to date (asked before any renderer is imported); else None."""
    if not all(cache.fresh(name) for name in names):
        return None
    return list(dict.fromkeys(w for name in names for w in cache.warnings(name)))


def build_both(sources: Sources, out_dir: Path, print_options: PrintOptions,
               deck_options: DeckOptions, names: tuple[str, str] = ("handbook.pdf", "deck.pptx"),
               done: Callable[[Built], None] | None = None,
               limits: Limits | None = None, cache: BuildCache | None = None) -> list[Built]:
    """Handbook and deck rendered at once, each in its own children (the handbook's
    templates, its engine; the deck): the wall time is about the handbook's.

    The handbook's engine loads while everything is validated here, once, so a content
    mistake is reported once and neither file is touched. `done` is called with
    each artefact as soon as it is written. With a `cache`, an artefact built from the
    same inputs and still unchanged is not rebuilt.
    """
    from contextlib import ExitStack
    from multiprocessing.connection import wait

    start = time.perf_counter()
    for name in names:
        check_writable(out_dir / name)
    limits = limits or Limits.from_env()
    kept = [cache.fresh(name) if cache else None for name in names]
    results: dict[str, Built] = {
        name: Built((out_dir / name).resolve(), int(entry["pages"]), 0.0, ())
        for name, entry in zip(names, kept, strict=True) if entry}
    code = b"" if kept[0] else _layout_code()
    with ExitStack() as stack:
        pdf = None if kept[0] else stack.enter_context(
            Worker(limits, "the handbook", PDF_ENGINE))
        guide, brand, warnings = load(sources, limits.allow_network)
        for name, built in results.items():  # kept from the last build: still say why
            results[name] = Built(built.path, built.pages, built.seconds, tuple(warnings))
        if pdf:
            submit_handbook(pdf, guide, brand, sources.templates, print_options, limits, code)
        # the deck starts only now: it is the shorter job, and on two cores a third busy
        # process (the parent validating, the handbook's children) would slow the longer
        deck = None if kept[1] else stack.enter_context(Worker(limits, "the deck", DECK_ENGINE))
        if deck:
            deck.submit(render_deck, guide, brand, sources.templates, deck_options)
        prune_when_due()  # while they render
        waiting = {worker.reply: (worker, name)
                   for worker, name in zip((pdf, deck), names, strict=True) if worker}
        deadline = time.monotonic() + limits.max_seconds
        failed: list[SmguideError] = []
        while waiting:  # each file is written as soon as it is rendered
            ready = wait(list(waiting), timeout=max(0.0, deadline - time.monotonic()))
            for reply in ready or list(waiting)[:1]:  # none ready in time: that one times out
                worker, name = waiting.pop(reply)
                try:
                    data, count, *more = worker.result(0.0 if not ready else None)
                except SmguideError as exc:  # the other artefact is still written
                    failed.append(exc)
                    continue
                said = tuple(warnings + (more[0] if more else []))
                path = (cache.write(name, data, count, said) if cache
                        else write_atomic(out_dir / name, data))
                results[name] = Built(path, count, time.perf_counter() - start, said)
                if done:
                    done(results[name])
    if failed:
        raise failed[0]
    return [results[name] for name in names]
