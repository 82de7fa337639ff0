"""Choose the matcher's threshold and margin (and word weights) from labelled questions.

    uv run python scripts/tune.py tests/questions.toml ../shared/eval/public.toml

For each weighting it ranks every question once, then tries every threshold and margin on
those rankings. The objective follows the targets: the most in-scope questions answered right,
among the settings that still refuse at least 98% of off-topic questions and 85% of off-topic
questions sharing words with the FAQ (floors above the 95% and 70% required, so that unseen
questions keep a safety margin). Among equals, the widest margin wins. Prints the best
settings, and the plateau around them.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from lutaq.evaluate import GROUPS, Case, load_cases
from lutaq.faq import load_faq
from lutaq.match import ANSWER_WEIGHT, MARGIN, THRESHOLD, UNKNOWN_WEIGHT, Match, Matcher

THRESHOLDS = [float(t) for t in range(40, 82, 2)]
# A lead of at least 2 points: below that, near-ties would be settled by file order rather
# than reported as two close entries.
MARGINS = [float(m) for m in range(2, 13)]
OFF_TOPIC_FLOOR = 0.98
SHARING_WORDS_FLOOR = 0.85
UNKNOWN_WEIGHTS = [1.5, 2.0, 2.5, 3.0, 4.0]
ANCHORED_WEIGHTS = [0.5, 1.0, 1.5]
ANSWER_WEIGHTS = [0.0, 0.2, 0.4, 0.6]


def accuracy(
    matcher: Matcher,
    ranked: list[tuple[Case, tuple[Match, ...]]],
    threshold: float,
    margin: float,
) -> tuple[float, dict[str, float]]:
    right = {group: [0, 0] for group in GROUPS}
    for case, matches in ranked:
        result = matcher.decide(case.question, matches, threshold=threshold, margin=margin)
        answered = result.answer_id
        ok = answered in case.expect if case.expect else answered is None
        right[case.group][0] += ok
        right[case.group][1] += 1
    per_group = {g: r / t for g, (r, t) in right.items() if t}
    return sum(per_group.values()) / len(per_group), per_group


def main(paths: list[str]) -> None:
    faq = load_faq()
    cases = [case for path in paths for case in load_cases(Path(path), faq)]
    print(f"{len(cases)} questions from {', '.join(paths)}")
    print(
        f"current: threshold {THRESHOLD}, margin {MARGIN}, unknown {UNKNOWN_WEIGHT}, "
        f"answer {ANSWER_WEIGHT}"
    )
    rows = []
    for unknown, anchored, answer in itertools.product(
        UNKNOWN_WEIGHTS, ANCHORED_WEIGHTS, ANSWER_WEIGHTS
    ):
        matcher = Matcher(
            faq, unknown_weight=unknown, anchored_unknown_weight=anchored, answer_weight=answer
        )
        ranked = [(case, matcher.rank(case.question)) for case in cases]
        for threshold, margin in itertools.product(THRESHOLDS, MARGINS):
            mean, groups = accuracy(matcher, ranked, threshold, margin)
            rows.append((mean, unknown, anchored, answer, threshold, margin, groups))
    # Within the floors, most in scope first, to the nearest half percent (closer than that is
    # a question or two); among equals, the widest margin (the safest against close calls),
    # then the most off-topic questions refused, then the highest threshold.
    rows = [
        row
        for row in rows
        if row[6].get("oos", 1.0) >= OFF_TOPIC_FLOOR
        and row[6].get("hard", 1.0) >= SHARING_WORDS_FLOOR
    ]
    rows.sort(
        key=lambda row: (
            -round(row[6].get("in", 0.0) * 200),
            -row[5],
            -(row[6].get("oos", 0.0) + row[6].get("hard", 0.0)),
            -row[4],
        )
    )
    for mean, unknown, anchored, answer, threshold, margin, groups in rows[:15]:
        parts = "  ".join(f"{g} {100 * a:5.1f}%" for g, a in groups.items())
        print(
            f"mean {100 * mean:5.1f}%  unknown {unknown}/{anchored}  answer {answer}  "
            f"threshold {threshold}  margin {margin}  {parts}"
        )


if __name__ == "__main__":
    main(sys.argv[1:] or ["tests/questions.toml"])
