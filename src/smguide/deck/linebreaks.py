"""Where a wrapped paragraph of body text breaks its lines, once its final size is known.

A client wraps greedily, and in a wide font (DejaVu Sans) a short list item ends on one
word alone: "Keeping customers / loyal". Whether a paragraph wraps, and into how many
lines, is decided in the deck's own font (textfit.lines_broken_into, the rule titles
follow too): one that is one line there is left whole ("Each team knows its part; goals
are shared." in Lato, though Arial's widths take two lines: its frame keeps the room for
them). One that wraps is given explicit line breaks in as many lines, each fitting the
frame in the widest of the own font and those shown in its place (measuring), so none of
them re-wraps: a list item's (or a short paragraph's) lines as even as they can be
("Keeping / customers loyal"), a longer paragraph's as the greedy wrap sets them, but
never its last word alone where a word from the line above can join it."""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations
from typing import Any

from smguide.deck.oxml import geometry_inset
from smguide.deck.textfit import WORDS, Fonts, Para, Span, lines_broken_into
from smguide.deck.write import EMU_PER_PT, KEPT_BREAK, LINE_BREAK

MOST_WORDS = 24  # a longer paragraph keeps the client's own wrap (too many ways to break)
EVEN_LINES = 2  # a paragraph of up to this many lines (and any list item) is made even
# its lines may be this much less even to break where a phrase ends ("Each team knows its
# part; / goals are shared.", not "... knows its / part; goals are shared.")
PHRASE_SLACK = 1.25
PHRASE_ENDS = ",;:–—"
# a list item's first line under this share of the measure, and shorter than its last,
# reads ragged beside the list's full lines (linebreaks._fuller)
FULLER = 0.6
STUB = 3  # a line of one word this short reads as a stub ('Der / ganze Markt')
# words a line does not end on where breaks about as even exist (within PHRASE_SLACK):
# English and German articles and determiners and the short prepositions, which belong
# with the word after them ("einen / Kaffee", "Fragen Sie das / People-Team" reads
# better as "... einen Kaffee", "... das People-Team"); a word followed by punctuation
# is not one of them
TIED = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
    "ein", "eine", "einen", "einem", "einer", "eines", "der", "die", "das", "den", "dem",
    "des", "am", "auf", "aus", "bei", "beim", "durch", "für", "gegen", "im", "mit",
    "nach", "ohne", "um", "über", "unter", "von", "vom", "vor", "zu", "zum", "zur"})


def _tokens(para: Para, fonts: Fonts) -> list[tuple[int, str, float, float, bool]]:
    """(span, word, ink width, space width at 1 pt, a line may break after it) of each
    word; not after a word that runs into the next span, nor inside a link."""
    out: list[tuple[int, str, float, float, bool]] = []
    for index, span in enumerate(para.spans):
        face = fonts.face(span.bold, span.italic)
        for word in WORDS.findall(span.text):
            ink = word.rstrip()
            out.append((index, word, face.width(ink, 1.0), face.width(word[len(ink):], 1.0),
                        ink != word and span.href is None))
    return out


def _lines_of(tokens: list[tuple[int, str, float, float, bool]], starts: tuple[int, ...],
              size: float) -> list[float]:
    """The width (points) of each line when lines start at `starts` (the first at 0)."""
    bounds = [*starts, len(tokens)]
    return [sum(t[2] * size for t in tokens[a:b]) + sum(t[3] * size for t in tokens[a:b - 1])
            for a, b in zip(bounds, bounds[1:], strict=False)]


def _greedy(tokens: list[tuple[int, str, float, float, bool]], width: float,
            size: float) -> tuple[int, ...] | None:
    """Where the greedy wrap starts each line; None when a word is wider than the line."""
    starts, used = [0], 0.0
    for index, (_, _, ink, space, _) in enumerate(tokens):
        if ink * size > width:
            return None
        if used and used + ink * size > width:
            if not tokens[index - 1][4]:
                return None  # the client breaks where we may not: leave it to the client
            starts.append(index)
            used = 0.0
        used += (ink + space) * size
    return tuple(starts)


