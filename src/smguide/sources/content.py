"""Load a content folder into one validated, immutable Guide, reporting every problem at once."""

from __future__ import annotations

import difflib
import glob
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smguide.errors import ContentError, Problem, Where, quote
from smguide.model.contact import Contact
from smguide.model.guide import (
    Analogy,
    Chapter,
    ChapterFile,
    Checklist,
    Guide,
    GuideFile,
    Image,
)
from smguide.paths import display_path, link_loop, real
from smguide.safety.images import Refusal, check_image
from smguide.sources.markup import markup_problems
from smguide.sources.spoken import spoken_for
from smguide.sources.typography import typography_for
from smguide.sources.validate import suggest, validate
from smguide.sources.yamlhints import curly_wrapped
from smguide.sources.yamlsource import Located, YamlProblem, read_yaml

MAX_GUIDE_BYTES = 20_000_000  # all chapter files together (each is also capped)
LOOP_FIX = "replace it with the file itself"
LOOP = f"the file is a symbolic link that leads back to itself (a link loop); {LOOP_FIX}"
# the files' shapes (sources/guidefile.py), named: imported only to validate a file anew
GUIDE_FILE = "smguide.sources.guidefile:GuideFile"
LABELS = "smguide.sources.guidefile:Labels"
CHAPTER_FILE = "smguide.sources.guidefile:ChapterFile"
IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}


def _read(path: Path, problems: list[Problem], root: Path | None = None) -> Located | None:
    top = Where(display_path(path), 1, 1)
    if link_loop(path):
        problems.append(Problem.at(top, LOOP, suggestion=LOOP_FIX))
        return None
    if not path.is_file():
        problems.append(Problem.fix(top, "file not found", "create it (see `smguide docs`)"))
        return None
    if not real(path).is_relative_to(real(root or path.parent)):
        problems.append(Problem.fix(top, "the file is a link to a place outside the content "
                                         "folder", "put the file itself there"))
        return None
    try:
        return read_yaml(path)
    except YamlProblem as exc:
        problems.append(exc.problem(top.file))
    except OSError as exc:
        problems.append(Problem.at(top, f"cannot read the file ({exc.strerror})"))
    return None


def _inside(root: Path, relative: str) -> Path | None:
    """The file `relative` names, if it stays inside `root` (no absolute paths, no '..')."""
    if relative.startswith(("/", "\\")) or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", relative):
        return None
    target = real(root / relative)
    return target if target.is_relative_to(real(root)) else None


def check_file_ref(root: Path, relative: str, where: Where, kinds: set[str],
                   problems: list[Problem], what: str, listed: tuple[str, ...] = ()) -> None:
    """Whether `relative` names a file of one of `kinds` inside `root`; if not, a problem
    saying where smguide looked and what there is instead. Files in `listed` (the others
    named in the same list) are never suggested."""
    target = _inside(root, relative)
    if target is None:
        problems.append(Problem.fix(where, f"{quote(relative)} is outside the folder "
                                           f"{display_path(root)}",
                                    f"put the {what} inside it and give a relative path"))
        return
    if link_loop(target):
        problems.append(Problem.at(where, f"{quote(relative)}: {LOOP}", suggestion=LOOP_FIX))
        return
    if not target.is_file():
        problems.append(Problem.fix(where, *_not_found(root, relative, kinds, listed)))
        return
    if target.suffix.lower() not in kinds:
        problems.append(Problem.at(where, f"{quote(relative)} is not a supported {what} "
                                          f"(use {', '.join(sorted(kinds))})"))


