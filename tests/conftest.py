"""Shared fixtures: every test sees the same clean environment and the same FAQ files."""

from __future__ import annotations

import subprocess
import textwrap
import venv
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import REPO, SMALL_FAQ


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test depends on the developer's terminal, colours, FAQ choice or cache."""
    for name in ("LUTAQ_FAQ", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("LUTAQ_NO_CACHE", raising=False)
    monkeypatch.setenv("LUTAQ_CACHE_DIR", str(tmp_path / "cache"))


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


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with lutaq installed from this checkout."""
    home = tmp_path_factory.mktemp("install")
    env_dir = home / "venv"
    venv.create(env_dir, with_pip=True)
    pip = [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", str(REPO)]
    done = subprocess.run(pip, capture_output=True, text=True, check=False, cwd=home)
    assert done.returncode == 0, done.stderr
    return env_dir


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test of the installed wheel is slow: `pytest -m "not slow"` leaves them out."""
    for item in items:
        if "installed" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
