"""The saved deck made reproducible: the same inputs give the same .pptx bytes.

python-pptx stamps every zip entry with the current time, and its core properties come
from its own template (an author, 2013 dates) or from a company's template (whoever
last saved it). Here the core properties are written from the guide and the brand, and
the zip is rewritten with one timestamp (SOURCE_DATE_EPOCH when set, else now), fixed
permissions and the entries in python-pptx's own, stable order.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any

from lxml import etree

CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
RT_CORE = ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
           "core-properties")
RT_APP = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
          "extended-properties")
RT_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
ZIP_EPOCH = datetime(1980, 1, 1)  # the earliest time a zip entry can carry


def moment() -> datetime:
    """The build's time, as the PDF's metadata gives it (SOURCE_DATE_EPOCH when set), in
    UTC without a time zone. Read with fromisoformat: strptime's first call imports and
    sets up its locale-aware parser (a few milliseconds of every `smguide slides`)."""
    from smguide.model.options import creation_date

    return datetime.fromisoformat(creation_date().removesuffix("Z"))


def core_xml(title: str, subject: str, author: str, description: str, language: str,
             when: datetime) -> bytes:
    """docProps/core.xml with only what the guide says, and `when` as both dates."""
    root = etree.Element(f"{{{CP}}}coreProperties",
                         nsmap={"cp": CP, "dc": DC, "dcterms": DCTERMS, "xsi": XSI})
    for ns, name, text in ((DC, "title", title), (DC, "subject", subject),
                           (DC, "creator", author), (DC, "description", description),
                           (CP, "lastModifiedBy", author), (CP, "revision", "1"),
                           (DC, "language", language)):
        etree.SubElement(root, f"{{{ns}}}{name}").text = text
    for name in ("created", "modified"):
        stamp = etree.SubElement(root, f"{{{DCTERMS}}}{name}")
        stamp.set(f"{{{XSI}}}type", "dcterms:W3CDTF")
        stamp.text = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def app_xml(slides: int, notes: int, shape: str, company: str) -> bytes:
    """docProps/app.xml saying what the deck is: the template's copy describes the
    template (its application, an empty deck, perhaps another slide shape)."""
    root = etree.Element(f"{{{EP}}}Properties", nsmap={None: EP})
    for name, text in (("Application", "smguide"), ("PresentationFormat", f"On-screen Show "
                                                                         f"({shape})"),
                       ("Slides", str(slides)), ("Notes", str(notes)), ("Company", company)):
        etree.SubElement(root, f"{{{EP}}}{name}").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def entries(prs: Any) -> dict[str, bytes]:
    """The members of the saved deck, name -> bytes, in the order python-pptx's save
    writes them ([Content_Types].xml, the package's relationships, each part and its
    relationships), without the zip it would compress them into (repack writes it)."""
    from pptx.opc.serialized import PackageWriter

    found: dict[str, bytes] = {}

    class Members:
        def write(self, uri: Any, blob: bytes) -> None:
            found[uri.membername] = blob

    package = prs.part.package
    writer = PackageWriter("", package._rels, tuple(package.iter_parts()))
    members = Members()
    writer._write_content_types_stream(members)  # type: ignore[arg-type]
    writer._write_pkg_rels(members)  # type: ignore[arg-type]
    writer._write_parts(members)  # type: ignore[arg-type]
    return found


def part_name(members: dict[str, bytes], relationship: str, default: str) -> str:
    """Where the package keeps a part it links from its root (docProps/core.xml...)."""
    rels = etree.fromstring(members["_rels/.rels"])
    for rel in rels.iter(f"{{{RELS}}}Relationship"):
        if rel.get("Type") == relationship:
            return rel.get("Target", "").lstrip("/")
    return default


def repack(members: dict[str, bytes], core: bytes, app: bytes, when: datetime,
           thumbnail: bytes | None = None) -> bytes:
    """The .pptx of the saved deck's `members` (entries): the new core and app properties
    (and thumbnail), one timestamp, fixed modes."""
    stamp = max(when, ZIP_EPOCH).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        replaced = {part_name(members, RT_CORE, "docProps/core.xml"): core,
                    part_name(members, RT_APP, "docProps/app.xml"): app}
        if thumbnail is not None:
            thumb = part_name(members, RT_THUMBNAIL, "")
            if thumb.lower().endswith((".jpeg", ".jpg")):  # a template's own, else python-pptx's
                replaced[thumb] = thumbnail
        for name, blob in members.items():
            body = replaced.get(name) or blob
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # Unix, whatever the machine
            entry.external_attr = 0o100644 << 16
            target.writestr(entry, body, compresslevel=6)
    return out.getvalue()
