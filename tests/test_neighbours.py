"""Questions about other treatments are refused, and say which subject they are about."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from lutaq.cli import ExitCode, app
from lutaq.faq import FaqError, load_faq, parse_faq
from lutaq.match import Matcher
from tests.support import SMALL_FAQ


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_faq())


@pytest.mark.parametrize(
    ("question", "other"),
    [
        ("pluvicto side effects", "Pluvicto"),
        ("how long does lu-177 psma keep working", "Pluvicto"),
        ("lutetium psma-617 half life", "Pluvicto"),
        ("Lu177-PSMA and my grandchildren", "Pluvicto"),
        ("radioactive iodine and pregnancy", "Radioactive iodine"),
        ("is xofigo safe around kids", "Xofigo"),
        ("MIBG therapy travel card", "Azedra"),
        ("how is CAPTEM given", "CAPTEM"),
        ("everolimus mouth ulcers", "Everolimus"),
        ("sunitinib cost with insurance", "Sunitinib"),
        ("hair loss on chemo", "Chemotherapy"),
        ("external beam radiotherapy side effects", "External-beam"),
        ("how long does a detectnet scan take", "Detectnet"),
        # Lutathera named only to compare (match.COMPARED): the question is about the other.
        ("how many sessions of external beam radiotherapy, same as prrt?", "External-beam"),
        ("after my gallium pet do I avoid the grandkids like people do after lutathera", "Ga-68"),
        # Pluvicto named twice: "lutetium" elsewhere in the post is its isotope too.
        (
            "my dad starts pluvicto for his prostate next month, how long is he radioactive for?"
            " asking here as you all know lutetium best",
            "Pluvicto",
        ),
    ],
)
def test_questions_about_another_treatment_are_refused_as_such(
    matcher: Matcher, question: str, other: str
) -> None:
    result = matcher.ask(question)
    assert result.answer is None
    assert result.other is not None, result.reason
    assert other in result.other.name
    assert result.suggestions(3) == ()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("can I have PRRT after everolimus", None),  # names Lutathera: matched as usual
        ("is lutathera a kind of chemotherapy", None),
        ("what is the half life of lutetium", "how-it-works"),
        ("lutathera side effects", "side-effects"),
        # "like" alone is no comparison: this asks about Lutathera.
        ("I'd like to know if lutathera is ok after everolimus", None),
        # Pluvicto's disease named once, apart from "lutetium": asks about Lutathera.
        ("does lutetium for a NET cause a dry mouth, or is that only in prostate patients", None),
    ],
)
def test_a_question_naming_lutathera_is_matched_as_usual(
    matcher: Matcher, question: str, expected: str | None
) -> None:
    result = matcher.ask(question)
    assert result.other is None
    if expected is not None:
        assert result.answer_id == expected


def test_refusal_names_the_other_treatment_and_the_care_team() -> None:
    result = CliRunner().invoke(app, ["ask", "pluvicto side effects"])
    assert result.exit_code == ExitCode.NO_MATCH, result.output
    assert "this FAQ answers questions about Lutathera" in result.stderr
    assert "Pluvicto (lutetium Lu 177 vipivotide tetraxetan) is a different medicine" in (
        result.stderr
    )
    assert "Ask your care team about it." in result.stderr
    assert "Did you mean" not in result.stderr


def test_json_names_the_other_subject() -> None:
    result = CliRunner().invoke(app, ["ask", "--json", "radioactive iodine side effects"])
    data = json.loads(result.stdout)
    assert data["id"] is None
    assert data["not_about"] == "Radioactive iodine"
    assert data["alternatives"] == []
    answered = json.loads(CliRunner().invoke(app, ["ask", "--json", "side effects"]).stdout)
    assert answered["not_about"] is None


NEIGHBOUR = """
[[not_about]]
name = "Orchids"
kind = "plant"
phrases = ["orchid", "phalaenopsis"]
"""


def test_a_faq_names_what_it_is_not_about() -> None:
    faq = parse_faq(SMALL_FAQ.replace("[meta]", '[meta]\nsubject = "tomatoes"', 1) + NEIGHBOUR)
    assert faq.about == "tomatoes"
    result = Matcher(faq).ask("how often should I water my orchid")
    assert result.other is not None
    assert (result.other.name, result.other.kind) == ("Orchids", "plant")
    assert Matcher(faq).ask("how often should I water tomatoes").answer_id == "watering"


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ('[[not_about]]\nkind = "plant"\nphrases = ["orchid"]', "not_about[1].name: missing"),
        ('[[not_about]]\nname = "Orchids"', "not_about[1].phrases: missing"),
        ('[[not_about]]\nname = "Orchids"\nphrases = "orchid"', "must be a list of strings"),
        ('[[not_about]]\nname = "Orchids"\nphrases = ["  "]', "at least one phrase"),
        ('[[not_about]]\nname = "O"\nphrases = ["x"]\ncolour = 1', "not_about[1].colour: unknown"),
        ("not_about = 3", "must be an array of tables"),
        ('[[not_about]]\nname = "O"\nphrases = ["orchid"]\nunless = "pot"', "must be a list"),
        (
            '[[not_about]]\nname = "O"\nphrases = ["orchid"]\nunless = ["pot", 2]',
            "not_about[1].unless: must be a list of strings; item 2 is a number",
        ),
        (
            '[[not_about]]\nname = "O"\nphrases = ["orchid"]\nunless = ["pot", " ? "]',
            "not_about[1].unless: each phrase must have a word in it",
        ),
        (
            '[[not_about]]\nname = "O"\nphrases = ["orchid"]\nunless = ["pot", "Pot!"]',
            "not_about[1].unless: lists 'Pot!' twice",
        ),
        (
            '[[not_about]]\nname = "O"\nphrases = ["orchid"]\nunless = ["Orchid"]',
            "'Orchid' is also one of its phrases, so it would refuse nothing",
        ),
        (
            '[[not_about]]\nname = "O"\nphrases = ["orchid"]\nunles = ["pot"]',
            "not_about[1].unles: unknown key (expected kind, name, phrases, unless)",
        ),
        (
            '[[not_about]]\nname = "A"\nphrases = ["orchid"]\n'
            '[[not_about]]\nname = "B"\nphrases = ["Orchid"]',
            "'Orchid' already names 'A'",
        ),
    ],
)
def test_not_about_is_validated(block: str, expected: str) -> None:
    text = block + "\n" + SMALL_FAQ if block.startswith("not_about =") else SMALL_FAQ + block
    with pytest.raises(FaqError) as caught:
        parse_faq(text, origin="my.toml")
    problems = [str(problem) for problem in caught.value.problems]
    assert any(expected in problem for problem in problems), problems


SANDOSTATIN = """
[[not_about]]
name = "Sandostatin or Somatuline on their own"
kind = "treatment"
phrases = ["sandostatin", "octreotide", "somatuline", "lanreotide"]
unless = ["cycle", "infusion", "stop", "between"]
"""


def test_a_neighbour_may_list_phrases_that_tie_a_question_back_to_the_faq() -> None:
    (neighbour,) = parse_faq(SMALL_FAQ + SANDOSTATIN).not_about
    assert neighbour.phrases == ("sandostatin", "octreotide", "somatuline", "lanreotide")
    assert neighbour.unless == ("cycle", "infusion", "stop", "between")


@pytest.mark.parametrize("unless", ["", "unless = []\n"])
def test_unless_is_optional(unless: str) -> None:
    (neighbour,) = parse_faq(SMALL_FAQ + NEIGHBOUR + unless).not_about
    assert neighbour.unless == ()


def test_two_neighbours_may_share_an_unless_phrase() -> None:
    other = SANDOSTATIN.replace("Sandostatin or", "Other").replace(
        '["sandostatin", "octreotide", "somatuline", "lanreotide"]', '["everolimus"]'
    )
    assert len(parse_faq(SMALL_FAQ + SANDOSTATIN + other).not_about) == 2


def test_a_neighbours_name_is_never_split_or_corrected_into_faq_words(matcher: Matcher) -> None:
    """ "prostate" once read as "pros" + "stat": Lutathera's trial results, "Match: strong"."""
    result = matcher.ask("lutathera for my prostate")
    assert result.answer_id != "trial-results"
    (term,) = matcher.analyzer.terms("prostate", correct=True)
    assert term.how == "exact"


