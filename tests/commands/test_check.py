"""smguide check: every problem at once, warnings for what will look bad, text and JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from smguide.resources import builtin
from smguide.sources.languages import variants
from tests.conftest import edit, multilang_project

PRIMARY = '  primary: {light: forest, dark: "#2e7a57"}'  # the sample brand's line


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A two-chapter guide (tests/fixtures/multilang) with the built-in brand beside it."""
    return multilang_project(tmp_path)


@pytest.mark.parametrize("lang", sorted(variants(builtin("content"))))
def test_the_built_in_guide_is_clean_in_every_language(run: Callable[..., Result],
                                                       lang: str) -> None:
    result = run("check", "--content", str(builtin("content")), "--lang", lang, "--strict")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.endswith(": 0 errors, 0 warnings.\n")


def test_a_clean_project_exits_0(run: Callable[..., Result], small: Path) -> None:
    result = run("check")
    assert result.exit_code == 0
    assert result.stdout == ("Checked content (en, 2 chapters), brand/_brand.yml and the "
                             "templates: 0 errors, 0 warnings.\n")


def test_every_error_in_content_and_brand_at_once(run: Callable[..., Result],
                                                  small: Path) -> None:
    edit(small / "chapters/02-more.yaml", "style: note", "style: nope")
    edit(small / "guide.yaml", "language: en", "langauge: en")
    edit(small.parent / "brand/_brand.yml", PRIMARY, "  primary: forrest")
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        'Error: brand/_brand.yml:26:3: color.primary: "forrest" is not a colour: give a hex '
        'colour ("#2f6b4f"), a CSS colour name, rgb() or hsl(), or a palette name (did you mean '
        '"forest"?); palette: clay, forest, ink, linen, paper, sky',
        'Error: content/chapters/02-more.yaml:9:5: block 2 (callout), style: expected one of tip, '
        'note, warning; got "nope" (did you mean "note"?)',
        'Error: content/guide.yaml:3:1: langauge: unknown key "langauge" (did you mean '
        '"language"?)',
        "Checked content, brand/_brand.yml and the templates: 3 errors, 0 warnings."]


def test_json_gives_each_finding_its_fields(run: Callable[..., Result], small: Path) -> None:
    edit(small / "chapters/02-more.yaml", "style: note", "style: nope")
    result = run("check", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["ok"], report["errors"], report["warnings"]) == (False, 1, 0)
    assert report["findings"] == [{
        "severity": "error", "file": "content/chapters/02-more.yaml", "line": 9, "column": 5,
        "field": "blocks[1].style", "label": "block 2 (callout), style",
        "message": 'expected one of tip, note, warning; got "nope" (did you mean "note"?)',
        "expected": "one of tip, note, warning", "suggestion": 'did you mean "note"?'}]


