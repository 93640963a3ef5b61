"""Lists of running text and their leads marked in the handbook's HTML, so that the
white a list kept whole leaves when it goes overleaf is seen (endings.text_feet), and a
list after a long lead may open a page (handbook.css)."""

from __future__ import annotations

import re

from smguide.handbook.endings import LEAD, LIST
from smguide.handbook.grid import CHARACTERS_PER_LINE

_DIVS = re.compile(r"<(/?)div\b[^>]*>")
_PROSE = re.compile(r'<div class="block block-prose" id="([^"]+)">')
# a paragraph and the list after it
_LEAD_LIST = re.compile(r"(<p\b[^>]*>)((?:(?!</?p\b).)*)</p>(\s*)<(ul|ol)>", re.S)
# a lead longer than this many lines' characters (grid.CHARACTERS_PER_LINE) has 4 lines
# or more: one its list, kept whole, would split mid-sentence by taking its last two
# lines (widows) overleaf, so its list may open a page instead ("turns", handbook.css); a
# shorter lead goes overleaf whole with its list (and with its heading, when it follows
# one), as WeasyPrint keeps a list with what comes before it
LONG_LEAD = 3


def mark_leads(html: str) -> str:
    """The HTML with each list of running text that follows a paragraph (a prose block's
    `<p>...</p><ul>`) given an id, BLOCK-listN, and an empty marker at the end of that
    paragraph, BLOCK-leadN: a list is kept whole, so when it goes overleaf the page
    stops under its lead, which the block's box, reaching the page's foot, hides from
    the fitting (endings.text_feet reads the lead's foot). A list after a lead of more
    than LONG_LEAD lines' characters may open a page (class "turns")."""
    pieces, at = [], 0
    for match in _PROSE.finditer(html):
        anchor, span = match.group(1), _span(html, match.end())
        if span is None or match.start() < at:
            continue
        count = 0

        def mark(lead: re.Match[str], anchor: str = anchor) -> str:
            nonlocal count
            count += 1
            text = re.sub(r"<[^>]*>|&[#\w]+;|\u00ad", "x", lead.group(2))
            turns = ' class="turns"' if len(text) > LONG_LEAD * CHARACTERS_PER_LINE else ""
            return (f'{lead.group(1)}{lead.group(2)}<span id="{anchor}{LEAD}{count}"></span>'
                    f'</p>{lead.group(3)}<{lead.group(4)} id="{anchor}{LIST}{count}"{turns}>')

        pieces += [html[at:match.end()], _LEAD_LIST.sub(mark, html[match.end():span[1]])]
        at = span[1]
    return "".join(pieces) + html[at:]


def _span(html: str, start: int) -> tuple[int, int] | None:
    """From just after a block's <div> tag (`start`): where the block starts and ends."""
    depth = 1
    for tag in _DIVS.finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return start, tag.end()
    return None
