"""Whether two handbook PDFs are the same book, page by page: the text of each page
(pdftotext), its picture at 45 dpi (pdftoppm; the share of pixels that differ), the
outline (bookmarks: titles, levels and target pages), the tags (the structure tree's
elements), the links (each page's link
rectangles and where they go), the fonts (pdffonts: embedded, subset), qpdf --check and
the output intent. Used to check the handbook bound from its parts (handbook/binding.py)
against the handbook laid out whole.

Usage: .venv/bin/python bench/samebook.py OLD.pdf NEW.pdf
       .venv/bin/python bench/samebook.py --editions [--out DIR]
The second form builds the default handbook's editions (A4, A5, Letter, German A4,
--print) both ways, with a fresh user cache each, and compares each pair. Exits 1 when a
pair differs; prints one line per edition.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

DPI = 45
PIXELS = 0.0005  # at most this share of a page's pixels may differ (antialiasing)


@dataclass
class Differences:
    pages: tuple[int, int] = (0, 0)
    text: list[int] = field(default_factory=list)  # pages whose text differs
    pixels: dict[int, float] = field(default_factory=dict)  # page -> share of pixels
    outline: bool = False
    structure: bool = False  # the tagged PDF's structure tree differs
    links: list[int] = field(default_factory=list)
    fonts: bool = False
    checks: list[str] = field(default_factory=list)

    def same(self) -> bool:
        return (self.pages[0] == self.pages[1] and not self.text and not self.outline
                and not self.structure
                and not self.links and not self.fonts and not self.checks
                and all(share <= PIXELS for share in self.pixels.values()))

    def line(self) -> str:
        worst = max(self.pixels.values(), default=0.0)
        if self.same():
            return f"same book: {self.pages[0]} pages, largest pixel difference {worst:.5f}"
        bad = {p: round(s, 4) for p, s in self.pixels.items() if s > PIXELS}
        return (f"DIFFERENT: pages {self.pages}, text differs on {self.text}, pixels on "
                f"{bad}, outline {'differs' if self.outline else 'same'}, tags "
                f"{'differ' if self.structure else 'same'}, links on "
                f"{self.links}, fonts {'differ' if self.fonts else 'same'}; {self.checks}")


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def page_texts(pdf: Path) -> list[str]:
    return _run("pdftotext", "-layout", str(pdf), "-").split("\f")[:-1]


def outline(pdf: Path) -> list[tuple[int, str, int | None]]:
    import pypdf

    reader = pypdf.PdfReader(pdf)
    found: list[tuple[int, str, int | None]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


def links(pdf: Path) -> list[list[tuple]]:
    """Each page's link annotations: rectangle (rounded) and target (a page number or
    a URI)."""
    import pypdf

    reader = pypdf.PdfReader(pdf)
    pages = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    named = {name: dest for name, dest in reader.named_destinations.items()}
    found = []
    for page in reader.pages:
        mine = []
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            rect = tuple(round(float(v), 1) for v in annotation["/Rect"])
            action = annotation.get("/A")
            target: object = None
            if action is not None and "/URI" in action:
                target = str(action["/URI"])
            else:
                dest = annotation.get("/Dest") or (action or {}).get("/D")
                if isinstance(dest, str) and dest in named:
                    target = reader.get_destination_page_number(named[dest])
                elif dest is not None:
                    dest = dest.get_object() if hasattr(dest, "get_object") else dest
                    target = pages.get(dest[0].idnum) if hasattr(dest[0], "idnum") else str(dest)
            mine.append((rect, target))
        found.append(sorted(mine, key=str))
    return found


def fonts(pdf: Path) -> list[tuple[str, ...]]:
    rows = _run("pdffonts", str(pdf)).splitlines()[2:]
    # name (its subset prefix left out: it differs between writers), type, emb, sub, uni
    return sorted((row.split()[0].partition("+")[2] or row.split()[0], *row.split()[1:2],
                   *row.split()[-5:-2]) for row in rows)


def pixels(old: Path, new: Path, folder: Path) -> dict[int, float]:
    from PIL import Image, ImageChops

    for name, pdf in (("old", old), ("new", new)):
        subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(folder / name)],
                       check=True)
    shares = {}
    for number, picture in enumerate(sorted(folder.glob("old-*.png")), 1):
        other = folder / picture.name.replace("old-", "new-")
        if not other.exists():
            continue
        with Image.open(picture) as a, Image.open(other) as b:
            if a.size != b.size:
                shares[number] = 1.0
                continue
            diff = ImageChops.difference(a.convert("RGB"), b.convert("RGB")).convert("L")
            changed = sum(diff.point(lambda v: 255 if v > 24 else 0).histogram()[255:])
            shares[number] = changed / (a.size[0] * a.size[1])
    return shares


def structure(pdf: Path) -> list[tuple[int, str]]:
    """The tagged PDF's structure tree: each element's depth and type, in order."""
    import pikepdf

    found: list[tuple[int, str]] = []

    def walk(node: object, depth: int) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid, depth)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            found.append((depth, str(node.S)))
            if "/K" in node:
                walk(node.K, depth + 1)

    with pikepdf.open(pdf) as document:
        root = document.Root.get("/StructTreeRoot")
        if root is not None and "/K" in root:
            walk(root.K, 0)
    return found


def checks(pdf: Path) -> tuple[str, str]:
    """qpdf --check's verdict and the output intent's condition (or none)."""
    import pikepdf

    done = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    verdict = "clean" if done.returncode == 0 and "No syntax or stream encoding errors" \
        in done.stdout else done.stdout[-300:]
    with pikepdf.open(pdf) as document:
        intents = document.Root.get("/OutputIntents")
        intent = str(intents[0].get("/OutputConditionIdentifier")) if intents else "none"
    return verdict, intent


def compare(old: Path, new: Path) -> Differences:
    found = Differences()
    a, b = page_texts(old), page_texts(new)
    found.pages = (len(a), len(b))
    found.text = [n for n, (x, y) in enumerate(zip(a, b, strict=False), 1) if x != y]
    with tempfile.TemporaryDirectory() as folder:
        found.pixels = pixels(old, new, Path(folder))
    found.outline = outline(old) != outline(new)
    found.structure = structure(old) != structure(new)
    la, lb = links(old), links(new)
    found.links = [n for n, (x, y) in enumerate(zip(la, lb, strict=False), 1) if x != y]
    found.fonts = fonts(old) != fonts(new)
    (_, ia), (qb, ib) = checks(old), checks(new)
    if qb != "clean":
        found.checks.append(f"qpdf --check: {qb}")
    if ia != ib:
        found.checks.append(f"output intent {ia} -> {ib}")
    return found


EDITIONS = {"A4": [], "A5": ["--paper", "a5"], "Letter": ["--paper", "letter"],
            "German A4": ["--lang", "de"], "print": ["--print"]}


def editions(out: Path) -> bool:
    """Each edition built whole (SMGUIDE_WHOLE_LAYOUT=1) and bound, compared."""
    import os

    same = True
    for name, options in EDITIONS.items():
        made = []
        for way in ("whole", "bound"):
            pdf = out / f"{name.replace(' ', '-')}-{way}.pdf"
            env = {**os.environ, "XDG_CACHE_HOME": tempfile.mkdtemp(dir=out),
                   "SOURCE_DATE_EPOCH": "1700000000"}
            if way == "whole":
                env["SMGUIDE_WHOLE_LAYOUT"] = "1"
            subprocess.run([sys.executable, "-m", "smguide", "pdf", *options, "-o", str(pdf)],
                           check=True, env=env, capture_output=True)
            made.append(pdf)
        found = compare(*made)
        same = same and found.same()
        same_bytes = made[0].read_bytes() == made[1].read_bytes()
        print(f"{name}: {found.line()}" + (" (the same bytes)" if same_bytes else ""))
    return same


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--editions", action="store_true")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if args.editions:
        out = args.out or Path(tempfile.mkdtemp(prefix="samebook-"))
        out.mkdir(parents=True, exist_ok=True)
        return 0 if editions(out) else 1
    if len(args.pdfs) != 2:
        parser.error("give two PDFs, or --editions")
    found = compare(*args.pdfs)
    same_bytes = args.pdfs[0].read_bytes() == args.pdfs[1].read_bytes()
    print(found.line() + (" (the same bytes)" if same_bytes else ""))
    return 0 if found.same() else 1


if __name__ == "__main__":
    sys.exit(main())
