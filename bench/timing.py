"""What the bench scripts share: running lutaq as users do, timing it, printing a table.

Every figure is a median of whole-process runs, and every ratio is against a baseline measured
in the same run with the same interpreter and virtual environment.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent


def lutaq() -> list[str]:
    """The installed console script beside this interpreter (what `uv run lutaq` runs)."""
    script = shutil.which("lutaq", path=str(BIN))
    if script is None:
        sys.exit("bench: lutaq is not installed in this environment; run `uv sync` first")
    return [script]


def environment(**extra: str) -> dict[str, str]:
    """The environment of a user's shell: bytecode caching on, no lutaq settings."""
    removed = ("PYTHONDONTWRITEBYTECODE", "LUTAQ_FAQ", "LUTAQ_NO_CACHE", "COLUMNS")
    env = {key: value for key, value in os.environ.items() if key not in removed}
    env.update(extra)
    return env


def run_once(
    command: Sequence[str], env: dict[str, str], stdin: bytes | None = None
) -> tuple[float, int]:
    """Wall-clock seconds and peak resident memory (KiB) of one run; output discarded."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    if stdin is not None:
        assert process.stdin is not None
        process.stdin.write(stdin)
        process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(command)} exited {process.returncode}")
    return elapsed, usage.ru_maxrss


def measure(
    commands: dict[str, tuple[list[str], dict[str, str]]], runs: int, warmup: int = 3
) -> dict[str, tuple[float, int]]:
    """Median milliseconds and peak KiB per command, runs interleaved so drift hits all alike."""
    for command, env in commands.values():
        for _ in range(warmup):
            run_once(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, int] = dict.fromkeys(commands, 0)
    for _ in range(runs):
        for name, (command, env) in commands.items():
            seconds, peak = run_once(command, env)
            times[name].append(seconds * 1000)
            memory[name] = max(memory[name], peak)
    return {name: (statistics.median(times[name]), memory[name]) for name in commands}


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table, columns aligned, numbers right-aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    lines = []
    for row in (header, *rows):
        cells = [
            cell.rjust(width) if index else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "yes" if ok else "NO"
