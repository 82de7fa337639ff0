"""Text normalisation for the matcher: questions and the FAQ's phrases alike.

Both sides of every comparison go through the same functions, so "What's", "what’s" and
"WHAT S" can only ever differ where the words really differ. The FAQ file's own checks do
not use these (spelling.py): what makes a file valid must not change when they do.
"""

from __future__ import annotations

import functools
import re
import unicodedata

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

_CONTRACTIONS = {
    "can't": "can not",
    "won't": "will not",
    "n't": " not",
    "'re": " are",
    "'ve": " have",
    "'ll": " will",
    "'m": " am",
    "'d": " would",
    "'s": "",
}
# The same, typed without the apostrophe, and the shorthand of chat and texting: "doesnt it
# work", "hw long r the side effects". Spellings that are usually words of their own stay as
# typed ("ill", "were", "well", "shell", and "im", also intramuscular).
_SHORTHAND = {
    "doesnt": "does not",
    "dont": "do not",
    "didnt": "did not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "hasnt": "has not",
    "havent": "have not",
    "hadnt": "had not",
    "cant": "can not",
    "cannot": "can not",
    "wont": "will not",
    "wouldnt": "would not",
    "shouldnt": "should not",
    "couldnt": "could not",
    "ive": "i have",
    "youre": "you are",
    "theyre": "they are",
    "thats": "that",
    "whats": "what",
    "hows": "how",
    "whos": "who",
    "wheres": "where",
    "u": "you",
    "ur": "your",
    "r": "are",
    "hw": "how",
    "wat": "what",
    "wht": "what",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "b4": "before",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "til": "until",
    "yr": "year",
    "yrs": "years",
    "mo": "month",
    "mos": "months",
    "mth": "month",
    "mths": "months",
    "wk": "week",
    "wks": "weeks",
}
# "how long dose it last": "does" typed with two letters swapped makes another word, which
# its place gives away: opening a question, or after its question word, and before "it"
# ("how do they dose it" and "the dose that" keep their dose).
_DOSE_FOR_DOES = re.compile(
    r"(?:^|(?<=\bhow )|(?<=\bwhat )|(?<=\bwhy )|(?<=\bwhen )|(?<=\blong )|(?<=\bmuch )"
    r"|(?<=\boften )|(?<=\bwhere ))dose(?= (?:it|lutathera)\b)"
)
# One pass; "can't" and "won't" start earlier in the text than their "n't", so they win.
_CONTRACTION = re.compile(r"\b(?:can't|won't)\b|(?:n't|'re|'ve|'ll|'m|'d|'s)\b")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")

# "lu-177", "NETTER-1": a hyphen between letters and digits joins one name.
_LETTER_DIGIT_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=\d)|(?<=\d)-(?=[^\W\d_])")
_NON_WORD = re.compile(r"[^\w]+|_+")
_DOUBLED = re.compile(r"([b-df-hj-km-np-rtv-z])\1$")


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


def words(text: str) -> list[str]:
    """The words of a text, normalised, in order: the unit the matcher compares."""
    text = fold(text)
    if "'" in text:
        text = _CONTRACTION.sub(lambda found: _CONTRACTIONS[found.group()], text)
        text = text.replace("'", "")
    if "-" in text:
        text = _LETTER_DIGIT_HYPHEN.sub("", text)
    if "dose " in text:
        text = _DOSE_FOR_DOES.sub("does", text)
    split = _NON_WORD.sub(" ", text).split()
    if _SHORTHAND.keys().isdisjoint(split):
        return split
    return [part for word in split for part in _SHORTHAND.get(word, word).split()]


def normalise(text: str) -> str:
    """A phrase's words as the matcher reads them, before stemming, joined by spaces."""
    return " ".join(words(text))


@functools.lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """Light suffix folding, so "effects"/"effect" and "improved"/"improves" meet.

    Deliberately crude: it only has to map the forms people type onto one key, the
    same way on both sides, not produce real English stems. Folded until nothing changes,
    so "findings" and "finding" meet too.
    """
    for _ in range(3):
        folded = _fold_suffix(word)
        if folded == word:
            break
        word = folded
    return word


def _fold_suffix(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    base = word
    for suffix in ("ies", "ied", "ing", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                base += "y"
            elif suffix == "es" and not base.endswith(("x", "z", "ch", "sh")):
                base = word[:-1]
            elif suffix == "s" and base.endswith(("s", "u", "i")):
                base = word
            elif suffix in ("ed", "ing") and _DOUBLED.search(base):
                base = base[:-1]
            break
    if len(base) > 3 and base.endswith("e"):
        base = base[:-1]
    return base
