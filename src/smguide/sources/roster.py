"""A roster of new hires (CSV) -> validated Hire records with unique, safe file names.

Every problem is reported at once, one line each, as `file:line: column: problem (fix)`,
with the CSV line number where the row starts. Dates are strict ISO (yyyy-mm-dd) and are
printed later as the guide's language writes them.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from smguide.errors import ContentError, Problem, Where, quote
from smguide.sources.characters import has_invisible

if TYPE_CHECKING:
    import _csv

KNOWN = ("name", "team", "role", "manager", "start_date", "buddy")
ALIASES = {"counterpart": "buddy", "startdate": "start_date", "start": "start_date",
           "full_name": "name"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_SLUG = 60  # characters
MAX_SLUG_BYTES = 120  # file names stop at 255 bytes; leave room for -2.pdf and temp names
# letters NFKD does not take apart into a base letter and a mark
TRANSLIT = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ð": "d", "ł": "l",
            "þ": "th", "ı": "i", "ŧ": "t", "ħ": "h"}
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
            *(f"lpt{i}" for i in range(10))}  # device names Windows will not use as files


@dataclass(frozen=True)
class Hire:
    """One person on the roster, as the templates see them."""

    line: int
    name: str
    slug: str
    team: str | None = None
    role: str | None = None
    manager: str | None = None
    start_date: str | None = None  # ISO yyyy-mm-dd
    buddy: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def counterpart(self) -> str | None:
        return self.buddy


@dataclass(frozen=True)
class Roster:
    hires: tuple[Hire, ...]
    problems: tuple[Problem, ...]  # bad rows
    warnings: tuple[Problem, ...]


def slugify(name: str) -> str:
    """A file-system safe name for anyone: 'Zoë Ørsted-Ñúñez' -> 'zoe-orsted-nunez'.

    Latin letters lose their accents; letters of other scripts are kept (normalised, so
    the same name always gives the same file); everything else becomes a dash. The result
    never contains a path separator, never starts with a dot and is never empty.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = "".join(TRANSLIT.get(ch, ch) for ch in text)
    kept: list[str] = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.category(ch).startswith("M"):  # a mark: an accent, a vowel sign
            if not (kept and kept[-1].isascii()):  # accents on Latin letters go
                kept.append(ch)
            continue
        kept.append(ch if ch.isalnum() else "-")
    slug = unicodedata.normalize("NFC", re.sub(r"-{2,}", "-", "".join(kept)).strip("-"))
    while len(slug.encode()) > MAX_SLUG_BYTES or len(slug) > MAX_SLUG:
        slug = slug[:-1]
    slug = slug.rstrip("-")
    if not slug:
        return "hire"
    return f"{slug}-hire" if slug in RESERVED else slug


def unique_slugs(names: list[str]) -> list[str]:
    """Slugs in order, the second 'Anna Schmidt' becoming anna-schmidt-2 (never clashing
    with another row's own slug)."""
    bases = [slugify(name) for name in names]
    taken = set(bases)
    seen: set[str] = set()
    slugs = []
    for base in bases:
        slug, number = base, 1
        while slug in seen or (slug != base and slug in taken):
            number += 1
            slug = f"{base}-{number}"
        seen.add(slug)
        slugs.append(slug)
    return slugs


def _column(header: str) -> str:
    key = re.sub(r"[\s-]+", "_", header.strip().casefold())
    return ALIASES.get(key, key)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


MAX_CELL = 200  # a name, a team, a date: nothing in a roster cell needs more
MAX_ROSTER_BYTES = 5_000_000


def read_roster(path: Path, teams: tuple[str, ...] = (), shown: str | None = None,
                used: frozenset[str] | None = None, language: str = "en") -> Roster:
    """Read and check a roster; bad rows are listed in `problems`, never silently dropped.

    A problem with the file as a whole (missing, not UTF-8, no name column) raises
    ContentError: no row can be trusted then. `used`: the hire.extra fields the templates
    print (None: not known); a column neither known nor used is a warning, as is a person
    on two rows. `language`: the guide's, in which a date's example is said.
    """
    shown = shown or str(path)
    text = _roster_text(path, shown)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ContentError([Problem.at(Where(shown, 1),
                                       f"the header row cannot be read ({exc})")]) from None
    if not header or not any(cell.strip() for cell in header):
        raise ContentError([Problem.at(Where(shown, 1), "the file has no header row (the first "
                                       "line names the columns, e.g. "
                                       "name,team,role,manager,start_date,buddy)")])
    columns = [_column(h) for h in header]
    problems, warnings = _check_header(header, columns, shown, used)
    if problems:
        raise ContentError(problems)
    rows, bad = _rows(reader, columns, delimiter, shown)
    good: list[tuple[int, dict[str, str]]] = []
    for start, row in rows:
        found = _check_row(row, teams, Where(shown, start), language)
        bad += found
        if not found:
            good.append((start, row))
    slugs = unique_slugs([row["name"] for _, row in good])
    hires = tuple(_hire(start, row, slug, teams) for (start, row), slug in zip(good, slugs,
                                                                             strict=True))
    bad.sort(key=lambda problem: problem.line or 0)
    warnings += _duplicates(good, slugs, shown)
    return Roster(hires=hires, problems=tuple(bad), warnings=tuple(warnings))


