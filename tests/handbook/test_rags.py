"""A paragraph's last lines set again after layout (handbook/rags.py): fewer lone last
words and tie notches, within the spacing a proofreader accepts, with every paragraph
keeping its lines and pages."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from smguide.handbook.rags import (
    NARROWER,
    SETTINGS,
    SHY,
    Body,
    Set,
    _unchanged,
    _whole,
    candidates,
    edited,
    edited_as_kept,
    even_rags,
    paragraphs,
)

TEXT = ("Sales and marketing work together, and each team needs the other to do its "
        f"own job well: the com{SHY}pany earns its living when both of them do their "
        "part, and everyone tells the two teams apart after a few introductions.")


def _html(widths: list[float], numbered: bool = True) -> str:
    """Paragraphs of TEXT in columns of the `widths` (mm), each numbered (so its text is
    its own) unless not `numbered`."""
    blocks = "".join(f'<div style="width: {w:.1f}mm"><p>{f"{n}. " if numbered else ""}'
                     f"{TEXT}</p></div>" for n, w in enumerate(widths))
    return (f'<html lang="en"><head><style>@page {{ size: 120mm 260mm; margin: 10mm; }}'
            f"body {{ font: 10pt/1.4 sans-serif; }} p {{ margin: 0 0 3pt; }}</style></head>"
            f"<body>{blocks}</body></html>")


def _render(markup: str) -> Any:
    from weasyprint import HTML

    return HTML(string=markup).render()


def test_lone_last_words_are_set_again_within_the_limits() -> None:
    html = _html([62 + 0.6 * n for n in range(36)])
    document = _render(html)
    before = paragraphs(document)
    assert sum(p.faults for p in before) >= 4, [p.lines[-1] for p in before]

    after_document, markup, edits = even_rags(document, html, _render)
    after = paragraphs(after_document)
    assert sum(p.faults for p in after) < sum(p.faults for p in before)
    # the pages as they were: every paragraph keeps its lines on its pages
    assert [p.pages for p in after] == [p.pages for p in before]
    # the text as it was: only its spacing changed (and a word's soft hyphens)
    plain = re.sub(r' style="(?:word-spacing|padding-right)[^"]*"', "", markup)
    assert plain.replace(SHY, "") == html.replace(SHY, "")
    widest = max(SETTINGS)
    for words, letters in re.findall(
            r'style="word-spacing: ([\d.]+)em(?:; letter-spacing: ([\d.]+)em)?"', markup):
        assert 0 < float(words) <= widest[0] and float(letters or 0) <= widest[1]
    for narrower in re.findall(r'style="padding-right: ([\d.]+)em"', markup):
        assert 0 < float(narrower) <= max(NARROWER)
    assert edited_as_kept(html, edits) == markup  # as a kept layout has them again
    for paragraph in after:  # no hyphen ends a line before a paragraph's last
        assert not paragraph.lines[-2].endswith("-"), paragraph.lines


def test_a_document_with_no_faulty_paragraph_is_kept_as_it_is() -> None:
    html = _html([200])
    document = _render(html)
    assert all(p.faults == 0 for p in paragraphs(document))
    assert even_rags(document, html, _render) == (document, html, [])


def test_a_paragraph_is_found_in_the_html_by_its_text_and_edited_there() -> None:
    html = _html([70, 90], numbered=False)
    found = paragraphs(_render(html))
    body = Body(html)
    # the same text twice: neither is found (it would be set in the wrong place)
    assert [body.start_tag(p) for p in found] == [None, None]
    html = html.replace(TEXT, TEXT.replace("Sales", "Marketing"), 1)
    first = paragraphs(_render(html))[0]
    at = Body(html).start_tag(first)
    assert at is not None and html[at:].startswith("<p>Marketing")
    markup = edited(html, {at: ((0.0128, 0.0025, False, 0.0, False), first)})
    assert markup[at:].startswith('<p style="word-spacing: 0.0128em; letter-spacing: '
                                  '0.0025em">Marketing')


def test_a_setting_that_breaks_the_word_before_the_last_line_is_tried_with_it_whole() -> None:
    """A wider setting that takes a lone last word's fault away but ends the line before
    the last in a hyphen ("meis-" / "ten zurückkehren.") is tried again with that word
    kept whole, as is one that breaks a word where the rag does not need it (raglines.py
    gives those words: `Set.faulty`); one that does not end better is not."""
    first = Set("t", "p", ("das Glossar sind die Seiten, zu denen die meisten immer wieder",
                           "zurückkehren."), (3, 3), 1, False)
    now = Set("t", "p", (f"das Glossar sind die Seiten, zu denen die meis{SHY}\u2010",
                         "ten immer wieder zurückkehren."), (3, 3), 0, True)
    assert _whole(now, first, first) == f"meis{SHY}ten"
    assert _whole(Set("t", "p", now.lines, (3, 3), 1, True), first, first) is None
    assert _whole(Set("t", "p", now.lines, (3, 4), 0, True), first, first) is None
    # a narrower setting that pushes the word before a lone last word down but breaks a
    # word where the rag does not need it ("an Ver-"): tried again with that word whole
    lone = Set("t", "p", (f"Welche Information könnte Ihr Team an Ver{SHY}trieb",
                          "oder Marketing weitergeben, und was möchten Sie von dort",
                          "erfahren?"), (26, 26, 26), 1, False)
    narrower = Set("t", "p", (f"Welche Information könnte Ihr Team an Ver{SHY}\u2010",
                              "trieb oder Marketing weitergeben, und was möchten Sie von",
                              "dort erfahren?"), (26, 26, 26), 0, True,
                   faulty=(f"Ver{SHY}trieb",))
    assert _whole(narrower, lone, lone) == f"Ver{SHY}trieb"
    html = f"<p>zu denen die meis{SHY}ten im{SHY}mer wie{SHY}der zu{SHY}rück{SHY}keh{SHY}ren.</p>"
    both = edited(html, {0: ((0.0, 0.0, False, 0.0, False), Set("t", "p", (), (), 0, False,
                                                   ending=f"meis{SHY}ten wie{SHY}der"))})
    assert both == f"<p>zu denen die meisten im{SHY}mer wieder zu{SHY}rück{SHY}keh{SHY}ren.</p>"


def test_with_uneven_set_no_paragraph_is_set_again_and_no_layout_kept_is_shared(
        monkeypatch) -> None:  # noqa: ANN001
    from smguide.handbook import pdf
    from smguide.handbook.rags import UNEVEN

    html = _html([62 + 0.6 * n for n in range(36)])
    document = _render(html)
    assert sum(p.faults for p in paragraphs(document)) >= 4
    code = pdf.layout_code.__wrapped__()
    monkeypatch.setenv(UNEVEN, "1")  # bench/bench.py measures what setting them costs
    assert even_rags(document, html, _render) == (document, html, [])
    assert pdf.layout_code.__wrapped__() != code  # its layouts kept under keys of their own


def test_a_paragraph_is_set_narrower_where_spacing_cannot_push_its_word_down() -> None:
    """A lone last word whose line before has more room than the widest spacing takes up:
    the paragraph is tried narrower, from the lightest NARROWER that leaves that line too
    little room, then the widest spacing; a notch (the tie's pair kept off the line
    before) tries every NARROWER."""
    lone = Set("t", "p", ("a", "b"), (0, 0), 1, False, slack=20.0, spaces=8, letters=60,
               size=14.0)
    assert [edit[3] for edit in candidates(lone)] == [1.5, 2.0, 0.0, 0.0]
    assert candidates(lone)[2][:2] == SETTINGS[-1]  # the widest spacing
    # then its last two words tied (a body paragraph: "into introductions.")
    assert candidates(lone)[-1] == (0.0, 0.0, False, 0.0, True)
    long_pair = Set("t", "p", ("a word", "responsibilities."), (0, 0), 1, False, slack=20.0,
                    spaces=8, letters=60, size=14.0)
    assert not any(edit[4] for edit in candidates(long_pair))  # 22 characters: no tie
    notched = Set("t", "p", ("a", "b"), (0, 0), 1, False, slack=90.0, spaces=8, letters=60,
                  size=14.0, notched=True)
    assert [edit[3] for edit in candidates(notched)] == list(NARROWER)
    html = "<p>Ein Absatz.</p>"
    assert edited(html, {0: ((0.0, 0.0, False, 1.5, False), lone)}) == (
        '<p style="padding-right: 1.5em">Ein Absatz.</p>')
    assert edited(html, {0: ((0.0128, 0.0, False, 0.5, False), lone)}) == (
        '<p style="word-spacing: 0.0128em; padding-right: 0.5em">Ein Absatz.</p>')


def test_a_smaller_item_ending_on_one_word_has_its_last_two_words_tied() -> None:
    """An item set smaller than the body (a role card's, a table's cell) whose last line
    is one word gets its last two words tied when that leaves the line before them
    unnotched; its lines, and every paragraph's pages, as they were."""
    items = "".join(f'<li style="width: {58 + 1.3 * n:.1f}mm">{n}. Presenting and promoting '
                    "products to individual buyers</li>" for n in range(16))
    html = _html([80 + 2 * n for n in range(20)]).replace(  # the body text at 10 pt
        "</body>", f'<ul style="font-size: 8pt">{items}</ul></body>')
    document = _render(html)
    before = {p.text: p for p in paragraphs(document) if p.tag == "li"}
    lone = {t for t, p in before.items() if len(p.lines) > 1 and len(p.lines[-1].split()) == 1}
    assert len(lone) >= 2, [p.lines for p in before.values()]

    after_document, markup, edits = even_rags(document, html, _render)
    after = {p.text: p for p in paragraphs(after_document) if p.tag == "li"}
    tied = {t for t in lone if len(after[t].lines[-1].split()) == 2}
    assert tied and all(len(after[t].lines) == len(before[t].lines) for t in tied)
    assert all(not after[t].notched for t in tied), [after[t].lines for t in tied]
    assert markup.count("individual\u00a0buyers") == len(tied)  # a no-break space, no style
    assert [p.pages for p in paragraphs(after_document)] == [
        p.pages for p in paragraphs(document)]
    assert edited_as_kept(html, edits) == markup


