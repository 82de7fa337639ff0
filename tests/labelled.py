"""The labelled question sets, and the matcher's answer to each question as a golden line.

scripts/tune.py tunes on SETS; scripts/golden.py writes each set's answers to tests/golden/;
tests/test_golden.py fails when they drift. One list and one line format for all three, so
that what is tuned on is what is reviewed.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from lutaq.evaluate import Case, evaluate, load_cases
from lutaq.faq import Faq
from lutaq.match import Matcher
from tests.support import REPO, SHARED

SETS = [
    REPO / "tests" / "questions.toml",
    REPO / "tests" / "tuning.toml",
    *sorted((REPO / "tests" / "real").glob("*.toml")),
    SHARED / "eval" / "public.toml",
    SHARED / "eval" / "real-dev.toml",
]
"""Every labelled set, in the order the tuner reports them. Those under ../shared may be absent
(a checkout without shared/ beside it); those in the repository never are."""

EXAMPLES = REPO / "data" / "faq.examples.toml"
MAKE_EXAMPLES = "uv run python scripts/examples.py"
_BLIND = ("before it saw the FAQ", "before they saw the FAQ", "(no FAQ text")


def written_blind(path: Path) -> bool:
    """Whether a set's opening comment says its writers wrote it before they saw the FAQ (or
    from a brief without its text).

    Only those are examples (data/faq.examples.toml): worded as people ask, not as the
    entries are phrased. A set written with the entries in view borrows their words, and
    would teach the vote that the entries' own words are how people ask.
    """
    opening = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        opening.append(line.lstrip("# "))
    said = " ".join(" ".join(opening).split())
    return any(phrase in said for phrase in _BLIND)


EXAMPLE_SETS = [path for path in SETS if path.parent.name == "real" and written_blind(path)]
"""The sets whose questions are the bundled FAQ's examples, in SETS order."""


def examples_text(faq: Faq) -> str:
    """data/faq.examples.toml as scripts/examples.py writes it: every question of
    EXAMPLE_SETS with the entries that answer it and the set it is from."""
    header = [
        "# Labelled examples for faq.toml: questions people asked in their own words, and the",
        "# entries that answer them ([] when none does: about something else). A weak match is",
        "# answered when the examples worded most like the question vote for its best entry",
        "# (docs/matching.md). Every question of the sets in tests/real/ written before their",
        "# writers saw the FAQ; `lutaq eval` of a set leaves that set's own examples out.",
        f"# Made by `{MAKE_EXAMPLES}`: do not edit by hand.",
    ]
    blocks = []
    for path in EXAMPLE_SETS:
        for case in load_cases(path, faq):
            answers = ", ".join(json.dumps(answer) for answer in case.expect)
            blocks.append(
                "[[example]]\n"
                f"q = {json.dumps(case.question, ensure_ascii=False)}\n"
                f"answers = [{answers}]\n"
                f"set = {json.dumps(path.stem)}\n"
            )
    return "\n".join(header) + "\n\n" + "\n".join(blocks)


GOLDEN = REPO / "tests" / "golden"
REGENERATE = "uv run python scripts/golden.py"
ANSWER_WIDTH = 20
"""A fixed column, not the longest id: a new long id must not realign every line of the diff."""
QUESTION_WIDTH = 100
"""Forum posts run to 300 characters; their start names them well enough in a review."""


class Line(NamedTuple):
    """One question's answer: an entry id, or a refusal's code in brackets."""

    right: bool
    answer: str
    question: str
    expected: str  # what a right answer is: entry ids joined by |, or "refusal"

    def format(self) -> str:
        mark = "ok  " if self.right else "MISS"
        note = "" if self.right else f"  [expected {self.expected}]"
        return f"{mark}  {self.answer:<{ANSWER_WIDTH}}  {self.question}{note}".rstrip()

    @classmethod
    def parse(cls, text: str) -> Line:
        """The inverse of format: its question holds no double space, so that splits fields."""
        mark, answer, rest = text.split(maxsplit=2)
        question, _, note = rest.partition("  ")
        return cls(mark == "ok", answer, question, note.removeprefix("[expected ").rstrip("]"))


def shown(question: str) -> str:
    """A question on one line, spaces collapsed, cut at QUESTION_WIDTH."""
    flat = " ".join(question.split())
    return flat if len(flat) <= QUESTION_WIDTH else flat[: QUESTION_WIDTH - 3] + "..."


def answer_lines(matcher: Matcher, cases: Sequence[Case], leave_out: str = "") -> list[Line]:
    """What the matcher answers to each case, judged as `lutaq eval` judges it: without the
    examples of the set `leave_out` (the set's own name, as `eval` leaves it out)."""
    return [
        Line(
            outcome.right,
            outcome.result.answer_id or f"({outcome.result.code})",
            shown(outcome.case.question),
            "|".join(outcome.case.expect) or "refusal",
        )
        for outcome in evaluate(matcher, cases, leave_out=leave_out).outcomes
    ]


def golden_path(labelled: Path) -> Path:
    return GOLDEN / f"{labelled.stem}.txt"


def render(labelled: Path, lines: Sequence[Line]) -> str:
    """A golden file's text: the header says what it holds and how to regenerate it."""
    name = Path(os.path.relpath(labelled, REPO)).as_posix()
    header = f"# Answers to {name}, one line per question in file order. Regenerate: {REGENERATE}"
    return "\n".join([header, *(line.format() for line in lines)]) + "\n"


def read_golden(path: Path) -> list[Line]:
    text = path.read_text(encoding="utf-8")
    return [Line.parse(line) for line in text.splitlines() if not line.startswith("#")]


def drift(before: Sequence[Line], after: Sequence[Line]) -> dict[str, list[str]]:
    """Questions whose answer changed, by kind: fixed, broken, changed, added, removed.

    Questions are paired by their text in file order, so a question added to a set shows as
    added rather than shifting every later one.
    """
    kinds: dict[str, list[str]] = {
        kind: [] for kind in ("fixed", "broken", "changed", "added", "removed")
    }
    pairs = difflib.SequenceMatcher(
        None, [line.question for line in before], [line.question for line in after], False
    )
    for tag, start, end, new_start, new_end in pairs.get_opcodes():
        if tag == "equal":
            for old, new in zip(before[start:end], after[new_start:new_end], strict=True):
                if old.answer == new.answer and old.right == new.right:
                    continue
                kind = "changed" if old.right == new.right else "fixed" if new.right else "broken"
                note = "" if new.right else f"  [expected {new.expected}]"
                kinds[kind].append(f"{old.answer} -> {new.answer}  {new.question}{note}")
            continue
        kinds["removed"] += [line.question for line in before[start:end]]
        kinds["added"] += [line.question for line in after[new_start:new_end]]
    return {kind: items for kind, items in kinds.items() if items}
