"""Which of the theme's colours text reads in, on what it stands on, as the slide master
shows them: a tone kept where it reads, else the better of the text colours, or the tone
lightened until it reads."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smguide.deck.placeholders import Sheet


class Tones:
    """The colours of one deck's slide master (its sheet's), read once when first asked."""

    def __init__(self, sheet: Sheet) -> None:
        self._sheet = sheet
        self._shown: dict[str, str] | None = None

    @property
    def _colours(self) -> dict[str, str]:
        if self._shown is None:
            self._shown = self._sheet.colours()
        return self._shown

    def colours(self) -> dict[str, str]:
        """Tone -> '#rrggbb' as the master shows it (theme.shown_colours)."""
        return dict(self._colours)

    def readable(self, tone: str, on: str, large: bool = False) -> str:
        """`tone` for text on a fill of tone `on`, if it reads there (WCAG: 4.5:1, 3:1 for
        large or bold text), else whichever of the text and background colours reads
        better (a dark deck's lightened primary on its shaded boxes, say)."""
        from smguide.model.colors import contrast

        colours = self._colours
        if tone not in colours or on not in colours:
            return tone
        if contrast(colours[tone], colours[on]) >= (3.0 if large else 4.5):
            return tone
        return max(("tx1", "bg1", "dk1", "lt1"),
                   key=lambda other: contrast(colours.get(other, colours[on]), colours[on]))

    def lightened(self, tone: str, on: str) -> str | None:
        """`tone` with the least lightness added (in steps of 2 %, as PowerPoint's lumOff)
        at which it reads as text on `on` (4.5:1), as "tone:lumOff"; None if none does
        (or `on` is the lighter)."""
        import colorsys

        from smguide.model.colors import contrast, luminance

        base, ground = self._colours.get(tone), self._colours.get(on)
        if base is None or ground is None or luminance(ground) > luminance(base):
            return None
        hue, light, sat = colorsys.rgb_to_hls(*(int(base[i:i + 2], 16) / 255
                                                for i in (1, 3, 5)))
        for step in range(1, 50):
            rgb = colorsys.hls_to_rgb(hue, min(1.0, light + step / 50), sat)
            if contrast("#" + "".join(f"{round(c * 255):02x}" for c in rgb), ground) >= 4.5:
                return f"{tone}:{step * 2000}"
        return None

    def darkest(self) -> str:
        """The darker of the theme's two text slots, for text on a light tint whatever the
        slide's background (a dark deck swaps dk1 and lt1)."""
        from smguide.model.colors import luminance

        colours = self._colours
        found = [slot for slot in ("dk1", "lt1") if slot in colours]
        return min(found, key=lambda slot: luminance(colours[slot])) if found else "dk1"
