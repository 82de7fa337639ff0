"""The lutaq command line: turns arguments into calls to the core and results into output.

Rich and RapidFuzz are imported inside the commands that use them: start-up time is most of
what a user waits for, and `lutaq list` has no use for a matcher.
"""

from __future__ import annotations

import inspect
import os
import signal
import sys
from collections.abc import Iterator
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from lutaq import PROGRAM, __version__

if TYPE_CHECKING:
    from lutaq.faq import Faq, FaqError
    from lutaq.match import Match, Matcher, Result


class ExitCode(IntEnum):
    """What lutaq's exit status means (README, "Exit codes")."""

    OK = 0
    NO_MATCH = 1
    USAGE = 2
    INPUT_FAILED = 66  # sysexits.h EX_NOINPUT: standard input could not be read
    OUTPUT_FAILED = 74  # sysexits.h EX_IOERR: the answer could not be written (disk full...)
    INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
    BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader left; where SIGPIPE ends lutaq, the shell says so


MAX_SUGGESTIONS = 3
"""How many "Did you mean" entries a question without an answer gets."""

DISCLAIMER = (
    "lutaq gives general information, not medical advice: ask your care team about your own "
    "situation."
)


def _examples(*lines: str) -> str:
    """An "Examples" block for a command's --help."""
    return "[bold]Examples[/bold]\n" + "\n".join(f"  {line}" for line in lines)


EXAMPLES = _examples(
    'lutaq ask "how long does it work"',
    "lutaq ask how long did patients benefit --top 2",
    "lutaq chat",
    "lutaq list",
    "lutaq show duration",
    "lutaq sources",
    "lutaq eval tests/questions.toml",
    "lutaq validate my-faq.toml",
    "lutaq --faq my-faq.toml list",
)
ASK_EXAMPLES = _examples(
    'lutaq ask "how long does it work"',
    "lutaq ask is it still under patent --top 2",
    'lutaq ask -- "-1 degrees: is it safe?"',
    'lutaq ask --json "side effects"',
    'lutaq ask --explain "how lnog does it last"',
    "printf 'risks\\nquality of life\\n' | lutaq ask --json -",
)
CHAT_EXAMPLES = _examples(
    "lutaq chat", "lutaq chat --pager", "lutaq chat < questions.txt", "lutaq --faq my-faq.toml chat"
)
EVAL_EXAMPLES = _examples(
    "lutaq eval tests/questions.toml",
    "lutaq eval my-questions.toml --faq my-faq.toml",
    "lutaq eval tests/questions.toml --json",
)
LIST_EXAMPLES = _examples("lutaq list", "lutaq list --json", "lutaq list --faq my-faq.toml")
SOURCES_EXAMPLES = _examples("lutaq sources", "lutaq sources --json")
VALIDATE_EXAMPLES = _examples(
    "lutaq validate", "lutaq validate my-faq.toml", "lutaq validate my-faq.toml --json"
)
SHOW_EXAMPLES = _examples("lutaq show duration", "lutaq show 3", "lutaq show patents --json")

