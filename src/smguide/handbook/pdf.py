"""HTML + CSS -> PDF bytes with WeasyPrint, reading only allowed files: the handbook laid
out (its blocks placed, its chapters fitted, its hyphens settled; the same handbook as
before laid out once, kept.py) and written.

This side never sees the content model: it typesets a `Manuscript` (manuscript.py), so
the process that runs it imports WeasyPrint (slow: it loads while the parent validates)
and nothing of the model.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from smguide.errors import ContentError, Problem, Where
from smguide.handbook.breaks import settle
from smguide.handbook.endings import Ending, Fit, endings, recorded
from smguide.handbook.facing import left_css, opened_left, to_open_left
from smguide.handbook.fitting import fit_chapters
from smguide.handbook.floats import Alone, Move, moved, place_floats, place_floats_alone
from smguide.handbook.guard import engine_guard, refuse_unsafe_links
from smguide.handbook.kept import chapter_keys, fit_key, keep_laid, keep_padding, laid_before
from smguide.handbook.layouts import Layouts
from smguide.handbook.manuscript import VARIANT, Manuscript, PrintSpec
from smguide.handbook.rags import even_rags
from smguide.handbook.settled import Settling
from smguide.handbook.trials import Trials
from smguide.io.usercache import cached_json, code_of, keep_json
from smguide.safety import forked
from smguide.safety.fetcher import make_fetcher

if TYPE_CHECKING:
    from smguide.handbook.preflight import Finding

# where the printed handbook's padding pages go (templates/handbook/back-cover.html.j2),
# and one padding page: a notes page
PADDING, PAD_PAGE = '<div class="print-padding"></div>', '<div class="print-pad"></div>'


def lay_out(manuscript: Manuscript, *, allow_network: bool = False,
            code: bytes | None = None, jobs: int | None = None) -> Any:
    """Paginate the manuscript (a WeasyPrint Document) with the guarded fetcher; a print
    handbook is padded with notes pages before its back cover to a multiple of 4 pages
    (laid out again, with as many as it needs). The same handbook as before is laid out
    once, padded too: what its layout ended with is kept in the user's cache
    (`kept.keep_laid`, `kept.keep_padding`), under a key made with `code`
    (`layout_code()` as the parent read it; None: as read here). `jobs`: the processes
    the fitting's trials may use (safety.forked; None: SMGUIDE_JOBS or the idle cores).
    """
    with forked.using(jobs):
        return _padded(manuscript, allow_network, code)


def _padded(manuscript: Manuscript, allow_network: bool, code: bytes | None) -> Any:
    from smguide.handbook.engine import import_weasyprint

    import_weasyprint()
    code = layout_code() if code is None else code
    key = fit_key(manuscript, manuscript.html, code) if manuscript.fit else None
    earlier: list[Layouts] = []  # the first one's layouts: its parts laid out
    document, fitted, text = _lay_out(manuscript, manuscript.html, allow_network, key, code,
                                      earlier=earlier)
    if manuscript.print_spec and PADDING in text:
        missing = -len(document.pages) % 4  # a saddle-stitched booklet: sheets of 4 pages
        if key:
            keep_padding(key, missing)
        if missing:  # (the chapters as fitted the first time: the padding comes after them;
            # bound from parts, only the last chapter's is laid out again)
            document, _, _ = _lay_out(manuscript, text.replace(
                PADDING, PAD_PAGE * missing, 1), allow_network, None, code, fitted, earlier)
    refuse_unsafe_links(document)
    return document


def _lay_out(manuscript: Manuscript, text: str, allow_network: bool, key: str | None,
             code: bytes, fitted: str | None = None, earlier: list[Layouts] | None = None
             ) -> tuple[Any, str, str]:
    """The document, the CSS that fitted its chapters (`fitted`: use that CSS) and the
    HTML as laid out, with the hyphens breaks.py took back; `key` (kept.fit_key): the
    same handbook laid out before is laid out as it was then. `earlier`: the layouts
    made before (used again: the parts they laid out), and where this one's is put."""
    given = text
    with engine_guard(manuscript.template_dirs):
        if earlier:
            layouts = earlier[0]
        else:
            fetcher = make_fetcher(list(manuscript.allowed), allow_network=allow_network)
            layouts = Layouts(manuscript, text, fetcher)
            if earlier is not None:
                earlier.append(layouts)

        def render(extra_css: str, markup: str | None = None) -> Any:
            return layouts.render(extra_css, given if markup is None else markup)

        fit = manuscript.fit
        # (laid out whole: none of its parts is a trial's, and none is laid out again)
        again = _laid_again(key, text, lambda css, markup: layouts.render(
            css, markup, whole=True), fit, manuscript.print_spec is not None) \
            if key and fit else None
        if again is not None:  # the same handbook as before: one layout
            return again
        made: list[Move] = []
        placed = text
        if fitted is not None:
            document, css = render(fitted), fitted
        elif fit:
            document, css, placed, text, made = _fit_handbook(manuscript, fit, text, key,
                                                              layouts, code)
        else:
            document, css = render(""), ""
        # no word hyphenated across a page turn, never two hyphens in a row (on
        # the chapters alone already, when they were fitted: this checks the whole)
        document, text = settle(document, text, lambda markup: render(css, markup))
        settled, evened = text, list[list[Any]]()
        if fitted is None:  # (laid out again with notes pages: as they were set then)
            # paragraphs ending on a lone word or a tie's notch set again (pages kept)
            document, text, evened = even_rags(
                document, text, lambda markup: render(css, markup),
                lambda markup: layouts.render(css, markup, numbered=False))
        if key and fit:
            keep_laid(key, css, made, placed, settled, endings(document, fit), evened)
        return document, css, text


