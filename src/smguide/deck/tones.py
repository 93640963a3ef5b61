"""Which of the theme's colours text reads in, on what it stands on, as the slide master
shows them: a tone kept where it reads, else the theme's second text colour where that
does, else the better of the text colours, or the tone lightened until it reads. What
stands behind text on a slide is the layout's background as it shows (deck/grounds: a
gradient's every stop, a picture's lightest and darkest), measured against its worst."""

from __future__ import annotations

import colorsys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smguide.deck.placeholders import Sheet


class Tones:
    """The colours of one deck's slide master (its sheet's), read once when first asked."""

    def __init__(self, sheet: Sheet) -> None:
        self._sheet = sheet
        self._shown: dict[str, str] | None = None
        self._behind: dict[int, tuple[str, ...]] = {}

    @property
    def _colours(self) -> dict[str, str]:
        if self._shown is None:
            self._shown = self._sheet.colours()
        return self._shown

    def colours(self) -> dict[str, str]:
        """Tone -> '#rrggbb' as the master shows it (theme.shown_colours)."""
        return dict(self._colours)

    def behind(self, layout: Any = None) -> tuple[str, ...]:
        """The colours behind text on a slide of `layout` (python-pptx's; None: the
        master's): its background's (Sheet.grounds), else the background tone's."""
        key = id(layout)
        if key not in self._behind:
            found = self._sheet.grounds(layout)
            self._behind[key] = found or ((self._colours["bg1"],) if "bg1" in self._colours
                                          else ("#ffffff",))
        return self._behind[key]

    def _grounds(self, on: str | tuple[str, ...]) -> tuple[str, ...] | None:
        if isinstance(on, tuple):
            return on
        return (self._colours[on],) if on in self._colours else None

    def worst(self, tone: str, on: str | tuple[str, ...]) -> float | None:
        """The lowest contrast of `tone` on any colour of `on` (a tone, or colours)."""
        from smguide.model.colors import contrast

        grounds, colour = self._grounds(on), self._colours.get(tone.partition(":")[0])
        if not grounds or colour is None:
            return None
        if ":" in tone:
            colour = _lighter(colour, int(tone.partition(":")[2]) / 100000)
        return min(contrast(colour, ground) for ground in grounds)

    def readable(self, tone: str, on: str | tuple[str, ...], large: bool = False) -> str:
        """`tone` for text on `on` (a fill's tone, or the colours behind it: behind()),
        if it reads there on every colour (WCAG: 4.5:1, 3:1 for large or bold text); else
        for a coloured tone (an accent) the theme's second text colour (tx2, bg2) where
        that reads; else whichever of the text and background colours reads best (a dark
        deck's lightened primary on its shaded boxes, say)."""
        need = 3.0 if large else 4.5
        seen = self.worst(tone, on)
        if seen is None or seen >= need:
            return tone
        if tone.startswith("accent"):
            second = [t for t in ("tx2", "bg2") if (self.worst(t, on) or 0) >= need]
            if second:
                return second[0]
        return max((t for t in ("tx1", "bg1", "dk1", "lt1") if t in self._colours),
                   key=lambda t: self.worst(t, on) or 0, default=tone)

    def lightened(self, tone: str, on: str | tuple[str, ...], need: float = 4.5) -> str | None:
        """`tone` with the least lightness added (in steps of 2 %, as PowerPoint's lumOff)
        at which it reads as text on `on` (`need`, 4.5:1, on each of its colours), as
        "tone:lumOff"; None if none does (or a colour of `on` is the lighter)."""
        from smguide.model.colors import luminance

        base, grounds = self._colours.get(tone), self._grounds(on)
        if base is None or not grounds or any(luminance(g) > luminance(base) for g in grounds):
            return None
        for step in range(1, 50):
            lighter = f"{tone}:{step * 2000}"
            if (self.worst(lighter, grounds) or 0) >= need:
                return lighter
        return None

    def darkest(self) -> str:
        """The darker of the theme's two text slots, for text on a light tint whatever the
        slide's background (a dark deck swaps dk1 and lt1)."""
        from smguide.model.colors import luminance

        colours = self._colours
        found = [slot for slot in ("dk1", "lt1") if slot in colours]
        return min(found, key=lambda slot: luminance(colours[slot])) if found else "dk1"


def _lighter(colour: str, amount: float) -> str:
    """`colour` with `amount` of lightness added (PowerPoint's lumOff)."""
    hue, light, sat = colorsys.rgb_to_hls(*(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))
    rgb = colorsys.hls_to_rgb(hue, min(1.0, light + amount), sat)
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)
