"""The conversation, completion and paging, driven in a real pseudo-terminal (pexpect).

These run the lutaq installed from a wheel, so they see what a user's terminal sees:
readline's line editing and history, Ctrl-C and Ctrl-D, bash's TAB completion, $PAGER.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pexpect
import pytest

from lutaq.chat import HELP, Session
from lutaq.faq import Entry, load_faq
from lutaq.match import Match, Matcher
from tests.support import SMALL_FAQ

PROMPT = "lutaq> "
IDS = [entry.id for entry in load_faq().entries]


def _environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    removed = ("PYTHONPATH", "VIRTUAL_ENV", "LUTAQ_FAQ", "NO_COLOR", "FORCE_COLOR", "COLUMNS")
    env = {key: value for key, value in os.environ.items() if key not in removed}
    env.update(TERM="xterm", NO_COLOR="1", LUTAQ_HISTORY=str(tmp_path / "history"), **extra)
    return env


def _chat(installed: Path, tmp_path: Path) -> pexpect.spawn[str]:
    session = pexpect.spawn(
        str(installed / "bin" / "lutaq"),
        ["chat"],
        env=_environment(tmp_path),
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 120),
    )
    session.expect_exact(PROMPT)
    return session


def _ask(session: pexpect.spawn[str], line: str) -> str:
    """Type a line, return everything printed before the next prompt."""
    session.sendline(line)
    session.expect_exact(PROMPT)
    return str(session.before)


def _ends(session: pexpect.spawn[str]) -> int:
    session.expect(pexpect.EOF)
    session.close()
    assert "Traceback" not in str(session.before)
    return int(session.exitstatus if session.exitstatus is not None else -1)


def test_a_conversation(installed: Path, tmp_path: Path) -> None:
    chat = _chat(installed, tmp_path)
    assert "How long did patients benefit?" in _ask(chat, "how long does it work")
    assert "What side effects or risks" in _ask(chat, "side effects?")
    refused = _ask(chat, "how long")
    assert "Did you mean:" in refused
    assert "Type a letter to see one" in refused
    assert "lutaq show" not in refused, "chat prints what chat accepts"
    first = re.search(r"a\. (.+?)  \(show ([\w-]+)\)", refused)
    assert first is not None
    picked = _ask(chat, "a")
    assert f"({first.group(2)})" in picked
    assert "Sources" in picked
    assert "no confident match" in _ask(chat, "j"), "a letter past the suggestions is a question"
    assert "(meaning)" in _ask(chat, "1"), "a number is list's number, as in show 1"
    assert "show ID" in _ask(chat, "help")
    assert "duration" in _ask(chat, "list")
    assert "nejm-netter1" in _ask(chat, "sources")
    assert "How is Lutathera given?" in _ask(chat, "show how-given")
    chat.sendline("quit")
    assert _ends(chat) == 0


def test_history_within_and_across_sessions(installed: Path, tmp_path: Path) -> None:
    chat = _chat(installed, tmp_path)
    _ask(chat, "how long does it work")
    _ask(chat, "side effects?")
    chat.send("\x1b[A\x1b[A\r")  # up, up, enter: the first question again
    chat.expect_exact(PROMPT)
    assert "How long did patients benefit?" in str(chat.before)
    chat.sendeof()  # Ctrl-D
    assert _ends(chat) == 0
    assert "side effects?" in (tmp_path / "history").read_text()
    again = _chat(installed, tmp_path)
    again.send("\x1b[A\x1b[A\r")  # the last session's questions come back
    again.expect_exact(PROMPT)
    assert "What side effects or risks" in str(again.before)
    again.sendline("exit")
    assert _ends(again) == 0


def test_ctrl_c_clears_the_line_and_the_session_goes_on(installed: Path, tmp_path: Path) -> None:
    chat = _chat(installed, tmp_path)
    chat.send("side eff")
    chat.expect_exact("side eff")  # typed and echoed, as a person sees it before Ctrl-C
    chat.sendintr()
    chat.expect_exact(PROMPT)
    assert "Traceback" not in str(chat.before)
    assert "How long did patients benefit?" in _ask(chat, "how long does it work")
    chat.sendline("quit")
    assert _ends(chat) == 0


def test_chat_reads_questions_from_a_pipe_like_ask_dash(installed: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(installed / "bin" / "lutaq"), "chat"],
        input="how long does it work\nside effects\n",
        capture_output=True,
        text=True,
        env=_environment(tmp_path),
        check=False,
    )
    assert done.returncode == 0
    assert "» how long does it work" in done.stdout
    assert "» side effects" in done.stdout
    assert PROMPT not in done.stdout


def test_bash_completes_entry_ids_for_show(installed: Path, tmp_path: Path) -> None:
    env = _environment(tmp_path, PS1="$ ")
    env["PATH"] = f"{installed / 'bin'}{os.pathsep}{env['PATH']}"
    bash = pexpect.spawn(
        "bash", ["--norc", "--noprofile", "-i"], env=env, encoding="utf-8", timeout=20
    )
    bash.expect_exact("$ ")
    bash.sendline('eval "$(lutaq --show-completion bash)"')
    bash.expect_exact("$ ")
    bash.send("lutaq show \t\t")
    bash.expect_exact("quality-of-life")
    bash.sendintr()
    bash.expect_exact("$ ")
    bash.send("lutaq show dur\t")
    bash.expect_exact("duration ")
    bash.sendintr()
    bash.sendline("exit")
    bash.expect(pexpect.EOF)
    screen = str(bash.before)
    assert "Traceback" not in screen


def test_completion_protocol_offers_every_id(installed: Path, tmp_path: Path) -> None:
    env = _environment(tmp_path, _LUTAQ_COMPLETE="complete_bash", COMP_CWORD="2")
    env["COMP_WORDS"] = "lutaq show "
    done = subprocess.run(
        [str(installed / "bin" / "lutaq")], capture_output=True, text=True, env=env, check=False
    )
    assert done.stdout.split() == IDS


def test_pager_only_on_a_terminal_and_only_when_the_answer_is_long(
    installed: Path, tmp_path: Path
) -> None:
    pager = "sed 's/^/PAGED: /'"
    env = _environment(tmp_path, PAGER=pager)
    command = [str(installed / "bin" / "lutaq"), "show", "duration", "--pager"]
    small = pexpect.spawn(command[0], command[1:], env=env, encoding="utf-8", dimensions=(10, 80))
    small.expect(pexpect.EOF)
    assert "PAGED: " in str(small.before)
    tall = pexpect.spawn(command[0], command[1:], env=env, encoding="utf-8", dimensions=(200, 200))
    tall.expect(pexpect.EOF)
    assert "PAGED: " not in str(tall.before)
    piped = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert piped.returncode == 0
    assert "PAGED" not in piped.stdout


def test_session_commands_without_a_terminal() -> None:
    matcher = Matcher(load_faq())
    said: list[str] = []
    shown: list[str] = []

    def answer(question: str) -> tuple[Match, ...]:
        return matcher.ask(question).suggestions(3)

    def show(entry: Entry) -> None:
        shown.append(entry.id)

    session = Session(
        matcher,
        answer=answer,
        show=show,
        listing=lambda: said.append("<list>"),
        sources=lambda: said.append("<sources>"),
        say=said.append,
    )
    lines = iter(["how long", "b", "show 3", "3", "show nope", "LIST", "help", "quit", "x"])
    session.run(read=lambda prompt: next(lines))
    assert shown == [session.offered[1].entry.id, "duration", "duration"]
    assert "No entry 'nope'; type list to see them all." in said
    assert "<list>" in said
    assert HELP in said
    assert next(lines) == "x", "quit ended the session"


@pytest.mark.parametrize("quit_word", ["quit", "exit", "QUIT"])
def test_quit_words(quit_word: str) -> None:
    session = Session(
        Matcher(load_faq()),
        answer=lambda question: (),
        show=lambda entry: None,
        listing=lambda: None,
        sources=lambda: None,
        say=lambda text: None,
    )
    assert session.handle(quit_word) is False
    assert session.handle("quit smoking after treatment") is True


def _quiet_session(said: list[str], shown: list[str]) -> Session:
    return Session(
        Matcher(load_faq()),
        answer=lambda question: (),
        show=lambda entry: shown.append(entry.id),
        listing=lambda: None,
        sources=lambda: None,
        say=said.append,
    )


@pytest.mark.parametrize(
    ("line", "reply"),
    [
        ("show", "Say which entry: show ID or show NUMBER"),
        ("99", "Pick a number from 1 to 23 (see list)."),
        ("²", None),  # a digit to str.isdigit, not a number to int(): asked as a question
    ],
)
def test_session_lines_that_are_not_quite_commands(line: str, reply: str | None) -> None:
    said: list[str] = []
    shown: list[str] = []
    assert _quiet_session(said, shown).handle(line) is True
    assert shown == []
    if reply is not None:
        assert any(text.startswith(reply) for text in said), said


def test_session_title_from_a_faq_file_is_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "faq.toml"
    path.write_text(SMALL_FAQ.replace('title = "Garden FAQ"', 'title = "Garden\\u001b[31m FAQ"'))
    said: list[str] = []
    session = Session(
        Matcher(load_faq(path)),
        answer=lambda question: (),
        show=lambda entry: None,
        listing=lambda: None,
        sources=lambda: None,
        say=said.append,
    )
    session.run(read=lambda prompt: "quit")
    assert said[0].startswith("Garden[31m FAQ.")
    assert "\x1b" not in said[0]


def test_a_missing_pager_still_shows_the_answer(installed: Path, tmp_path: Path) -> None:
    env = _environment(tmp_path, PAGER="/nonexistent/pager")
    command = [str(installed / "bin" / "lutaq"), "show", "duration", "--pager"]
    small = pexpect.spawn(command[0], command[1:], env=env, encoding="utf-8", dimensions=(10, 80))
    small.expect(pexpect.EOF)
    assert "How long did patients benefit?" in str(small.before)
