"""Normalisation: the same words whatever the typography, on both sides of a comparison."""

from __future__ import annotations

import pytest

from lutaq.text import normalise, questions_in, stem, words


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("What’s the PFS?", "what the pfs"),
        ("WHAT'S the pfs", "what the pfs"),
        ("Lu-177 dotatate", "lu177 dotatate"),
        ("lu177 dotatate", "lu177 dotatate"),
        ("NETTER-1", "netter1"),
        ("progression–free   survival", "progression free survival"),
        ("“Lutathera success”", "lutathera success"),
        ("Café naïve", "cafe naive"),
        ("ＦＵＬＬＷＩＤＴＨ", "fullwidth"),
        ("can’t work", "can not work"),
        ("doesnt it work", "does not it work"),
        ("hw long r the side effects", "how long are the side effects"),
        ("how many yrs", "how many years"),
        ("ill or well", "ill or well"),
        ("how long dose it last", "how long does it last"),
        ("dose it hurt", "does it hurt"),
        ("how do they dose it", "how do they dose it"),
        ("the dose that i receive", "the dose that i receive"),
        ("", ""),
        ("?!…", ""),
    ],
)
def test_normalise_folds_typography(typed: str, expected: str) -> None:
    assert normalise(typed) == expected


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("effects", "effect"),
        ("causes", "cause"),
        ("improved", "improves"),
        ("doses", "dose"),
        ("working", "work"),
        ("taking", "take"),
        ("stopped", "stop"),
        ("toxicities", "toxicity"),
        ("patients", "patient"),
    ],
)
def test_stem_joins_word_forms(one: str, other: str) -> None:
    assert stem(one) == stem(other)


@pytest.mark.parametrize("word", ["status", "pfs", "os", "netter1", "177lu"])
def test_stem_leaves_words_that_only_look_plural(word: str) -> None:
    assert stem(word) == word


def test_words_keeps_order() -> None:
    assert words("How long does it work?") == ["how", "long", "does", "it", "work"]


def test_the_english_table_is_whole_and_ordered() -> None:
    """src/lutaq/english.txt is written by scripts/build_english.py; it must stay readable."""
    from lutaq.english import TABLE, zipf

    rows = TABLE.read_text(encoding="utf-8").splitlines()
    tenths = [int(row.split(" ", 1)[0]) for row in rows]
    assert tenths == sorted(tenths)
    assert len(" ".join(rows).split()) - len(rows) > 20_000
    assert zipf("tonight") > zipf("blanket") > zipf("thermostat") > 0.0
    assert zipf("pluvicto") == 0.0


@pytest.mark.parametrize(
    ("text", "questions"),
    [
        ("what is prrt? just been told its next", ["what is prrt?"]),
        ("one sentence only?", []),
        # Abbreviations end with a dot and a space, but not a sentence.
        (
            "what did it show vs. octreotide alone? just curious",
            ["what did it show vs. octreotide alone?"],
        ),
        # Decimal points have no space after them.
        ("temp of 38.4 tonight. should we call？", ["should we call?"]),
        ("dad is poorly.\nwho do we ring?!", ["who do we ring?!"]),
        # Forum posts often ask without a question mark: a sentence opening as a question.
        (
            "Im a teacher. How long before I can go back to work. Thanks all",
            ["How long before I can go back to work."],
        ),
        ("It is a long story. Dad is 80. Is that too old", ["Is that too old"]),
        ("New here. Whats the point of it. Thanks", ["Whats the point of it."]),
        # A question word alone opens statements too.
        ("When we got home she was fine. Thanks all", []),
        ("What a week. Dad is tired", []),
        ("Will is my husband. He had PRRT", []),
        ("Do not know where to start. Dad had PRRT", []),
        ("Can't stop worrying. Dad had PRRT", []),
    ],
)
def test_question_sentences_of_a_post(text: str, questions: list[str]) -> None:
    assert questions_in(text) == questions
