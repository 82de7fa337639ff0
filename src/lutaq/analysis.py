"""From text to the terms the matcher weighs: typos corrected, synonyms merged, filler dropped.

Phrasings and questions go through the same steps, except that only questions have their
typos corrected (the FAQ's phrasings define the vocabulary that corrections aim at). Each step
has a name (steps.py), and an Analyzer can be made without any of them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from lutaq import wordlists
from lutaq.english import is_common, zipf
from lutaq.steps import checked
from lutaq.text import stem, words

# An asker whose name is also a verb: "nurse here", "as a NET nurse" say who asks, while
# "can I nurse" and "nursing" are about feeding a baby.
_NURSE = frozenset({"nurse", "nurses"})
_NAMING = frozenset({"a", "an", "as", "the", "our", "my", "your"})
# Whose the question is or who asks it, and filler: lists with their reasons in
# words/whose.txt and words/stop.txt, matched on words as written, not as stemmed. A
# whose-word's plural is dropped too ("mothers", "ours").
WHOSE_WRITTEN = frozenset(
    form
    for word in wordlists.words("whose.txt")
    for form in (word, word + "s" if word[-1] != "s" else word)
)
STOP_WRITTEN = frozenset(wordlists.words("stop.txt"))
# Words that only stress what is asked ("actually"): words/filler.txt has the list's reason.
FILLER_WRITTEN = frozenset(wordlists.words("filler.txt"))
STOP_WORDS = frozenset(stem(word) for word in STOP_WRITTEN | WHOSE_WRITTEN)
"""Stop words as stems: what a typo may only reach by swapped letters ("waht" is "what")."""

# A name with a number at its end, as "netter1" or "sstr2": its letters may hold a typo.
_NAME_WITH_NUMBER = re.compile(r"[a-z]{3,}[0-9]+")

SHORT_WORD = 4
"""Words up to this length are corrected only for two swapped letters or a dropped one."""

LONGEST_TYPO = 30
"""Longer words are taken as typed: no word people mean is that long, and searching is not free."""

LONG_WORD = 9
"""Words of this length or more may be two letters longer or shorter than the word meant."""

MAX_MERGES = 65_536
"""How many phrase look-ups (_merge_synonyms) are remembered before starting afresh."""

TYPO_SIMILARITY = (1.0, 0.85, 0.7)
"""How much a question word still counts after 0, 1 or 2 corrected typos."""


def allowed_edits(word: str) -> int:
    """Typos tolerated in a word, as Elasticsearch's AUTO fuzziness: 0, 1 or 2 by length.

    Counted as optimal string alignment, so a swap of two letters ("lnog") is one edit.
    """
    if len(word) <= 2:
        return 0
    return 1 if len(word) <= 5 else 2


def _shared_start(word: str, other: str) -> int:
    """How many first letters two words share."""
    shared = 0
    for mine, theirs in zip(word, other, strict=False):
        if mine != theirs:
            break
        shared += 1
    return shared


def _swapped_or_dropped(typed: str, known: str) -> bool:
    if len(known) == len(typed):
        return sorted(known) == sorted(typed)
    # A letter dropped after the first: "lng" and "lon" are "long".
    return len(known) == len(typed) + 1 and any(
        known[:cut] + known[cut + 1 :] == typed for cut in range(1, len(known))
    )


def _ends_differently(typed: str, known: str) -> bool:
    return len(typed) == len(known) + 1 and typed.startswith(known) and typed[-1] != known[-1]


def _doubling(typed: str, known: str) -> bool:
    """One letter doubled or undoubled apart: the commonest slip of the fingers."""
    short, long = sorted((typed, known), key=len)
    return len(long) == len(short) + 1 and any(
        long[cut] == long[cut - 1] and long[:cut] + long[cut + 1 :] == short
        for cut in range(1, len(long))
    )


def _one_edit(typed: str, known: str) -> bool:
    """One substitution, insertion, deletion or swap apart (no RapidFuzz import for this)."""
    if len(typed) == len(known):
        diff = [i for i, (a, b) in enumerate(zip(typed, known, strict=True)) if a != b]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == known[diff[1]]
            and typed[diff[1]] == known[diff[0]]
        )
    short, long = sorted((typed, known), key=len)
    return len(long) == len(short) + 1 and any(
        long[:cut] + long[cut + 1 :] == short for cut in range(len(long))
    )


def _content(text: str, skip: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """The words of a text as written and as stemmed, less those saying whose it is or who
    asks, and those that only stress what is asked."""
    written = words(text, skip=skip)
    if "filler" not in skip:
        written = [word for word in written if word not in FILLER_WRITTEN]
    if "whose" in skip:
        return [(word, stem(word)) for word in written]
    found = []
    for place, word in enumerate(written):
        if word in WHOSE_WRITTEN or (word in _NURSE and _names_asker(written, place)):
            continue
        if word == "pregnant" and _someone_pregnant(written, place):
            found.append(("someone", stem("someone")))
        found.append((word, stem(word)))
    return found


# Someone else's pregnancy: "my daughter is 6 months pregnant", "my pregnant sister". The
# relative is dropped as whose-word, which left "pregnant" as the patient's own (pregnancy and
# fertility); it is read as "someone pregnant" instead, the radiation-safety question of being
# near them. Not "my wife wants to get pregnant": that asks about fertility.
_POSSESSIVE = frozenset({"my", "your", "his", "her", "our", "their"})
_BEING = frozenset({"is", "was", "who", "being", "now", "currently"})
_BECOMING = frozenset({"get", "getting", "become", "becoming", "to", "try", "trying"})
_HOW_FAR = frozenset({"weeks", "week", "months", "month"})
_NEAR_PREGNANT = 5
_PEOPLE = (WHOSE_WRITTEN - _POSSESSIVE) | {"she"}  # "she is 14 weeks pregnant"


def _someone_pregnant(written: list[str], place: int) -> bool:
    """Whether "pregnant" at `place` is said of a relative or friend, not of the patient."""
    if written[place + 1 : place + 2] and written[place + 1] in _PEOPLE:
        return True  # "my pregnant daughter"
    before = written[max(place - _NEAR_PREGNANT, 0) : place]
    for start, word in enumerate(before):
        if word in _PEOPLE:
            # How far along says nothing of whose: "she's 14 weeks pregnant".
            between = {w for w in before[start + 1 :] if not w.isdigit() and w not in _HOW_FAR}
            if not between or (between & _BEING and not between & _BECOMING):
                return True  # "my daughter(') pregnant", "my daughter is 6 months pregnant"
    return False


def _names_asker(written: list[str], place: int) -> bool:
    """Whether the word at `place` names a person ("a nurse", "nurse here"), not an action."""
    after = written[place + 1 : place + 2]
    return after == ["here"] or not _NAMING.isdisjoint(written[max(place - 2, 0) : place])


def phrase_key(text: str, skip: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """How a synonym phrase is looked up: its stemmed words, less those saying whose it is or
    who asks."""
    return tuple(term for _, term in _content(text, skip))


def tokens(text: str, skip: frozenset[str] = frozenset()) -> list[str]:
    """The stemmed words of a text, in order, stop words included (synonyms may use them)."""
    return [stem(word) for word in words(text, skip=skip)]


REAL_WORD_ZIPF = 3.5
"""A word this common in English (zipf, see english.py) is taken as the word it is, not as a
typo of another ("stairs" is not "stay", "vague" not "value", "ankles" not "angel"), unless
the FAQ word is the same word in another form (REAL_WORD_STEM). Commoner still, from
english.COMMON, it is never corrected at all."""

REAL_WORD_STEM = 6
"""How many first letters a real word shares with a FAQ word that is the same word in another
form: "reacting" is "reaction", "analyst" "analysis"; "reception" still reaches "receptor"."""

SPLIT_ZIPF = 3.5
"""Words this common in English (zipf, see english.py) or commoner are never read as two joined
words: below it lie real compounds that are two FAQ words as well ("babysit", "outpatient")."""


class Term(NamedTuple):
    """One unit of meaning in a question: what was typed, and what it was read as."""

    typed: str
    term: str
    similarity: float
    how: str  # "exact", "typo", "split", "synonym" or "unknown"


_new_term = tuple.__new__
"""What Term(...) calls, without the keyword handling: for the many terms of a batch."""


class Analyzer:
    """A FAQ's vocabulary and synonym table, and the steps that turn text into terms.

    `skip` names reading steps (steps.STEPS) to leave out, on both sides: what a test or
    bench/steps.py switches off to see what a step does. Users never skip any.
    """

    def __init__(
        self,
        phrasings: Sequence[str],
        synonyms: Mapping[str, Sequence[str]],
        *,
        skip: frozenset[str] = frozenset(),
    ) -> None:
        self._skip = skip = checked(skip)
        self._phrases: dict[tuple[str, ...], str] = {}
        self._labels: dict[str, str] = {}
        # Words a synonym group names as written ("gone"): a stop word read only through its
        # stem ("nearly" as "near") is still a stop word.
        self._variants: set[str] = set()
        for canonical, variants in synonyms.items():
            term = " ".join(tokens(canonical, skip))
            self._labels[term] = canonical
            for phrase in (canonical, *variants):
                self._phrases[phrase_key(phrase, skip)] = term
                self._variants.add(phrase.casefold())
        # Phrase lengths by first word, longest first, and phrases of two words or more by
        # first word and length, for a typo inside one ("adverse evnts").
        sizes: dict[str, set[int]] = {}
        self._by_head: dict[tuple[str, int], list[tuple[str, ...]]] = {}
        for key in self._phrases:
            if key:
                sizes.setdefault(key[0], set()).add(len(key))
            if len(key) > 1:
                self._by_head.setdefault((key[0], len(key)), []).append(key)
        self._sizes = {head: sorted(found, reverse=True) for head, found in sizes.items()}
        counts: Counter[str] = Counter()
        # Every word as written, with its stem: a typo is made in a word as written, so
        # "fertilty" is one letter from "fertility", though far from its stem "fertil".
        self._written: dict[str, str] = {}
        for text in [*phrasings, *(p for v in synonyms.values() for p in v), *synonyms]:
            for word in words(text, skip=skip):
                term = stem(word)
                counts[term] += 1
                self._written[word] = term
        for key in self._phrases:
            counts.update(key)
        # Stems that only stop words make in the FAQ's texts ("tri" of "try", "find"): dropped
        # whatever word made them ("trying", "findings"), as no entry would weigh them.
        content = {
            stem(w) for text in phrasings for w in words(text, skip=skip) if w not in STOP_WRITTEN
        }
        self._stop_only = STOP_WORDS - content
        counts.update(STOP_WORDS)
        self._counts = counts
        self._corrections: dict[str, list[Term]] = {}
        # Phrase look-ups of _merge_synonyms, by whether a typo was allowed in the phrase.
        self._merges: dict[bool, dict[tuple[str, ...], tuple[int, str, bool]]] = {
            True: {},
            False: {},
        }
        self._by_first: dict[str, list[str]] = {}
        # Typos are looked for among words as written, never among stems: Snowball's short
        # stems ("mortal" of "mortality") sit near other words ("mortage" is a mortgage).
        for word in sorted({*self._written, *STOP_WRITTEN}):
            self._by_first.setdefault(word[:1], []).append(word)

    def groups(self) -> frozenset[str]:
        """The terms that stand for a synonym group ("fever" for "high temperature")."""
        return frozenset(self._labels)

    def knows(self, word: str) -> bool:
        """Whether a word as written is one of the FAQ's, or a stop or whose-word."""
        return stem(word) in self._counts or word in STOP_WRITTEN or word in WHOSE_WRITTEN

    def phrases(self) -> Mapping[tuple[str, ...], str]:
        """Every synonym phrase, as the stemmed words it is looked up by, with its group's term."""
        return MappingProxyType(self._phrases)

    def label(self, term: str) -> str:
        """A term as people write it: the synonym group's own spelling, else the stem."""
        return self._labels.get(term, term)

    def terms(self, text: str, *, correct: bool) -> list[Term]:
        """Content terms of a text, once each, in order; typo correction for questions only."""
        skip = self._skip
        read: list[Term] = []
        for word, stemmed in _content(text, skip):
            read.extend(
                self._correct(word, stemmed) if correct else [Term(word, stemmed, 1.0, "exact")]
            )
        merged = read
        if "synonyms" not in skip:
            merged = self._merge_synonyms(read, near="phrase_typos" not in skip)
            # Twice, so synonyms compose: "how does radioligand therapy work" becomes "how does
            # lutathera work", which is itself a phrase of another group.
            if "compose" not in skip and any(term.how == "synonym" for term in merged):
                merged = self._merge_synonyms(merged, near=False)
        stop = "stop_words" not in skip
        seen: dict[str, Term] = {}
        for term in merged:
            if stop and (
                term.term in self._stop_only
                or (term.how == "exact" and term.typed in STOP_WRITTEN)
                or (
                    term.how == "synonym"
                    and term.typed in STOP_WRITTEN
                    and term.typed not in self._variants
                )
            ):
                continue
            if term.term not in seen or term.similarity > seen[term.term].similarity:
                seen[term.term] = term
        return list(seen.values())

    def _correct(self, word: str, term: str) -> list[Term]:
        """A question word (as written, and stemmed) as the FAQ knows it: exact, within a few
        typos, or two joined words."""
        if (
            term in self._counts
            or len(word) > LONGEST_TYPO
            or not (word.isalpha() or _NAME_WITH_NUMBER.fullmatch(word))
        ):
            return [Term(word, term, 1.0, "exact")]
        if is_common(term):
            # A common English word is what the asker meant: "expect" is not "effect", and
            # "invention" is not "infusion".
            return [Term(word, term, 0.0, "unknown")]
        known = self._corrections.get(word)
        if known is None:  # batches (`ask -`) repeat words; searching the vocabulary is not free
            known = self._corrections[word] = self._search(word)
        return known

    def _search(self, word: str) -> list[Term]:
        """A word the FAQ lacks: a typo of one of its words, two joined ones, or unknown."""
        if "typos" not in self._skip:
            typo = self._typo(word)
            if typo is not None:
                return [typo]
        # A word English knows is one word, not two joined: "paperwork" (zipf 3.8) is not
        # "paper work". Rarer ones may still be two: "babysit" (3.2) is "baby sit".
        if "split" not in self._skip and zipf(stem(word)) < SPLIT_ZIPF:
            for cut in range(3, len(word) - 2):
                left, right = stem(word[:cut]), stem(word[cut:])
                if left in self._counts and right in self._counts and right not in STOP_WORDS:
                    return [Term(word, left, 1.0, "split"), Term(word, right, 1.0, "split")]
        if not word.isalpha():
            # A name with a number the FAQ lacks ("netter3") is taken as typed, as it was
            # before its letters were searched: rare and specific, not another subject's word.
            return [Term(word, word, 1.0, "exact")]
        return [Term(word, stem(word), 0.0, "unknown")]

    def _typo(self, word: str) -> Term | None:
        """The FAQ word a question word is a typo of, if any."""
        # Two letters swapped ("sied" is "side"); words of one or two letters are taken as
        # typed, and so are the digits of a name ("netter21" is not "netter12").
        for cut in range(len(word) - 1 if len(word) > 2 and word.isalpha() else 0):
            swapped = word[:cut] + word[cut + 1] + word[cut] + word[cut + 2 :]
            term = stem(swapped)
            if swapped != word and term in self._counts and term not in STOP_WORDS:
                return Term(word, term, TYPO_SIMILARITY[1], "typo")
        edits = allowed_edits(word)
        if edits:
            # Imported here: most questions are spelt right, and RapidFuzz takes longer to
            # import than lutaq takes to answer.
            from rapidfuzz import process
            from rapidfuzz.distance import OSA

            # Typos rarely hit the first letter; requiring it keeps "rice" from becoming "price".
            candidates = self._by_first.get(word[:1], [])
            if not word.isalpha():
                # "nettr1" may be "netter1", but never "netter2": the number is kept as typed.
                number = word[len(word.rstrip("0123456789")) :]
                candidates = [
                    c for c in candidates if c.endswith(number) and c[-len(number) - 1].isalpha()
                ]
            found = process.extract(
                word,
                candidates,
                scorer=OSA.distance,
                score_cutoff=edits,
                limit=None,
            )
            if len(word) <= SHORT_WORD:
                # Short words are often other real words ("kind" is not "kid", "glow" is not
                # "grow"): only two swapped letters ("lnog") or a dropped one ("lng") count.
                found = [hit for hit in found if _swapped_or_dropped(word, hit[0])]
            # Two edits that also change the length by two are another word ("statin" is
            # not "stat"), not a typo, except in a long word ("breastfeedng").
            found = [
                hit
                for hit in found
                if hit[1] < 2 or abs(len(hit[0]) - len(word)) < 2 or len(word) >= LONG_WORD
            ]
            if found and zipf(stem(word)) >= REAL_WORD_ZIPF:
                found = [hit for hit in found if _shared_start(word, hit[0]) >= REAL_WORD_STEM]
            if len(word) <= SHORT_WORD + 2:
                # A word with a letter more at its end is another word: "paint" is not
                # "pain", nor "planet" "plane" (though "paten" is "patent", and "resultt"
                # "result"); in a longer word it is a slip ("generick").
                found = [hit for hit in found if not _ends_differently(word, hit[0])]
            read = [(self._written.get(hit) or stem(hit), hit, edits) for hit, edits, _ in found]
            # A filler word is reached only by swapped letters ("waht"): "cold" is not "could".
            read = [
                (term, hit, edits)
                for term, hit, edits in read
                if term not in STOP_WORDS or sorted(hit) == sorted(word)
            ]
            if read:
                # Among equals, a doubled or undoubled letter ("pattent" is "patent", not
                # "patient"), then the word the FAQ uses most.
                term, _, edits = min(
                    read,
                    key=lambda hit: (
                        hit[2],
                        not _doubling(word, hit[1]),
                        -self._counts[hit[0]],
                        hit[0],
                    ),
                )
                return Term(word, term, TYPO_SIMILARITY[int(edits)], "typo")
        return None

    def _near_phrase(self, key: tuple[str, ...]) -> str | None:
        """The synonym phrase one typo away from `key`, in a word after its first.

        Inside a known phrase its stems are compared, which a typo may leave nearer than the
        word alone is to any FAQ word: "adverse evnts" is "adverse events" ("evnt" is one edit
        from "event", "evnts" two). Never a common English word, though: "who may" is not "who
        makes", and so "quality of live" is not "quality of life" either.
        """
        for phrase in self._by_head.get((key[0], len(key)), ()):
            differ = [(a, b) for a, b in zip(key, phrase, strict=True) if a != b]
            if len(differ) == 1:
                typed, known = differ[0]
                if is_common(typed):  # "who may" is not "who makes"
                    continue
                if min(len(typed), len(known)) >= 3 and _one_edit(typed, known):
                    return self._phrases[phrase]
        return None

    def _merge_synonyms(self, read: Sequence[Term], *, near: bool) -> list[Term]:
        """Replace every synonym phrase (longest first) by its group's term.

        `near` also accepts a phrase with one typo in it; the second pass, which lets
        synonyms compose, needs no more of that.
        """
        merged: list[Term] = []
        terms = [t.term for t in read]
        remembered = self._merges[near]
        index = 0
        while index < len(read):
            sizes = self._sizes.get(terms[index])
            if sizes is None:  # most words begin no synonym phrase
                merged.append(read[index])
                index += 1
                continue
            # Which phrase begins here depends only on the terms from here on, as many as
            # the longest phrase that may: batches (`ask -`) ask the same few again and again.
            ahead = tuple(terms[index : index + sizes[0]])
            found = remembered.get(ahead)
            if found is None:
                if len(remembered) >= MAX_MERGES:
                    remembered.clear()
                found = remembered[ahead] = self._phrase_at(ahead, sizes, near=near)
            size, term, typo = found
            if not size:
                merged.append(read[index])
                index += 1
                continue
            if size == 1:  # a word of a synonym group: the most common case, made short
                word = read[index]
                similarity, typed = word.similarity, word.typed
            else:
                window = read[index : index + size]
                similarity = min(t.similarity for t in window)
                if typo:
                    similarity = min(similarity, TYPO_SIMILARITY[1])
                typed = " ".join(dict.fromkeys(t.typed for t in window))
            how = "synonym" if typed != term else read[index].how
            if merged and merged[-1].term == term:
                # Two phrases of one group side by side are one name in two parts
                # ("lutetium-177" and "dotatate"): as one term, the phrases around them
                # compose with it ("how does lutetium-177 dotatate work").
                before = merged[-1]
                similarity = min(similarity, before.similarity)
                merged[-1] = _new_term(Term, (f"{before.typed} {typed}", term, similarity, how))
            else:
                merged.append(_new_term(Term, (typed, term, similarity, how)))
            index += size
        return merged

    def _phrase_at(
        self, ahead: tuple[str, ...], sizes: list[int], *, near: bool
    ) -> tuple[int, str, bool]:
        """The synonym phrase (longest first) that `ahead` begins with: its length, its
        group's term, and whether it was found with a typo in it; (0, "", False) for none."""
        for size in sizes:
            if size > len(ahead):
                continue
            key = ahead[:size]
            term, typo = self._phrases.get(key), False
            if term is None and near and size > 1:
                term, typo = self._near_phrase(key), True
            if term is not None:
                return size, term, typo
        return 0, "", False

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_merges"] = {True: {}, False: {}}  # the FAQ's own phrasings': not worth keeping
        # Questions' words read so far (the examples', before a prepared FAQ is cached): each
        # question reads its own again, and a prepared FAQ holds no Term (cache.py's classes).
        state["_corrections"] = {}
        return state
