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

from lxml import etree

CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
RT_CORE = ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
           "core-properties")
ZIP_EPOCH = datetime(1980, 1, 1)  # the earliest time a zip entry can carry


def moment() -> datetime:
    """The build's time, as the PDF's metadata gives it (SOURCE_DATE_EPOCH when set)."""
    from smguide.build import creation_date

    return datetime.strptime(creation_date(), "%Y-%m-%dT%H:%M:%SZ")


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


def core_part_name(archive: zipfile.ZipFile) -> str:
    """Where the package keeps its core properties (docProps/core.xml, usually)."""
    rels = etree.fromstring(archive.read("_rels/.rels"))
    for rel in rels.iter(f"{{{RELS}}}Relationship"):
        if rel.get("Type") == RT_CORE:
            return rel.get("Target", "").lstrip("/")
    return "docProps/core.xml"


def repack(data: bytes, core: bytes, when: datetime) -> bytes:
    """Rewrite the saved .pptx: the new core properties, one timestamp, fixed modes."""
    stamp = max(when, ZIP_EPOCH).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        core_name = core_part_name(source)
        for info in source.infolist():
            body = core if info.filename == core_name else source.read(info)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # Unix, whatever the machine
            entry.external_attr = 0o100644 << 16
            target.writestr(entry, body, compresslevel=6)
    return out.getvalue()