app = typer.Typer(
    name="lutaq",
    help=(
        "Answers questions about Lutathera (lutetium Lu 177 dotatate) from a cited FAQ, "
        "with the sources behind each answer.\n\n" + DISCLAIMER
    ),
    epilog=EXAMPLES,
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

FaqOption = Annotated[
    Path | None,
    typer.Option(
        "--faq",
        metavar="PATH",
        help=(
            "Use this FAQ file (same format; see README). "
            "Default: $LUTAQ_FAQ, else the bundled FAQ."
        ),
        show_default=False,
    ),
]
GroupFaqOption = Annotated[
    Path | None,
    typer.Option(
        "--faq",
        envvar="LUTAQ_FAQ",
        metavar="PATH",
        help="Use this FAQ file for the command (same format; see README).",
        show_default=False,
    ),
]
PagerOption = Annotated[
    bool,
    typer.Option(
        "--pager",
        help="On a terminal, show answers longer than the screen through $PAGER (else less).",
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON for programs instead of text.")
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lutaq {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    ctx: typer.Context,
    faq: GroupFaqOption = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Answers questions about Lutathera from a cited FAQ."""
    ctx.obj = faq
    # Hints must work when typed as shown: a FAQ given with --faq is named in them; one from
    # $LUTAQ_FAQ applies to the commands typed next anyway.
    source = getattr(ctx.get_parameter_source("faq"), "name", "")
    if faq is not None and source != "ENVIRONMENT":
        ctx.meta["lutaq.command"] = _with_faq(faq)
    if ctx.invoked_subcommand is None:
        text = ctx.get_help()  # Rich-formatted help prints itself and returns ""
        if text:
            typer.echo(text)
        raise typer.Exit()


def _with_faq(path: Path) -> str:
    import shlex

    return f"{PROGRAM} --faq {shlex.quote(str(path))}"


def _command(ctx: typer.Context, path: Path | None) -> str:
    """How hints start their commands: `lutaq`, or `lutaq --faq PATH` for a FAQ named so."""
    if path is not None:
        return _with_faq(path)
    command: str = ctx.meta.get("lutaq.command", PROGRAM)
    return command


def _chosen(ctx: typer.Context, path: Path | None) -> Path | None:
    """The FAQ named on the command, else on the group or in $LUTAQ_FAQ; None: the bundled one."""
    chosen: Path | None = path if path is not None else ctx.obj
    return chosen


def _unusable(error: FaqError) -> NoReturn:
    """Every problem of a FAQ file on stderr, then exit 2."""
    from lutaq.render import make_console, print_faq_error

    print_faq_error(make_console(stderr=True), error)
    raise typer.Exit(ExitCode.USAGE)


def _load(ctx: typer.Context, path: Path | None) -> Faq:
    """The chosen FAQ, validated, for showing its entries (so without its examples)."""
    from lutaq.faq import FaqError, load_faq

    try:
        return load_faq(_chosen(ctx, path), examples=False)
    except FaqError as error:
        _unusable(error)


def _matcher(ctx: typer.Context, path: Path | None) -> Matcher:
    """The chosen FAQ prepared for matching, from the cache when it can be."""
    from lutaq.cache import prepared_matcher
    from lutaq.faq import FaqError

    try:
        return prepared_matcher(_chosen(ctx, path))
    except FaqError as error:
        _unusable(error)


def _fail(message: str, hint: str, code: ExitCode) -> NoReturn:
    from lutaq.render import make_console, print_error

    print_error(make_console(stderr=True), message, hint)
    raise typer.Exit(code)


@app.command(epilog=ASK_EXAMPLES)
def ask(
    ctx: typer.Context,
    question: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="QUESTION...",
            help=(
                "Your question, quoted or not (quote it, or put -- before it, if it starts "
                "with a dash). Use - to read one question a line from stdin."
            ),
            show_default=False,
        ),
    ] = None,
    top: Annotated[
        int,
        typer.Option("--top", min=0, max=20, help="Also list the next N best questions."),
    ] = 0,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Also show why: each word's weight and how it matched the closest entries.",
        ),
    ] = False,
    json_output: JsonOption = False,
    pager: PagerOption = False,
    faq_path: FaqOption = None,
) -> None:
    """Answer a question with the closest FAQ entry and its sources.

    "Match: strong / good / weak" says how closely the question's words match the entry's own
    questions, not whether the entry answers yours. Exits 1 with suggestions when no entry
    matches confidently.
    """
    words = question or []
    text = " ".join(words).strip()
    if not text:
        _fail(
            "no question given",
            'Ask like this: lutaq ask "how long does it work" (or: lutaq chat, lutaq list)',
            ExitCode.USAGE,
        )
    from lutaq.text import MAX_QUESTION

    if len(text) > MAX_QUESTION:
        _fail(
            f"the question is longer than {MAX_QUESTION:,} characters",
            "Ask it in fewer words: lutaq matches words, and a long paste only dilutes them.",
            ExitCode.USAGE,
        )
    matcher = _matcher(ctx, faq_path)
    command = _command(ctx, faq_path)
    if words == ["-"]:
        _answer_stdin(matcher, top, json_output, explain, command)
        return
    result = matcher.ask(text)
    if not _answer(matcher, result, top, json_output, explain, pager=pager, command=command):
        raise typer.Exit(ExitCode.NO_MATCH)


def _answer_stdin(
    matcher: Matcher, top: int, json_output: bool, explain: bool, command: str = PROGRAM
) -> None:
    """`ask -`: every line of stdin a question, each answer written as soon as it is ready."""
    if json_output and not explain:
        from lutaq.payload import AnswerLines

        lines = AnswerLines(matcher.faq)
        for line in _stdin_questions():
            result = matcher.ask(line)
            lines.write(result, _offered(result, top))
            sys.stdout.flush()
        return
    for line in _stdin_questions():
        result = matcher.ask(line)
        _answer(matcher, result, top, json_output, explain, batch=True, command=command)
        sys.stdout.flush()


def _answer(
    matcher: Matcher,
    result: Result,
    top: int,
    json_output: bool,
    explain: bool,
    *,
    batch: bool = False,
    pager: bool = False,
    command: str = PROGRAM,
) -> bool:
    """Print one result (answer, or no-match with suggestions); True when it was answered."""
    faq = matcher.faq
    suggestions = _offered(result, top)
    if json_output:
        from lutaq.payload import answer_payload, explain_payload, write_json

        payload = answer_payload(faq, result, suggestions)
        if explain:
            payload["explain"] = explain_payload(matcher, result)
        write_json(payload, compact=batch)
        return result.answer is not None
    from lutaq.layout import answer_blocks, no_match_blocks
    from lutaq.render import make_console, print_explanation, print_layout

    if result.answer is None:
        print_layout(no_match_blocks(faq, result, suggestions, command=command), stderr=True)
    else:
        blocks = answer_blocks(
            faq, result, suggestions, asked_for=top, echo_query=batch, command=command
        )
        print_layout(blocks, pager=pager)
    if explain:
        typer.echo()
        print_explanation(make_console(), matcher, result)
    if batch:
        typer.echo()
    return result.answer is not None


def _offered(result: Result, top: int) -> tuple[Match, ...]:
    """The entries shown after a result: the next `top` after an answer, else suggestions."""
    if result.answer is not None:
        return result.alternatives(top)
    return result.suggestions(MAX_SUGGESTIONS)


def _stdin_questions() -> Iterator[str]:
    """Questions from stdin, one a line; invalid UTF-8 replaced, blank lines skipped.

    A line is read up to its limit only (MAX_QUESTION characters, 4 bytes each at most), so
    `ask - </dev/zero` ends with an error instead of filling memory.
    """
    from lutaq.text import MAX_QUESTION

    limit = 4 * MAX_QUESTION
    number = 0
    while True:
        try:
            raw = sys.stdin.buffer.readline(limit + 1)
        except OSError as error:
            raise InputError(f"cannot read standard input: {error.strerror or error}") from None
        if not raw:
            return
        number += 1
        line = raw.decode("utf-8", errors="replace").strip()
        if len(raw.rstrip(b"\r\n")) > limit or len(line) > MAX_QUESTION:
            _fail(
                f"line {number} of standard input is longer than {MAX_QUESTION:,} characters",
                "Give one question a line.",
                ExitCode.USAGE,
            )
        if line:
            yield line


class InputError(Exception):
    """Standard input could not be read (not the output failing: that is OSError in run)."""


@app.command(epilog=CHAT_EXAMPLES)
def chat(ctx: typer.Context, pager: PagerOption = False, faq_path: FaqOption = None) -> None:
    """Ask one question after another at a prompt, with line editing and history.

    Commands at the prompt: list, sources, show ID or NUMBER (a number alone too), a letter
    to pick a "Did you mean" suggestion, help, quit (or Ctrl-D). When stdin is not a
    terminal, reads one question a line, like `lutaq ask -`.
    """
    matcher = _matcher(ctx, faq_path)
    if not sys.stdin.isatty():
        _answer_stdin(matcher, 0, False, False, _command(ctx, faq_path))
        return
    from lutaq.chat import Session, line_editing
    from lutaq.layout import answer_blocks, no_match_blocks, show_blocks
    from lutaq.render import make_console, print_layout, print_list, print_sources

    faq = matcher.faq

    def answer(question: str) -> tuple[Match, ...]:
        result = matcher.ask(question)
        if result.answer is not None:
            blocks = answer_blocks(faq, result, (), asked_for=0, echo_query=False, command="")
            print_layout(blocks, pager=pager)
            return ()
        offered = result.suggestions(MAX_SUGGESTIONS)
        print_layout(no_match_blocks(faq, result, offered, in_chat=True))
        return offered

    session = Session(
        matcher,
        answer=answer,
        show=lambda entry: print_layout(show_blocks(faq, entry), pager=pager),
        listing=lambda: print_list(make_console(), faq),
        sources=lambda: print_sources(make_console(), faq),
        say=typer.echo,
    )
    with line_editing():
        session.run()


@app.command("eval", epilog=EVAL_EXAMPLES)
def evaluate_questions(
    ctx: typer.Context,
    questions: Annotated[
        Path,
        typer.Argument(
            metavar="QUESTIONS.toml",
            help="Labelled questions: a TOML file of case tables with q, expect and group.",
            show_default=False,
        ),
    ],
    json_output: JsonOption = False,
    faq_path: FaqOption = None,
) -> None:
    """Measure how well the FAQ answers labelled questions: accuracy per group, MRR, misses.

    For FAQ authors tuning aliases and synonyms (see README, "Tuning a FAQ"). The FAQ's
    examples from a set named like the file (QUESTIONS) are left out: a set is never
    measured against its own questions.
    """
    matcher = _matcher(ctx, faq_path)
    from lutaq.evaluate import evaluate, load_cases
    from lutaq.faq import FaqError

    try:
        cases = load_cases(questions, matcher.faq)
    except FaqError as error:
        from lutaq.render import make_console, print_faq_error

        print_faq_error(make_console(stderr=True), error, noun="question file")
        raise typer.Exit(ExitCode.USAGE) from None
    # A labelled set is never measured against its own questions among the examples.
    report = evaluate(matcher, cases, leave_out=questions.stem)
    if json_output:
        from lutaq.payload import report_payload, write_json

        write_json(report_payload(report, str(questions)))
        return
    from lutaq.render import make_console, print_report

    print_report(make_console(), report, str(questions))


@app.command("list", epilog=LIST_EXAMPLES)
def list_entries(
    ctx: typer.Context, json_output: JsonOption = False, faq_path: FaqOption = None
) -> None:
    """List every question in the FAQ, with its id and number."""
    faq = _load(ctx, faq_path)
    if json_output:
        from lutaq.payload import list_payload, write_json

        write_json(list_payload(faq))
        return
    from lutaq.render import make_console, print_list

    print_list(make_console(), faq)


@app.command(epilog=SOURCES_EXAMPLES)
def sources(
    ctx: typer.Context, json_output: JsonOption = False, faq_path: FaqOption = None
) -> None:
    """List every source the FAQ cites, and which entries cite it."""
    faq = _load(ctx, faq_path)
    if json_output:
        from lutaq.payload import sources_payload, write_json

        write_json(sources_payload(faq))
        return
    from lutaq.render import make_console, print_sources

    print_sources(make_console(), faq)


def _complete_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for `lutaq show`: the ids of the FAQ the command line names.

    Reads the options itself: while completing, the group callback that sets ctx.obj
    (see _chosen) has not run.
    """
    from lutaq.faq import FaqError, load_faq

    chosen = ctx.params.get("faq_path")
    if chosen is None and ctx.parent is not None:
        chosen = ctx.parent.params.get("faq")
    try:
        faq = load_faq(Path(chosen) if chosen else None)
    except FaqError:
        return []
    return [(entry.id, entry.question) for entry in faq.entries if entry.id.startswith(incomplete)]


@app.command(epilog=SHOW_EXAMPLES)
def show(
    ctx: typer.Context,
    entry_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="An entry id, or its number in `lutaq list`.",
            show_default=False,
            autocompletion=_complete_ids,
        ),
    ],
    json_output: JsonOption = False,
    pager: PagerOption = False,
    faq_path: FaqOption = None,
) -> None:
    """Show one FAQ entry in full, by id or number."""
    faq = _load(ctx, faq_path)
    entry = faq.find(entry_id)
    if entry is None:
        ids = [e.id for e in faq.entries]
        hint = f"Known ids: {', '.join(ids)} (or a number from 1 to {len(ids)})."
        from lutaq.layout import quoted

        _fail(f"no entry {quoted(entry_id)}", hint, ExitCode.NO_MATCH)
    if json_output:
        from lutaq.payload import entry_payload, write_json

        write_json(entry_payload(faq, entry))
        return
    from lutaq.layout import show_blocks
    from lutaq.render import print_layout

    print_layout(show_blocks(faq, entry), pager=pager)


@app.command(epilog=VALIDATE_EXAMPLES)
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="[PATH]",
            help="The FAQ file to check. Default: --faq, else $LUTAQ_FAQ, else the bundled FAQ.",
            show_default=False,
        ),
    ] = None,
    json_output: JsonOption = False,
    faq_path: FaqOption = None,
) -> None:
    """Check a FAQ file and report every problem in it, for people writing their own FAQ.

    Exits 0 when the file is usable (warnings included) and 2 when it has problems.
    Warnings name phrases that lutaq reads alike (or as no words at all),
    and questions and aliases that lutaq would not answer with their own entry.
    """
    from lutaq.faq import FaqError, bundled_path, load_faq

    chosen = path if path is not None else _chosen(ctx, faq_path)
    origin = str(chosen if chosen is not None else bundled_path())
    try:
        faq = load_faq(chosen)
    except FaqError as error:
        if json_output:
            from lutaq.payload import validation_payload, write_json

            write_json(validation_payload(origin, None, error.problems, ()))
            raise typer.Exit(ExitCode.USAGE) from None
        _unusable(error)
    from lutaq.clashes import clashes
    from lutaq.evaluate import evaluate, phrasing_cases
    from lutaq.match import Matcher

    read_alike = clashes(faq)
    checked = phrasing_cases(faq)
    unreached = evaluate(Matcher(faq), checked).misses
    phrasings = sum(len(entry.phrasings) for entry in faq.entries)
    if json_output:
        from lutaq.payload import validation_payload, write_json

        write_json(validation_payload(origin, faq, (), unreached, read_alike, len(checked)))
        return
    from lutaq.render import make_console, print_validation

    print_validation(make_console(), origin, faq, unreached, read_alike)
    if len(checked) < phrasings:
        typer.echo(
            f"Checked the first {len(checked):,} of {phrasings:,} questions and aliases "
            "(a larger FAQ is checked in part: README, Limits)."
        )


