"""The package a new user gets: `pip install .` into a fresh venv, run from elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from lutaq import wordlists
from tests.support import REPO


def _run(env_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    elsewhere = env_dir.parent
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "VIRTUAL_ENV", "LUTAQ_FAQ", "NO_COLOR", "FORCE_COLOR")
    }
    return subprocess.run(
        args,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=elsewhere,
        env=environment,
    )


@pytest.mark.slow
def test_installed_lutaq_answers_from_another_directory(installed: Path) -> None:
    done = _run(installed, str(installed / "bin" / "lutaq"), "ask", "how long does it work")
    assert done.returncode == 0, done.stderr
    assert "How long did patients benefit?" in done.stdout
    assert "https://www.nejm.org/doi/10.1056/NEJMoa1607427" in done.stdout


@pytest.mark.slow
def test_installed_package_carries_the_faq_as_a_real_file(installed: Path) -> None:
    code = (
        "import importlib.resources as r, json, lutaq;"
        "p = r.files('lutaq').joinpath('data', 'faq.toml');"
        "print(json.dumps([lutaq.__file__, p.is_file(), str(p)]))"
    )
    done = _run(installed, str(installed / "bin" / "python"), "-c", code)
    module, is_file, faq = json.loads(done.stdout)
    assert Path(module).is_relative_to(installed), "lutaq was imported from the checkout"
    assert is_file
    assert not Path(faq).is_symlink()
    data_file = REPO / "data" / "faq.toml"
    assert Path(faq).read_bytes() == data_file.read_bytes()


@pytest.mark.slow
def test_installed_python_dash_m_and_json(installed: Path) -> None:
    version = _run(installed, str(installed / "bin" / "python"), "-m", "lutaq", "--version")
    assert version.stdout.startswith("lutaq ")
    listing = _run(installed, str(installed / "bin" / "lutaq"), "list", "--json")
    assert listing.returncode == 0
    assert [item["id"] for item in json.loads(listing.stdout)][:3] == [
        "meaning",
        "trial-results",
        "duration",
    ]


@pytest.mark.slow
def test_installed_package_carries_its_word_lists(installed: Path) -> None:
    code = (
        "import json; from lutaq import wordlists as w;"
        "print(json.dumps([w.FOLDER.joinpath(name).is_file() for name in w.FILES]))"
    )
    done = _run(installed, str(installed / "bin" / "python"), "-c", code)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [True] * len(wordlists.FILES)
