"""Whether a translation is still in step with the edition it translates.

A translation (content/de/) is matched to the source edition (content/) chapter by chapter,
by the chapters' ids (their `id:`, else their file names), and inside each chapter block by
block, by the blocks' types in order. What one edition has and the other lacks is a
warning in the translation's own files, so a German edition never falls behind the English
one without anyone noticing.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from smguide.errors import Problem, human_field
from smguide.model.guide import Chapter, Guide
from smguide.paths import display_path
from smguide.sources.yamlsource import Located, YamlProblem, read_yaml


def drift(located: Located | None, shown: str, path: tuple[str | int, ...], field: str,
          message: str, suggestion: str) -> Problem:
    """One difference, a warning in the translation's file: at `path` in it (its `field`
    said as the file reads, a block with its type), what is missing or extra, the fix."""
    line, column = _place(located, path)
    return Problem("warning", shown, line, column, field, f"{message}; {suggestion}",
                   suggestion=suggestion,
                   label=human_field(field, located.data if located is not None else None))


def _located(path: str | Path) -> Located | None:
    try:
        return read_yaml(Path(path))
    except (OSError, YamlProblem):
        return None


def _place(located: Located | None, path: tuple[str | int, ...]) -> tuple[int, int]:
    return located.position(path) if located is not None else (1, 1)


def _kind(block: object) -> str:
    return str(getattr(block, "type", type(block).__name__.lower()))


def compare(source: Guide, translation: Guide) -> list[Problem]:
    """What `translation` lacks or has beyond `source`: chapters, then blocks."""
    drifts: list[Problem] = []
    guide_file = display_path(translation.root / "guide.yaml")
    guide_yaml = _located(translation.root / "guide.yaml")
    base = source.language
    pairs, missing, extra = _pair(source.chapters, translation.chapters)
    for chapter in missing:
        drifts.append(drift(
            guide_yaml, guide_file, ("chapters",), "chapters",
            f'the "{base}" edition has the chapter "{chapter.anchor}" ({chapter.title}, '
            f"{chapter.source}); this one does not",
            f"translate {chapter.path.name} into chapters/ and list it here"))
    for chapter in extra:
        index = translation.chapters.index(chapter)
        drifts.append(drift(
            guide_yaml, guide_file, ("chapters", index), f"chapters[{index}]",
            f'the chapter "{chapter.anchor}" is not in the "{base}" edition',
            "add it there too, or give it the id of the chapter it translates"))
    for ours, theirs in pairs:
        drifts += _blocks(ours, theirs, base)
    return drifts


def _pair(ours: tuple[Chapter, ...], theirs: tuple[Chapter, ...]
          ) -> tuple[list[tuple[Chapter, Chapter]], list[Chapter], list[Chapter]]:
    """(source, translation) chapter pairs, the source's unmatched, the translation's.

    Chapters with the same id pair first; the rest pair in order while both sides have
    some left (a translation may translate its ids and file names too)."""
    by_id = {chapter.anchor: chapter for chapter in theirs}
    pairs = [(chapter, by_id[chapter.anchor]) for chapter in ours if chapter.anchor in by_id]
    paired = {id(t) for _, t in pairs} | {id(o) for o, _ in pairs}
    left_ours = [c for c in ours if id(c) not in paired]
    left_theirs = [c for c in theirs if id(c) not in paired]
    count = min(len(left_ours), len(left_theirs))
    pairs += list(zip(left_ours[:count], left_theirs[:count], strict=True))
    return pairs, left_ours[count:], left_theirs[count:]


def _blocks(source: Chapter, translation: Chapter, base: str) -> list[Problem]:
    """Blocks one chapter has and the other lacks, matched by their types in order."""
    kinds = [_kind(block) for block in source.blocks]
    theirs = [_kind(block) for block in translation.blocks]
    located = _located(translation.path)
    drifts = []
    matcher = difflib.SequenceMatcher(a=kinds, b=theirs, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            for n in range(a0, a1):
                where = ("blocks", b0) if b0 < len(theirs) else ("blocks",)
                drifts.append(drift(
                    located, translation.source, where, f"blocks[{b0}]",
                    f"block {n + 1} of the \"{base}\" chapter ({kinds[n]}, in "
                    f"{source.source}) has no counterpart here",
                    f"translate it and put it here, as block {b0 + 1}"))
        if tag in ("insert", "replace"):
            for n in range(b0, b1):
                drifts.append(drift(
                    located, translation.source, ("blocks", n), f"blocks[{n}]",
                    f"this block ({theirs[n]}) is not in the \"{base}\" chapter "
                    f"({source.source})",
                    "add it there too, or remove it here"))
    return drifts
