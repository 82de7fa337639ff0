"""The labelled examples nearest a question, and the entry they vote for.

A second opinion on a weak match, from a different kind of evidence than the matcher's: not
how much of a question an entry's phrasings make up, but which entry answered the questions
worded most like it. Patients' posts spend most of their words on their story ("had my second
one last week and I was napping at 2pm like a toddler lol"), so no entry's phrasings make up
much of them; questions told in the same words were labelled, and they say which entry it was.

Questions and examples are bags of the matcher's terms (Analyzer.terms, with typos read),
weighed by TF-IDF over the examples and compared by cosine similarity. Each of the
NEIGHBOURS nearest examples splits its similarity among the entries that answer it, or gives
it to "none" when none does; the vote is the entry with the largest share.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

NEIGHBOURS = 7
"""How many of the nearest examples vote; when fewer share a word with the question, Matcher
does not count the vote (a handful of examples cannot outvote the phrasings). Measured with 5,
7 and 9 (scripts/votes.py): with half the vote, 5 answered 3 more questions right and 3 more
wrong than 7, and 9 as many right with 1 fewer wrong; 7 held up best when the examples were
fewer (2,262)."""

NONE = ""
"""The vote of an example that no entry answers: a question about something else."""


class Vote(NamedTuple):
    """The entry the nearest examples vote for (NONE: about something else), its share of
    their similarity (0-1), and how many of them it answers."""

    answer: str
    share: float
    agreeing: int
    voters: int


class Votes:
    """An index of labelled examples, built once, asked for the vote on many questions."""

    def __init__(
        self,
        terms: Sequence[Sequence[str]],
        answers: Sequence[tuple[str, ...]],
        sets: Sequence[str],
    ) -> None:
        """`terms`: each example's terms; `answers`: the entries answering it; `sets`: the
        labelled set it is from."""
        self._answers = [tuple(found) or (NONE,) for found in answers]
        self._sets = list(sets)
        count = max(len(terms), 1)
        frequency: Counter[str] = Counter()
        for bag in terms:
            frequency.update(set(bag))
        # A term none of the examples has weighs as one that only one in `count` would have:
        # it still makes a question unlike them all (its vector's length), not like any one.
        self._missing = math.log(count)
        self._idf = {term: math.log(count / (1 + df)) for term, df in frequency.items()}
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for number, bag in enumerate(terms):
            for term, weight in self._vector(bag).items():
                self._postings.setdefault(term, []).append((number, weight))

    def _vector(self, terms: Sequence[str]) -> dict[str, float]:
        weights = {
            term: count * self._idf.get(term, self._missing)
            for term, count in Counter(terms).items()
        }
        length = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
        return {term: weight / length for term, weight in weights.items()}

    def asked(self, term: str, leave_out: str = "") -> bool:
        """Whether an example that an entry answers has this term, not counting the examples
        of the set `leave_out`."""
        return any(
            self._answers[number] != (NONE,) and not (leave_out and self._sets[number] == leave_out)
            for number, _ in self._postings.get(term, ())
        )

    def vote(
        self, terms: Sequence[str], leave_out: str = "", neighbours: int = NEIGHBOURS
    ) -> Vote | None:
        """The vote of the `neighbours` examples nearest a question's terms, without those from
        the set `leave_out` (a set measured against its own questions would find each one
        itself); None when no example shares a term with it."""
        similarity: dict[int, float] = {}
        for term, weight in self._vector(terms).items():
            for number, other in self._postings.get(term, ()):
                if leave_out and self._sets[number] == leave_out:
                    continue
                similarity[number] = similarity.get(number, 0.0) + weight * other
        alike = ((number, near) for number, near in similarity.items() if near > 0)
        nearest = heapq.nsmallest(neighbours, alike, key=lambda kv: (-kv[1], kv[0]))
        if not nearest:
            return None
        shares: dict[str, float] = {}
        for number, near in nearest:
            answers = self._answers[number]
            for answer in answers:
                shares[answer] = shares.get(answer, 0.0) + near / len(answers)
        total = sum(shares.values()) or 1.0
        # Ties go to the entry first voted for, by the nearest example.
        answer = max(shares, key=lambda found: shares[found])
        agreeing = sum(answer in self._answers[number] for number, _ in nearest)
        return Vote(answer, shares[answer] / total, agreeing, len(nearest))