def _not_found(root: Path, relative: str, kinds: set[str],
               listed: tuple[str, ...]) -> tuple[str, str]:
    """(`file "x" not found` and where smguide looked; the nearest name and what to do)."""
    looked = display_path(root / relative)
    translations = [g.parent for g in root.glob("*/guide.yaml")]  # content/de/: not ours
    files = [p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in kinds
             and not any(p.is_relative_to(t) for t in translations)]
    others = [name for name in (p.relative_to(root).as_posix() for p in files)
              if name not in listed and name != relative]
    match = difflib.get_close_matches(relative, others, n=1)
    name = Path(relative).name
    hidden = next((p for p in sorted((root / relative).parent.glob(f"{glob.escape(name)}.*"))
                   if p.is_file() and p.suffix.lower() in (".txt", ".rtf", ".docx")), None)
    if hidden is not None:  # 03-tools.yaml.txt: Notepad or TextEdit added an ending
        return (f"file {quote(relative)} not found (smguide looked for {looked})",
                f"there is {display_path(hidden)}, whose name ends in {hidden.suffix} (the "
                f"editor added it, and the computer may hide it): rename the file to {name}")
    elsewhere = next((p for p in sorted(root.parent.glob(f"*/{name}")) + sorted(
        root.parent.glob(name)) if p.is_file() and not real(p).is_relative_to(
        real(root))), None)
    curly = curly_wrapped(relative, "name")
    if curly and (root / relative[1:-1]).is_file():  # path: “logo.svg”, pasted from Word
        advice = curly[0]
    elif match:
        advice = f"did you mean {quote(match[0])}? Fix the name, or create the file"
    elif elsewhere is not None:
        advice = (f"there is a {name} at {display_path(elsewhere)}, outside the content folder: "
                  f"move it to {display_path((root / relative).parent)}")
    else:
        advice = "create the file there, or remove this line"
    return f"file {quote(relative)} not found (smguide looked for {looked})", advice


def _where(located: Located, display: str, path: tuple[Any, ...], field: str) -> Where:
    line, col = located.position(path)
    return Where(display, line, col, field)


def file_line(found: Problem) -> tuple[str, int, int, str]:
    """Sort key: file, then line and column as numbers, then the text; the one order
    every command lists problems in (a problem without a line comes first in its file)."""
    return found.file, found.line or 0, found.column or 0, found.line_text()


def _chapter_list(guide: GuideFile | None, source: Located | None) -> list[str]:
    """The chapter files to check, even when guide.yaml has problems elsewhere."""
    if guide is not None:
        return list(guide.chapters)
    raw = source.data.get("chapters") if source and isinstance(source.data, dict) else None
    return [item for item in raw if isinstance(item, str)] if isinstance(raw, list) else []


def _labelled(problem: Problem, read: dict[str, Located]) -> Problem:
    """`problem` with its field said as the author reads it, block types included
    ("block 3 (checklist), items"), from the file it is in."""
    located = read.get(problem.file)
    return problem if located is None else problem.in_file(located.data)


