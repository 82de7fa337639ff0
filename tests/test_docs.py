"""What the README and docs/ show is what lutaq does: examples run, keys and constants match.

Output examples are compared with the program's own output, so a change to an answer, a
message or a constant fails here until the docs are brought along.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lutaq import faq
from lutaq.cli import ExitCode
from lutaq.match import (
    CLEAR_FLOOR,
    CLEAR_LEAD,
    COMMON_WORD_SHARE,
    EXAMPLE_FLOOR,
    EXAMPLE_SHARE,
    EXAMPLE_VETO,
    GOOD,
    MARGIN,
    QUESTION_WEIGHT,
    RARE_ZIPF,
    THRESHOLD,
    UNKNOWN_WEIGHT,
    URGENT_FLOOR,
    URGENT_LEAD,
    URGENT_THRESHOLD,
)
from lutaq.votes import NEIGHBOURS
from tests.support import REPO

README = REPO / "README.md"
DOCS = REPO / "docs"


def _lutaq(*args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("LUTAQ_")}
    env.update(COLUMNS="100", LUTAQ_NO_CACHE="1", NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "lutaq", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )


def _console_blocks(text: str) -> dict[str, str]:
    """Each ```console block's first command line, with the output shown under it."""
    blocks = {}
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        command, _, output = block.partition("\n")
        blocks[command] = output
    return blocks


@pytest.mark.parametrize(
    ("document", "command", "args", "stream"),
    [
        (
            README,
            '$ lutaq ask "how long does it work" --top 2',
            ["ask", "how long does it work", "--top", "2"],
            "stdout",
        ),
        (README, '$ lutaq ask "pluvicto side effects"', ["ask", "pluvicto side effects"], "stderr"),
        (DOCS / "reference.md", '$ lutaq ask "how long"', ["ask", "how long"], "stderr"),
    ],
)
def test_documented_output_is_the_programs(
    document: Path, command: str, args: list[str], stream: str
) -> None:
    shown = _console_blocks(document.read_text(encoding="utf-8"))[command]
    done = _lutaq(*args)
    assert getattr(done, stream) == shown


def test_readme_lists_the_first_entries_as_lutaq_list_prints_them() -> None:
    shown = _console_blocks(README.read_text(encoding="utf-8"))["$ lutaq list"]
    printed = _lutaq("list").stdout.splitlines(keepends=True)
    assert shown == "".join(printed[:6]) + "…\n"


def test_readme_examples_are_commands_lutaq_accepts() -> None:
    text = README.read_text(encoding="utf-8")
    commands = re.findall(r"^lutaq ask (\"[^\"]+\")", text, re.M)
    assert len(commands) >= 5
    for quoted in commands:
        done = _lutaq("ask", json.loads(quoted))
        assert done.returncode in (ExitCode.OK, ExitCode.NO_MATCH), quoted


def test_readme_exit_codes_are_the_programs() -> None:
    table = README.read_text(encoding="utf-8").split("## Exit codes", 1)[1].split("##", 1)[0]
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.M)}
    assert documented == {int(code) for code in ExitCode}


def test_json_doc_names_every_key_of_ask_json() -> None:
    text = (DOCS / "json.md").read_text(encoding="utf-8")
    for question in ("how long does it work", "pluvicto side effects"):
        data = json.loads(_lutaq("ask", "--json", question).stdout)
        for key in data:
            assert f'"{key}"' in text or f"`{key}`" in text, key
    for code in ("answered", "close_call", "weak_match", "no_words", "subject_only"):
        assert f"`{code}`" in text


def test_readme_quotes_the_tuned_constants() -> None:
    text = " ".join(README.read_text(encoding="utf-8").split())
    assert (
        f"scores at least {THRESHOLD:.0f} of 100 and leads the next by at least {MARGIN:.0f}"
        in text
    )
    assert f"weighs up to {UNKNOWN_WEIGHT:.0f} times its rarest word" in text
    assert f"answers from {URGENT_THRESHOLD:.0f}, or from {URGENT_FLOOR:.0f} when" in text
    assert f"when it comes within {URGENT_LEAD:.0f} of the best entry" in text
    assert f"the question sentences weigh {QUESTION_WEIGHT:.0f} times the rest" in text
    assert f"scores {CLEAR_FLOOR:.0f} and leads every other by {CLEAR_LEAD:.0f}" in text
    share = {0.5: "half"}[EXAMPLE_SHARE]
    vote = f"scores {EXAMPLE_FLOOR:.0f} and wins {share} the vote of the {NEIGHBOURS} labelled"
    assert vote in text
    assert (
        f"when {EXAMPLE_VETO:g} of that vote goes to another entry, an answer under {GOOD:.0f}"
        in text
    )


def test_matching_doc_quotes_the_tuned_constants() -> None:
    text = " ".join((DOCS / "matching.md").read_text(encoding="utf-8").split())
    assert f"best score is at least {THRESHOLD:.0f}" in text
    assert f"leads the next entry by at least {MARGIN:.0f}" in text
    assert f"({URGENT_THRESHOLD:.0f} for an entry marked `urgent`" in text
    assert f"still answers from a score of {URGENT_FLOOR:.0f}" in text
    assert f"when that scores within {URGENT_LEAD:.0f} of a confident best entry" in text
    assert f'ending in "?" weigh {QUESTION_WEIGHT:.0f} times their weight' in text
    clear = f"from a score of {CLEAR_FLOOR:.0f}, when its best entry leads every other by at least"
    assert f"{clear} {CLEAR_LEAD:.0f}" in text
    share = {0.5: "half"}[EXAMPLE_SHARE]
    assert f"from a score of {EXAMPLE_FLOOR:.0f} when its best entry wins at least {share}" in text
    assert f"the vote of the {NEIGHBOURS} labelled examples worded most like it" in text
    assert f"an answer scoring under {GOOD:.0f}" in text
    assert f"when at least {EXAMPLE_VETO:g} of the vote goes to one other entry" in text
    assert f"words as rare as zipf {RARE_ZIPF:g} or rarer" in text
    assert f"and up) keep {COMMON_WORD_SHARE:g}, linearly" in text
    assert f"weighs up to {UNKNOWN_WEIGHT:.0f} times the rarest known word" in text


def test_readme_is_a_short_user_guide() -> None:
    assert len(README.read_bytes()) <= 9_000
    for document in ("reference.md", "faq-format.md", "matching.md", "json.md"):
        assert f"docs/{document}" in README.read_text(encoding="utf-8")
        assert (DOCS / document).exists()
    for name in ("LICENSE", "CHANGELOG.md", "CONTRIBUTING.md"):
        assert (REPO / name).exists()


def test_json_doc_names_every_key_of_validate_json(tmp_path: Path) -> None:
    text = (DOCS / "json.md").read_text(encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text("[meta]\n", encoding="utf-8")
    for args in (["validate", "--json"], ["validate", "--json", str(broken)]):
        for key in json.loads(_lutaq(*args).stdout):
            assert f'"{key}"' in text or f"`{key}`" in text, key


@pytest.mark.parametrize(
    ("prefix", "keys"),
    [
        ("meta", faq._META_KEYS),
        ("sources.<id>", faq._SOURCE_KEYS),
        ("entry", faq._ENTRY_KEYS),
        ("entry.figures", faq._FIGURE_KEYS),
        ("not_about", faq._NEIGHBOUR_KEYS),
    ],
)
def test_faq_format_doc_describes_every_key_the_validator_accepts(
    prefix: str, keys: frozenset[str]
) -> None:
    text = (DOCS / "faq-format.md").read_text(encoding="utf-8")
    for key in keys:
        assert f"| `{prefix}.{key}` |" in text, key
