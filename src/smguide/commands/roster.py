"""`smguide pdf --roster`: one personal handbook per new hire, fast.

What is shared is rendered once: the body is laid out once (here), with empty pages where
each person's cover and first-week page go; the personal pages of everyone are laid out
in a few large documents (one per chunk of people, in parallel); then each copy is
assembled from those pages, on every core (the first copy of each shape with pikepdf,
the others appended to it as incremental updates: handbook.incremental); all the copies
(and the merged file and cohort deck) are written in one transaction (io.transaction).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from smguide.commands.build import load
from smguide.errors import ContentError, Problem
from smguide.handbook.html import HandbookRenderer
from smguide.io.atomic import check_writable
from smguide.io.progress import CopyProgress
from smguide.io.transaction import FolderTransaction
from smguide.model.options import PrintOptions, Sources, creation_date
from smguide.paths import display_path
from smguide.safety.sandbox import Limits, run_in_batches, run_limited
from smguide.safety.scratch import ScratchFolder

# people per personal-pages document: each is laid out once per shape of pages and
# stamped for the others (handbook.stamp), so bigger is cheaper; but at least two per
# worker, so that every core has pages to lay out from the start
CHUNK = (25, 250)
BATCH = 100  # finished copies handed to the parent at a time (and the time limit's unit)
OPENED = 3  # parsed personal-pages documents a pool worker keeps (each serves a chunk)


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
    skipped: tuple[Problem, ...]  # the bad rows' problems (with skip_bad_rows)
    warnings: tuple[Problem, ...]
    seconds: float


def copies_name(output: Path) -> str:
    """The copies' folder (and merged file's, deck's) name: handbook-de.pdf -> handbooks-de."""
    stem = output.stem
    return "handbooks" + (stem[len("handbook"):] if stem.startswith("handbook") else f"-{stem}")


def build_roster(sources: Sources, roster: Path, output: Path, options: PrintOptions,
                 roster_options: RosterOptions, limits: Limits | None = None,
                 progress: Callable[[str], None] = lambda _: None) -> RosterBuilt:
    """Validate the content and the roster, then write output/handbooks/<slug>.pdf for
    every valid row (and the merged file and the cohort deck when asked).

    Nothing is written when a row is bad, unless skip_bad_rows. The rendering runs in a
    child process within `limits`, like every other render."""
    from smguide.handbook.glyphs import glyph_warnings
    from smguide.handbook.pdf import layout_code
    from smguide.handbook.personal import check_labels, extra_fields, people, teams
    from smguide.sources.roster import read_roster, safe_output

    start = time.perf_counter()
    guide, brand, warnings = load(sources)
    check_labels(guide, display_path(Path(guide.root) / "labels.yaml"))
    found = read_roster(roster, teams(guide), display_path(roster),
                        extra_fields(sources.templates), guide.language)
    if found.problems and not roster_options.skip_bad_rows:
        raise ContentError(found.problems)
    if not found.hires:
        raise ContentError([*found.problems, Problem("error", display_path(roster), None, None,
                                                     None, "no row to make a handbook from")])
    limits = limits or Limits.from_env()
    out_dir, tag = output.parent, copies_name(output)
    job = Job(sources=sources, renderer=HandbookRenderer(guide, brand, sources.templates),
              options=options, created=creation_date(), persons=people(guide, found.hires),
              targets=[safe_output(out_dir / tag, h.slug) for h in found.hires],
              merged=out_dir / f"{tag}-all.pdf" if roster_options.merge else None,
              deck=out_dir / f"{tag}-welcome.pptx" if roster_options.deck else None,
              workers=roster_options.workers or min(os.cpu_count() or 1, 8),
              allow_network=limits.allow_network, seconds=limits.max_seconds, code=layout_code())
    for target in (*job.targets, job.merged, job.deck):  # all of them, before rendering any
        if target is not None:
            check_writable(target)
    warnings += run_limited(lambda: glyph_warnings(found.hires, brand, display_path(roster)),
                            limits, "the brand's fonts")
    # the scratch folder holds the hires' pages: the parent removes it, whatever happens to
    # the render child. Finished copies come back a batch at a time and are staged at once
    # (neither disk nor memory grows with the roster); the transaction commits all or none.
    with ScratchFolder("smguide-roster-") as scratch, \
            FolderTransaction(out_dir / tag) as transaction:
        job = replace(job, scratch=Path(scratch))

        def received(report: tuple[str, Any]) -> None:
            kind, value = report
            if kind == "say":
                progress(value)
                return
            for path, target in value:  # ("copies", [(finished file, target), ...])
                transaction.put(target, path.read_bytes())
                path.unlink()

        pages, finished = run_in_batches(lambda report: _render_all(job, report), limits,
                                         "the personal handbooks", received)
        received(("copies", finished))
    return RosterBuilt(copies=tuple(job.targets), merged=job.merged, deck=job.deck,
                       pages=pages, skipped=tuple(found.problems),
                       warnings=tuple(warnings) + found.warnings,
                       seconds=time.perf_counter() - start)


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
    seconds: float  # the time limit, per batch
    code: bytes  # handbook.pdf.layout_code(), read here before any render child forks
    scratch: Path = Path()  # made and removed by the parent, even if the child is killed