def load_guide(content_dir: Path) -> Guide:
    """Read guide.yaml, labels.yaml and every chapter; raise ContentError listing all problems."""
    root = real(content_dir)
    problems: list[Problem] = []
    guide_src = _read(root / "guide.yaml", problems)
    labels_src = _read(root / "labels.yaml", problems)
    read_files = {display_path(root / "guide.yaml"): guide_src,
                  display_path(root / "labels.yaml"): labels_src}
    guide = labels = None
    if guide_src is not None:
        guide, found = validate(GUIDE_FILE, guide_src, display_path(root / "guide.yaml"))
        problems += found
    if labels_src is not None:
        labels, found = validate(LABELS, labels_src, display_path(root / "labels.yaml"))
        problems += found

    chapters: list[Chapter] = []
    names = tuple(_chapter_list(guide, guide_src))
    reading = _Reading(root, problems, read_files)
    for index, relative in enumerate(names):
        assert guide_src is not None
        path = _listed_file(reading, guide_src, index, relative, names)
        if reading.too_big:
            break
        if path is None:
            continue
        chapter = _read_chapter(reading, index, relative, path, len(chapters) + 1)
        if chapter is not None:
            chapters.append(chapter)

    if guide is not None and guide.date and not _real_date(guide.date):
        assert guide_src is not None
        problems.append(Problem.fix(_where(guide_src, display_path(root / "guide.yaml"),
                                           ("date",), "date"),
                                    f"{quote(guide.date)} is not a day in the calendar",
                                    "check the month and the day (it is written "
                                    "year-month-day)"))
    week_before = _week_before(guide, guide_src, root, chapters, problems)
    if problems or guide is None or labels is None:
        read = {shown: found for shown, found in read_files.items() if found is not None}
        raise ContentError(sorted((_labelled(p, read) for p in problems),
                                  key=file_line))
    from smguide.sources.plaintext import typeset_guide

    # made of values validated already (the model's plain dataclasses); the plain-text
    # fields with the body's smart typography (sources/plaintext.py)
    return typeset_guide(Guide(
        title=guide.title, subtitle=guide.subtitle, language=guide.language,
        edition=guide.edition, description=guide.description, chapters=tuple(chapters),
        labels=labels, root=root, date=guide.date, footer=guide.footer, deck=guide.deck,
        contact=_contact_lines(guide.contact), printed_by=guide.printed_by,
        contact_details=guide.contact if isinstance(guide.contact, Contact) else None,
        week_before=week_before, typography=typography_for(guide.language, labels.typography),
        spoken=spoken_for(guide.language, labels.spoken)))


@dataclass
class _Reading:
    """What reading the chapters keeps from one chapter to the next."""

    root: Path
    problems: list[Problem]
    read_files: dict[str, Located | None]  # every file read, by its shown path
    anchors: dict[str, str] = field(default_factory=dict)  # chapter id -> its file
    listed: dict[str, int] = field(default_factory=dict)  # chapter file -> its place
    total_bytes: int = 0
    too_big: bool = False  # the chapters so far are more than a guide may hold


def _listed_file(reading: _Reading, guide_src: Located, index: int, relative: str,
                 names: tuple[str, ...]) -> Path | None:
    """The chapter file guide.yaml lists at `index`, if it is one to read."""
    problems, root = reading.problems, reading.root
    where = _where(guide_src, display_path(root / "guide.yaml"), ("chapters", index),
                   f"chapters[{index}]")
    if not relative.endswith((".yaml", ".yml")):
        problems.append(Problem.at(where, f"{quote(relative)} is not a YAML file; chapters "
                                          "are .yaml files"))
        return None
    if relative in reading.listed:
        first = guide_src.position(("chapters", reading.listed[relative]))[0]
        problems.append(Problem.fix(where, f"{quote(relative)} is listed twice (also on "
                                           f"line {first})", "remove one of the two lines"))
        return None
    reading.listed[relative] = index
    before = len(problems)
    check_file_ref(root, relative, where, {".yaml", ".yml"}, problems, "chapter file", names)
    if len(problems) > before:
        return None
    path = root / relative
    reading.total_bytes += path.stat().st_size if path.is_file() else 0
    if reading.total_bytes > MAX_GUIDE_BYTES:
        problems.append(Problem.fix(where, f"the chapters add up to more than "
                                           f"{MAX_GUIDE_BYTES // 1_000_000} MB of text",
                                    "a handbook that big should be split into several "
                                    "guides"))
        reading.too_big = True
        return None
    return path


