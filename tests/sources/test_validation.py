"""Content mistakes: every problem at once, one exact line each, exit 1, nothing written."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import edit


def build(run: Callable[..., Result], content: Path, out: Path) -> Result:
    return run("pdf", "--content", str(content), "-o", str(out))


def test_several_problems_in_several_files_are_all_reported(
        run: Callable[..., Result], content: Path, tmp_path: Path) -> None:
    edit(content / "chapters/02-sales.yaml", "focus: short-term", "focus: shortterm")
    edit(content / "chapters/02-sales.yaml", "    name: Sales\n",
         "    name: Sales\n    colour: red\n")
    edit(content / "chapters/03-marketing.yaml", "title:", "titel:")
    edit(content / "chapters/04-side-by-side.yaml", "type: comparison", "type: comparision")
    edit(content / "guide.yaml", "edition: First edition", "edition: 2026")
    edit(content / "guide.yaml", "07-first-week.yaml", "07-first-weak.yaml")
    out = tmp_path / "out.pdf"
    result = build(run, content, out)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        'Error: content/chapters/02-sales.yaml:17:5: block 2 (role), colour: unknown key "colour" '
        "(allowed: heading, notes, name, focus, mission, activities, skills, slide)",
        "Error: content/chapters/02-sales.yaml:18:5: block 2 (role), focus: expected one of "
        'short-term, long-term; got "shortterm" (did you mean "short-term"?)',
        'Error: content/chapters/03-marketing.yaml:1:1: titel: unknown key "titel" '
        '(did you mean "title"?)',
        "Error: content/chapters/04-side-by-side.yaml:12:5: block 2, type: expected one of "
        "prose, callout, takeaways, role, comparison, analogy, practices, checklist, glossary, "
        'questions, image; got "comparision" (did you mean "comparison"?)',
        "Error: content/guide.yaml:4:1: edition: expected text; got 2026 "
        '(put it in quotes: "2026")',
        'Error: content/guide.yaml:14:5: chapter 8: file "chapters/07-first-weak.yaml" not '
        "found (smguide looked for content/chapters/07-first-weak.yaml); did you mean "
        '"chapters/07-first-week.yaml"? Fix the name, or create the file',
        "6 problems found; nothing was written.",
    ]
    assert "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    ("chapters/07-first-week.yaml", "lines: 4", "lines: four",
     "content/chapters/07-first-week.yaml:{line}:5: block {n} (questions), lines: expected a "
     "whole number; "
     'got "four"'),
    ("chapters/01-mixed-up.yaml", "  - type: prose\n", "  - kind: prose\n",
     'content/chapters/01-mixed-up.yaml:{line}:5: block 1: each block needs a "type:" line '
     '(for example "type: prose")'),
    ("guide.yaml", "language: en", "language: English",
     'content/guide.yaml:3:1: language: "English" is not allowed here; expected a language code '
     'such as "en", "de" or "en-GB"'),
    ("chapters/02-sales.yaml", "    name: Sales\n", "    name: Sales\n    name: Selling\n",
     'content/chapters/02-sales.yaml:17:5: the key "name" appears twice (first on line 16); '
     "keep one of them"),
    ("chapters/02-sales.yaml", "    name: Sales\n", "    name: Sales\n\tfocus: x\n",
     "content/chapters/02-sales.yaml:17:1: YAML syntax: a tab character; indent with "
     "spaces, not tabs"),
    ("guide.yaml", "chapters/02-sales.yaml", "../../etc/passwd.yaml",
     'content/guide.yaml:{line}:5: chapter 3: "../../etc/passwd.yaml" is outside the folder '
     "content; put the chapter file inside it and give a relative path"),
])
def test_one_mistake_one_exact_line(run: Callable[..., Result], content: Path, tmp_path: Path,
                                    file: str, old: str, new: str, expected: str) -> None:
    edit(content / file, old, new)
    lines = (content / file).read_text(encoding="utf-8").splitlines()
    marker = new.strip().splitlines()[0]
    line = next(i for i, text in enumerate(lines, 1) if marker in text)
    blocks_before = sum(1 for text in lines[:line - 1] if text.startswith("  - type:")
                        or text.startswith("  - kind:"))
    result = build(run, content, tmp_path / "out.pdf")
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert errors[0] == "Error: " + expected.format(line=line, n=blocks_before)
    assert errors[-1] == "1 problem found; nothing was written."
    assert not (tmp_path / "out.pdf").exists()


def test_a_failed_build_leaves_the_previous_pdf_untouched(
        run: Callable[..., Result], content: Path, tmp_path: Path) -> None:
    out = tmp_path / "handbook.pdf"
    out.write_bytes(b"%PDF-1.7 previous good build")
    edit(content / "chapters/02-sales.yaml", "focus: short-term", "focus: soon")
    assert build(run, content, out).exit_code == 1
    assert out.read_bytes() == b"%PDF-1.7 previous good build"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".handbook")] == []


def test_yes_no_words_are_kept_as_written(run: Callable[..., Result], content: Path,
                                          tmp_path: Path) -> None:
    """In YAML 1.1 `No` would become false and fail as "expected text"; here it is the word."""
    edit(content / "chapters/08-glossary.yaml", "  - type: glossary\n",
         "  - type: glossary\n    heading: No\n")
    result = build(run, content, tmp_path / "out.pdf")
    assert result.exit_code == 0, result.stderr


def test_a_chapter_listed_twice_and_a_misspelt_pictogram(
        run: Callable[..., Result], content: Path, tmp_path: Path) -> None:
    edit(content / "guide.yaml", "  - chapters/02-sales.yaml\n",
         "  - chapters/02-sales.yaml\n  - chapters/02-sales.yaml\n")
    edit(content / "chapters/05-seed-and-garden.yaml", "      - symbol: garden",
         "      - symbol: gardn")
    result = build(run, content, tmp_path / "out.pdf")
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert any(line.endswith(': chapter 4: "chapters/02-sales.yaml" is listed twice (also '
                             "on line 9); remove one of the two lines") for line in errors)
    misspelt = [line for line in errors if "gardn" in line]
    assert len(misspelt) == 1, errors
    assert re.search(r"05-seed-and-garden\.yaml:\d+:\d+: block 2 \(analogy\), part 2, symbol: "
                     r'expected one of anchor, .*lighthouse, .*; got "gardn" '
                     r'\(did you mean "garden"\?\)$', misspelt[0]), misspelt


def test_a_missing_file_says_where_smguide_looked_and_never_suggests_a_listed_one(
        run: Callable[..., Result], content: Path, tmp_path: Path) -> None:
    guide = content / "guide.yaml"
    edit(guide, "  - chapters/07-first-week.yaml\n",
         "  - chapters/07-first-week.yaml\n  - chapters/02-saless.yaml\n")
    (tmp_path / "images").mkdir()  # beside content/, not in it
    (tmp_path / "images" / "team.png").write_bytes(b"not read")
    chapter = sorted((content / "chapters").glob("*.yaml"))[0]
    with chapter.open("a", encoding="utf-8") as text:
        text.write("  - type: image\n    src: images/team.png\n    alt: The team\n")
    result = run("check", "--content", str(content))
    lines = result.stdout.splitlines()
    (missing,) = [line for line in lines if "02-saless" in line]
    assert missing.endswith('file "chapters/02-saless.yaml" not found (smguide looked for '
                            "content/chapters/02-saless.yaml); create the file there, or "
                            "remove this line")  # 02-sales.yaml is listed: not suggested
    (image,) = [line for line in lines if "team.png" in line]
    assert image.endswith('file "images/team.png" not found (smguide looked for '
                          "content/images/team.png); there is a team.png at images/team.png, "
                          "outside the content folder: move it to content/images")
