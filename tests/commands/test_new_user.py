"""The mistakes a new, non-programming author makes most often, each in the starter project.

Every fixture starts from `smguide init` (the project a pip user gets), makes one mistake
the way people really make it (pasting from a word processor, a typo, a tab, a file in the
wrong folder, a CSV saved from a spreadsheet) and asserts the exact line smguide prints,
the exit code, and that nothing was written. Checks use `smguide check`; only the roster,
which `check` does not read, runs `smguide pdf --roster` (it stops before rendering).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import edit

WELCOME = "content/chapters/01-welcome.yaml"
GUIDE = "content/guide.yaml"
BRAND = "brand/_brand.yml"
PRIMARY = '  primary: {light: green, dark: "#2e7a57"}'  # the starter brand's line


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(run: Callable[..., Result], tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh starter project made by `smguide init`, with the CLI run from inside it."""
    assert run("init", "myguide").exit_code == 0
    root = tmp_path / "myguide"
    monkeypatch.chdir(root)
    return root


def curly_quotes(root: Path) -> None:
    edit(root / WELCOME, '"Try one habit from How we work: it takes ten minutes."',
         "\u201cTry one habit from How we work: it takes ten minutes.\u201d")


def no_space_after_colon(root: Path) -> None:
    edit(root / WELCOME, "title: Welcome\n", "title:Welcome\n")


def tab_indent(root: Path) -> None:
    edit(root / WELCOME, "    heading: Your first week", "\theading: Your first week")


def misspelt_key(root: Path) -> None:
    edit(root / WELCOME, "    heading: Your first week", "    headng: Your first week")


def misspelt_block_type(root: Path) -> None:
    edit(root / WELCOME, "type: checklist", "type: check-list")


def missing_chapter_file(root: Path) -> None:
    edit(root / GUIDE, "  - chapters/02-how-we-work.yaml",
         "  - chapters/02-how-we-work.yaml\n  - chapters/03-tools.yaml")


def chapter_saved_as_yml(root: Path) -> None:
    chapter = root / "content/chapters/02-how-we-work.yaml"
    chapter.rename(chapter.with_suffix(".yml"))


def image_in_project_folder(root: Path) -> None:
    (root / "images").mkdir()
    shutil.copy(root / "brand/logo.svg", root / "images/team.svg")
    edit(root / WELCOME, "  - type: takeaways",
         "  - type: image\n    src: images/team.svg\n    alt: The team\n\n  - type: takeaways")


def unquoted_colour(root: Path) -> None:
    edit(root / BRAND, 'green: "#2f6b4f"', "green: #2f6b4f")


def colon_space_in_value(root: Path) -> None:
    edit(root / WELCOME, "title: Ask early, ask often", "title: Tip: ask early, ask often")


