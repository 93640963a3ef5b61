"""Chapter endings fitted, as a designer fits them: no chapter ends on a page that holds
only a few lines or a box.

Every chapter starts on a new right-hand page at the same depth (one opener for the paper
size), so how full its last page is depends on that chapter's own spacing. After a first
layout, the chapters whose pages would be less than half full are set again: a chapter
that runs over by a few lines, or had a kept-whole block pushed to its last page, is
tightened (its spacing closed up a little) so they come back; a chapter whose last page
would hold under half a page is loosened (its spacing opened up a little, in two steps),
so its last page fills to more than half; a chapter whose opening page stops a few lines
short (endings.SHORT_LINES: its kept block went overleaf) is tried so too, as a hole
is. The best of what was tried is kept. How each
chapter ends is read from the laid-out pages (endings.py); the spacing of each variant is
CSS scoped to the chapter (spacing.py).

Since a chapter starts on a new right-hand page, how its pages fill depends on it alone:
the variants are tried on the chapter laid out by itself (a small document), and the
handbook is laid out once more, with the spacing chosen, only when a chapter's spacing
changes. That layout is checked against what the trials measured; when it differs (a
template whose chapters do depend on what comes before them) the variants are tried on
the whole handbook instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from smguide.handbook.endings import NO_HOLE, Ending, Fit, endings, recorded
from smguide.handbook.spacing import FROM, THEN, TOP, WIDE, fitting_css, known, wide_block

# (extra CSS, a chapter's anchor) -> that chapter laid out alone (a WeasyPrint Document
# of the handbook's head and that chapter), or None when it cannot be cut out
Trial = Callable[[str, str], Any]
# the spacing chosen for each chapter -> the chapters whose hyphens were taken back before
# the handbook is laid out with it (settled.py): how each ends now, laid out alone, or None
# when that is not known
Settle = Callable[[dict[str, str]], dict[str, "Ending | None"]]
# (a chapter's trials, the chapters) -> what they found for each, in order: the chapters
# do not depend on each other, so they may be tried in other processes too (pdf.py)
Each = Callable[[Callable[[str], Any], list[str]], list[Any]]


def one_by_one(work: Callable[[str], Any], names: list[str]) -> list[Any]:
    """Each chapter's trials here, one after the other."""
    return [work(name) for name in names]

TIGHTEN_UP_TO = 0.22  # a last page at most this full is pulled back, not pushed on


def fit_chapters(render: Callable[[str], Any], fit: Fit, key: str | None = None,
                 trial: Trial | None = None, chapter_keys: dict[str, str] | None = None,
                 first: dict[str, Ending] | None = None, settle: Settle | None = None,
                 each: Each = one_by_one) -> tuple[Any, str]:
    """`_fit_anew`, or when `key` (a hash of everything the layout is made of)
    fitted this document before, the CSS it chose then, in one layout: kept in the user's
    cache with each chapter's pages as they came out, and used only when they come out
    the same again (anything the key missed, a font file changed in place, say, shows
    there, and the chapters are fitted anew). Each chapter's fitting is kept too, under
    its own key (`chapter_keys`: a hash of the chapter and all it is laid out with): when
    at least half the chapters were fitted before (an edit to a few), only the others are
    fitted, alone (`trial`), and the handbook is laid out once. `first`: how each chapter
    ends as it is, when that is known without laying the handbook out (from chapters laid
    out alone); checked by the layout with the spacing chosen. `settle` (with `trial`):
    the hyphens taken back on the chapters alone first, so that layout is the last.
    `each`: how the chapters' trials are done (one after the other, or in workers)."""
    from smguide.io.usercache import cached_json, keep_json

    name = f"fit-{key}" if key else None
    known = cached_json(name) if name else None
    if isinstance(known, dict) and isinstance(known.get("css"), str):
        document = render(known["css"])
        if recorded(endings(document, fit)) == known.get("endings"):
            return document, known["css"]
    kept = _kept_chapters(cached_json(CHAPTERS_CACHE), chapter_keys or {})
    fitted = None
    if trial is not None and chapter_keys and 2 * len(kept) >= len(fit.chapters):
        fitted = _fit_the_rest(render, fit, trial, kept, settle, each)
    document, chosen = fitted or _fit_anew(render, fit, trial, first, settle, each)
    css = fitting_css(chosen)
    if name:
        keep_json(name, {"css": css, "endings": recorded(endings(document, fit))})
    if chapter_keys:
        keep_json(CHAPTERS_CACHE, _keep_chapters(cached_json(CHAPTERS_CACHE), chapter_keys,
                                                 chosen, endings(document, fit)))
    return document, css


