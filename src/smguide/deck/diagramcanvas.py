"""Where an analogy diagram goes on a slide: its scene's units mapped to EMU inside the
content area (Canvas), and the sizes its labels are set at."""

from __future__ import annotations

from dataclasses import dataclass

from smguide.deck.write import INSET_X, Area
from smguide.model.diagram import EDGE, Placed

VIEW_W = 720  # the scene's narrowest width on a slide (its height follows from the parts)
MAX_W = 1100  # and its widest
LABEL = (18, 14)  # base and smallest label size: nothing on a slide below 14 pt
GROW = 1.5  # a label's text box against the scene's label box, in height


@dataclass(frozen=True)
class Canvas:
    """Maps diagram units to EMU inside the content area, keeping proportions."""

    left: int
    top: int
    unit: float  # EMU per diagram unit
    grow: float = GROW  # a label's text box against the scene's label box, in height

    @classmethod
    def inside(cls, area: Area, width: float, height: float) -> Canvas:
        """As large as the area allows, the drawing's left edge on the text's left margin
        (where the titles and body text start), centred in the area's height."""
        inset = INSET_X * 12700
        unit = min((area.width - inset) / (width - EDGE), area.height / height)
        spare = max(0.0, area.height - height * unit)
        return cls(round(area.left + inset - EDGE * unit), round(area.top + spare / 2), unit)

    def x(self, value: float) -> int:
        return round(self.left + value * self.unit)

    def y(self, value: float) -> int:
        return round(self.top + value * self.unit)

    def d(self, value: float) -> int:
        return round(value * self.unit)


def label_span(part: Placed, grow: float) -> tuple[float, float]:
    """(top, bottom) of a part's label box `grow` times as tall as the scene's, kept at
    its anchor."""
    label = part.label
    height = label.h * grow
    top = {"top": label.y, "middle": label.y - (height - label.h) / 2,
           "bottom": label.y + label.h - height}[label.anchor]
    return top, top + height
