"""smguide pdf --roster: the CSV checks, safe file names, and each copy read back as a
document on its own (qpdf, pypdf, pdffonts), from one small render shared by the module."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader

from smguide.cli import main
from smguide.errors import ContentError
from smguide.resources import builtin
from smguide.sources.roster import read_roster, safe_output, slugify, unique_slugs
from tests.pdftools import squash, struct_elements

TEAMS = ("Sales", "Marketing")
ROSTER = """name,team,role,manager,start_date,buddy,desk
Anna Schmidt,Sales,Account executive,Maria Keller,2026-03-02,Jonah Whitfield,3.14
Zoë Ørsted-Ñúñez,marketing,Content marketer,Li Wei,2026-03-09,Ben Adler,2.01
,Sales,Sales development,Maria Keller,2026-03-02,Ama Mensah,1.1
Anna Schmidt,Marketing,Analyst,Li Wei,2026-04-01,Kofi O'Boateng,4.2
Piotr Wiśniewski,Sales,Account manager,Maria Keller,03/02/2026,Jonah Whitfield,1.2
"""
PEOPLE = {  # slug -> (name, manager, counterpart, start date as printed)
    "anna-schmidt": ("Anna Schmidt", "Maria Keller", "Jonah Whitfield (Marketing)",
                     "March 2, 2026"),
    "zoe-orsted-nunez": ("Zoë Ørsted-Ñúñez", "Li Wei", "Ben Adler (Sales)", "March 9, 2026"),
    # a straight apostrophe typed in the roster prints as the body's "’"
    "anna-schmidt-2": ("Anna Schmidt", "Li Wei", "Kofi O’Boateng (Sales)", "April 1, 2026"),
}
OTHERS = ("Jonah Whitfield", "Ben Adler", "Kofi O’Boateng", "Maria Keller", "Li Wei", "Zoë",
          "Piotr")


def write_csv(tmp_path: Path, text: str, name: str = "hires.csv",
              encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# -- file names ------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "slug"), [
    ("Anna Schmidt", "anna-schmidt"),
    ("Zoë Ørsted-Ñúñez", "zoe-orsted-nunez"),
    ("Straße İlker Çelik", "strasse-ilker-celik"),
    ("王伟", "王伟"),
    ("Ангелина Петрова", "ангелина-петрова"),
    ("प्रिया शर्मा", "प्रिया-शर्मा"),
    ("../../etc/passwd", "etc-passwd"),
    ("a/b\\c:d*e?f", "a-b-c-d-e-f"),
    (".hidden", "hidden"),
    ("CON", "con-hire"),
    ("😀", "hire"),
    ("   ", "hire"),
    ("ｆｕｌｌ ｗｉｄｔｈ", "full-width"),
])
def test_slugs_are_safe_for_any_name(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_long_names_fit_a_file_name() -> None:
    slug = slugify("𝔄" * 300 + "名" * 300)
    assert len(slug.encode()) <= 120 and slug


def test_duplicate_names_get_numbers_that_never_clash() -> None:
    assert unique_slugs(["Anna", "anna", "Anna 2", "ANNA", "Ben"]) == [
        "anna", "anna-3", "anna-2", "anna-4", "ben"]


def test_a_slug_cannot_leave_the_output_folder(tmp_path: Path) -> None:
    assert safe_output(tmp_path, "anna").parent == tmp_path.resolve()
    for bad in ("../anna", "a/b", ".", ".."):
        with pytest.raises(ValueError):
            safe_output(tmp_path, bad)


# -- the CSV -------------------------------------------------------------------------------

def test_bad_rows_are_reported_with_their_line_numbers(tmp_path: Path) -> None:
    text = ('name,team,start_date\n'
            'Anna,Sales,2026-03-02\n'
            '\n'
            ',Sales,2026-03-02\n'
            '"Ben\nBenson",Sails,2026-02-30\n'
            'Cleo,Marketing,03/02/2026\n'
            'Dan,Sales,20260302\n'
            'Eve,Sales,2026-03-02,extra\n')
    roster = read_roster(write_csv(tmp_path, text), TEAMS, "hires.csv")
    assert [h.name for h in roster.hires] == ["Anna"]
    assert [p.line_text() for p in roster.problems] == [
        "hires.csv:4: name: empty (every row needs the person's name; fill it in or "
        "delete the row)",
        'hires.csv:5: start_date: "2026-02-30" is not a day in the calendar; check the month '
        "and the day (it is written year-month-day)",
        'hires.csv:5: team: unknown team "Sails"; expected one of Sales, Marketing '
        '(did you mean "Sales"?)',
        'hires.csv:7: start_date: "03/02/2026" is not a date smguide reads; '
        "write it as year-month-day: 2026-02-03 for 3 February 2026, or 2026-03-02 for 2 March "
        "2026",
        'hires.csv:8: start_date: "20260302" is not a date smguide reads; '
        "write it as year-month-day with dashes, e.g. 2026-03-01 for 1 March 2026",
        'hires.csv:9: the row has 4 values but the header has 3 columns: probably a value '
        'with a "," in it (put a value that has a "," in it in double quotes, or delete the '
        'extra ",")',
    ]


def test_an_extra_separator_is_named_as_the_likely_cause(tmp_path: Path) -> None:
    text = ("name;team;manager;start_date\n"
            "Manon d'Arcy;Sales;Sophie Garnier;;2026-03-06\n")
    roster = read_roster(write_csv(tmp_path, text), TEAMS, "hires.csv")
    assert [p.line_text() for p in roster.problems] == [
        'hires.csv:2: the row has 5 values but the header has 4 columns: probably an extra ";" '
        '(two in a row after "Sophie Garnier") (delete the extra ";" after "Sophie Garnier", '
        'or put a value that has a ";" in it in double quotes)']


def test_a_renamed_column_printed_nowhere_is_an_error_naming_its_column(
        tmp_path: Path) -> None:
    """date_debut for start_date, responsable for manager: no template prints them, so
    the copies would lack them; each is named with the known column it holds, one by one."""
    text = ("name;team;responsable;date_debut;buddy;desk\n"
            "Anna;Sales;Maria;2026-03-02;Jo;3.1\n")
    with pytest.raises(ContentError) as raised:
        read_roster(write_csv(tmp_path, text), TEAMS, "hires.csv", frozenset({"desk"}))
    assert raised.value.problems == [
        "hires.csv:1: responsable: not a known column, and no template prints "
        "hire.extra.responsable: the copies would be made without it (rename it to "
        '"manager": column names stay in English)',
        "hires.csv:1: date_debut: not a known column, and no template prints "
        "hire.extra.date_debut: the copies would be made without it (rename it to "
        '"start_date": column names stay in English)']
    text = "name;team;date_debut;chef\nAnna;Sales;2026-03-02;Maria\n"
    with pytest.raises(ContentError) as raised:
        read_roster(write_csv(tmp_path, text), TEAMS, "hires.csv", frozenset({"chef"}))
    assert [(p.field, p.suggestion) for p in raised.value.found] == [
        ("date_debut", 'rename it to "start_date": column names stay in English')], \
        "chef: a template prints it"


def test_polish_columns_are_each_named_with_their_own_known_column(tmp_path: Path) -> None:
    text = ("name,role,menedżer,data_startu,buddy\n"
            "Łukasz Wójcik,Księgowy,Małgorzata Zięba,2027-01-04,Zofia Kęska\n")
    with pytest.raises(ContentError) as raised:
        read_roster(write_csv(tmp_path, text), TEAMS, "nowi.csv", frozenset())
    assert [(p.field, p.suggestion) for p in raised.value.found] == [
        ("menedżer", 'rename it to "manager": column names stay in English'),
        ("data_startu", 'rename it to "start_date": column names stay in English')]


def test_a_column_that_is_only_a_guess_stays_a_warning(tmp_path: Path) -> None:
    """A column named nothing like a known one, the only known column (but the name) the
    file lacks being "buddy": a guess, so the copies are made, with a warning."""
    text = "name,team,role,manager,start_date,pokój\nAnna,Sales,Rep,Jo,2026-03-02,12\n"
    roster = read_roster(write_csv(tmp_path, text), TEAMS, "hires.csv", frozenset())
    assert [(w.severity, w.field, w.suggestion) for w in roster.warnings] == [
        ("warning", "pokój", 'did you mean "buddy"?')]


def test_a_roster_of_columns_none_known_is_an_error(tmp_path: Path) -> None:
    """Besides the names, nothing would reach the copies."""
    text = "name,pokój,biurko\nAnna,12,3\n"
    with pytest.raises(ContentError) as raised:
        read_roster(write_csv(tmp_path, text), TEAMS, "hires.csv", frozenset())
    assert [(p.severity, p.field) for p in raised.value.found] == [
        ("error", "pokój"), ("error", "biurko")]
    assert "the copies would be made without it" in raised.value.found[0].message
    # a template printing them: no problem at all
    roster = read_roster(write_csv(tmp_path, text), TEAMS, "hires.csv",
                         frozenset({"pokój", "biurko"}))
    assert roster.warnings == () and roster.hires[0].extra == {"pokój": "12", "biurko": "3"}


def test_the_columns_templates_print_are_found_in_the_overrides(tmp_path: Path) -> None:
    from smguide.handbook.personal import extra_fields

    (tmp_path / "handbook").mkdir()
    (tmp_path / "handbook" / "personal-week.html.j2").write_text(
        '{{ hire.extra.desk }} {{ hire.extra["badge_no"] }} {{ hire.name }}')
    assert extra_fields(tmp_path) == {"desk", "badge_no"}
    assert extra_fields(None) == frozenset()


def test_a_person_on_two_rows_is_a_warning_naming_both_lines(tmp_path: Path) -> None:
    text = ("name,team,start_date\n"
            "Camille Lefèvre,Sales,2026-03-02\n"
            "Jo,Sales,2026-03-02\n"
            "camille  lefèvre,Marketing,2026-03-09\n"
            "Jo,Sales,2026-03-02\n")
    roster = read_roster(write_csv(tmp_path, text), TEAMS, "hires.csv")
    assert [h.slug for h in roster.hires] == ["camille-lefevre", "jo", "camille-lefevre-2",
                                              "jo-2"]
    assert [w.line_text() for w in roster.warnings] == [
        'hires.csv:4: name: "camille  lefèvre": this row names the same person as line 2, '
        "so two copies are made (camille-lefevre.pdf and camille-lefevre-2.pdf) (delete one "
        "of the two rows if they are one person)",
        'hires.csv:5: name: "Jo": this row repeats line 3, so two copies are made (jo.pdf '
        "and jo-2.pdf) (delete one of the two rows if they are one person)"]


def test_columns_are_matched_loosely_and_extra_ones_kept(tmp_path: Path) -> None:
    text = ("\ufeffName;Team;Start Date;Counterpart;Desk;Strat_date\n"
            "Anna;sales;2026-03-02;Jo;3.1;x\n")
    roster = read_roster(write_csv(tmp_path, text), TEAMS, "hires.csv")
    (anna,) = roster.hires
    assert (anna.name, anna.team, anna.start_date, anna.buddy) == (
        "Anna", "Sales", "2026-03-02", "Jo")
    assert anna.extra == {"desk": "3.1", "strat_date": "x"}
    (warning,) = roster.warnings
    assert (warning.severity, warning.file, warning.line, warning.field) == (
        "warning", "hires.csv", 1, "Strat_date")
    assert warning.suggestion == 'did you mean "start_date"?'
    assert warning.line_text() == ('hires.csv:1: Strat_date: not a known column, kept for '
                                   'templates as hire.extra.strat_date (did you mean '
                                   '"start_date"?)')


def test_a_team_on_many_rows_is_one_error_naming_every_line(tmp_path: Path) -> None:
    """The roster names the content's roles as teams (Sales): a team that is none of them
    is one line, with the rows that give it, not one line a row."""
    rows = "".join(f"P{n},Finance\n" for n in range(5)) + "Q,Sales\nR,Finance\nS,Sails\n"
    roster = read_roster(write_csv(tmp_path, "name,team\n" + rows), TEAMS, "hires.csv")
    assert [p.line_text() for p in roster.problems] == [
        'hires.csv:2: team: unknown team "Finance" on 6 rows (lines 2-6, 8); expected one '
        "of Sales, Marketing (teams are the roles in the content)",
        'hires.csv:9: team: unknown team "Sails"; expected one of Sales, Marketing '
        '(did you mean "Sales"?)']
    assert [hire.name for hire in roster.hires] == ["Q"]


def test_teams_that_are_not_the_contents_roles_are_printed_as_given(tmp_path: Path) -> None:
    """A guide whose one role card is a job ("Księgowa ds. delegacji"), not a team: the
    roster's teams are its own, on the copies as typed."""
    text = "name,team\nAnna,Finanse\nJan,Finanse\nOla,Kadry i płace\n"
    roster = read_roster(write_csv(tmp_path, text), ("Księgowa ds. delegacji",), "nowi.csv")
    assert roster.problems == () and roster.warnings == ()
    assert [hire.team for hire in roster.hires] == ["Finanse", "Finanse", "Kadry i płace"]