CHAPTERS_CACHE = "fit-chapters"  # chapter key -> [variant, pages, fills], newest last
KEEP_CHAPTERS = 2000  # the most chapters kept (about 100 KB)


def _kept_chapters(cached: Any, keys: dict[str, str]) -> dict[str, tuple[str, Any]]:
    """The chapters (anchor -> variant, shape) fitted before, from the cache's entries."""
    kept: dict[str, tuple[str, Any]] = {}
    if not isinstance(cached, dict):
        return kept
    for anchor, key in keys.items():
        entry = cached.get(key)
        if (isinstance(entry, list) and len(entry) == 3 and known(entry[0])
                and isinstance(entry[1], int) and isinstance(entry[2], list)):
            kept[anchor] = entry[0], (entry[1], tuple(entry[2]))
    return kept


def _keep_chapters(cached: Any, keys: dict[str, str], chosen: dict[str, str],
                   found: dict[str, Ending]) -> dict[str, Any]:
    entries = dict(cached) if isinstance(cached, dict) else {}
    for anchor, ending in found.items():
        if anchor in keys:
            entries.pop(keys[anchor], None)  # newest last
            pages, fills = _shape(ending)
            entries[keys[anchor]] = [chosen.get(anchor, ""), pages, list(fills)]
    return dict(list(entries.items())[-KEEP_CHAPTERS:])


def _fit_the_rest(render: Callable[[str], Any], fit: Fit, trial: Trial,
                  kept: dict[str, tuple[str, Any]], settle: Settle | None = None,
                  each: Each = one_by_one) -> tuple[Any, dict[str, str]] | None:
    """The chapters not in `kept` fitted alone, then the handbook laid out once with
    every chapter's spacing; None when a chapter cannot be laid out alone or the handbook
    does not come out as expected (then it is fitted anew)."""
    chosen: dict[str, str] = {}
    expected: dict[str, Any] = {}
    rest = [name for name in fit.chapters if name not in kept]
    found = dict(zip(rest, each(lambda name: _tried_alone(fit, trial, name, None), rest),
                     strict=True))
    for name in fit.chapters:
        if name in kept:
            chosen[name], expected[name] = kept[name]
            continue
        results = found[name]
        if results is None:
            return None
        chosen[name] = _best(results)
        expected[name] = _shape(results[chosen[name]])
    for name, ending in (settle(chosen) if settle else {}).items():
        expected[name] = None if ending is None else _shape(ending)
    document = render(fitting_css(chosen))
    found = endings(document, fit)
    if any(name not in found or expected[name] not in (None, _shape(found[name]))
           for name in chosen):
        return None
    return document, chosen


def _tried_alone(fit: Fit, trial: Trial, name: str, first: Ending | None
                 ) -> dict[str, Ending] | None:
    """A chapter's endings laid out alone, as it is (unless `first` is that) and with
    the variants `_fit_whole` would try for it, and then, when the best of them is poor
    only for its short last page, that variant with the blocks from its first one
    overleaf on loosened (`_then_loosened`); None when it cannot be laid out alone."""
    def alone(variant: str) -> Ending | None:
        document = trial(fitting_css({name: variant}) if variant else "", name)
        found = None if document is None else endings(document, replace(fit, chapters=(name,)))
        return found.get(name) if found else None

    first = first or alone("")
    if first is None:
        return None
    results = {"": first}
    chosen = ""
    for _ in range(3):
        untried = [v for v in _variants(first, fit, name) if v not in results]
        if _good(results[chosen]) or not untried:
            break
        chosen = untried[0]
        ending = alone(chosen)
        if ending is None:
            return None
        results[chosen] = ending
    best = _best(results)
    more = _then_loosened(best, results[best])
    if more is not None and more not in results:
        ending = alone(more)
        if ending is None:
            return None
        results[more] = ending
    return results


