"""Every labelled question's answer, held in tests/golden/: a change that moves one fails here.

The failure lists the questions it fixes and breaks; when that is intended, regenerating the
files puts the same list in the change's diff for review.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lutaq.evaluate import load_cases
from lutaq.faq import load_faq
from lutaq.match import Matcher
from tests.labelled import (
    GOLDEN,
    REGENERATE,
    SETS,
    Line,
    answer_lines,
    drift,
    golden_path,
    read_golden,
    render,
)
from tests.support import REPO, SHARED

SHOWN = 20
"""Questions listed per kind of change: enough to see what moved, not a screen of 4,000."""


@pytest.fixture(scope="session")
def matcher() -> Matcher:
    return Matcher(load_faq())


def _report(labelled: Path, changes: dict[str, list[str]]) -> str:
    golden = golden_path(labelled).relative_to(REPO)
    lines = [f"{labelled.name}: the matcher's answers are not those of {golden}"]
    for kind, items in changes.items():
        lines.append(f"{kind} ({len(items)}):")
        lines += [f"  {item}" for item in items[:SHOWN]]
        if len(items) > SHOWN:
            lines.append(f"  ... and {len(items) - SHOWN} more")
    lines.append(f"If the change is intended, run `{REGENERATE}` and commit the diff.")
    return "\n".join(lines)


@pytest.mark.parametrize("labelled", SETS, ids=lambda path: path.stem)
def test_answers_are_the_golden_files(matcher: Matcher, labelled: Path) -> None:
    if labelled.is_relative_to(SHARED) and not labelled.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    golden = golden_path(labelled)
    assert golden.exists(), f"no {golden.name}: run `{REGENERATE}`"
    lines = answer_lines(matcher, load_cases(labelled, matcher.faq), labelled.stem)
    changes = drift(read_golden(golden), lines)
    if changes:
        pytest.fail(_report(labelled, changes), pytrace=False)
    # Same answers, other text (the header or the line format): regenerating settles it.
    text = golden.read_text(encoding="utf-8")
    assert text == render(labelled, lines), f"{golden.name} is out of date: run `{REGENERATE}`"


def test_every_golden_file_has_its_set() -> None:
    expected = {golden_path(path) for path in SETS}
    assert len(expected) == len(SETS), "two sets share a name: their golden files would clash"
    assert set(GOLDEN.glob("*.txt")) <= expected, f"stale golden files: run `{REGENERATE}`"


@pytest.mark.parametrize(
    "text",
    [
        "ok    side-effects          what are the possible side effects",
        "MISS  (weak_match)          is lutathera a type of chemo  [expected how-it-works]",
        "MISS  side-effects          side effects of aspirin  [expected refusal]",
    ],
)
def test_a_golden_line_reads_back_as_written(text: str) -> None:
    assert Line.parse(text).format() == text


def test_drift_says_which_questions_were_fixed_broken_changed_or_added() -> None:
    before = [
        Line(False, "(weak_match)", "kidneys?", "kidneys"),
        Line(True, "duration", "how long", "duration"),
        Line(True, "(weak_match)", "aspirin", "refusal"),
    ]
    after = [
        Line(True, "kidneys", "kidneys?", "kidneys"),
        Line(False, "survival", "how long", "duration"),
        Line(True, "side-effects", "new question", "side-effects"),
        Line(True, "(close_call)", "aspirin", "refusal"),
    ]
    assert drift(before, after) == {
        "fixed": ["(weak_match) -> kidneys  kidneys?"],
        "broken": ["duration -> survival  how long  [expected duration]"],
        "changed": ["(weak_match) -> (close_call)  aspirin"],
        "added": ["new question"],
    }
