"""A callout's slide as a sibling of the handbook's callout: its text on a light panel
with a rule along its left edge in the callout style's colour (a note the primary, a tip
the brand's info colour else the tertiary, a warning its warning colour else the
secondary, as the handbook has them) and its label (labels.yaml's callout_tip,
callout_note, callout_warning: "Tip", "Hinweis") above the text, in the eyebrow's
capitals. On a company template the colours are its theme's, each kept where it reads on
the panel (the label as text, 4.5:1; the rule as a graphic, 3:1), else lightened until
it does (a dark deck), else the theme's text colour that does (deck/tones)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from smguide.deck.titles import EYEBROW
from smguide.deck.write import fill, typed_spans

if TYPE_CHECKING:
    from pptx.slide import Slide

    from smguide.deck.context import DeckContext
    from smguide.model.guide import Callout

LABEL_ROOM = EYEBROW * 1.6  # the label's line above the text, points


@dataclass(frozen=True)
class Look:
    """How one callout's panel is drawn: its label (None: the guide's labels have none
    for its style, and the panel has no label line), the rule's tone, the label's."""

    label: str | None
    rule: str
    ink: str

    @property
    def room(self) -> float:
        """The points the label takes above the text in the panel."""
        return LABEL_ROOM if self.label else 0.0


def look_of(deck: DeckContext, block: Callout, panel: str = "bg2") -> Look:
    """The panel's look for `block` (its style's colour and label) on the `panel` tone."""
    colours = deck.brand.colours
    tone = {"note": "accent1",
            "tip": "accent6" if colours.get("info") else "accent3",
            "warning": "accent4" if colours.get("warning") else "accent2"}[block.style]
    label = getattr(deck.guide.labels, f"callout_{block.style}")
    return Look(label, _reading(deck, tone, panel, 3.0), _reading(deck, tone, panel, 4.5))


def _reading(deck: DeckContext, tone: str, panel: str, need: float) -> str:
    """`tone` where it reads on `panel` (`need`: 4.5:1 for text, 3:1 for a graphic), else
    it lightened until it does (a dark deck's accents on its dark panel), else the
    theme's colour that reads (Tones.readable)."""
    seen = deck.tones.worst(tone, panel)
    if seen is not None and seen < need:
        lighter = deck.tones.lightened(tone, panel, need)
        if lighter is not None:
            return lighter
    return deck.tones.readable(tone, panel, large=need < 4.5)


def add_label(deck: DeckContext, slide: Slide, look: Look,
              place: tuple[int, int, int]) -> Any:
    """The label's line at `place` (EMU: left, top, width of the text in the panel),
    bold, in capitals as the eyebrow above a title (the words kept as written)."""
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Emu, Pt

    from smguide.deck.textfit import Para

    left, top, width = place
    line = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Pt(LABEL_ROOM))
    line.name = "Callout label"
    fill(line, [Para(typed_spans(look.label or "", deck.lang, bold=True), tone=look.ink)],
         EYEBROW)
    frame = line.text_frame
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    frame.vertical_anchor = MSO_ANCHOR.TOP
    for run in frame.paragraphs[0].runs:
        run.font._rPr.set("cap", "all")
    return line


def lighten(shape: Any, amount: str) -> None:
    """A filled shape's theme colour with `amount` of lightness added (lumOff, in
    1/100000), as the deck writes a lightened text colour."""
    from lxml import etree

    from smguide.deck.oxml import A

    scheme = shape._element.spPr.find(f"{{{A}}}solidFill/{{{A}}}schemeClr")
    etree.SubElement(scheme, f"{{{A}}}lumOff", val=amount)