def _reflowed(doc: str) -> str:
    """A docstring as help text: each paragraph on one line, for Rich to wrap to the terminal.

    In rich markup mode Typer keeps a docstring's line breaks, so a paragraph wrapped at 100
    columns in the source came out broken mid-sentence on an 80-column terminal. A paragraph
    laid out by line (a list, an example, an indented block) is kept as written.
    """
    return "\n\n".join(
        part if _laid_out(part) else " ".join(part.split()) for part in doc.split("\n\n")
    )


def _laid_out(paragraph: str) -> bool:
    """Whether a paragraph's own line breaks carry meaning: a list, a command, an indent."""
    return any(line.startswith(("-", "*", "$", " ", "\b")) for line in paragraph.splitlines())


for _info in app.registered_commands:
    if _info.callback is not None and _info.callback.__doc__:
        _info.help = _reflowed(inspect.cleandoc(_info.callback.__doc__))


def main() -> None:
    """Console-script entry point."""
    sys.exit(run())


def run(args: list[str] | None = None) -> int:
    """Run lutaq and turn every way it can end into a message and an exit code.

    Click would print usage errors in a boxed panel and call Ctrl-C "Aborted!" with exit 1;
    a failed write to stdout would end in a traceback. Each gets one line on stderr instead.
    """
    _prepare_streams()
    try:
        code = app(args=args, prog_name=PROGRAM, standalone_mode=False)
        sys.stdout.flush()
    except typer.TyperException as error:  # usage errors (exit 2) and Click's own failures
        context = getattr(error, "ctx", None)
        command = context.command_path if context is not None else PROGRAM
        return _report(error.format_message(), f"Try: {command} --help", error.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    except InputError as error:
        return _report(str(error), "", ExitCode.INPUT_FAILED)
    except BrokenPipeError:  # the reader left (`| head`); nothing more to say to it
        _discard_stdout()
        return ExitCode.BROKEN_PIPE
    except OSError as error:
        _discard_stdout()
        reason = error.strerror or str(error)
        return _report(f"cannot write the output: {reason}", "", ExitCode.OUTPUT_FAILED)
    return code if isinstance(code, int) else ExitCode.OK


def _prepare_streams() -> None:
    """Unencodable characters become "?" instead of errors; a closed pipe ends lutaq quietly.

    A standard stream the caller closed (`lutaq ask - <&-`) reads as empty and writes nowhere.
    """
    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            setattr(sys, name, Path(os.devnull).open(mode, encoding="utf-8"))  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    if hasattr(signal, "SIGPIPE"):  # as cat and grep do: `lutaq list | head -1` just stops
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def _discard_stdout() -> None:
    """Point stdout at the null device, so Python's final flush cannot fail a second time."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


MESSAGE_LIMIT = 300
"""Longest error message printed: Click quotes a bad value whole (`--top` with 5,000 digits)."""


def _report(message: str, hint: str, code: int) -> int:
    """Print an error on stderr and give back its exit code; stderr may be gone too."""
    from lutaq.render import make_console, print_error

    if len(message) > MESSAGE_LIMIT:
        message = message[: MESSAGE_LIMIT - 3] + "..."
    try:
        print_error(make_console(stderr=True), message, hint)
        sys.stderr.flush()
    except OSError:
        pass
    return code
