"""The spacing a chapter is set with when it is fitted: tight, loose or looser, for the
whole chapter or from one of its blocks on, the card, table or checklist on its
opening page set as wide as the opener (into the outer margin; a checklist in two
columns of its items), and back matter's opener at the text block's top, written as CSS
scoped to that chapter.
"""

from __future__ import annotations

from typing import Any

# a chapter's blocks set tight, loose and looser (& is the block itself): (selector,
# property, tight, loose, looser); never the chapter's opener, whose depth and spacing
# stay the same in every chapter. The white between paragraphs, between blocks and above
# a section's heading opens up once, to loose (paragraphs 0.65 -> 0.95em, a heading's
# 1.4 -> 1.8em), and no further: opened to 1.2, 1.35 and 2.1em (looser) a chapter's
# pages read stretched, paragraphs a blank line apart; looser opens the rest (items,
# the white around callouts, cells, cards, room to write) a little more
SPACING = (
    ("& > p, & .role-mission > p", "margin-bottom", "0.45em", "0.95em", "0.95em"),
    ("&", "margin-bottom", "0.35em", "1em", "1em"),
    ("& > h2", "margin", "1em 0 0.35em", "1.8em 0 0.6em", "1.8em 0 0.6em"),
    ("& > h3, & .practice h3", "margin", "0.6em 0 0.25em", "1.2em 0 0.45em", "1.4em 0 0.5em"),
    ("& li:not(aside li)", "margin-bottom", "0.12em", "0.4em", "0.5em"),
    # a callout and the takeaways keep their inside as designed in every chapter (the
    # label's, the title's and the paragraphs' space, the items', the panel's padding:
    # handbook.css); the white around them opens instead: around a callout, above the
    # takeaways (they close the chapter: white under them would only stand in for the
    # last page's fill, which endings.py measures to the chapter's end)
    ("& .callout", "margin", "0.35em 0", "2em 0", "3.2em 0"),
    ("& .takeaways", "margin-top", "0.7em", "2em", "5.2em"),
    ("& th, & td", "padding-top", "1.4mm", "2.6mm", "3mm"),
    ("& th, & td", "padding-bottom", "1.4mm", "2.6mm", "3mm"),
    ("& .glossary .term", "margin-bottom", "1mm", "3.4mm", "4.4mm"),
    ("& .practice", "margin-bottom", "1.5mm", "4.5mm", "6mm"),
    ("& .checklist li", "padding-top", "0.9mm", "2mm", "2.4mm"),
    ("& .checklist li", "padding-bottom", "0.9mm", "2mm", "2.4mm"),
    ("& .checklist .box", "top", "1.1mm", "2.2mm", "2.6mm"),  # level with the first line
    ("& .questions > li", "margin-bottom", "3mm", "6mm", "8mm"),  # more room to write
    ("& .write-line", "height", "8mm", "10mm", "11mm"),
)
VARIANTS = ("tight", "loose", "looser")
FROM = "@"  # "loose@4": loose from the chapter's block 4 on
THEN = "/"  # "tight/loose@4": tight, and loose from block 4 on
WIDE = "+"  # "tight+2": tight, and block 2 set wide; "+2": block 2 wide, spacing as is
# "^tight": back matter (a glossary at the end) opening at the text block's top, without
# the chapters' opening drop, and tight: fitting.py tries it where that may save a leaf
TOP = "^"
# what a block set wide spans: the text block and the outer margin, as the chapter's
# opener does (--reach and --wide: brand.css.j2, from grid.TextGrid.reach)
# a checklist set wide is set in two columns of its items (one column that wide would
# run to 95 characters a line; two are about 45, an item's one to three lines); fitting.py
# keeps the variant only when the checklist stays whole on the opening page
WIDE_TYPES = ("role", "comparison", "checklist")  # the blocks that hold them
WIDE_BOXES = (".role", "table.comparison", "ul.checklist")
CHECKLIST_GAP = "6mm"  # between a wide checklist's two columns


