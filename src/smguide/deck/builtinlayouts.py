"""The built-in theme's layouts known as data, so that `check` measures the deck's text
without python-pptx: what the layout picker and the text fitting read of the built-in
deck (deck/theme.base_deck), for each slide shape, with and without a logo, as shipped in
assets/deck-layouts.json.

The file is made from the real deck by `scripts/deck-layouts` (`measure`), and a test
reads the deck with python-pptx and compares, so it cannot go stale: after a change to
the built-in theme's geometry, run the script.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from smguide.deck.placeholders import Box, Layout, Sheet
from smguide.deck.write import Area
from smguide.resources import ASSETS_DIR

if TYPE_CHECKING:
    from smguide.deck.logo import Logo
    from smguide.sources.brand import Brand

DATA = ASSETS_DIR / "deck-layouts.json"
ASPECTS = ("16:9", "4:3")
LOGO = "Logo"  # the name of the master's logo picture (logo.add_picture)


def variant(aspect: str, logo: bool) -> str:
    """The key of one built-in deck in the data: its shape, with or without a logo."""
    return f"{aspect} logo" if logo else aspect


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return loaded


class KnownSheet(Sheet):
    """The built-in deck's sheet, from the data: for a deck of `aspect` with `logo` (whose
    proportions set the width of the master's logo) in the colours of `brand`."""

    def __init__(self, brand: Brand, aspect: str, logo: Logo | None) -> None:
        data = _data()[variant(aspect, logo is not None)]
        self.brand = brand
        self.width, self.height = data["width"], data["height"]
        self._margins = (data["margins"][0], data["margins"][1])
        self._map: dict[str, str] = data["colour map"]
        self.layouts = []
        self._graphics: list[list[Area]] = []
        self._cloned: list[dict[int, tuple[int, int]]] = []
        master = [Area(*rect) for rect in data["master graphics"]]
        if logo is not None:
            left, top, height = data["logo"]
            master.append(Area(left, top, round(height * logo.ratio), height))
        for number, known in enumerate(data["layouts"], 1):
            boxes = [Box(kind, idx, left, top, width, height, vertical)
                     for kind, idx, left, top, width, height, vertical in known["boxes"]]
            self.layouts.append(Layout(None, number, known["name"], known["type"], boxes))
            own = [Area(*rect) for rect in known["graphics"]]
            self._graphics.append(own + (master if known["shows master"] else []))
            self._cloned.append({int(idx): (size[0], size[1])
                                 for idx, size in known["cloned"].items()})

    def margins(self) -> tuple[int, int]:
        return self._margins

    def graphics(self, info: Layout) -> list[Area]:
        return list(self._graphics[info.number - 1])

    def cloned(self, info: Layout) -> dict[int, tuple[int, int]]:
        return dict(self._cloned[info.number - 1])

    def colours(self) -> dict[str, str]:
        """The brand's theme colours (theme.apply_theme writes them into the deck, and
        theme.scheme_colours reads them back) through the master's colour map."""
        from smguide.deck.theme import theme_colours

        out = {slot: f"#{value[1:].lower()}" for slot, value in
               theme_colours(self.brand).items() if len(value) == 7}
        for tone, slot in self._map.items():
            if slot in out:
                out[tone] = out[slot]
        return out


# -- making the data from the real deck --------------------------------------------------


def measure(brand: Brand) -> dict[str, Any]:
    """The data of every built-in deck, read from the decks themselves (base_deck in
    `brand`; the geometry is the same in every brand) with python-pptx."""
    import io

    from PIL import Image

    from smguide.deck.logo import Logo
    from smguide.deck.theme import base_deck

    png = io.BytesIO()
    Image.new("RGB", (1, 1)).save(png, "PNG")
    square = Logo(png.getvalue(), None, 1.0, "Logo")
    return {variant(aspect, logo is not None): _measured(base_deck(brand, aspect, logo))
            for aspect in ASPECTS for logo in (None, square)}


def _measured(prs: Any) -> dict[str, Any]:
    from smguide.deck.placeholders import PptxSheet

    sheet = PptxSheet(prs)
    master = prs.slide_master
    pictures = sheet.own_graphics(master.shapes)
    logo = next((area for area, name in pictures if name == LOGO), None)
    mapping = master._element.find(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}clrMap")
    layouts = []
    for info in sheet.layouts:
        assert info.layout is not None
        layouts.append({
            "name": info.name, "type": info.type,
            "boxes": [[b.kind, b.idx, b.left, b.top, b.width, b.height, b.vertical]
                      for b in info.boxes],
            "graphics": [_rect(area) for area, _ in sheet.own_graphics(info.layout.shapes)],
            "shows master": info.layout._element.get("showMasterSp") != "0",
            "cloned": {str(idx): list(size) for idx, size in sheet.cloned(info).items()}})
    return {"width": sheet.width, "height": sheet.height, "margins": list(sheet.margins()),
            "colour map": {tone: mapping.get(tone, slot) for tone, slot in
                           {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}.items()},
            "master graphics": [_rect(area) for area, name in pictures if name != LOGO],
            "logo": None if logo is None else [logo.left, logo.top, logo.height],
            "layouts": layouts}


def _rect(area: Area) -> list[int]:
    return [area.left, area.top, area.width, area.height]