def _fit_handbook(manuscript: Manuscript, fit: Fit, text: str, key: str | None,
                  layouts: Layouts, code: bytes) -> tuple[Any, str, str, str, list[Move]]:
    """Kept-whole blocks that would leave a hole set after the text that follows them
    (floats.py), then chapters that would end on a page under half full (fitting.py),
    with the hyphens taken back on the chapters alone (settled.py): the document, the
    fitting CSS, the HTML as placed, the HTML it was laid out from and the moves made."""
    render, trial, given = layouts.render, layouts.trial, text
    text, first, ends, made, (whole, changed) = _placed(
        lambda markup: render("", markup), text, fit, key,
        lambda made, anchor: trial("", anchor, given, tuple(made)))
    html = layouts.parse(text)
    settling = Settling(text, html.etree_element, fit, lambda anchor, css, dropped: trial(
        css, anchor, text, dropped=dropped))
    if whole is not None:
        settling.saw_whole(whole, set(changed))
    for chapter, layout in changed.items():
        settling.saw("", chapter, layout)
    del whole, changed
    laid_from: WeakKeyDictionary[Any, str] = WeakKeyDictionary()  # document -> its HTML

    def reuse(extra_css: str) -> Any:  # the layout place_floats ended with, once
        nonlocal first
        if not extra_css and first is not None and settling.text == text:
            document, first = first, None
        else:  # the HTML as placed (not as given), with the hyphens settled so far
            document = render(extra_css, settling.text)
        laid_from[document] = settling.text
        return document

    trials = Trials(layouts, settling, text)
    document, css = fit_chapters(reuse, fit, fit_key(manuscript, text, code), trials.trial,
                                 chapter_keys(manuscript, html, code), ends, settling.settle,
                                 trials.each)
    document, css = _facing(document, css, fit, reuse)
    return document, css, text, laid_from.get(document, text), made


def _facing(document: Any, css: str, fit: Fit, render: Callable[[str], Any]
            ) -> tuple[Any, str]:
    """The chapters whose opening page turns a kept-together block overleaf after a
    notes page opened on that notes page instead (facing.py), when they come out so:
    the document and the CSS."""
    anchors = to_open_left(document, fit, css)
    if not anchors:
        return document, css
    more = f"{css}\n{left_css(anchors)}"
    opened = render(more)
    return (opened, more) if opened_left(opened, fit, document, anchors) else (document, css)


