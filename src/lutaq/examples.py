"""A FAQ's examples file: questions people asked in their own words, labelled with the entries
that answer them.

`NAME.toml` may have `NAME.examples.toml` beside it, found by that name alone so that the
prepared-FAQ cache (cache.py) can key on it before reading either file. Each
`[[example]]` has `q`, `answers` (entry ids; `[]` for a question about something else) and an
optional `set`, the labelled set it was taken from. A weak match is answered when the examples
nearest the question vote for its best entry (votes.py); the file is validated with the FAQ,
every problem reported at once, as for the FAQ itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lutaq.faq import (
    Example,
    Faq,
    FaqError,
    Problem,
    decode_faq,
    load_toml,
    read_faq_bytes,
)

SUFFIX = ".examples.toml"
MAX_QUESTION = 5_000
"""The longest example: as long as a question may be (text.MAX_QUESTION, which this module
does not import: whether a file is valid must not depend on the matcher's text rules)."""
_KEYS = frozenset({"q", "answers", "set"})
_HEADER = re.compile(r"^\s*\[\[\s*example\s*\]\]")


def examples_path(faq_path: Path) -> Path:
    """Where a FAQ file's examples are: `faq.toml` has `faq.examples.toml`."""
    return faq_path.with_name(faq_path.stem + SUFFIX)


def read_examples(faq_path: Path) -> bytes | None:
    """The bytes of a FAQ file's examples file, or None when it has none.

    A FAQ read from a pipe (`--faq /dev/stdin`) has no place beside it, so no examples.
    """
    if not faq_path.is_file():
        return None
    path = examples_path(faq_path)
    if not path.exists():
        return None
    return read_faq_bytes(path)


def examples_stamp(faq_path: Path) -> bytes | None:
    """The size, modification and change times and inode of a FAQ file's examples file, or
    None when it has none: what the prepared-FAQ cache keys on (cache.py), as Python's own
    bytecode cache keys on a source file's size and time, so that a start answered from the
    cache does not read a file it does not use. A FAQ read from a pipe has none."""
    if not faq_path.is_file():
        return None
    try:
        status = examples_path(faq_path).stat()
    except OSError:  # absent (or unreadable: reading it says why, when the FAQ is prepared)
        return None
    return f"{status.st_size}:{status.st_mtime_ns}:{status.st_ctime_ns}:{status.st_ino}".encode()


def with_examples(faq: Faq, faq_path: Path, data: bytes | None) -> Faq:
    """The FAQ with its examples (`data`, the examples file's bytes), validated against its
    entries; FaqError names every problem, in the examples file."""
    if data is None:
        return faq
    origin = str(examples_path(faq_path))
    return faq._replace(examples=parse_examples(decode_faq(data, origin), origin, faq))


def parse_examples(text: str, origin: str, faq: Faq) -> tuple[Example, ...]:
    """Every example of an examples file, or FaqError listing every problem with its line."""
    document = load_toml(text, origin)
    problems: list[Problem] = []
    for key in sorted(set(document) - {"example"}):
        problems.append(Problem(origin, f"{key}: unknown table (expected [[example]])"))
    raw = document.get("example")
    if not isinstance(raw, list) or not raw or not all(isinstance(item, dict) for item in raw):
        problems.append(Problem(origin, "example: add at least one [[example]] with q and answers"))
        raise FaqError(origin, problems)
    lines = [number for number, line in enumerate(text.splitlines(), 1) if _HEADER.match(line)]
    ids = frozenset(entry.id for entry in faq.entries)
    examples = []
    for index, body in enumerate(raw):
        line = lines[index] if index < len(lines) else None
        where = f"{origin}:{line}" if line else f"{origin}: example #{index + 1}"
        example = _example(body, where, ids, problems)
        if example is not None:
            examples.append(example)
    if problems:
        raise FaqError(origin, problems)
    return tuple(examples)


def _example(
    body: dict[str, Any], where: str, ids: frozenset[str], problems: list[Problem]
) -> Example | None:
    found = len(problems)
    for key in sorted(set(body) - _KEYS):
        problems.append(Problem(where, f"unknown key {key!r} (expected q, answers, set)"))
    question, answers, origin = body.get("q"), body.get("answers"), body.get("set", "")
    if not isinstance(question, str) or not question.strip():
        problems.append(Problem(where, "q: must be a question (a string)"))
    elif len(question) > MAX_QUESTION:
        problems.append(Problem(where, f"q: longer than {MAX_QUESTION:,} characters"))
    if not isinstance(answers, list) or not all(isinstance(item, str) for item in answers):
        problems.append(Problem(where, "answers: must be a list of entry ids ([] for none)"))
        answers = []
    for entry_id in answers:
        if entry_id not in ids:
            problems.append(Problem(where, f"answers: no entry {entry_id!r} in the FAQ"))
    if not isinstance(origin, str):
        problems.append(Problem(where, "set: must be a string (the labelled set it is from)"))
    elif any(ord(character) < 32 or ord(character) == 127 for character in origin):
        problems.append(Problem(where, "set: no control characters (tabs, line breaks)"))
    if len(problems) > found or not isinstance(question, str) or not isinstance(origin, str):
        return None
    return Example(question, tuple(answers), origin)
