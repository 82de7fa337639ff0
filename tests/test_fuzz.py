"""Arbitrary input: no exception escapes the matcher, the CLI or the FAQ loader.

Whatever people type and whatever a FAQ file holds, lutaq answers, refuses or explains the
problem; it never crashes, and its exit code is always 0, 1 or 2.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from lutaq.cli import app
from lutaq.faq import FaqError, load_faq, parse_faq
from lutaq.layout import answer_blocks, plain_text, show_blocks
from lutaq.match import Matcher
from lutaq.render import make_console, print_blocks

FUZZ = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
MATCHER = Matcher(load_faq())
EXIT_CODES = {0, 1, 2}

questions = st.text(max_size=300) | st.text(
    alphabet=st.sampled_from(list("how long side effects PFS lutathera -[]/\\\x00\x1b\u202e🙂é")),
    max_size=80,
)


@FUZZ
@given(questions)
def test_matcher_takes_any_text(question: str) -> None:
    result = MATCHER.ask(question)
    assert all(0 <= match.score <= 100 for match in result.ranked)
    assert result.answer is None or result.answer is result.ranked[0]
    assert result.reason


@FUZZ
@given(questions)
def test_ask_takes_any_argument(question: str) -> None:
    result = CliRunner().invoke(app, ["ask", "--", question])
    assert not _crashed(result.exception), result.exception
    assert result.exit_code in EXIT_CODES


@FUZZ
@given(st.lists(questions, max_size=5), st.booleans())
def test_ask_dash_takes_any_stdin(lines: list[str], as_json: bool) -> None:
    stdin = "\n".join(lines).encode("utf-8", "surrogatepass")
    args = ["ask", "--json", "-"] if as_json else ["ask", "-"]
    result = CliRunner().invoke(app, args, input=stdin)
    assert not _crashed(result.exception), result.exception
    assert result.exit_code in EXIT_CODES
    if as_json:
        for line in result.stdout.splitlines():
            json.loads(line)


def _crashed(error: BaseException | None) -> bool:
    return error is not None and not isinstance(error, SystemExit)


# FAQ-shaped documents: the right keys with any values, and any keys with right-looking values.
ids = st.sampled_from(["a", "b", "rhs", "x-1", "Bad Id", ""]) | st.text(max_size=6)
scalars = (
    st.text(max_size=20)
    | st.integers()
    | st.floats(allow_nan=False)
    | st.booleans()
    | st.dates()
    | st.just("https://example.org/")
)
anything = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ids, inner, max_size=3)
)
text_or_anything = st.text(max_size=30) | anything
source = st.fixed_dictionaries(
    {}, optional={"title": text_or_anything, "url": st.just("https://a.org/x") | anything}
)
figure = st.fixed_dictionaries({}, optional={"text": text_or_anything, "source": ids | anything})
entry = st.fixed_dictionaries(
    {},
    optional={
        "id": ids | anything,
        "question": text_or_anything,
        "answer": text_or_anything,
        "sources": st.lists(ids, max_size=3) | anything,
        "aliases": st.lists(st.text(max_size=20), max_size=3) | anything,
        "figures": st.lists(figure, max_size=2) | anything,
        "extra": anything,
    },
)
words = st.text(min_size=1, max_size=40).filter(str.strip)
plausible = st.fixed_dictionaries(
    {
        "sources": st.just({"s": {"title": "A source", "url": "https://example.org/"}}),
        "entry": st.lists(
            st.fixed_dictionaries(
                {
                    "id": st.sampled_from(["a", "b", "c-1"]),
                    "question": words,
                    "answer": words,
                    "sources": st.just(["s"]),
                },
                optional={
                    "aliases": st.lists(words, max_size=4),
                    "figures": st.lists(
                        st.fixed_dictionaries({"text": words, "source": st.just("s")}),
                        max_size=2,
                    ),
                },
            ),
            min_size=1,
            max_size=3,
        ),
    },
    optional={
        "meta": st.fixed_dictionaries({"title": words, "disclaimer": words}),
        "synonyms": st.dictionaries(words, st.lists(words, min_size=1, max_size=3), max_size=3),
    },
)
documents = (
    plausible
    | st.fixed_dictionaries(
        {},
        optional={
            "meta": st.fixed_dictionaries({}, optional={"title": text_or_anything}) | anything,
            "sources": st.dictionaries(ids, source, max_size=3) | anything,
            "entry": st.lists(entry, max_size=3) | anything,
            "synonyms": st.dictionaries(st.text(max_size=10), st.lists(st.text(max_size=10)))
            | anything,
        },
    )
    | st.dictionaries(ids, anything, max_size=3)
)


@FUZZ
@given(documents)
def test_loader_takes_any_toml_document(document: dict[str, Any]) -> None:
    text = to_toml(document)
    try:
        faq = parse_faq(text, origin="fuzz.toml")
    except FaqError as error:
        problems = error.problems
        assert problems
        assert all(problem.where.startswith("fuzz.toml") for problem in problems)
        return
    matcher = Matcher(faq)  # a valid FAQ can be indexed, asked and printed, both ways alike
    for item in faq.entries:
        layouts = [show_blocks(faq, item)]
        result = matcher.ask(item.question)
        if result.answer is not None:
            related = result.alternatives(3)
            layouts.append(answer_blocks(faq, result, related, asked_for=3, echo_query=True))
        for blocks in layouts:
            stream = io.StringIO()
            print_blocks(make_console(stream), blocks)
            assert plain_text(blocks) == stream.getvalue()


@FUZZ
@given(st.text(max_size=200))
def test_loader_takes_any_text(text: str) -> None:
    try:
        parse_faq(text, origin="fuzz.toml")
    except FaqError as error:
        problems = error.problems
        assert problems


def to_toml(document: dict[str, Any]) -> str:
    """A document as TOML: top-level keys, every value inline."""
    return "".join(f"{_key(key)} = {_value(value)}\n" for key, value in document.items())


def _key(key: str) -> str:
    return _string(key)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(type(value))


def _string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, except DEL must be escaped too."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
