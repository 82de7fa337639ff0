"""Human-readable output with Rich: styled on a terminal, plain text when piped.

FAQ files are written by other people, so nothing from them is ever parsed as Rich markup
(it is appended as Text) and control characters are dropped before anything is printed.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from lutaq import PROGRAM
from lutaq.faq import Entry, Faq, FaqError, Source
from lutaq.payload import EXPLAINED

if TYPE_CHECKING:
    from rich.console import Console, JustifyMethod, RenderableType
    from rich.style import Style
    from rich.table import Table
    from rich.text import Text

    from lutaq.evaluate import Outcome, Report
    from lutaq.match import Match, Matcher, Result


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNWRAPPED_WIDTH = 10_000
ECHO_LIMIT = 80
"""Longest stretch of a user's question that messages quote back (a 100 KB paste helps nobody)."""

QUESTION = "bold cyan"
HEADING = "bold"
MUTED = "dim"
NOTE = "italic"
ERROR = "bold red"


def clean(text: str) -> str:
    """Text safe for a terminal: no escape sequences, control or bidi-override characters."""
    return _UNPRINTABLE.sub("", text.replace("\t", " "))


def quoted(text: str, limit: int = ECHO_LIMIT) -> str:
    """A user's text for a message: cleaned, on one line, shortened, in quotes."""
    text = " ".join(clean(text).split())
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return repr(text)


