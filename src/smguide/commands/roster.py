"""`smguide pdf --roster`: one personal handbook per new hire, fast.

What is shared is rendered once: the body is laid out once (here), with empty pages where
each person's cover and first-week page go; the personal pages of everyone are laid out
in a few large documents (one per chunk of people, in parallel); then each copy is
assembled with pikepdf from those pages, on every core; all the copies (and the merged file
and cohort deck) are written in one transaction (io.transaction).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TypeVar

from smguide.commands.build import load
from smguide.errors import ContentError
from smguide.handbook.html import HandbookRenderer
from smguide.io.atomic import check_writable
from smguide.io.transaction import FolderTransaction
from smguide.model.options import PrintOptions, Sources, creation_date
from smguide.paths import display_path
from smguide.safety.sandbox import Limits, run_limited

T = TypeVar("T")
CHUNK = 25  # people per personal-pages document: big enough to share, small enough to spread


@dataclass(frozen=True)
class RosterOptions:
    merge: bool = False
    deck: bool = False
    skip_bad_rows: bool = False
    workers: int = 0  # 0: one per core


@dataclass(frozen=True)
class RosterBuilt:
    copies: tuple[Path, ...]
    merged: Path | None
    deck: Path | None
    pages: int  # of each copy
    skipped: tuple[str, ...]  # the bad rows' problems (with skip_bad_rows)
    warnings: tuple[str, ...]
    seconds: float


def build_roster(sources: Sources, roster: Path, output: Path, options: PrintOptions,
                 roster_options: RosterOptions, limits: Limits | None = None,
                 progress: Callable[[str], None] = lambda _: None) -> RosterBuilt:
    """Validate the content and the roster, then write output/handbooks/<slug>.pdf for
    every valid row (and the merged file and the cohort deck when asked).

    Nothing is written when a row is bad, unless skip_bad_rows. The rendering runs in a
    child process within `limits`, like every other render."""
    from smguide.handbook.glyphs import glyph_warnings
    from smguide.handbook.personal import check_labels, people, teams
    from smguide.sources.roster import read_roster, safe_output

    start = time.perf_counter()
    guide, brand, warnings = load(sources)
    check_labels(guide, display_path(Path(guide.root) / "labels.yaml"))
    found = read_roster(roster, teams(guide), display_path(roster))
    if found.problems and not roster_options.skip_bad_rows:
        raise ContentError(found.problems)
    if not found.hires:
        raise ContentError([*found.problems, f"{display_path(roster)}: no row to make a "
                                             f"handbook from"])
    limits = limits or Limits.from_env()
    out_dir = output.parent
    stem = output.stem  # handbook -> handbooks/, handbook-de -> handbooks-de/
    tag = "handbooks" + (stem[len("handbook"):] if stem.startswith("handbook") else f"-{stem}")
    job = Job(sources=sources, renderer=HandbookRenderer(guide, brand, sources.templates),
              options=options, created=creation_date(), persons=people(guide, found.hires),
              targets=[safe_output(out_dir / tag, h.slug) for h in found.hires],
              merged=out_dir / f"{tag}-all.pdf" if roster_options.merge else None,
              deck=out_dir / f"{tag}-welcome.pptx" if roster_options.deck else None,
              workers=roster_options.workers or min(os.cpu_count() or 1, 8),
              allow_network=limits.allow_network)
    for target in (*job.targets, job.merged, job.deck):  # all of them, before rendering any
        if target is not None:
            check_writable(target)
    warnings += run_limited(lambda: glyph_warnings(found.hires, brand, display_path(roster)),
                            limits, "the brand's fonts")
    # the scratch folder holds every hire's pages: the parent removes it, whatever happens
    # to the render child (a killed child cannot clean up after itself)
    with tempfile.TemporaryDirectory(prefix="smguide-roster-") as scratch:
        job = replace(job, scratch=Path(scratch))
        pages, finished = _with_progress(
            lambda say: run_limited(lambda: _render_all(job, say), limits,
                                    "the personal handbooks"), progress)
        # everything rendered: only now is anything written, all in one transaction (a
        # full disk, an error or a kill leaves every copy as it was, or all are new)
        with FolderTransaction(out_dir / tag) as transaction:
            for path, target in finished:
                transaction.put(target, path.read_bytes())
    return RosterBuilt(copies=tuple(job.targets), merged=job.merged, deck=job.deck,
                       pages=pages, skipped=tuple(found.problems),
                       warnings=tuple(warnings) + found.warnings,
                       seconds=time.perf_counter() - start)


def _with_progress(work: Callable[[Callable[[str], None]], T],
                   progress: Callable[[str], None]) -> T:
    """Run `work(say)`, where `say` may be called from any forked process: the messages
    come back through a pipe and `progress` prints them here, as they happen."""
    import threading
    from multiprocessing import get_context

    receive, send = get_context("fork").Pipe(duplex=False)

    def relay() -> None:
        while True:
            try:
                message = receive.recv()
            except (EOFError, OSError):
                return
            if message is None:
                return
            progress(message)

    thread = threading.Thread(target=relay, daemon=True)
    thread.start()
    try:
        return work(send.send)
    finally:
        send.send(None)
        send.close()
        thread.join(timeout=5)
        receive.close()


@dataclass(frozen=True)
class Job:
    sources: Sources
    renderer: HandbookRenderer
    options: PrintOptions
    created: str
    persons: list[Any]
    targets: list[Path]
    merged: Path | None
    deck: Path | None
    workers: int
    allow_network: bool
    scratch: Path = Path()  # made and removed by the parent, even if the child is killed


def _render_all(job: Job, progress: Callable[[str], None]) -> tuple[int, list[tuple[Path, Path]]]:
    """In the render child: lay out the body here (the workers fork after it, so they
    share it), then personal pages, copies, merge and deck across the worker pool.

    Every finished file is left in the scratch folder; returns the page count and
    (finished file, target) pairs, for the parent to write once the child succeeded."""
    import multiprocessing

    from smguide.handbook.personal import lay_out_body

    # run_limited starts this process as a daemon, which multiprocessing forbids to have
    # children; the pool below is always shut down before it returns, and its workers
    # die with this process (PR_SET_PDEATHSIG) if it is stopped at a limit.
    multiprocessing.current_process().daemon = False
    document, slots = lay_out_body(job.renderer, job.options, job.created, job.allow_network)
    shared = Shared(job, document, slots)
    persons = job.persons
    chunks = [persons[i:i + CHUNK] for i in range(0, len(persons), CHUNK)]
    specs: list[Any] = [None] * len(persons)
    tmp = job.scratch
    with ProcessPoolExecutor(max_workers=job.workers, mp_context=get_context("fork"),
                             initializer=_start_worker, initargs=(shared,)) as pool:
        body = Path(tmp) / "body.pdf"
        body_job = pool.submit(_write_body, body)
        chunk_jobs = {pool.submit(_write_personal, Path(tmp) / f"personal-{n}.pdf", chunk): n
                      for n, chunk in enumerate(chunks)}
        body_job.result()
        copies: list[Future] = []
        for done in as_completed(chunk_jobs):
            n, path = chunk_jobs[done], done.result()
            for offset, person in enumerate(chunks[n]):
                index = n * CHUNK + offset
                specs[index] = _spec(person, 2 * offset, slots, path, job.targets[index],
                                     job.renderer.guide.title)
                copies.append(pool.submit(_assemble, body, specs[index],
                                          Path(tmp) / f"copy-{index}.pdf", job.options))
        extra = []
        if job.merged is not None:
            extra.append(pool.submit(_merge, body, specs, [p.hire.name for p in persons],
                                     Path(tmp) / "merged.pdf", job.merged, job.options))
        if job.deck is not None:
            extra.append(pool.submit(_cohort_deck, tuple(p.hire.name for p in persons),
                                     Path(tmp) / "deck.pptx"))
        for number, copied in enumerate(as_completed(copies), 1):
            spec = copied.result()
            progress(f"[{number}/{len(persons)}] {spec.title.split(': ', 1)[-1]} -> "
                     f"{display_path(spec.output)}")
        finished = [(Path(tmp) / f"copy-{index}.pdf", spec.output)
                    for index, spec in enumerate(specs)]
        finished += [made.result() for made in extra]
    return slots.pages, finished


@dataclass
class Shared:
    """What each pool worker is given when it forks from the render child (fork copies it:
    the laid-out body is never pickled), and the files that worker has opened since."""

    job: Job
    body: Any  # the laid-out WeasyPrint document
    slots: Any
    opened: dict[tuple[str, str], Any] = field(default_factory=dict)


_worker: Shared | None = None  # in a pool worker only: set once, by _start_worker


def _start_worker(shared: Shared) -> None:
    """The pool's initializer: the worker dies with the render child, and keeps `shared`."""
    from smguide.safety.sandbox import die_with_parent

    global _worker
    die_with_parent()
    _worker = shared


