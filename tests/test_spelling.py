"""The FAQ file's own normal form: case, Unicode variants and punctuation, never word endings."""

from __future__ import annotations

import pytest

from lutaq.spelling import spelling


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("What\u2019s  a \uff30\uff32\uff32\uff34-scan?", "what s a prrt scan"),
        ("don\u02bct", "don t"),  # a modifier letter apostrophe is a letter to Unicode
        ("Lu\u2212177", "lu 177"),  # a minus sign is a maths symbol to Unicode
        ("Stra\u00dfe", "strasse"),
        ("\ufb01ne", "fine"),
        ("e\u0301t\u00e9", "\u00e9t\u00e9"),  # accents are kept, composed
        ("tab\there\u200b", "tab here"),
        ("c++ at 5\u00b0", "c++ at 5\u00b0"),  # symbols are not punctuation ("%" is)
        ("???", ""),
    ],
)
def test_spelling_sets_aside_case_unicode_variants_and_punctuation(
    typed: str, expected: str
) -> None:
    assert spelling(typed) == expected


@pytest.mark.parametrize(("one", "other"), [("roses", "rose"), ("whats", "what's"), ("my", "")])
def test_spelling_keeps_what_only_the_matcher_sets_aside(one: str, other: str) -> None:
    assert spelling(one) != spelling(other)
