"""What the deck plan's layout names stand for, and how templates name their layouts.

The plan names PowerPoint's English layouts; each stands for a *role* (ROLE_OF). A
template's layout is recognised for a role by its type (TYPES, ECMA-376's
ST_SlideLayoutType) and its name (HINTS: English, French, German, Spanish, Italian,
Google Slides' and LibreOffice's spellings), among the structural clues the layout
picker (deck/layouts) weighs; KIND_ROLES is the role a slide kind takes when the plan
names a layout of the template itself.
"""

from __future__ import annotations

import re

ROLE_OF = {"Title Slide": "title", "Section Header": "section", "Title and Content": "content",
           "Two Content": "two", "Title Only": "title-only"}
# the layout type PowerPoint writes for each role (ECMA-376 ST_SlideLayoutType)
TYPES = {"title": {"title"}, "section": {"secHead"}, "content": {"obj", "tx"},
         "two": {"twoObj", "twoTxTwoObj"}, "title-only": {"titleOnly"}}
# layout names, lowercased, punctuation and underscores as spaces
HINTS = {
    "title": {"title slide", "title", "diapositive de titre", "titelfolie", "diapositiva de titulo",
              "diapositiva de título", "titeldia", "slide del titolo"},
    "section": {"section header", "section title", "section", "titre de section",
                "en tete de section", "en-tête de section", "abschnittsuberschrift",
                "abschnittsüberschrift", "encabezado de seccion", "encabezado de sección",
                "intestazione sezione", "section title and description"},
    "content": {"title and content", "title and body", "title content", "titre et contenu",
                "titel und inhalt", "titulo y objetos", "título y objetos", "titolo e contenuto",
                "one column text", "title and text", "title text"},
    "two": {"two content", "title and two columns", "title 2 content", "deux contenus",
            "zwei inhalte", "dos objetos", "due contenuti", "title and 2 content",
            "two columns"},
    "title-only": {"title only", "titre seul", "nur titel", "solo el titulo", "solo el título",
                   "solo titolo", "title only layout"},
}
# the role a slide kind takes when the plan names a layout of the template itself
KIND_ROLES = {"title": "title", "closing": "title", "cohort": "title", "section": "section",
              "role": "two", "comparison": "title-only", "analogy": "title-only",
              "practices": "title-only", "glossary": "title-only"}


def normal_name(name: str) -> str:
    """A layout name compared without case, punctuation, underscores or numbering."""
    return re.sub(r"\s+", " ", re.sub(r"[_,.:;()\-–]+|\d+_", " ", name.lower())).strip()
