"""The brand's colours made readable: on paper for the handbook, on a dark background
for the deck, and the warnings for colour pairs below WCAG AA."""

from __future__ import annotations

from smguide.errors import Problem, Where
from smguide.model.colors import contrast, luminance, mix, palette, parse_colour
from smguide.sources.brandreader import BrandReader, lookup
from smguide.sources.validate import dotted

# the colour a pair's first name stands for, where the file sets it
_SET_BY = {"numbers": "primary", "title text": "primary"}


def shown_ratio(ratio: float, need: float) -> str:
    """`ratio` as a warning shows it ("2.7"): to one decimal, or to two, rounded down,
    where one would read as the `need` it falls short of (4.49 shown as 4.49, not 4.5)."""
    if ratio < need <= round(ratio, 1):
        return f"{int(ratio * 100) / 100:.2f}"
    return f"{ratio:.1f}"


def contrast_warnings(source: str, pairs: list[tuple[str, str, str, str, str, float]],
                      where: dict[str, Where] | None = None) -> list[Problem]:
    """One warning per pair of colours below `need`:1 (WCAG AA: 4.5 text, 3 large text),
    at the line that sets its first colour when `where` (role -> place) has it."""
    warnings, seen = [], set()
    places = where or {}
    for a, first, b, second, what, need in pairs:
        ratio = contrast(first, second)
        if ratio < need and (first, second, what) not in seen:
            seen.add((first, second, what))
            at = places.get(_SET_BY.get(a, a)) or places.get(b) or Where(source)
            shade = nearest_passing(first, second, need)
            fix = (f"{a} in {shade} would read on {second}: "
                   f"{contrast(shade, second):.1f}:1")
            warnings.append(Problem.warn(at, f"low contrast {shown_ratio(ratio, need)}:1 between "
                                         f"{a} {first} and {b} {second} ({what}); WCAG AA "
                                         f"needs {need:g}:1 ({fix})", f"{need:g}:1", fix))
    return warnings


def nearest_passing(colour: str, ground: str, need: float) -> str:
    """`colour` darkened or lightened by the least (in 1 % steps of black or white mixed
    in) that reads `need`:1 on `ground`; black or white, the better, if none does."""
    for step in range(1, 101):
        for end in ("#000000", "#ffffff"):
            shade = mix(colour, end, 1 - step / 100)
            if contrast(shade, ground) >= need:
                return shade
    return max(("#000000", "#ffffff"), key=lambda v: contrast(v, ground))

def readable_on_paper(colours: dict[str, str], reader: BrandReader | None = None
                      ) -> tuple[dict[str, str], list[Problem]]:
    """The colours the handbook prints, as a designer would adapt a brand to paper: the
    pages are white (a dark background is said to stay on the cover), body text that would be hard
    to read on the paper is set in the brand's darkest readable colour, and headings and
    links too light for the paper are darkened. Returns (colours, what was changed)."""
    c = dict(colours)
    notes: list[Problem] = []
    source = reader.shown if reader else "brand"

    def at(role: str) -> Where:
        """Where the file sets the colour of `role` (a link or heading colour may come
        from typography, or from the primary colour)."""
        where_set: dict[str, list[tuple[str, ...]]] = {
            "link": [("typography", "link", "color"), ("color", "link")],
            "headings": [("typography", "headings", "color")],
            "foreground": [("typography", "base", "color")]}
        fields = where_set.get(role, [])
        for field in [*fields, ("color", role), ("color", "primary")]:
            if reader and lookup(reader.data, *field) is not None:
                return reader.where(*field)
        return Where(source, None, None, f"color.{role}")

    paper = c["background"]
    # the pages are printed white, whatever the brand's background: a print shop prints
    # on white stock, and a tint on every page costs ink and a bleed on each; so every
    # colour is checked against the white it is printed on (the deck keeps the brand's
    # background: brand-yml's "page or main background" is the slides')
    c["background"] = "#ffffff"
    if luminance(paper) < 0.45:
        notes.append(Problem.warn(at("background"), f"the background {paper} is dark; the "
                                  "handbook's pages are printed white (the cover keeps the "
                                  "brand colours) so that a whole handbook of text stays "
                                  "readable and printable"))
    paper = c["background"]
    if contrast(c["foreground"], paper) < 4.5:
        darkest = sorted({v for k, v in colours.items() if k not in ("headings", "link")}
                         | set(reader_palette(reader)), key=luminance)
        text = next((v for v in darkest if contrast(v, paper) >= 7), None) or "#1d2327"
        notes.append(Problem.warn(at("foreground"), f"body text {c['foreground']} on the "
                                  f"paper {paper} would be hard to read "
                                  f"({contrast(c['foreground'], paper):.1f}:1); the handbook "
                                  f"sets it in {text} ({contrast(text, paper):.1f}:1)"))
        c["foreground"] = text
    for role, need, what in (("headings", 3.0, "headings"), ("link", 4.5, "links")):
        if contrast(c[role], paper) < need:
            darker = _darken(c[role], paper, need)
            notes.append(Problem.warn(at(role), f"{what} in {c[role]} on the paper {paper} "
                                      f"would be too light ({contrast(c[role], paper):.1f}:1); "
                                      f"the handbook prints them in {darker}"))
            c[role] = darker
    # the brand's own secondary colour only: smguide's default (#a35a24, 5.2:1 on white)
    # reads on the default paper; on a brand's darker paper it may not, and is replaced
    # without a word, as the file did not choose it
    if reader is None or "secondary" in reader.roles:
        notes += _secondary_replaced(c, at("secondary"))
    c["on_primary"] = on_colour(c["primary"], c["background"], c["foreground"])
    return c, notes