def test_a_team_matches_its_role_as_typed_or_typeset(tmp_path: Path) -> None:
    """The content's role names are typeset ("Service d’accueil", "Atelier\u00a0: bois");
    the roster may name them as anyone types them."""
    teams = ("Service d’accueil", "Atelier\u00a0: bois")
    text = "name,team\nAnna,service d'accueil\nJo,Atelier: bois\nLi,atelier : bois\n"
    roster = read_roster(write_csv(tmp_path, text), teams, "hires.csv")
    assert not roster.problems
    assert [hire.team for hire in roster.hires] == [teams[0], teams[1], teams[1]]


@pytest.mark.parametrize(("text", "encoding", "message"), [
    ("team,role\nSales,x\n", "utf-8",
     'hires.csv:1: name: the required column is missing (add a "name" column to the '
     'first line)'),
    ("nme,team\nAnna,Sales\n", "utf-8",
     'hires.csv:1: name: the required column is missing (rename "nme" to "name")'),
    ("name,team,team\nAnna,Sales,Sales\n", "utf-8",
     "hires.csv:1: team: the column appears twice (keep one)"),
    ("name\nAnna\nJürgen\n", "latin-1",
     'hires.csv:3: the file is not UTF-8 text but probably Windows-1252 (Western '
     'European) or Windows-1250 (Central European); save it as "CSV UTF-8" (in Excel: '
     'File > Save as, "CSV UTF-8")'),
    ("", "utf-8", "hires.csv:1: the file has no header row (the first line names the "
                  "columns, e.g. name,team,role,manager,start_date,buddy)"),
])
def test_a_broken_file_is_refused_whole(tmp_path: Path, text: str, encoding: str,
                                        message: str) -> None:
    with pytest.raises(ContentError) as caught:
        read_roster(write_csv(tmp_path, text, encoding=encoding), TEAMS, "hires.csv")
    assert caught.value.problems == [message]


