"""Rendering: what users read, with FAQ text printed as text and never as markup or escapes."""

from __future__ import annotations

import io
from pathlib import Path

from lutaq.faq import load_faq, parse_faq
from lutaq.layout import Block, answer_blocks, clean, no_match_blocks, plain_text, show_blocks
from lutaq.match import Matcher
from lutaq.render import make_console, print_blocks, print_list
from tests.support import SMALL_FAQ


def _rendered(blocks: list[Block]) -> str:
    """Blocks as Rich prints them to a pipe; the plain writer must print exactly the same."""
    stream = io.StringIO()
    print_blocks(make_console(stream), blocks)
    assert plain_text(blocks) == stream.getvalue()
    return stream.getvalue()


def _render_answer(faq_text: str, question: str) -> str:
    faq = parse_faq(faq_text)
    result = Matcher(faq).ask(question)
    return _rendered(answer_blocks(faq, result, [], asked_for=0, echo_query=False))


def test_plain_writer_prints_what_rich_prints_to_a_pipe() -> None:
    faq = load_faq()
    matcher = Matcher(faq)
    for entry in faq.entries:
        _rendered(show_blocks(faq, entry))
        result = matcher.ask(entry.question)
        blocks = answer_blocks(faq, result, result.alternatives(3), asked_for=3, echo_query=True)
        assert "Related questions" in _rendered(blocks)
    refused = matcher.ask("how long")
    assert "Did you mean:" in _rendered(
        no_match_blocks(load_faq(), refused, refused.suggestions(3))
    )


def test_answer_shows_question_answer_sources_confidence_disclaimer() -> None:
    out = _render_answer(SMALL_FAQ, "how often should I water tomatoes")
    assert "How often should I water tomatoes?  (watering)" in out
    assert "Water tomatoes regularly.\n\nMulch helps keep the soil moist." in out
    assert "[1] Royal Horticultural Society: watering" in out
    assert "https://www.rhs.org.uk/garden-jobs/watering" in out
    assert "Match: strong" in out
    assert out.rstrip().endswith("Gardening tips only.")


def test_markup_in_faq_text_is_printed_literally() -> None:
    hostile = SMALL_FAQ.replace(
        "Water tomatoes regularly.", "[bold red]Water[/] [link=file:///etc/passwd]daily[/link]"
    )
    out = _render_answer(hostile, "how often should I water tomatoes")
    assert "[bold red]Water[/] [link=file:///etc/passwd]daily[/link]" in out


def test_escape_sequences_in_faq_text_are_removed() -> None:
    hostile = SMALL_FAQ.replace("Prune roses in late winter.", "Prune\\u001b[31m red\\u0007 now")
    assert "\\u001b" in hostile
    out = _render_answer(hostile, "when should I prune roses")
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "Prune[31m red now" in out


def test_clean_keeps_ordinary_unicode() -> None:
    assert clean("Lutathera — “success” ✓ שלום") == "Lutathera — “success” ✓ שלום"


def test_piped_output_is_unwrapped_and_unstyled() -> None:
    stream = io.StringIO()
    faq = load_faq()
    entry = faq.find("meaning")
    assert entry is not None
    print_blocks(make_console(stream), show_blocks(faq, entry))
    out = stream.getvalue()
    assert "\x1b[" not in out
    assert entry.paragraphs[0] in out.splitlines()


def test_list_lines_have_no_trailing_padding(small_faq: Path) -> None:
    stream = io.StringIO()
    print_list(make_console(stream), load_faq(small_faq))
    lines = stream.getvalue().splitlines()
    assert lines[1].split() == [
        "1",
        "watering",
        "How",
        "often",
        "should",
        "I",
        "water",
        "tomatoes?",
    ]
    assert all(line == line.rstrip() for line in lines)