def make_console(stream: TextIO | None = None, *, stderr: bool = False) -> Console:
    """A console that styles only real terminals and never wraps piped output.

    Rich already honours NO_COLOR, FORCE_COLOR and TERM=dumb; markup, emoji codes and
    auto-highlighting are off because every string printed comes from data.
    """
    from rich.console import Console

    target = stream if stream is not None else (sys.stderr if stderr else sys.stdout)
    console = Console(file=target, markup=False, emoji=False, highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = _UNWRAPPED_WIDTH
    return console


def _text(*parts: tuple[str, str | Style] | str, style: str = "") -> Text:
    from rich.text import Text

    text = Text(style=style)
    for part in parts:
        content, part_style = (part, "") if isinstance(part, str) else part
        text.append(clean(content), style=part_style)
    return text


def _emit(console: Console, items: Sequence[RenderableType]) -> None:
    """Print renderables; when piped, without the padding Rich leaves at line ends."""
    if console.is_terminal:
        for item in items:
            console.print(item)
        return
    with console.capture() as captured:
        for item in items:
            console.print(item)
    console.file.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def _hanging(rows: Sequence[tuple[str, RenderableType]]) -> Table:
    """Marked items ("[1]", "•", "2.") whose wrapped lines stay under their text."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for marker, body in rows:
        grid.add_row(f"  {marker}", body)
    return grid


def _sources_block(sources: Sequence[Source]) -> list[RenderableType]:
    from rich.style import Style

    rows: list[tuple[str, RenderableType]] = []
    for number, source in enumerate(sources, start=1):
        url = clean(source.url)
        body = _text(source.title, "\n", (url, Style(link=url, underline=True)))
        rows.append((f"[{number}]", body))
    return [_text(("Sources", HEADING)), _hanging(rows)]


def _questions(matches: Sequence[Match], *, numbered: bool) -> Table:
    return _hanging(
        [
            (
                f"{number}." if numbered else "•",
                _text(match.entry.question, (f"  (lutaq show {match.entry.id})", MUTED)),
            )
            for number, match in enumerate(matches, start=1)
        ]
    )


def _entry_block(faq: Faq, entry: Entry) -> list[RenderableType]:
    block: list[RenderableType] = [
        _text((entry.question, QUESTION), (f"  ({entry.id})", MUTED)),
        "",
    ]
    for paragraph in entry.paragraphs:
        block += [_text(paragraph), ""]
    sources = faq.sources_of(entry)
    if entry.figures:
        number = {source.id: index for index, source in enumerate(sources, start=1)}
        rows = [
            ("•", _text(figure.text, (f" [{number[figure.source]}]", MUTED)))
            for figure in entry.figures
        ]
        block += [_text(("Key figures", HEADING)), _hanging(rows), ""]
    return block + _sources_block(sources)


def print_entry(console: Console, faq: Faq, entry: Entry) -> None:
    """`lutaq show`: an entry in full, with its sources and the disclaimer."""
    _emit(console, [*_entry_block(faq, entry), "", _text((faq.disclaimer, NOTE))])


def print_answer(
    console: Console,
    faq: Faq,
    result: Result,
    related: Sequence[Match],
    *,
    asked_for: int = 0,
    echo_query: bool = False,
) -> None:
    """`lutaq ask`: the matched entry, related questions, confidence and the disclaimer."""
    answer = result.answer
    if answer is None:
        raise ValueError("print_answer needs a result with an answer")
    items: list[RenderableType] = []
    if echo_query:
        items.append(_text(("» ", MUTED), (quoted(result.query)[1:-1], HEADING)))
    items += _entry_block(faq, answer.entry)
    if related:
        items += ["", _text(("Related questions", HEADING)), _questions(related, numbered=False)]
    elif asked_for:
        items += [
            "",
            _text(("Related questions: no other entry shares words with this one.", MUTED)),
        ]
    items += [
        "",
        _text((f"Confidence: {answer.score:.0f}/100", MUTED)),
        _text((faq.disclaimer, NOTE)),
    ]
    _emit(console, items)


def print_no_match(console: Console, result: Result, suggestions: Sequence[Match]) -> None:
    """No confident answer: say so, why, and what the user could ask instead."""
    items: list[RenderableType] = [
        _text(
            (f"{PROGRAM}: ", ERROR),
            "no confident match for ",
            (quoted(result.query), HEADING),
            (f" ({result.reason})", MUTED),
        )
    ]
    if suggestions:
        items += [_text("Did you mean:"), _questions(suggestions, numbered=True)]
    items.append(_text("See every question with: ", ("lutaq list", HEADING)))
    _emit(console, items)


def print_explanation(console: Console, matcher: Matcher, result: Result) -> None:
    """`ask --explain`: each question word, how it was read, and what it adds to each entry."""
    shown = result.leaders(EXPLAINED)
    items: list[RenderableType] = [
        _text(("Why this answer", HEADING), (f" (for {quoted(result.query)})", MUTED)),
        _text(
            f"Decision: {result.reason}. An answer needs a score of at least "
            f"{matcher.threshold:g} and a lead of at least {matcher.margin:g} over the next entry."
        ),
    ]
    if not shown:
        items.append(_text("No word of the question is in this FAQ's phrasings or synonyms."))
        _emit(console, items)
        return
    table = _table(
        console,
        ("word", "left"),
        ("read as", "left"),
        ("weight", "right"),
        *((match.entry.id, "right") for match in shown),
    )
    for index, word in enumerate(shown[0].words):
        term = word.term
        label = matcher.analyzer.label(term.term)
        how = {"exact": label, "unknown": "(not in this FAQ)"}.get(
            term.how, f"{label} ({term.how})"
        )
        table.add_row(
            _text(term.typed),
            _text(how),
            f"{word.weight:.2f}",
            *(f"{match.words[index].matched:.2f}" for match in shown),
        )
    table.add_row("coverage", "", "", *(f"{match.coverage:.2f}" for match in shown))
    table.add_row("completeness", "", "", *(f"{match.completeness:.2f}" for match in shown))
    table.add_row(_text(("score", HEADING)), "", "", *(f"{match.score:.1f}" for match in shown))
    items += [
        table,
        _text(
            "coverage: share of the question's weight the entry explains; completeness: share "
            "of its closest phrasing the question uses; score = 100 x coverage^0.6 x "
            "completeness^0.4. Weight: how specific a word is to one entry; a word the FAQ "
            "has never seen weighs most.",
            style=MUTED,
        ),
        _text(("Closest phrasings", HEADING)),
        _hanging([(f"{match.entry.id}:", _text(match.phrasing)) for match in shown]),
    ]
    _emit(console, items)


def print_report(console: Console, report: Report, origin: str) -> None:
    """`lutaq eval`: accuracy per group, MRR, then every miss with what came out instead."""
    names = {
        "in": "in scope, right entry",
        "oos": "off-topic, refused",
        "hard": "off-topic sharing words, refused",
    }
    table = _table(console, ("group", "left"), ("right", "right"), ("accuracy", "right"))
    for group, (right, total) in report.groups().items():
        table.add_row(names[group], f"{right}/{total}", f"{100 * right / total:.1f}%")
    items: list[RenderableType] = [
        _text(("Evaluation of ", HEADING), (clean(origin), HEADING)),
        table,
        _text(f"Mean reciprocal rank (in scope): {report.mrr():.3f}"),
    ]
    if not report.misses:
        items.append(_text("No misses."))
        _emit(console, items)
        return
    rows: list[tuple[str, RenderableType]] = []
    for outcome in report.misses:
        expected = ", ".join(outcome.case.expect) or "no answer"
        got = outcome.result.answer_id or "no answer"
        best = ", ".join(f"{m.entry.id} {m.score:.0f}" for m in outcome.result.leaders(EXPLAINED))
        rows.append(
            (
                "•",
                _text(
                    (quoted(outcome.case.question), HEADING),
                    f"  expected {expected}, got {got}",
                    (f" ({outcome.result.reason}; best: {best or 'none'})", MUTED),
                ),
            )
        )
    items += [_text((f"Misses ({len(report.misses)})", HEADING)), _hanging(rows)]
    _emit(console, items)


def print_validation(console: Console, origin: str, faq: Faq, unreached: Sequence[Outcome]) -> None:
    """`lutaq validate` on a usable file: what it holds, and phrasings no one can reach."""
    counts = ", ".join(
        f"{count} {noun if count == 1 else plural}"
        for count, noun, plural in (
            (len(faq.entries), "entry", "entries"),
            (len(faq.sources), "source", "sources"),
            (len(faq.synonyms), "synonym group", "synonym groups"),
        )
    )
    items: list[RenderableType] = [_text((clean(origin), HEADING), f": valid FAQ ({counts}).")]
    if unreached:
        rows: list[tuple[str, RenderableType]] = []
        for outcome in unreached:
            got = outcome.result.answer_id
            verdict = f"answered by {got}" if got else "not answered"
            rows.append(
                (
                    "•",
                    _text(
                        f"{outcome.case.expect[0]}: ",
                        (quoted(outcome.case.question), HEADING),
                        f" is {verdict}",
                        (f" ({outcome.result.reason})", MUTED),
                    ),
                )
            )
        items += [
            _text(
                (f"Warnings ({len(unreached)})", HEADING),
                ": questions and aliases that lutaq would not answer with their own entry "
                "(see README, Tuning a FAQ)",
            ),
            _hanging(rows),
        ]
    _emit(console, items)


def print_list(console: Console, faq: Faq) -> None:
    """`lutaq list`: number, id and question of every entry."""
    table = _table(console, ("#", "right"), ("id", "left"), ("question", "left"))
    for number, entry in enumerate(faq.entries, start=1):
        table.add_row(str(number), _text((entry.id, QUESTION)), _text(entry.question))
    _emit(console, [table])


def print_sources(console: Console, faq: Faq) -> None:
    """`lutaq sources`: every source with the entries that cite it."""
    from rich.style import Style

    table = _table(
        console, ("id", "left"), ("title", "left"), ("url", "left"), ("cited by", "left")
    )
    for source in faq.sources.values():
        url = clean(source.url)
        table.add_row(
            _text((source.id, QUESTION)),
            _text(source.title),
            _text((url, Style(link=url))),
            _text(", ".join(faq.cited_by(source.id))),
        )
    _emit(console, [table])


def print_faq_error(console: Console, error: FaqError, noun: str = "FAQ file") -> None:
    """Every problem in a FAQ (or question) file, one a line, after a one-line summary."""
    count = len(error.problems)
    problems = "problem" if count == 1 else "problems"
    header = _text((f"{PROGRAM}: ", ERROR), f"cannot use the {noun} ({count} {problems}):")
    _emit(console, [header, *(_text("  ", str(problem)) for problem in error.problems)])


def print_error(console: Console, message: str, hint: str = "") -> None:
    """A one-line error, and optionally what to try instead."""
    items: list[RenderableType] = [_text((f"{PROGRAM}: ", ERROR), message)]
    if hint:
        items.append(_text((hint, MUTED)))
    _emit(console, items)


def _table(console: Console, *columns: tuple[str, JustifyMethod]) -> Table:
    from rich import box
    from rich.table import Table

    styled = console.is_terminal and not console.is_dumb_terminal
    table = Table(
        box=box.SIMPLE_HEAD if styled else None,
        show_edge=False,
        pad_edge=False,
        header_style=HEADING if styled else "",
    )
    for name, justify in columns:
        table.add_column(name, justify=justify, overflow="fold")
    return table