def test_without_skip_bad_rows_nothing_is_written(run: Callable[..., Result],
                                                  tmp_path: Path) -> None:
    write_csv(tmp_path, ROSTER)
    result = run("pdf", "--roster", "hires.csv", "--merge")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: hires.csv:4: name: empty (every row needs the person's name; fill it in or "
        "delete the row)",
        'Error: hires.csv:6: start_date: "03/02/2026" is not a date smguide reads; '
        "write it as year-month-day: 2026-02-03 for 3 February 2026, or 2026-03-02 for 2 March "
        "2026",
        "2 problems found; nothing was written.",
    ]
    assert not (tmp_path / "output").exists()


def test_roster_options_need_a_roster(run: Callable[..., Result]) -> None:
    result = run("pdf", "--merge")
    assert result.exit_code == 2 and "--merge, --deck and --skip-bad-rows go with --roster" \
        in result.output


def test_labels_the_personal_pages_need_are_checked(run: Callable[..., Result],
                                                    tmp_path: Path, content: Path) -> None:
    labels = content / "labels.yaml"
    labels.write_text("\n".join(line for line in labels.read_text().splitlines()
                                if not line.startswith("manager:")) + "\n")
    write_csv(tmp_path, "name\nAnna\n")
    result = run("pdf", "--content", str(content), "--roster", "hires.csv")
    assert result.exit_code == 1
    assert 'labels.yaml:1:1: manager: the personal copies need this label; add "manager: ' \
        '..." (see the built-in labels.yaml)' in result.stderr