def _secondary_replaced(c: dict[str, str], where: Where) -> list[Problem]:
    """Text the handbook would set in the secondary colour but sets in the body colour
    instead, because the pair is below 4.5:1 on the paper (model.colors.palette's
    secondary_text): a warning naming both colours."""
    secondary, paper, text = c["secondary"], c["background"], c["foreground"]
    ratio = contrast(secondary, paper)
    if ratio >= 4.5:
        return []
    fix = "choose a darker secondary colour to print them in it"
    return [Problem.warn(where, f"the secondary colour {secondary} on the paper {paper} is "
                                f"too light for text ({shown_ratio(ratio, 4.5)}:1, WCAG AA "
                                f"needs 4.5:1); the "
                                f"handbook sets the chapter numbers above the titles, the "
                                f"practices' labels and the takeaways heading in the body "
                                f"colour {text} instead (its bars and markers keep "
                                f"{secondary}); {fix}", "4.5:1", fix)]


SECONDARY_TEXT = "the line above slide titles and the role card's column headings"
LARGE = 3.0  # that text is bold and 14 pt or larger: WCAG AA's large text, 3:1


def deck_secondary(c: dict[str, str], theme: str, where: Where) -> list[Problem]:
    """The deck's text in the secondary colour (SECONDARY_TEXT) below 3:1 on its
    background: a warning saying what the deck sets it in instead (deck.tones.readable:
    the theme's second text colour where that reads, else the better of text and
    background) and the nearest secondary that would read."""
    bg, secondary = c["background"], c["secondary"]
    ratio = contrast(secondary, bg)
    if ratio >= LARGE:
        return []
    c = palette(c)
    second = c.get("dark", c["foreground"])
    shown = second if contrast(second, bg) >= LARGE else max(
        (c["foreground"], bg), key=lambda v: contrast(v, bg))
    shade = nearest_passing(secondary, bg, LARGE)
    fix = f"secondary in {shade} would read on {bg}: {contrast(shade, bg):.1f}:1"
    return [Problem.warn(where, f"the secondary colour {secondary} on the deck's background "
                                f"{bg} ({theme} theme) is too light for {SECONDARY_TEXT} "
                                f"({shown_ratio(ratio, LARGE)}:1; bold text of 14 pt needs "
                                f"3:1); the deck sets them in {shown} instead ({fix})",
                         "3:1", fix)]


def deck_on_primary(c: dict[str, str]) -> str:
    """The deck's title-slide text on the primary colour: a theme colour (background or
    foreground), whichever reads better."""
    bg, fg, fill = c["background"], c["foreground"], c["primary"]
    return bg if contrast(bg, fill) >= 4.5 or contrast(bg, fill) >= contrast(fg, fill) else fg


def on_colour(fill: str, light: str, dark: str) -> str:
    """The text colour for a fill of the brand colour: the brand's background (as the cover
    and title slide have it) unless its foreground, or black or white, reads better."""
    if contrast(light, fill) >= 4.5:
        return light
    return max((dark, "#ffffff", "#000000"), key=lambda v: contrast(v, fill))


def readable_text(tone: str, background: str, foreground: str) -> str:
    """Text meant in `tone` on the background: `tone` when it reads there (4.5:1), else
    the foreground, as the deck sets the agenda's and checklist's numbers."""
    return tone if contrast(tone, background) >= 4.5 else foreground


def readable_on_screen(colours: dict[str, str], reader: BrandReader, theme: str
                       ) -> tuple[dict[str, str], list[Problem]]:
    """The deck's colours as a designer would adapt them to the screen: on a dark
    background (on_dark), then the text on the primary colour (on_primary_fill).
    Returns (colours, what was changed)."""
    c, notes = on_dark(colours, reader, theme)
    return c, notes + on_primary_fill(c, reader, theme)


