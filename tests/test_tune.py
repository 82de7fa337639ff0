"""scripts/tune.py models Matcher.ask's decision from rankings: the model must be the matcher.

The tuner ranks each question once and then tries every threshold, margin and urgent lead on
the rankings, so it restates the decision rule (thresholds, warning signs, question sentences,
a clear lead).
If the two drift apart, the tuner picks constants for a matcher that does not exist.
"""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest

from lutaq.evaluate import load_cases
from lutaq.faq import load_faq
from lutaq.match import CLEAR_LEAD, MARGIN, THRESHOLD, URGENT_LEAD, Matcher
from tests.support import REPO


def _tune() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tune", REPO / "scripts" / "tune.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("threshold", "margin", "lead", "clear"),
    [
        (THRESHOLD, MARGIN, URGENT_LEAD, CLEAR_LEAD),
        (40.0, 2.0, 0.0, 1000.0),  # a clear lead never answers
        (60.0, 8.0, 10.0, 6.0),
    ],
)
def test_the_tuners_model_gives_the_matchers_answer_to_every_question(
    threshold: float, margin: float, lead: float, clear: float
) -> None:
    tune = _tune()
    faq = load_faq()
    # Forum posts (question sentences), symptoms (warning signs), look-alike posts (a story
    # about something else) and the project's own questions to refuse.
    names = ["real-forum.toml", "symptoms.toml", "forum-posts.toml", "lookalike-posts.toml"]
    paths = [REPO / "tests" / "real" / name for name in names]
    paths.append(REPO / "tests" / "questions.toml")
    sets = {
        path.name: [(c.question, c.expect, c.group) for c in load_cases(path, faq)]
        for path in paths
    }
    # The tuner models every rule up to the examples' vote, which runs after them all and has
    # its own constants (EXAMPLE_FLOOR, EXAMPLE_SHARE; scripts/votes.py measures them).
    matcher = Matcher(
        faq,
        threshold=threshold,
        margin=margin,
        urgent_lead=lead,
        clear_lead=clear,
        skip=frozenset({"examples"}),
    )
    rule = tune.Rule(
        threshold, margin, matcher.urgent_threshold, lead, matcher.clear_floor, matcher.clear_lead
    )
    rows = tune.ranked(Matcher(faq, skip=frozenset({"examples"})), sets)
    questions = [question for cases in sets.values() for question, _, _ in cases]
    assert len(rows) == len(questions)
    for row, question in zip(rows, questions, strict=True):
        assert row.answer(rule) == matcher.ask(question).answer_id, question