# -- the copies, read back ---------------------------------------------------------------

@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """One roster render for the module: 3 good rows, 2 bad ones skipped."""
    folder = tmp_path_factory.mktemp("roster")
    write_csv(folder, ROSTER)
    result = CliRunner().invoke(main, [
        "pdf", "--content", str(builtin("content")), "--brand",
        str(builtin("brand") / "_brand.yml"), "--roster", str(folder / "hires.csv"),
        "-o", str(folder / "output" / "handbook.pdf"), "--merge", "--deck",
        "--skip-bad-rows"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return folder / "output", result


def test_the_pools_state_stays_in_its_workers(copies: tuple[Path, Result]) -> None:
    """What the pool's workers share (roster._worker, set by the pool's initializer) is
    each worker's own: the process that ran the roster never holds it."""
    from smguide.commands import roster

    assert copies[1].exit_code == 0
    assert roster._worker is None
    with pytest.raises(RuntimeError):
        roster._shared()


def test_skipped_rows_and_progress_are_reported(copies: tuple[Path, Result]) -> None:
    out, result = copies
    lines = result.stderr.splitlines()
    assert sum(1 for line in lines if re.match(r"\[\d/3\] ", line)) == 3
    # the person's name, whole (a guide title with a colon in it is not cut)
    assert any(re.fullmatch(r"\[\d/3\] Zoë Ørsted-Ñúñez -> \S+zoe-orsted-nunez\.pdf", line)
               for line in lines), lines
    assert any(line.startswith("Skipped: ") and "hires.csv:4: name: empty" in line
               for line in lines)
    assert any("hires.csv:6: start_date" in line for line in lines if "Skipped" in line)
    assert sorted(p.name for p in (out / "handbooks").iterdir()) == [
        "anna-schmidt-2.pdf", "anna-schmidt.pdf", "zoe-orsted-nunez.pdf"]
    # the summary names every file written: the merged one and the deck too
    last = lines[-1]
    assert re.fullmatch(r"Wrote 3 personal handbooks \(\d+ pages each\) to \S+handbooks, "
                        r"and \S+handbooks-all\.pdf \(the 3 copies in one file\) and "
                        r"\S+handbooks-welcome\.pptx \(the welcome deck\) in [\d.]+ s; "
                        r"skipped 2 bad rows", last), last
    assert len(PdfReader(out / "handbooks-all.pdf").pages) >= 3 * len(
        PdfReader(out / "handbooks" / "anna-schmidt.pdf").pages)


@pytest.mark.parametrize("slug", sorted(PEOPLE))
def test_each_copy_is_a_correct_document_of_its_own(copies: tuple[Path, Result],
                                                    slug: str) -> None:
    out, _ = copies
    pdf = out / "handbooks" / f"{slug}.pdf"
    name, manager, counterpart, start = PEOPLE[slug]
    check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts

    reader = PdfReader(pdf)
    texts = [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]
    total = len(texts)
    assert name in texts[0] and "Prepared for".upper() in texts[0].upper()
    week = next(i for i, text in enumerate(texts) if "first week at a glance" in text)
    for fact in (name.upper(), manager, counterpart, start):
        assert fact in texts[week], fact
    everything = " ".join(texts)
    assert "'" not in everything
    for other in OTHERS:
        if other not in (name, manager, counterpart.split(" (")[0]) and other not in name:
            assert other not in everything, other
    # page numbers: every "Page X of Y" footer is the page's own number and the count
    for number, text in enumerate(texts, 1):
        assert len(re.findall(r"Page (\d+) of (\d+)", text)) <= 1, text  # one folio a page
        for shown, of in re.findall(r"Page (\d+) of (\d+)", text):
            assert (int(shown), int(of)) == (number, total)
    assert f"Page {week + 1} of {total}" in texts[week]
    # the outline: every chapter bookmark lands on the page that starts that chapter
    chapters = [item for item in reader.outline if not isinstance(item, list)]
    assert len(chapters) >= 9
    for item in chapters:
        page = reader.get_destination_page_number(item)
        assert squash(item.title) in squash(texts[page]), item.title
    # the table of contents: each link goes to the page its chapter starts on
    links = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    assert len(links) >= 9
    named = reader.named_destinations
    for link in links:
        target = link["/A"]["/D"] if "/A" in link else link["/Dest"]
        dest = named[str(target)] if isinstance(target, str) else None
        page = reader.get_destination_page_number(dest) if dest else \
            reader.get_page_number(target[0].get_object())
        # a chapter's opener, or the glossary's: back matter, without a number
        assert texts[page].startswith("Chapter") or "CHAPTER" in texts[page].upper() or \
            texts[page].startswith("Glossary"), texts[page][:80]
    assert reader.metadata.title.endswith(name)
    _check_structure(reader)


def _check_structure(reader: PdfReader) -> None:
    """Tagged: every element's page is in the document, and each page's marked content
    is mapped by the parent tree to an element on that page."""
    pages = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    nums = root["/ParentTree"]["/Nums"]
    tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    placed = [node for node in struct_elements(reader) if "/Pg" in node]
    assert all(node.raw_get("/Pg").idnum in pages for node in placed)
    assert len(placed) > 100
    for number, page in enumerate(reader.pages):
        key = page.get("/StructParents")
        if key is None:
            continue
        for elem in tree[int(key)].get_object():
            elem = elem.get_object()
            if elem and "/Pg" in elem:
                assert pages[elem.raw_get("/Pg").idnum] == number


def test_cover_and_week_page_are_tagged(copies: tuple[Path, Result]) -> None:
    out, _ = copies
    reader = PdfReader(out / "handbooks" / "anna-schmidt.pdf")
    cover = reader.pages[0].indirect_reference.idnum
    kinds = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if "/Pg" in node and node.raw_get("/Pg").idnum == cover:
                kinds.append(str(node.get("/S")))
            if "/K" in node:
                walk(node["/K"])
        elif isinstance(node, list):
            for kid in node:
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert "/H1" in kinds and "/Figure" in kinds


def test_merged_file_has_every_copy_in_order(copies: tuple[Path, Result]) -> None:
    out, _ = copies
    merged = PdfReader(out / "handbooks-all.pdf")
    single = len(PdfReader(out / "handbooks" / "anna-schmidt.pdf").pages)
    assert len(merged.pages) == 3 * single
    assert [(item.title, merged.get_destination_page_number(item))
            for item in merged.outline] == [("Anna Schmidt", 0), ("Zoë Ørsted-Ñúñez", single),
                                            ("Anna Schmidt", 2 * single)]
    assert "Zoë Ørsted-Ñúñez" in merged.pages[single].extract_text()
    assert subprocess.run(["qpdf", "--check", str(out / "handbooks-all.pdf")],
                          capture_output=True).returncode == 0


def test_cohort_deck_names_everyone(copies: tuple[Path, Result]) -> None:
    from pptx import Presentation

    out, _ = copies
    deck = Presentation(str(out / "handbooks-welcome.pptx"))
    (slide,) = deck.slides
    text = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    for name in ("Anna Schmidt", "Zoë Ørsted-Ñúñez"):
        assert name in text


def test_dates_are_written_in_the_guides_language() -> None:
    from smguide.handbook.personal import people
    from smguide.sources.content import load_guide
    from smguide.sources.roster import Hire

    guide = load_guide(builtin("content"))
    hire = Hire(line=2, name="Anna", slug="anna", team="Sales", start_date="2026-03-02")
    (english,) = people(guide, (hire,))
    (german,) = people(replace(guide, **{"language": "de"}), (hire,))
    assert (english.start_date, english.other_team) == ("March 2, 2026", "Marketing")
    assert german.start_date == "2. März 2026"


# -- names the brand's fonts cannot print --------------------------------------------------

def test_names_in_a_script_the_brand_font_lacks_are_warned_about(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from smguide.handbook import glyphs
    from smguide.sources.brand import load_brand

    brand, _ = load_brand(builtin("brand") / "_brand.yml")
    found = read_roster(write_csv(tmp_path, "name,team,manager,buddy\n"
                                            "王伟,Sales,Ангелина Петрова,Zoë Ørsted\n"
                                            "Anna Schmidt,Sales,Li Wei,Ολυμπία\n"),
                        TEAMS, "hires.csv")
    monkeypatch.setattr(glyphs, "installed_font_with", lambda chars, family="": None)
    assert [w.line_text() for w in glyphs.glyph_warnings(found.hires, brand, "hires.csv")] == [
        'hires.csv:2: name: "王伟" has characters the handbook\'s fonts (Lato) lack: 王 伟; '
        "no installed font has them, so they print as empty boxes; add a font that has them "
        "under typography.fonts in the brand file"]  # Lato has Cyrillic, Greek and Latin
    monkeypatch.setattr(glyphs, "installed_font_with",
                        lambda chars, family="": None if family else "Noto Sans CJK SC")
    assert glyphs.glyph_warnings(found.hires, brand, "hires.csv")[0].message.endswith(
        "lack: 王 伟; they print in another installed font that has them (such as Noto Sans "
        "CJK SC)")


def test_a_system_font_of_the_brand_is_asked_too(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    from smguide.handbook import glyphs
    from smguide.sources import brandfonts
    from smguide.sources.brand import load_brand
    from smguide.sources.fonts import FontFace

    # an installed font with the two characters (fontconfig's answer stands in for one)
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "wang", "wei"])
    builder.setupCharacterMap({0x738B: "wang", 0x4F1F: "wei"})
    builder.setupGlyf({name: TTGlyphPen(None).glyph() for name in (".notdef", "wang", "wei")})
    builder.setupHorizontalMetrics({name: (1000, 0) for name in (".notdef", "wang", "wei")})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "Noto Sans CJK SC", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(tmp_path / "cjk.ttf"))
    monkeypatch.setattr(brandfonts, "system_faces", lambda family: [
        FontFace(family, tmp_path / "cjk.ttf", 400, "normal")] if family.startswith("Noto")
        else [])
    (tmp_path / "_brand.yml").write_text(
        "typography:\n  fonts:\n    - family: Noto Sans CJK SC\n      source: system\n"
        "  base: Noto Sans CJK SC\n  headings: Noto Sans CJK SC\n")
    brand, warnings = load_brand(tmp_path / "_brand.yml")
    assert brand.base_family == "Noto Sans CJK SC" and warnings == []
    found = read_roster(write_csv(tmp_path, "name\n王伟\n"), TEAMS, "hires.csv")
    monkeypatch.setattr(glyphs, "installed_font_with", lambda chars, family="": None)
    assert glyphs.glyph_warnings(found.hires, brand, "hires.csv") == []


def test_a_damaged_font_has_no_characters_instead_of_a_traceback(tmp_path: Path) -> None:
    from smguide.handbook.glyphs import character_map
    from smguide.resources import FONTS_DIR

    assert ord("A") in character_map(FONTS_DIR / "Lato-Regular.ttf")
    (tmp_path / "broken.ttf").write_bytes((FONTS_DIR / "Lato-Regular.ttf").read_bytes()[:2000])
    assert character_map(tmp_path / "broken.ttf") == set()


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="needs fontconfig's fc-list")
def test_fontconfig_is_asked_which_installed_font_has_the_characters() -> None:
    from smguide.handbook.glyphs import installed_font_with

    assert installed_font_with(("A", "b"))  # some installed font has Latin letters
    assert installed_font_with(("\U000f0000",)) is None  # a private-use plane: none has it
    assert installed_font_with(("A",), "No Such Family Anywhere") is None