def _duplicates(rows: list[tuple[int, dict[str, str]]], slugs: list[str], shown: str
                ) -> list[Problem]:
    """A warning at each row that repeats an earlier one (every value the same) or names
    the same person (the same name, in any case or spacing), naming both lines."""
    found: list[Problem] = []
    first: dict[str, tuple[int, dict[str, str], str]] = {}
    for (line, row), slug in zip(rows, slugs, strict=True):
        key = " ".join(unicodedata.normalize("NFKC", row["name"]).casefold().split())
        if key not in first:
            first[key] = (line, row, slug)
            continue
        earlier, earlier_row, earlier_slug = first[key]
        same = "repeats line" if row == earlier_row else "names the same person as line"
        fix = "delete one of the two rows if they are one person"
        found.append(Problem("warning", shown, line, None, "name",
                             f"{quote(row['name'])}: this row {same} {earlier}, so two copies "
                             f"are made ({earlier_slug}.pdf and {slug}.pdf) ({fix})",
                             None, fix))
    return found


def _roster_text(path: Path, shown: str) -> str:
    """The roster file's text, if it can be read, is not too large and is UTF-8."""
    try:
        if path.stat().st_size > MAX_ROSTER_BYTES:
            raise ContentError([Problem.fix(Where(shown, 1), f"the roster is larger than "
                                            f"{MAX_ROSTER_BYTES // 1_000_000} MB",
                                            "split it into cohorts")])
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem.at(Where(shown, 1),
                                       f"cannot read the roster ({exc.strerror})")]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError([Problem.at(Where(shown, _line_of(data, exc.start)),
                                       'the file is not UTF-8 text (save it as "CSV UTF-8")',
                                       suggestion='save it as "CSV UTF-8"')]) from None


def _rows(reader: _csv.Reader, columns: list[str], delimiter: str, shown: str
          ) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    """(line, cells by column) of every row that has values, and the rows that cannot
    be read or have more values than the header has columns."""
    rows: list[tuple[int, dict[str, str]]] = []
    bad: list[Problem] = []
    line = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            bad.append(Problem.at(Where(shown, line), f"the row cannot be read ({exc}; check "
                                                      "its quotes)", suggestion="check its quotes"))
            break  # the reader cannot resynchronise after a broken quote
        start, line = line, reader.line_num + 1
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(columns) and any(v.strip() for v in values[len(columns):]):
            bad.append(_too_many(values, len(columns), delimiter, Where(shown, start)))
            continue
        rows.append((start, {col: (values[i].strip() if i < len(values) else "")
                             for i, col in enumerate(columns)}))
    return rows, bad


def _too_many(values: list[str], columns: int, delimiter: str, where: Where) -> Problem:
    """A row with more values than the header has columns: most often an extra separator
    (an empty value where two are typed in a row), else a value with the separator in it
    that is not in quotes."""
    said = f"the row has {len(values)} values but the header has {columns} columns"
    empty = next((i for i, v in enumerate(values) if not v.strip()), None)
    quoted = f'put a value that has a "{delimiter}" in it in double quotes'
    if empty is not None:
        after = f"after {quote(values[empty - 1].strip())}" if empty else "at the start"
        fix = f'delete the extra "{delimiter}" {after}, or {quoted}'
        return Problem.at(where, f'{said}: probably an extra "{delimiter}" (two in a row '
                                 f"{after}) ({fix})", suggestion=fix)
    return Problem.at(where, f'{said}: probably a value with a "{delimiter}" in it ({quoted}, '
                             f'or delete the extra "{delimiter}")', suggestion=quoted)


def _check_header(header: list[str], columns: list[str], shown: str,
                  used: frozenset[str] | None = None
                  ) -> tuple[list[Problem], list[Problem]]:
    problems: list[Problem] = []
    warnings: list[Problem] = []
    if "name" not in columns:
        hint = difflib.get_close_matches("name", columns, n=1, cutoff=0.6)
        fix = (f'rename {quote(hint[0])} to "name"' if hint
               else 'add a "name" column to the first line')
        problems.append(Problem.at(Where(shown, 1, None, "name"),
                                   f"the required column is missing ({fix})", suggestion=fix))
    for index, column in enumerate(columns):
        if not column:
            fix = "name it in the first line, or delete the column"
            problems.append(Problem.at(Where(shown, 1, None, f"column {index + 1}"),
                                       f"the column has no name ({fix})", suggestion=fix))
        elif columns.index(column) != index:
            problems.append(Problem.at(Where(shown, 1, None, column),
                                       "the column appears twice (keep one)",
                                       suggestion="keep one"))
        elif column not in KNOWN:
            found = _unknown_column(column, header[index].strip(), columns, shown, used)
            if found is not None:
                warnings.append(found)
    return problems, warnings


