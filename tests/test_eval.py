"""`lutaq eval` and `ask --explain`: the matcher's targets, measured the way FAQ authors will."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lutaq.cli import ExitCode, app
from tests.support import REPO, SHARED

OWN_QUESTIONS = REPO / "tests" / "questions.toml"
TUNING_QUESTIONS = REPO / "tests" / "tuning.toml"
PUBLIC_QUESTIONS = SHARED / "eval" / "public.toml"
REAL_DEV = SHARED / "eval" / "real-dev.toml"


def _eval(runner: CliRunner, path: Path) -> dict[str, float]:
    result = runner.invoke(app, ["eval", str(path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    return {group: counts["accuracy"] for group, counts in report["groups"].items()}


def test_own_questions_meet_the_targets_for_unseen_questions(runner: CliRunner) -> None:
    accuracy = _eval(runner, OWN_QUESTIONS)
    assert accuracy["in"] >= 0.95
    assert accuracy["oos"] >= 0.95
    assert accuracy["hard"] >= 0.70


def test_questions_written_blind_do_not_regress(runner: CliRunner) -> None:
    # Floors a little under what was measured (94.7% / 98.4% / 85.2% with the 23-entry FAQ;
    # the seven entries of 2026-12-01 compete with the sixteen these were written for): a
    # change that loses more than a handful of these questions made the matcher worse.
    accuracy = _eval(runner, TUNING_QUESTIONS)
    assert accuracy["in"] >= 0.94
    assert accuracy["oos"] >= 0.98
    assert accuracy["hard"] >= 0.85


@pytest.mark.skipif(
    not PUBLIC_QUESTIONS.exists(), reason="../shared/eval is not beside this checkout"
)
def test_public_questions_meet_their_targets(runner: CliRunner) -> None:
    accuracy = _eval(runner, PUBLIC_QUESTIONS)
    assert accuracy["in"] >= 0.97
    assert accuracy["oos"] == 1.0
    assert accuracy["hard"] >= 0.80


@pytest.mark.parametrize(
    ("name", "group", "floor"),
    [
        # Real-style questions (tests/real/, each file says how it was written). Floors a
        # little under what is measured; raise them, never lower them. Measured 2026-12-02,
        # first stop: 84.2%, 62.5%, 99.6%; second: 93.3%, 80.5%, 100%.
        ("real-leaflet.toml", "in", 0.90),
        ("real-forum.toml", "in", 0.81),  # third stop: 82.5%
        # The neighbours' floor is the issue's target (95%), reached once octreotide,
        # lanreotide, Ga-68 scans and plain "radiotherapy" became neighbours with `unless`.
        ("neighbours.toml", "hard", 0.95),
        # Issue 16's bar for symptom questions written by others is 18/20; these 30 are mine.
        ("symptoms.toml", "in", 0.90),
        # Written from the FAQ's entries as blind sets, then used to find misses (second
        # stop): measured 95.0%, 80.0%, 95.6% and 95.0% in scope, all of the others refused.
        ("leaflet-headings.toml", "in", 0.92),
        ("leaflet-headings.toml", "hard", 0.95),
        ("forum-posts.toml", "in", 0.77),
        ("forum-posts.toml", "hard", 0.95),
        ("mixed.toml", "in", 0.93),
        ("mixed.toml", "hard", 0.95),
        ("symptoms-and-new-topics.toml", "in", 0.92),
        ("symptoms-and-new-topics.toml", "hard", 0.95),
        # Forum posts, written blind (70 of 100 in scope), then used to find misses: 72.
        ("forum-posts-2.toml", "in", 0.79),  # 82.0% at the third stop
        ("forum-posts-2.toml", "hard", 0.95),
        # Written before seeing the FAQ, the most like real questions: 77.3% in scope; 83.7%
        # at the third stop.
        ("unprompted.toml", "in", 0.80),
        ("unprompted.toml", "hard", 0.95),
        # Written before seeing the FAQ (third stop), half of each writer's questions: measured
        # blind 74.6%, 83.3%, 64.3% and 82.7% in scope; then used to find misses: 85.1%,
        # 88.9%, 69.6%, 93.3%. Two posts about a neighbour that also name PRRT are answered.
        ("unprompted-everyday.toml", "in", 0.82),
        ("unprompted-everyday.toml", "hard", 0.95),
        ("unprompted-headings.toml", "in", 0.86),
        ("unprompted-headings.toml", "hard", 0.95),
        ("unprompted-posts.toml", "in", 0.67),
        ("unprompted-posts.toml", "hard", 0.85),
        ("unprompted-search.toml", "in", 0.90),
        ("unprompted-search.toml", "hard", 0.95),
        # Written before seeing the FAQ (fourth stop), labelled against whole answers, half
        # of each writer's questions: measured blind 86.7%, 70.3%, 83.6% and 85.5% in scope.
        # Three posts about a neighbour that also name PRRT are answered.
        ("fresh-headings.toml", "in", 0.86),
        ("fresh-headings.toml", "hard", 0.95),
        ("fresh-posts.toml", "in", 0.67),
        ("fresh-posts.toml", "hard", 0.82),
        ("fresh-everyday.toml", "in", 0.84),
        ("fresh-everyday.toml", "hard", 0.95),
        ("fresh-professional.toml", "in", 0.85),
        ("fresh-professional.toml", "hard", 0.95),
        # Written before seeing the FAQ (fifth stop), half of each writer's questions: measured
        # blind 71.7% (posts), 90.6% (names), 92.7% (headings) and 85.2% (everyday) in scope,
        # every other question refused.
        ("blind-posts.toml", "in", 0.73),
        ("blind-posts.toml", "hard", 0.95),
        ("blind-names.toml", "in", 0.87),
        ("blind-names.toml", "hard", 0.95),
        ("blind-headings.toml", "in", 0.90),
        ("blind-headings.toml", "hard", 0.95),
        ("blind-everyday.toml", "in", 0.87),
        ("blind-everyday.toml", "hard", 0.95),
        # Written before seeing the FAQ (sixth stop), labelled against whole answers and key
        # figures, half of each writer's questions: measured blind 84.0% (hospital FAQs), 78.3%
        # (posts), 80.8% (headings) and 95.8% (everyday) in scope, every other one refused;
        # then used to find misses: 88.0%, 87.0%, 88.5%, 95.8%.
        ("sixth-hospital.toml", "in", 0.87),
        ("sixth-hospital.toml", "hard", 0.95),
        ("sixth-posts.toml", "in", 0.86),
        ("sixth-posts.toml", "hard", 0.95),
        ("sixth-headings.toml", "in", 0.88),
        ("sixth-headings.toml", "hard", 0.95),
        ("sixth-everyday.toml", "in", 0.95),
        ("sixth-everyday.toml", "hard", 0.95),
        # The same, a second round: measured blind 68.0% (practical), 60.0% (carers' posts),
        # 88.0% (headings) and 87.5% (short) in scope, 21 of the 22 others refused; then used
        # to find misses: 76.0%, 68.0%, 100%, 100%. The one answered is a Ga-68 follow-up
        # scan's own question, which the scan's `unless` ("follow up") ties to Lutathera.
        ("seventh-practical.toml", "in", 0.76),
        ("seventh-practical.toml", "hard", 0.83),
        ("seventh-posts.toml", "in", 0.68),
        ("seventh-posts.toml", "hard", 0.95),
        ("seventh-headings.toml", "in", 0.96),
        ("seventh-headings.toml", "hard", 0.95),
        ("seventh-short.toml", "in", 0.95),
        ("seventh-short.toml", "hard", 0.95),
        # Three more rounds (eighth to tenth): practical questions and everyday life, a nurse's
        # phone calls and a foundation's headings, what-to-expect pages and patients' own
        # posts. Measured blind 75.0%, 69.6%; 70.8%, 84.0%; 80.8%, 54.5% in scope, then used
        # to find misses. A Ga-68 scan's own question is answered in two of them (its
        # `unless`, "follow up", ties it to Lutathera).
        ("eighth-practical.toml", "in", 0.83),
        ("eighth-practical.toml", "hard", 0.95),
        ("eighth-daily-life.toml", "in", 0.78),
        ("eighth-daily-life.toml", "hard", 0.95),
        ("ninth-nurse-phone.toml", "in", 0.83),
        ("ninth-nurse-phone.toml", "hard", 0.83),
        ("ninth-foundation.toml", "in", 0.84),
        ("ninth-foundation.toml", "hard", 0.95),
        ("tenth-what-to-expect.toml", "in", 0.80),
        ("tenth-what-to-expect.toml", "hard", 0.95),
        ("tenth-patient-posts.toml", "in", 0.63),
        ("tenth-patient-posts.toml", "hard", 0.95),
        # The eleventh round: patients' and carers' posts (52.2% each measured blind), leaflet
        # headings (87.5%) and hospital FAQs (95.8%), every other question refused; then used
        # to find misses.
        ("eleventh-patient-posts.toml", "in", 0.56),
        ("eleventh-patient-posts.toml", "hard", 0.95),
        ("eleventh-carer-posts.toml", "in", 0.56),
        ("eleventh-carer-posts.toml", "hard", 0.95),
        ("eleventh-leaflet-headings.toml", "in", 0.91),
        ("eleventh-leaflet-headings.toml", "hard", 0.95),
        ("eleventh-hospital-faq.toml", "in", 0.95),
        ("eleventh-hospital-faq.toml", "hard", 0.95),
        # The twelfth round: posts half of which do not name the treatment (54.5% measured
        # blind), story-first posts naming it (78.3%), a clinic's questions (79.2%), search-box
        # queries (100%), every other question refused; then used to find misses.
        ("twelfth-unnamed-posts.toml", "in", 0.68),
        ("twelfth-unnamed-posts.toml", "hard", 0.95),
        ("twelfth-story-posts.toml", "in", 0.82),
        ("twelfth-story-posts.toml", "hard", 0.95),
        ("twelfth-clinic.toml", "in", 0.87),
        ("twelfth-clinic.toml", "hard", 0.95),
        ("twelfth-search.toml", "in", 0.95),
        ("twelfth-search.toml", "hard", 0.95),
        # The thirteenth round: patients' posts that never name the treatment (21.7% measured
        # blind: their stories sank them, until a post naming nothing else could be answered
        # by a clear lead), carers' posts (65.2%), headings and FAQs (88.0%), professionals
        # (95.5%), every other question refused.
        ("thirteenth-unnamed-posts.toml", "in", 0.56),
        ("thirteenth-unnamed-posts.toml", "hard", 0.95),
        ("thirteenth-carer-posts.toml", "in", 0.65),
        ("thirteenth-carer-posts.toml", "hard", 0.95),
        ("thirteenth-headings-faq.toml", "in", 0.88),
        ("thirteenth-headings-faq.toml", "hard", 0.95),
        ("thirteenth-professionals.toml", "in", 0.95),
        ("thirteenth-professionals.toml", "hard", 0.95),
        # The fourteenth round, measured blind: patients' posts (6 of 13), carers' posts (11 of
        # 14), leaflet headings (13 of 14), hospital FAQs (13 of 14), posts never naming the
        # treatment (8 of 14), searches (11 of 13), a nurse's everyday questions (9 of 12),
        # people deciding (9 of 12); every other question refused but one.
        ("fourteenth-patient-posts.toml", "in", 0.53),
        ("fourteenth-patient-posts.toml", "hard", 0.95),
        ("fourteenth-carer-posts.toml", "in", 0.78),
        ("fourteenth-carer-posts.toml", "hard", 0.95),
        ("fourteenth-leaflet-headings.toml", "in", 0.92),
        ("fourteenth-leaflet-headings.toml", "hard", 0.95),
        ("fourteenth-hospital-faq.toml", "in", 0.92),
        ("fourteenth-hospital-faq.toml", "hard", 0.95),
        ("fourteenth-unnamed-posts.toml", "in", 0.57),
        ("fourteenth-unnamed-posts.toml", "hard", 0.95),
        ("fourteenth-search.toml", "in", 0.84),
        ("fourteenth-search.toml", "hard", 0.95),
        ("fourteenth-everyday.toml", "in", 0.91),
        ("fourteenth-everyday.toml", "hard", 0.95),
        ("fourteenth-deciding.toml", "in", 0.83),
        ("fourteenth-deciding.toml", "hard", 0.95),
        # The fifteenth round, measured blind: patients' posts (9 of 14), carers' posts (12 of
        # 14), posts never naming the treatment (11 of 14), headings and FAQs (9 of 12), a
        # nurse's line (7 of 14), people deciding (12 of 14), short queries (12 of 13), long
        # posts (9 of 11); every other question refused.
        ("fifteenth-patient-posts.toml", "in", 0.64),
        ("fifteenth-patient-posts.toml", "hard", 0.95),
        ("fifteenth-carer-posts.toml", "in", 0.85),
        ("fifteenth-carer-posts.toml", "hard", 0.95),
        ("fifteenth-unnamed-posts.toml", "in", 0.78),
        ("fifteenth-unnamed-posts.toml", "hard", 0.95),
        ("fifteenth-headings-faq.toml", "in", 0.75),
        ("fifteenth-headings-faq.toml", "hard", 0.95),
        ("fifteenth-nurse-line.toml", "in", 0.5),
        ("fifteenth-nurse-line.toml", "hard", 0.95),
        ("fifteenth-deciding.toml", "in", 0.78),
        ("fifteenth-deciding.toml", "hard", 0.95),
        ("fifteenth-short.toml", "in", 0.92),
        ("fifteenth-short.toml", "hard", 0.95),
        ("fifteenth-long-posts.toml", "in", 0.81),
        ("fifteenth-long-posts.toml", "hard", 0.95),
        # The sixteenth round, measured blind: patients' posts (9 of 14), family posts (10 of
        # 14), leaflet headings (12 of 13), thread replies never naming it (8 of 14),
        # professionals (7 of 13), results (8 of 11), the day itself (8 of 13), the public (12
        # of 14); every other question refused.
        ("sixteenth-patient-posts.toml", "in", 0.64),
        ("sixteenth-patient-posts.toml", "hard", 0.95),
        ("sixteenth-family-posts.toml", "in", 0.71),
        ("sixteenth-family-posts.toml", "hard", 0.95),
        ("sixteenth-leaflet-headings.toml", "in", 0.92),
        ("sixteenth-leaflet-headings.toml", "hard", 0.95),
        ("sixteenth-thread-replies.toml", "in", 0.57),
        ("sixteenth-thread-replies.toml", "hard", 0.95),
        ("sixteenth-professionals.toml", "in", 0.46),
        ("sixteenth-professionals.toml", "hard", 0.95),
        ("sixteenth-results-posts.toml", "in", 0.72),
        ("sixteenth-results-posts.toml", "hard", 0.95),
        ("sixteenth-the-day.toml", "in", 0.61),
        ("sixteenth-the-day.toml", "hard", 0.95),
        ("sixteenth-public.toml", "in", 0.85),
        ("sixteenth-public.toml", "hard", 0.95),
        # The seventeenth round, written after the examples' vote and measured blind on it:
        # patients' posts (12 of 14), carers' posts (12 of 14), headings and FAQs (12 of 14),
        # posts never naming it (11 of 14), the many names (13 of 13), a nurse's everyday
        # questions (13 of 14), deciding (10 of 14), long posts (9 of 12); every other refused.
        ("seventeenth-patient-posts.toml", "in", 0.85),
        ("seventeenth-patient-posts.toml", "hard", 0.95),
        ("seventeenth-carer-posts.toml", "in", 0.85),
        ("seventeenth-carer-posts.toml", "hard", 0.95),
        ("seventeenth-headings-faq.toml", "in", 0.85),
        ("seventeenth-headings-faq.toml", "hard", 0.95),
        ("seventeenth-unnamed-posts.toml", "in", 0.78),
        ("seventeenth-unnamed-posts.toml", "hard", 0.95),
        ("seventeenth-names.toml", "in", 0.95),
        ("seventeenth-names.toml", "hard", 0.95),
        ("seventeenth-everyday.toml", "in", 0.92),
        ("seventeenth-everyday.toml", "hard", 0.95),
        ("seventeenth-deciding.toml", "in", 0.71),
        ("seventeenth-deciding.toml", "hard", 0.95),
        ("seventeenth-long-posts.toml", "in", 0.75),
        ("seventeenth-long-posts.toml", "hard", 0.95),
        # The nineteenth round, written blind on 2026-12-03 (whole sets measured at bed4b60:
        # 278 of 359 in scope, 70 of 75 others refused); half of each here, half held out in
        # bench/heldout/. Floors at their first measure with this half among the examples.
        ("nineteenth-carer-posts.toml", "in", 0.72),
        ("nineteenth-carer-posts.toml", "hard", 0.95),
        ("nineteenth-deciding.toml", "in", 0.77),
        ("nineteenth-deciding.toml", "hard", 0.95),
        ("nineteenth-hospital-faq.toml", "in", 0.86),
        ("nineteenth-hospital-faq.toml", "hard", 0.95),
        ("nineteenth-leaflet-headings.toml", "in", 0.86),
        ("nineteenth-leaflet-headings.toml", "hard", 0.95),
        ("nineteenth-nurse-phone.toml", "in", 0.63),
        ("nineteenth-nurse-phone.toml", "hard", 0.95),
        ("nineteenth-patient-posts.toml", "in", 0.77),
        ("nineteenth-patient-posts.toml", "hard", 0.95),
        ("nineteenth-search.toml", "in", 0.95),
        ("nineteenth-search.toml", "hard", 0.95),
        ("nineteenth-unnamed-posts.toml", "in", 0.7),
        ("nineteenth-unnamed-posts.toml", "hard", 0.95),
        # Symptoms now, written blind (48 of 60), then used to find misses: 57 of 60.
        ("symptoms-now.toml", "in", 0.93),
        # Stories about something else with a question any entry could take: 23 of 24 refused.
        ("lookalike-posts.toml", "hard", 0.95),
    ],
)
def test_real_style_questions_do_not_regress(
    runner: CliRunner, name: str, group: str, floor: float
) -> None:
    assert _eval(runner, REPO / "tests" / "real" / name)[group] >= floor


@pytest.mark.skipif(not REAL_DEV.exists(), reason="../shared/eval is not beside this checkout")
def test_real_questions_keep_what_they_answer(runner: CliRunner) -> None:
    # 41 of 47 on 2026-12-01 (28 before the FAQ's seven new entries): real questions copied
    # from patient leaflets and forums, the measure that matters most. Never fewer.
    accuracy = _eval(runner, REAL_DEV)
    assert accuracy["in"] >= 0.978  # 46/47, as eval rounds it: the issue asks 95%


def test_report_shows_groups_mrr_and_every_miss(
    runner: CliRunner, write_faq: Callable[[str, str], Path]
) -> None:
    questions = write_faq(
        """\
        [[case]]
        q = "how long does it work"
        expect = ["duration"]
        [[case]]
        q = "patent expiry"
        expect = ["evidence"]
        [[case]]
        q = "how to make pancakes"
        expect = []
        group = "oos"
        """,
        "questions.toml",
    )
    result = runner.invoke(app, ["eval", str(questions)])
    assert result.exit_code == 0
    assert "in scope, right entry" in result.stdout
    assert "1/2" in result.stdout
    assert "Mean reciprocal rank (in scope): 0.500" in result.stdout
    assert "Misses (1)" in result.stdout
    assert "'patent expiry'  expected evidence, got patents" in result.stdout


@pytest.mark.parametrize(
    ("case", "problem"),
    [
        ('q = "x"\nexpect = ["dosage"]', "expect: no entry 'dosage' in the FAQ"),
        ('q = "x"\nexpect = []\ngroup = "maybe"', "group: must be one of in, oos, hard"),
        ('q = "x"\nexpect = ["duration"]\ngroup = "oos"', "off-topic cases expect []"),
        ('q = 3\nexpect = ["duration"]', "q: must be a string"),
        ('q = "x"\nexpects = ["duration"]', "unknown key 'expects'"),
    ],
)
def test_question_file_problems_exit_2(
    runner: CliRunner, write_faq: Callable[[str, str], Path], case: str, problem: str
) -> None:
    questions = write_faq("[[case]]\n" + case + "\n", "questions.toml")
    result = runner.invoke(app, ["eval", str(questions)])
    assert result.exit_code == ExitCode.USAGE
    assert "cannot use the question file" in result.stderr
    assert problem in result.stderr


def test_explain_shows_each_word_and_the_score_parts(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", "--explain", "how lnog does it last"])
    assert result.exit_code == 0
    why = result.stdout.split("Why this answer", 1)[1]
    assert "lnog" in why
    assert "long (typo)" in why
    assert "coverage" in why
    assert "completeness" in why
    assert "duration: how long " in why


def test_explain_also_explains_a_refusal(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", "--explain", "side effects of aspirin"])
    assert result.exit_code == ExitCode.NO_MATCH
    assert "(not in this FAQ)" in result.stdout
    assert "no entry matches closely enough" in result.stdout


def test_explain_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", "--explain", "--json", "side efects"])
    data = json.loads(result.stdout)
    explain = data["explain"]
    assert explain["threshold"] > 0
    assert [word["how"] for word in explain["words"]] == ["synonym"]
    assert explain["entries"][0]["id"] == data["id"] == "side-effects"
    assert len(explain["entries"][0]["matched"]) == len(explain["words"])
