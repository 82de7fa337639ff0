"""Shared fixtures: every test sees the same clean environment and the same FAQ files."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import SMALL_FAQ


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test depends on the developer's terminal, colours or FAQ choice."""
    for name in ("LUTAQ_FAQ", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write_faq(tmp_path: Path) -> Callable[[str], Path]:
    """Write a FAQ document to a file and return its path."""

    def write(text: str, name: str = "faq.toml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def small_faq(write_faq: Callable[[str], Path]) -> Path:
    return write_faq(SMALL_FAQ)
