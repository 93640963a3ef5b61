"""An error raised with a problem carries it as data, also across a process boundary."""

from __future__ import annotations

import pickle
from pathlib import Path

from smguide.errors import OutputError, Problem, RenderError, Where


def test_an_error_raised_with_a_problem_keeps_it_across_a_process() -> None:
    problem = Problem.fix(Where("templates: v2/cover.html.j2", 3), "the template is broken",
                          "fix it")
    error = pickle.loads(pickle.dumps(RenderError(problem)))
    assert isinstance(error, RenderError) and error.problem == problem
    assert error.message == "templates: v2/cover.html.j2:3: the template is broken; fix it"


def test_an_error_without_a_file_keeps_its_fix_as_data() -> None:
    """An error about no file of the user's (the output, an option, a limit) is a Problem
    too: the fix is a field of it, and the line prints as the message alone."""
    from smguide.io.atomic import check_writable

    try:
        check_writable(Path(__file__).parent)
    except OutputError as caught:
        error = pickle.loads(pickle.dumps(caught))
    assert (error.problem.file, error.problem.line, error.problem.field) == ("", None, None)
    assert error.problem.suggestion == "choose a file name"
    assert error.message == f"cannot write {Path(__file__).parent.resolve()}: it is a folder; " \
        "choose a file name"


def test_text_too_long_for_a_slide_keeps_its_problem_and_block_across_a_process() -> None:
    from smguide.deck.slides import TooLong

    problem = Problem.fix(Where(""), "the title slide: slide 1: the title does not fit",
                          "shorten it")
    error = pickle.loads(pickle.dumps(TooLong(problem, Path("/c/01.yaml"), 2, "detail")))
    assert error.problem == problem and (error.source, error.block) == (
        Path("/c/01.yaml"), 2)
    assert error.message == "the title slide: slide 1: the title does not fit; shorten it"