def set_date(root: Path, value: str) -> None:
    """Write the starter guide's date line (init writes the day it runs) as `value`."""
    path = root / GUIDE
    text, count = re.subn(r'^date: "\d{4}-\d{2}-\d{2}"$', f"date: {value}",
                          path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert count == 1, f"no date line in {path}"
    path.write_text(text, encoding="utf-8")


def date_written_day_first(root: Path) -> None:
    set_date(root, "03/02/2026")


def british_spelling_of_color(root: Path) -> None:
    edit(root / BRAND, "color:\n", "colour:\n")


def misspelt_palette_name(root: Path) -> None:
    edit(root / BRAND, PRIMARY, "  primary: gren")


def colour_in_curly_quotes(root: Path) -> None:
    edit(root / BRAND, 'green: "#2f6b4f"', "green: \u201c#2f6b4f\u201d")


def misspelt_colour_in_curly_quotes(root: Path) -> None:
    edit(root / BRAND, PRIMARY, "  primary: \u201cgren\u201d")


def palette_colour_misspelt_as_its_own_name(root: Path) -> None:
    edit(root / BRAND, 'green: "#2f6b4f"', "green: gren")


def number_in_curly_quotes(root: Path) -> None:
    edit(root / BRAND, "weight: 700", "weight: \u201c700\u201d")


def choice_in_curly_quotes(root: Path) -> None:
    edit(root / WELCOME, "style: tip", "style: \u201ctip\u201d")


def callout_style_as_block_type(root: Path) -> None:
    edit(root / WELCOME, "  - type: callout\n    style: tip", "  - type: warning")


def chapter_key_singular(root: Path) -> None:
    edit(root / GUIDE, "chapters:\n", "chapter:\n")


ERRORS = [
    (curly_quotes,
     'content/chapters/01-welcome.yaml:28:9: YAML syntax: this line has a curly quote (\u201c)'
     ' from a word processor, which YAML reads as an ordinary letter; use straight quotes:'
     ' "Try one habit from How we work: it takes ten minutes." (with curly quotes, the'
     ' ": " in it starts a key)'),
    (no_space_after_colon,
     'content/chapters/01-welcome.yaml:3:7: YAML syntax: put a space after the colon:'
     ' "title: Welcome"'),
    (tab_indent,
     "content/chapters/01-welcome.yaml:24:1: YAML syntax: a tab character; indent with"
     " spaces, not tabs"),
    (misspelt_key,
     'content/chapters/01-welcome.yaml:24:5: block 3 (checklist), headng: unknown key "headng"'
     ' (did you mean "heading"?)'),
    (misspelt_block_type,
     "content/chapters/01-welcome.yaml:23:5: block 3, type: expected one of prose, callout,"
     " takeaways, role, comparison, analogy, practices, checklist, glossary, questions,"
     ' image; got "check-list" (did you mean "checklist"?)'),
    (missing_chapter_file,
     'content/guide.yaml:11:5: chapter 3: file "chapters/03-tools.yaml" not found'
     " (smguide looked for content/chapters/03-tools.yaml); create the file there, or"
     " remove this line"),
    (chapter_saved_as_yml,
     'content/guide.yaml:10:5: chapter 2: file "chapters/02-how-we-work.yaml" not found'
     " (smguide looked for content/chapters/02-how-we-work.yaml); did you mean"
     ' "chapters/02-how-we-work.yml"? Fix the name, or create the file'),
    (image_in_project_folder,
     'content/chapters/01-welcome.yaml:31:5: block 4 (image), src: file "images/team.svg" not found'
     " (smguide looked for content/images/team.svg); there is a team.svg at"
     " images/team.svg, outside the content folder: move it to content/images"),
    (unquoted_colour,
     'brand/_brand.yml:18:5: color.palette.green: the value is empty: YAML reads "#2f6b4f"'
     ' as a comment; put it in quotes: green: "#2f6b4f"'),
    (colon_space_in_value,
     'content/chapters/01-welcome.yaml:18:12: YAML syntax: text with ": " in it must be'
     ' put in quotes: title: "Tip: ask early, ask often"'),
    (date_written_day_first,
     'content/guide.yaml:6:1: date: "03/02/2026" is not a date smguide reads; write it as'
     " year-month-day: 2026-02-03 for 3 February 2026, or 2026-03-02 for 2 March 2026"),
    (british_spelling_of_color,
     'brand/_brand.yml:16:1: colour: unknown key "colour" (did you mean "color"?)'),
    (misspelt_palette_name,
     'brand/_brand.yml:26:3: color.primary: "gren" is not a colour: give a hex colour'
     ' ("#2f6b4f"), a CSS colour name, rgb() or hsl(), or a palette name (did you mean'
     ' "green"?); palette: blue, green, ink, paper, rust, sand'),
    (colour_in_curly_quotes,
     "brand/_brand.yml:18:5: color.palette.green: the value is in curly quotes (\u201c \u201d)"
     " from a word processor, which YAML keeps as part of the text; use straight quotes:"
     ' "#2f6b4f"'),
    (misspelt_colour_in_curly_quotes,
     'brand/_brand.yml:26:3: color.primary: "gren" (in curly quotes, which YAML keeps as part'
     ' of the text) is not a colour: give a hex colour ("#2f6b4f"), a CSS colour name, rgb()'
     ' or hsl(), or a palette name (did you mean "green"?); palette: blue, green, ink, paper,'
     " rust, sand"),
    (palette_colour_misspelt_as_its_own_name,  # never "did you mean green?" for green itself
     'brand/_brand.yml:18:5: color.palette.green: "gren" is not a colour: give a hex colour'
     ' ("#2f6b4f"), a CSS colour name, rgb() or hsl(), or a palette name; palette: blue, ink,'
     " paper, rust, sand"),
    (number_in_curly_quotes,
     "brand/_brand.yml:39:5: typography.headings.weight: the value is in curly quotes"
     " (\u201c \u201d) from a word processor, which YAML keeps as part of the text; remove"
     " them: 700"),
    (choice_in_curly_quotes,
     "content/chapters/01-welcome.yaml:17:5: block 2 (callout), style: the value is in curly"
     " quotes (\u201c \u201d) from a word processor, which YAML keeps as part of the text;"
     " remove them: tip"),
    (callout_style_as_block_type,
     "content/chapters/01-welcome.yaml:16:5: block 2, type: expected one of prose, callout,"
     " takeaways, role, comparison, analogy, practices, checklist, glossary, questions,"
     ' image; got "warning" (use type: callout with style: warning)'),
    (chapter_key_singular,
     'content/guide.yaml:8:1: chapter: unknown key "chapter" (did you mean "chapters"?)'),
]


@pytest.mark.parametrize(("mistake", "message"), ERRORS,
                         ids=[mistake.__name__ for mistake, _ in ERRORS])
def test_a_common_mistake_gets_one_line_that_says_the_fix(
        mistake: Callable[[Path], None], message: str, project: Path,
        run: Callable[..., Result]) -> None:
    mistake(project)
    before = snapshot(project)
    result = run("check")
    assert result.exit_code == 1, result.stdout
    assert result.stdout.splitlines()[0] == "Error: " + message
    assert "1 error, 0 warnings." in result.stdout.splitlines()[-1]
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project) == before
    assert not (project / "output").exists()


