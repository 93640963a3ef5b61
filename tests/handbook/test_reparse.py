"""layouts.reparsed: markup that differs from the last parsed only inside paragraphs (as
rags.py sets them again) parsed from it, paragraph by paragraph, to the same tree as a
parse of the whole; any other change parsed whole."""

from __future__ import annotations

from xml.etree import ElementTree

from smguide.handbook.engine import import_weasyprint
from smguide.handbook.layouts import reparsed

OLD = ("<!DOCTYPE html><html><head><title>t</title></head><body>\n"
       '<section class="chapter" id="a"><div class="block"><p>One two\u00adthree four.</p>\n'
       "  </div><ul><li><p>An item</p> with more words.</li><li>Next</li></ul>\n"
       "<table><tbody><tr><td>A cell of words</td><td>Another</td></tr></tbody></table>\n"
       "<p>Last <em>words</em> here.</p></section></body></html>")


def parsed(markup: str) -> object:
    import_weasyprint()
    from weasyprint import HTML

    return HTML(string=markup)


def serialized(html: object) -> str:
    return ElementTree.tostring(html.etree_element, encoding="unicode")  # type: ignore[attr-defined]


def test_paragraphs_set_again_parse_as_whole() -> None:
    new = (OLD.replace("<p>One two\u00adthree four.</p>",
                       '<p style="word-spacing: 0.0256em">One twothree\u00a0four.</p>')
           .replace("with more words.</li>", "with more\u00a0words.</li>")
           .replace("<td>A cell of words", '<td style="padding-right: 1em">A cell of\u00a0words')
           .replace("<p>Last <em>words</em> here.",
                    '<p style="x: 1">Last <em>words</em>\u00a0here.'))
    old = parsed(OLD)
    again = reparsed(OLD, old, new)
    assert again is not None
    assert serialized(again) == serialized(parsed(new))
    assert serialized(old) == serialized(parsed(OLD))  # the old tree as it was


def test_other_changes_parse_whole() -> None:
    old = parsed(OLD)
    moved = OLD.replace("<div class=\"block\">", "<div class=\"block\"><h2>New</h2>")
    assert reparsed(OLD, old, moved) is None  # an element more, outside the paragraphs
    tailed = OLD.replace("</p>\n  </div>", "</p>\n  more </div>")
    assert reparsed(OLD, old, tailed) is None  # a paragraph's tail
    assert reparsed(OLD, old, OLD.replace("<title>t", "<title>u")) is None  # the head
    assert reparsed(OLD, old, OLD.replace("<li>Next</li>", "<li>Next</li><li>3</li>")) is None
