"""Crop marks where a print shop expects them: outside the bleed, on a white slug.

WeasyPrint draws its marks inside the bleed area, over the page's background, and its
sheet ends where the bleed ends. Here the sheet (MediaBox) grows by a slug around the
bleed, and thin marks at the trim corners are drawn there, tagged as artifacts so the
PDF stays a valid tagged document. TrimBox and BleedBox are left as WeasyPrint set them.
"""

from __future__ import annotations

from io import BytesIO

MM = 72 / 25.4
SLUG_MM = 9.0  # room for the marks beyond the bleed
GAP_MM = 1.0  # marks start this far outside the bleed, so trimming never shows them


def finish_marks(pdf: bytes, crop_marks: bool, cmyk: bool = False) -> bytes:
    """The PDF as the print shop gets it: with crop marks when asked (in the registration
    colour when the PDF is in CMYK), else unchanged. Every PDF smguide writes, the
    handbook, each personal copy and the merged file, gets its marks here."""
    return add_crop_marks(pdf, registration=cmyk) if crop_marks else pdf


def add_crop_marks(pdf: bytes, registration: bool = False, fold: bool = False) -> bytes:
    """Enlarge every page by a slug and draw crop marks at its trim corners: in black, or
    with `registration` (for a CMYK print PDF) in the registration colour, Separation
    /All, so they print on every plate. With `fold` (printer spreads), dashed fold marks
    at the middle of the top and bottom edges too."""
    import pikepdf

    document = pikepdf.open(BytesIO(pdf))
    slug = SLUG_MM * MM
    colour = "0 G"
    if registration:
        colour = "/CSAll CS 1 SCN"
        all_plates = pikepdf.Array([
            pikepdf.Name.Separation, pikepdf.Name("/All"), pikepdf.Name.DeviceCMYK,
            document.make_indirect(pikepdf.Dictionary(
                FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[1, 1, 1, 1], N=1))])
    for page in document.pages:
        if registration:
            resources = page.obj.Resources
            if "/ColorSpace" not in resources:
                resources.ColorSpace = pikepdf.Dictionary()
            resources.ColorSpace.CSAll = all_plates
        trim = page.obj.get("/TrimBox", page.obj.MediaBox)  # no bleed: the page is the trim
        tx0, ty0, tx1, ty1 = (float(v) for v in trim)
        bx0, by0, bx1, by1 = (float(v) for v in page.obj.get("/BleedBox", trim))
        page.obj.TrimBox, page.obj.BleedBox = trim, page.obj.get("/BleedBox", trim)
        page.obj.MediaBox = pikepdf.Array([bx0 - slug, by0 - slug, bx1 + slug, by1 + slug])
        if "/CropBox" in page.obj:
            del page.obj["/CropBox"]
        start = {"left": bx0 - GAP_MM * MM, "right": bx1 + GAP_MM * MM,
                 "bottom": by0 - GAP_MM * MM, "top": by1 + GAP_MM * MM}
        end = {"left": bx0 - slug, "right": bx1 + slug, "bottom": by0 - slug, "top": by1 + slug}
        lines = []
        for x, side_x in ((tx0, "left"), (tx1, "right")):
            for y, side_y in ((ty0, "bottom"), (ty1, "top")):
                lines.append((start[side_x], y, end[side_x], y))  # horizontal, at the trim y
                lines.append((x, start[side_y], x, end[side_y]))  # vertical, at the trim x
        path = "".join(f"{x0:.2f} {y0:.2f} m {x1:.2f} {y1:.2f} l " for x0, y0, x1, y1 in lines)
        if fold:
            middle = (tx0 + tx1) / 2
            folds = ((middle, start["top"], middle, end["top"]),
                     (middle, start["bottom"], middle, end["bottom"]))
            path += "S [2 2] 0 d " + "".join(f"{x0:.2f} {y0:.2f} m {x1:.2f} {y1:.2f} l "
                                             for x0, y0, x1, y1 in folds)
        page.contents_add(pikepdf.Stream(document, b"q\n"), prepend=True)
        page.contents_add(pikepdf.Stream(
            document, f"Q\nq /Artifact BMC 0.25 w {colour} {path}S EMC Q\n".encode()))
    out = BytesIO()
    document.save(out, deterministic_id=True)
    return out.getvalue()
