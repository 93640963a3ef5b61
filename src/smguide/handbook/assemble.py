"""Personal copies from two laid-out PDFs, page by page, with pikepdf (no layout here).

A copy is the shared body with its two empty pages filled in: each keeps its page object
(so the outline, the TOC links and every named destination still point at the right
pages), takes the personal page's content and resources, and the personal page's part of
the tagged structure tree is grafted in where the empty page's was, with the parent tree
entry that maps its marked content. Nothing is laid out again and nothing is re-encoded.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from smguide.handbook.stamp import MODEL


@dataclass(frozen=True)
class CopySpec:
    """What one copy is made of: its personal pages (indexes into the personal PDF) and
    where they go (indexes into the body)."""

    slots: tuple[tuple[int, int], ...]  # (body page, personal page)
    title: str
    output: Path
    personal: str  # the personal PDF the pages come from
    name: str = ""  # the person's (the progress line names them)


class Personal:
    """The personal PDF, opened once per process, its structure tree cut into one
    detachable subtree per page (so a graft never drags the whole tree along)."""

    def __init__(self, data: bytes):
        self.pdf = Pdf.open(io.BytesIO(data))
        self.tops: dict[tuple[int, int], list[Any]] = {}
        self.marks: dict[tuple[int, int], Any] = {}
        _retag_fonts(self.pdf)
        self.loose: dict[tuple[int, int], list[Any]] = {}
        root = self.pdf.Root.get("/StructTreeRoot")
        if root is None:
            return
        numbers = _nums(root)
        for page in self.pdf.pages:
            key = page.obj.get("/StructParents")
            if key is not None and int(key) in numbers:
                self.marks[page.obj.objgen] = numbers[int(key)]
        self._cut_tops(root)
        self._cut_loose()
        self._share_stamped()

    def _cut_tops(self, root: Any) -> None:
        """Each page's top elements, cut loose from the Document."""
        for document in _kids(root):
            for top in _kids(document):
                on_page = _page_of(top)
                if on_page is None:
                    continue
                self.tops.setdefault(on_page, []).append(top)
                del top["/P"]  # cut loose: copying must not follow it up to the whole tree
                _forget_pages(top)

    def _cut_loose(self) -> None:
        """WeasyPrint tags the running footer as an element whose parent is the Document
        but which is not among the Document's kids: reachable only from the parent tree.
        Cut those loose too, or copying them would copy the whole tree."""
        for objgen, marks in self.marks.items():
            for elem in marks:
                top = _top_of(elem)
                if top is not None:
                    self.loose.setdefault(objgen, []).append(top)
                    del top["/P"]
                    _forget_pages(top)

    def _share_stamped(self) -> None:
        """A stamped page (handbook.stamp) has the tagged structure of the page it names."""
        for page in self.pdf.pages:
            model = page.obj.get(MODEL)
            if model is not None:
                for table in (self.tops, self.marks, self.loose):
                    if model.objgen in table:
                        table[page.obj.objgen] = table[model.objgen]


def _retag_fonts(pdf: Pdf) -> None:
    """Give the personal pages' font subsets their own names.

    WeasyPrint names a subset after the font file (CUXTZP+Lato), so the body's subset and
    the personal pages' subset of the same font would share a name in one copy; some
    viewers and print RIPs take two fonts of one name for one font and draw missing
    glyphs. The new tag is derived from the old one, so builds stay reproducible."""
    import hashlib

    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        resources: Any = page.obj.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for font in fonts.values():
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            parts = [font, *font.get("/DescendantFonts", [])]
            for part in parts:
                name = str(part.get("/BaseFont", ""))
                if len(name) > 8 and name[7] == "+":
                    digest = hashlib.sha256(f"smguide-personal{name}".encode()).digest()
                    tag = "".join(chr(65 + b % 26) for b in digest[:6])
                    part.BaseFont = Name("/" + tag + name[7:])
                    descriptor = part.get("/FontDescriptor")
                    if descriptor is not None:
                        descriptor.FontName = part.BaseFont


