"""Accuracy on the held-out questions (bench/heldout/): what no example, floor or tuning saw.

    uv run python bench/heldout_accuracy.py

Each file there is the half of a blind-written round kept out of the repository's examples
(scripts/examples.py reads only tests/real/) and the tuner. Prints, per file and in total, the
in-scope questions answered by a right entry, answered wrongly and refused, and the questions
about other treatments refused: counts only, never the questions, so that reading the output
does not teach anyone what to tune for. Not a test: a measure to compare a change against.
"""

from __future__ import annotations

from pathlib import Path

from lutaq.evaluate import evaluate, load_cases
from lutaq.faq import load_faq
from lutaq.match import Matcher

HELDOUT = Path(__file__).resolve().parent / "heldout"


def main() -> None:
    faq = load_faq()
    matcher = Matcher(faq)
    totals: list[int] = [0, 0, 0, 0, 0]
    print(f"{'set':34} {'in scope right':>15} {'wrong':>6} {'refused':>8} {'others refused':>15}")
    for path in sorted(HELDOUT.glob("*.toml")):
        report = evaluate(matcher, load_cases(path, faq))
        inside = [o for o in report.outcomes if o.case.group == "in"]
        others = [o for o in report.outcomes if o.case.group != "in"]
        right = sum(o.right for o in inside)
        refused = sum(o.result.answer is None for o in inside if not o.right)
        row: list[int] = [
            right,
            len(inside) - right - refused,
            refused,
            sum(o.right for o in others),
        ]
        totals = [a + b for a, b in zip(totals, [*row, len(others)], strict=True)]
        print(
            f"{path.stem:34} {right:>7}/{len(inside):<7} {row[1]:>6} {refused:>8}"
            f" {row[3]:>7}/{len(others):<7}"
        )
    right, wrong, refused, kept, asked = totals
    count = right + wrong + refused
    print(
        f"{'total':34} {right:>7}/{count:<7} {wrong:>6} {refused:>8} {kept:>7}/{asked:<7}"
        f"\nin scope {right / (count or 1):.1%} right; others {kept / (asked or 1):.1%} refused"
    )


if __name__ == "__main__":
    main()