def known(variant: Any) -> bool:
    """Whether `variant` (kept in the cache) is one fitting_css can set."""
    if not isinstance(variant, str):
        return False
    if variant.startswith(TOP):
        return known(variant[len(TOP):])
    first, then, after = variant.partition(THEN)
    wide = wide_block(first)
    if wide:  # "+2", "tight+2", "+2/loose@3"
        first = first.rpartition(WIDE)[0]
        if not then:
            return first == "" or first in VARIANTS
    if then:
        return (first in VARIANTS or bool(wide) and not first) and FROM in after and known(after)
    name, sep, start = variant.partition(FROM)
    return variant == "" or name in VARIANTS and (not sep or start.isdigit())


def wide_block(variant: str) -> int:
    """The block a variant sets wide (0: none): "+2", "tight+2", "+2/loose@3"."""
    _, sign, number = variant.partition(THEN)[0].rpartition(WIDE)
    return int(number) if sign and number.isdigit() else 0


def fitting_css(chosen: dict[str, str]) -> str:
    """The CSS that sets each chapter as `chosen` (chapter anchor -> variant, "" as is)."""
    return "\n".join(_spacing(name, variant) for name, variant in chosen.items() if variant)


def _quoted(anchor: str) -> str:
    """An id inside a CSS attribute selector's quotes."""
    return "".join(c if c.isalnum() or c in "-_" else f"\\{ord(c):x} " for c in anchor)


def scope(anchor: str) -> str:
    """A selector for the chapter's section (an attribute selector: an id may start
    with a digit, which `#id` cannot)."""
    return f'.chapter[id="{_quoted(anchor)}"]'


def _spacing(anchor: str, variant: str) -> str:
    """The spacing of `variant` for one chapter's blocks (from its block N on, for a
    variant "NAME@N"; with its block N set wide, for "NAME+N")."""
    if variant.startswith(TOP):  # the opener at the text block's top, no drop above it
        rest = variant[len(TOP):]
        return "\n".join([f"{scope(anchor)} > .chapter-head {{ padding-top: 0; }}"]
                         + ([_spacing(anchor, rest)] if rest else []))
    before, then, after = variant.rpartition(THEN)
    if then:  # the second set later, from its block on: it overrides the first there
        return f"{_spacing(anchor, before)}\n{_spacing(anchor, after)}"
    wide = wide_block(variant)
    if wide:  # that block as wide as the opener, the rest as its spacing says
        block = f'{scope(anchor)} > .block[id="{_quoted(f"{anchor}-{wide}")}"]'
        rest = variant.rpartition(WIDE)[0]
        return "\n".join(([_spacing(anchor, rest)] if rest else []) + [
            ", ".join(f"{block} > {box}" for box in WIDE_BOXES)
            + " { margin-right: var(--reach, 0); }",
            f"{block} > table.comparison {{ width: var(--wide, 100%); }}",
            # its intro the card's lead (grid.card_lead), no taller than the card's intro
            # at its own size by more than a few points: the line closer, the padding less
            f"{block} > .role .role-mission {{ font-size: var(--lead-size, 1em); "
            "line-height: 1.3; padding-top: 2.2mm; max-width: var(--lead, none); }",
            f"{block} > ul.checklist {{ display: grid; grid-template-columns: "
            f"minmax(0, 1fr) minmax(0, 1fr); column-gap: {CHECKLIST_GAP}; }}",
            f"{block} > ul.checklist > li {{ padding: 1mm 0 1mm 7mm; }}",
            f"{block} > ul.checklist .box {{ top: 1.2mm; }}"])
    name, _, start = variant.partition(FROM)
    section = scope(anchor)
    if start:
        first = f'{section} > .block[id="{_quoted(f"{anchor}-{start}")}"]'
        holders = [first, f"{first} ~ .block"]
    else:
        holders = [f"{section} > .block"]
    column = VARIANTS.index(name)
    return "\n".join(
        ", ".join(one.strip().replace("&", block) for block in holders
                  for one in selectors.split(","))
        + f" {{ {prop}: {values[column]}; }}" for selectors, prop, *values in SPACING)
