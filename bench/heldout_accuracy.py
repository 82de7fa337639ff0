"""Accuracy on the held-out questions (bench/heldout/): what no example, floor or tuning saw.

    uv run python bench/heldout_accuracy.py

Each file there is the half of a blind-written round kept out of the repository's examples
(scripts/examples.py reads only tests/real/) and the tuner. Prints, per file and in total, the
in-scope questions answered by a right entry, answered wrongly and refused, and the questions
about other treatments refused: counts only, never the questions, so that reading the output
does not teach anyone what to tune for. Not a test: a measure to compare a change against.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lutaq.evaluate import evaluate, load_cases
from lutaq.faq import load_faq
from lutaq.match import Matcher

HELDOUT = Path(__file__).resolve().parent / "heldout"


def main() -> None:
    faq = load_faq()
    matcher = Matcher(faq)
    total = Counter[str]()
    print(f"{'set':34} {'in scope right':>15} {'wrong':>6} {'refused':>8} {'others refused':>15}")
    for path in sorted(HELDOUT.glob("*.toml")):
        count = Counter[str]()
        for outcome in evaluate(matcher, load_cases(path, faq)).outcomes:
            if outcome.case.group != "in":
                count.update(others=1, kept=outcome.right)
            else:
                answered = outcome.result.answer is not None
                reply = "right" if outcome.right else "wrong" if answered else "refused"
                count.update(asked=1, **{reply: 1})
        total += count
        print(_row(path.stem, count))
    print(_row("total", total))
    print(
        f"in scope {total['right'] / (total['asked'] or 1):.1%} right;"
        f" others {total['kept'] / (total['others'] or 1):.1%} refused"
    )


def _row(name: str, count: Counter[str]) -> str:
    right, asked = f"{count['right']}/{count['asked']}", f"{count['kept']}/{count['others']}"
    return f"{name:34} {right:>15} {count['wrong']:>6} {count['refused']:>8} {asked:>15}"


if __name__ == "__main__":
    main()