def _top_of(elem: Any) -> Dictionary | None:
    """The ancestor of `elem` that still hangs from the Document (None when the chain was
    already cut or `elem` is not an element)."""
    if not isinstance(elem, Dictionary):
        return None
    seen = set()
    while isinstance(elem, Dictionary) and "/P" in elem and elem.objgen not in seen:
        seen.add(elem.objgen)
        parent = elem.P
        if parent.get("/S") == "/Document" or parent.get("/Type") == "/StructTreeRoot":
            return elem
        elem = parent
    return None


def _kids(node: Any) -> list[Any]:
    kids = node.get("/K") if isinstance(node, Dictionary) else None
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def _is_elem(node: Any) -> bool:
    return isinstance(node, Dictionary) and node.get("/Type") not in ("/MCR", "/OBJR")


def _page_of(elem: Any) -> tuple[int, int] | None:
    """The page a (top-level) element is on: its /Pg, or its first descendant's."""
    if not isinstance(elem, Dictionary):
        return None
    page = elem.get("/Pg")
    if page is not None:
        return page.objgen
    for kid in _kids(elem):
        found = _page_of(kid)
        if found is not None:
            return found
    return None


def _forget_pages(elem: Any) -> None:
    """Drop /Pg below `elem` (it is set again to the copy's page after the graft)."""
    if "/Pg" in elem:
        del elem["/Pg"]
    for kid in _kids(elem):
        if _is_elem(kid):
            _forget_pages(kid)


def _set_page(elem: Any, page: Any) -> None:
    elem.Pg = page
    for kid in _kids(elem):
        if _is_elem(kid):
            _set_page(kid, page)


def _nums(root: Any) -> dict[int, Any]:
    """The parent tree as {StructParents key: value} (WeasyPrint writes a flat /Nums)."""
    tree = root.get("/ParentTree")
    found: dict[int, Any] = {}
    stack = [tree] if tree is not None else []
    while stack:
        node = stack.pop()
        nums = node.get("/Nums")
        if nums is not None:
            for i in range(0, len(nums) - 1, 2):
                found[int(nums[i])] = nums[i + 1]
        stack.extend(node.get("/Kids", []))
    return found


def _set_num(root: Any, key: int, value: Any) -> None:
    tree = root.get("/ParentTree")
    if tree is None:
        root.ParentTree = tree = Dictionary(Nums=Array())
    if "/Kids" in tree:  # not what WeasyPrint writes: flatten it
        flat: Any = Array()
        for k, v in sorted(_nums(root).items()):
            flat.extend([k, v])
        tree.Nums = flat
        del tree["/Kids"]
    nums = tree.Nums
    for i in range(0, len(nums) - 1, 2):
        if int(nums[i]) == key:
            nums[i + 1] = value
            return
    position = next((i for i in range(0, len(nums) - 1, 2) if int(nums[i]) > key), len(nums))
    nums.insert(position, value)
    nums.insert(position, key)


def fill_page(body: Pdf, index: int, personal: Personal, source: int) -> None:
    """Put personal page `source` on body page `index`, structure tree included."""
    page = body.pages[index].obj
    theirs = personal.pdf.pages[source].obj
    page.Contents = body.copy_foreign(theirs.Contents)
    page.Resources = body.copy_foreign(theirs.Resources)
    for box in ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox"):
        if box in theirs:
            page[box] = _copy(body, theirs[box])
    if "/Annots" in page:
        del page["/Annots"]  # the empty page has none; the personal pages have no links
    root = body.Root.get("/StructTreeRoot")
    documents = _kids(root) if root is not None else []
    if not documents:
        return
    _graft_tops(body, index, personal, page, theirs, documents[0])
    _set_marks(body, root, page, personal.marks.get(theirs.objgen))


