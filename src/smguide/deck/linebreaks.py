"""Where a wrapped paragraph of body text breaks its lines, once its final size is known.

A client wraps greedily, and in a wide font (DejaVu Sans) a short list item ends on one
word alone: "Keeping customers / loyal". Measured with the fonts the deck is measured
with (the widest of the font and those shown in its place), a paragraph that wraps is
given explicit line breaks in as many lines as the greedy wrap takes, each fitting the
frame: a list item's (or a short paragraph's) lines as even as they can be ("Keeping /
customers loyal"), a longer paragraph's as the greedy wrap sets them, but never its
last word alone where a word from the line above can join it."""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations
from typing import Any

from smguide.deck.textfit import WIDTH_MARGIN, WORDS, Fonts, Para, Span
from smguide.deck.write import EMU_PER_PT, KEPT_BREAK, LINE_BREAK

MOST_WORDS = 24  # a longer paragraph keeps the client's own wrap (too many ways to break)
EVEN_LINES = 2  # a paragraph of up to this many lines (and any list item) is made even


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


def chosen_starts(para: Para, width: float, size: float, fonts: Fonts) -> tuple[int, ...] | None:
    """Where the lines of `para` start (word indices), or None to leave it as it wraps
    (one line, too many words, a line fewer without the measuring's safety margin, or
    no better breaks than the client's)."""
    tokens = _tokens(para, fonts)
    greedy = _greedy(tokens, width, size)
    if greedy is None or len(greedy) < 2 or len(tokens) > MOST_WORDS:
        return None
    loose = _greedy(tokens, width * WIDTH_MARGIN, size)  # without the safety margin
    if loose is not None and len(loose) < len(greedy):
        return None  # a client may show it in a line fewer: breaks would cost that line
    breaks = [i + 1 for i, token in enumerate(tokens[:-1]) if token[4]]
    candidates = [(0, *rest) for rest in combinations(breaks, len(greedy) - 1)]
    fitting = [starts for starts in candidates
               if starts == greedy or max(_lines_of(tokens, starts, size)) <= width]
    if para.bullet is not None or len(greedy) <= EVEN_LINES:
        best = min(fitting, key=lambda starts: (_alone(tokens, starts),
                                                max(_lines_of(tokens, starts, size))))
    elif _alone(tokens, greedy):  # the greedy wrap with a word more on its last line
        best = next((s for s in fitting if s[:-1] == greedy[:-1] and s[-1] == greedy[-1] - 1
                     and s[-1] - s[-2] >= 2), greedy)
    else:
        best = greedy
    return None if best == greedy else best


def broken(para: Para, width: float, size: float, fonts: Fonts) -> Para:
    """`para` with explicit line breaks where chosen_starts puts them (KEPT_BREAK: each
    line but the last keeps the space it broke at, so its text read without the breaks
    is the same)."""
    if any(LINE_BREAK in span.text or KEPT_BREAK in span.text for span in para.spans):
        return para  # broken already (a card's heading)
    starts = chosen_starts(para, width, size, fonts)
    if starts is None:
        return para
    tokens = _tokens(para, fonts)
    texts: list[list[str]] = [[] for _ in para.spans]
    for index, (span, word, _, _, _) in enumerate(tokens):  # a break after a word
        texts[span].append(f"{word}{KEPT_BREAK}" if index + 1 in starts[1:] else word)
    return replace(para, spans=tuple(Span("".join(parts), s.bold, s.italic, s.href)
                                     for s, parts in zip(para.spans, texts, strict=True)))


def frame_width(shape: Any) -> float:
    """The width (points) text has in `shape`'s frame, inside its own insets."""
    frame = shape.text_frame
    return (shape.width - frame.margin_left - frame.margin_right) / EMU_PER_PT


def broken_paras(shape: Any, paras: list[Para], size: float, fonts: Fonts) -> list[Para]:
    """Every paragraph of `shape` at `size` broken as `broken` does (a list item inside
    its hanging indent)."""
    width = frame_width(shape)
    return [broken(p, width - p.indent * p.size_at(size), p.size_at(size), fonts)
            for p in paras]