def list_item_indented_too_far(root: Path) -> None:
    edit(root / WELCOME, "      - Get access to", "        - Get access to")


def hash_in_unquoted_text(root: Path) -> None:
    edit(root / GUIDE, "subtitle: Everything you need in your first weeks",
         "subtitle: We are #1 in service")


def font_in_curly_quotes(root: Path) -> None:
    edit(root / BRAND, "  base:\n    family: Lato", "  base:\n    family: \u201cLato\u201d")


WARNINGS = [
    (list_item_indented_too_far,
     "content/chapters/01-welcome.yaml:27:9: block 3 (checklist), item 1: this line starts"
     ' with "- "'
     " but is indented further than the item on line 26, so YAML adds it to that item's"
     " text; start it at column 7 to make it an item of its own"),
    (hash_in_unquoted_text,
     'content/guide.yaml:3:18: subtitle: the text stops at "We are": YAML reads " #" as the'
     ' start of a comment, so "#1 in service" is left out; put the whole text in quotes if'
     " the # belongs to it"),
    (font_in_curly_quotes,
     "brand/_brand.yml:34:5: typography.base.family: the value is in curly quotes"
     " (\u201c \u201d) from a word processor, which YAML keeps as part of the text; use"
     ' straight quotes: "Lato" (until then, no font has that name and the bundled Lato is'
     " used)"),
]


@pytest.mark.parametrize(("mistake", "message"), WARNINGS,
                         ids=[mistake.__name__ for mistake, _ in WARNINGS])
