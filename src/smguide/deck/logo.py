"""The brand's logo in the deck: read (an SVG drawn to PNG once, and kept for the clients
that show SVG), and placed on a slide, layout or master with its alt text."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from smguide.deck.oxml import NS, RT_IMAGE, SVG_EXT, SVG_NS, A, R
from smguide.errors import Problem, RenderError, Where
from smguide.sources.brand import Brand


@dataclass(frozen=True)
class Logo:
    """The brand logo ready for the deck: PNG bytes (and the SVG, for clients that take it)."""

    png: bytes
    svg: bytes | None
    ratio: float  # width / height
    alt: str


def load_logo(brand: Brand) -> Logo | None:
    """Read the logo; an SVG is rasterised (python-pptx cannot insert SVG) and kept too."""
    if brand.logo is None:
        return None
    data = brand.logo.read_bytes()
    svg = None
    if brand.logo.suffix.lower() == ".svg":
        svg, data = data, _rasterise(data, brand)
    size = png_size(data)
    if size is not None:  # a PNG (an SVG drawn is one): its size without Pillow, which
        # check's deck fitting (no python-pptx, which imports it) would import only for this
        return Logo(data, svg, size[0] / size[1], brand.logo_alt)
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
        if image.format not in ("PNG", "JPEG"):
            out = io.BytesIO()
            image.save(out, "PNG")
            data = out.getvalue()
    return Logo(data, svg, width / height, brand.logo_alt)


def png_size(data: bytes) -> tuple[int, int] | None:
    """A PNG's (width, height), read from its header (IHDR, its first chunk), as Pillow
    reads it; None for anything else."""
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return (width, height) if width and height else None


def _rasterise(svg: bytes, brand: Brand) -> bytes:
    """SVG -> 600 px wide PNG, drawn once per distinct SVG (see smguide.io.usercache)."""
    from smguide.io.usercache import cached_png

    return cached_png(svg, 600, lambda: _draw_svg(svg, brand))


def _draw_svg(svg: bytes, brand: Brand) -> bytes:
    return svg_png(
        svg, lambda exc: Problem.fix(Where(brand.source), f"the logo is an SVG and drawing "
                                     f"it needs CairoSVG with libcairo2 ({exc})",
                                     "install them or give a PNG logo"),
        lambda exc: Problem.fix(Where(brand.source), f"logo {brand.logo}: cannot draw this "
                                f"SVG ({exc})", "give a PNG instead"))


def svg_png(svg: bytes, missing: Callable[[BaseException], Problem],
            broken: Callable[[BaseException], Problem]) -> bytes:
    """SVG -> 600 px wide PNG with CairoSVG, external files and entities refused: the one
    drawing of an SVG for the deck (the logo, an analogy part's own picture). `missing` and
    `broken` say, from the cause, that CairoSVG is not installed or cannot draw the file."""
    try:
        import cairosvg
    except (ImportError, OSError) as exc:  # OSError: the cairo library is not installed
        raise RenderError(missing(exc)) from None
    try:
        return cairosvg.svg2png(bytestring=svg, output_width=600, unsafe=False)
    except Exception as exc:  # CairoSVG raises many types for a broken file
        raise RenderError(broken(exc)) from None


def add_picture(owner, logo: Logo, left: int, top: int, height: int):  # noqa: ANN001, ANN201
    """Put the logo on a slide, layout or master, with real alt text (and the SVG)."""
    from pptx.opc.package import Part

    rid = _image_rid(owner, logo.png)
    spTree = owner.shapes._spTree
    width = round(height * logo.ratio)
    # python-pptx writes the description into an XML string unescaped: set it afterwards,
    # so alt text with quotes or ampersands stays text
    pic = spTree.add_pic(spTree.max_shape_id + 1, "Logo", "", rid, left, top, width, height)
    pic.nvPicPr.cNvPr.set("descr", logo.alt)
    if logo.svg is not None:
        package = owner.part.package
        # one SVG part however often the logo is placed (as python-pptx shares a picture)
        svg_part = next((part for part in package.iter_parts()
                         if part.content_type == "image/svg+xml" and part.blob == logo.svg),
                        None)
        if svg_part is None:
            svg_part = Part(package.next_partname("/ppt/media/logo%d.svg"), "image/svg+xml",
                            package, logo.svg)
        svg_rid = owner.part.relate_to(svg_part, RT_IMAGE)
        blip = pic.find(".//a:blip", NS)
        ext = etree.SubElement(etree.SubElement(blip, f"{{{A}}}extLst"), f"{{{A}}}ext",
                               uri=SVG_EXT)
        etree.SubElement(ext, f"{{{SVG_NS}}}svgBlip", nsmap={"asvg": SVG_NS}).set(
            f"{{{R}}}embed", svg_rid)
    return pic


def _image_rid(owner, data: bytes) -> str:  # noqa: ANN001 - a python-pptx slide, layout or master
    """The relationship from `owner` to the image part holding `data` (one part per image
    however often it is placed), as python-pptx's get_or_add_image_part makes it; a PNG's
    part is named without asking Pillow its format (python-pptx's Image would open it with
    Pillow, whose first open imports every image plugin it has: about 0.5% of a warm
    `slides` run's instructions), from the PNG signature png_size reads."""
    if png_size(data) is None:
        return str(owner.part.get_or_add_image_part(io.BytesIO(data))[1])
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.parts.image import Image, ImagePart

    image = Image.from_blob(data)
    image.__dict__["ext"] = "png"  # python-pptx's lazy property, as Pillow's "PNG" gives it
    package = owner.part.package
    part = package._image_parts._find_by_sha1(image.sha1) or ImagePart.new(package, image)
    return str(owner.part.relate_to(part, RT.IMAGE))