def test_warnings_for_what_will_look_bad(run: Callable[..., Result], small: Path) -> None:
    from PIL import Image

    # a broken cross-reference, a blurry picture, a logo without alt text, links too light,
    # and a list too long for one slide
    edit(small / "chapters/01-start.yaml", "(#more-2)", "(#mroe-2)")
    (small / "images").mkdir()
    Image.new("RGB", (300, 200), "#2f6b4f").save(small / "images/team.png")
    edit(small / "chapters/02-more.yaml", "  - type: checklist",
         "  - type: image\n    src: images/team.png\n    alt: The team\n    width: 50\n"
         "    slide: false\n  - type: checklist")
    brand = small.parent / "brand/_brand.yml"
    edit(brand, "      alt: Greenfield Trading Co. logo, a green sprout in a circle\n", "")
    edit(brand, 'linen: "#f3f1ea"', 'linen: "#f3f1ea"\n    pale: "#8fb5a2"')
    edit(brand, PRIMARY, "  primary: pale")
    items = "".join(f"      - Point {n}, something worth remembering about the way the two "
                    f"teams work together every day\n" for n in range(14))
    edit(small / "chapters/01-start.yaml", "      - Start here.\n", items)
    result = run("check")
    assert result.exit_code == 0, result.stdout
    lines = result.stdout.splitlines()
    assert lines == [
        # at the logo's picture, where its alt: goes
        "Warning: brand/_brand.yml:11:5: logo.images.mark: the logo has no alt text; readers "
        'who cannot see it hear "Greenfield Trading Co. logo" (add alt: with a short '
        "description of the logo beside its path:)",
        "Warning: brand/_brand.yml:26:3: color.primary: links in #8fb5a2 on the paper #ffffff "
        "would be too light (2.3:1); the handbook prints them in #5d7669",
        'Warning: content/chapters/01-start.yaml:9:38: block 1 (prose), text: the link to '
        '"#mroe-2" '
        'goes nowhere: no chapter or block has that anchor (did you mean "#more-2"?)',
        "Warning: content/chapters/01-start.yaml:10:5: block 2 (takeaways): the takeaways "
        "block is too "
        "long for one slide; the deck continues it on 3 more slides",
        'Warning: content/chapters/02-more.yaml:5:5: block 1 (image), src: "images/team.png" '
        'is 300 '
        "pixels wide, 92 dpi at its printed width of 83 mm; it will look blurred in print",
        # the German edition lacks the new picture
        'Warning: content/de/chapters/02-mehr.yaml:4:5: block 1 (checklist): block 1 of the "en" '
        "chapter (image, in content/chapters/02-more.yaml) has no counterpart here; translate "
        "it and put it here, as block 1",
        "Checked content (en, 2 chapters), brand/_brand.yml and the templates: 0 errors, "
        "6 warnings."]
    assert run("check", "--strict").exit_code == 1
    found = json.loads(run("check", "--format", "json").stdout)["findings"]
    assert found[4]["suggestion"] == ("use a picture at least 491 pixels wide, or set "
                                      "width: 30 (percent)")
    assert found[2]["suggestion"] == 'did you mean "#more-2"?'


def test_template_syntax_errors_name_the_file_and_line(run: Callable[..., Result],
                                                       small: Path, tmp_path: Path) -> None:
    override = tmp_path / "mine" / "handbook"
    override.mkdir(parents=True)
    (override / "cover.html.j2").write_text("<section>\n{% if guide.title %}\n</section>\n")
    result = run("check", "--template-overrides", str(tmp_path / "mine"))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "Error: mine/handbook/cover.html.j2:3: template syntax: Unexpected end of template. "
        "Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost "
        "block that needs to be closed is 'if'.")


def test_the_deck_plan_is_rendered_and_checked(run: Callable[..., Result], small: Path,
                                               tmp_path: Path) -> None:
    plan = tmp_path / "mine" / "deck" / "plan.yaml.j2"
    plan.parent.mkdir(parents=True)
    plan.write_text("- kind: title\n  layout: Title Slide\n- kind: block\n  layout: Title Only\n"
                    "  chapter: 9\n  block: 1\n")
    result = run("check", "--template-overrides", str(tmp_path / "mine"))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "Error: deck/plan.yaml.j2 (rendered):3: slide 2 (block): chapter 9 does not exist "
        "(the guide has 2)")


def test_an_empty_chapter_is_reported_with_a_fix(run: Callable[..., Result],
                                                 small: Path) -> None:
    (small / "chapters/02-more.yaml").write_text("title: More\nid: more\nblocks: []\n")
    result = run("check", "--format", "json")
    finding = json.loads(result.stdout)["findings"][0]
    assert (finding["file"], finding["line"], finding["field"]) == (
        "content/chapters/02-more.yaml", 3, "blocks")
    assert finding["suggestion"] == ("the chapter is empty: add a block, or remove the chapter "
                                     "from guide.yaml")


def test_yaml_that_reads_differently_than_meant_is_a_warning(run: Callable[..., Result],
                                                               content: Path) -> None:
    week = content / "chapters" / "07-first-week.yaml"
    edit(week, "      - Over a 20-minute coffee", "        - Over a 20-minute coffee")
    result = run("check", "--content", str(content), "--format", "json")
    findings = [f for f in json.loads(result.stdout)["findings"]
                if f["severity"] == "warning" and "indented further" in f["message"]]
    assert len(findings) == 1
    (found,) = findings
    line = week.read_text(encoding="utf-8").splitlines().index(
        "        - Over a 20-minute coffee, ask someone in sales or marketing, outside your own "
        "team, what a good week looks like for them.") + 1
    assert (found["file"].endswith("chapters/07-first-week.yaml"), found["line"],
            found["column"]) == (True, line, 9)
    assert found["field"].startswith("blocks[") and found["field"].endswith(".items[0]")