def test_yaml_that_silently_changes_the_text_gets_a_warning(
        mistake: Callable[[Path], None], message: str, project: Path,
        run: Callable[..., Result]) -> None:
    mistake(project)
    before = snapshot(project)
    result = run("check")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[0] == "Warning: " + message
    assert result.stdout.splitlines()[-1].endswith(": 0 errors, 1 warning.")
    assert snapshot(project) == before
    strict = run("check", "--strict")
    assert strict.exit_code == 1, strict.stdout


def test_a_roster_saved_from_a_spreadsheet_names_each_bad_date(
        project: Path, run: Callable[..., Result]) -> None:
    """Excel in a German locale: semicolons, a byte-order mark, CRLF, dates as 01.03.2026.
    The semicolons are understood; the dates are refused row by row, and nothing written."""
    (project / "hires.csv").write_bytes(
        "\ufeffname;team;start_date\r\nAda Lovelace;Sales;01.03.2026\r\n"
        "Alan Turing;Marketing;2026-03-02\r\n".encode())
    before = snapshot(project)
    result = run("pdf", "--roster", "hires.csv")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        'Error: hires.csv:2: start_date: "01.03.2026" is not a date smguide reads; write it'
        " as year-month-day: 2026-03-01 for 1 March 2026",
        "1 problem found; nothing was written."]
    assert snapshot(project) == before
    assert not (project / "output").exists()


def test_a_roster_saved_in_the_spreadsheets_own_encoding_says_which_format_to_pick(
        project: Path, run: Callable[..., Result]) -> None:
    """Excel's plain "CSV" on Windows is cp1252: accented names are not UTF-8."""
    (project / "hires.csv").write_bytes("name;team\r\nJos\u00e9 M\u00fcller;Sales\r\n"
                                        .encode("cp1252"))
    before = snapshot(project)
    result = run("pdf", "--roster", "hires.csv")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        'Error: hires.csv:2: the file is not UTF-8 text but probably Windows-1252 (Western '
        'European) or Windows-1250 (Central European); save it as "CSV UTF-8" (in Excel: '
        'File > Save as, "CSV UTF-8")',
        "1 problem found; nothing was written."]
    assert snapshot(project) == before


def heading_one_space_too_far(root: Path) -> None:
    edit(root / WELCOME, "    heading: Glad you are here", "     heading: Glad you are here")


def heading_one_space_too_few(root: Path) -> None:
    edit(root / WELCOME, "    heading: Glad you are here", "   heading: Glad you are here")


def non_breaking_space_pasted(root: Path) -> None:
    edit(root / WELCOME, "    heading: Your first week", "\u00a0   heading: Your first week")


def block_indented_two_spaces_too_far(root: Path) -> None:
    edit(root / WELCOME, "  - type: callout", "    - type: callout")


def block_dash_at_the_margin(root: Path) -> None:
    edit(root / WELCOME, "  - type: takeaways", "- type: takeaways")


def list_item_indented_too_little(root: Path) -> None:
    edit(root / WELCOME, "      - Get access to", "    - Get access to")


def dash_of_a_block_deleted(root: Path) -> None:
    edit(root / WELCOME, "  - type: callout", "    type: callout")


def quote_never_closed(root: Path) -> None:
    edit(root / WELCOME, "title: Welcome\n", 'title: "Welcome\n')


def colon_in_a_list_item(root: Path) -> None:
    edit(root / WELCOME, "      - Meet your buddy", "      - Note: meet your buddy")


def list_on_the_line_of_its_key(root: Path) -> None:
    edit(root / WELCOME, "    items:\n      - Meet", "    items: - Meet")


def text_not_indented_under_its_key(root: Path) -> None:
    edit(root / WELCOME, "      Nobody expects you", "Nobody expects you")


def chapter_key_inside_a_block(root: Path) -> None:
    edit(root / WELCOME, "    heading: Glad you are here",
         "    heading: Glad you are here\n    summary: Who we are")


def callout_key_in_a_prose_block(root: Path) -> None:
    edit(root / WELCOME, "    heading: Glad you are here",
         "    heading: Glad you are here\n    style: tip")