def test_a_blocked_copy_is_found_before_any_copy_is_written(
        run: Callable[..., Result], tmp_path: Path) -> None:
    write_csv(tmp_path, "name\nAnna Schmidt\nZoë Ørsted\n")
    (tmp_path / "output" / "handbooks" / "zoe-orsted.pdf").mkdir(parents=True)
    result = run("pdf", "--roster", "hires.csv")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: cannot write {tmp_path.resolve()}/output/handbooks/zoe-orsted.pdf: it is a "
        "folder; choose a file name")
    assert not (tmp_path / "output" / "handbooks" / "anna-schmidt.pdf").exists()


def test_a_big_roster_reports_its_rate_and_the_time_left() -> None:
    from types import SimpleNamespace

    from smguide.io.progress import CopyProgress as Progress

    said: list[str] = []
    now = [0.0]
    progress = Progress(1000, said.append, clock=lambda: now[0])
    spec = SimpleNamespace(title="Guide: Ann", name="Ann",
                           output=Path("output/handbooks/ann.pdf"))
    for _ in range(80):  # 80 copies in 10 s: a line each second, not one per copy
        now[0] += 0.125
        progress.done(spec)
    assert said[-1] == "[80/1000] 8 copies a second, 1 min 55 s left"
    assert len(said) == 10
    small: list[str] = []
    Progress(2, small.append).done(spec)
    assert small == ["[1/2] Ann -> output/handbooks/ann.pdf"]


