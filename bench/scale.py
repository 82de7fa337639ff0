"""Scale: `lutaq ask` with a generated 2,000-entry FAQ against the bundled one.

    uv run python bench/scale.py [--entries N] [--runs N]

Writes a FAQ of N entries (default 2,000: questions, aliases, answers, key figures, sources
and synonyms, made of generated words) to a temporary directory and times `lutaq ask --faq`
on it: with the prepared FAQ cached (every run after the first), without the cache, and the
first run, which prepares and caches it. Target (issue 6): at most 2x the bundled FAQ's time.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

from timing import environment, lutaq, measure, run_once, table, verdict

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "pe", "dra", "qu", "zen", "fo"]


def generated_faq(entries: int, seed: int = 2026) -> str:
    """A valid FAQ file of `entries` entries, deterministic for a seed."""
    chance = random.Random(seed)
    vocabulary = sorted(
        {"".join(chance.choices(SYLLABLES, k=chance.randint(2, 4))) for _ in range(6000)}
    )

    def sentence(low: int, high: int) -> str:
        return " ".join(chance.choices(vocabulary, k=chance.randint(low, high)))

    sources = [f"source-{number}" for number in range(50)]
    lines = ['[meta]\ntitle = "Generated FAQ"\n']
    for source in sources:
        lines.append(f'[sources.{source}]\ntitle = "{sentence(3, 6)}"\n')
        lines.append(f'url = "https://example.org/{source}"\n')
    seen: set[str] = set()
    for number in range(entries):
        phrasings: list[str] = []
        while len(phrasings) < 5:
            text = sentence(4, 9)
            if text not in seen:
                seen.add(text)
                phrasings.append(text)
        cited = chance.sample(sources, 2)
        lines.append(f'\n[[entry]]\nid = "entry-{number}"\nquestion = "{phrasings[0]}?"\n')
        lines.append(f'answer = """\n{sentence(40, 80)}.\n\n{sentence(20, 40)}.\n"""\n')
        lines.append(f"sources = {cited!r}\n".replace("'", '"'))
        lines.append("aliases = [" + ", ".join(f'"{a}"' for a in phrasings[1:]) + "]\n")
        lines.append(f'[[entry.figures]]\ntext = "{sentence(6, 12)}"\nsource = "{cited[0]}"\n')
    lines.append("\n[synonyms]\n")
    terms = chance.sample(vocabulary, 300)
    for term, variant in zip(terms[:150], terms[150:], strict=True):
        lines.append(f'{term} = ["{variant}"]\n')
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.toml"
        big.write_text(generated_faq(arguments.entries), encoding="utf-8")
        cache = Path(folder) / "cache"
        env = environment(LUTAQ_CACHE_DIR=str(cache))
        question = "how long does it work"
        middle = arguments.entries // 2 + 1  # a question from the middle of the file
        asked = big.read_text(encoding="utf-8").split('question = "')[middle].split("?")[0]
        first, _ = run_once([*lutaq(), "ask", "--faq", str(big), asked], env)
        cached = sum(path.stat().st_size for path in cache.glob("*.pickle"))
        size = big.stat().st_size
        results = measure(
            {
                "bundled FAQ": ([*lutaq(), "ask", question], env),
                f"{arguments.entries:,} entries": (
                    [*lutaq(), "ask", "--faq", str(big), asked],
                    env,
                ),
                "  the same, no cache": (
                    [*lutaq(), "ask", "--faq", str(big), asked],
                    environment(LUTAQ_NO_CACHE="1"),
                ),
            },
            arguments.runs,
        )
    bundled = results["bundled FAQ"][0]
    rows = [
        [name, f"{ms:.1f}", f"{ms / bundled:.2f}x", f"{kib / 1024:.1f}"]
        for name, (ms, kib) in results.items()
    ]
    first_ms = first * 1000
    rows.append(
        ["  first run (prepares, caches)", f"{first_ms:.1f}", f"{first_ms / bundled:.2f}x", ""]
    )
    print(
        f"Scale: lutaq ask, median of {arguments.runs} runs; "
        f"generated FAQ of {size / 1024:.0f} KiB\n"
    )
    print(table(["FAQ", "ms", "vs bundled", "peak MiB"], rows))
    big_ms, big_kib = results[f"{arguments.entries:,} entries"]
    print(f"\nprepared FAQ in the cache: {cached / 1024:.0f} KiB")
    print(f"<= 2x the bundled FAQ:   {big_ms / bundled:.2f}x  {verdict(big_ms <= 2 * bundled)}")
    print(f"peak memory < 40 MiB:    {big_kib / 1024:.1f} MiB  {verdict(big_kib < 40 * 1024)}")


if __name__ == "__main__":
    main()
