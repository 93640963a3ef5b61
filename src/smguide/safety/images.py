"""Images from untrusted content, checked before anything is rendered.

Only PNG, JPEG, WebP, GIF and SVG are accepted, and the file's bytes must say the same as
its extension. A raster image is decoded in full here (so a truncated file is caught)
after its header proved it small enough (so a decompression bomb is not). An SVG is
parsed with defusedxml, which refuses DTDs and entities; scripts, event handlers and
references to anything outside the file are refused too. Each check returns a `Refusal`
(the sentence to show after the content file's place, and the fix in it, as data), or None
when the image is fine.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smguide.errors import quote
from smguide.safety.limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, megabytes

FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP",
           ".svg": "SVG"}
NAMES = {"PNG": "PNG", "JPEG": "JPEG", "GIF": "GIF", "WEBP": "WebP", "SVG": "SVG"}
KINDS = "PNG, JPEG, WebP, GIF or SVG"
SVG_NS = "http://www.w3.org/2000/svg"
_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_DATA_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,", re.IGNORECASE)


@dataclass(frozen=True)
class Refusal:
    """Why an image cannot be used: `text`, the sentence shown, and `fix`, what to do
    about it (said in the sentence; None when the sentence gives no fix)."""

    text: str
    fix: str | None = None


def _refuse(what: str, fix: str) -> Refusal:
    """`what; fix`, with the fix kept apart."""
    return Refusal(f"{what}; {fix}", fix)


def sniff(data: bytes) -> str | None:
    """The format the bytes are really in (by their signature), or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") and b"<svg" in data[:65536]:
        return "SVG"
    return None


def check_image(path: Path) -> Refusal | None:
    """Why the image file at `path` can't be used, or None."""
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return Refusal(f"the image is {megabytes(size)}; images may be at most "
                       f"{megabytes(MAX_IMAGE_BYTES)} (export a smaller one)",
                       "export a smaller one")
    expected = FORMATS.get(path.suffix.lower())
    if expected is None:
        return Refusal(f"not a supported image (use {KINDS})", f"use {KINDS}")
    data = path.read_bytes()
    actual = sniff(data)
    if actual is None:
        return Refusal(f"not a {KINDS} image (its contents are something else)")
    if actual != expected:
        return _refuse(f"the file is a {NAMES[actual]} image but its name ends in "
                       f"{path.suffix}", "rename it to match")
    return check_svg(data) if actual == "SVG" else check_raster(data, actual)


def check_raster(data: bytes, kind: str) -> Refusal | None:
    """Decode the image fully; refuse it if it is too large, damaged or truncated."""
    from PIL import Image, ImageFile

    name = NAMES[kind]
    # WeasyPrint, once imported, tells Pillow to accept truncated images (for the page);
    # the check must not: a cut-off picture is refused whichever was imported first
    lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[kind]) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    return _too_many_pixels(width, height)
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return Refusal(f"the {name} image is too large to decode safely (a decompression "
                       f"bomb?)")
    except Exception as exc:  # Pillow raises OSError, SyntaxError, ValueError... for damage
        why = re.sub(r"\s*<[^<>]* at 0x[0-9a-fA-F]+>", "", str(exc)).strip() or "unreadable"
        return _refuse(f"the {name} image is damaged or truncated and cannot be read ({why})",
                       "save it again from the original, or export a new copy")
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
    return None


def _too_many_pixels(width: int, height: int) -> Refusal:
    return Refusal(f"the image is {width:,} x {height:,} pixels; at most "
                   f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels are allowed (scale it down)",
                   "scale it down")


def check_svg(data: bytes) -> Refusal | None:
    """Parse safely; refuse DTDs, entities, scripts and references outside the file."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    if b"<?xml-stylesheet" in data:
        return _refuse("the SVG links a stylesheet (<?xml-stylesheet?>)",
                       "put the styles inside it")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        return _refuse("the SVG declares a DTD or XML entities (<!DOCTYPE ...>, <!ENTITY "
                       "...>), which images may not use", "export it again without them")
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        return Refusal(f"the SVG is not well-formed XML (its line {line}, column "
                       f"{column + 1})")
    if root.tag not in (f"{{{SVG_NS}}}svg", "svg"):
        return Refusal("the file is not an SVG image (its top element is not <svg>)")
    for element in root.iter():
        refused = _svg_element(element)
        if refused:
            return refused
    return None


def _svg_element(element: Any) -> Refusal | None:
    """Why one element of an SVG may not be shown: a script, or a reference (in an
    attribute or a stylesheet) to something outside the file."""
    tag = str(element.tag).rsplit("}", 1)[-1]
    if tag in ("script", "foreignObject"):
        return _refuse(f"the SVG contains <{tag}>, which images may not use", "remove it")
    texts = [element.text or ""] if tag == "style" else []
    for name, value in element.attrib.items():
        local = name.rsplit("}", 1)[-1]
        if local.lower().startswith("on"):
            return _refuse(f"the SVG has a script in its {quote(local)} attribute",
                           "remove it")
        if local in ("href", "src"):
            problem = _reference(value.strip())
            if problem:
                return problem
        texts.append(value)
    for text in texts:
        if "@import" in text.lower():
            return _refuse("the SVG imports a stylesheet (@import)", "put the styles inside it")
        for target in _URL.findall(text):
            if target and not target.startswith("#"):
                return _refuse(f"the SVG refers to {quote(target, 80)} outside the file",
                               "only references inside it (#id) are allowed")
    return None


def _reference(target: str) -> Refusal | None:
    """An href inside an SVG: a #fragment, or an embedded PNG/JPEG/GIF/WebP picture."""
    if target.startswith("#"):
        return None
    found = _DATA_IMAGE.match(target)
    if found is None:
        return _refuse(f"the SVG refers to {quote(target, 80)} outside the file",
                       "embed the picture or remove the reference")
    try:
        embedded = base64.b64decode(target[found.end():], validate=False)
    except (binascii.Error, ValueError):
        return Refusal("a picture embedded in the SVG is not valid base64")
    kind = sniff(embedded)
    if kind is None or kind == "SVG":
        return Refusal(f"a picture embedded in the SVG is not a "
                       f"{KINDS.replace(' or SVG', '')} image")
    problem = check_raster(embedded, kind)
    return Refusal(f"a picture embedded in the SVG: {problem.text}",
                   problem.fix) if problem else None
