"""How common a word is in general English, from the table scripts/build_english.py writes.

An unknown question word that is common English ("tonight", "honestly", "booked") is most
likely the asker's own phrasing; a rare one ("pluvicto", "xofigo") most likely names another
subject. The table is read on first use only: most questions lutaq answers from its cache
never need it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("english.txt")

COMMON = 4.5
"""Zipf at or above which a word is common English: never "corrected" into a FAQ word.

4.5 keeps "expect" (5.0), "may" (6.0) and "house" (5.7) as typed, while "trail" (4.4) in
"clinical trail results" and "lng" (3.2) in "how lng does it last" are still read as typos."""


@cache
def _text() -> str:
    """The table as one string, each line padded with spaces so a word is found as " word "."""
    try:
        text = TABLE.read_text(encoding="utf-8")
    except OSError:  # a broken install: every unknown word then weighs as rare
        return ""
    return "\n".join(f"{row} " for row in text.splitlines())


_SEARCHES_BEFORE_TABLE = 32
"""Lookups answered by searching the text before a dictionary of it pays for itself."""

_searches = 0


@cache
def _dictionary() -> dict[str, float]:
    table: dict[str, float] = {}
    for row in _text().split("\n"):
        tenths, _, stems = row.partition(" ")
        if tenths:
            table.update(dict.fromkeys(stems.split(), int(tenths) / 10))
    return table


@cache
def zipf(term: str) -> float:
    """The zipf frequency of a stemmed word (0.0 for a word outside the table).

    One question has a few unknown words, and finding each in the 200 kB text takes about
    0.15 ms, while building a dictionary of its 27,000 stems takes 8 ms: a single `ask`
    searches, and a batch (`ask -`, `eval`) builds the dictionary once it has searched enough.
    """
    global _searches
    if not term or not term.isalnum():
        return 0.0
    if _searches >= _SEARCHES_BEFORE_TABLE:
        return _dictionary().get(term, 0.0)
    _searches += 1
    text = _text()
    place = text.find(f" {term} ")
    if place < 0:
        return 0.0
    start = text.rfind("\n", 0, place) + 1
    return int(text[start : text.index(" ", start)]) / 10


def is_common(term: str) -> bool:
    """Whether a stemmed word is common English (and so never a typo of a FAQ word)."""
    return zipf(term) >= COMMON