def chapter_saved_with_txt_added(root: Path) -> None:
    chapter = root / "content/chapters/02-how-we-work.yaml"
    chapter.rename(chapter.with_name(chapter.name + ".txt"))


def chapter_file_left_empty(root: Path) -> None:
    (root / "content/chapters/02-how-we-work.yaml").write_text("", encoding="utf-8")


def date_in_curly_quotes(root: Path) -> None:
    set_date(root, "\u201c2026-12-01\u201d")


YAML_SLIPS = [
    (heading_one_space_too_far,
     "content/chapters/01-welcome.yaml:9:6: YAML syntax: this line starts at column 6, 1"
     " space further in than line 8; remove 1 space so it starts at column 5 like the lines"
     " it belongs with"),
    (heading_one_space_too_few,
     "content/chapters/01-welcome.yaml:9:4: YAML syntax: this line starts at column 4, 1"
     " space short of line 8; add 1 space so it starts at column 5 like the lines it"
     " belongs with"),
    (non_breaking_space_pasted,
     "content/chapters/01-welcome.yaml:24:1: YAML syntax: the indentation of this line holds"
     " a non-breaking space (U+00A0, often pasted from a web page or a word processor),"
     " which YAML does not count as a space; delete the indentation and type it again with"
     " ordinary spaces"),
    (block_indented_two_spaces_too_far,
     "content/chapters/01-welcome.yaml:16:5: YAML syntax: this line starts at column 5, 2"
     " spaces further in than line 8; remove 2 spaces so it starts at column 3 like the"
     " lines it belongs with"),
    (block_dash_at_the_margin,
     "content/chapters/01-welcome.yaml:30:1: YAML syntax: this line starts at column 1, 2"
     " spaces short of line 23; add 2 spaces so it starts at column 3 like the lines it"
     " belongs with"),
    (list_item_indented_too_little,
     "content/chapters/01-welcome.yaml:27:5: YAML syntax: this line starts at column 5, 2"
     " spaces short of line 26; add 2 spaces so it starts at column 7 like the lines it"
     " belongs with"),
    (dash_of_a_block_deleted,
     'content/chapters/01-welcome.yaml:16:5: the key "type" starts the list item on line 8'
     ' and appears again here; if this line starts a new item, put back the "- " in front'
     " of it, with the dash at column 3 as on line 8"),
    (quote_never_closed,
     'content/chapters/01-welcome.yaml:3:8: YAML syntax: the text that starts here with "'
     ' is never closed: end it with " on this line'),
    (colon_in_a_list_item,
     "content/chapters/01-welcome.yaml:26:9: block 3 (checklist), item 1: this text has"
     ' ": " in it, which YAML reads as "key: value"; put the whole text in quotes: "Note:'
     ' meet your buddy and book a weekly 30-minute chat."'),
    (list_on_the_line_of_its_key,
     "content/chapters/01-welcome.yaml:25:11: YAML syntax: a list cannot start on the line"
     ' of its key: put "- Meet your buddy and book a weekly 30-minute chat." on a line of'
     ' its own below "items:", starting at column 7'),
    (text_not_indented_under_its_key,
     'content/chapters/01-welcome.yaml:20:1: YAML syntax: this line is the text of "text: |"'
     ' on line 19, but starts at column 1; indent it further than "text:", to column 7 like'
     " the lines of text after it"),
    (chapter_key_inside_a_block,
     'content/chapters/01-welcome.yaml:10:5: block 1 (prose), summary: unknown key "summary"'
     " here: it belongs at the top of the file, at column 1, not in a block; allowed here:"
     " heading, notes, text, slide"),
    (callout_key_in_a_prose_block,
     'content/chapters/01-welcome.yaml:10:5: block 1 (prose), style: unknown key "style"'
     " here: a prose block has no style: (it is a key of callout blocks); allowed here:"
     " heading, notes, text, slide"),
    (chapter_saved_with_txt_added,
     'content/guide.yaml:10:5: chapter 2: file "chapters/02-how-we-work.yaml" not found'
     " (smguide looked for content/chapters/02-how-we-work.yaml); there is"
     " content/chapters/02-how-we-work.yaml.txt, whose name ends in .txt (the editor added"
     " it, and the computer may hide it): rename the file to 02-how-we-work.yaml"),
    (chapter_file_left_empty,
     "content/chapters/02-how-we-work.yaml:1:1: the file is empty; write at least title: and"
     " blocks: in it (see smguide docs)"),
    (date_in_curly_quotes,
     "content/guide.yaml:6:1: date: the value is in curly quotes (\u201c \u201d) from a word"
     " processor, which YAML keeps as part of the text; use straight quotes: \"2026-12-01\""),
]


