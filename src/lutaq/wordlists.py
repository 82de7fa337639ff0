"""The word lists that shape how lutaq reads text, as data files in lutaq/words/.

Data, not code: a word added or removed is one line of a diff, and each file's comments carry
the list's reason. A file is read once, when the module using it is imported (text.py,
analysis.py); all of them together are a few kilobytes, read in well under a millisecond.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).with_name("words")

FILES = (
    "stop.txt",
    "whose.txt",
    "filler.txt",
    "shorthand.txt",
    "contractions.txt",
    "treatment.txt",
    "course.txt",
)
"""Every list: what the wheel must carry, and what a cached matcher's key must cover."""


class WordListError(ValueError):
    """A line of a bundled list that is not an entry: a mistake in lutaq, not the user's."""


def _entries(name: str) -> list[tuple[int, str]]:
    """A file's entries with their line numbers; `#` starts a comment, blank lines are skipped."""
    text = (FOLDER / name).read_text(encoding="utf-8")
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        entry = line.partition("#")[0].strip()
        if entry:
            found.append((number, entry))
    return found


def words(name: str) -> list[str]:
    """A list of one word a line, in file order."""
    found: dict[str, None] = {}
    for number, entry in _entries(name):
        if " " in entry or entry in found:
            raise WordListError(f"{FOLDER / name}:{number}: not one new word: {entry!r}")
        found[entry] = None
    return list(found)


def mapping(name: str) -> dict[str, str]:
    """A list of `typed = read as` lines, in file order; the reading may be empty or words."""
    found = {}
    for number, entry in _entries(name):
        key, equals, value = entry.partition("=")
        key = key.strip()
        if not equals or not key or " " in key or key in found:
            raise WordListError(f"{FOLDER / name}:{number}: not `word = reading`: {entry!r}")
        found[key] = " ".join(value.split())
    return found
