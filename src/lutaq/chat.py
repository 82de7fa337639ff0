"""`lutaq chat`: one question after another at a prompt, with line editing and history.

People rarely have one question. The session answers exactly as `lutaq ask` does, keeps the
last "Did you mean" list so a number picks from it, and has a few commands of its own.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from lutaq.layout import LETTERS, clean, quoted
from lutaq.places import user_directory
from lutaq.text import MAX_QUESTION

if TYPE_CHECKING:
    from lutaq.faq import Entry
    from lutaq.match import Match, Matcher

PROMPT = "lutaq> "
HISTORY_LENGTH = 1000
QUIT = frozenset({"quit", "exit", ":q"})
HELP = """\
Type a question in your own words, or one of these commands:
  list       every question in the FAQ, with its id
  sources    every source the FAQ cites
  show ID    one entry in full, by id or number (show duration, show 3)
  3          the same as show 3: the numbers are those of list
  a, b, c    after "Did you mean", the suggestion with that letter
  help       this text
  quit       leave (or Ctrl-D); Ctrl-C clears the line
Up and down arrows recall earlier questions, also from earlier sessions."""


def history_path() -> Path | None:
    """Where questions are remembered between sessions: `history` in the user's data directory.

    $LUTAQ_HISTORY names the file itself; set but empty, it keeps no history.
    """
    chosen = os.environ.get("LUTAQ_HISTORY")
    if chosen is not None:
        return Path(chosen) if chosen else None
    folder = user_directory("data")
    return folder / "history" if folder is not None else None


@contextlib.contextmanager
def line_editing() -> Iterator[None]:
    """Arrow keys and history for input(), loaded before the session and saved after it.

    Uses the readline module where Python has one (not on Windows); without it, input()
    still works, only without history.
    """
    try:
        import readline
    except ImportError:
        yield
        return
    path = history_path()
    if path is not None and not _is_history_file(path):
        path = None  # a device, FIFO or directory: no history rather than a hang or a chmod
    readline.set_history_length(HISTORY_LENGTH)
    if path is not None and path.exists():
        with contextlib.suppress(OSError):
            readline.read_history_file(path)
    before = readline.get_current_history_length()
    try:
        yield
    finally:
        if path is not None:
            _save_history(readline, path, readline.get_current_history_length() - before)


def _is_history_file(path: Path) -> bool:
    """A history lutaq may read and write: a regular file (a link to one included), or none yet.

    `LUTAQ_HISTORY=/dev/null`, or a link to it, keeps no history: lutaq never writes through a
    device or FIFO, and never changes the mode of anything it did not create.
    """
    import stat

    try:
        return stat.S_ISREG(path.stat().st_mode)
    except FileNotFoundError:
        return not path.is_symlink()  # a dangling link: whatever it names is not ours
    except OSError:
        return False


def _save_history(readline: ModuleType, path: Path, added: int) -> None:
    """Add this session's lines, so two sessions at once keep both; readable by the user only."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if path.exists():
            readline.append_history_file(max(added, 0), path)
            return
        # Created readable by the user only, here and only here: no chmod of an existing path.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        readline.write_history_file(path)


class Session:
    """One conversation: what the last "Did you mean" offered, and how to print things."""

    def __init__(
        self,
        matcher: Matcher,
        *,
        answer: Callable[[str], tuple[Match, ...]],
        show: Callable[[Entry], None],
        listing: Callable[[], None],
        sources: Callable[[], None],
        say: Callable[[str], None],
    ) -> None:
        self.faq = matcher.faq
        self.offered: tuple[Match, ...] = ()
        self._answer = answer
        self._show = show
        self._listing = listing
        self._sources = sources
        self._say = say

    def handle(self, line: str) -> bool:
        """Act on one line; False when the user wants to leave."""
        text = line.strip()
        if not text:
            return True
        command, _, rest = text.partition(" ")
        command = command.lower()
        if command in QUIT and not rest:
            return False
        if command in ("help", "?") and not rest:
            self._say(HELP)
        elif command == "list" and not rest:
            self._listing()
        elif command == "sources" and not rest:
            self._sources()
        elif command == "show":
            entry = self.faq.find(rest) if rest else None
            if not rest:
                self._say("Say which entry: show ID or show NUMBER (type list to see them).")
            elif entry is None:
                self._say(f"No entry {quoted(rest)}; type list to see them all.")
            else:
                self._show(entry)
        elif text.isascii() and text.isdigit():
            # A number is an entry of `list`, as in `show 3`: one numbering only.
            entry = self.faq.find(text)
            if entry is None:
                self._say(f"Pick a number from 1 to {len(self.faq.entries)} (see list).")
            else:
                self._show(entry)
        elif len(text) == 1 and text.lower() in LETTERS[: len(self.offered)]:
            self._show(self.offered[LETTERS.index(text.lower())].entry)
        elif len(text) > MAX_QUESTION:
            self._say(f"That is longer than {MAX_QUESTION:,} characters; ask it in fewer words.")
        else:
            self.offered = self._answer(text)
        return True

    def run(self, read: Callable[[str], str] = input) -> None:
        """Prompt until quit or Ctrl-D; Ctrl-C abandons the line, never the session."""
        self._say(f"{clean(self.faq.title)}. Type a question, help for commands, quit to leave.")
        while True:
            try:
                line = read(PROMPT)
            except EOFError:
                self._say("")
                return
            except KeyboardInterrupt:
                self._say("")
                continue
            try:
                if not self.handle(line):
                    return
            except KeyboardInterrupt:  # an answer cut short: back to the prompt
                self._say("")