def test_a_setting_that_leaves_every_line_room_keeps_the_lines_and_is_not_laid_out(
        monkeypatch) -> None:  # noqa: ANN001
    """A setting that widens no line of a paragraph past its measure (`_unchanged`: the
    em taken off its measure, its spacing, within what each line leaves) keeps the lines
    as they were: the paragraph set so comes out as it was, so it is not tried. The
    paragraphs come out of even_rags as when every setting is laid out, with fewer
    layouts."""
    from smguide.handbook import rags

    html = _html([62 + 0.6 * n for n in range(36)])
    document = _render(html)
    body = Body(html)
    found = [p for p in paragraphs(document) if p.faults and body.start_tag(p) is not None]
    predicted = changed = 0
    for paragraph in found:
        at = body.start_tag(paragraph)
        assert at is not None
        for edit in (*((0.0, 0.0, False, em, False) for em in NARROWER),
                     *((w, t, False, 0.0, False) for w, t in SETTINGS)):
            lines = next(p.lines for p in paragraphs(_render(edited(
                html, {at: (edit, paragraph)}))) if p.text == paragraph.text)
            if _unchanged(edit, paragraph, paragraph):
                predicted += 1
                assert lines == paragraph.lines, (edit, paragraph.lines, paragraph.rooms)
            changed += lines != paragraph.lines
    assert predicted and changed  # some settings keep the lines, others change them
    tight = replace(found[0], rooms=tuple(0.5 for _ in found[0].lines))
    assert not _unchanged((0.0, 0.0, False, 0.5, False), tight, tight)
    assert not _unchanged((0.0, 0.0, False, 0.0, True), found[0], found[0])  # a tie

    counted: list[str] = []

    def render(markup: str) -> Any:
        counted.append(markup)
        return _render(markup)

    document = _render(html)
    skipped = even_rags(document, html, render)
    counted.clear()
    monkeypatch.setattr(rags, "_unchanged", lambda *_: False)
    every = even_rags(document, html, render)
    assert skipped[1:] == every[1:] and skipped[1] != html
    assert [p.lines for p in paragraphs(skipped[0])] == [p.lines for p in paragraphs(every[0])]
    monkeypatch.undo()
    # a long last word under a short line: no setting within the limits moves a word
    short = _html([45]).replace(TEXT, "Our shared responsibilities.")
    document = _render(short)
    lone = paragraphs(document)[0]
    assert lone.faults and lone.lines[-1] == "responsibilities.", lone.lines
    counted.clear()
    assert even_rags(document, short, render) == (document, short, [])
    laid = len(counted)
    monkeypatch.setattr(rags, "_unchanged", lambda *_: False)
    counted.clear()
    assert even_rags(document, short, render)[1:] == (short, [])
    assert laid < len(counted), (laid, len(counted))