@pytest.mark.parametrize(("mistake", "message"), YAML_SLIPS,
                         ids=[mistake.__name__ for mistake, _ in YAML_SLIPS])
def test_a_yaml_slip_is_named_where_it_was_made(
        mistake: Callable[[Path], None], message: str, project: Path,
        run: Callable[..., Result]) -> None:
    """Each of these once pointed elsewhere (the line after, the end of the file) or
    gave advice that made it worse; the fix must be in the one line."""
    mistake(project)
    before = snapshot(project)
    result = run("check")
    assert result.exit_code == 1, result.stdout
    assert result.stdout.splitlines()[0] == "Error: " + message
    assert "1 error, 0 warnings." in result.stdout.splitlines()[-1]
    assert snapshot(project) == before
    built = run("build")
    assert built.exit_code == 1
    assert built.stderr.splitlines()[-2:] == ["Error: " + message,
                                              "1 problem found; nothing was written."]
    assert snapshot(project) == before
    assert not (project / "output").exists()


@pytest.mark.parametrize("command", ["pdf", "build", "slides"])
def test_building_says_that_yaml_cut_the_text(project: Path, command: str,
                                             run: Callable[..., Result]) -> None:
    """The warning check gives is given by every command that builds, and again by a
    build that finds its outputs up to date."""
    hash_in_unquoted_text(project)
    warning = ('Warning: content/guide.yaml:3:18: subtitle: the text stops at "We are": YAML'
               ' reads " #" as the start of a comment, so "#1 in service" is left out; put'
               " the whole text in quotes if the # belongs to it")
    result = run(command)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines().count(warning) == 1, result.stderr
    if command == "build":
        again = run("build")
        assert "Up to date" in again.stderr
        assert again.stderr.splitlines().count(warning) == 1, again.stderr


def test_a_chapter_file_not_listed_in_guide_yaml_is_named(
        project: Path, run: Callable[..., Result]) -> None:
    """A new chapter saved in content/chapters/ but never added to guide.yaml used to be
    left out of the handbook without a word."""
    shutil.copy(project / "content/chapters/02-how-we-work.yaml",
                project / "content/chapters/03-tools.yaml")
    warning = ("Warning: content/chapters/03-tools.yaml: guide.yaml does not list this chapter"
               ' file, so the handbook leaves it out; add "  - chapters/03-tools.yaml" under'
               " chapters: in content/guide.yaml, or delete the file")
    before = snapshot(project)
    result = run("check")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines() == [
        warning, "Checked content (en, 2 chapters), brand/_brand.yml and the templates:"
                 " 0 errors, 1 warning."]
    assert snapshot(project) == before
    assert run("check", "--strict").exit_code == 1
    built = run("slides")
    assert built.exit_code == 0, built.stderr
    assert warning in built.stderr.splitlines()


