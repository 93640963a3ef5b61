"""Printer spreads for a saddle-stitched booklet, from the print PDF (pikepdf form XObjects).

A booklet of N pages (a multiple of 4) is printed on N/4 sheets, folded and stapled on the
fold. Each sheet side holds two pages side by side, in imposition order: the outside of the
outer sheet is N (left) + 1 (right), its inside 2 + N-1, the next sheet N-2 + 3, and so on.
Every page is placed as a form XObject with its bleed on the outer edges and cut at the
spine, where the two pages meet. Inner sheets stick out at the fore-edge once folded and
nested, so with `creep` their pages move towards the spine, by nothing on the outer sheet
up to `creep` on the innermost. The sheets get crop marks at the spread's corners and fold
marks at the spine (printmarks), in the registration colour.
"""

from __future__ import annotations

from io import BytesIO

from smguide.errors import Problem, RenderError, Where

MM = 72 / 25.4
UA_PART = "{http://www.aiim.org/pdfua/ns/id/}part"


def spread_order(pages: int) -> list[tuple[int, int]]:
    """(left, right) page numbers, 1-based, of each sheet side in printing order."""
    if pages % 4:
        raise RenderError(Problem.at(Where(""), f"a saddle-stitched booklet needs a multiple "
                                     f"of 4 pages; this handbook has {pages}",
                                     "a multiple of 4 pages"))
    return [(pages - i, i + 1) if i % 2 == 0 else (i + 1, pages - i)
            for i in range(pages // 2)]


def impose(data: bytes, creep_mm: float = 0.0) -> bytes:
    """The print PDF `data` (pages with TrimBox and BleedBox, no crop marks) as printer
    spreads, still PDF/X (the output intent and identification are kept; the tags, links
    and bookmarks of the reading order are not: printer spreads are for the press)."""
    import pikepdf

    pdf = pikepdf.open(BytesIO(data))
    originals = list(pdf.pages)
    order = spread_order(len(originals))
    first = originals[0].obj
    tx0, ty0, tx1, ty1 = (float(v) for v in first.get("/TrimBox", first.MediaBox))
    bx0 = float(first.get("/BleedBox", first.get("/TrimBox", first.MediaBox))[0])
    width, height, bleed = tx1 - tx0, ty1 - ty0, max(0.0, tx0 - bx0)
    forms = [page.as_form_xobject() for page in originals]
    for form, page in zip(forms, originals, strict=True):
        form.BBox = page.obj.MediaBox  # the whole page, bleed included (not its TrimBox)
    sheets = len(order) // 2
    spine = bleed + width
    sheet_w, sheet_h = 2 * width + 2 * bleed, height + 2 * bleed
    for side, (left, right) in enumerate(order):
        sheet = side // 2
        shift = creep_mm * MM * sheet / max(1, sheets - 1)
        content = []
        for slot, (x0, x1, dx) in enumerate((
                (0.0, spine, bleed + shift - tx0),
                (spine, sheet_w, spine - shift - tx0))):
            content.append(f"q {x0:.3f} 0 {x1 - x0:.3f} {sheet_h:.3f} re W n "
                           f"1 0 0 1 {dx:.3f} {bleed - ty0:.3f} cm /P{slot} Do Q")
        resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(
            P0=forms[left - 1], P1=forms[right - 1]))
        spread = pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[0, 0, sheet_w, sheet_h],
            BleedBox=[0, 0, sheet_w, sheet_h],
            TrimBox=[bleed, bleed, bleed + 2 * width, bleed + height],
            Resources=resources, Contents=pdf.make_stream(" ".join(content).encode()))
        pdf.pages.append(pikepdf.Page(spread))
    for _ in originals:
        del pdf.pages[0]
    for key in ("/StructTreeRoot", "/MarkInfo", "/Outlines", "/Names", "/PageLabels"):
        if key in pdf.Root:
            del pdf.Root[key]
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        if UA_PART in meta:  # no tags any more: not PDF/UA
            del meta[UA_PART]
    out = BytesIO()
    pdf.save(out, deterministic_id=True)
    from smguide.handbook.printmarks import add_crop_marks

    return add_crop_marks(out.getvalue(), registration=True, fold=True)
