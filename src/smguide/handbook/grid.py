"""The type area of each paper size: the body size, the measure (set for
CHARACTERS_PER_LINE characters of the brand's own font) and the margins; and the advance
widths of the brand's faces the handbook measures text with (fontTools, cached)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (the PDF engine's process reads TIE_LIMIT, never a brand)
    from smguide.sources.brand import Brand

# CSS size name, text scale against the brand's base size, width and height (mm)
PAPERS = {"a4": ("A4", 1.05, 210, 297), "letter": ("letter", 1.05, 215.9, 279.4),
          "a5": ("A5", 0.9, 148, 210)}
PT_PER_MM = 72 / 25.4
# The measure: body text is set for this many characters per line on average (the
# comfortable range is 60 to 75; ragged lines run up to about 12% longer than average).
CHARACTERS_PER_LINE = 68
# the opening drop above every chapter's title, of the text block's height, per paper
# (TextGrid.drop says why A5's is deeper)
OPENING_DROP = {"a4": 0.05, "letter": 0.05, "a5": 0.25}
PX_PER_MM = 96 / 25.4
MIN_BODY_PT = 9.5  # the smallest text (table headings, 0.85 of it) stays above 8 pt
REACH_CLEAR = 14.0  # a chapter's opener, set wide, ends this far inside the trim (mm)
MIN_REACH = 30.0  # a narrower notes margin (A5's) is not a column to reach into (mm)
# mm from the text block's foot down to the folio's and footer's top, on every paper: the
# folio stands about as far under the text block's last line as the running head above
# its first (a box or a card that ends at the text block's foot had 4 mm of white under
# it, and read as running into the footer; A5's last lines stood 5 mm above its folio
# where A4's stand 8 to 12). A5's bottom margin (20.5 mm) keeps its folio 10.5 mm from the
# trim with it
FOLIO_GAP = 7.0
FOLIO_GAPS = {"a4": FOLIO_GAP, "letter": FOLIO_GAP, "a5": FOLIO_GAP}
# The running head's baseline stands this many lines of the body's leading above the
# text block's first baseline, on every paper: one distance for the edition, scaled with
# its type (A4 and Letter 11.3 mm, A5 9.7 mm; A5's head had 5.6 mm under it, A4's 11)
HEAD_LINES = 2.0
HEAD_PT = 8.5  # the running heads' and folios' size (brand.css.j2)
# a face's ascent and descent (ems) when its file cannot be read: Lato's typographic ones
FALLBACK_VERTICAL = (0.805, 0.195)


@dataclass(frozen=True)
class TextGrid:
    """The type area of one paper size: body size (pt), measure and margins (mm)."""

    font_size: float
    measure: float
    top: float
    bottom: float
    inner: float
    outer: float
    height: float  # of the page
    sink: float = OPENING_DROP["a4"]  # the opening drop, of the text block's height

    @property
    def drop(self) -> float:
        """The space above every chapter's title, the same for every chapter of an
        edition (fitting.py changes only the spacing): on A4 and Letter an opening drop
        of a twentieth of the text block (an eighth left a chapter whose opening section
        is followed by a card, a checklist or a figure with its opening page half empty,
        the block overleaf; a card, table or checklist may reach into the wide outer margin to stay
        on it). A5's text block is too short to take a role card, the comparison or the
        checklist under a chapter's opening section at any drop, and has no margin to
        reach into: its opener sinks a quarter of the text block (44 mm), as a book's
        chapter opening does, so the white is at the top of the opening page, where it
        reads as intended, and the opening section runs on to the page's foot before the
        block overleaf (a twentieth left four A5 openers 31-54% empty at their foot)."""
        return round((self.height - self.top - self.bottom) * self.sink, 1)

    @property
    def reach(self) -> float:
        """How far a chapter's opener (and a card, table or checklist on its
        opening page, fitting.py) reaches into the outer margin: a chapter opens on a right-hand
        page, and its opener spans the text block and the notes margin, REACH_CLEAR
        short of the trim, so that a long title or summary takes a line less; 0 for a
        notes margin under MIN_REACH + REACH_CLEAR wide (A5's 24 mm: a few millimetres
        more would read as a misalignment, not a column)."""
        reach = self.outer - REACH_CLEAR
        return round(reach, 1) if reach >= MIN_REACH else 0.0


def text_grid(paper: str, brand: Brand, sample: str = "") -> TextGrid:
    """Body size from the brand's, scaled for the paper; the measure set for
    CHARACTERS_PER_LINE characters of the brand's own font (its average width over
    `sample`, by default an English sentence: one text block per paper and brand, the
    same for every language of a guide; measured over each guide's own text, German's
    capitals and umlauts made its measure 2 mm wider than the English); the inner margin
    for binding, the rest goes to a wide outer margin with room for notes (two columns
    would give under 50 characters a line on A4 at a readable size, so a single column
    it is)."""
    _, scale, width_mm, height_mm = PAPERS[paper]
    font_size = max(MIN_BODY_PT, round(brand.base_size_pt * scale * 2) / 2)
    em = average_character_width(brand, sample)
    measure = float(round(CHARACTERS_PER_LINE * em * font_size / PT_PER_MM))
    if paper == "a5":  # (the top: room for the running head HEAD_LINES above the text)
        top, bottom, inner = 19.0, 20.5, 17.0
    else:
        top, bottom, inner = 20.0, 22.0, 22.0
    measure = min(measure, width_mm - inner - 12)
    return TextGrid(font_size, measure, top, bottom, inner, round(width_mm - inner - measure, 1),
                    height_mm, OPENING_DROP[paper])


def head_room(grid: TextGrid) -> float:
    """The running head's line (mm): the text block's measure; with a notes margin to
    reach into (A4, Letter), the margin's width to REACH_CLEAR inside the trim, where the
    head stands in the page's top corner over the folio (brand.css.j2), when that is
    narrower than the measure."""
    return min(float(grid.measure), grid.reach) if grid.reach else float(grid.measure)


def head_gap(grid: TextGrid, brand: Brand) -> float:
    """The white (mm) under the running head's line box (its padding-bottom in
    brand.css.j2: a line of HEAD_PT at line-height 1, set at the foot of the top margin)
    that puts its baseline HEAD_LINES leadings above the first baseline of the text block
    (a line of the body at the brand's line height, at the text block's top), with the
    brand's regular face's ascent and descent."""
    ascent, descent = vertical_metrics(brand)
    leading = brand.line_height * grid.font_size
    first = leading / 2 + (ascent - descent) / 2 * grid.font_size  # from the block's top
    under = HEAD_PT / 2 * (1 - ascent + descent)  # the head's baseline above its line's foot
    return round((HEAD_LINES * leading - first - under) / PT_PER_MM, 2)


def vertical_metrics(brand: Brand) -> tuple[float, float]:
    """The ascent and descent (ems) the brand's regular text face sets its lines with:
    the typographic ones when the face says to use them (OS/2 USE_TYPO_METRICS), else its
    hhea ones; FALLBACK_VERTICAL when the face is not a file we can read."""
    face = next((f for f in brand.faces if f.family == brand.base_family
                 and f.weight == 400 and f.style == "normal"), None)
    return FALLBACK_VERTICAL if face is None else _vertical(face.path)


@lru_cache(maxsize=8)
def _vertical(path: Path) -> tuple[float, float]:
    from fontTools.ttLib import TTFont

    from smguide.logs import quieted

    try:
        with quieted("fontTools"):
            font = TTFont(str(path), lazy=True)
            try:
                units, os2, hhea = font["head"].unitsPerEm, font["OS/2"], font["hhea"]
                if os2.fsSelection & 1 << 7:
                    ascent, descent = os2.sTypoAscender, -os2.sTypoDescender
                else:
                    ascent, descent = hhea.ascent, -hhea.descent
            finally:
                font.close()
    except Exception:  # noqa: BLE001 - any damage to the file: WeasyPrint will say so
        return FALLBACK_VERTICAL
    return (ascent / units, descent / units) if units and ascent > 0 else FALLBACK_VERTICAL


# a card set wide (spacing.py): its intro is the card's lead, at the chapter summary's
# size (of the body), on lines of LEAD_CHARACTERS on average, 75 at most: as wide as the
# reading measure lets it run in the card (at the card's own size, its lines would stop
# at two thirds of the card, or run to over 100 characters); the card's padding each side
# (handbook.css)
LEAD_SCALE, LEAD_CHARACTERS, CARD_PADDING_MM = 1.12, 70, 5.0


def card_lead(grid: TextGrid, em: float) -> float:
    """How wide (mm) the intro of a card set wide runs: LEAD_CHARACTERS at the brand's
    average character width `em`, at LEAD_SCALE of the body, or the card's text box
    (its width less its padding) when that is narrower."""
    lead = LEAD_CHARACTERS * em * LEAD_SCALE * grid.font_size / PT_PER_MM
    return round(min(lead, grid.measure + grid.reach - 2 * CARD_PADDING_MM), 1)


FALLBACK_EM = 0.47  # Lato's average character width, in ems, over ordinary prose
ENGLISH = ("Teams work together, and each team needs the others to do its own job well. "
           "The company earns its living when all of them do their part.")


def average_character_width(brand: Brand, sample: str = "") -> float:
    """The average advance width (in ems) of the brand's regular text face over `sample`
    (or an English sentence); FALLBACK_EM when the face is not a file we can read."""
    face = next((f for f in brand.faces if f.family == brand.base_family
                 and f.weight == 400 and f.style == "normal"), None)
    if face is None:
        return FALLBACK_EM
    return _average_width(face.path, (sample or ENGLISH)[:4000])


@lru_cache(maxsize=16)
def _average_width(path: Path, sample: str) -> float:
    face = _advances(path)
    if face is None:  # a font fontTools cannot read: WeasyPrint will say so
        return FALLBACK_EM
    units, advances = face
    widths = [advances[ord(c)] for c in sample if ord(c) in advances]
    return sum(widths) / len(widths) / units if widths and units else FALLBACK_EM


def face_has(path: Path, char: str) -> bool:
    """Whether the font file at `path` has a glyph for `char` (True when it cannot be
    read: WeasyPrint says so)."""
    face = _advances(path)
    return face is None or ord(char) in face[1]


@lru_cache(maxsize=8)
def _advances(path: Path) -> tuple[int, dict[int, int]] | None:
    """(units per em, advance width per code point) of a font file, read once; None for a
    font fontTools cannot read."""
    from smguide.io.usercache import font_file_widths

    try:
        units, _, advances = font_file_widths(path)  # as the deck measures, cached
    except Exception:  # noqa: BLE001 - any damage to the file: the callers' fallbacks
        return None
    return units, advances


@lru_cache(maxsize=256)
def text_width(path: Path, text: str) -> float:
    """The advance width of `text` in ems (characters the face lacks count 0.6 em)."""
    face = _advances(path)
    if face is None:  # a font fontTools cannot read: WeasyPrint will say so
        return len(text) * FALLBACK_EM
    units, advances = face[0] or 1000, face[1]
    return sum(advances[ord(c)] / units if ord(c) in advances else 0.6 for c in text)