def test_a_deleted_brand_file_is_said_on_every_command(
        project: Path, run: Callable[..., Result]) -> None:
    """The built-in brand stands in (so the handbook still builds), but never silently."""
    (project / BRAND).unlink()
    warning = ("Warning: brand/_brand.yml: file not found, so the handbook and deck use"
               " smguide's built-in brand; put your brand file back there, or give --brand"
               " FILE")
    result = run("check")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines() == [
        warning, "Checked content (en, 2 chapters), smguide's built-in brand and the"
                 " templates: 0 errors, 1 warning."]
    built = run("slides")
    assert built.exit_code == 0, built.stderr
    assert warning in built.stderr.splitlines()


def test_a_renamed_brand_file_is_one_error_naming_it(
        project: Path, run: Callable[..., Result]) -> None:
    (project / BRAND).rename(project / "brand/_brand.yaml")
    before = snapshot(project)
    message = ("Error: brand/_brand.yml: file not found; there is brand/_brand.yaml: rename it"
               " to brand/_brand.yml, or give --brand brand/_brand.yaml")
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == message
    built = run("build")
    assert built.exit_code == 1
    assert built.stderr.splitlines()[-2:] == [message, "1 problem found; nothing was written."]
    assert snapshot(project) == before
    assert not (project / "output").exists()


def test_check_and_build_list_several_mistakes_in_the_same_order(
        project: Path, run: Callable[..., Result]) -> None:
    missing_chapter_file(project)
    misspelt_block_type(project)
    date_written_day_first(project)
    misspelt_palette_name(project)
    checked = [line for line in run("check").stdout.splitlines() if line.startswith("Error:")]
    built = run("build")
    assert built.exit_code == 1
    assert [line for line in built.stderr.splitlines() if line.startswith("Error:")] == checked
    assert [line.split(":")[1:3] for line in checked] == [
        [" brand/_brand.yml", "26"], [" content/chapters/01-welcome.yaml", "23"],
        [" content/guide.yaml", "6"], [" content/guide.yaml", "11"]]
    assert not (project / "output").exists()


@pytest.mark.parametrize("args", [("-q", "check"), ("check", "-q"), ("check", "--quiet")])
def test_quiet_works_before_and_after_the_command(
        args: tuple[str, ...], project: Path, run: Callable[..., Result]) -> None:
    assert run("check").stdout.endswith(": 0 errors, 0 warnings.\n")
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.output == ""  # no summary: errors only


def test_verbose_after_the_command_says_the_inputs(
        project: Path, run: Callable[..., Result]) -> None:
    result = run("check", "-v")
    assert result.exit_code == 0
    assert "content: content; brand: brand/_brand.yml; templates: built-in" in result.stderr


def test_the_old_name_of_template_overrides_still_works_and_says_the_new_one(
        project: Path, run: Callable[..., Result]) -> None:
    (project / "mine/handbook").mkdir(parents=True)
    result = run("check", "--templates", "mine")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "Warning: --templates is now called --template-overrides; the old name will stop"
        " working in a later version")
    assert "--templates" not in run("slides", "--help").stdout


def test_help_says_where_the_content_is_found(run: Callable[..., Result]) -> None:
    text = " ".join(run("build", "--help").stdout.split())
    assert ("--content DIRECTORY Content folder (default: the content/ folder of the project"
            " you are in: this folder or the nearest one above it with content/guide.yaml;"
            " else the built-in sample guide, with a note saying so).") in text
    assert "./content" not in text


def test_one_personal_copy_is_said_in_the_singular(
        project: Path, run: Callable[..., Result]) -> None:
    (project / "hires.csv").write_text("name,team\nAda Lovelace,Sales\n", encoding="utf-8")
    result = run("pdf", "--roster", "hires.csv")
    assert result.exit_code == 0, result.stderr
    last = result.stderr.splitlines()[-1]
    assert last.startswith("Wrote 1 personal handbook ("), last
    assert " pages each) to output/handbooks in " in last
    from pypdf import PdfReader

    (copy,) = (project / "output/handbooks").iterdir()
    assert "Ada Lovelace" in PdfReader(copy).pages[0].extract_text()