def _alone(tokens: list[tuple[int, str, float, float, bool]], starts: tuple[int, ...]) -> bool:
    return len(starts) > 1 and len(tokens) - starts[-1] == 1


def short_word(text: str) -> bool:
    """Is `text` one word of STUB letters or fewer (its punctuation aside), a stub when
    it stands alone on a line ('Der / ganze Markt', 'Judged / on')?"""
    return len(text.split()) == 1 and len(text.strip(" ,.;:")) <= STUB


def _lone(tokens: list[tuple[int, str, float, float, bool]], starts: tuple[int, ...]) -> bool:
    """Does a line hold one word alone: the last line (_alone), or any line one short
    word (STUB letters or fewer: 'Der / ganze Markt', no better than 'Der ganze / Markt')?"""
    bounds = [*starts, len(tokens)]
    return _alone(tokens, starts) or (len(starts) > 1 and any(
        b - a == 1 and short_word(tokens[a][1])
        for a, b in zip(bounds, bounds[1:], strict=False)))


def _at_phrases(tokens: list[tuple[int, str, float, float, bool]],
                starts: tuple[int, ...]) -> bool:
    """Does every line but the last end where a phrase does (after a comma, a semicolon,
    a colon or a dash)?"""
    ends = [tokens[start - 1][1].rstrip()[-1:] for start in starts[1:]]
    return all(end and end in PHRASE_ENDS for end in ends)


def _tied(tokens: list[tuple[int, str, float, float, bool]], starts: tuple[int, ...]) -> int:
    """How many lines but the last end on a word of TIED ('einen / Kaffee')."""
    return sum(tokens[start - 1][1].strip().lower() in TIED for start in starts[1:])


def chosen_starts(para: Para, width: float, size: float, fonts: Fonts,
                  own: Fonts) -> tuple[int, ...] | None:
    """Where the lines of `para` start (word indices), or None to leave it as it wraps:
    not broken by lines_broken_into (decided in the `own` font), too many words, or (a
    longer paragraph) no better breaks than the client's. A list item's or a short
    paragraph's breaks are written even where they are the greedy wrap's, so every
    font shows the same lines. The breaks fit in `fonts` (what the deck measures
    with, the widest of `own` and the fonts shown in its place)."""
    tokens = _tokens(para, fonts)
    if len(tokens) > MOST_WORDS:
        return None
    count = lines_broken_into(para, width, size, own, fonts)
    greedy = _greedy(tokens, width, size)
    if count < 2 or greedy is None or len(greedy) != count:
        return None
    breaks = [i + 1 for i, token in enumerate(tokens[:-1]) if token[4]]
    candidates = [(0, *rest) for rest in combinations(breaks, len(greedy) - 1)]
    fitting = [starts for starts in candidates
               if starts == greedy or max(_lines_of(tokens, starts, size)) <= width]
    if para.bullet is not None or len(greedy) <= EVEN_LINES:  # even, in every font
        even = min(fitting, key=lambda starts: (_lone(tokens, starts),
                                                max(_lines_of(tokens, starts, size))))
        most = max(_lines_of(tokens, even, size)) * PHRASE_SLACK
        near = [starts for starts in fitting if _lone(tokens, starts) <= _lone(tokens, even)
                and max(_lines_of(tokens, starts, size)) <= most]
        fewest = min(_tied(tokens, starts) for starts in near)
        near = [starts for starts in near if _tied(tokens, starts) == fewest]
        even = min(near, key=lambda starts: max(_lines_of(tokens, starts, size)))
        phrased = [starts for starts in near if _at_phrases(tokens, starts)]
        chosen = min(phrased or [even], key=lambda starts: max(_lines_of(tokens, starts, size)))
        return _fuller(tokens, chosen, fitting, size, width) if para.bullet is not None \
            else chosen
    best = greedy
    if _alone(tokens, greedy):  # the greedy wrap with a word more on its last line
        best = next((s for s in fitting if s[:-1] == greedy[:-1] and s[-1] == greedy[-1] - 1
                     and s[-1] - s[-2] >= 2), greedy)
    return None if best == greedy else best