def test_a_translation_that_falls_behind_is_pointed_out(run: Callable[..., Result],
                                                        small: Path) -> None:
    # the German edition loses a chapter and a block, and gains one the English lacks
    edit(small / "de/guide.yaml", "  - chapters/02-mehr.yaml\n", "")
    german = small / "de/chapters/01-start.yaml"
    text = german.read_text(encoding="utf-8")
    takeaways = text.index("  - type: takeaways")
    german.write_text(text[:takeaways] + "  - type: callout\n    style: tip\n    text: Extra.\n"
                      + text[takeaways:], encoding="utf-8")
    result = run("check", "--lang", "de", "--format", "json")
    drift = [(f["file"], f["field"], f["message"].split(";")[0])
             for f in json.loads(result.stdout)["findings"] if "edition" in f["message"]
             or "counterpart" in f["message"] or "not in the" in f["message"]]
    assert drift == [
        ("content/de/chapters/01-start.yaml", "blocks[1]",
         'this block (callout) is not in the "en" chapter (content/chapters/01-start.yaml)'),
        ("content/de/guide.yaml", "chapters",
         'the "en" edition has the chapter "more" (More, content/chapters/02-more.yaml)'),
    ]
    # and checking the English edition finds the same, in the German files
    english = json.loads(run("check", "--format", "json").stdout)["findings"]
    assert sum("this one does not" in f["message"] for f in english) == 1


def test_check_and_build_list_the_same_errors_in_the_same_order(
        run: Callable[..., Result], small: Path) -> None:
    edit(small / "guide.yaml", "title: ", "title:\nsubtitle_x: ")
    edit(small.parent / "brand/_brand.yml", PRIMARY, '  primary: "#12345"')
    checked = [line for line in run("check").stdout.splitlines() if line.startswith("Error:")]
    built = [line for line in run("build").stderr.splitlines() if line.startswith("Error:")]
    assert len(checked) >= 3 and checked == built
    files = [line.split(":")[1].strip() for line in checked]
    assert files == sorted(files)


