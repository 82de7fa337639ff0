"""What `lutaq ask` loads: only what the answer needs, and a cached FAQ when it has one.

Structural checks, not timings (bench/ measures time): they fail when a change makes the
quick path import Rich, RapidFuzz or the TOML parser again, or breaks the cache.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lutaq.cache import cache_dir, prepared_matcher
from lutaq.faq import FaqError
from tests.support import SMALL_FAQ

PROBE = (
    "import sys; from lutaq.cli import run; code = run(sys.argv[2:]); "
    "loaded = [m for m in sys.argv[1].split(',') if m in sys.modules]; "
    "print('loaded:' + ','.join(loaded), file=sys.stderr)"
)


def _loaded(*args: str, modules: str = "rich,rapidfuzz,tomllib", **env: str) -> list[str]:
    """Run lutaq in a fresh interpreter; the listed modules it imported."""
    environment = {**os.environ, **env}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, modules, *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("loaded:"), done.stderr
    return [name for name in last.removeprefix("loaded:").split(",") if name]


def test_a_cached_answer_to_a_pipe_needs_no_rich_rapidfuzz_or_toml() -> None:
    _loaded("ask", "how long does it work")  # prepares and caches the FAQ
    assert _loaded("ask", "how long does it work") == []
    assert _loaded("ask", "--json", "how long does it work") == []
    assert _loaded("show", "duration", modules="rich,rapidfuzz") == []


def test_rapidfuzz_is_loaded_only_for_a_word_the_faq_does_not_know() -> None:
    # The first run prepares the FAQ, and reads its examples' typos with it.
    assert "rapidfuzz" in _loaded("ask", "how long does it work")
    assert "rapidfuzz" not in _loaded("ask", "how long does it work")
    assert "rapidfuzz" in _loaded("ask", "how lomg does it work")
    # Two swapped letters are found without it.
    assert "rapidfuzz" not in _loaded("ask", "how lnog does it work")


def test_a_terminal_style_gets_rich() -> None:
    assert "rich" in _loaded("ask", "how long does it work", FORCE_COLOR="1")


def test_the_first_run_parses_and_caches_later_runs_do_not(tmp_path: Path) -> None:
    assert "tomllib" in _loaded("ask", "how long does it work")
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1
    assert "tomllib" not in _loaded("ask", "how long does it work")


def test_no_cache_when_turned_off(tmp_path: Path) -> None:
    assert "tomllib" in _loaded("ask", "how long does it work", LUTAQ_NO_CACHE="1")
    assert not (tmp_path / "cache").exists()


def test_an_edited_faq_is_never_answered_from_the_old_cache(tmp_path: Path) -> None:
    path = tmp_path / "faq.toml"
    path.write_text(SMALL_FAQ)
    before = prepared_matcher(path).ask("how often should I water tomatoes")
    assert before.answer is not None
    assert before.answer.entry.answer.strip().startswith("Water tomatoes regularly.")
    path.write_text(SMALL_FAQ.replace("Water tomatoes regularly.", "Water them daily."))
    after = prepared_matcher(path).ask("how often should I water tomatoes")
    assert after.answer is not None
    assert after.answer.entry.answer.strip().startswith("Water them daily.")
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1, "the stale entry stays"


def test_an_invalid_faq_is_reported_even_after_a_valid_one_was_cached(tmp_path: Path) -> None:
    path = tmp_path / "faq.toml"
    path.write_text(SMALL_FAQ)
    prepared_matcher(path)
    path.write_text(SMALL_FAQ.replace('id = "pruning"', 'id = "watering"'))
    with pytest.raises(FaqError, match="1 problem"):
        prepared_matcher(path)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_cache_is_ignored_and_replaced(tmp_path: Path, damage: bytes) -> None:
    prepared_matcher()
    (entry,) = (tmp_path / "cache").glob("*.pickle")
    entry.write_bytes(damage)
    assert prepared_matcher().ask("how long does it work").answer is not None
    assert entry.read_bytes() != damage


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file ownership is a POSIX notion")
def test_a_cache_file_others_can_write_is_not_loaded(tmp_path: Path) -> None:
    prepared_matcher()
    (entry,) = (tmp_path / "cache").glob("*.pickle")
    entry.write_bytes(b"\x80\x05K\x01.")  # a valid pickle, but not of a Matcher
    entry.chmod(0o666)
    assert prepared_matcher().ask("how long does it work").answer is not None


def test_an_unwritable_cache_directory_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache directory should be")
    assert prepared_matcher().ask("how long does it work").answer is not None


def test_cache_directory_follows_the_platform_convention(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LUTAQ_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    if sys.platform.startswith("linux"):
        assert cache_dir() == Path("/somewhere/cache/lutaq")
    monkeypatch.setenv("LUTAQ_NO_CACHE", "1")
    assert cache_dir() is None
