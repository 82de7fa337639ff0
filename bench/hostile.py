"""Hostile sizes: the worst inputs the README's limits allow, against the bundled FAQ.

    uv run python bench/hostile.py [--runs N]

Each case once grew faster than its input (issue 17): a [synonyms] table of 16,000 groups
(30 s on every command), 8,000 citations of unknown sources (187 s, 440 MB of messages),
`validate` on 10,000 entries (66 s, 955 MB), `sources` at 5,000 sources x 5,000 entries
(16 s), one question of 10 MB (62 s, 2.4 GB; now refused above 5,000 characters, so the
case is a question just under the limit). Prints medians of whole-process runs, their peak
memory, and the ratio to `lutaq list` on the bundled FAQ measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import string
import subprocess
import tempfile
import time
from pathlib import Path

from timing import environment, lutaq, table

HEAD = """\
[meta]
title = "Hostile FAQ"

[sources.rhs]
title = "A source"
url = "https://example.org/"

[[entry]]
id = "watering"
question = "How often should I water tomatoes?"
answer = "Water tomatoes regularly."
sources = ["rhs"]
"""


def _words(chance: random.Random, count: int) -> str:
    letters = string.ascii_lowercase
    return " ".join("".join(chance.choices(letters, k=chance.randint(3, 9))) for _ in range(count))


def files(folder: Path) -> dict[str, Path]:
    """The hostile FAQ files, written once."""
    chance = random.Random(17)
    made = {
        "synonyms": HEAD
        + "\n[synonyms]\n"
        + "".join(f'w{i}x = ["v{i}a", "v{i}b q{i}"]\n' for i in range(16_000)),
        "unknown-sources": HEAD
        + "".join(
            f'\n[[entry]]\nid = "e{i}"\nquestion = "question {i}?"\nanswer = "a"\n'
            f'sources = ["nope{i}"]\n'
            for i in range(8_000)
        ),
        "entries": HEAD
        + "".join(
            f'\n[[entry]]\nid = "e{i}"\nquestion = "about {_words(chance, 2)} {i}?"\n'
            f'answer = "a"\nsources = ["rhs"]\n'
            for i in range(10_000)
        ),
        "sources": HEAD
        + "".join(
            f'\n[sources.s{i}]\ntitle = "Source {i}"\nurl = "https://example.org/{i}"\n'
            for i in range(5_000)
        )
        + "".join(
            f'\n[[entry]]\nid = "e{i}"\nquestion = "question {i}?"\nanswer = "a"\n'
            f'sources = ["s{i}", "rhs"]\n'
            for i in range(5_000)
        ),
    }
    paths = {}
    for name, text in made.items():
        paths[name] = folder / f"{name}.toml"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def run(command: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Seconds, peak KiB and exit code of one run (exit 2 is expected for broken files)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    question = _words(random.Random(5), 900)[:4_990]
    with tempfile.TemporaryDirectory() as folder:
        paths = files(Path(folder))
        env = environment(LUTAQ_CACHE_DIR=str(Path(folder) / "cache"))
        cases = {
            "list, bundled FAQ (baseline)": [*lutaq(), "list"],
            "list, 16,000 synonym groups": [*lutaq(), "--faq", str(paths["synonyms"]), "list"],
            "list, 8,000 unknown sources": [
                *lutaq(),
                "--faq",
                str(paths["unknown-sources"]),
                "list",
            ],
            "validate, 10,000 entries": [*lutaq(), "validate", str(paths["entries"])],
            "sources, 5,000 x 5,000": [*lutaq(), "--faq", str(paths["sources"]), "sources"],
            "ask, a 4,990-character question": [*lutaq(), "ask", question],
        }
        rows = []
        baseline = 0.0
        for name, command in cases.items():
            results = [run(command, env) for _ in range(runs)]
            median = statistics.median(seconds for seconds, _, _ in results) * 1000
            peak = max(kib for _, kib, _ in results) / 1024
            baseline = baseline or median
            codes = sorted({code for _, _, code in results})
            rows.append(
                [name, f"{median:.0f}", f"{median / baseline:.1f}x", f"{peak:.1f}", str(codes)]
            )
    print(table(["case", "ms", "vs baseline", "peak MiB", "exit"], rows))


if __name__ == "__main__":
    main()