def test_the_time_limit_applies_to_each_batch_not_to_the_whole_run() -> None:
    import time

    from smguide.errors import RenderError
    from smguide.safety.sandbox import Limits, run_in_batches

    def steady(report: Callable[[object], None]) -> str:
        for n in range(12):  # 3.6 s in all, never more than 0.3 s without a report
            time.sleep(0.3)
            report(n)
        return "done"

    got: list[object] = []
    assert run_in_batches(steady, Limits(max_seconds=2), "a test", got.append) == "done"
    assert got == list(range(12))

    def stuck(report: Callable[[object], None]) -> str:
        report("first")
        time.sleep(30)
        return "never"

    with pytest.raises(RenderError) as caught:
        run_in_batches(stuck, Limits(max_seconds=1), "a test", got.append)
    assert str(caught.value).startswith("rendering a batch of a test took longer than 1 s")


def test_a_roster_that_fails_while_rendering_leaves_no_output_folder(
        run: Callable[..., Result], tmp_path: Path) -> None:
    from tests.conftest import template_overrides

    write_csv(tmp_path, "name,team\nAnna Schmidt,Sales\nBen Adler,Marketing\n")
    overrides = template_overrides(tmp_path / "mine", {
        "handbook/personal-cover.html.j2": "{{ 1 // 0 }}"})
    result = run("pdf", "--roster", "hires.csv", "--template-overrides", str(overrides))
    assert result.exit_code == 1
    assert "personal-cover.html.j2:1" in result.stderr
    assert not (tmp_path / "output").exists()


