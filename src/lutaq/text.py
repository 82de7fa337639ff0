"""Text normalisation for the matcher: questions and the FAQ's phrases alike.

Both sides of every comparison go through the same functions, so "What's", "what’s" and
"WHAT S" can only ever differ where the words really differ. The FAQ file's own checks do
not use these (spelling.py): what makes a file valid must not change when they do.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import Stemmer

from lutaq.wordlists import mapping

# Typographic variants people paste from documents or phones.
_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u0060": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)

# Contractions with their apostrophe, and the same typed without it or in texting shorthand
# ("doesnt", "hw", "r"): lists with their reasons in words/contractions.txt and shorthand.txt.
# An ending ("-n't") becomes a word of its own, so its reading is set apart by a space.
_CONTRACTION_LIST = mapping("contractions.txt")
_WHOLE = [typed for typed in _CONTRACTION_LIST if not typed.startswith("-")]
_ENDINGS = [typed.removeprefix("-") for typed in _CONTRACTION_LIST if typed.startswith("-")]
_CONTRACTIONS = {
    typed.removeprefix("-"): f" {read}" if typed.startswith("-") and read else read
    for typed, read in _CONTRACTION_LIST.items()
}
_SHORTHAND = mapping("shorthand.txt")
# "how long dose it last": "does" typed with two letters swapped makes another word, which
# its place gives away: opening a question, or after its question word, and before "it"
# ("how do they dose it" and "the dose that" keep their dose).
_DOSE_FOR_DOES = re.compile(
    r"(?:^|(?<=\bhow )|(?<=\bwhat )|(?<=\bwhy )|(?<=\bwhen )|(?<=\blong )|(?<=\bmuch )"
    r"|(?<=\boften )|(?<=\bwhere ))dose(?= (?:it|lutathera)\b)"
)
# One pass, whole words first; "can't" and "won't" start earlier in the text than their "n't",
# so they win.
_CONTRACTION = re.compile(
    rf"\b(?:{'|'.join(map(re.escape, _WHOLE))})\b|(?:{'|'.join(map(re.escape, _ENDINGS))})\b"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")

# "lu-177", "NETTER-1": a hyphen between letters and digits joins one name.
_LETTER_DIGIT_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=\d)|(?<=\d)-(?=[^\W\d_])")
_NON_WORD = re.compile(r"[^\w]+|_+")


# PyStemmer: the Snowball project's own C stemmers, maintained, and about 1 ms to import.
_STEMMER = Stemmer.Stemmer("english")

MAX_QUESTION = 5_000
"""The longest question lutaq reads, in characters: a long forum post is 2,000; a 10 MB paste
would take a minute and gigabytes to read word by word."""


def fold(text: str) -> str:
    """Case, accents and typography folded away; words and their order kept."""
    if text.isascii():  # the common case, and nothing below changes ASCII but case and "`"
        return text.translate(_CHAR_MAP).casefold()
    text = unicodedata.normalize("NFKC", text).translate(_CHAR_MAP).casefold()
    return _NON_ASCII.sub(_without_marks, unicodedata.normalize("NFKD", text))


def _without_marks(run: re.Match[str]) -> str:
    return "".join(ch for ch in run.group() if not unicodedata.combining(ch))


def words(text: str, *, skip: frozenset[str] = frozenset()) -> list[str]:
    """The words of a text, normalised, in order: the unit the matcher compares.

    `skip` names reading steps (steps.py) to leave out: contractions, hyphens, dose, shorthand.
    """
    return list(_words(text, skip))


@functools.lru_cache(maxsize=64)
def _words(text: str, skip: frozenset[str]) -> tuple[str, ...]:
    """words(), remembered for the last few texts: the matcher reads each question twice,
    for its terms and for the other subjects it may name (Matcher.other_subject)."""
    text = fold(text)
    if "'" in text:
        if "contractions" not in skip:
            text = _CONTRACTION.sub(lambda found: _CONTRACTIONS[found.group()], text)
        text = text.replace("'", "")
    if "-" in text and "hyphens" not in skip:
        text = _LETTER_DIGIT_HYPHEN.sub("", text)
    if "dose " in text and "dose" not in skip:
        text = _DOSE_FOR_DOES.sub("does", text)
    split = _NON_WORD.sub(" ", text).split()
    if "shorthand" in skip or _SHORTHAND.keys().isdisjoint(split):
        return tuple(split)
    return tuple(part for word in split for part in _SHORTHAND.get(word, word).split())


# A sentence ends at ".", "?" or "!" followed by a space, or at a line break; decimal points
# ("38.4") have no space after them. These abbreviations end with a dot and a space but not a
# sentence ("what did it show vs. octreotide alone?").
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\n+")
_ABBREVIATIONS = frozenset(
    {"e.g.", "eg.", "i.e.", "ie.", "vs.", "v.", "etc.", "approx.", "dr.", "mr.", "mrs.", "ms."}
    | {"no.", "st.", "wk.", "wks.", "yr.", "yrs.", "mo.", "mg.", "ml."}
)
# A question sentence ends in "?", perhaps followed by quotes, brackets or "!" ("...what?!").
_QUESTION_END = re.compile(r"\?[\"')\]!]*$")
# How a sentence without a question mark opens when it asks: a question word, then what makes
# it a question ("how long", "what happens", "can I"). A question word alone also opens
# statements ("When we got home...", "What a week.", "Will is my husband.", "Do not know
# where to start"), and "have", "has" or "any" alone open statements too ("any day now").
_WORD_END = r"(?![\w'’])"
_ASKED = (
    r"i|you|he|she|it|we|they|this|that|these|those|there|my|his|her|our|your|their|the|a"
    r"|lutathera|prrt|anyone|someone|people|patients"
)
_QUESTION_START = re.compile(
    rf"(?:how(?:\s+(?:long|much|many|often|soon|quickly|far|do|does|did|is|are|can|could"
    rf"|will|would|should))"
    rf"|(?:what|which)\s+(?:%|percent|percentage|proportion|chance|chances|kind|sort|type)"
    rf"|(?:what|when|where|why|who|which)\s+(?:is|are|was|were|do|does|did|can"
    rf"|could|will|would|should|happens|happened|kind|sort|type|time)"
    rf"|(?:is|are|can|could|would|should|does|do|did)\s+(?!not{_WORD_END})[\w%]+"
    rf"|(?:will|has|have)\s+(?:{_ASKED})"
    rf"|(?:what|how|where|who)(?:s|'s|’s)\s+(?:the|a|it|this|that|he|she|my|your)"
    rf"|(?:has\s+)?anyone\s+(?:know|had|have|else|tried|been|got|done)"
    rf"|any\s+(?:tips|advice|ideas|thoughts)){_WORD_END}",
    re.IGNORECASE,
)


def questions_in(text: str) -> list[str]:
    """The sentences of a text of two or more that end in a question mark or open with a
    question word ("how long before i can go back to work."), in order.

    A forum post says who is ill and what happened, then asks ("what is prrt? just been told
    it's the next step"): its question sentences are what it asks, the rest is context.
    """
    found = sentences(text)
    if len(found) < 2:
        return []
    return [s for s in found if ends_as_question(s) or _QUESTION_START.match(s)]


def sentences(text: str) -> list[str]:
    """A text's sentences, in order: split after ".", "?" or "!" and a space, or at a line
    break, but not after an abbreviation ("e.g.", "approx.")."""
    text = unicodedata.normalize("NFKC", text).translate(_CHAR_MAP).strip()
    found: list[str] = []
    for part in _SENTENCE_END.split(text):
        if not (part := part.strip()):
            continue
        if found and found[-1].rsplit(maxsplit=1)[-1].casefold() in _ABBREVIATIONS:
            found[-1] = f"{found[-1]} {part}"
        else:
            found.append(part)
    return found


def ends_as_question(sentence: str) -> bool:
    """Whether a sentence ends in a question mark (perhaps followed by quotes or "!")."""
    return bool(_QUESTION_END.search(sentence))


def normalise(text: str) -> str:
    """A phrase's words as the matcher reads them, before stemming, joined by spaces."""
    return " ".join(words(text))


@functools.lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A word's Snowball (Porter2) English stem, so "effects"/"effect" and "improved"/"improves"
    meet, the same way on both sides.

    Words with digits ("netter1", "177lu") are names and stay as typed.
    """
    if not word.isalpha():
        return word
    stemmed: str = _STEMMER.stemWord(word)
    return stemmed
