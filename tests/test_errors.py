"""An error raised with a problem carries it as data, also across a process boundary."""

from __future__ import annotations

import pickle

from smguide.errors import OutputError, Problem, RenderError, Where


def test_an_error_raised_with_a_problem_keeps_it_across_a_process() -> None:
    problem = Problem.fix(Where("templates: v2/cover.html.j2", 3), "the template is broken",
                          "fix it")
    error = pickle.loads(pickle.dumps(RenderError(problem)))
    assert isinstance(error, RenderError) and error.as_problem() == problem
    assert error.message == "templates: v2/cover.html.j2:3: the template is broken; fix it"


def test_an_error_raised_with_a_line_reads_its_place_back() -> None:
    error = pickle.loads(pickle.dumps(OutputError("out/handbook.pdf: cannot write it")))
    assert error.problem is None and error.message == "out/handbook.pdf: cannot write it"
    assert (error.as_problem().file, error.as_problem().message) == (
        "out/handbook.pdf", "cannot write it")


def test_text_too_long_for_a_slide_keeps_its_problem_and_block_across_a_process() -> None:
    from pathlib import Path

    from smguide.deck.slides import TooLong

    problem = Problem.fix(Where(""), "the title slide: slide 1: the title does not fit",
                          "shorten it")
    error = pickle.loads(pickle.dumps(TooLong(problem, Path("/c/01.yaml"), 2, "detail")))
    assert error.as_problem() == problem and (error.source, error.block) == (
        Path("/c/01.yaml"), 2)
    assert error.message == "the title slide: slide 1: the title does not fit; shorten it"