def _then_loosened(variant: str, ending: Ending) -> str | None:
    """`variant` with the blocks from the first one overleaf on loosened, for an ending
    poor only for its last page ("tight/loose@4": the opening page tightened so that its
    card stays on it, the rest loosened to fill the last page); None for any other."""
    if _good(ending) or FROM in variant or ending.overleaf < 2 or ending.fill <= \
            TIGHTEN_UP_TO or any(f < NO_HOLE for f in ending.fills[:-1]):
        return None
    after = f"loose{FROM}{ending.overleaf}"
    return f"{variant}{THEN}{after}" if variant else after



def _fit_anew(render: Callable[[str], Any], fit: Fit, trial: Trial | None,
              first: dict[str, Ending] | None = None, settle: Settle | None = None,
              each: Each = one_by_one) -> tuple[Any, dict[str, str]]:
    """Lay out with `render(extra_css)`, then set again the chapters that have a page
    less than half full, trying for each the likelier fix first (tighten when a few lines
    run over, loosen otherwise), then the next, and keeping the best of what was tried.
    With `trial`, the fixes are tried on each such chapter alone and the handbook is laid
    out at most twice (once when every chapter ends well, or none is better for a fix);
    without, or when the chapters alone came out otherwise than in the handbook, at most
    three times more. `first` (with `trial`): the chapters' endings, known without a
    layout of the handbook as it is. Returns the document and the spacing chosen."""
    document = None
    if first is None or trial is None:
        document = render("")
        first = endings(document, fit)
    if trial is not None:
        fitted = _fit_alone(render, fit, trial, document, first, settle, each)
        if fitted is not None:
            return fitted
    if document is None:  # the endings known did not hold: from a layout of it as it is
        document = render("")
        first = endings(document, fit)
    return _fit_whole(render, fit, document, first)


def _fit_alone(render: Callable[[str], Any], fit: Fit, trial: Trial, document: Any | None,
               first: dict[str, Ending], settle: Settle | None = None,
               each: Each = one_by_one) -> tuple[Any, dict[str, str]] | None:
    """The same choices as `_fit_whole`, with each variant laid out on the chapter alone
    (the chapters that end well as they are need no trial; the others are tried with
    `each`); None when a chapter cannot be laid out alone, or the handbook set as chosen
    does not come out as its chapters did alone (or as `first` said, without
    `document`)."""
    poor = [name for name, ending in first.items() if not _good(ending)]
    found = dict(zip(poor, each(lambda name: _tried_alone(fit, trial, name, first[name]),
                                poor), strict=True))
    tried: dict[str, dict[str, Ending]] = {}
    for name, ending in first.items():
        results = found.get(name, {"": ending})
        if results is None:
            return None
        tried[name] = results
    best = {name: _best(results)
            for name, results in tried.items()}
    settled = settle(best) if settle else {}
    if not any(best.values()) and document is not None and not settled:
        return document, best  # the first layout stands
    document = render(fitting_css(best))
    found = endings(document, fit)
    if any(name not in found or _shape(found[name]) != _shape(
            settled.get(name) or tried[name][variant]) for name, variant in best.items()
           if name not in settled or settled[name] is not None):
        return None
    if any(name in settled and settled[name] is None and name in found
           and not _good(found[name]) and _good(tried[name][variant])
           for name, variant in best.items()):
        # a chapter whose hyphens were taken back (its ending so not known) came out
        # poor though its trial ended well: the variants are tried on the whole handbook
        return None
    return document, best


def _shape(ending: Ending) -> tuple[int, tuple[float, ...]]:
    """An ending wherever its chapter starts: its number of pages and how full each is."""
    return ending.last_page - ending.first_page, tuple(round(f, 4) for f in ending.fills)


def _fit_whole(render: Callable[[str], Any], fit: Fit, document: Any,
               first: dict[str, Ending]) -> tuple[Any, dict[str, str]]:
    """Set again the whole handbook with the variants (at most three layouts after the
    first, `document`, whose chapters' endings are `first`)."""
    tried: dict[str, dict[str, Ending]] = {name: {"": ending} for name, ending in first.items()}
    chosen = dict.fromkeys(first, "")
    for _ in range(2):
        wanted = {}
        for name, results in tried.items():
            current = results[chosen[name]]
            untried = [v for v in _variants(first[name], fit, name) if v not in results]
            if _good(current) or not untried:
                wanted[name] = _best(results)
            else:
                wanted[name] = untried[0]
        if wanted == chosen:
            break
        chosen = wanted
        document = render(fitting_css(chosen))
        for name, ending in endings(document, fit).items():
            tried[name].setdefault(chosen[name], ending)
    best = {name: _best(results)
            for name, results in tried.items()}
    if best != chosen:  # a variant tried earlier was better for some chapter: set that
        document = render(fitting_css(best))
    return document, best


