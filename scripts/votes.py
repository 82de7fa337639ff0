"""Measure the examples' vote: what each floor, share and number of voters would answer.

    uv run python scripts/votes.py            # every labelled set (tests/labelled.py, SETS)
    uv run python scripts/votes.py FILE ...   # only these

Every question is asked once without the vote (the examples step switched off). For each
question it leaves unanswered, as a weak match or a close call, and that names the subject or
is a post naming nothing else, the vote of its nearest examples is taken as Matcher.ask takes
it, each set's own examples left out (`lutaq eval` leaves them out too). Then every setting
is counted: questions it would answer right, in-scope questions it would answer with a wrong
entry, and questions about something else it would answer. The constants in use are
EXAMPLE_FLOOR, EXAMPLE_SHARE (match.py) and NEIGHBOURS (votes.py); docs/matching.md records
what was measured.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

# The labelled sets are named once, beside the tests that check their answers.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lutaq.evaluate import evaluate, load_cases
from lutaq.faq import load_faq
from lutaq.match import EXAMPLE_FLOOR, EXAMPLE_SHARE, Matcher
from lutaq.votes import NEIGHBOURS
from tests.labelled import SETS

FLOORS = (20.0, 25.0, 30.0)
SHARES = (0.4, 0.5, 0.6)
VOTERS = (5, 7, 9)


def main() -> None:
    paths = [Path(arg) for arg in sys.argv[1:]] or [path for path in SETS if path.exists()]
    faq = load_faq()
    matcher = Matcher(faq, skip=frozenset({"examples"}))
    # (score, {voters: (entry voted for, share)}, expected ids, in scope)
    weak: list[tuple[float, dict[int, tuple[str, float]], tuple[str, ...], bool]] = []
    for path in paths:
        for outcome in evaluate(matcher, load_cases(path, faq)).outcomes:
            result = outcome.result
            if result.answer is not None or result.code not in ("weak_match", "close_call"):
                continue
            best = result.ranked[0]
            if not (
                matcher.names_subject(w.term for w in best.words)
                or matcher.names_nothing_else(result.query, best)
            ):
                continue
            terms = [w.term.term for w in best.words]
            found = {}
            for voters in VOTERS:
                vote = matcher.vote(terms, path.stem, voters)
                if vote is not None and vote.answer == best.entry.id:
                    found[voters] = (vote.answer, vote.share)
            weak.append((best.score, found, outcome.case.expect, outcome.case.group == "in"))
    print(f"{len(weak):,} questions left unanswered that the vote may answer ({len(paths)} sets)")
    heads = ("floor", 5), ("share", 5), ("voters", 6), ("right", 5), ("wrong", 5), ("off-topic", 9)
    print("  ".join(f"{head:>{width}}" for head, width in heads))
    for floor, share, voters in itertools.product(FLOORS, SHARES, VOTERS):
        right = wrong = other = 0
        for score, found, expect, in_scope in weak:
            answer, got = found.get(voters, ("", 0.0))
            if score < floor or not answer or got < share:
                continue
            if answer in expect:
                right += 1
            elif in_scope:
                wrong += 1
            else:
                other += 1
        used = (floor, share, voters) == (EXAMPLE_FLOOR, EXAMPLE_SHARE, NEIGHBOURS)
        print(
            f"{floor:>5.0f}  {share:>5.1f}  {voters:>6}  {right:>5}  {wrong:>5}  {other:>9}"
            + ("  (in use)" if used else "")
        )


if __name__ == "__main__":
    main()
