"""The batch JSON writer (`ask --json -`) writes what `answer_payload` says, byte for byte.

AnswerLines restates answer_payload's keys by hand, for speed; this keeps the two one thing.
"""

from __future__ import annotations

import io

import pytest

from lutaq.faq import load_faq
from lutaq.match import Matcher
from lutaq.payload import AnswerLines, answer_payload, write_json

QUESTIONS = [
    "how long does it work",  # answered, with alternatives
    "pluvicto side effects",  # another subject
    "how long",  # a close call
    "install docker on ubuntu",  # no match
    "lutathera",  # the subject only
    "12",  # a number alone
    "¿cuánto dura? “PRRT” — effets secondaires ✓",  # non-ASCII in the query
    "line\u2028separator\u202econtrol",  # characters write_json escapes
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_faq())


def _stream(encoding: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding, newline="")


def _written(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode(stream.encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
@pytest.mark.parametrize("top", [0, 2])
def test_a_batch_line_is_the_answer_payload_written_compactly(
    matcher: Matcher, encoding: str, top: int
) -> None:
    lines = AnswerLines(matcher.faq, _stream(encoding))
    for question in QUESTIONS:
        result = matcher.ask(question)
        offered = result.alternatives(top) if result.answer else result.suggestions(3)
        expected = _stream(encoding)
        write_json(answer_payload(matcher.faq, result, offered), stream=expected, compact=True)
        assert lines.line(result, offered) == _written(expected), question
