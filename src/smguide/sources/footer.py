"""Which footer an edition prints: its own guide.yaml `footer`, else the brand's footer
in its language (`defaults.smguide.footer` per language), else the brand's one-line
footer, which is taken to be in the source edition's language and so is not printed in a
translation (content/<lang>/). What is left out is a warning, never silent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from smguide.errors import quote

if TYPE_CHECKING:
    from smguide.model.guide import Guide
    from smguide.sources.brand import Brand


def edition_footer(guide: Guide, brand: Brand, guide_file: str,
                   translates: str | None) -> tuple[str | None, list[str]]:
    """(the footer this edition prints, or None; the warnings). `translates` is the
    language of the edition this one translates (None: it is a source edition)."""
    if guide.footer:
        return guide.footer, []
    lang = guide.language
    if brand.footers:
        found = brand.footer_in(lang)
        if found:
            return found, []
        given = ", ".join(sorted(brand.footers))
        return None, [f"{brand.footer_where}: the footer is given for {given}, not for "
                      f"{quote(lang)}, so the {quote(lang)} edition has none (its slides show "
                      f"the brand's name); add {lang}: to defaults.smguide.footer, or "
                      f"footer: to {guide_file}"]
    if brand.footer is None or translates is None:
        return brand.footer, []
    return None, [f"{brand.footer_where}: {quote(brand.footer)} is the {quote(translates)} "
                  f"edition's footer, so the {quote(lang)} translation does not print it (its "
                  f"slides show the brand's name); give it footer: in {guide_file}, or write "
                  f"the brand's footer per language ({translates}: ..., {lang}: ...)"]
