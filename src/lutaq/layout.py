"""What an answer looks like, as data: lines of styled spans and hanging lists, without Rich.

`lutaq ask` is start-up bound and importing Rich costs more than everything else lutaq does,
so the layout of entries, answers and refusals is built here once and printed two ways: by
render.py through Rich on a terminal, and by `plain_text` when the output is plain text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple, TextIO

from lutaq import PROGRAM
from lutaq.faq import Entry, Faq

if TYPE_CHECKING:
    from lutaq.match import Match, Result

QUESTION = "bold cyan"
HEADING = "bold"
MUTED = "dim"
NOTE = "italic"
ERROR = "bold red"
LINK = "link"
"""A URL: underlined and clickable on terminals that support links."""

EXPLAINED = 3
"""How many of the closest entries `--explain` and `lutaq eval` show."""

ECHO_LIMIT = 80
"""Longest stretch of a user's question that messages quote back (a 100 KB paste helps nobody)."""

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

Span = tuple[str, str]
"""Text and its style name ("" for none)."""


class Line(NamedTuple):
    """One paragraph of styled text; wraps on a terminal."""

    spans: tuple[Span, ...] = ()


class Hanging(NamedTuple):
    """Marked items ("[1]", "•", "2.") whose continuation lines stay under their text."""

    rows: tuple[tuple[str, Line], ...]


Block = Line | Hanging
BLANK = Line()


def clean(text: str) -> str:
    """Text safe for a terminal: no escape sequences, control or bidi-override characters.

    Tabs and the Unicode line and paragraph separators become spaces: Rich would break a line
    at U+2028 where plain text does not, and the two outputs must be the same.
    """
    text = text.replace("\t", " ").replace("\u2028", " ").replace("\u2029", " ")
    return _UNPRINTABLE.sub("", text)


def quoted(text: str, limit: int = ECHO_LIMIT) -> str:
    """A user's text for a message: cleaned, on one line, shortened, in quotes."""
    text = " ".join(clean(text).split())
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return repr(text)


def line(*parts: Span | str) -> Line:
    """A line from plain strings and (text, style) pairs."""
    return Line(tuple((part, "") if isinstance(part, str) else part for part in parts))


def entry_blocks(faq: Faq, entry: Entry) -> list[Block]:
    """An entry in full: question, answer paragraphs, key figures, numbered sources."""
    blocks: list[Block] = [line((entry.question, QUESTION), (f"  ({entry.id})", MUTED)), BLANK]
    for paragraph in entry.paragraphs:
        blocks += [line(paragraph), BLANK]
    sources = faq.sources_of(entry)
    if entry.figures:
        number = {source.id: index for index, source in enumerate(sources, start=1)}
        figures = tuple(
            ("•", line(figure.text, (f" [{number[figure.source]}]", MUTED)))
            for figure in entry.figures
        )
        blocks += [line(("Key figures", HEADING)), Hanging(figures), BLANK]
    rows = tuple(
        (f"[{number}]", line(source.title, "\n", (source.url, LINK)))
        for number, source in enumerate(sources, start=1)
    )
    return [*blocks, line(("Sources", HEADING)), Hanging(rows)]


def show_blocks(faq: Faq, entry: Entry) -> list[Block]:
    """`lutaq show`: an entry in full and the disclaimer."""
    return [*entry_blocks(faq, entry), BLANK, line((faq.disclaimer, NOTE))]


MATCH_NOTE = "how closely your words match this entry's questions, not a promise it answers yours"
"""What the match strength measures, said where it is printed."""

TOPICS = 5
"""How many of the FAQ's topics a refusal without suggestions lists."""


def answer_blocks(
    faq: Faq,
    result: Result,
    related: Sequence[Match],
    *,
    asked_for: int,
    echo_query: bool,
    command: str = PROGRAM,
) -> list[Block]:
    """`lutaq ask`: the matched entry, related questions, match strength and the disclaimer.

    `command` starts every command a hint shows, so that it works when typed as shown:
    "lutaq --faq building.toml" for a FAQ of one's own, "" inside `lutaq chat`.
    """
    answer = result.answer
    if answer is None:
        raise ValueError("answer_blocks needs a result with an answer")
    blocks: list[Block] = []
    if echo_query:
        blocks.append(line(("» ", MUTED), (quoted(result.query)[1:-1], HEADING)))
    blocks += entry_blocks(faq, answer.entry)
    if related:
        blocks += [
            BLANK,
            line(("Related questions", HEADING)),
            questions(related, numbered=False, command=command),
        ]
    elif asked_for:
        blocks += [
            BLANK,
            line(("Related questions: no other entry shares words with this one.", MUTED)),
        ]
    return [
        *blocks,
        BLANK,
        line((f"Match: {result.strength} ({MATCH_NOTE})", MUTED)),
        line((faq.disclaimer, NOTE)),
    ]