def _top_heavy(lines: list[float]) -> bool:
    """Is no line shorter than the last (a list item's lines reading down, not up)?"""
    return all(line >= lines[-1] for line in lines[:-1])


def _fuller(tokens: list[tuple[int, str, float, float, bool]], chosen: tuple[int, ...],
            fitting: list[tuple[int, ...]], size: float, width: float) -> tuple[int, ...]:
    """A list item's breaks with its first line full enough to stand beside the list's
    full lines: where the chosen first line takes under FULLER of the measure, is
    shorter than its last and does not end a phrase ("Ask sales or marketing / what a
    good week looks like": a half-empty first line over a fuller one reads ragged in a
    list), the most even breaks whose lines are each at least as long as the last ("Ask
    sales or marketing what / a good week looks like"); kept where no such breaks fit,
    and where the line ends at a comma, a colon or a dash ("Deals get the spotlight, /
    so selling looks like everything": the phrase reads better than a fuller line)."""
    lines = _lines_of(tokens, chosen, size)
    if lines[0] >= FULLER * width or _top_heavy(lines) or _at_phrases(tokens, chosen):
        return chosen
    heavy = [starts for starts in fitting if not _alone(tokens, starts)
             and _tied(tokens, starts) <= _tied(tokens, chosen)
             and _top_heavy(_lines_of(tokens, starts, size))]
    if not heavy:
        return chosen
    even = min(heavy, key=lambda starts: max(_lines_of(tokens, starts, size)))
    most = max(_lines_of(tokens, even, size)) * PHRASE_SLACK
    phrased = [starts for starts in heavy if _at_phrases(tokens, starts)
               and max(_lines_of(tokens, starts, size)) <= most]
    return min(phrased or [even], key=lambda starts: max(_lines_of(tokens, starts, size)))


def last_word_alone(para: Para, width: float, size: float, fonts: Fonts, own: Fonts) -> bool:
    """Does `para`, broken as `broken` breaks it, end on a line of its last word alone
    while it has more words than lines ('The whole / market')? (Not where it is left to
    wrap: on one line in the deck's own font.)"""
    tokens = _tokens(para, fonts)
    starts = chosen_starts(para, width, size, fonts, own)
    return starts is not None and _alone(tokens, starts) and len(tokens) > len(starts)


def broken(para: Para, width: float, size: float, fonts: Fonts, own: Fonts) -> Para:
    """`para` with explicit line breaks where chosen_starts puts them (KEPT_BREAK: each
    line but the last keeps the space it broke at, so its text read without the breaks
    is the same)."""
    if any(LINE_BREAK in span.text or KEPT_BREAK in span.text for span in para.spans):
        return para  # broken already (a card's heading)
    starts = chosen_starts(para, width, size, fonts, own)
    if starts is None:
        return para
    tokens = _tokens(para, fonts)
    texts: list[list[str]] = [[] for _ in para.spans]
    for index, (span, word, _, _, _) in enumerate(tokens):  # a break after a word
        texts[span].append(f"{word}{KEPT_BREAK}" if index + 1 in starts[1:] else word)
    return replace(para, spans=tuple(Span("".join(parts), s.bold, s.italic, s.href)
                                     for s, parts in zip(para.spans, texts, strict=True)))


def frame_width(shape: Any) -> float:
    """The width (points) text has in `shape`'s frame, inside its own insets and its
    geometry's (a rounded card's text rectangle)."""
    frame = shape.text_frame
    return (shape.width - frame.margin_left - frame.margin_right
            - 2 * geometry_inset(shape)) / EMU_PER_PT


def broken_paras(shape: Any, paras: list[Para], size: float, fonts: Fonts,
                 own: Fonts) -> list[Para]:
    """Every paragraph of `shape` at `size` broken as `broken` does (a list item inside
    its hanging indent)."""
    width = frame_width(shape)
    return [broken(p, width - p.indent * p.size_at(size), p.size_at(size), fonts, own)
            for p in paras]
