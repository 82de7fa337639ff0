"""Matching a question to FAQ entries: word-level, weighted, and able to say "none".

Whole-string fuzzy scores (WRatio, token_set_ratio, partial_ratio) give high scores to any
text that shares one word or is a substring, so they cannot tell an off-topic question from
a real one. Instead each content word of the question is looked up in the FAQ's vocabulary
(exactly, or within a small edit distance), weighted by how specific it is to one entry, and
a word the FAQ has never seen counts against the match. Pure functions over a prepared
index: no I/O, no printing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from lutaq.faq import Entry, Faq
from lutaq.text import stem, words

# Words that say what kind of question it is but not what it is about.
_STOP_WORDS_TEXT = """
a about after again all also am an and any anything are as at be been before being but by
can could did do does doing done for from get gets getting give go going got had has have
having he her here hers him his how i if in into is it its just know let like lot me might
more most much must my no not now of off on one or other our out over please really say see
she should so some something still such tell than that the their them then there these they
thing things this those to too up us very want was way we well were what when where whether
which while who whom whose why will with would yes yet you your yours
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

THRESHOLD = 60.0
"""Scores below this are not answers: the best entry is only a suggestion."""

MARGIN = 4.0
"""The best entry must lead the next one by this much, or the two are reported as close."""

SUGGESTION_FLOOR = 25.0
"""Entries scoring below this are too far off to offer as "Did you mean"."""

_FUZZY_SIMILARITY = {0: 1.0, 1: 0.85, 2: 0.7}


@dataclass(frozen=True, slots=True)
class Match:
    """An entry with how well the question matches it (0-100) and through which phrasing."""

    entry: Entry
    score: float
    phrasing: str


@dataclass(frozen=True, slots=True)
class Result:
    """The matcher's verdict on one question: every entry ranked, and the answer if confident."""

    query: str
    ranked: tuple[Match, ...]
    answer: Match | None
    reason: str

    def alternatives(self, count: int) -> tuple[Match, ...]:
        """The next best entries after the answer (or the best guesses when there is none)."""
        rest = self.ranked[1:] if self.answer is not None else self.ranked
        return tuple(match for match in rest if match.score > 0)[:count]

    def suggestions(self, count: int) -> tuple[Match, ...]:
        """Entries worth offering as "Did you mean" when there is no answer."""
        return tuple(m for m in self.alternatives(count) if m.score >= SUGGESTION_FLOOR)


def allowed_edits(word: str) -> int:
    """Typos tolerated in a word, as Elasticsearch's AUTO fuzziness: 0, 1 or 2 by length.

    Counted as optimal string alignment, so a swap of two letters ("lnog") is one edit.
    """
    if len(word) <= 2:
        return 0
    return 1 if len(word) <= 5 else 2


def content_words(text: str) -> tuple[str, ...]:
    """The stemmed words of a text that can carry a match, in order, without repeats."""
    seen: dict[str, None] = {}
    for word in words(text):
        if word not in STOP_WORDS:
            seen.setdefault(stem(word), None)
    return tuple(seen)


@dataclass(frozen=True, slots=True)
class _Phrasing:
    text: str
    terms: frozenset[str]


class Matcher:
    """An index of a FAQ's phrasings, built once and asked many questions."""

    def __init__(self, faq: Faq, *, threshold: float = THRESHOLD, margin: float = MARGIN) -> None:
        self.faq = faq
        self.threshold = threshold
        self.margin = margin
        self._phrasings = [
            [_Phrasing(text, frozenset(content_words(text))) for text in entry.phrasings]
            for entry in faq.entries
        ]
        document_frequency: dict[str, int] = {}
        for phrasings in self._phrasings:
            for term in set().union(*(p.terms for p in phrasings)):
                document_frequency[term] = document_frequency.get(term, 0) + 1
        count = len(faq.entries)
        self._idf = {t: math.log(1 + count / df) for t, df in document_frequency.items()}
        self._unknown_weight = math.log(1 + count)
        self._vocabulary = sorted(self._idf)

    def ask(self, query: str) -> Result:
        """Rank every entry for a question and decide whether the best one is an answer."""
        ranked = self.rank(query)
        if not ranked or ranked[0].score <= 0:
            return Result(query, ranked, None, "no words in the question match this FAQ")
        best = ranked[0]
        if best.score < self.threshold:
            return Result(query, ranked, None, "no entry matches closely enough")
        if len(ranked) > 1 and best.score - ranked[1].score < self.margin:
            close = f"{best.entry.id!r} and {ranked[1].entry.id!r}"
            return Result(query, ranked, None, f"{close} match about equally well")
        return Result(query, ranked, best, "confident match")

    def rank(self, query: str) -> tuple[Match, ...]:
        """Every entry with its score, best first (ties keep file order)."""
        terms = content_words(query)
        if not terms:
            return tuple(Match(entry, 0.0, entry.question) for entry in self.faq.entries)
        resolved = [(self._weight(term), self._resolve(term)) for term in terms]
        matches = [
            self._score_entry(entry, phrasings, resolved)
            for entry, phrasings in zip(self.faq.entries, self._phrasings, strict=True)
        ]
        return tuple(sorted(matches, key=lambda match: -match.score))

    def _resolve(self, term: str) -> dict[str, float]:
        """Vocabulary words a question word may stand for, with how close each is (0-1)."""
        if term in self._idf:
            return {term: 1.0}
        edits = allowed_edits(term)
        if edits == 0:
            return {}
        found = process.extract(
            term, self._vocabulary, scorer=OSA.distance, score_cutoff=edits, limit=None
        )
        return {word: _FUZZY_SIMILARITY[int(distance)] for word, distance, _ in found}

    def _weight(self, term: str) -> float:
        """How much a question word counts: its specificity, or full weight if unknown."""
        candidates = self._resolve(term)
        if not candidates:
            return self._unknown_weight
        return max(self._idf[word] for word in candidates)

    def _score_entry(
        self,
        entry: Entry,
        phrasings: Sequence[_Phrasing],
        resolved: Sequence[tuple[float, dict[str, float]]],
    ) -> Match:
        scored = ((self._score_phrasing(p, resolved), p.text) for p in phrasings)
        score, text = max(scored, key=lambda pair: pair[0])
        return Match(entry, round(score, 1), text)

    def _score_phrasing(
        self, phrasing: _Phrasing, resolved: Sequence[tuple[float, dict[str, float]]]
    ) -> float:
        """0-100: how much of the question this phrasing explains, and how much of it is used."""
        if not phrasing.terms:
            return 0.0
        question_total = sum(weight for weight, _ in resolved)
        question_hit = 0.0
        used: set[str] = set()
        for weight, candidates in resolved:
            best_word, best_similarity = _best(candidates, phrasing.terms)
            if best_word is not None:
                question_hit += weight * best_similarity
                used.add(best_word)
        phrasing_total = sum(self._idf[term] for term in phrasing.terms)
        phrasing_hit = sum(self._idf[term] for term in used)
        coverage = question_hit / question_total
        completeness = phrasing_hit / phrasing_total
        return 100.0 * math.pow(coverage, 0.6) * math.pow(completeness, 0.4)


def _best(candidates: dict[str, float], terms: Iterable[str]) -> tuple[str | None, float]:
    best_word, best_similarity = None, 0.0
    for term in terms:
        similarity = candidates.get(term, 0.0)
        if similarity > best_similarity:
            best_word, best_similarity = term, similarity
    return best_word, best_similarity