def _render_all(job: Job, report: Callable[[tuple[str, Any]], None]
                ) -> tuple[int, list[tuple[Path, Path]]]:
    """In the render child: lay out the body here (the workers fork after it, so they
    share it), then personal pages, copies, merge and deck across the worker pool.

    Finished copies are left in the scratch folder and reported to the parent a batch at a
    time (`report(("copies", [(file, target), ...]))`, with `("say", text)` for progress);
    returns the page count and the merged file and deck, for the parent to stage last."""
    import multiprocessing

    from smguide.handbook.personal import lay_out_body

    # run_limited starts this process as a daemon, which multiprocessing forbids to have
    # children; the pool below is always shut down before it returns, and its workers
    # die with this process (PR_SET_PDEATHSIG) if it is stopped at a limit.
    multiprocessing.current_process().daemon = False
    body, slots = lay_out_body(job.renderer, job.options, job.created, job.allow_network, job.code)
    with ProcessPoolExecutor(max_workers=job.workers, mp_context=get_context("fork"),
                             initializer=_start_worker,
                             initargs=(Shared(job, body, slots),)) as pool:
        stream = _CopyStream(job, pool, slots, report)
        stream.run()
        finished = stream.batch + stream.extras()
    return slots.pages, finished


class _CopyStream:
    """One roster's personal pages and copies across the worker pool, handled as they
    finish: a few personal-page documents at a time, so that copies are assembled (and
    handed to the parent, BATCH at a time) from the start, not after every page is laid
    out."""

    def __init__(self, job: Job, pool: ProcessPoolExecutor, slots: Any,
                 report: Callable[[tuple[str, Any]], None]):
        self.job, self.pool, self.slots, self.report = job, pool, slots, report
        persons = job.persons
        self.size = max(CHUNK[0], min(CHUNK[1], -(-len(persons) // (2 * job.workers))))
        self.chunks = [persons[i:i + self.size] for i in range(0, len(persons), self.size)]
        self.waiting = list(enumerate(self.chunks))
        self.specs: list[Any] = [None] * len(persons)
        self.body = Path(job.scratch) / "body.pdf"
        self.counter = CopyProgress(len(persons), lambda text: report(("say", text)))
        self.chunk_jobs: dict[Future, int] = {}  # a personal-page document -> its chunk
        self.copies: dict[Future, int] = {}  # a copy being assembled -> its person
        self.batch: list[tuple[Path, Path]] = []  # finished copies not yet reported

    def run(self) -> None:
        """The body, then every chunk's personal pages and each person's copy."""
        body_job = self.pool.submit(_write_body, self.body)
        pending: set[Future] = {f for f in (self._next_chunk()
                                            for _ in range(2 * self.job.workers))
                                if f is not None}
        body_job.result()
        while pending:  # personal pages and copies as they finish: copies stream out
            finished_now, pending = wait(pending, return_when=FIRST_COMPLETED)
            for done in finished_now:
                pending |= (self._chunk_done(done) if done in self.chunk_jobs
                            else self._copy_done(done))

    def _next_chunk(self) -> Future | None:
        if not self.waiting:
            return None
        n, chunk = self.waiting.pop(0)
        started = self.pool.submit(_write_personal,
                                   Path(self.job.scratch) / f"personal-{n}.pdf", chunk)
        self.chunk_jobs[started] = n
        return started

    def _chunk_done(self, done: Future) -> set[Future]:
        """A chunk's personal pages laid out: the next chunk started, and each of its
        people's copies."""
        started: set[Future] = set()
        following = self._next_chunk()
        if following is not None:
            started.add(following)
        n, files = self.chunk_jobs.pop(done), done.result()
        for offset, person in enumerate(self.chunks[n]):
            index = n * self.size + offset
            path, pages = next((path, pages[offset]) for path, pages in files
                               if pages[offset] is not None)
            self.specs[index] = _spec(person, pages, self.slots, path, self.job.targets[index],
                                      self.job.renderer.guide)
            copy = self.pool.submit(_assemble, self.body, self.specs[index],
                                    Path(self.job.scratch) / f"copy-{index}.pdf", self.job.options)
            self.copies[copy] = index
            started.add(copy)
        return started

    def _copy_done(self, done: Future) -> set[Future]:
        """A copy assembled: counted, and reported with its batch when that is full."""
        spec, index = done.result(), self.copies.pop(done)
        self.batch.append((Path(self.job.scratch) / f"copy-{index}.pdf", spec.output))
        self.counter.done(spec)
        if len(self.batch) >= BATCH:
            self.report(("copies", self.batch))
            self.batch = []
        return set()

    def extras(self) -> list[tuple[Path, Path]]:
        """After the copies: the merged file and the deck, which need every spec."""
        job, tmp, persons = self.job, Path(self.job.scratch), self.job.persons
        extra = []
        if job.merged is not None:
            extra.append(self.pool.submit(_merge, self.body, self.specs,
                                          [p.hire.name for p in persons],
                                          tmp / "merged.pdf", job.merged, job.options))
        if job.deck is not None:
            extra.append(self.pool.submit(_cohort_deck, tuple(p.hire.name for p in persons),
                                          tmp / "deck.pptx"))
        return [made.result() for made in extra]


@dataclass
class Shared:
    """What each pool worker is given when it forks from the render child (fork copies it:
    the laid-out body is never pickled), and the files that worker has opened since."""

    job: Job
    body: Any  # the laid-out WeasyPrint document
    slots: Any
    opened: dict[tuple[str, str], Any] = field(default_factory=dict)


_worker: Shared | None = None  # the pool's per-process state (_start_worker)


def _start_worker(shared: Shared) -> None:
    """The pool's initializer (concurrent.futures' way to give a worker, unpickled, what its
    tasks share): `_worker` is set in that worker only, gone with it; it dies with the child."""
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


def _write_personal(path: Path, chunk: list) -> list[tuple[Path, tuple[Any, ...]]]:
    """The chunk's personal pages, in one file or two (path, path-2...): each file's path
    and every person's (cover, week) pages in it, or None."""
    from smguide.handbook.personal import render_personal
    from smguide.safety.sandbox import restart_clock

    restart_clock(_shared().job.seconds)  # each batch of pages has the whole time limit
    shared = _shared()
    job = shared.job
    files = []
    for n, made in enumerate(render_personal(job.renderer, job.options, chunk, shared.slots,
                                             job.created, job.allow_network, code=job.code)):
        target = path if not n else path.with_name(f"{path.stem}-{n + 1}{path.suffix}")
        target.write_bytes(made.data)
        files.append((target, made.pages))
    return files


def _spec(person: Any, pages: tuple[int, int], slots: Any, personal: Path, target: Path,
          guide: Any) -> Any:
    """A copy's spec: its pages, and its title "Guide title: Name" as the guide's language
    writes it (a French one with the no-break space before the colon)."""
    from smguide.handbook.assemble import CopySpec

    return CopySpec(slots=((slots.cover, pages[0]), (slots.week, pages[1])),
                    title=guide.typography.pair(guide.title, person.hire.name), output=target,
                    personal=str(personal), name=person.hire.name)


def _opened(kind: str, path: Path | str) -> Any:
    """The body bytes, a parsed personal PDF or the copier of that personal PDF onto the
    body (`kind` the body's path), read once per worker process; only the last few
    personal ones are kept, so a worker's memory does not grow with the roster."""
    key, opened = (kind, str(path)), _shared().opened
    if key in opened:
        opened[key] = opened.pop(key)  # most recently used last
    else:
        from smguide.handbook.assemble import Personal
        from smguide.handbook.incremental import Copier

        data = Path(path).read_bytes()
        opened[key] = data if kind == "body" else Personal(data) if kind == "personal" \
            else Copier(_opened("body", kind), _opened("personal", path))
        same = [k for k in opened if k[0] == kind]
        for old in same[:-OPENED] if kind != "body" else ():
            del opened[old]
    return opened[key]


def _assemble(body: Path, spec: Any, scratch: Path, options: PrintOptions) -> Any:
    """One copy: an incremental update of the first copy of its shape (handbook.incremental)."""
    scratch.write_bytes(_marked(options, _opened(str(body), spec.personal).copy(spec)))
    return spec


def _merge(body: Path, specs: list, names: list[str], scratch: Path, target: Path,
           options: PrintOptions) -> tuple[Path, Path]:
    from smguide.handbook.assemble import merge

    personals = {spec.personal: _opened("personal", spec.personal) for spec in specs}
    scratch.write_bytes(_marked(options, merge(_opened("body", body), personals, specs, names)))
    return scratch, target


def _cohort_deck(names: tuple[str, ...], scratch: Path) -> tuple[Path, Path]:
    from smguide.deck.cohort import cohort_plan
    from smguide.deck.render import DeckRenderer

    job = _shared().job
    data, _ = DeckRenderer(job.renderer.guide, job.renderer.brand,
                           templates=job.sources.templates, plan=cohort_plan(names)).render()
    assert job.deck is not None
    scratch.write_bytes(data)
    return scratch, job.deck