def _unknown_column(column: str, named: str, columns: list[str], shown: str,
                    used: frozenset[str] | None) -> Problem | None:
    """A column smguide does not know: a warning when its name is close to a known one,
    or when no template prints it (then nothing does), with the known column it may be:
    the close one, else one the file lacks (a date: start_date)."""
    near = difflib.get_close_matches(column, [*KNOWN, *ALIASES], n=1, cutoff=0.75)
    lacking = [known for known in KNOWN if known not in columns and known != "name"]
    if near:
        meant: str | None = ALIASES.get(near[0], near[0])
    elif used is None or column in used:
        return None
    elif "start_date" in lacking and "date" in column:
        meant = "start_date"
    else:
        meant = lacking[0] if len(lacking) == 1 else None
    if used is not None and column not in used:
        said = (f"not a known column, and no template prints hire.extra.{column}, so it is "
                f"printed nowhere")
    else:
        said = f"not a known column, kept for templates as hire.extra.{column}"
    fix = (f"did you mean {quote(meant)}?" if meant else
           f"rename it to the known column it holds ({', '.join(lacking or KNOWN)}), or use "
           f"hire.extra.{column} in a template")
    return Problem("warning", shown, 1, None, named, f"{said} ({fix})", None, fix, label=named)


def _check_row(row: dict[str, str], teams: tuple[str, ...], where: Where,
               language: str = "en") -> list[Problem]:
    problems = []
    for column, value in row.items():
        if not isinstance(value, str):
            continue
        if has_invisible(value):
            problems.append(Problem.fix(where.with_field(column),
                                        "contains an invisible control character",
                                        "retype the value (it often comes from copy and paste)"))
        elif len(value) > MAX_CELL:
            problems.append(Problem.at(where.with_field(column), f"too long ({len(value)} "
                                       f"characters; at most {MAX_CELL})",
                                       f"at most {MAX_CELL} characters"))
    if not row.get("name"):
        problems.append(Problem.at(where.with_field("name"), "empty (every row needs the "
                                   "person's name; fill it in or delete the row)",
                                   suggestion="fill it in or delete the row"))
    start = row.get("start_date", "")
    if start and parse_date(start) is None:
        problems.append(date_problem(where.with_field("start_date"), start, language))
    team = row.get("team", "")
    if team and teams and _team(team, teams) is None:
        near = difflib.get_close_matches(team.casefold(), [t.casefold() for t in teams], n=1)
        meant = next((t for t in teams if near and t.casefold() == near[0]), None)
        meant_fix = f"did you mean {quote(meant)}?" if meant else None
        wanted = f"one of {', '.join(teams)}"
        problems.append(Problem.at(where.with_field("team"), f"unknown team {quote(team)}; "
                                   f"expected {wanted} "
                                   f"({meant_fix or 'teams are the roles in the content'})",
                                   wanted, meant_fix))
    return problems


def date_problem(where: Where, text: str, language: str = "en") -> Problem:
    """A date written in a way smguide does not read, or a day the calendar lacks."""
    from smguide.sources.dates import how_to_write

    if ISO_DATE.match(text):
        return Problem.fix(where, f"{quote(text)} is not a day in the calendar",
                           "check the month and the day (it is written year-month-day)",
                           "a day in the calendar")
    return Problem.fix(where, f"{quote(text)} is not a date smguide reads",
                       how_to_write(text, language),
                       "year-month-day")


def parse_date(text: str) -> date | None:
    """A strict ISO date: 2026-03-02 yes; 2/3/2026, 20260302 or 2026-02-30 no."""
    if not ISO_DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _team(value: str, teams: tuple[str, ...]) -> str | None:
    """The content's team `value` names: in any case, and as typed or typeset (the
    content's role names have curly apostrophes and French spaces, sources/plaintext.py)."""
    return next((t for t in teams if _team_key(t) == _team_key(value)), None)


def _team_key(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.casefold())) or name.casefold()


def _hire(line: int, row: dict[str, str], slug: str, teams: tuple[str, ...]) -> Hire:
    known = {key: (row.get(key) or None) for key in KNOWN if key != "name"}
    if known["team"] and teams:
        known["team"] = _team(known["team"], teams)
    extra = {key: value for key, value in row.items() if key not in KNOWN}
    return Hire(line=line, name=row["name"], slug=slug, extra=extra, **known)


def other_team(team: str | None, teams: tuple[str, ...]) -> str | None:
    """The team a counterpart comes from: the other one, when the guide has exactly two."""
    others = [t for t in teams if t != team]
    return others[0] if team and len(teams) == 2 and len(others) == 1 else None


def safe_output(folder: Path, slug: str) -> Path:
    """folder/<slug>.pdf, refusing anything that would land outside the folder."""
    target = (folder / f"{slug}.pdf").resolve()
    if target.parent != folder.resolve() or "/" in slug or "\\" in slug or slug.startswith("."):
        raise ValueError(f"unsafe file name {slug!r}")
    return target
