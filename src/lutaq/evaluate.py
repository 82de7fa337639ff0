"""Measuring a matcher on labelled questions: what FAQ authors tune aliases and synonyms with.

A question file is TOML with one `[[case]]` per question (the format of the project's
`tests/questions.toml`): `q`, `expect` (the entry ids that count as a right answer; empty when
the right reply is "no confident match") and an optional `group`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lutaq.faq import Faq, FaqError, Problem, decode_faq, load_toml, read_faq_bytes
from lutaq.match import Matcher, Result
from lutaq.text import MAX_QUESTION

GROUPS = ("in", "oos", "hard")
"""In scope; plainly off-topic; off-topic but sharing words with the FAQ."""


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled question."""

    question: str
    expect: tuple[str, ...]
    group: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the matcher did with one case, and whether that was right."""

    case: Case
    result: Result
    right: bool
    rank: int | None  # 1-based rank of the first expected entry; None when off-topic or absent


@dataclass(frozen=True, slots=True)
class Report:
    """Accuracy per group, mean reciprocal rank of in-scope cases, and every outcome."""

    outcomes: tuple[Outcome, ...]

    def groups(self) -> dict[str, tuple[int, int]]:
        """Right and total per group, for the groups present, in GROUPS order."""
        counts = {group: [0, 0] for group in GROUPS}
        for outcome in self.outcomes:
            counts[outcome.case.group][0] += outcome.right
            counts[outcome.case.group][1] += 1
        return {group: (right, total) for group, (right, total) in counts.items() if total}

    def mrr(self) -> float:
        """Mean reciprocal rank of the right entry among in-scope cases (ranking, not refusal)."""
        ranks = [o.rank for o in self.outcomes if o.case.group == "in"]
        return sum(1 / rank for rank in ranks if rank) / len(ranks) if ranks else 0.0

    @property
    def misses(self) -> tuple[Outcome, ...]:
        return tuple(outcome for outcome in self.outcomes if not outcome.right)


def load_cases(path: Path, faq: Faq) -> list[Case]:
    """Read and check a question file against a FAQ; FaqError lists every problem."""
    origin = str(path)
    text = decode_faq(read_faq_bytes(path), str(path))
    document = load_toml(text, origin)
    raw = document.get("case")
    if not isinstance(raw, list) or not raw or not all(isinstance(c, dict) for c in raw):
        problem = Problem(origin, "case: missing: add at least one [[case]] with q and expect")
        raise FaqError(origin, [problem])
    problems: list[Problem] = []
    cases = [_case(number, body, faq, origin, problems) for number, body in enumerate(raw, 1)]
    if problems:
        raise FaqError(origin, problems)
    return [case for case in cases if case is not None]


def _case(
    number: int, body: dict[str, Any], faq: Faq, origin: str, problems: list[Problem]
) -> Case | None:
    where = f"{origin}: case #{number}"
    question, expect, group = body.get("q"), body.get("expect"), body.get("group")
    unknown = sorted(set(body) - {"q", "expect", "group"})
    found = len(problems)
    if unknown:
        problems.append(Problem(where, f"unknown key {unknown[0]!r} (expected q, expect, group)"))
    if not isinstance(question, str):
        problems.append(Problem(where, "q: must be a string"))
    elif len(question) > MAX_QUESTION:
        problems.append(Problem(where, f"q: longer than {MAX_QUESTION:,} characters"))
    if not isinstance(expect, list) or not all(isinstance(item, str) for item in expect):
        problems.append(Problem(where, "expect: must be a list of entry ids ([] for none)"))
        expect = []
    for entry_id in expect:
        if faq.find(entry_id) is None or entry_id.isdigit():
            problems.append(Problem(where, f"expect: no entry {entry_id!r} in the FAQ"))
    if group is None:
        group = "in" if expect else "oos"
    if group not in GROUPS:
        problems.append(Problem(where, f"group: must be one of {', '.join(GROUPS)}"))
    elif (group == "in") != bool(expect):
        message = (
            "in-scope cases need expected ids" if group == "in" else "off-topic cases expect []"
        )
        problems.append(Problem(where, f"group: {message}"))
    if len(problems) > found or not isinstance(question, str):
        return None
    return Case(question, tuple(expect), str(group))


def evaluate(matcher: Matcher, cases: Sequence[Case], leave_out: str = "") -> Report:
    """Ask every case and judge the reply: the right entry, or a refusal for off-topic ones.

    `leave_out` names a labelled set whose examples (examples.py) are not asked: the set being
    measured, which would otherwise find each of its questions among them.
    """
    outcomes = []
    for case in cases:
        result = matcher.ask(case.question, leave_out=leave_out)
        if case.expect:
            right = result.answer_id in case.expect
            ids = [match.entry.id for match in result.ranked if match.score > 0]
            rank = next((i for i, eid in enumerate(ids, 1) if eid in case.expect), None)
        else:
            right, rank = result.answer_id is None, None
        # Only the leaders are ever shown: keeping every entry's match for every case would
        # hold cases x entries objects (10,000 x 10,000 for a big FAQ's `validate`).
        result = result._replace(ranked=result.leaders(KEPT))
        outcomes.append(Outcome(case, result, right, rank))
    return Report(tuple(outcomes))


KEPT = 3
"""How many of the closest entries an outcome keeps: what `eval` and `validate` show."""

CHECK_BUDGET = 1_000_000
"""Phrasings x entries that `validate` asks at most when it checks that every phrasing reaches
its entry (a few seconds): the check costs their product, so a larger FAQ is checked in part."""


def phrasing_cases(faq: Faq) -> list[Case]:
    """Every question and alias of a FAQ as a case its own entry must answer, within budget.

    An alias no one can reach (only stop words, or closer to another entry) is a mistake
    an author cannot see by reading the file; `lutaq validate` warns about each one. Past
    CHECK_BUDGET, only the first phrasings in file order are checked, and validate says so.
    """
    cases = [
        Case(question=phrasing, expect=(entry.id,), group="in")
        for entry in faq.entries
        for phrasing in entry.phrasings
    ]
    return cases[: max(CHECK_BUDGET // max(len(faq.entries), 1), 1)]
