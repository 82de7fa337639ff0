"""What each reading step saves: every labelled set answered with all steps, then without each.

    uv run python bench/steps.py [STEP ...]

For each step (lutaq.steps.STEPS; all of them by default), a matcher is built with that one
step switched off, and every labelled set (tests/labelled.py, as scripts/golden.py and
scripts/tune.py use) is asked. Each set's table shows the in-scope questions answered right
and the off-topic ones refused (both groups, "oos" and "hard"), with the change from all
steps; the last table adds the sets up, which docs/matching.md records. A step that saves
nothing on these sets is either dead weight or guards questions they lack: the step's tests
(tests/test_steps.py) say which.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable

from timing import REPO, table

# The sets live with the tests that check them.
sys.path.insert(0, str(REPO))

from lutaq.evaluate import Case, evaluate, load_cases
from lutaq.faq import load_faq
from lutaq.match import Matcher
from lutaq.steps import STEPS
from tests.labelled import SETS

Counts = tuple[int, int, int, int]
"""In-scope right, in-scope total, refusals right, refusals total."""


def counts(matcher: Matcher, cases: list[Case], name: str) -> Counts:
    groups = evaluate(matcher, cases, leave_out=name).groups()
    right_in, total_in = groups.get("in", (0, 0))
    refused = [groups.get(group, (0, 0)) for group in ("oos", "hard")]
    return right_in, total_in, sum(r for r, _ in refused), sum(t for _, t in refused)


def _total(found: Iterable[Counts]) -> Counts:
    right_in, total_in, right_out, total_out = zip(*found, strict=True)
    return sum(right_in), sum(total_in), sum(right_out), sum(total_out)


def cell(right: int, total: int, base: int) -> str:
    change = f" ({right - base:+d})" if right != base else ""
    return f"{right}/{total}{change}"


def main() -> None:
    names = [step.name for step in STEPS]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("steps", nargs="*", metavar="STEP", help=f"of: {', '.join(names)}")
    chosen = parser.parse_args().steps or names
    if unknown := sorted(set(chosen) - set(names)):
        parser.error(f"no step {', '.join(unknown)}")
    faq = load_faq()
    sets = {path.stem: load_cases(path, faq) for path in SETS if path.exists()}
    missing = [str(path) for path in SETS if not path.exists()]
    rows: dict[str, dict[str, Counts]] = {}
    for skipped in ["", *chosen]:
        matcher = Matcher(faq, skip=frozenset({skipped} - {""}))
        rows[skipped] = {name: counts(matcher, cases, name) for name, cases in sets.items()}
        print(f"... {'without ' + skipped if skipped else 'all steps'}", file=sys.stderr)
    totals = {skipped: _total(by_set.values()) for skipped, by_set in rows.items()}
    for title, by_step in [
        *((name, {skipped: by_set[name] for skipped, by_set in rows.items()}) for name in sets),
        ("all sets", totals),
    ]:
        base = by_step[""]
        lines = [
            [
                f"without {skipped}" if skipped else "all steps",
                cell(found[0], found[1], base[0]),
                cell(found[2], found[3], base[2]),
            ]
            for skipped, found in by_step.items()
        ]
        print(f"\n{title}\n")
        print(table(["reading", "in scope right", "refused right"], lines))
    if missing:
        print(f"\nabsent, so not counted: {', '.join(missing)}")


if __name__ == "__main__":
    main()
