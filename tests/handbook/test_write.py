"""The handbook written: each stream made once, the same file byte for byte."""

from __future__ import annotations

import re
from pathlib import Path

import pydyf
import pytest
from pypdf import PdfReader

from smguide.handbook.pdf import write_document

PAGE = """<html lang="en"><head><title>T</title></head><body>
<h1>Streams</h1><p>{text}</p><p style="break-before: page">{text}</p></body></html>"""


@pytest.fixture(scope="module")
def document() -> object:
    from weasyprint import HTML

    return HTML(string=PAGE.format(text="A sentence that fills a line. " * 40)).render()


def test_the_file_is_what_pydyf_writes_with_each_stream_made_twice(document: object,
                                                                   tmp_path: Path) -> None:
    plain = document.write_pdf(  # type: ignore[attr-defined]
        pdf_identifier=True, pdf_variant="pdf/ua-1")
    made = write_document(document, ())
    assert made == plain
    path = tmp_path / "made.pdf"
    path.write_bytes(made)
    reader = PdfReader(path)
    assert len(reader.pages) == 2
    identifier = re.search(rb"/ID \[\((\w+)\) \((\w+)\)\]", made)
    assert identifier is not None and len(identifier.group(1)) == 32


def test_each_stream_is_made_once_and_pydyf_is_left_as_it_was(document: object,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    making = pydyf.Stream.data.fget
    counts: dict[int, int] = {}

    def counted(stream: pydyf.Stream) -> bytes:
        counts[id(stream)] = counts.get(id(stream), 0) + 1
        return making(stream)

    monkeypatch.setattr(pydyf.Stream, "data", property(counted))
    made = write_document(document, ())
    assert counts and max(counts.values()) == 1  # without it: 2 for every stream
    assert pydyf.Stream.data.fget is counted and pydyf.PDF.write.__name__ == "write"
    counts.clear()
    plain = document.write_pdf(  # type: ignore[attr-defined]
        pdf_identifier=True, pdf_variant="pdf/ua-1")
    assert plain == made
    # pydyf alone: every stream made twice but the cross-reference stream (made after the
    # identifier's hash)
    assert sorted(counts.values())[1:] == [2] * (len(counts) - 1)
