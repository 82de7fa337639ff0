"""Build src/lutaq/english.txt: how common each English word is, as lutaq reads words.

    uv run --group english python scripts/build_english.py

lutaq weighs a question word that its FAQ has never seen by how rare that word is in general
English ("tonight" says little, "pluvicto" says the question is about something else), and
never "corrects" a common English word into a FAQ word ("expect" is not "effect"). The
frequencies come from wordfreq (many corpora, maintained); this script keeps the most common
words, stems them exactly as lutaq stems question words, and writes one line per frequency:

    <zipf x 10> <stem> <stem> ...

Zipf is log10 of a word's frequency per billion words: 7 is "the", 5 "tonight", 3 "thermostat".
A stem takes the highest zipf of the words that fold to it. Rebuild after changing the stemmer
(lutaq.text.stem) or these limits; never edit the table by hand.
"""

from __future__ import annotations

from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

from lutaq.text import stem

TOP_WORDS = 40_000
"""How many of the most common English words to keep (down to about zipf 2.6)."""

OUT = Path(__file__).resolve().parent.parent / "src" / "lutaq" / "english.txt"


def main() -> None:
    best: dict[str, int] = {}
    for word in top_n_list("en", TOP_WORDS):
        if not word.isascii() or not word.isalpha():
            continue
        key = stem(word)
        tenths = round(zipf_frequency(word, "en") * 10)
        best[key] = max(best.get(key, 0), tenths)
    by_zipf: dict[int, list[str]] = {}
    for key, tenths in best.items():
        by_zipf.setdefault(tenths, []).append(key)
    lines = [f"{tenths} {' '.join(sorted(keys))}" for tenths, keys in sorted(by_zipf.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(best)} stems in {len(lines)} lines to {OUT}")


if __name__ == "__main__":
    main()
