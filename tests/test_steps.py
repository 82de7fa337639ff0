"""Reading steps: each can be switched off, and without it the text reads as it should not.

The default pipeline skips nothing; that it is unchanged by naming its steps is what
tests/test_golden.py holds (every labelled answer, byte for byte). bench/steps.py measures
what each step saves on the labelled sets.
"""

from __future__ import annotations

import functools

import pytest

from lutaq.analysis import Analyzer
from lutaq.faq import load_faq
from lutaq.match import Matcher
from lutaq.steps import NAMES, STEPS
from lutaq.text import words


@functools.cache
def _analyzer(skip: frozenset[str] = frozenset()) -> Analyzer:
    return Matcher(load_faq(), skip=skip).analyzer


def _read(question: str, skip: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """A question's terms as (typed, how): what a step changes."""
    return [(term.typed, term.how) for term in _analyzer(skip).terms(question, correct=True)]


def test_every_step_has_one_name_and_says_in_one_line_what_it_does() -> None:
    assert len(NAMES) == len(STEPS)
    for step in STEPS:
        assert step.name.isidentifier(), step
        assert step.does.endswith("."), step
        assert "\n" not in step.does, step


def test_a_misspelt_step_is_refused_rather_than_testing_nothing() -> None:
    with pytest.raises(ValueError, match="no reading step typo;"):
        Analyzer([], {}, skip=frozenset({"typo"}))


# (step, text, its words, and its words without the step: None for the text as typed)
WORD_CASES = [
    ("contractions", "it'll work", ["it", "will", "work"], ["itll", "work"]),
    ("hyphens", "NETTER-1 results", ["netter1", "results"], ["netter", "1", "results"]),
    ("dose", "how long dose it last", ["how", "long", "does", "it", "last"], None),
    ("shorthand", "hw long r u", ["how", "long", "are", "you"], ["hw", "long", "r", "u"]),
]


@pytest.mark.parametrize(("step", "text", "read", "without"), WORD_CASES)
def test_a_word_step_switched_off(
    step: str, text: str, read: list[str], without: list[str] | None
) -> None:
    assert words(text) == words(text, skip=frozenset()) == read
    assert words(text, skip=frozenset({step})) == (without or text.split())


# (step, question, a term (typed, how) read only with the step, one read only without it)
ANALYSIS_CASES = [
    # Without dropping "my mother", "should ... get" is no longer the phrase it is.
    ("whose", "should my mother get lutathera", ("should get", "synonym"), None),
    # Without it, a daughter's pregnancy is read as the patient's own.
    ("whose", "my daughter is pregnant", ("someone pregnant", "synonym"), ("pregnant", "exact")),
    # Without dropping "actually", "who ... makes" is no longer the phrase it is.
    ("filler", "who actually makes lutathera", ("who makes", "synonym"), ("makes", "exact")),
    ("typos", "sied effects", ("sied effects", "synonym"), ("sied", "unknown")),
    ("split", "sideeffects", ("sideeffects", "synonym"), ("sideeffects", "unknown")),
    ("synonyms", "what is pfs", ("pfs", "synonym"), ("pfs", "exact")),
    ("phrase_typos", "adverse evnts", ("adverse evnts", "synonym"), ("evnts", "unknown")),
    (
        "compose",
        "how does radioligand therapy work",
        ("how does radioligand therapy work", "synonym"),
        ("radioligand therapy", "synonym"),
    ),
    ("stop_words", "what does it explain", None, ("what", "exact")),
    # A word step reaches questions through the Analyzer too.
    ("contractions", "who'll give it", None, ("wholl", "unknown")),
]


@pytest.mark.parametrize(("step", "question", "only_with", "only_without"), ANALYSIS_CASES)
def test_a_reading_step_switched_off(
    step: str,
    question: str,
    only_with: tuple[str, str] | None,
    only_without: tuple[str, str] | None,
) -> None:
    default, skipped = _read(question), _read(question, frozenset({step}))
    assert default == _read(question, frozenset())
    if only_with is not None:
        assert only_with in default
        assert only_with not in skipped
    if only_without is not None:
        assert only_without in skipped
        assert only_without not in default


def test_the_sentences_step_switched_off() -> None:
    # A story, then the question: the question sentence weighs more than the story.
    question = (
        "booked in for lu-177 on the 3rd, work are being difficult and my manager keeps asking "
        "for dates. how long does each session take?"
    )
    faq = load_faq()
    assert Matcher(faq).ask(question).answer_id == "how-given"
    assert Matcher(faq, skip=frozenset({"sentences"})).ask(question).answer is None


def test_every_step_has_a_test_that_switches_it_off() -> None:
    # "examples": test_examples.py, test_a_close_call_is_answered_by_the_entry_the_examples_vote...
    tested = {case[0] for case in [*WORD_CASES, *ANALYSIS_CASES]} | {"sentences", "examples"}
    assert tested == NAMES
