"""Phrases of a valid FAQ that the matcher reads alike: `lutaq validate`'s warnings about them.

The FAQ file's own checks (faq.py) compare phrases as they are spelled, so whether a file is
valid never depends on the matcher. The matcher reads more into a phrase: word endings
stemmed ("roses" is "rose"), contractions and shorthand expanded, words such as "my" or
"relative" set aside. Two phrases spelled apart may then read the same, and the matcher cannot
tell them apart; these are found here, as warnings, and change when the matcher's reading does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from lutaq.analysis import phrase_key, tokens
from lutaq.faq import Faq

Reading = Callable[[str], tuple[str, ...]]


class Clash(NamedTuple):
    """One warning: where in the file (a key path, as problems name them), and what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class _Phrase(NamedTuple):
    text: str
    owner: str  # the group, entry or neighbour it belongs to; clashes are between owners
    where: str
    what: str  # how a message names the owner: "a synonym of 'rose'"


def clashes(faq: Faq) -> tuple[Clash, ...]:
    """Every phrase that reads as another owner's phrase, or as no words, in file order."""
    found: list[Clash] = []
    found += _read_alike(_phrasings(faq), phrase_key, empty_is_clash=False)
    # Neighbours' phrases are read as match.py looks for them in a question: stemmed, with
    # every word kept.
    found += _read_alike(_neighbour_phrases(faq), _tokens, empty_is_clash=True)
    found += _read_alike(_synonym_phrases(faq), phrase_key, empty_is_clash=True)
    return tuple(found)


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(tokens(text))


def _phrasings(faq: Faq) -> Iterable[_Phrase]:
    for entry in faq.entries:
        for number, text in enumerate(entry.phrasings):
            key = "question" if number == 0 else "aliases"
            what = f"a phrasing of entry {entry.id!r}"
            yield _Phrase(text, entry.id, f"entry {entry.id!r}.{key}", what)


def _neighbour_phrases(faq: Faq) -> Iterable[_Phrase]:
    for number, neighbour in enumerate(faq.not_about, start=1):
        for text in neighbour.phrases:
            where = f"not_about[{number}].phrases"
            yield _Phrase(text, where, where, f"a phrase of {neighbour.name!r}")


def _synonym_phrases(faq: Faq) -> Iterable[_Phrase]:
    for term, variants in faq.synonyms.items():
        for text in (term, *variants):
            yield _Phrase(text, term, f"synonyms.{term}", f"a synonym of {term!r}")


def _read_alike(phrases: Iterable[_Phrase], read: Reading, *, empty_is_clash: bool) -> list[Clash]:
    """Phrases whose reading is an earlier phrase's of another owner (phrases of one owner
    may read alike: they mean the same thing), and, where asked, phrases read as nothing."""
    first: dict[tuple[str, ...], _Phrase] = {}
    found: list[Clash] = []
    for phrase in phrases:
        key = read(phrase.text)
        if not key:
            if empty_is_clash:
                message = f"lutaq reads no word in {phrase.text!r}, so it never matches"
                found.append(Clash(phrase.where, message))
            continue
        other = first.setdefault(key, phrase)
        if other.owner != phrase.owner:
            message = (
                f"{phrase.text!r} reads the same to lutaq as {other.text!r}, "
                f"{other.what}: it cannot tell them apart"
            )
            found.append(Clash(phrase.where, message))
    return found