def test_lutathera_beside_a_neighbours_name_still_names_lutathera(matcher: Matcher) -> None:
    assert matcher.ask("lutathera pluvicto difference").other is None
    assert matcher.ask("lu-177 psma side effects").other is not None
    # Pluvicto's whole name: three isotope words before its own.
    pluvicto = matcher.ask("How does lutetium Lu 177 vipivotide tetraxetan work?")
    assert pluvicto.other is not None
    assert pluvicto.other.name.startswith("Pluvicto")


@pytest.mark.parametrize(
    "question", ["is lu-177 chemo", "is lu177 a chemo", "lutetium chemo or not"]
)
def test_lutetium_beside_a_neighbour_not_named_with_it_still_names_lutathera(
    matcher: Matcher, question: str
) -> None:
    """Only Pluvicto's name holds lutetium: beside "chemo", "Lu-177" is Lutathera."""
    result = matcher.ask(question)
    assert result.other is None, result.reason
    assert result.answer_id == "how-it-works"


def test_a_neighbour_excused_by_unless_does_not_hide_the_subjects_name(matcher: Matcher) -> None:
    # "radiotherapy" is external-beam radiotherapy's phrase, but "internal" excuses it: then
    # "internal radiotherapy" still names Lutathera, and the octreotide beside it is its story.
    result = matcher.ask(
        "Will I get a long-acting octreotide injection after each internal radiotherapy dose?"
    )
    assert result.other is None, result.reason
    assert result.answer_id == "how-given"