def _graft_tops(body: Pdf, index: int, personal: Personal, page: Any, theirs: Any,
                document: Any) -> None:
    """The personal page's top elements in place of the body page's, under `document`."""
    kids = document.get("/K")
    if not isinstance(kids, Array):
        document.K = kids = Array([] if kids is None else [kids])
    old = [i for i, kid in enumerate(kids) if _page_of(kid) == page.objgen]
    grafts = [body.copy_foreign(top) for top in personal.tops.get(theirs.objgen, [])]
    for graft in grafts:
        graft.P = document
        _set_page(graft, page)
    at = old[0] if old else _position(kids, body, index)
    for i in reversed(old):
        del kids[i]
    for offset, graft in enumerate(grafts):
        kids.insert(at + offset, graft)
    for loose in personal.loose.get(theirs.objgen, []):
        copied = body.copy_foreign(loose)
        copied.P = document  # as WeasyPrint has it: a parent, but not among its kids
        _set_page(copied, page)


def _set_marks(body: Pdf, root: Any, page: Any, marks: Any) -> None:
    """The page's entry in the parent tree: the personal page's marked elements."""
    if marks is None:
        if "/StructParents" in page:
            del page["/StructParents"]
        return
    key: Any = page.get("/StructParents")
    if key is None:
        key = max(_nums(root), default=-1) + 1
        page.StructParents = key
        if "/ParentTreeNextKey" in root:
            root.ParentTreeNextKey = max(int(root.ParentTreeNextKey), key + 1)
    _set_num(root, int(key), _copy(body, marks))


def _copy(pdf: Pdf, value: Any) -> Any:
    """copy_foreign for direct objects too (a parent tree entry is usually a direct array)."""
    if isinstance(value, Array) and not value.is_indirect:
        return Array([_copy(pdf, item) for item in value])
    if isinstance(value, Dictionary) and not value.is_indirect:
        return Dictionary({key: _copy(pdf, item) for key, item in value.items()})
    return pdf.copy_foreign(value) if isinstance(value, (Array, Dictionary, pikepdf.Stream)) \
        else value


def _position(kids: Array, body: Pdf, index: int) -> int:
    """Where a graft for page `index` goes among the top-level elements: before the
    first element on a later page."""
    order = {page.obj.objgen: number for number, page in enumerate(body.pages)}
    for i, kid in enumerate(kids):
        page = _page_of(kid)
        if page is not None and order.get(page, -1) > index:
            return i
    return len(kids)


def set_title(pdf: Pdf, title: str) -> None:
    """The document title, in the info dictionary and in the XMP metadata."""
    pdf.docinfo[Name.Title] = title
    if "/Metadata" in pdf.Root:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:title"] = title


def assemble(body: bytes, personal: Personal, spec: CopySpec) -> bytes:
    """One personal copy as PDF bytes."""
    pdf = Pdf.open(io.BytesIO(body))
    for index, source in spec.slots:
        fill_page(pdf, index, personal, source)
    set_title(pdf, spec.title)
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()


def merge(body: bytes, personals: dict[str, Personal], specs: list[CopySpec],
          names: list[str]) -> bytes:
    """All copies in one file for a print shop, in roster order, one bookmark per person.

    Built from the body and the personal pages directly, so the body's fonts and pictures
    are stored once, not once per person. Links and tags are left out: paper has no use
    for them."""
    source = Pdf.open(io.BytesIO(body))
    for body_page in source.pages:
        for key in ("/Annots", "/StructParents"):
            if key in body_page.obj:
                del body_page.obj[key]
    merged = Pdf.new()
    starts = []
    for spec in specs:
        start = len(merged.pages)
        starts.append(start)
        for source_page in source.pages:
            merged.pages.append(source_page)
        for index, theirs in spec.slots:
            page: Any = merged.pages[start + index].obj
            mine = personals[spec.personal].pdf.pages[theirs].obj
            page.Contents = merged.copy_foreign(mine.Contents)
            page.Resources = merged.copy_foreign(mine.Resources)
    with merged.open_outline() as outline:
        outline.root.extend(pikepdf.OutlineItem(name, start)
                            for name, start in zip(names, starts, strict=True))
    if "/Info" in source.trailer:
        merged.docinfo = merged.copy_foreign(source.docinfo)  # type: ignore[assignment]
    out = io.BytesIO()
    merged.save(out, deterministic_id=True)
    return out.getvalue()
