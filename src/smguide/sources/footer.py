"""Which footer an edition prints: its own guide.yaml `footer`, else the brand's footer
in its language (`defaults.smguide.footer` per language), else the brand's one-line
footer, which is taken to be in the source edition's language and so is not printed in a
translation (content/<lang>/). What is left out is a warning, never silent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from smguide.errors import Problem, Where, quote

if TYPE_CHECKING:
    from smguide.model.guide import Guide
    from smguide.sources.brand import Brand


def edition_footer(guide: Guide, brand: Brand, guide_file: str,
                   translates: str | None) -> tuple[str | None, list[Problem]]:
    """(the footer this edition prints, or None; the warnings). `translates` is the
    language of the edition this one translates (None: it is a source edition)."""
    if guide.footer:
        return guide.footer, []
    lang = guide.language
    where = brand.footer_where or Where(brand.source)
    if brand.footers:
        found = brand.footer_in(lang)
        if found:
            return found, []
        given = ", ".join(sorted(brand.footers))
        return None, [Problem.fix(
            where, f"the footer is given for {given}, not for {quote(lang)}, so the "
                   f"{quote(lang)} edition has none (its slides show the brand's name)",
            f"add {lang}: to defaults.smguide.footer, or footer: to {guide_file}",
            severity="warning")]
    if brand.footer is None or translates is None:
        return brand.footer, []
    return None, [Problem.fix(
        where, f"{quote(brand.footer)} is the {quote(translates)} edition's footer, so the "
               f"{quote(lang)} translation does not print it (its slides show the brand's "
               f"name)", f"give it footer: in {guide_file}, or write the brand's footer per "
                        f"language ({translates}: ..., {lang}: ...)", severity="warning")]
