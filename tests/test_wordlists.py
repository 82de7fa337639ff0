"""The word lists as data files: every one shipped, read as written, and mistakes placed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lutaq import wordlists
from lutaq.analysis import STOP_WRITTEN, WHOSE_WRITTEN
from lutaq.text import words


def test_every_list_in_the_folder_is_named_so_the_cache_key_and_wheel_cover_it() -> None:
    assert sorted(path.name for path in wordlists.FOLDER.iterdir()) == sorted(wordlists.FILES)


def test_comments_and_blank_lines_are_not_entries() -> None:
    assert "#" not in "".join(STOP_WRITTEN)
    assert {"what", "how", "explain"} <= STOP_WRITTEN
    assert {"mother", "mothers", "ours"} <= WHOSE_WRITTEN
    assert "before" not in STOP_WRITTEN  # its file says why


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("can't it", ["can", "not", "it"]),
        ("doesn't it", ["does", "not", "it"]),
        ("lutathera's dose", ["lutathera", "dose"]),
        ("hw long r yrs", ["how", "long", "are", "years"]),
    ],
)
def test_mappings_read_as_their_files_say(typed: str, read: list[str]) -> None:
    assert words(typed) == read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("u = you\n# a comment\n\nr = are  # trailing comment\n", {"u": "you", "r": "are"}),
        ("-'s =\n", {"-'s": ""}),
        ("dont =  do   not\n", {"dont": "do not"}),
    ],
)
def test_a_mapping_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, read: dict[str, str]
) -> None:
    (tmp_path / "list.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(wordlists, "FOLDER", tmp_path)
    assert wordlists.mapping("list.txt") == read


@pytest.mark.parametrize(
    ("reader", "text"),
    [
        (wordlists.mapping, "u = you\nno equals sign\n"),
        (wordlists.mapping, "u = you\nu = your\n"),
        (wordlists.mapping, "u = you\ntwo words = one\n"),
        (wordlists.words, "one\ntwo words\n"),
        (wordlists.words, "one\none\n"),
    ],
)
def test_a_bad_line_is_reported_with_its_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reader: Callable[[str], object], text: str
) -> None:
    (tmp_path / "list.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(wordlists, "FOLDER", tmp_path)
    with pytest.raises(wordlists.WordListError, match=r"list\.txt:2: "):
        reader("list.txt")
