"""Chapter endings fitted, as a designer fits them: no chapter ends on a page that holds
only a few lines or a box.

Every chapter starts on a new right-hand page, so how full its last page is depends on
that chapter alone. After a first layout, the chapters whose last page would be less
than half full are set again: a chapter that runs over by a few lines is tightened (its
opening drop taken back, then its spacing closed up a little) so they come back; a
chapter whose last page would hold under half a page opens lower on its first page (a
deeper drop above the title), so its last page fills to more than half. Read from the
laid-out pages through WeasyPrint's public API: each chapter's start and the empty marker
at its end are anchors (`Page.anchors`, positions in CSS pixels).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

FULL_ENOUGH = 0.5  # a last page at least this full is left alone
TARGET = 0.66  # how full an opened chapter's last page is meant to be
PUSHED = 0.6  # a page before the last this empty had a kept-whole block pushed off it
TIGHTEN_UP_TO = 0.22  # a last page at most this full is pulled back, not pushed on
MAX_DROP = 0.42  # the deepest opening drop, as a share of the text block's height


@dataclass(frozen=True)
class Fit:
    """Where the text block is (CSS px from the page's top), the opening drop every
    chapter has, and the chapters' anchors in order (the end marker is ANCHOR--end)."""

    top: float
    bottom: float
    drop: float
    chapters: tuple[str, ...]


@dataclass(frozen=True)
class Ending:
    first_page: int
    last_page: int
    fills: tuple[float, ...]  # how full each of its pages is, 0..1 of the text block

    @property
    def fill(self) -> float:
        return self.fills[-1]

    @property
    def poor(self) -> int:
        """Its pages less than half full (none when it has one page)."""
        return sum(f < FULL_ENOUGH for f in self.fills) if len(self.fills) > 1 else 0


def endings(document: Any, fit: Fit) -> dict[str, Ending]:
    """Each chapter's pages and how full each is: the lowest bottom of the chapter's
    anchored boxes on the page (its blocks have ids ANCHOR-N; a block that goes on to the
    next page reaches the page's foot), the end marker's top on its last page."""
    height = fit.bottom - fit.top
    first: dict[str, tuple[int, float]] = {}
    lowest: dict[tuple[int, str], float] = {}
    owners = set(fit.chapters)
    for number, page in enumerate(document.pages):
        for name, box in page.anchors.items():  # (left, top, right, bottom) in WeasyPrint 70
            first.setdefault(name, (number, float(box[1])))
            owner, _, number_ = name.rpartition("-")
            if owner in owners and number_.isdigit():  # a block (the section reaches the foot)
                key = (number, owner)
                lowest[key] = max(lowest.get(key, 0.0), float(box[3]))
    found = {}
    for anchor in fit.chapters:
        if anchor not in first or f"{anchor}--end" not in first:
            continue
        start, (last, end_y) = first[anchor][0], first[f"{anchor}--end"]
        fills = [min(1.0, max(0.0, (lowest.get((p, anchor), fit.bottom) - fit.top) / height))
                 for p in range(start, last)]
        fills.append(max(0.0, min(1.0, (end_y - fit.top) / height)))
        found[anchor] = Ending(start, last, tuple(fills))
    return found


def fit_chapters(render: Callable[[str], Any], fit: Fit) -> tuple[Any, str]:
    """Lay out with `render(extra_css)`, then set again the chapters that end on a page
    less than half full, trying for each the likelier fix first (tighten when a few lines
    run over, open lower otherwise), then the other, and keeping the best of what was
    tried. At most three layouts; one when every chapter ends well. Returns the document
    and the CSS that fitted it."""
    document = render("")
    css = ""
    first = endings(document, fit)
    tried: dict[str, dict[str, Ending]] = {name: {"": ending} for name, ending in first.items()}
    chosen = dict.fromkeys(first, "")
    height = fit.bottom - fit.top
    for _ in range(2):
        wanted = {}
        for name, results in tried.items():
            current = results[chosen[name]]
            untried = [v for v in _variants(first[name]) if v not in results]
            if _good(current) or not untried:
                wanted[name] = min(results, key=lambda v: _score(results[v]))
            else:
                wanted[name] = untried[0]
        if wanted == chosen:
            break
        chosen = wanted
        css = _css(chosen, tried, fit.drop, height)
        document = render(css)
        for name, ending in endings(document, fit).items():
            tried[name].setdefault(chosen[name], ending)
    return document, css


def _good(ending: Ending) -> bool:
    return ending.poor == 0


def _score(ending: Ending) -> tuple[int, int, float]:
    """Smaller is better: fewer pages less than half full, fewer pages, a fuller end."""
    return (ending.poor, ending.last_page - ending.first_page, -ending.fill)


def _variants(ending: Ending) -> list[str]:
    """The fixes to try, likelier first: tighten when a kept-whole block was pushed to the
    next page or a few lines run over (then, if the end is still short, tighten and open
    lower); otherwise open lower, then tighten."""
    if _good(ending):
        return []
    gap = any(f < PUSHED for f in ending.fills[:-1])
    if gap or ending.fill <= TIGHTEN_UP_TO:
        return ["tight", "tight-open", "open"]
    return ["open", "tight"]


def _css(chosen: dict[str, str], tried: dict[str, dict[str, Ending]], drop: float,
         height: float) -> str:
    rules = []
    for name, variant in chosen.items():
        head = f"{_scope(name)} > .chapter-head"
        if variant.startswith("tight"):
            rules.append(_tight(name))
        if variant == "tight":
            rules.append(f"{head} {{ padding-top: 0; }}")
        elif variant in ("open", "tight-open"):
            base = tried[name]["tight" if variant == "tight-open" else ""]
            start = 0.0 if variant == "tight-open" else drop
            deeper = min(MAX_DROP * height, start + (TARGET - base.fill) * height)
            rules.append(f"{head} {{ padding-top: {max(0.0, deeper):.1f}px; }}")
    return "\n".join(rules)


def _scope(anchor: str) -> str:
    """A selector for the chapter's section (an attribute selector: an id may start
    with a digit, which `#id` cannot)."""
    quoted = "".join(c if c.isalnum() or c in "-_" else f"\\{ord(c):x} " for c in anchor)
    return f'.chapter[id="{quoted}"]'


def _tight(anchor: str) -> str:
    """Closer spacing for one chapter: paragraphs, headings, lists, boxes, cells."""
    scope = _scope(anchor)
    return "\n".join(", ".join(f"{scope} {one.strip()}" for one in rule.split("{")[0].split(","))
                     + " {" + rule.split("{", 1)[1] for rule in (
        "p { margin-bottom: 0.45em; }",
        ".block { margin-bottom: 0.35em; }",
        "h2 { margin: 1em 0 0.35em; }",
        "h3 { margin: 0.6em 0 0.25em; }",
        "li { margin-bottom: 0.12em; }",
        ".callout, .takeaways { margin: 0.7em 0; padding-top: 3mm; padding-bottom: 1mm; }",
        "th, td { padding-top: 1.4mm; padding-bottom: 1.4mm; }",
        ".chapter-head { margin-bottom: 5mm; padding-bottom: 3.5mm; }",
    ))
