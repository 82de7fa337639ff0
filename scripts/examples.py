"""Write data/faq.examples.toml: the bundled FAQ's labelled examples, from tests/real/.

    uv run python scripts/examples.py

Run it after adding or relabelling a set written before its writers saw the FAQ, and commit
the file with the set (tests/test_examples.py fails until it is current). The examples are
every question of those sets (tests/labelled.py, EXAMPLE_SETS), with the set each is from:
`lutaq eval` of a set leaves that set's own examples out.
"""

from __future__ import annotations

import sys
from pathlib import Path

# The sets live with the tests that measure them.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lutaq.faq import bundled_path, decode_faq, parse_faq, read_faq_bytes
from tests.labelled import EXAMPLE_SETS, EXAMPLES, examples_text


def main() -> None:
    # The FAQ alone: its entries are what the examples are checked against, and the examples
    # file being written may be out of date or absent.
    path = bundled_path()
    faq = parse_faq(decode_faq(read_faq_bytes(path), str(path)), origin=str(path))
    text = examples_text(faq)
    before = EXAMPLES.read_text(encoding="utf-8") if EXAMPLES.exists() else ""
    EXAMPLES.write_text(text, encoding="utf-8")
    count = text.count("[[example]]")
    state = "no change" if text == before else "written"
    print(f"{EXAMPLES.name}: {count:,} examples from {len(EXAMPLE_SETS)} sets; {state}")


if __name__ == "__main__":
    main()