def chosen(results: dict[str, Ending]) -> str:
    """The variant of a chapter the fitting sets, of those tried (`_tried_alone`)."""
    return _best(results)


def _good(ending: Ending) -> bool:
    return ending.poor == 0 and ending.shorts == 0


def _best(results: dict[str, Ending]) -> str:
    """The variant whose ending scores best, of those that may stand: one that sets a
    block wide (into the outer margin) only when that block stays whole on the chapter's
    opening page, a right-hand page, whose outer margin is on the right."""
    standing = [v for v in results if _stands(v, results[v])] or [""]
    return min(standing, key=lambda v: _score(results[v]))


def _stands(variant: str, ending: Ending) -> bool:
    wide = wide_block(variant)
    return wide == 0 or not 0 < ending.overleaf <= wide and wide not in ending.turned


def _score(ending: Ending) -> tuple[int, int, float, int, int, float]:
    """Smaller is better: fewer leaves of paper (a chapter starts on a right-hand page,
    so one of an odd number of pages is followed by a notes page: a page more is paper
    more only from an even number), then fewer poor pages (a hole, a short last page),
    the poor pages nearer to their limits, an opening page not short (a few lines short
    of the foot: Ending.shorts), more pages of text in that paper (fewer notes pages), a
    fuller end."""
    pages = ending.last_page - ending.first_page + 1
    return ((pages + 1) // 2, ending.poor, round(ending.short, 3), ending.shorts, -pages,
            -ending.fill)


def _variants(ending: Ending, fit: Fit, name: str) -> list[str]:
    """The fixes to try, likelier first: tighten when a kept-whole block was pushed to the
    next page or a few lines run over; otherwise loosen, then loosen more; when its first
    page is full (a card or a checklist on it after a short section, which loosening
    would push overleaf), loosen the blocks from its first one overleaf on, then the
    whole chapter (a short chapter may carry its card overleaf and still fill both); when
    its opening page stops short before a card, table or checklist that may be set wide
    (`fit.wide`), set it as wide as the opener, so that it comes back to that page; back
    matter of an odd number of pages (`fit.back`), first opened at the text block's top
    and tight (a glossary looked up needs no chapter's opening drop), as a leaf less."""
    if _good(ending):
        return []
    pages = ending.last_page - ending.first_page + 1
    if name in fit.back and pages > 1 and pages % 2:
        # back matter on an odd number of pages (a notes page after it, or padding):
        # opened at the text block's top and tight, it may end a leaf earlier
        return [f"{TOP}tight", *_fixes(ending, fit, name)]
    return _fixes(ending, fit, name)


def _fixes(ending: Ending, fit: Fit, name: str) -> list[str]:
    # a kept-whole block pushed off (a hole, or the opening page short)
    gap = any(f < NO_HOLE for f in ending.fills[:-1]) or ending.shorts > 0
    if ending.overleaf > 1 and (ending.fills[0] < NO_HOLE or ending.shorts) and \
            f"{name}-{ending.overleaf}" in fit.wide:
        # the opening page stops short before a card, table or checklist: that block set
        # as wide as the opener (into the outer margin), as it is, then tightened
        return [f"{WIDE}{ending.overleaf}", f"tight{WIDE}{ending.overleaf}", "tight"]
    if gap or ending.fill <= TIGHTEN_UP_TO:
        return ["tight", "loose"]
    if ending.overleaf > 1 and ending.fills[0] >= NO_HOLE:
        more = [f"looser{FROM}{ending.overleaf - 1}"] if ending.overleaf > 2 else []
        # then the whole chapter loosened: a short chapter's prose may carry a card
        # overleaf and still leave its first page without a hole
        return [f"loose{FROM}{ending.overleaf}", f"looser{FROM}{ending.overleaf}", "loose",
                *more]
    return ["loose", "looser"]