def _shared() -> Shared:
    if _worker is None:
        raise RuntimeError("a roster task ran outside the roster's worker pool")
    return _worker


def _marked(options: PrintOptions, pdf: bytes) -> bytes:
    """Crop marks for the print shop, as `smguide pdf --print` draws them."""
    from smguide.handbook.printmarks import finish_marks

    return finish_marks(pdf, options.crop_marks, cmyk=options.pdfx)


def _write_body(path: Path) -> Path:
    from smguide.handbook.pdf import write_document

    shared = _shared()
    path.write_bytes(write_document(shared.body, tuple(shared.job.renderer.template_dirs)))
    return path


def _write_personal(path: Path, chunk: list) -> Path:
    from smguide.handbook.personal import render_personal

    shared = _shared()
    job = shared.job
    path.write_bytes(render_personal(job.renderer, job.options, chunk, shared.slots,
                                     job.created, job.allow_network))
    return path


def _spec(person: Any, first: int, slots: Any, personal: Path, target: Path,
          title: str) -> Any:
    from smguide.handbook.assemble import CopySpec

    return CopySpec(slots=((slots.cover, first), (slots.week, first + 1)),
                    title=f"{title}: {person.hire.name}", output=target, personal=str(personal))


def _opened(kind: str, path: Path | str) -> Any:
    """The body bytes or a parsed personal PDF, read once per worker process."""
    key, opened = (kind, str(path)), _shared().opened
    if key not in opened:
        from smguide.handbook.assemble import Personal

        data = Path(path).read_bytes()
        opened[key] = data if kind == "body" else Personal(data)
    return opened[key]


def _assemble(body: Path, spec: Any, scratch: Path, options: PrintOptions) -> Any:
    from smguide.handbook.assemble import assemble

    scratch.write_bytes(_marked(options, assemble(_opened("body", body),
                                                  _opened("personal", spec.personal), spec)))
    return spec


def _merge(body: Path, specs: list, names: list[str], scratch: Path, target: Path,
           options: PrintOptions) -> tuple[Path, Path]:
    from smguide.handbook.assemble import merge

    personals = {spec.personal: _opened("personal", spec.personal) for spec in specs}
    scratch.write_bytes(_marked(options, merge(_opened("body", body), personals, specs,
                                               names)))
    return scratch, target


def _cohort_deck(names: tuple[str, ...], scratch: Path) -> tuple[Path, Path]:
    from smguide.deck.cohort import CohortDeck

    job = _shared().job
    data, _ = CohortDeck(job.renderer.guide, job.renderer.brand,
                         templates=job.sources.templates, names=names).render()
    assert job.deck is not None
    scratch.write_bytes(data)
    return scratch, job.deck
