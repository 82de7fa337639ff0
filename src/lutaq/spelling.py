"""How a phrase is spelled, for the FAQ file's own duplicate checks.

Deliberately not the matcher's reading (text.py, analysis.py): no stemming, no contractions,
no shorthand, no dropped words. Whether a FAQ file is valid must not change when the matcher
learns a new word ending; clashes that only the matcher sees are `lutaq validate` warnings
(clashes.py).
"""

from __future__ import annotations

import unicodedata

# Marks that stand for an apostrophe or a minus but that Unicode files elsewhere: "ʼ" is a
# letter (Lm), "`" and "´" are symbols (Sk), "−" is a maths symbol (Sm). Without this,
# "donʼt" would be spelled unlike "don't".
_LOOKS_LIKE_PUNCTUATION = frozenset("\u02bc\u0060\u00b4\u2212")


class _Gaps(dict[int, int | str]):
    """A str.translate table, filled as characters are met: punctuation, spaces and control
    or format characters (Unicode categories P, Z, C) become spaces, others stay."""

    def __missing__(self, code: int) -> int | str:
        char = chr(code)
        gap = char in _LOOKS_LIKE_PUNCTUATION or unicodedata.category(char)[0] in "PZC"
        value = self[code] = " " if gap else code
        return value


_GAPS = _Gaps()


def spelling(text: str) -> str:
    """A phrase as it is spelled: case, Unicode variants and punctuation set aside.

    "What’s  a ＰＲＲＴ-scan?" and "what s a prrt scan" are one spelling; "scans" and "scan"
    are two, as are "whats" and "what's" ("what s"). An empty result means no word at all.
    """
    if not text.isascii():
        # NFKC before casefold folds compatibility forms ("ﬁ", full width); after, because
        # casefolding may itself produce text that NFKC would write otherwise.
        text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    else:
        text = text.casefold()
    return " ".join(text.translate(_GAPS).split())
