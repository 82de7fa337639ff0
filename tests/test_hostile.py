"""Hostile files, shared caches and odd terminals (issue 17): no code run, no hang, no traceback.

Hangs, streams and the cache only show in a real process, so most tests run
`python -m lutaq` with a 20 s timeout, a memory limit and a cache directory of their own; what
a user sees of an argument is checked through CliRunner.
"""

from __future__ import annotations

import os
import pickle
import re
import select
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest
from typer.testing import CliRunner

from lutaq.cli import ExitCode, app
from tests.support import SMALL_FAQ

TIMEOUT = 20
"""Seconds any one run of lutaq may take: every hostile input must be refused well within it."""
MEMORY = 2 * 1024**3
"""Address space a run may use: reading /dev/zero without limit fails, it does not swap."""
ANSWER = "How long did patients benefit?"
WATERING = "Water tomatoes regularly."
MAX_FILE = 8 * 1024 * 1024
DIGITS = "9" * 5000
QUESTIONS = '[[case]]\nq = "how long does it work"\nexpect = ["duration"]\n'

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX: FIFOs, symlinks, modes")


def _environment(cache: Path, **overrides: str) -> dict[str, str]:
    removed = (
        "PYTHONPATH",
        "LUTAQ_FAQ",
        "LUTAQ_NO_CACHE",
        "LUTAQ_HISTORY",
        "LUTAQ_PAGER",
        "PAGER",
        "NO_COLOR",
        "FORCE_COLOR",
        "COLUMNS",
        "LINES",
    )
    environment = {key: value for key, value in os.environ.items() if key not in removed}
    environment["LUTAQ_CACHE_DIR"] = str(cache)
    environment.update(overrides)
    return environment


def _limit_memory() -> None:
    """In the child: a bounded address space, so an unbounded read fails instead of swapping."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _spawn(
    tmp_path: Path,
    *args: str,
    stdin: bytes | int | IO[bytes] = b"",
    cache: Path | None = None,
    **env: str,
) -> subprocess.CompletedProcess[bytes]:
    """Run `python -m lutaq ARGS` in tmp_path; a run that outlives TIMEOUT fails the test."""
    given, source = (stdin, None) if isinstance(stdin, bytes) else (None, stdin)
    try:
        return subprocess.run(
            [sys.executable, "-m", "lutaq", *args],
            input=given,
            stdin=source,
            capture_output=True,
            env=_environment(cache or tmp_path / "cache", **env),
            cwd=tmp_path,
            check=False,
            timeout=TIMEOUT,
            preexec_fn=_limit_memory if os.name == "posix" else None,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"lutaq {' '.join(args)[:80]} still ran after {TIMEOUT} s (a hang)")


def _python(tmp_path: Path, code: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    """Run a snippet of Python that uses lutaq, under the same limits as _spawn."""
    try:
        return subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            env=_environment(tmp_path / "cache", **env),
            cwd=tmp_path,
            check=False,
            timeout=TIMEOUT,
            preexec_fn=_limit_memory if os.name == "posix" else None,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the snippet still ran after {TIMEOUT} s (a hang)")


def _refused(done: subprocess.CompletedProcess[bytes]) -> None:
    """Exit 2 with a `lutaq:` first line and no traceback."""
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err[-2000:]
    assert done.returncode == ExitCode.USAGE, (done.returncode, err[:2000])
    assert err.splitlines(), "no error message"
    assert err.splitlines()[0].startswith("lutaq:"), err[:2000]


def _padded(text: str) -> str:
    """Valid TOML just over MAX_FILE bytes: the size is the only thing wrong with it."""
    line = "# " + "x" * 1021 + "\n"
    return text + line * (MAX_FILE // len(line) + 1)


COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "ask --faq": lambda path: ["ask", "--faq", path, "how long does it work"],
    "list --faq": lambda path: ["list", "--faq", path],
    "eval": lambda path: ["eval", path],
    "validate": lambda path: ["validate", path],
}
"""Every command that reads a file a user names: how to run it on PATH."""
DOCUMENTS = {
    "ask --faq": SMALL_FAQ,
    "list --faq": SMALL_FAQ,
    "eval": QUESTIONS,
    "validate": SMALL_FAQ,
}
"""The valid document of each command's file: what an oversized or nested one starts from."""


# Special and oversized input files -------------------------------------------------------


