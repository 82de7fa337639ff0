"""Phrases of a valid FAQ that the matcher reads alike are named, as warnings, with both sides."""

from __future__ import annotations

import pytest

from lutaq.clashes import Clash, clashes
from lutaq.faq import load_faq, parse_faq
from tests.support import SMALL_FAQ

NEIGHBOURS = """
[[not_about]]
name = "Orchids"
phrases = ["orchid"]

[[not_about]]
name = "Orchid relatives"
phrases = ["{phrase}"]
"""


def _clashes(text: str) -> list[str]:
    return [str(clash) for clash in clashes(parse_faq(text))]


def test_the_bundled_faq_has_no_clashes() -> None:
    assert clashes(load_faq()) == ()


@pytest.mark.parametrize(
    ("synonyms", "expected"),
    [
        (
            'rose = ["roses"]\nflower = ["bloom", "my roses"]',
            "synonyms.flower: 'my roses' reads the same to lutaq as 'rose', a synonym of 'rose'",
        ),
        (
            'rose = ["roses"]\nflower = ["rose\'s"]',
            "synonyms.flower: \"rose's\" reads the same to lutaq as 'rose', a synonym of 'rose'",
        ),
    ],
)
def test_synonym_groups_read_alike_are_named_with_both_phrases(
    synonyms: str, expected: str
) -> None:
    (warning,) = _clashes(f"{SMALL_FAQ}\n[synonyms]\n{synonyms}\n")
    assert warning.startswith(expected), warning


def test_phrases_of_one_group_may_read_alike() -> None:
    assert _clashes(f'{SMALL_FAQ}\n[synonyms]\nrose = ["roses", "my rose", "rose\'s"]\n') == []


def test_a_synonym_read_as_no_words_never_matches() -> None:
    (warning,) = _clashes(f'{SMALL_FAQ}\n[synonyms]\nmine = ["my"]\n')
    assert warning == "synonyms.mine: lutaq reads no word in 'my', so it never matches"


def test_phrasings_of_two_entries_read_alike_are_named() -> None:
    text = SMALL_FAQ.replace('"tomato watering"', '"when should I prune rose"')
    assert _clashes(text) == [
        "entry 'pruning'.question: 'When should I prune roses?' reads the same to lutaq as "
        "'when should I prune rose', a phrasing of entry 'watering': it cannot tell them apart"
    ]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("orchids", "'orchids' reads the same to lutaq as 'orchid', a phrase of 'Orchids'"),
        ("'s", 'lutaq reads no word in "\'s"'),
    ],
)
def test_neighbours_phrases_read_alike_are_named(phrase: str, expected: str) -> None:
    (warning,) = _clashes(SMALL_FAQ + NEIGHBOURS.replace("{phrase}", phrase))
    assert warning.startswith("not_about[2].phrases: "), warning
    assert expected in warning


def test_a_clash_reads_as_its_place_and_message() -> None:
    assert str(Clash("synonyms.rose", "why")) == "synonyms.rose: why"
