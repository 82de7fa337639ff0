"""Text normalisation shared by the matcher and the FAQ validator.

Both sides of every comparison go through the same functions, so "What's", "what’s" and
"WHAT S" can only ever differ where the words really differ.
"""

from __future__ import annotations

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

_CONTRACTIONS = (
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'m\b"), " am"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"'s\b"), ""),
)

# "lu-177", "NETTER-1": a hyphen between letters and digits joins one name.
_LETTER_DIGIT_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=\d)|(?<=\d)-(?=[^\W\d_])")
_NON_WORD = re.compile(r"[^\w]+|_+")
_DOUBLED = re.compile(r"([b-df-hj-km-np-rtv-z])\1$")


def fold(text: str) -> str:
    """Case, accents and typography folded away; words and their order kept."""
    text = unicodedata.normalize("NFKC", text).translate(_CHAR_MAP).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The words of a text, normalised, in order: the unit the matcher compares."""
    text = fold(text)
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    text = text.replace("'", "")
    text = _LETTER_DIGIT_HYPHEN.sub("", text)
    return _NON_WORD.sub(" ", text).split()


def normalise(text: str) -> str:
    """One canonical spelling of a phrase, for equality checks such as duplicate aliases."""
    return " ".join(words(text))


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