def test_a_dates_example_is_said_in_the_guides_language(tmp_path: Path) -> None:
    text = "name;team;start_date\nLéa;Sales;03/03/2026\nJo;Sales;2.3.2026\n"
    roster = read_roster(write_csv(tmp_path, text), TEAMS, "hires.csv", language="fr")
    assert [p.line_text() for p in roster.problems] == [
        'hires.csv:2: start_date: "03/03/2026" is not a date smguide reads; write it as '
        "year-month-day: 2026-03-03 for 3 mars 2026",
        'hires.csv:3: start_date: "2.3.2026" is not a date smguide reads; write it as '
        "year-month-day: 2026-03-02 for 2 mars 2026"]


def test_a_french_guides_date_is_explained_in_french(tmp_path: Path) -> None:
    import shutil

    from smguide.errors import ContentError
    from smguide.sources.content import load_guide
    from tests.conftest import edit

    content = tmp_path / "content"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "french", content)
    edit(content / "guide.yaml", 'date: "2026-03-01"', 'date: "01/03/2026"')
    with pytest.raises(ContentError) as raised:
        load_guide(content)
    assert raised.value.problems == [
        f'{content / "guide.yaml"}:4:1: date: "01/03/2026" is not a date smguide reads; write '
        "it as year-month-day: 2026-03-01 for 1er mars 2026, or 2026-01-03 for 3 janvier 2026"]