def _laid_again(key: str, text: str, render: Callable[..., Any], fit: Fit, padded: bool
                ) -> tuple[Any, str, str] | None:
    """The handbook laid out once as it was before (`kept.laid_before`): (document, CSS,
    HTML), when it comes out as it did then (its chapters' endings); `padded` (a print
    handbook): with the notes pages it needed then, when it comes to a multiple of 4."""
    laid = laid_before(key, text)
    if laid is None:
        return None
    css, final, ending, pad = laid
    padded = padded and pad > 0 and PADDING in final
    if padded:
        final = final.replace(PADDING, PAD_PAGE * pad, 1)
    document = render(css, final)
    if recorded(endings(document, fit)) != ending or padded and len(document.pages) % 4:
        return None
    return document, css, final


def _placed(lay_out: Callable[[str], Any], text: str, fit: Fit, key: str | None,
            alone: Alone | None = None
            ) -> tuple[str, Any, dict[str, Ending] | None, list[Move],
                       tuple[Any, dict[str, Any]]]:
    """`place_floats`: the HTML as placed and its layout; or when `key` placed this HTML
    before, the HTML with the moves made then (kept in the user's cache) and no layout.
    With `alone`, the moves are tried on each chapter alone (`place_floats_alone`): when a
    chapter's blocks moved, there is no layout of the HTML as placed, but how each
    chapter ends in it (from the layout of the HTML as given and of the chapters that
    moved, alone). Also the moves made, and the layouts made on the way: of the HTML as
    given (None when it was not laid out) and of each chapter that moved, alone."""
    known = cached_json(f"floats-{key}") if key else None
    if isinstance(known, list) and all(isinstance(m, list) and len(m) == 2 for m in known):
        made = [Move(str(block), str(after)) for block, after in known]
        return moved(text, made), None, None, made, (None, {})
    placed = place_floats_alone(lay_out, text, fit, alone) if alone else None
    ends = None
    seen: tuple[Any, dict[str, Any]] = (None, {})
    if placed is not None:
        text, document, made, changed = placed
        seen = document, changed
        if changed:
            ends = endings(document, fit)
            for chapter, layout in changed.items():
                ends.update(endings(layout, replace(fit, chapters=(chapter,))))
            document = None
    else:
        text, document, made = place_floats(lay_out, text, fit)
    if key:
        keep_json(f"floats-{key}", [[m.block, m.after] for m in made])
    return text, document, ends, made, seen


@lru_cache(maxsize=1)
def layout_code() -> bytes:
    """The code that decides what a kept layout holds (this module, the layouts, the
    kept layouts, the chapters alone, the fitting with the endings it reads and the
    spacing it sets, the floats, the breaks taken back, on the chapters alone too, and
    the binding of the parts with their numbering, whose parts are the fitting's
    trials, how the trials run, and the paragraphs set again with the lines they are
    judged by, rags.py and raglines.py): a fit kept by another version of it is not used,
    nor one laid out with its paragraphs not set again (rags.UNEVEN).

    Read it where these modules are imported, before a render child forks with them
    (commands.build, commands.roster) and pass it down: the child then runs the code
    that was read. Read in the child as it lays out, seconds later, an edit made in
    between would key a layout of the old code with the new code."""
    from smguide.handbook import (
        alone,
        binding,
        breaks,
        endings,
        facing,
        fitting,
        floats,
        kept,
        layouts,
        numbering,
        raglines,
        rags,
        settled,
        spacing,
        trials,
    )

    return code_of(sys.modules[__name__], layouts, kept, alone, breaks, fitting, endings,
                   facing, spacing, floats, settled, binding, numbering, trials, rags, raglines) + \
        (b"\0rags as laid out" if os.environ.get(rags.UNEVEN) else b"")