def _read_chapter(reading: _Reading, index: int, relative: str, path: Path,
                  number: int) -> Chapter | None:
    """Chapter `number` from its file, with its pictures checked (None: it has problems)."""
    problems, root = reading.problems, reading.root
    shown = display_path(path)
    source = _read(path, problems, root)
    reading.read_files[shown] = source
    if source is None:
        return None
    chapter, found = validate(CHAPTER_FILE, source, shown)
    problems += found
    if chapter is None:
        return None
    problems += markup_problems(source, shown)  # Markdown headings and images
    anchor = chapter.id or re.sub(r"[^a-z0-9]+", "-", Path(relative).stem.lower()).strip("-")
    anchor = re.sub(r"^[0-9-]+", "", anchor) or f"chapter-{index + 1}"
    if anchor in reading.anchors:
        problems.append(Problem.fix(_where(source, shown, ("id",), "id"),
                                    f"the chapter id {quote(anchor)} is also used by "
                                    f"{reading.anchors[anchor]}",
                                    'give this chapter its own "id:"'))
        return None
    reading.anchors[anchor] = shown
    _check_block_files(root, source, shown, chapter, problems)
    return Chapter(  # of values validated already, as the Guide (load_guide)
        number=number, anchor=anchor, path=path, title=chapter.title, summary=chapter.summary,
        notes=chapter.notes, blocks=tuple(chapter.blocks), deck=chapter.deck,
        recap=chapter.recap, short_title=chapter.short_title)


def _check_block_files(root: Path, source: Located, shown: str, chapter: ChapterFile,
                       problems: list[Problem]) -> None:
    """The pictures the chapter's blocks name: inside the content folder, and usable."""
    for block_index, block in enumerate(chapter.blocks):
        if isinstance(block, Image):
            where_src = _where(source, shown, ("blocks", block_index, "src"),
                               f"blocks[{block_index}].src")
            before = len(problems)
            check_file_ref(root, block.src, where_src, IMAGE_TYPES, problems, "image")
            refused = None if len(problems) > before else check_image(root / block.src)
            if refused:
                problems.append(refused_image(where_src, block.src, refused))
        if isinstance(block, Analogy):
            _check_pictures(root, source, shown, block_index, block, problems)


def _check_pictures(root: Path, source: Located, shown: str, block_index: int,
                    block: Analogy, problems: list[Problem]) -> None:
    """An analogy part's own picture: an SVG file in the content folder, checked like any
    image (no scripts, no external references, well-formed)."""
    for part_index, part in enumerate(block.parts):
        if part.picture is None:
            continue
        where = _where(source, shown, ("blocks", block_index, "parts", part_index, "picture"),
                       f"blocks[{block_index}].parts[{part_index}].picture")
        before = len(problems)
        check_file_ref(root, part.picture, where, {".svg"}, problems, "picture")
        refused = None if len(problems) > before else check_image(root / part.picture)
        if refused:
            problems.append(refused_image(where, part.picture, refused))


def _week_before(guide: GuideFile | None, source: Located | None, root: Path,
                 chapters: list[Chapter], problems: list[Problem]) -> str | None:
    """The chapter a personal copy's week page faces: guide.yaml's personal_week_before
    (which must name a chapter), else the first chapter with a checklist, else none (the
    page ends the book)."""
    if guide is None:
        return None
    anchors = [chapter.anchor for chapter in chapters]
    wanted = guide.personal_week_before
    if wanted is None:
        return next((chapter.anchor for chapter in chapters
                     if any(isinstance(block, Checklist) for block in chapter.blocks)), None)
    if wanted not in anchors and len(chapters) == len(guide.chapters):  # all chapters read
        assert source is not None
        where = _where(source, display_path(root / "guide.yaml"), ("personal_week_before",),
                       "personal_week_before")
        problems.append(Problem.fix(where, f"no chapter has the id {quote(wanted)}"
                                           f"{suggest(wanted, anchors)}",
                                    f"give one of the chapters' ids: {', '.join(anchors)}"))
    return wanted


def _contact_lines(contact: Contact | list[str] | None) -> tuple[str, ...]:
    """The back cover's contact lines: as written, or the group's in its order."""
    if isinstance(contact, Contact):
        return contact.lines()
    return tuple(contact or ())


def _real_date(text: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def refused_image(where: Where, src: str, refused: Refusal) -> Problem:
    """A picture check_image refused: `"src": why`, with its fix."""
    return Problem.at(where, f"{quote(src)}: {refused.text}", None, refused.fix)
