"""The examples file: its format and validation, the vote of the examples nearest a question,
and what a user gets from it: a post no entry's phrasings make up answered by the entry that
answered the posts worded like it."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lutaq.cache import prepared_matcher
from lutaq.cli import app
from lutaq.examples import MAX_QUESTION, examples_path, parse_examples
from lutaq.faq import FaqError, bundled_path, load_faq
from lutaq.match import Matcher
from lutaq.text import MAX_QUESTION as MAX_ASKED
from lutaq.votes import NONE, Votes
from tests.labelled import EXAMPLE_SETS, EXAMPLES, MAKE_EXAMPLES, examples_text, written_blind

# Written for this test, in the style of a patient's post: side-effects and follow-up match it
# about equally well (blood tests are both), and the examples worded like it were all
# answered by side-effects.
POST = (
    "between cycles now and my platelets were low on the last bloods. will they delay the next one?"
)


@pytest.fixture
def faq_copy(tmp_path: Path) -> Path:
    """The bundled FAQ copied alone, without its examples file."""
    path = tmp_path / "faq.toml"
    shutil.copyfile(bundled_path(), path)
    return path


def test_the_bundled_examples_are_what_the_script_writes() -> None:
    faq = load_faq(examples=False)
    assert EXAMPLES.read_text(encoding="utf-8") == examples_text(faq), f"run: {MAKE_EXAMPLES}"


def test_the_examples_are_the_sets_written_before_their_writers_saw_the_faq() -> None:
    faq = load_faq()
    sets = {example.origin for example in faq.examples}
    assert sets == {path.stem for path in EXAMPLE_SETS}
    assert all(written_blind(path) for path in EXAMPLE_SETS)
    # The targets are measured on questions lutaq has never seen: never examples.
    assert sets.isdisjoint({"public", "real-dev", "questions", "tuning"})
    # Refusals vote too: questions about other treatments, labelled with no entry.
    assert any(not example.answers for example in faq.examples)
    assert len(faq.examples) > 2000


def test_a_close_call_is_answered_by_the_entry_the_examples_vote_for() -> None:
    faq = load_faq()
    result = Matcher(faq).ask(POST)
    assert result.answer_id == "side-effects"
    assert "labelled examples worded most like it" in result.reason
    # The examples step switched off: the same post is refused.
    assert Matcher(faq, skip=frozenset({"examples"})).ask(POST).answer is None


def test_a_rare_word_people_asking_about_it_use_names_nothing_else() -> None:
    # "jabs" is as rare as a drug's name in general English, so it sank a post that does not
    # name Lutathera; people asking about Lutathera use it (their injections before a cycle).
    post = (
        "they want to start me in june. im on monthly octreotide jabs, do I stop them before "
        "and for how long?"
    )
    faq = load_faq()
    result = Matcher(faq).ask(post)
    assert result.answer_id == "preparing"
    assert "names nothing else" in result.reason
    assert Matcher(faq, skip=frozenset({"examples"})).ask(post).answer is None


def test_a_one_sentence_question_about_the_course_is_answered_by_the_vote() -> None:
    # One sentence, no name, below the threshold: "her dose" says it is asked mid-course, as
    # a post's story would (words/course.txt), so the examples' vote may answer it.
    question = "my mum is in a wheelchair, can i still help her to the toilet after her dose?"
    faq = load_faq()
    result = Matcher(faq).ask(question)
    assert result.answer_id == "radiation-safety"
    assert "labelled examples worded most like it" in result.reason
    assert Matcher(faq, skip=frozenset({"examples"})).ask(question).answer is None
    # The same question without a word for the course has nothing to say where it is asked.
    unplaced = "my mum is in a wheelchair, can i still help her to the toilet?"
    assert Matcher(faq).ask(unplaced).answer is None


def test_a_weak_answer_the_examples_vote_against_becomes_a_close_call_offering_both() -> None:
    # first-line's phrasings ("can you have lutathera ... first") make up most of it, but
    # the questions worded like it asked who can have it (best-candidates).
    question = "can you have lutathera with a grade 3 net"
    faq = load_faq()
    result = Matcher(faq).ask(question)
    assert result.answer is None
    assert result.code == "close_call"
    assert "answered by 'best-candidates'" in result.reason
    assert [m.entry.id for m in result.suggestions(2)] == ["first-line", "best-candidates"]
    assert Matcher(faq, skip=frozenset({"examples"})).ask(question).answer_id == "first-line"


def test_the_veto_never_withholds_where_to_turn_when_unwell() -> None:
    faq = load_faq()
    for question in ("i have a fever after my infusion", "is it normal to be sick after prrt"):
        assert Matcher(faq).ask(question).answer_id == "urgent-symptoms"


@pytest.mark.parametrize(
    "question",
    [
        # Off-topic: no example is worded like it, and nothing names Lutathera.
        "how do i get my puppy to sit",
        # Another treatment named: refused before any vote.
        "my husband is on pluvicto, will his hair come back?",
        # A story about something else, with a question an entry could take.
        "my son has his iron infusion on monday. will he need to stay in overnight?",
        # A course word that names another course, or what it treats (words/course.txt).
        "how many rounds of golf can i play a week",
        "first line treatment for strep throat",
        "radiation exposure from a CT scan",
    ],
)
def test_the_vote_never_answers_a_question_about_something_else(question: str) -> None:
    assert Matcher(load_faq()).ask(question).answer is None


def test_ask_answers_from_the_examples_beside_the_faq_and_refuses_without_them(
    runner: CliRunner, faq_copy: Path
) -> None:
    alone = runner.invoke(app, ["ask", "--faq", str(faq_copy), "--json", POST])
    assert alone.exit_code == 1
    assert json.loads(alone.stdout)["answered"] is False
    shutil.copyfile(EXAMPLES, examples_path(faq_copy))
    found = runner.invoke(app, ["ask", "--faq", str(faq_copy), "--json", POST])
    assert found.exit_code == 0, found.output
    answer = json.loads(found.stdout)
    assert answer["id"] == "side-effects"
    assert "labelled examples" in answer["reason_text"]


def test_an_edited_examples_file_is_never_answered_from_the_old_cache(faq_copy: Path) -> None:
    beside = examples_path(faq_copy)
    shutil.copyfile(EXAMPLES, beside)
    assert prepared_matcher(faq_copy).ask(POST).answer_id == "side-effects"
    # The same post from the cache: it keeps what the vote needs.
    assert prepared_matcher(faq_copy).ask(POST).answer_id == "side-effects"
    beside.write_text('[[example]]\nq = "hair"\nanswers = []\n', encoding="utf-8")
    os.utime(beside, ns=(1, 1))  # a stamp of its own, even on a coarse-grained clock
    assert prepared_matcher(faq_copy).ask(POST).answer is None


def test_validate_counts_the_examples(runner: CliRunner) -> None:
    shown = runner.invoke(app, ["validate"])
    assert shown.exit_code == 0
    assert "labelled examples" in shown.stdout
    counted = runner.invoke(app, ["validate", "--json"])
    assert json.loads(counted.stdout)["examples"] == len(load_faq().examples)


def test_validate_names_each_problem_of_the_examples_file_with_its_line(
    runner: CliRunner, faq_copy: Path
) -> None:
    examples_path(faq_copy).write_text(
        '[[example]]\nq = "how long does it take"\nanswers = ["how-given"]\n\n'
        '[[example]]\nq = "will I lose my hair"\nanswers = ["hair-loss"]\nwho = "me"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(faq_copy)])
    assert result.exit_code == 2
    where = f"{examples_path(faq_copy)}:5"
    assert f"{where}: unknown key 'who'" in result.stderr
    assert f"{where}: answers: no entry 'hair-loss' in the FAQ" in result.stderr
    # `list` shows entries only, and does not need the examples to be right.
    assert runner.invoke(app, ["list", "--faq", str(faq_copy)]).exit_code == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "add at least one [[example]]"),
        ("[[example]]\nanswers = []\n", "q: must be a question"),
        ('[[example]]\nq = "  "\nanswers = []\n', "q: must be a question"),
        ('[[example]]\nq = "x"\n', "answers: must be a list of entry ids"),
        ('[[example]]\nq = "x"\nanswers = "duration"\n', "answers: must be a list"),
        ('[[example]]\nq = "x"\nanswers = []\nset = 3\n', "set: must be a string"),
        ('[[example]]\nq = "x"\nanswers = []\nset = "a\\u001eb"\n', "set: no control characters"),
        ('[case]\nq = "x"\n', "case: unknown table (expected [[example]])"),
        (f'[[example]]\nq = "{"a" * (MAX_QUESTION + 1)}"\nanswers = []\n', "longer than"),
        ("[[example]\n", "not valid TOML"),
    ],
)
def test_a_broken_examples_file_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(FaqError) as raised:
        parse_examples(text, "faq.examples.toml", load_faq(examples=False))
    assert any(message in str(problem) for problem in raised.value.problems), raised.value.problems


def test_a_handful_of_examples_never_outvotes_the_phrasings(faq_copy: Path) -> None:
    # One example shares words with many questions; alone, it must neither withhold their
    # answers nor give new ones.
    examples_path(faq_copy).write_text(
        '[[example]]\nq = "does lutathera make you tired"\nanswers = ["side-effects"]\n',
        encoding="utf-8",
    )
    mine, bare = Matcher(load_faq(faq_copy)), Matcher(load_faq(faq_copy, examples=False))
    for question in ("how long does it work", "can i travel after lutathera", POST):
        assert mine.ask(question).answer_id == bare.ask(question).answer_id, question


def test_examples_without_a_set_still_say_which_rare_words_people_use(faq_copy: Path) -> None:
    examples_path(faq_copy).write_text(
        '[[example]]\nq = "do i stop my jabs before"\nanswers = ["preparing"]\n',
        encoding="utf-8",
    )
    assert Matcher(load_faq(faq_copy)).asked_with("jab")


def test_an_example_may_be_as_long_as_a_question() -> None:
    assert MAX_QUESTION == MAX_ASKED


def test_the_nearest_examples_vote_and_a_measured_set_leaves_its_own_out() -> None:
    votes = Votes(
        [["hair", "fall"], ["hair", "grow"], ["puppy", "sit"], ["hair", "colour"], ["bus"], []],
        [("side-effects",), ("side-effects",), (), ("side-effects", "quality-of-life"), (), ()],
        ["a", "a", "b", "c", "d", "d"],
    )
    vote = votes.vote(["hair", "grow", "back"])
    assert vote is not None
    assert vote.answer == "side-effects"
    assert vote.agreeing == 3
    assert vote.voters == 3
    assert 0.5 < vote.share < 1
    puppy = votes.vote(["puppy", "sit"])
    assert puppy is not None
    assert puppy.answer == NONE
    assert votes.vote(["puppy", "sit"], leave_out="b") is None
    left = votes.vote(["hair", "grow"], leave_out="a")
    assert left is not None
    assert left.voters == 1
    assert votes.vote(["unknown"]) is None


def test_eval_leaves_the_measured_sets_own_examples_out(runner: CliRunner, tmp_path: Path) -> None:
    # A question whose only example is itself: measured as the set it comes from, its own
    # example is left out; measured under another name, it finds itself.
    faq = tmp_path / "faq.toml"
    shutil.copyfile(bundled_path(), faq)
    examples_path(faq).write_text(
        "".join(
            f'[[example]]\nq = {json.dumps(POST)}\nanswers = ["side-effects"]\nset = "mine"\n\n'
            for _ in range(7)
        ),
        encoding="utf-8",
    )
    case = f'[[case]]\nq = {json.dumps(POST)}\nexpect = ["side-effects"]\n'
    for name, right in (("mine", 0), ("other", 1)):
        questions = tmp_path / f"{name}.toml"
        questions.write_text(case, encoding="utf-8")
        result = runner.invoke(app, ["eval", "--faq", str(faq), "--json", str(questions)])
        assert json.loads(result.stdout)["groups"]["in"]["right"] == right, name
