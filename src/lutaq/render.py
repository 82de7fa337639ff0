"""Human-readable output with Rich: styled on a terminal, plain text when piped.

FAQ files are written by other people, so nothing from them is ever parsed as Rich markup
(it is appended as Text) and control characters are dropped before anything is printed.
Rich itself is imported only when something is printed with it: answers printed to a pipe
(`print_layout`) never need it.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from lutaq import PROGRAM
from lutaq.faq import SHOWN_PROBLEMS, Faq, FaqError
from lutaq.layout import (
    ERROR,
    EXPLAINED,
    HEADING,
    LINK,
    MUTED,
    QUESTION,
    Block,
    Hanging,
    Line,
    clean,
    plain_text,
    quoted,
    usable_columns,
    wants_rich,
)

if TYPE_CHECKING:
    from rich.console import Console, JustifyMethod, RenderableType
    from rich.style import Style
    from rich.table import Table
    from rich.text import Text

    from lutaq.clashes import Clash
    from lutaq.evaluate import Outcome, Report
    from lutaq.match import Matcher, Result


_UNWRAPPED_WIDTH = 10_000


def print_layout(blocks: Sequence[Block], *, stderr: bool = False, pager: bool = False) -> None:
    """Print a layout to stdout (or stderr): through Rich when it styles or wraps, else plain.

    With `pager`, output to a terminal that is longer than the screen goes through $PAGER.
    """
    stream = sys.stderr if stderr else sys.stdout
    if not wants_rich(stream):
        stream.write(plain_text(blocks))
        return
    console = make_console(stream)
    if not (pager and console.is_terminal and stream.isatty()):
        print_blocks(console, blocks)
        return
    with console.capture() as captured:
        print_blocks(console, blocks)
    text = captured.get()
    if text.count("\n") < console.height:
        stream.write(text)
    else:
        page(text, stream)


def page(text: str, stream: TextIO) -> None:
    """Show text through the user's pager ($PAGER, else less), or print it when there is none.

    less gets LESS=FRX unless the user set LESS: colours kept (R), no pager for text that
    fits after all (F), and the text left on the screen on quitting (X), as git does.
    """
    import shutil
    import subprocess

    command = os.environ.get("PAGER") or ("less" if shutil.which("less") else "")
    if not command.strip():
        stream.write(text)
        return
    stream.flush()
    environment = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    data = text.encode(stream.encoding or "utf-8", errors="replace")
    # The pager owns the terminal until it exits: Ctrl-C is its business (less ignores it),
    # and lutaq waits rather than leave it running behind the next prompt, as git does.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        done = subprocess.run(
            command,
            shell=True,
            input=data,
            env=environment,
            check=False,
            preexec_fn=_default_interrupt if os.name == "posix" else None,
        )
    except OSError:
        done = None
    finally:
        signal.signal(signal.SIGINT, previous)
    if done is None or done.returncode != 0:
        # No such pager (126, 127), or one that failed: the answer is printed all the same,
        # never lost behind a pager's error.
        stream.write(text)


def _default_interrupt() -> None:
    """In the pager's process: Ctrl-C back to its usual meaning (lutaq ignores it meanwhile)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def make_console(stream: TextIO | None = None, *, stderr: bool = False) -> Console:
    """A console that styles only real terminals and never wraps piped output.

    Rich already honours NO_COLOR, FORCE_COLOR and TERM=dumb; markup, emoji codes and
    auto-highlighting are off because every string printed comes from data.
    """
    from rich.console import Console

    target = stream if stream is not None else (sys.stderr if stderr else sys.stdout)
    console = Console(file=target, markup=False, emoji=False, highlight=False)
    if usable_columns() is None:
        # Rich takes COLUMNS=0 (or 5) at its word and wraps every word onto its own line or
        # prints nothing; such a value is ignored, as a terminal's own width is used instead.
        if not console.is_terminal:
            console.width = _UNWRAPPED_WIDTH
        elif "COLUMNS" in os.environ:
            try:
                console.width = os.get_terminal_size(target.fileno()).columns
            except (OSError, ValueError):
                console.width = 80
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


def print_blocks(console: Console, blocks: Sequence[Block]) -> None:
    """Print a layout (layout.py) with Rich: styled, wrapped, links clickable."""
    _emit(console, [_renderable(block) for block in blocks])


def _renderable(block: Block) -> RenderableType:
    if isinstance(block, Hanging):
        return _hanging([(marker, _rich_line(body)) for marker, body in block.rows])
    return _rich_line(block)


def _rich_line(body: Line) -> Text:
    from rich.style import Style

    return _text(
        *(
            (text, Style(link=clean(text), underline=True) if style == LINK else style)
            for text, style in body.spans
        )
    )


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


def print_validation(
    console: Console,
    origin: str,
    faq: Faq,
    unreached: Sequence[Outcome],
    read_alike: Sequence[Clash] = (),
) -> None:
    """`lutaq validate` on a usable file: what it holds, phrases the matcher reads alike, and
    phrasings no one can reach."""
    held = [
        (len(faq.entries), "entry", "entries"),
        (len(faq.sources), "source", "sources"),
        (len(faq.synonyms), "synonym group", "synonym groups"),
    ]
    if faq.examples:  # from its examples file; most FAQs have none, and need not hear of it
        held.append((len(faq.examples), "labelled example", "labelled examples"))
    counts = ", ".join(
        f"{count:,} {noun if count == 1 else plural}" for count, noun, plural in held
    )
    items: list[RenderableType] = [_text((clean(origin), HEADING), f": valid FAQ ({counts}).")]
    if read_alike:
        # First: a clash is often why a phrasing below is not answered by its own entry.
        items += [
            _text(
                (f"Warnings ({len(read_alike)})", HEADING),
                ": phrases spelled apart that lutaq cannot tell apart, or cannot read "
                "(see docs/faq-format.md, Warnings)",
            ),
            _hanging([("•", _text(f"{clash.where}: ", clash.message)) for clash in read_alike]),
        ]
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
    citations = faq.citations()
    for source in faq.sources.values():
        url = clean(source.url)
        table.add_row(
            _text((source.id, QUESTION)),
            _text(source.title),
            _text((url, Style(link=url))),
            _text(", ".join(citations[source.id])),
        )
    _emit(console, [table])


def print_faq_error(console: Console, error: FaqError, noun: str = "FAQ file") -> None:
    """Every problem in a FAQ (or question) file, one a line, after a one-line summary."""
    count = len(error.problems)
    problems = "problem" if count == 1 else "problems"
    header = _text((f"{PROGRAM}: ", ERROR), f"cannot use the {noun} ({count:,} {problems}):")
    shown = [_text("  ", str(problem)) for problem in error.problems[:SHOWN_PROBLEMS]]
    if count > SHOWN_PROBLEMS:
        shown.append(_text((f"  and {count - SHOWN_PROBLEMS:,} more", MUTED)))
    _emit(console, [header, *shown])


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