def test_a_number_alone_is_not_a_question(matcher: Matcher) -> None:
    result = matcher.ask("3")
    assert (result.answer, result.code) == (None, "no_words")


@pytest.mark.parametrize(
    "question",
    [
        "what are the side effects of sandostatin",
        "does lanreotide make your hair thin",
        "how should I get ready for a gallium 68 pet scan",
        "how many radiotherapy sessions will I need for my bone pain",
    ],
)
def test_a_neighbour_on_its_own_is_refused(matcher: Matcher, question: str) -> None:
    result = matcher.ask(question)
    assert result.code == "other_subject", result.reason


@pytest.mark.parametrize(
    "question",
    [
        # Each names a neighbour, and an `unless` word that ties it back to Lutathera.
        "do I stop my octreotide injections before the infusion",
        "what is internal radiotherapy",
        "does my tumour need to light up on the gallium scan",
    ],
)
def test_unless_ties_a_neighbours_question_back_to_the_faq(matcher: Matcher, question: str) -> None:
    result = matcher.ask(question)
    assert result.other is None, result.reason
    assert result.answer is not None, result.reason


@pytest.mark.parametrize(
    "question",
    [
        "my wife starts everolimus next week, and PRRT might come later. how bad are the ulcers?",
        "dad is on lanreotide, maybe lutathera one day. does the injection hurt",
        "booked for CAPTEM, with PRRT down the line if it fails - what are the side effects",
    ],
)
def test_the_subject_named_only_as_a_maybe_leaves_the_post_about_the_neighbour(
    matcher: Matcher, question: str
) -> None:
    result = matcher.ask(question)
    assert result.code == "other_subject", result.reason


@pytest.mark.parametrize(
    "question",
    [
        # A question may hedge and still ask about the subject; another clause may name it.
        "might PRRT help after everolimus stops working?",
        "she is on everolimus now, maybe prrt later. what are the side effects of PRRT?",
    ],
)
def test_a_hedged_question_about_the_subject_is_still_about_it(
    matcher: Matcher, question: str
) -> None:
    result = matcher.ask(question)
    assert result.other is None, result.reason
    assert result.answer is not None, result.reason
