"""A company's PowerPoint template, checked before python-pptx opens it.

A template comes from outside, like content. It must be a zip archive of reasonable
size (no zip bomb: the sizes it declares are what python-pptx's zip reader will read at
most), hold a presentation, carry no macros, no XML document type declarations or
entities (billion laughs, external entities), and link to nothing but web and mail
addresses (an external link to a file share leaks credentials when the deck is opened).

Any PowerPoint-family package is read: a deck (.pptx), a template (.potx) or a slide
show (.ppsx) differ only in the content type of their main part, which `readable`
turns into a deck's in memory (python-pptx opens decks only). The macro-enabled kinds
(.pptm, .potm, .ppsm) are refused for their macros.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from smguide.errors import Problem, RenderError, Where
from smguide.safety.limits import MAX_TEMPLATE_BYTES, megabytes
from smguide.safety.links import safe_link

MAX_ENTRIES = 5_000
MAX_RATIO = 200  # unpacked / packed for one large entry; XML packs at 5-30 : 1
REQUIRED = ("[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml")
_EXTERNAL = re.compile(rb"<Relationship\b[^>]*>", re.IGNORECASE)
_TARGET = re.compile(rb'Target\s*=\s*"([^"]*)"|Target\s*=\s*\'([^\']*)\'', re.IGNORECASE)
_ML = "application/vnd.openxmlformats-officedocument.presentationml."
DECK_TYPE = _ML + "presentation.main+xml"
CONVERTIBLE = {_ML + "template.main+xml": ".potx", _ML + "slideshow.main+xml": ".ppsx"}
_MACRO = "application/vnd.ms-powerpoint."
MACRO_TYPES = {_MACRO + "presentation.macroEnabled.main+xml": ".pptm",
               _MACRO + "template.macroEnabled.main+xml": ".potm",
               _MACRO + "slideshow.macroEnabled.main+xml": ".ppsm"}
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def check_template(path: Path) -> None:
    """Raise RenderError, naming the file, if `path` is not a safe PowerPoint template."""
    problem = _problem(path)
    if problem:
        raise RenderError(Problem.at(Where(str(path)), problem))


def _problem(path: Path) -> str | None:
    size = path.stat().st_size
    if size > MAX_TEMPLATE_BYTES:
        return (f"the template is {megabytes(size)}; at most {megabytes(MAX_TEMPLATE_BYTES)} "
                f"is allowed")
    if not zipfile.is_zipfile(path):
        return "not a PowerPoint template (a .pptx file is a zip archive; this is not one)"
    try:
        with zipfile.ZipFile(path) as archive:
            return _check_archive(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        return f"not a PowerPoint template: the zip archive is damaged ({exc})"


def _check_archive(archive: zipfile.ZipFile) -> str | None:
    entries = archive.infolist()
    refused = _check_sizes(entries)
    if refused:
        return refused
    names = {entry.filename for entry in entries}
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        return f"not a PowerPoint deck or template (it has no {missing[0]})"
    problem = _check_xml(archive.read("[Content_Types].xml"))
    if problem:
        return f"[Content_Types].xml: {problem}"
    kind = main_type(archive.read("[Content_Types].xml"))
    if kind in MACRO_TYPES:
        return (f"a macro-enabled PowerPoint file ({MACRO_TYPES[kind]}); smguide does not "
                f"open files with macros: save it as a .pptx or .potx without macros")
    if kind != DECK_TYPE and kind not in CONVERTIBLE:
        return (f"not a PowerPoint deck or template (its main part is {kind or 'untyped'}); "
                f"give a .pptx or .potx file")
    for entry in entries:
        refused = _check_part(archive, entry)
        if refused:
            return refused
    return None


def _check_sizes(entries: list[zipfile.ZipInfo]) -> str | None:
    """Too many files, too much unpacked, or a part packed suspiciously tight (zip bombs)."""
    if len(entries) > MAX_ENTRIES:
        return f"the template holds {len(entries):,} files; at most {MAX_ENTRIES:,} are allowed"
    total = sum(entry.file_size for entry in entries)
    if total > MAX_TEMPLATE_BYTES:
        return (f"the template unpacks to {megabytes(total)} (a zip bomb?); at most "
                f"{megabytes(MAX_TEMPLATE_BYTES)} is allowed")
    for entry in entries:
        if entry.file_size > 1_000_000 and entry.file_size > MAX_RATIO * max(
                entry.compress_size, 1):
            return (f"{entry.filename} unpacks {entry.file_size // max(entry.compress_size, 1):,}"
                    f" times larger than it is packed (a zip bomb?)")
    return None


def _check_part(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> str | None:
    """One part of the package: no macros or controls, safe XML, links only to the web."""
    name = entry.filename.lower()
    if name.endswith("vbaproject.bin") or (name.endswith(".bin") and "activex" in name):
        return f"the template carries macros or controls ({entry.filename}); save it as .pptx"
    if not name.endswith((".xml", ".rels", ".vml")):
        return None
    data = archive.read(entry)
    problem = _check_xml(data)
    if problem:
        return f"{entry.filename}: {problem}"
    if name.endswith(".rels"):
        for rel in _EXTERNAL.findall(data):
            if b"external" not in rel.lower():
                continue
            target = _TARGET.search(rel)
            value = (target[1] or target[2]) if target else b""
            if not safe_link(value.decode("utf-8", "replace"), anchors=False):
                shown = value.decode("utf-8", "replace")[:80]
                return (f'{entry.filename}: links to "{shown}"; a template may only link '
                        f"to https, http or mailto addresses")
    return None


def main_type(content_types: bytes) -> str | None:
    """The content type [Content_Types].xml gives /ppt/presentation.xml."""
    from defusedxml.ElementTree import fromstring

    root = fromstring(content_types, forbid_dtd=True, forbid_entities=True,
                      forbid_external=True)
    for override in root.iter(f"{_CT}Override"):
        if override.get("PartName", "").lower() == "/ppt/presentation.xml":
            return override.get("ContentType")
    return None


def readable(path: Path) -> bytes | None:
    """A checked template's bytes with its main part typed as a deck's (for a .potx or
    .ppsx), or None when it already is a deck. Only [Content_Types].xml changes."""
    with zipfile.ZipFile(path) as archive:
        types = archive.read("[Content_Types].xml")
        kind = main_type(types)
        if kind not in CONVERTIBLE:
            return None
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for entry in archive.infolist():
                data = archive.read(entry)
                if entry.filename == "[Content_Types].xml":
                    data = data.replace(kind.encode(), DECK_TYPE.encode())
                copy.writestr(entry, data)
    return out.getvalue()


def _check_xml(data: bytes) -> str | None:
    """Refuse DTDs and entities, in any encoding (defusedxml parses the XML to see)."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        return ("carries an XML document type declaration or entities, which PowerPoint "
                "files never need (refused: they can be used to read files or exhaust memory)")
    except ParseError as exc:
        return f"is not well-formed XML ({exc})"
    return None
