"""Personal copies as small incremental updates of one assembled copy.

Assembling a copy with pikepdf (handbook.assemble) opens and writes the whole handbook for
every person. But two copies whose personal pages have the same tagged structure and the
same resources differ only in those pages' content streams and in the title. So one copy
(the *model*: the body with the first such person's pages, assembled by pikepdf once) is
saved with a classic cross-reference table, and every other copy is that file plus an
incremental update (ISO 32000-1, 7.5.6) that redefines the two content streams, the
document information dictionary and the XMP metadata: a few kilobytes of bytes appended,
nothing parsed or rewritten. Readers see the last definition of each object; the model's
old page content is left unreferenced in the file.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zlib
from typing import Any
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from smguide.handbook.assemble import CopySpec, Personal, assemble, fill_page, set_title

# the model's title until each copy writes its own (letters only: the same in the
# information dictionary, in XMP and in any encoding)
PLACEHOLDER = "SMGUIDEPERSONALCOPYTITLEPLACEHOLDER"


def structure_key(personal: Personal, source: int) -> tuple[Any, ...]:
    """What a personal page shares with every page it may stand in for: its resources
    object, page boxes and the shape of its tagged structure (element types and marked
    content ids, not the text, which is in the content stream)."""
    page = personal.pdf.pages[source].obj
    tops = personal.tops.get(page.objgen, [])
    loose = personal.loose.get(page.objgen, [])
    marks = personal.marks.get(page.objgen)
    boxes = tuple(tuple(float(v) for v in page[box]) for box in
                  ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox") if box in page)
    resources = page.get("/Resources")
    return (resources.objgen if resources is not None else None, boxes,
            tuple(_shape(top) for top in tops), tuple(_shape(top) for top in loose),
            None if marks is None else len(marks), "/Annots" in page)


def _shape(node: Any, depth: int = 0) -> Any:
    if depth > 64:
        return "deep"
    if isinstance(node, Dictionary):
        kids = node.get("/K")
        items = [] if kids is None else list(kids) if isinstance(kids, Array) else [kids]
        return (str(node.get("/S", node.get("/Type", ""))), node.get("/MCID"),
                tuple(sorted((str(k), str(v)) for k, v in node.items()
                             if k in ("/Alt", "/ActualText", "/Lang", "/E", "/T", "/A"))),
                tuple(_shape(kid, depth + 1) for kid in items))
    return node if isinstance(node, int) else str(node)


class Model:
    """One assembled copy saved so that others can be appended to it."""

    def __init__(self, body: bytes, personal: Personal, slots: tuple[tuple[int, int], ...]):
        pdf = Pdf.open(io.BytesIO(body))
        for index, source in slots:
            fill_page(pdf, index, personal, source)
            pdf.pages[index].obj.Contents = pdf.make_stream(b"")  # one stream each, redefined
        set_title(pdf, PLACEHOLDER)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
        self.data = out.getvalue()
        saved = Pdf.open(io.BytesIO(self.data))
        self.keys = tuple(structure_key(personal, source) for _, source in slots)
        self.contents = tuple(saved.pages[index].obj.Contents.objgen for index, _ in slots)
        trailer = saved.trailer
        self.size = int(trailer.Size)
        self.root = trailer.Root.objgen
        info = trailer.get("/Info")
        if info is None or not info.is_indirect:
            raise ValueError("the saved copy has no indirect information dictionary")
        self.info = info.objgen
        self.info_items = {key: value for key, value in info.items() if key != "/Title"}
        self.first_id = bytes(trailer.ID[0])
        metadata = saved.Root.get("/Metadata")
        self.metadata: tuple[tuple[int, int], bytes] | None = None
        if metadata is not None:
            xmp = metadata.read_bytes()
            if xmp.count(PLACEHOLDER.encode()) != 1:
                raise ValueError("the copy's XMP metadata does not hold its title once")
            self.metadata = (metadata.objgen, xmp)
        found = re.findall(rb"startxref\s+(\d+)\s+%%EOF\s*$", self.data[-64:])
        if not found or self.data[int(found[-1]):int(found[-1]) + 4] == b"xref":
            raise ValueError("the saved copy does not end with a cross-reference stream")
        self.startxref = int(found[-1])
        saved.close()

    def copy(self, title: str, contents: tuple[bytes, ...]) -> bytes:
        """The model with these page contents (decoded, in slot order) and this title."""
        out = io.BytesIO()
        out.write(self.data)
        if not self.data.endswith(b"\n"):
            out.write(b"\n")
        offsets: dict[int, tuple[int, int]] = {}

        def obj(objgen: tuple[int, int], text: bytes) -> None:
            offsets[objgen[0]] = (out.tell(), objgen[1])
            out.write(b"%d %d obj\n" % objgen + text + b"\nendobj\n")

        def stream(objgen: tuple[int, int], data: bytes, extra: bytes = b"",
                   compress: bool = True) -> None:
            packed = zlib.compress(data, 6) if compress else data
            head = b"<< /Length %d" % len(packed) + (b" /Filter /FlateDecode" if compress
                                                       else b"") + extra + b" >>"
            obj(objgen, head + b"\nstream\n" + packed + b"\nendstream")

        for objgen, data in zip(self.contents, contents, strict=True):
            stream(objgen, data)
        info = Dictionary(self.info_items)
        info[Name.Title] = pikepdf.String(title)
        obj(self.info, info.unparse())
        if self.metadata is not None:
            objgen, xmp = self.metadata
            stream(objgen, xmp.replace(PLACEHOLDER.encode(), escape(title).encode()),
                   b" /Type /Metadata /Subtype /XML", compress=False)
        # the cross-reference stream of the update (the model has one too: a classic table
        # may not follow a stream), listing only the objects it redefines, and itself
        number = self.size
        offsets[number] = (out.tell(), 0)
        numbers = sorted(offsets)
        index: list[int] = []
        for n in numbers:
            if index and n == index[-2] + index[-1]:
                index[-1] += 1
            else:
                index += [n, 1]
        rows = b"".join(struct.pack(">BIH", 1, *offsets[n]) for n in numbers)
        digest = hashlib.md5(title.encode() + b"".join(contents), usedforsecurity=False)
        packed = zlib.compress(rows)
        xref = offsets[number][0]
        out.write(b"%d 0 obj\n<< /Type /XRef /Size %d /Index [%s] /W [1 4 2] /Root %d %d R "
                  b"/Info %d %d R /Prev %d /ID [<%s> <%s>] /Filter /FlateDecode /Length %d >>\n"
                  b"stream\n" % (number, number + 1, " ".join(map(str, index)).encode(),
                                  *self.root, *self.info, self.startxref,
                                  self.first_id.hex().encode(), digest.hexdigest().encode(),
                                  len(packed)))
        out.write(packed + b"\nendstream\nendobj\n")
        out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
        return out.getvalue()


class Copier:
    """Copies of one body from one personal PDF: a model per shape of personal pages,
    then every copy of that shape appended to it."""

    def __init__(self, body: bytes, personal: Personal):
        self.body, self.personal = body, personal
        self.models: dict[tuple[Any, ...], Model | None] = {}

    def copy(self, spec: CopySpec) -> bytes:
        keys = tuple(structure_key(self.personal, source) for _, source in spec.slots)
        key = (tuple(index for index, _ in spec.slots), keys)
        if key not in self.models:
            try:
                self.models[key] = Model(self.body, self.personal, spec.slots)
            except ValueError:  # not a file an update can follow: assemble each copy
                self.models[key] = None
        model = self.models[key]
        if model is None:
            return assemble(self.body, self.personal, spec)
        pages = self.personal.pdf.pages
        return model.copy(spec.title, tuple(_content(pages[source].obj)
                                            for _, source in spec.slots))


def _content(page: Any) -> bytes:
    contents = page.get("/Contents")
    if contents is None:
        return b""
    if isinstance(contents, Array):
        return b"\n".join(part.read_bytes() for part in contents)
    return bytes(contents.read_bytes())
