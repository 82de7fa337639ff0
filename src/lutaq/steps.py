"""The named steps of reading a text, each of which can be switched off.

Every rule that shapes how a question and the FAQ's phrasings are read is one of these, so a
test can show what a rule does by reading without it, and bench/steps.py can measure what it
saves on the labelled questions (the table in docs/matching.md). text.py runs the first four,
on words; analysis.py the next eight, on terms; the matcher the last two, on a question's
sentences (Matcher.rank weighs them, Matcher.ask asks them alone) and on the labelled examples
worded like it (Matcher.ask answers a weak match they vote for). Stemming and folding case,
accents and punctuation are not steps: without them there are no words to compare. Only the
Analyzer and those two skip steps: the matcher's check for another subject
(Matcher.other_subject) and `validate`'s clashes always read with all of them.
"""

from __future__ import annotations

from typing import NamedTuple


class Step(NamedTuple):
    """A reading step: the name `skip=` takes, and what the step does."""

    name: str
    does: str


STEPS = (
    Step("contractions", 'Read contractions as their words: "doesn\'t" as "does not".'),
    Step("hyphens", 'Join a hyphenated name of letters and digits: "Lu-177", "NETTER-1".'),
    Step("dose", 'Read "dose it" opening a question as "does it": "how long dose it last".'),
    Step("shorthand", 'Read contractions without the apostrophe and texting shorthand: "hw", "r".'),
    Step(
        "whose",
        'Drop whose the question is or who asks it: "my mother", "nurse here"; read a'
        " relative's pregnancy as someone else's: \"my daughter is pregnant\".",
    ),
    Step("filler", 'Drop words that only stress what is asked: "actually", "really".'),
    Step("typos", 'Read a question word within a few typos of a FAQ word as it: "sied" as "side".'),
    Step("split", 'Read a question word the FAQ lacks as two joined ones: "sideeffects".'),
    Step("synonyms", 'Read each synonym phrase as its group\'s term: "PFS", "high temperature".'),
    Step("phrase_typos", 'Read a synonym phrase with a typo in a later word: "adverse evnts".'),
    Step("compose", 'Merge synonyms twice, so they compose: "how does radioligand therapy work".'),
    Step("stop_words", 'Drop filler and question words: "what", "how", "does", "explain".'),
    Step("sentences", "Weigh a post's question sentences more; ask them alone if it finds none."),
    Step(
        "examples",
        "Answer a weak match the nearest labelled examples vote for, or withhold a weak answer"
        " they vote against; a rare word they use names nothing else.",
    ),
)
"""Every reading step, in the order they run."""

NAMES = frozenset(step.name for step in STEPS)


def checked(skip: frozenset[str]) -> frozenset[str]:
    """`skip` itself, if it names only steps: a misspelt step would silently test nothing."""
    unknown = skip - NAMES
    if unknown:
        raise ValueError(
            f"no reading step {', '.join(sorted(unknown))}; the steps: {sorted(NAMES)}"
        )
    return skip