def render_pdf(manuscript: Manuscript, *, crop_marks: bool = False,
               allow_network: bool = False, uncompressed: bool = False,
               booklet: bool = False, creep_mm: float = 0.0,
               code: bytes | None = None, jobs: int | None = None
               ) -> tuple[bytes, int, list[Problem]]:
    """Lay out and write the handbook; return (pdf bytes, page count, warnings).

    The file identifier is a hash of the PDF's own objects, so the same inputs (and
    SOURCE_DATE_EPOCH) give the same bytes. `uncompressed` is for tests that search
    the bytes. A print PDF is preflighted: an error fails the render (nothing is
    written), a warning is returned. `booklet`: the print PDF as printer spreads for
    saddle stitching (with crop marks on the sheets, so `crop_marks` is not used); `code`:
    `layout_code()`, read by the parent (None: read here); `jobs`: as `lay_out`'s."""
    document = lay_out(manuscript, allow_network=allow_network, code=code, jobs=jobs)
    spec = manuscript.print_spec
    data = write_document(document, manuscript.template_dirs, uncompressed, spec)
    if spec:
        from smguide.handbook.cmyk import CmykConverter
        from smguide.handbook.pdfx import finish_pdfx

        converter = CmykConverter(spec.profile, dict(spec.exact_cmyk), spec.k_only)
        data = finish_pdfx(data, spec.profile, converter)
    if booklet and spec:
        from smguide.handbook.impose import impose

        data = impose(data, creep_mm)  # with the sheets' own crop and fold marks
    else:
        from smguide.handbook.printmarks import finish_marks

        data = finish_marks(data, crop_marks, cmyk=spec is not None)
    warnings: list[Problem] = []
    if spec:
        from smguide.handbook.preflight import preflight

        report = preflight(data)
        if report.errors:  # one line each, the same finding on several pages once
            raise ContentError([Problem.at(Where(""), f"the print PDF failed its own "
                                           f"preflight: {line}")
                                for line in by_pages(spec, report.errors)])
        warnings = [Problem.warn(Where(""), f"preflight: {line}")
                    for line in by_pages(spec, report.warnings)]
    return data, len(document.pages), warnings


def by_pages(spec: PrintSpec, findings: list[Finding]) -> list[str]:
    """Preflight findings as lines, one a finding: the same one on several pages (the
    logo on the front and back covers) once, naming its pages ("pages 1 and 16: ...")."""
    pages: dict[str, list[int]] = {}
    for finding in findings:
        line = spec.named(replace(finding, page=None)).removeprefix("file: ")
        pages.setdefault(line, [])
        if finding.page is not None:
            pages[line].append(finding.page)
    return [f"{_pages(numbers)}{line}" for line, numbers in pages.items()]


def _pages(numbers: list[int]) -> str:
    if not numbers:
        return "file: "
    if len(numbers) == 1:
        return f"page {numbers[0]}: "
    listed = ", ".join(str(n) for n in numbers[:-1])
    return f"pages {listed} and {numbers[-1]}: "


def write_document(document: Any, template_dirs: tuple[Path, ...],
                   uncompressed: bool = False, spec: PrintSpec | None = None) -> bytes:
    """A laid-out document's PDF bytes (tagged, with a reproducible file identifier)."""
    variant = spec.variant() if spec else {"pdf_variant": VARIANT}
    with engine_guard(template_dirs), _streams_made_once():
        return document.write_pdf(pdf_identifier=True, uncompressed_pdf=uncompressed,
                                  **variant)


@contextmanager
def _streams_made_once() -> Iterator[None]:
    """While WeasyPrint's PDF writer (pydyf) writes a file, each stream's bytes made once.

    For the file identifier, pydyf hashes every object's bytes after writing them, so
    each page's content stream, font and picture is made (and compressed, at zlib's
    level 9) twice: about 0.06 s of the 0.45 s a 24-page handbook takes to write. A
    stream does not change while the file is written, so its bytes are kept from the
    first time until the writing ends: the same file, byte for byte."""
    import pydyf

    write, made = pydyf.PDF.write, pydyf.Stream.data
    if not isinstance(made, property) or made.fget is None:
        yield  # another pydyf than the one this was written for: as it is
        return
    making = made.fget

    def write_once(self: Any, *args: Any, **kwargs: Any) -> Any:
        kept: dict[int, tuple[Any, bytes]] = {}  # id -> (stream, its bytes)

        def data(stream: Any) -> bytes:
            if id(stream) not in kept:
                kept[id(stream)] = stream, making(stream)
            return kept[id(stream)][1]

        pydyf.Stream.data = property(data)
        try:
            return write(self, *args, **kwargs)
        finally:
            pydyf.Stream.data = made

    pydyf.PDF.write = write_once
    try:
        yield
    finally:
        pydyf.PDF.write = write