def test_a_copys_title_and_progress_line_in_a_french_guide(tmp_path: Path) -> None:
    """The copy's title pairs the guide's title and the name as French writes it; the
    progress line names the person whole, whatever colons the title has."""
    from types import SimpleNamespace

    from smguide.commands.roster import _spec
    from smguide.io.progress import CopyProgress as Progress
    from smguide.sources.content import load_guide
    from smguide.sources.roster import Hire

    guide = load_guide(Path(__file__).parents[1] / "fixtures" / "french")
    guide = replace(guide, **{"title": "Bienvenue\u00a0: traiter une réclamation"})
    person = SimpleNamespace(hire=Hire(1, "Camille Lefèvre", "camille-lefevre"))
    slots = SimpleNamespace(cover=0, week=5)
    spec = _spec(person, (0, 1), slots, tmp_path / "p.pdf", tmp_path / "camille.pdf", guide)
    assert spec.title == "Bienvenue\u00a0: traiter une réclamation\u00a0: Camille Lefèvre"
    said: list[str] = []
    Progress(30, said.append).done(spec)
    assert said == [f"[1/30] Camille Lefèvre -> {tmp_path / 'camille.pdf'}"]


def test_a_copys_cover_has_what_the_handbooks_cover_has(tmp_path: Path) -> None:
    """The edition's date too (it was left off the personal cover), with the person added."""
    content = Path(__file__).resolve().parents[1] / "fixtures" / "polish"
    (tmp_path / "nowi.csv").write_text("name,team\nAnna Nowak,Finanse\n", encoding="utf-8")
    result = CliRunner().invoke(main, [
        "pdf", "--content", str(content), "--brand", str(builtin("brand") / "_brand.yml"),
        "--roster", str(tmp_path / "nowi.csv"), "-o", str(tmp_path / "out/handbook.pdf")],
        catch_exceptions=False)
    assert result.exit_code == 0, result.output
    cover = PdfReader(tmp_path / "out/handbooks/anna-nowak.pdf").pages[0].extract_text()
    words = re.sub(r"\s+", " ", cover)
    assert "1 marca 2026" in words and "Anna Nowak Finanse" in words, words
