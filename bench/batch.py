"""Batch throughput: questions a second through `lutaq ask --json -`.

    uv run python bench/batch.py [--questions N] [--runs N]

Pipes N (default 20,000) mixed questions into one `lutaq ask --json -` and times it to exit:
in-scope, off-topic and look-alike questions from tests/questions.toml, most of them changed
(typos, joined or dropped words, other words added), so few repeat. Target (issue 6): at
least 5,000 questions a second. The baseline is the same command with one question, so the
table also shows the throughput with start-up taken out.
"""

from __future__ import annotations

import argparse
import random
import tomllib

from timing import REPO, environment, lutaq, run_once, table, verdict

EXTRA = ["please", "really", "ibuprofen", "mum", "quickly", "uk", "2024", "dose", "trial", "?"]


def mixed_questions(count: int, seed: int = 2026) -> list[str]:
    """Questions people type, varied: a deterministic mix, so runs are comparable."""
    with (REPO / "tests" / "questions.toml").open("rb") as file:
        base = [case["q"] for case in tomllib.load(file)["case"]]
    chance = random.Random(seed)
    questions = []
    for _ in range(count):
        words = chance.choice(base).split()
        for _ in range(chance.randint(0, 3)):
            index = chance.randrange(len(words))
            word = words[index]
            change = chance.randrange(4)
            if change == 0 and len(word) > 3:  # two letters swapped
                cut = chance.randrange(len(word) - 1)
                words[index] = word[:cut] + word[cut + 1] + word[cut] + word[cut + 2 :]
            elif change == 1 and len(word) > 4:  # a letter dropped
                cut = chance.randrange(len(word))
                words[index] = word[:cut] + word[cut + 1 :]
            elif change == 2:
                words.insert(index, chance.choice(EXTRA))
            elif len(words) > 1:
                del words[index]
        questions.append(" ".join(words))
    return questions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    questions = mixed_questions(arguments.questions)
    piped = ("\n".join(questions) + "\n").encode()
    one = (questions[0] + "\n").encode()
    command, env = [*lutaq(), "ask", "--json", "-"], environment()
    run_once(command, env, one)  # warm-up: bytecode and the prepared-FAQ cache
    whole = sorted(run_once(command, env, piped)[0] for _ in range(arguments.runs))
    start = sorted(run_once(command, env, one)[0] for _ in range(arguments.runs))
    seconds, single = whole[len(whole) // 2], start[len(start) // 2]
    rate = len(questions) / seconds
    net = len(questions) / max(seconds - single, 1e-9)
    unique = len(set(questions))
    print(
        f"Batch: {len(questions):,} questions ({unique:,} different), median of {arguments.runs}\n"
    )
    rows = [
        ["1 question (start-up)", f"{single * 1000:.0f} ms", ""],
        [f"{len(questions):,} questions", f"{seconds * 1000:.0f} ms", f"{rate:,.0f}"],
        ["  without start-up", f"{(seconds - single) * 1000:.0f} ms", f"{net:,.0f}"],
    ]
    print(table(["lutaq ask --json -", "time", "questions/s"], rows))
    print(f"\n>= 5,000 questions a second: {rate:,.0f}  {verdict(rate >= 5000)}")


if __name__ == "__main__":
    main()
