"""The colours of an analogy diagram on a slide: what each pictogram's shapes stand on
(the band, the slide's background), a shade of their colour seen there, the band of a
dark deck, and the theme slot (or the brand's colour) each tone is written as, so a
pictogram keeps the meaning of its colour on any template."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from smguide.deck.write import theme_slots
from smguide.model.colors import contrast, luminance, palette, shade
from smguide.model.diagram import Placed, Scene
from smguide.model.pictograms import PALETTE_KEY, THEME_SLOT, Tone

if TYPE_CHECKING:
    from smguide.deck.context import DeckContext

SEEN = 3.3  # a pictogram's shapes against what they stand on: 3:1 (WCAG 1.4.11,
# graphics) with a margin, so no shape sits at exactly the limit
MEANING = ("primary", "secondary", "tertiary", "sun")  # slots whose hue says something
NEAR = 30.0  # degrees of hue within which a theme colour keeps a brand colour's meaning


@dataclass(frozen=True)
class Grounds:
    """The colours the deck shows (theme slots resolved through the master), the slide's
    background and the band's tint, to keep each pictogram seen on what it stands on;
    `slots`: what each tone's slot is written as, a theme slot (accent5) or, where the
    theme has no colour of the brand's hue, the brand's colour (#2f6b4f)."""

    colours: dict[str, str]
    background: str
    band: tuple[float, float, float, float, str] | None  # x, y, w, h and its colour
    band_tone: Tone | None = None
    slots: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, deck: DeckContext, scene: Scene) -> Grounds:
        colours = deck.tones.colours()
        slots = meaning_slots(colours, palette(deck.brand.colours))
        band = tone = None
        if scene.band is not None:
            b = scene.band
            # a dark deck's band is its panels' colour (a light tint would glare there)
            tone = Tone("panel") if is_dark(colours) else b.tone
            base = colours.get(_theme_key(tone.slot), "#ffffff")
            band = (b.x, b.y, b.w, b.h, shade(_resolve(slots, colours, tone.slot, base),
                                               tone.brightness))
        return cls(colours, colours.get("bg1", "#ffffff"), band, tone, slots)

    def base(self, tone: Tone) -> str | None:
        """The colour a tone's slot shows, before its brightness."""
        found = self.colours.get(_theme_key(tone.slot))
        return _resolve(self.slots, self.colours, tone.slot, found) if found else None

    def under(self, part: Placed) -> str:
        """The colour a part's pictogram stands on: the band's where its middle is on the
        band, else the slide's background."""
        if self.band is not None:
            x, y, w, h, colour = self.band
            cx, cy = part.x + part.size / 2, part.y + part.size / 2
            if x <= cx <= x + w and y <= cy <= y + h:
                return colour
        return self.background

    def seen(self, tone: Tone, ground: str) -> Tone:
        """`tone`, or the nearest brightness of its colour (darker on a light ground,
        lighter on a dark one) at SEEN:1 against `ground`; the theme colour stays."""
        base = self.base(tone)
        if base is None or contrast(shade(base, tone.brightness), ground) >= SEEN:
            return tone
        step = -0.05 if luminance(ground) > luminance(shade(base, tone.brightness)) else 0.05
        brightness = tone.brightness
        while -0.95 <= brightness + step <= 0.95:
            brightness = round(brightness + step, 2)
            if contrast(shade(base, brightness), ground) >= SEEN:
                break
        return Tone(tone.slot, brightness)


def is_dark(colours: dict[str, str]) -> bool:
    """Whether the deck's background is darker than its text."""
    return luminance(colours.get("bg1", "#ffffff")) < luminance(colours.get("tx1", "#000000"))


def _hue(colour: str) -> tuple[float, bool]:
    """(hue in degrees, whether the colour has one: saturated, neither near black nor
    near white)."""
    import colorsys

    hue, light, sat = colorsys.rgb_to_hls(*(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))
    return hue * 360, sat >= 0.25 and 0.12 <= light <= 0.92


def _apart(a: float, b: float) -> float:
    return min(abs(a - b), 360 - abs(a - b))


def meaning_slots(colours: dict[str, str], brand: dict[str, str]) -> dict[str, str]:
    """For each slot whose hue carries meaning (a plant's green, water's blue, the sun's
    yellow, the soil's brown), what the diagram writes: its own theme slot when the
    theme's colour there has the brand's hue (the built-in theme, or a template's that
    does); else the theme's accent nearest in hue to the brand's colour, within NEAR
    degrees (a template's palette, its meaning kept); else the brand's colour itself."""
    out: dict[str, str] = {}
    for slot in MEANING:
        wanted = brand.get(PALETTE_KEY[slot])
        if wanted is None or not _hue(wanted)[1]:
            continue  # a grey brand colour: nothing to keep
        hue, own = _hue(wanted)[0], _theme_key(slot)
        gaps = {key: _apart(_hue(colours[key])[0], hue)
                for key in (own, *(f"accent{n}" for n in range(1, 7)))
                if key in colours and _hue(colours[key])[1]}
        if gaps.get(own, 360.0) <= NEAR:
            continue  # the theme's own colour for the slot has the brand's hue
        nearest = min(gaps, key=lambda key: gaps[key], default=None)
        out[slot] = nearest if nearest is not None and gaps[nearest] <= NEAR else wanted
    return out


def _resolve(slots: dict[str, str], colours: dict[str, str], slot: str, default: str) -> str:
    """The colour a slot shows: what `slots` writes for it (a theme slot or a colour),
    else `default` (its own theme slot's)."""
    given = slots.get(slot)
    if given is None:
        return default
    return given if given.startswith("#") else colours.get(given, default)


def _theme_key(slot: str) -> str:
    """The key of a tone's theme slot in shown_colours (accent1, tx1, bg1, bg2)."""
    theme = THEME_SLOT[slot]
    return {"TEXT_1": "tx1", "BACKGROUND_1": "bg1", "BACKGROUND_2": "bg2"}.get(
        theme, theme.replace("_", "").lower())


def solid(fill_format: Any, tone: Tone, slots: dict[str, str]) -> None:
    """A solid fill (or line) in the tone's colour: its theme slot (or the one `slots`
    writes for it), else the brand's colour `slots` gives; with its brightness."""
    from pptx.dml.color import RGBColor
    from pptx.enum.dml import MSO_THEME_COLOR

    fill_format.solid()
    given = slots.get(tone.slot)
    if given is not None and given.startswith("#"):
        fill_format.fore_color.rgb = RGBColor.from_string(given[1:])
    elif given is not None:
        fill_format.fore_color.theme_color = theme_slots(MSO_THEME_COLOR)[given]
    else:
        fill_format.fore_color.theme_color = getattr(MSO_THEME_COLOR, THEME_SLOT[tone.slot])
    if tone.brightness:
        fill_format.fore_color.brightness = tone.brightness