def test_template_mistakes_are_findings_with_their_place_and_fix(
        run: Callable[..., Result], small: Path, tmp_path: Path) -> None:
    # raised as problems where they are found (file, line, fix), not lines read back: a
    # folder name with ": " in it stays the file's name
    folder = tmp_path / "ours: v2"
    override = folder / "handbook"
    override.mkdir(parents=True)
    (override / "cover.html.j2").write_text("<section>\n{{ 1 // 0 }}\n</section>\n")
    (tmp_path / "outside.html.j2").write_text("<p>elsewhere</p>\n")
    (override / "toc.html.j2").symlink_to(tmp_path / "outside.html.j2")
    result = run("check", "--template-overrides", str(folder), "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    linked = next(f for f in findings if "outside the template folders" in f["message"])
    assert linked["file"].endswith("ours: v2/handbook/toc.html.j2") and linked["line"] is None
    assert linked["message"] == ("the template is a link to a file outside the template "
                                 "folders; put the file itself there")
    assert linked["suggestion"] == "put the file itself there"
    text = run("check", "--template-overrides", str(folder)).stdout
    assert f"Error: {linked['file']}: {linked['message']}" in text.splitlines()
    (override / "toc.html.j2").unlink()
    findings = json.loads(run("check", "--template-overrides", str(folder),
                              "--format", "json").stdout)["findings"]
    (wrong,) = [f for f in findings if f["message"].startswith("template error")]
    assert wrong["file"].endswith("ours: v2/handbook/cover.html.j2") and wrong["line"] == 2
    assert wrong["message"] == ("template error: ZeroDivisionError: integer division or "
                                "modulo by zero")


def test_a_callout_no_slide_shows_is_listed(run: Callable[..., Result], small: Path) -> None:
    """The deck leaves a callout out unless it has slide: (or the plan names it); check
    says so, one line at the block, and slide: false (the author's choice) silences it."""
    edit(small / "chapters/02-more.yaml", "    slide: false\n", "    title: Where next\n")
    result = run("check")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines() == [
        'Warning: content/chapters/02-more.yaml:8:5: block 2 (callout): "Where next" is on no '
        "slide of the deck; give it slide: (what its slide shows, in a presenter's words) to "
        "present it, or slide: false to keep it to the handbook",
        "Checked content (en, 2 chapters), brand/_brand.yml and the templates: 0 errors, "
        "1 warning."]
    edit(small / "chapters/02-more.yaml", "    title: Where next\n",
         "    slide: Where next? The start, or the contents.\n")
    assert run("check").stdout.endswith(": 0 errors, 0 warnings.\n")
    built = run("slides")
    assert built.exit_code == 0, built.stderr
    from pptx import Presentation

    texts = [shape.text_frame.text for slide in Presentation(str(small.parent / "output"
                                                                 / "deck.pptx")).slides
             for shape in slide.shapes if shape.has_text_frame]
    assert any("The start, or the contents." in text for text in texts)


def test_a_glossary_and_an_image_no_slide_shows_are_listed(run: Callable[..., Result],
                                                           small: Path) -> None:
    """A glossary (a plan may give it a slide) and an image (a deck has no slide for one)
    that no slide shows: one warning line each, at the block, with its field and the fix;
    slide: false on each silences them, and the deck is the same."""
    from PIL import Image

    Image.new("RGB", (2000, 1500), "#2f6b4f").save(small / "map.png")  # sharp in print
    chapter = small / "chapters/02-more.yaml"
    for path in (chapter, small / "de/chapters/02-mehr.yaml"):  # and its translation
        path.write_text(path.read_text(encoding="utf-8") + (
            "  - type: glossary\n    terms:\n      - term: Buddy\n"
            "        definition: A colleague who helps you settle in.\n"
            "  - type: image\n    src: map.png\n    alt: A map of the office\n"),
            encoding="utf-8")
    result = run("check")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines() == [
        "Warning: content/chapters/02-more.yaml:12:5: block 3 (glossary): this glossary is "
        "on no slide of the deck; add it to your deck plan (deck/plan.yaml.j2) to present it, "
        "or slide: false to keep it to the handbook",
        'Warning: content/chapters/02-more.yaml:16:5: block 4 (image): the image "map.png" '
        "is on no slide of the deck; a deck has no slide for an image block (put the picture "
        "on a slide of your own template), or slide: false to keep it to the handbook",
        "Checked content (en, 2 chapters), brand/_brand.yml and the templates: 0 errors, "
        "2 warnings."]
    findings = json.loads(run("check", "--format", "json").stdout)["findings"]
    assert [(f["line"], f["column"], f["suggestion"].endswith("keep it to the handbook"))
            for f in findings] == [(12, 5, True), (16, 5, True)]
    edit(chapter, "  - type: glossary\n", "  - type: glossary\n    slide: false\n")
    edit(chapter, "  - type: image\n", "  - type: image\n    slide: false\n")
    assert run("check").stdout.endswith(": 0 errors, 0 warnings.\n")


def test_a_finding_in_a_folder_whose_name_is_shown_escaped_still_says_the_block_type(
        run: Callable[..., Result], tmp_path: Path) -> None:
    """A finding's file is shown with its tab written as \\t (one line a finding); the file
    is read again by its own path, not by that name, so the block still says its type."""
    shown = multilang_project(tmp_path)
    content = shown.rename(tmp_path / "my\tguide")
    edit(content / "chapters/02-more.yaml", "    slide: false\n", "    title: Where next\n")
    result = run("check", "--content", "my\tguide", "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert [(f["file"], f["field"], f["label"]) for f in findings] == [
        ("my\\tguide/chapters/02-more.yaml", "blocks[1]", "block 2 (callout)")]


def test_a_picture_the_pdf_engine_cannot_read_is_found_at_the_template_line(
        run: Callable[..., Result], small: Path, tmp_path: Path) -> None:
    """WeasyPrint says so only in a log record; the URL it names is taken from the record's
    values (not read back from its message), and the line that names it is the finding's."""
    override = tmp_path / "overrides" / "handbook"
    override.mkdir(parents=True)
    cover = (builtin("templates") / "handbook" / "cover.html.j2").read_text().splitlines()
    cover.insert(1, '<img src="pictures/photo.png" alt="Our team">')
    (override / "cover.html.j2").write_text("\n".join(cover) + "\n")
    (small / "pictures").mkdir()
    (small / "pictures" / "photo.png").write_bytes(b"not a picture")
    result = run("check", "--template-overrides", str(tmp_path / "overrides"),
                 "--format", "json")
    (found,) = json.loads(result.stdout)["findings"]
    assert (found["file"], found["line"], found["column"]) == (
        "overrides/handbook/cover.html.j2", 2, 20)  # at photo.png
    assert found["message"].startswith("the PDF engine could not use a resource: Failed to "
                                       "load image at 'file://")


def test_a_layout_the_plan_names_and_the_theme_lacks_is_a_problem_with_its_fields(
        run: Callable[..., Result], small: Path, tmp_path: Path) -> None:
    """Made as a Problem where the layout is looked for, not a line read back: the slide
    is the field, what the theme has is the fix."""
    plan = (builtin("templates") / "deck" / "plan.yaml.j2").read_text()
    (tmp_path / "overrides" / "deck").mkdir(parents=True)
    (tmp_path / "overrides" / "deck" / "plan.yaml.j2").write_text(
        plan.replace("layout: Title and Content", "layout: Nope Layout", 1))
    result = run("check", "--template-overrides", str(tmp_path / "overrides"),
                 "--format", "json")
    (found,) = json.loads(result.stdout)["findings"]
    assert (found["file"], found["line"], found["field"]) == (
        "deck/plan.yaml.j2 (rendered)", 3, "slide 2 (agenda): layout")
    assert found["message"].startswith('the built-in theme has no slide layout named "Nope '
                                       'Layout"; its layouts are: 1 "Title Slide", ')
    assert found["suggestion"].startswith('its layouts are: 1 "Title Slide"')
    text = run("check", "--template-overrides", str(tmp_path / "overrides")).stdout
    assert text.startswith('Error: deck/plan.yaml.j2 (rendered):3: slide 2 (agenda): layout: '
                           'the built-in theme has no slide layout named "Nope Layout"; ')


def test_a_title_in_curly_quotes_is_a_warning_at_the_title(run: Callable[..., Result],
                                                          small: Path) -> None:
    """`title: “Welcome”` pasted from a word processor is valid YAML that prints the quotes
    on the cover and every slide: check says so at the title, with the fix. Quotes inside a
    title are typography, not a mistake."""
    guide = (small / "guide.yaml").read_text(encoding="utf-8")
    title = guide.splitlines()[0].removeprefix("title: ")
    edit(small / "guide.yaml", f"title: {title}", f"title: \u201c{title}\u201d")
    chapter = small / "chapters/01-start.yaml"
    first = chapter.read_text(encoding="utf-8").splitlines()[0].removeprefix("title: ")
    edit(chapter, f"title: {first}", f"title: \u201e{first}\u201c")
    result = run("check", "--format", "json")
    found = [f for f in json.loads(result.stdout)["findings"] if "curly" in f["message"]]
    assert [(f["file"], f["line"], f["column"], f["field"], f["suggestion"]) for f in found] == [
        ("content/chapters/01-start.yaml", 1, 8, "title", f'use straight quotes: "{first}"'),
        ("content/guide.yaml", 1, 8, "title", f'use straight quotes: "{title}"')]
    assert found[1]["message"] == (
        "the title is in curly quotes (\u201c \u201d) from a word processor, which YAML keeps "
        f'as part of the title; use straight quotes: "{title}"')
    edit(small / "guide.yaml", f"title: \u201c{title}\u201d",
         f"title: \u201cSeed\u201d and {title}")
    edit(chapter, f"title: \u201e{first}\u201c", f"title: {first}")
    assert run("check").stdout.endswith(": 0 errors, 0 warnings.\n")


def test_check_with_a_company_template_finds_what_slides_would_say(
        run: Callable[..., Result], small: Path, tmp_path: Path) -> None:
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "deck-template" / "dark.pptx"
    clean = run("check", "--template", str(fixture), "--aspect", "4:3", "--strict")
    assert clean.exit_code == 0, clean.stdout
    assert clean.stdout.endswith(f"the templates and the deck on {fixture}: 0 errors, "
                                 "0 warnings.\n")
    broken = tmp_path / "broken.pptx"
    broken.write_text("not a presentation", encoding="utf-8")
    refused = run("check", "--template", str(broken))
    assert refused.exit_code == 1 and f"Error: {broken}" in refused.stdout
    # a real company template (pandoc's "Depth" reference deck, in the public corpus): its
    # font is not here, so text is measured with a stand-in, and slides says so
    repo = Path(__file__).resolve().parents[2]
    depth = next((base / "shared/corpus/templates/pandoc__test__pptx__reference-depth.pptx"
                  for base in (repo.parent, repo.parent.parent)
                  if (base / "shared/corpus/templates").is_dir()), repo / "absent")
    if not depth.is_file():
        pytest.skip("the template corpus (shared/corpus/templates) is not beside the repository")
    result = run("check", "--template", str(depth), "--format", "json")
    assert result.exit_code == 0, result.stdout
    report = json.loads(result.stdout)
    said = [f for f in report["findings"] if f["file"] == str(depth)]
    assert said and all(f["severity"] == "warning" for f in said)
    assert any(f["message"].startswith('the template\'s font "Corbel" has no font file')
               for f in said), said
    slides = run("slides", "--template", str(depth), "-o", str(tmp_path / "deck.pptx"))
    assert {f"Warning: {f['file']}: {f['message']}" for f in said} == {
        line for line in slides.stderr.splitlines() if line.startswith(f"Warning: {depth}")}


def test_the_brand_file_can_name_the_company_template(run: Callable[..., Result], small: Path,
                                                      tmp_path: Path) -> None:
    from pptx import Presentation

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "deck-template" / "dark.pptx"
    brand = tmp_path / "brand" / "_brand.yml"
    (tmp_path / "brand" / "corporate.pptx").write_bytes(fixture.read_bytes())
    text = brand.read_text(encoding="utf-8")
    assert "\ndefaults:\n  smguide:\n" in text
    brand.write_text(text.replace("\ndefaults:\n  smguide:\n",
                                  "\ndefaults:\n  smguide:\n    template: corporate.pptx\n"),
                     encoding="utf-8")
    checked = run("check", "--strict")
    assert checked.exit_code == 0, checked.stdout
    assert "the templates and the deck on " in checked.stdout and "corporate.pptx" in checked.stdout
    out = tmp_path / "deck.pptx"
    assert run("slides", "-o", str(out)).exit_code == 0
    made = Presentation(str(out))
    assert (made.slide_width, made.slide_height) == (9144000, 6858000)  # the template's 4:3
    assert run("slides", "--template", str(fixture), "--aspect", "16:9",
               "-o", str(out)).exit_code == 0  # --template and --aspect still win
    assert Presentation(str(out)).slide_width == 12192000
    brand.write_text(brand.read_text(encoding="utf-8").replace("corporate.pptx", "corprate.pptx"),
                     encoding="utf-8")
    refused = run("check")
    assert refused.exit_code == 1
    assert 'defaults.smguide.template: file "corprate.pptx" not found' in refused.stdout
    assert 'did you mean "corporate.pptx"?' in refused.stdout


def test_a_deck_warning_is_a_finding_with_its_fields(run: Callable[..., Result],
                                                     content: Path, tmp_path: Path) -> None:
    """What slides warns about on the built-in theme (here: a diagram label that shows only
    its name) check reports too, at the chapter file and block, with the fix as a field;
    both print the same line."""
    chapter = content / "chapters" / "05-seed-and-garden.yaml"
    edit(chapter, "stands_for: Research and strategy",
         "stands_for: " + "Research, strategy, planning and long-range forecasting " * 4)
    report = json.loads(run("check", "--content", str(content), "--format", "json").stdout)
    said = [f for f in report["findings"] if "shows only its name" in f["message"]]
    assert said, report["findings"]
    assert {(f["severity"], f["file"], f["line"], f["field"], f["label"], f["suggestion"])
            for f in said} == {("warning", "content/chapters/05-seed-and-garden.yaml", None,
                                "blocks[1]", "block 2 (analogy)", "shorten stands_for")}
    slides = run("slides", "--content", str(content), "-o", str(tmp_path / "deck.pptx"))
    assert slides.exit_code == 0, slides.stdout
    printed = [line for line in (slides.stdout + slides.stderr).splitlines()
               if "shows only its name" in line]
    assert sorted(printed) == sorted(f"Warning: {f['file']}: {f['label']}: {f['message']}"
                                     for f in said)
