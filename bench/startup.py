"""Start-up: how long `lutaq ask` takes from start to exit, against two baselines.

    uv run python bench/startup.py [--runs N]

Baselines, run with the same interpreter and virtual environment: `python -c pass`, and a bare
Typer app with one command (bench/bare_typer.py). Targets (issue 6): `lutaq ask` at most 12x
the first and 1.5x the second; peak memory under 40 MiB. Bytecode caching is on, as for any
installed program; warm-up runs fill it and lutaq's own cache of the prepared FAQ.
"""

from __future__ import annotations

import argparse

from timing import BENCH, PYTHON, environment, lutaq, measure, table, verdict

QUESTION = "how long does it work"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="runs per command (default 30)")
    runs = parser.parse_args().runs
    env = environment()
    commands = {
        "python -c pass": ([PYTHON, "-c", "pass"], env),
        "bare Typer app": ([PYTHON, str(BENCH / "bare_typer.py"), "hello"], env),
        f'lutaq ask "{QUESTION}"': ([*lutaq(), "ask", QUESTION], env),
        "  the same, --json": ([*lutaq(), "ask", "--json", QUESTION], env),
        "  the same, no cache": ([*lutaq(), "ask", QUESTION], environment(LUTAQ_NO_CACHE="1")),
        "lutaq list": ([*lutaq(), "list"], env),
    }
    results = measure(commands, runs)
    python = results["python -c pass"][0]
    bare = results["bare Typer app"][0]
    rows = [
        [name, f"{ms:.1f}", f"{ms / python:.1f}x", f"{ms / bare:.2f}x", f"{kib / 1024:.1f}"]
        for name, (ms, kib) in results.items()
    ]
    print(f"Start-up, median of {runs} runs each ({PYTHON})\n")
    print(table(["command", "ms", "vs python", "vs bare Typer", "peak MiB"], rows))
    ask_ms, ask_kib = results[f'lutaq ask "{QUESTION}"']
    print()
    print(f"ask <= 12x python -c pass:  {ask_ms / python:.1f}x  {verdict(ask_ms <= 12 * python)}")
    print(f"ask <= 1.5x bare Typer app: {ask_ms / bare:.2f}x  {verdict(ask_ms <= 1.5 * bare)}")
    print(f"ask peak memory < 40 MiB:   {ask_kib / 1024:.1f} MiB  {verdict(ask_kib < 40 * 1024)}")


if __name__ == "__main__":
    main()
