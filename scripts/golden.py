"""Write the matcher's answer to every labelled question to tests/golden/, one file per set.

    uv run python scripts/golden.py

Run it after a change to matching or to the FAQ, and commit the files with the change: their
diff shows which questions it fixes and which it breaks (tests/test_golden.py fails until
they are current). A set under ../shared that is absent keeps its golden file as it is.
"""

from __future__ import annotations

import sys
from pathlib import Path

# The sets and the line format live with the tests that check them.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lutaq.evaluate import load_cases
from lutaq.faq import load_faq
from lutaq.match import Matcher
from tests.labelled import GOLDEN, SETS, answer_lines, drift, golden_path, read_golden, render


def main() -> None:
    faq = load_faq()
    matcher = Matcher(faq)
    GOLDEN.mkdir(exist_ok=True)
    for stale in set(GOLDEN.glob("*.txt")) - {golden_path(path) for path in SETS}:
        stale.unlink()
        print(f"{stale.name}: removed (no such set)")
    for path in SETS:
        golden = golden_path(path)
        if not path.exists():
            print(f"{golden.name}: kept ({path} is absent)")
            continue
        lines = answer_lines(matcher, load_cases(path, faq), path.stem)
        before = read_golden(golden) if golden.exists() else []
        golden.write_text(render(path, lines), encoding="utf-8")
        changes = ", ".join(f"{len(items)} {kind}" for kind, items in drift(before, lines).items())
        right = sum(line.right for line in lines)
        print(f"{golden.name}: {right}/{len(lines)} right; {changes or 'no change'}")


if __name__ == "__main__":
    main()