@posix_only
@pytest.mark.parametrize("command", COMMANDS)
def test_fifo_input_file_is_refused_not_waited_for(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "nobody-writes.toml"
    os.mkfifo(fifo)
    _refused(_spawn(tmp_path, *COMMANDS[command](str(fifo))))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero and /dev/urandom")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("command", COMMANDS)
def test_device_input_file_is_refused_not_read_for_ever(
    tmp_path: Path, command: str, device: str
) -> None:
    _refused(_spawn(tmp_path, *COMMANDS[command](device)))


@pytest.mark.parametrize("command", COMMANDS)
def test_directory_input_file_is_refused(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    _refused(_spawn(tmp_path, *COMMANDS[command](str(folder))))


@pytest.mark.parametrize("command", COMMANDS)
def test_input_file_over_8_mib_is_refused(tmp_path: Path, command: str) -> None:
    path = tmp_path / "huge.toml"
    path.write_text(_padded(DOCUMENTS[command]), encoding="utf-8")
    assert path.stat().st_size > MAX_FILE
    _refused(_spawn(tmp_path, *COMMANDS[command](str(path))))


# Questions on stdin and in arguments -----------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_ask_dash_from_dev_zero_is_refused_in_bounded_time(tmp_path: Path) -> None:
    with Path("/dev/zero").open("rb") as zero:
        done = _spawn(tmp_path, "ask", "-", stdin=zero)
    _refused(done)


def test_a_stdin_line_over_5000_characters_is_refused(tmp_path: Path) -> None:
    line = ("how long does it work " * 300).encode() + b"\n"
    assert len(line) > 5000
    _refused(_spawn(tmp_path, "ask", "-", stdin=line))


def test_a_question_argument_over_5000_characters_is_refused(runner: CliRunner) -> None:
    question = "how long does it work " * 300
    result = runner.invoke(app, ["ask", question])
    assert result.exit_code == ExitCode.USAGE, result.output[:500]
    assert result.stderr.startswith("lutaq:"), result.stderr[:500]


@posix_only
def test_unreadable_stdin_is_not_reported_as_an_output_failure(tmp_path: Path) -> None:
    write_only = tmp_path / "write-only"
    descriptor = os.open(write_only, os.O_WRONLY | os.O_CREAT, 0o600)  # reads fail: EBADF
    try:
        done = _spawn(tmp_path, "ask", "-", stdin=descriptor)
    finally:
        os.close(descriptor)
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert done.returncode != ExitCode.OK
    assert err.startswith("lutaq:"), err
    assert "cannot write the output" not in err


# Deep nesting and huge integers ----------------------------------------------------------

NESTED = {
    "arrays": "x = " + "[" * 500 + "]" * 500 + "\n",
    "inline tables": "x = " + "{a = " * 500 + "1" + "}" * 500 + "\n",
    "5000 digits": f"x = {DIGITS}\n",
}


@pytest.mark.parametrize("shape", NESTED)
@pytest.mark.parametrize("command", ["list --faq", "eval", "validate"])
def test_deep_nesting_or_huge_integer_in_a_file_is_refused_cleanly(
    tmp_path: Path, command: str, shape: str
) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(NESTED[shape] + DOCUMENTS[command], encoding="utf-8")
    _refused(_spawn(tmp_path, *COMMANDS[command](str(path))))


def test_show_with_a_5000_digit_number_is_a_short_no_such_entry(
    runner: CliRunner, small_faq: Path
) -> None:
    result = runner.invoke(app, ["show", DIGITS, "--faq", str(small_faq)])
    assert result.exit_code == ExitCode.NO_MATCH, result.output[:500]
    assert result.stderr.startswith("lutaq:")
    assert len(result.stderr) < 500, f"{len(result.stderr)} characters of error"


def test_top_with_a_5000_digit_value_is_a_short_usage_error(tmp_path: Path) -> None:
    done = _spawn(tmp_path, "ask", "--top", DIGITS, "x")  # usage errors are formatted by run()
    _refused(done)
    assert len(done.stderr) < 500, f"{len(done.stderr)} bytes of error"


def test_a_5000_digit_number_in_chat_keeps_the_session(small_faq: Path) -> None:
    from lutaq.chat import Session
    from lutaq.faq import load_faq
    from lutaq.match import Matcher

    said: list[str] = []
    session = Session(
        Matcher(load_faq(small_faq)),
        answer=lambda question: (),
        show=lambda entry: None,
        listing=lambda: None,
        sources=lambda: None,
        say=said.append,
    )
    assert session.handle(DIGITS) is True  # not a ValueError that ends the session
    assert all(len(line) < 500 for line in said)


# Validation ------------------------------------------------------------------------------


def test_an_id_ending_in_a_newline_fails_validation(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "faq.toml"
    path.write_text(SMALL_FAQ.replace('id = "pruning"', 'id = "abc\\n"'), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == ExitCode.USAGE, result.output
    assert result.stderr.startswith("lutaq:")


# History ---------------------------------------------------------------------------------


@posix_only
def test_chat_without_a_terminal_leaves_dev_null_alone(tmp_path: Path) -> None:
    before = Path("/dev/null").stat().st_mode
    done = _spawn(tmp_path, "chat", stdin=b"how long does it work\n", LUTAQ_HISTORY="/dev/null")
    assert done.returncode == ExitCode.OK, done.stderr
    assert Path("/dev/null").stat().st_mode == before


def _null_twin(tmp_path: Path) -> Path:
    """A device node of our own for the null device: its mode can change, /dev/null's cannot."""
    twin = tmp_path / "null"
    try:
        os.mknod(twin, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (OSError, AttributeError) as error:  # mknod needs root (CAP_MKNOD) on Linux
        pytest.skip(f"cannot make a null device node to test on ({error})")
    twin.chmod(0o666)
    return twin


HISTORY_SESSION = """\
import readline
from lutaq.chat import line_editing
with line_editing():
    readline.add_history("how long does it work")
"""


@posix_only
@pytest.mark.parametrize("kind", ["device", "symlink to a device", "fifo"])
def test_history_on_a_device_or_fifo_is_never_chmodded_or_waited_for(
    tmp_path: Path, kind: str
) -> None:
    """What `lutaq chat` does with $LUTAQ_HISTORY around a session, without a terminal.

    The real /dev/null is never used: a failing lutaq would set it to 0600 for everyone.
    """
    pytest.importorskip("readline")
    if kind == "fifo":
        target = tmp_path / "history-fifo"
        os.mkfifo(target, 0o644)
        target.chmod(0o644)
        history = target
    else:
        target = _null_twin(tmp_path)
        history = target
        if kind.startswith("symlink"):
            history = tmp_path / "history"
            history.symlink_to(target)
    before = target.stat().st_mode
    done = _python(tmp_path, HISTORY_SESSION, LUTAQ_HISTORY=str(history))
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    assert target.stat().st_mode == before, f"{oct(before)} became {oct(target.stat().st_mode)}"


# Terminals -------------------------------------------------------------------------------


def test_columns_0_still_prints_answers_and_errors(tmp_path: Path) -> None:
    done = _spawn(tmp_path, "ask", "how long does it work", COLUMNS="0")
    assert done.returncode == ExitCode.OK, done.stderr
    assert ANSWER in done.stdout.decode()
    refused = _spawn(tmp_path, "ask", "", COLUMNS="0")
    assert refused.returncode == ExitCode.USAGE
    assert "no question given" in refused.stderr.decode()


def _terminal(
    tmp_path: Path, *args: str, rows: int = 24, columns: int = 80, **env: str
) -> tuple[int, str]:
    """Run lutaq in a pseudo-terminal of a given size: exit code and the screen as text."""
    import fcntl
    import struct
    import termios

    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "lutaq", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=_environment(tmp_path / "cache", TERM="xterm", **env),
        cwd=tmp_path,
    )
    os.close(follower)
    chunks = []
    deadline = time.monotonic() + TIMEOUT
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                process.kill()
                process.wait()
                pytest.fail(f"lutaq {' '.join(args)} still ran after {TIMEOUT} s (a hang)")
            if not select.select([leader], [], [], left)[0]:
                continue
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the last writer closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    return process.wait(timeout=TIMEOUT), b"".join(chunks).decode("utf-8", "replace")


def _words(screen: str) -> str:
    """The text of a screen: escape sequences gone, all white space one space."""
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.", "", screen)
    return " ".join(plain.split())


@posix_only
@pytest.mark.parametrize("pager", ["false", "cat >/dev/null; exit 1"])
def test_a_failing_pager_never_swallows_the_answer(tmp_path: Path, pager: str) -> None:
    """`false` may leave before reading (a broken pipe); the other reads it all, then fails."""
    question = "how long does it work"
    code, screen = _terminal(tmp_path, "ask", question, rows=6)
    assert code == ExitCode.OK
    expected = _words(screen)
    assert ANSWER in expected
    code, screen = _terminal(
        tmp_path, "ask", "--pager", question, rows=6, PAGER=pager, LUTAQ_PAGER=pager
    )
    assert "Traceback" not in screen
    assert code != ExitCode.OK or expected in _words(screen), screen


# The cache -------------------------------------------------------------------------------


def _cache_name(faq: Path) -> str:
    from lutaq import cache

    return str(cache._name(faq, faq.read_bytes()))


class _Payload:
    """Unpickled, it creates a file: proof that a cache file ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[..., object], tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def _private_directory(path: Path) -> Path:
    path.mkdir(mode=0o700)
    path.chmod(0o700)
    return path


@posix_only
def test_world_writable_cache_directory_gets_no_cache_file(tmp_path: Path, small_faq: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    done = _spawn(tmp_path, "ask", "tomato watering", "--faq", str(small_faq), cache=shared)
    assert done.returncode == ExitCode.OK, done.stderr
    assert WATERING in done.stdout.decode()
    assert list(shared.iterdir()) == []


@posix_only
@pytest.mark.parametrize("payload", ["code", "another FAQ"])
def test_symlink_at_the_cache_file_name_is_never_followed(
    tmp_path: Path, small_faq: Path, payload: str
) -> None:
    cache = _private_directory(tmp_path / "cache")
    marker = tmp_path / "code-ran"
    planted = tmp_path / "download.bin"  # the user's own file, with bytes someone else chose
    if payload == "code":
        planted.write_bytes(pickle.dumps(_Payload(marker)))
    else:
        from lutaq.faq import load_faq
        from lutaq.match import Matcher

        foreign = tmp_path / "foreign.toml"
        foreign.write_text(SMALL_FAQ.replace(WATERING, "Never water foreign tomatoes."))
        planted.write_bytes(pickle.dumps(Matcher(load_faq(foreign))))
    planted.chmod(0o600)
    contents = planted.read_bytes()
    (cache / _cache_name(small_faq)).symlink_to(planted)
    done = _spawn(tmp_path, "ask", "tomato watering", "--faq", str(small_faq), cache=cache)
    assert not marker.exists(), "lutaq unpickled a file it reached through a symlink"
    assert done.returncode == ExitCode.OK, done.stderr
    assert WATERING in done.stdout.decode()
    assert "foreign" not in done.stdout.decode()
    assert planted.read_bytes() == contents


@posix_only
def test_fifo_at_the_cache_file_name_is_not_waited_for(tmp_path: Path, small_faq: Path) -> None:
    cache = _private_directory(tmp_path / "cache")
    os.mkfifo(cache / _cache_name(small_faq), 0o600)
    done = _spawn(tmp_path, "ask", "tomato watering", "--faq", str(small_faq), cache=cache)
    assert done.returncode == ExitCode.OK, done.stderr
    assert WATERING in done.stdout.decode()


def test_a_stale_temporary_cache_file_is_removed_by_the_next_write(
    tmp_path: Path, small_faq: Path
) -> None:
    cache = _private_directory(tmp_path / "cache")
    leftover = cache / ".lutaq-k3x9q2ab.tmp"  # what a write killed by SIGKILL leaves behind
    leftover.write_bytes(b"half a pickle")
    two_hours_ago = time.time() - 2 * 3600
    os.utime(leftover, (two_hours_ago, two_hours_ago))
    done = _spawn(tmp_path, "ask", "tomato watering", "--faq", str(small_faq), cache=cache)
    assert done.returncode == ExitCode.OK, done.stderr
    assert any(not path.name.endswith(".tmp") for path in cache.iterdir()), "no cache written"
    assert not leftover.exists()


@pytest.mark.skipif(not Path("/dev/stdin").exists(), reason="needs /dev/stdin")
def test_faq_from_dev_stdin_works_and_leaves_no_cache_file(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for _ in range(2):
        done = _spawn(
            tmp_path,
            "ask",
            "tomato watering",
            "--faq",
            "/dev/stdin",
            stdin=SMALL_FAQ.encode(),
            cache=cache,
        )
        assert done.returncode == ExitCode.OK, done.stderr
        assert WATERING in done.stdout.decode()
    assert not cache.exists() or list(cache.iterdir()) == []