def on_primary_fill(c: dict[str, str], reader: BrandReader, theme: str) -> list[Problem]:
    """The deck's text on the primary colour (the title slide, role banners and table
    headers: the background or the text colour, deck_on_primary) made to read there
    (4.5:1): where neither does, the text colour darkened or lightened by the least that
    reads on the primary (it is the slides' text too, and reads as well on their
    background for it, a dark one darker, a light one lighter); `c` is changed."""
    fill, fg, bg = c["primary"], c["foreground"], c["background"]
    if contrast(deck_on_primary(c), fill) >= 4.5:
        return []
    end = "#000000" if luminance(fg) <= luminance(bg) else "#ffffff"
    shade = next((s for s in (mix(fg, end, 1 - step / 100) for step in range(1, 101))
                  if contrast(s, fill) >= 4.5), None)
    if shade is None:
        return []  # the warning stays (Brand.deck_warnings), with a colour that reads
    field = ("color", "foreground")
    place = (reader.where(*field) if lookup(reader.data, *field) is not None
             else reader.where("color", "primary") if lookup(reader.data, "color", "primary")
             is not None else Where(reader.shown, None, None, "color.foreground"))
    said = (f"text on the primary colour {fill} in the deck ({theme} theme), the title "
            f"slide, role banners and table headers, would be hard to read in {fg} or "
            f"{bg} ({contrast(fg, fill):.1f}:1, {contrast(bg, fill):.1f}:1); the deck sets "
            f"its text in {shade} ({contrast(shade, fill):.1f}:1)")
    c["foreground"] = shade
    return [Problem.warn(place, said)]


def on_dark(colours: dict[str, str], reader: BrandReader, theme: str
            ) -> tuple[dict[str, str], list[Problem]]:
    """The deck's colours on a dark background, as a designer would adapt them: boxes
    and shaded rows a shade of the background (not a light colour the light text cannot
    be read on) unless the brand gives `light`, and titles and accents in the primary
    colour lightened just enough to be seen. Returns (colours, what was changed)."""
    c = dict(colours)
    notes: list[Problem] = []
    bg, fg = c["background"], c["foreground"]
    if luminance(bg) >= 0.2:
        return c, notes
    if "light" not in reader.roles or contrast(fg, c["light"]) < 4.5:
        c["light"] = mix(fg, bg, 0.14)
    # titles are text: 4.5:1 on the background, as on a projector they must be; the
    # primary colour draws the bullets and bars (graphics: 3:1, WCAG 1.4.11) and fills
    # the title slide, banners and table headers under text that must still read on it
    # the secondary colour is text too: the line above titles, the role card's headings
    fields = {"headings": ("typography", "headings", "color"), "primary": ("color", "primary"),
              "secondary": ("color", "secondary")}
    whats = {"headings": "titles", "primary": "bullets, bars and banners",
             "secondary": "the line above titles and the role card's column headings"}
    for role, need in (("headings", 4.5), ("primary", 3.0), ("secondary", 4.5)):
        if contrast(c[role], bg) < need:
            lighter = (screen_primary(c[role], bg, fg) if role == "primary"
                       else _lighten(c[role], bg, need))
            if lighter == c[role]:
                continue
            field = fields[role]
            place = (reader.where(*field) if lookup(reader.data, *field) is not None
                     else Where(reader.shown, None, None, f"{dotted(field)} (smguide's)"))
            what = whats[role]
            notes.append(Problem.warn(place, f"{what} in {c[role]} on the deck's dark "
                                      f"background {bg} ({theme} theme) would be hard to see "
                                      f"({contrast(c[role], bg):.1f}:1); the deck uses "
                                      f"{lighter} ({contrast(lighter, bg):.1f}:1)"))
            c[role] = lighter
    return c, notes


def _lighter(colour: str) -> list[str]:
    """`colour` mixed with more and more white, in 1 % steps."""
    return [mix(colour, "#ffffff", 1 - step / 100) for step in range(1, 101)]


def _lighten(colour: str, background: str, need: float) -> str:
    """`colour` mixed with white until it reaches `need`:1 on `background`."""
    return next((c for c in _lighter(colour) if contrast(c, background) >= need), "#ffffff")


def screen_primary(colour: str, background: str, light: str) -> str:
    """The primary colour on a dark background: lightened until its bullets and bars are
    seen (3:1), keeping the `light` text on its fills readable (4.5:1) where a shade does
    both; where none does, lightened on until the background's dark colour reads on it
    as text instead (the title slide, banners and table headers then take that)."""
    shades = _lighter(colour)
    seen = next((c for c in shades if contrast(c, background) >= 3.0), "#ffffff")
    if contrast(light, seen) >= 4.5:
        return seen
    return next((c for c in shades if contrast(c, background) >= 4.5), "#ffffff")


def reader_palette(reader: BrandReader | None) -> list[str]:
    if reader is None:
        return []
    return [v for v in (parse_colour(x) for x in reader.palette.values()) if v]


def _darken(colour: str, paper: str, need: float) -> str:
    """The brand colour mixed with black, just enough to reach `need`:1 on the paper."""
    for step in range(1, 21):
        darker = mix(colour, "#000000", 1 - step / 20)
        if contrast(darker, paper) >= need:
            return darker
    return "#000000"


def handbook_warnings(shown: str, c: dict[str, str]) -> list[Problem]:
    pairs = [("foreground", c["foreground"], "background", c["background"],
              "body text on the page", 4.5),
             ("headings", c["headings"], "background", c["background"],
              "headings on the page", 3.0),
             ("cover text", c["on_primary"], "primary", c["primary"],
              "cover and table-header text on the primary colour", 4.5),
             ("link", c["link"], "background", c["background"], "links on the page", 4.5)]
    return contrast_warnings(shown, pairs)

