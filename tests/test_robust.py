"""Never a traceback: odd questions, odd terminals and streams, hostile FAQ files.

Stream and terminal behaviour only shows in a real process, so those tests run the lutaq
installed from a wheel into a fresh virtual environment, from a directory outside the checkout
(and in a pseudo-terminal where it matters).
"""

from __future__ import annotations

import fcntl
import os
import re
import signal
import struct
import subprocess
import termios
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lutaq.cli import ExitCode, app
from tests.support import SMALL_FAQ

Run = Callable[..., subprocess.CompletedProcess[bytes]]
Terminal = Callable[..., tuple[int, str]]

ESCAPE = re.compile(r"\x1b")
COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|9[0-7])m")
BOX = re.compile(r"[\u2500-\u257f]")
ANSWER = "How long did patients benefit?"


def _environment(**overrides: str) -> dict[str, str]:
    removed = ("PYTHONPATH", "VIRTUAL_ENV", "LUTAQ_FAQ", "NO_COLOR", "FORCE_COLOR", "COLUMNS")
    environment = {key: value for key, value in os.environ.items() if key not in removed}
    environment.update(overrides)
    return environment


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working directory that is not the checkout."""
    return tmp_path_factory.mktemp("elsewhere")


@pytest.fixture(scope="module")
def lutaq(installed: Path, elsewhere: Path) -> Run:
    """Run the installed lutaq with pipes, bytes in and out, and extra environment variables."""

    def run(*args: str, stdin: bytes = b"", **env: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [str(installed / "bin" / "lutaq"), *args],
            input=stdin,
            capture_output=True,
            env=_environment(**env),
            cwd=elsewhere,
            check=False,
            timeout=60,
        )

    return run


@pytest.fixture(scope="module")
def terminal(installed: Path, elsewhere: Path) -> Terminal:
    """Run the installed lutaq in a pseudo-terminal of a given width; exit code and screen."""

    def run(*args: str, columns: int = 80, **env: str) -> tuple[int, str]:
        leader, follower = os.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        process = subprocess.Popen(
            [str(installed / "bin" / "lutaq"), *args],
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env=_environment(**env),
            cwd=elsewhere,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the last writer closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        return process.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")

    return run


def _no_traceback(done: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    assert b"Exception ignored" not in done.stderr, done.stderr.decode(errors="replace")


# Questions -------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["", "   ", "\t\n"])
def test_blank_questions_exit_2_with_a_hint(lutaq: Run, question: str) -> None:
    done = lutaq("ask", question)
    assert done.returncode == ExitCode.USAGE
    assert b"no question given" in done.stderr
    assert b'lutaq ask "how long does it work"' in done.stderr


def test_a_100_kb_question_is_refused_in_one_short_line(lutaq: Run) -> None:
    question = ("radioligand marmalade " * 5000)[:100_000]  # argv allows 128 KiB per argument
    done = lutaq("ask", question)
    _no_traceback(done)
    assert done.returncode == ExitCode.USAGE
    assert len(done.stderr) < 300, "the whole question was echoed back"
    assert b"longer than 5,000 characters" in done.stderr


def test_a_question_just_under_the_limit_gets_a_short_reply(lutaq: Run) -> None:
    question = ("marmalade radioligand " * 300)[:4_990]
    done = lutaq("ask", question)
    _no_traceback(done)
    assert done.returncode == ExitCode.NO_MATCH
    assert len(done.stderr) < 2_000, "the whole question was echoed back"
    assert b"..." in done.stderr


def test_control_characters_and_nul_bytes_through_stdin(lutaq: Run) -> None:
    questions = b"how long\x00 does it\x07 work\x1b[31m\nside\x08 effects\x9b2J\n\xff\xfe risks\n"
    done = lutaq("ask", "-", stdin=questions)
    _no_traceback(done)
    assert done.returncode == ExitCode.OK
    out = done.stdout.decode()
    assert ANSWER in out
    assert "What side effects or risks" in out
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out.replace("\n", ""))


def test_escape_sequences_in_a_question_are_never_echoed(lutaq: Run) -> None:
    done = lutaq("ask", "\x1b]0;pwned\x07\x1b[2J side effects of aspirin \x1b[31m")
    assert done.returncode == ExitCode.NO_MATCH
    assert b"\x1b" not in done.stdout + done.stderr
    assert b"\x07" not in done.stdout + done.stderr


@pytest.mark.parametrize(
    "markup", ["[/]", "[bold]side effects[/bold]", "[link=file:///etc/passwd]risks[/link]"]
)
def test_rich_markup_in_a_question_is_printed_literally(runner: CliRunner, markup: str) -> None:
    refused = runner.invoke(app, ["ask", f"{markup} of aspirin"])
    assert refused.exit_code == ExitCode.NO_MATCH
    assert markup in refused.stderr


def test_rich_markup_in_a_question_is_echoed_literally(runner: CliRunner) -> None:
    question = "[i]how long[/i] does it [/] work"
    answered = runner.invoke(app, ["ask", "-"], input=f"{question}\n")
    assert answered.exit_code == ExitCode.OK
    assert f"» {question}" in answered.stdout


@pytest.mark.parametrize(
    "question",
    [
        "how long does it work 🤔🙏",
        "how\u200f long\u202e does it work",  # right-to-left mark and override
        "how lo\u0301ng does it wo\u0308rk",  # combining accents
        "ＨＯＷ ＬＯＮＧ does it work",  # full-width letters
    ],
)
def test_emoji_rtl_marks_and_combining_characters(runner: CliRunner, question: str) -> None:
    result = runner.invoke(app, ["ask", question])
    assert result.exit_code == ExitCode.OK, result.output
    assert ANSWER in result.stdout


@pytest.mark.parametrize("question", ["כמה זמן זה עובד", "🤔🙏", "\u202e\u0301\u200f"])
def test_questions_in_other_scripts_are_refused_cleanly(runner: CliRunner, question: str) -> None:
    result = runner.invoke(app, ["ask", question])
    assert result.exit_code in (ExitCode.NO_MATCH, ExitCode.USAGE), result.output
    assert "\u202e" not in result.stderr


# Terminals and streams -------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_narrow_output_encodings(lutaq: Run, encoding: str) -> None:
    done = lutaq("ask", "how long does it work", PYTHONIOENCODING=encoding)
    _no_traceback(done)
    assert done.returncode == ExitCode.OK
    text = done.stdout.decode(encoding)  # every byte is valid in the declared encoding
    assert ANSWER in text
    listing = lutaq("list", "--json", PYTHONIOENCODING=encoding)
    assert listing.returncode == ExitCode.OK
    assert "\\u201c" in listing.stdout.decode(encoding)  # “ escaped, not mangled


def test_c_locale(lutaq: Run) -> None:
    done = lutaq("ask", "how long does it work", LC_ALL="C", LANG="C")
    _no_traceback(done)
    assert done.returncode == ExitCode.OK
    assert ANSWER in done.stdout.decode("utf-8", "replace")


def test_colour_and_style_only_on_a_terminal(terminal: Terminal, lutaq: Run) -> None:
    code, screen = terminal("ask", "how long does it work", TERM="xterm-256color")
    assert code == ExitCode.OK
    assert COLOUR.search(screen), "no colour on a colour terminal"
    assert BOX.search(terminal("list", TERM="xterm-256color")[1])
    piped = lutaq("ask", "how long does it work", TERM="xterm-256color")
    assert b"\x1b" not in piped.stdout


def test_no_color_turns_colour_off(terminal: Terminal) -> None:
    code, screen = terminal("ask", "how long does it work", TERM="xterm-256color", NO_COLOR="1")
    assert code == ExitCode.OK
    assert ANSWER in screen
    assert not COLOUR.search(screen)


def test_dumb_terminal_gets_plain_text(terminal: Terminal) -> None:
    for command in (["ask", "how long does it work"], ["list"], ["sources"]):
        code, screen = terminal(*command, TERM="dumb")
        assert code == ExitCode.OK
        assert not ESCAPE.search(screen), command
        assert not BOX.search(screen), command


@pytest.mark.parametrize("how", ["env", "window"])
def test_twenty_columns(terminal: Terminal, how: str) -> None:
    if how == "env":
        code, screen = terminal("ask", "how long does it work", COLUMNS="20", TERM="xterm")
    else:
        code, screen = terminal("ask", "how long does it work", columns=20, TERM="xterm")
    assert code == ExitCode.OK
    plain = ESCAPE.sub("", re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\", "", screen))
    lines = plain.replace("\r", "").splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 20
    assert "patients benefit?" in plain


def test_output_piped_into_head(installed: Path, elsewhere: Path) -> None:
    questions = elsewhere / "questions.txt"
    questions.write_text("how long does it work\nside effects\n" * 10_000)
    shell = (
        f'"{installed}/bin/lutaq" ask --json - < "{questions}" | head -n 1;'
        f'"{installed}/bin/lutaq" list | head -n 1'
    )
    done = subprocess.run(
        ["bash", "-c", shell],
        capture_output=True,
        env=_environment(),
        cwd=elsewhere,
        check=False,
        timeout=120,
    )
    _no_traceback(done)
    assert done.stderr == b""
    assert done.stdout.count(b"\n") == 2


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("command", [["ask", "how long does it work"], ["list", "--json"]])
def test_full_disk_is_an_error_not_a_traceback(
    installed: Path, elsewhere: Path, command: list[str]
) -> None:
    with Path("/dev/full").open("wb") as full:
        done = subprocess.run(
            [str(installed / "bin" / "lutaq"), *command],
            stdout=full,
            stderr=subprocess.PIPE,
            env=_environment(),
            cwd=elsewhere,
            check=False,
            timeout=60,
        )
    assert done.returncode == ExitCode.OUTPUT_FAILED
    assert done.stderr.decode().splitlines() == [
        "lutaq: cannot write the output: No space left on device"
    ]


def test_ctrl_c_exits_130_quietly(installed: Path, elsewhere: Path) -> None:
    process = subprocess.Popen(
        [str(installed / "bin" / "lutaq"), "ask", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(),
        cwd=elsewhere,
    )
    assert process.stdin is not None
    assert process.stdout is not None
    process.stdin.write(b"how long does it work\n")
    process.stdin.flush()
    for _ in range(200):  # bounded: a changed layout must fail the test, not hang it
        if process.stdout.readline().startswith(b"Match:"):
            break  # lutaq is now waiting for the next question
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == ExitCode.INTERRUPTED
    assert b"Traceback" not in err
    assert b"Aborted" not in err


def test_usage_errors_are_one_line_and_a_hint(lutaq: Run) -> None:
    for args, message in [
        (["ask", "--nope", "x"], "lutaq: No such option: --nope"),
        (["ask", "--top", "99", "x"], "lutaq: Invalid value for '--top'"),
        (["frobnicate"], "lutaq: No such command 'frobnicate'"),
    ]:
        done = lutaq(*args)
        assert done.returncode == ExitCode.USAGE
        lines = done.stderr.decode().splitlines()
        assert lines[0].startswith(message), lines
        assert lines[1].startswith("Try: lutaq"), lines
        assert len(lines) == 2
        assert not BOX.search(done.stderr.decode())


# FAQ files -------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["option", "environment"])
def test_broken_faq_file_by_option_or_environment(lutaq: Run, tmp_path: Path, how: str) -> None:
    path = tmp_path / "broken.toml"
    broken = SMALL_FAQ.replace('id = "pruning"', 'id = "watering"')
    broken = broken.replace('url = "https://www.rhs', 'url = "javascript:alert(1)//')
    path.write_text(broken.replace('aliases = ["tomato watering"]', "aliases = 3"))
    if how == "option":
        done = lutaq("ask", "watering", "--faq", str(path))
    else:
        done = lutaq("ask", "watering", LUTAQ_FAQ=str(path))
    _no_traceback(done)
    assert done.returncode == ExitCode.USAGE
    err = done.stderr.decode()
    assert "(3 problems)" in err
    assert f"{path}:7: sources.rhs.url: must be an http:// or https:// URL" in err
    assert "duplicate id" in err
    assert "aliases: must be a list of strings" in err


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "nope.toml", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: d / "empty.toml", "the file is empty"),
        (lambda d: d / "notes.txt" / "faq.toml", "Not a directory"),
    ],
)
def test_faq_paths_that_cannot_be_used(
    runner: CliRunner, tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    (tmp_path / "empty.toml").write_text("")
    (tmp_path / "notes.txt").write_text("notes")
    result = runner.invoke(app, ["list", "--faq", str(make(tmp_path))])
    assert result.exit_code == ExitCode.USAGE
    assert message in result.stderr


def test_unreadable_faq_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "secret.toml"
    path.write_text(SMALL_FAQ)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # root reads anything: use a file no one can read
            path = Path("/proc/self/mem")
        result = runner.invoke(app, ["list", "--faq", str(path)])
    finally:
        (tmp_path / "secret.toml").chmod(0o600)
    assert result.exit_code == ExitCode.USAGE
    assert "cannot use the FAQ file (1 problem)" in result.stderr
    assert str(path) in result.stderr


def test_hostile_but_valid_faq_is_shown_as_text(terminal: Terminal, tmp_path: Path) -> None:
    hostile = (
        SMALL_FAQ.replace("How often should I water tomatoes?", "[bold]Water[/] \\u001b[2J?")
        .replace("Water tomatoes regularly.", "[link=file:///etc/passwd]x[/link] \u009b31m")
        .replace("Royal Horticultural Society: watering", "RHS \\u001b]8;;evil\\u0007 [/]")
        .replace("garden-jobs/watering", "[red]x[/red]")
    )
    path = tmp_path / "hostile.toml"
    path.write_text(hostile)
    code, screen = terminal("show", "watering", "--faq", str(path), TERM="dumb")
    assert code == ExitCode.OK
    assert "[bold]Water[/] [2J?" in screen
    assert "[link=file:///etc/passwd]x[/link] 31m" in screen
    assert "RHS ]8;;evil [/]" in screen
    assert "https://www.rhs.org.uk/[red]x[/red]" in screen
    assert not re.search(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]", screen)


# lutaq validate --------------------------------------------------------------------------


def test_validate_the_bundled_faq(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == ExitCode.OK, result.output
    assert "valid FAQ (23 entries" in result.stdout
    assert "Warnings" not in result.stdout, "a bundled phrasing is not answered by its entry"


def test_validate_reports_every_problem_and_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "faq.toml"
    path.write_text(
        SMALL_FAQ.replace('id = "pruning"', 'id = "watering"').replace("answer = ", "answr = ")
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == ExitCode.USAGE
    lines = result.stderr.splitlines()
    assert lines[0] == "lutaq: cannot use the FAQ file (5 problems):"
    assert all(line.startswith(f"  {path}:") for line in lines[1:]), lines
    json_result = runner.invoke(app, ["validate", str(path), "--json"])
    assert json_result.exit_code == ExitCode.USAGE
    assert '"valid": false' in json_result.stdout
    assert json_result.stdout.count('"where"') == 5


def test_validate_warns_about_phrasings_no_one_can_reach(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "faq.toml"
    aliases = 'aliases = ["tomato watering", "what is it", "pruning roses"]'
    path.write_text(SMALL_FAQ.replace('aliases = ["tomato watering"]', aliases))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == ExitCode.OK
    assert "valid FAQ (2 entries, 1 source, 0 synonym groups)" in result.stdout
    assert "Warnings (3)" in result.stdout
    assert "watering: 'what is it' is not answered (no words" in result.stdout
    tie = "('watering' and 'pruning' match about equally well)"
    assert f"watering: 'pruning roses' is not answered {tie}" in result.stdout
    assert "pruning: 'When should I prune roses?' is not answered" in result.stdout


@pytest.mark.parametrize(
    "redirect", ["ask - <&-", "chat <&-", "ask pfs >&-", "ask --json pfs >&-", "list 2>&-"]
)
def test_closed_standard_streams(installed: Path, elsewhere: Path, redirect: str) -> None:
    done = subprocess.run(
        ["bash", "-c", f'"{installed}/bin/lutaq" {redirect}'],
        capture_output=True,
        env=_environment(),
        cwd=elsewhere,
        check=False,
        timeout=60,
    )
    _no_traceback(done)
    assert done.returncode in (ExitCode.OK, ExitCode.OUTPUT_FAILED), done.stderr


def test_no_home_directory_means_no_cache_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    for name in ("LUTAQ_CACHE_DIR", "XDG_CACHE_HOME", "XDG_DATA_HOME", "HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    result = runner.invoke(app, ["ask", "how long does it work"])
    assert result.exit_code == ExitCode.OK
    assert ANSWER in result.stdout


def test_validate_takes_faq_like_every_command(runner: CliRunner, small_faq: Path) -> None:
    result = runner.invoke(app, ["validate", "--faq", str(small_faq)])
    assert result.exit_code == ExitCode.OK
    assert f"{small_faq}: valid FAQ (2 entries" in result.stdout