def no_match_blocks(
    faq: Faq,
    result: Result,
    suggestions: Sequence[Match],
    *,
    in_chat: bool = False,
    command: str = PROGRAM,
) -> list[Block]:
    """No confident answer: say so, why, what the user could ask instead, and where to turn.

    A refusal reaches the same people an answer does, some of them unwell: it carries the FAQ's
    refusal line (the bundled FAQ's points to the treatment team) and its disclaimer too.
    """
    if result.other is not None:
        # About another subject: say so, and offer nothing of this FAQ in its place.
        blocks: list[Block] = [
            line(
                (f"{PROGRAM}: ", ERROR),
                f"this FAQ answers questions about {faq.about}; ",
                (result.other.name, HEADING),
                f" is a different {result.other.kind}. Ask your care team about it.",
            )
        ]
    else:
        blocks = [
            line(
                (f"{PROGRAM}: ", ERROR),
                "no confident match for ",
                (quoted(result.query), HEADING),
                (f" ({result.reason})", MUTED),
            )
        ]
    shown = "" if in_chat else command
    if suggestions:
        blocks += [
            line("Did you mean:"),
            questions(suggestions, numbered=False, lettered=in_chat, command=shown),
        ]
    elif result.other is None:
        blocks += [line("This FAQ covers, among others:"), topics(faq, command=shown)]
    if in_chat:
        pick = "Type a letter to see one, or " if suggestions else "Type "
        blocks.append(line(pick, ("list", HEADING), " to see every question."))
    else:
        blocks.append(line("See every question with: ", (f"{command} list", HEADING)))
    if faq.refusal:
        blocks += [BLANK, line((faq.refusal, HEADING))]
    return [*blocks, line((faq.disclaimer, NOTE))]


LETTERS = "abcdefghij"
"""How chat marks "Did you mean" picks: letters, so they never read as `list`'s numbers."""


def questions(
    matches: Sequence[Match],
    *,
    numbered: bool,
    lettered: bool = False,
    command: str = PROGRAM,
) -> Hanging:
    """Entries as a list of their questions, each with the command that shows it."""
    return _entries(
        [match.entry for match in matches], numbered=numbered, lettered=lettered, command=command
    )


def topics(faq: Faq, *, command: str = PROGRAM) -> Hanging:
    """A few of the FAQ's entries, spread over it: what a refused question could ask instead."""
    count = len(faq.entries)
    shown = min(TOPICS, count)
    picks = sorted({index * count // shown for index in range(shown)})
    return _entries([faq.entries[index] for index in picks], numbered=False, command=command)


def _entries(
    entries: Sequence[Entry], *, numbered: bool, lettered: bool = False, command: str
) -> Hanging:
    def marker(number: int) -> str:
        if lettered:
            return f"{LETTERS[number - 1]}."
        return f"{number}." if numbered else "•"

    show = f"{command} show" if command else "show"
    return Hanging(
        tuple(
            (marker(number), line(entry.question, (f"  ({show} {entry.id})", MUTED)))
            for number, entry in enumerate(entries, start=1)
        )
    )


def plain_text(blocks: Sequence[Block]) -> str:
    """Blocks as unstyled, unwrapped text: what a pipe or a file gets."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Line):
            out += _text(block).split("\n")
            continue
        markers = [f"  {marker}" for marker, _ in block.rows]
        width = max(map(len, markers), default=0)
        for marker, (_, body) in zip(markers, block.rows, strict=True):
            first, *rest = _text(body).split("\n")
            out.append(f"{marker.rjust(width)} {first}")
            out += [" " * (width + 1) + more for more in rest]
    return "".join(text.rstrip() + "\n" for text in out)


def _text(body: Line) -> str:
    return "".join(clean(text) for text, _ in body.spans)


MIN_COLUMNS = 20
"""A COLUMNS value below this is not a width text can be wrapped to: it is ignored."""


def usable_columns() -> int | None:
    """$COLUMNS when it is a width worth wrapping to (20 to 10,000), else None."""
    value = os.environ.get("COLUMNS", "")
    if value.isascii() and value.isdigit() and len(value) <= 5:
        width = int(value)
        if MIN_COLUMNS <= width <= 10_000:
            return width
    return None


def wants_rich(stream: TextIO) -> bool:
    """Whether output to this stream needs Rich: a terminal, forced styling, or a set width.

    Mirrors what makes Rich style or wrap output (FORCE_COLOR, TTY_COMPATIBLE, COLUMNS);
    anything else is plain text, which `plain_text` writes the same way without importing Rich.
    """
    if os.environ.get("FORCE_COLOR") or usable_columns() is not None:
        return True
    tty_compatible = os.environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "1"
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False
