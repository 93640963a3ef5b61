"""A roster's first line: which known column each header names, and what to say of the
others.

The known columns keep their English names, as the content's fields do; a header is
matched loosely ("Start Date", "start-date") and a few English synonyms are taken as
they are (ALIASES). A header that is none of them is looked at one by one: a known
column's name in another language ("menedżer", "data_startu", "Abteilung": TRANSLATED),
a close spelling ("strat_date") or a date ("date_debut") says which known column it
is; else, when the file lacks exactly one known column, that one. Such a column that no
template prints would leave its values out of every copy without a word: so it is an
error that names the known column to rename it to, when that column is one the file
lacks; and when the file has no known column besides the name, every column printed
nowhere is an error (the copies would be built without anything but the names). Any
other column is a warning, or nothing when a template prints it (hire.extra.COLUMN).
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from smguide.errors import Problem, Where, quote

KNOWN = ("name", "team", "role", "manager", "start_date", "buddy")
ALIASES = {"counterpart": "buddy", "startdate": "start_date", "start": "start_date",
           "full_name": "name"}
# the known columns as a roster in Polish, German, French, Spanish, Italian, Dutch or Czech
# may name them (lower case, accents taken off, spaces as "_"): a hint, never a match
TRANSLATED = {
    "name": ("imie_i_nazwisko", "imie_nazwisko", "pracownik", "osoba", "nom", "nom_complet",
             "nombre", "nome", "naam", "jmeno", "vollstandiger_name", "mitarbeiter"),
    "team": ("zespol", "dzial", "abteilung", "equipe", "equipo", "squadra", "afdeling",
             "tym", "oddeleni"),
    "role": ("stanowisko", "rola", "funkcja", "rolle", "stelle", "poste", "fonction",
             "puesto", "cargo", "ruolo", "functie", "funkce", "pozice"),
    "manager": ("menedzer", "menadzer", "kierownik", "kierowniczka", "przelozony",
                "przelozona", "szef", "szefowa", "vorgesetzte", "vorgesetzter",
                "fuhrungskraft", "responsable", "chef", "jefe", "responsabile",
                "leidinggevende", "vedouci", "nadrizeny"),
    "start_date": ("data_startu", "data_rozpoczecia", "data_zatrudnienia", "pierwszy_dzien",
                   "startdatum", "eintrittsdatum", "eintritt", "date_de_debut", "date_debut",
                   "date_d_arrivee", "fecha_inicio", "fecha_de_inicio", "data_inizio",
                   "datum_nastupu", "nastup"),
    "buddy": ("opiekun", "opiekunka", "mentor", "mentorka", "pate", "patin", "parrain",
              "marraine", "padrino", "tutor"),
}
DATES = ("date", "data", "datum", "fecha")


def column_key(header: str) -> str:
    """The known column a header names, else its own key (lower case, "_" for spaces)."""
    key = re.sub(r"[\s-]+", "_", header.strip().casefold())
    return ALIASES.get(key, key)


def _plain(key: str) -> str:
    """`key` without accents ("menedżer" -> "menedzer")."""
    return "".join(c for c in unicodedata.normalize("NFKD", key.replace("ł", "l"))
                   if not unicodedata.combining(c))


def _meant(column: str, lacking: list[str], taken: set[str]) -> tuple[str | None, bool]:
    """The known column `column` probably is, and whether that is sure (its name in
    another language, or spelled close to it) rather than a guess."""
    plain = _plain(column)
    for known, names in TRANSLATED.items():
        if plain in names:
            return known, True
    near = difflib.get_close_matches(plain, [*KNOWN, *ALIASES], n=1, cutoff=0.75)
    if near:
        return ALIASES.get(near[0], near[0]), True
    if "start_date" in lacking and "start_date" not in taken and any(
            word in plain for word in DATES):
        return "start_date", False
    left = [known for known in lacking if known not in taken]
    return (left[0], False) if len(left) == 1 else (None, False)


def check_header(header: list[str], columns: list[str], shown: str,
                 used: frozenset[str] | None = None
                 ) -> tuple[list[Problem], list[Problem]]:
    """The errors and the warnings of a roster's first line (`columns`: each header's
    column_key; `used`: the hire.extra fields the templates print, None: not known)."""
    problems: list[Problem] = []
    if "name" not in columns:
        hint = difflib.get_close_matches("name", columns, n=1, cutoff=0.6)
        fix = (f'rename {quote(hint[0])} to "name"' if hint
               else 'add a "name" column to the first line')
        problems.append(Problem.at(Where(shown, 1, None, "name"),
                                   f"the required column is missing ({fix})", suggestion=fix))
    unknown: list[tuple[str, str]] = []
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
            unknown.append((column, header[index].strip()))
    found = _unknown_columns(unknown, columns, shown, used)
    return ([*problems, *(p for p in found if p.severity == "error")],
            [p for p in found if p.severity != "error"])


def _unknown_columns(unknown: list[tuple[str, str]], columns: list[str], shown: str,
                     used: frozenset[str] | None) -> list[Problem]:
    """A problem for each column smguide does not know (`unknown`: its key and header),
    each with the known column it may be, no two the same."""
    lacking = [known for known in KNOWN if known not in columns and known != "name"]
    nothing_known = "name" in columns and not any(
        column in KNOWN for column in columns if column != "name")
    taken: set[str] = set()
    found = []
    for column, named in unknown:
        meant, sure = _meant(column, lacking, taken)
        nowhere = used is not None and column not in used
        if meant is None and not nowhere:
            continue  # kept for templates, or printed by one
        if meant is not None:
            taken.add(meant)
        lost = nowhere and ((sure and meant in lacking) or nothing_known)
        found.append(_column_problem(column, named, meant, lacking, shown, nowhere, lost))
    return found


def _column_problem(column: str, named: str, meant: str | None, lacking: list[str],
                    shown: str, nowhere: bool, lost: bool) -> Problem:
    if nowhere:
        said = (f"not a known column, and no template prints hire.extra.{column}, so it is "
                f"printed nowhere")
    else:
        said = f"not a known column, kept for templates as hire.extra.{column}"
    if meant is not None and lost:
        fix = f"rename it to {quote(meant)}: column names stay in English"
    elif meant is not None:
        fix = f"did you mean {quote(meant)}?"
    else:
        fix = (f"rename it to the known column it holds ({', '.join(lacking or KNOWN)}), or "
               f"use hire.extra.{column} in a template")
    if lost:
        said = said.replace(", so it is printed nowhere", ": the copies would be made "
                            "without it")
    return Problem("error" if lost else "warning", shown, 1, None, named, f"{said} ({fix})",
                   None, fix, label=named)
