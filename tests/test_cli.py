"""The commands as users run them: output, JSON shapes, exit codes, stdin, other FAQ files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lutaq import __version__
from lutaq.cli import ExitCode, app
from tests.support import SMALL_FAQ

ASK_KEYS = [
    "schema",
    "query",
    "answered",
    "reason",
    "reason_text",
    "id",
    "question",
    "answer",
    "figures",
    "score",
    "match",
    "sources",
    "alternatives",
    "disclaimer",
    "refusal",
    "not_about",
]
SHOW_KEYS = [
    "schema",
    "id",
    "question",
    "answer",
    "figures",
    "sources",
    "alternatives",
    "disclaimer",
]


def run(runner: CliRunner, *args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_ask_prints_answer_sources_confidence_and_disclaimer(runner: CliRunner) -> None:
    code, out, err = run(runner, "ask", "how long does it work")
    assert code == ExitCode.OK, err
    assert "How long did patients benefit?" in out
    assert "https://www.nejm.org/doi/10.1056/NEJMoa1607427" in out
    assert "Match: strong (how closely your words match" in out
    assert "Confidence" not in out
    assert "not medical advice" in out
    assert err == ""


def test_ask_accepts_unquoted_words(runner: CliRunner) -> None:
    quoted = run(runner, "ask", "how long does it work")
    unquoted = run(runner, "ask", "how", "long", "does", "it", "work")
    assert quoted == unquoted


def test_ask_top_says_when_nothing_is_related(runner: CliRunner) -> None:
    code, out, _ = run(runner, "ask", "generic", "--top", "2")
    assert code == 0
    assert "Related questions: no other entry shares words with this one." in out


def test_did_you_mean_lists_at_most_three(runner: CliRunner) -> None:
    code, _, err = run(runner, "ask", "--top", "10", "how long")
    assert code == ExitCode.NO_MATCH
    suggested = err.split("Did you mean:", 1)[1].split("See every question")[0]
    assert 1 <= suggested.count("(lutaq show ") <= 3


def test_ask_top_lists_related_questions(runner: CliRunner) -> None:
    code, out, _ = run(runner, "ask", "how long does it work", "--top", "2")
    assert code == 0
    related = out.split("Related questions", 1)[1].split("Match:")[0]
    assert related.count("lutaq show") == 2


def test_no_match_exits_1_with_message_on_stderr(runner: CliRunner) -> None:
    code, out, err = run(runner, "ask", "what is the weather tomorrow")
    assert code == ExitCode.NO_MATCH
    assert out == ""
    assert "no confident match" in err
    assert "lutaq list" in err


def test_no_match_suggests_close_entries(runner: CliRunner) -> None:
    code, _, err = run(runner, "ask", "how long")
    assert code == ExitCode.NO_MATCH
    assert "Did you mean:" in err
    assert "  • " in err
    assert err.count("lutaq show") <= 3


@pytest.mark.parametrize("args", [["ask"], ["ask", ""], ["ask", "   "]])
def test_empty_question_is_a_usage_error(runner: CliRunner, args: list[str]) -> None:
    code, out, err = run(runner, *args)
    assert code == ExitCode.USAGE
    assert out == ""
    assert "no question given" in err
    assert 'lutaq ask "how long does it work"' in err


def test_ask_json_shape(runner: CliRunner) -> None:
    code, out, _ = run(runner, "ask", "--json", "--top", "2", "how long does it work")
    data = json.loads(out)
    assert code == 0
    assert list(data) == ASK_KEYS
    assert data["query"] == "how long does it work"
    assert data["id"] == "duration"
    assert data["score"] == 100.0
    assert data["sources"][0] == {
        "id": "nejm-netter1",
        "title": data["sources"][0]["title"],
        "url": "https://www.nejm.org/doi/10.1056/NEJMoa1607427",
    }
    cited = {source["id"] for source in data["sources"]}
    assert all(list(figure) == ["text", "source"] for figure in data["figures"])
    assert all(figure["source"] in cited for figure in data["figures"])
    assert [list(alt) for alt in data["alternatives"]] == [["id", "question", "score"]] * 2


def test_ask_json_without_match_has_nulls(runner: CliRunner) -> None:
    code, out, err = run(runner, "ask", "--json", "install docker on ubuntu")
    data = json.loads(out)
    assert code == ExitCode.NO_MATCH
    assert err == ""
    assert list(data) == ASK_KEYS
    assert (data["id"], data["question"], data["answer"]) == (None, None, None)
    assert data["sources"] == []
    assert "not medical advice" in data["disclaimer"]
    assert "contact your treatment team" in data["refusal"]


def test_ask_json_answer_carries_the_disclaimer_and_no_refusal_line(runner: CliRunner) -> None:
    data = json.loads(run(runner, "ask", "--json", "how long does it work")[1])
    assert "not medical advice" in data["disclaimer"]
    assert data["refusal"] is None


def test_refusal_points_to_the_care_team_and_carries_the_disclaimer(runner: CliRunner) -> None:
    code, out, err = run(runner, "ask", "install docker on ubuntu")
    assert code == ExitCode.NO_MATCH, err
    assert out == ""
    assert "contact your treatment team" in err
    assert "call your local emergency number" in err
    assert "not medical advice" in err


def test_show_json_carries_the_disclaimer(runner: CliRunner) -> None:
    data = json.loads(run(runner, "show", "urgent-symptoms", "--json")[1])
    assert "not medical advice" in data["disclaimer"]


def test_ask_stdin_answers_each_line_as_one_json_object(runner: CliRunner) -> None:
    stdin = b"how long does it work\n\n   \nrisks\n\xff\xfeweather tomorrow\nquality of life"
    code, out, _ = run(runner, "ask", "--json", "-", stdin=stdin)
    lines = out.splitlines()
    assert code == ExitCode.OK
    assert len(lines) == 4
    objects = [json.loads(line) for line in lines]
    assert [obj["id"] for obj in objects] == ["duration", "side-effects", None, "quality-of-life"]
    assert objects[2]["query"] == "\ufffd\ufffdweather tomorrow"
    assert all(list(obj) == ASK_KEYS for obj in objects)


def test_ask_stdin_text_echoes_each_question(runner: CliRunner) -> None:
    code, out, err = run(runner, "ask", "-", stdin="risks\nqwerty\nquality of life\n")
    assert code == 0
    assert "» risks" in out
    assert "» quality of life" in out
    assert "no confident match for 'qwerty'" in err


def test_list_shows_every_entry(runner: CliRunner) -> None:
    code, out, _ = run(runner, "list")
    assert code == 0
    assert "3  duration" in out
    assert "How long did patients benefit?" in out


def test_list_json_shape(runner: CliRunner) -> None:
    data = json.loads(run(runner, "list", "--json")[1])
    assert data[2] == {"id": "duration", "question": "How long did patients benefit?"}
    assert all(list(item) == ["id", "question"] for item in data)


def test_sources_shows_who_cites_them(runner: CliRunner) -> None:
    code, out, _ = run(runner, "sources")
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("drugpatentwatch"))
    assert "https://www.drugpatentwatch.com/p/tradename/LUTATHERA" in line
    assert line.endswith("patents, evidence")


def test_sources_json_shape(runner: CliRunner) -> None:
    data = json.loads(run(runner, "sources", "--json")[1])
    assert [list(item) for item in data] == [["id", "title", "url", "cited_by"]] * len(data)
    by_id = {item["id"]: item for item in data}
    assert by_id["drugpatentwatch"]["cited_by"] == ["patents", "evidence"]


@pytest.mark.parametrize("key", ["duration", "3"])
def test_show_by_id_or_number(runner: CliRunner, key: str) -> None:
    code, out, _ = run(runner, "show", key)
    assert code == 0
    assert "How long did patients benefit?" in out
    assert "not medical advice" in out


def test_show_json_shape(runner: CliRunner) -> None:
    data = json.loads(run(runner, "show", "patents", "--json")[1])
    assert list(data) == SHOW_KEYS
    assert data["id"] == "patents"
    assert [source["id"] for source in data["sources"]][:2] == [
        "drugpatentwatch",
        "lantheus-anda-2024",
    ]
    assert {"drugpatentwatch", "eu-register"} <= {figure["source"] for figure in data["figures"]}
    assert any("December 2024" in figure["text"] for figure in data["figures"])


@pytest.mark.parametrize("key", ["0", "24", "²", ""])
def test_show_out_of_range_numbers_exit_1(runner: CliRunner, key: str) -> None:
    code, out, err = run(runner, "show", key)
    assert code == ExitCode.NO_MATCH
    assert out == ""
    assert "Known ids:" in err


def test_show_unknown_id_exits_1(runner: CliRunner) -> None:
    code, out, err = run(runner, "show", "dosage")
    assert code == ExitCode.NO_MATCH
    assert out == ""
    assert "no entry 'dosage'" in err
    assert "duration" in err


def test_version(runner: CliRunner) -> None:
    assert run(runner, "--version")[:2] == (0, f"lutaq {__version__}\n")


def test_bare_lutaq_prints_help_with_examples(runner: CliRunner) -> None:
    code, out, _ = run(runner)
    assert code == 0
    for command in ("ask", "list", "sources", "show"):
        assert command in out
    assert 'lutaq ask "how long does it work"' in out
    assert "not medical advice" in out


@pytest.mark.parametrize("command", ["ask", "list", "sources", "show"])
def test_every_command_has_help_with_examples(runner: CliRunner, command: str) -> None:
    code, out, _ = run(runner, command, "--help")
    assert code == 0
    assert "Examples" in out
    assert "--json" in out
    assert "--faq" in out


@pytest.mark.parametrize("command", ["ask", "chat", "validate"])
def test_help_paragraphs_wrap_to_the_terminal_not_to_the_source(
    command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A help paragraph wrapped at 100 columns in the source must not break mid-sentence."""
    monkeypatch.setenv("COLUMNS", "300")
    code, out, _ = run(CliRunner(), command, "--help")
    assert code == 0
    paragraph = {
        "ask": "match the entry's own questions, not whether the entry answers yours.",
        "chat": "a letter to pick a",
        "validate": "(warnings included) and 2 when it has problems. Warnings name",
    }[command]
    assert paragraph in out


def test_help_keeps_a_list_laid_out_by_line() -> None:
    from lutaq.cli import _reflowed

    doc = "One line\nwrapped here.\n\n- a list item\n- another"
    assert _reflowed(doc) == "One line wrapped here.\n\n- a list item\n- another"


def test_unknown_option_is_a_usage_error(runner: CliRunner) -> None:
    assert run(runner, "list", "--colour")[0] == ExitCode.USAGE


def test_faq_precedence_command_then_group_then_environment(
    runner: CliRunner, small_faq: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LUTAQ_FAQ", str(tmp_path / "missing.toml"))
    bundled = str(Path(__file__).resolve().parent.parent / "data" / "faq.toml")
    assert "watering" in run(runner, "--faq", str(small_faq), "list")[1]
    assert "watering" in run(runner, "--faq", bundled, "list", "--faq", str(small_faq))[1]
    assert run(runner, "list")[0] == ExitCode.USAGE


@pytest.mark.parametrize("placement", ["command", "group", "environment"])
def test_other_faq_file(
    runner: CliRunner, small_faq: Path, placement: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if placement == "command":
        args = ["ask", "--faq", str(small_faq), "when to prune roses"]
    elif placement == "group":
        args = ["--faq", str(small_faq), "ask", "when to prune roses"]
    else:
        monkeypatch.setenv("LUTAQ_FAQ", str(small_faq))
        args = ["ask", "when to prune roses"]
    code, out, err = run(runner, *args)
    assert code == 0, err
    assert "Prune roses in late winter." in out
    assert "Gardening tips only." in out


def test_broken_faq_lists_every_problem_and_exits_2(
    runner: CliRunner, write_faq: object, tmp_path: Path
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(
        '[sources.a]\ntitle = "A"\nurl = "ftp://a"\n\n[[entry]]\nid = "Bad Id"\nquestion = 1\n',
        encoding="utf-8",
    )
    code, out, err = run(runner, "list", "--faq", str(path))
    assert code == ExitCode.USAGE
    assert out == ""
    assert "cannot use the FAQ file (" in err
    assert f"{path}:3: sources.a.url" in err
    assert f"{path}:6: entry 'Bad Id'.id" in err
    assert f"{path}:7: entry 'Bad Id'.question: must be a string" in err
    assert "question: must be a string" in err


def test_missing_faq_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "list", "--faq", str(tmp_path / "nope.toml"))
    assert code == ExitCode.USAGE
    assert "no such file" in err


def _lutaq(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "lutaq", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        check=False,
    )


def test_python_dash_m_runs_the_cli() -> None:
    done = _lutaq("ask", "how long does it work")
    assert done.returncode == 0, done.stderr
    assert "How long did patients benefit?" in done.stdout


def test_piped_output_has_no_escape_codes_even_on_a_colour_terminal() -> None:
    done = _lutaq("ask", "how long does it work", "--top", "2", TERM="xterm-256color")
    assert done.returncode == 0
    assert "\x1b" not in done.stdout
    assert "\x1b" not in done.stderr


def test_output_piped_into_head_closes_quietly() -> None:
    shell = f'"{sys.executable}" -m lutaq sources | head -c 10 >/dev/null; exit ${{PIPESTATUS[0]}}'
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, check=False)
    assert "Traceback" not in done.stderr
    assert "BrokenPipeError" not in done.stderr


@pytest.mark.parametrize("command", [["list"], ["sources"], ["show", "duration"], ["--version"]])
def test_commands_without_matching_do_not_import_rapidfuzz(command: list[str]) -> None:
    code = (
        "import sys; from lutaq.cli import main; sys.argv = ['lutaq', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('rapidfuzz' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *command], capture_output=True, text=True, check=False
    )
    assert done.stderr.strip().splitlines()[-1] == "False", done.stderr


def test_key_figures_are_shown_under_the_answer_with_their_source_numbers(
    runner: CliRunner,
) -> None:
    code, out, _ = run(runner, "ask", "how long does it work")
    assert code == 0
    lines = out.splitlines()
    answer = next(i for i, line in enumerate(lines) if line.startswith("In discussions of"))
    figures = lines.index("Key figures")
    sources = lines.index("Sources")
    assert answer < figures < sources
    assert any("8.4 months" in line and line.endswith("[1]") for line in lines[figures:sources])
    assert any("76 months" in line and line.endswith("[4]") for line in lines[figures:sources])
    assert lines[sources + 1].startswith("  [1] Strosberg J, et al.")
    assert any(line.startswith("  [4] Strosberg JR, et al.") for line in lines[sources:])


def test_ask_json_carries_schema_answered_and_a_reason_code(runner: CliRunner) -> None:
    answered = json.loads(run(runner, "ask", "--json", "how long does it work")[1])
    assert (answered["schema"], answered["answered"], answered["reason"]) == (2, True, "answered")
    assert answered["match"] in ("strong", "good", "weak")
    assert isinstance(answered["score"], float)
    for question, code in [
        ("xyzzy plugh", "no_words"),
        ("how long", "close_call"),
        ("pluvicto side effects", "other_subject"),
    ]:
        refused = json.loads(run(runner, "ask", "--json", question)[1])
        assert (refused["answered"], refused["reason"]) == (False, code), question
        assert isinstance(refused["reason_text"], str)
        assert refused["match"] is None


def test_hints_carry_the_faq_they_were_printed_for(runner: CliRunner, small_faq: Path) -> None:
    code, _, err = run(runner, "--faq", str(small_faq), "ask", "bananas")
    assert code == ExitCode.NO_MATCH
    assert f"(lutaq --faq {small_faq} show " in err
    assert f"See every question with: lutaq --faq {small_faq} list" in err
    code, _, err = run(runner, "ask", "--faq", str(small_faq), "bananas")
    assert code == ExitCode.NO_MATCH
    assert f"(lutaq --faq {small_faq} show " in err


def test_refusal_lists_topics_the_faq_covers(runner: CliRunner) -> None:
    _, _, err = run(runner, "ask", "hi")
    assert "This FAQ covers, among others:" in err
    assert err.count("(lutaq show ") == 5


def test_no_confidence_wording_anywhere(runner: CliRunner) -> None:
    _, out, _ = run(runner, "ask", "will my hair fall out")
    assert "Confidence" not in out
    assert "not a promise it answers yours" in out


def _typed_back(hint_output: str) -> list[str]:
    """The first `(lutaq ... show ID)` hint, as the arguments a user would type."""
    import shlex

    found = re.search(r"\((lutaq [^)]*show [\w-]+)\)", hint_output)
    assert found is not None, hint_output
    return shlex.split(found.group(1))[1:]


def test_a_hint_typed_back_opens_the_same_faq(runner: CliRunner, small_faq: Path) -> None:
    _, _, err = run(runner, "--faq", str(small_faq), "ask", "bananas")
    code, out, _ = run(runner, *_typed_back(err))
    assert code == 0
    assert "(watering)" in out or "(pruning)" in out


def test_a_hint_under_lutaq_faq_works_in_the_same_shell(
    runner: CliRunner, small_faq: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LUTAQ_FAQ", str(small_faq))
    _, _, err = run(runner, "ask", "bananas")
    args = _typed_back(err)
    assert args[0] == "show", "with LUTAQ_FAQ set, the plain command already reads that FAQ"
    code, out, _ = run(runner, *args)
    assert code == 0
    assert "(watering)" in out or "(pruning)" in out, "the hint opened the same FAQ"


READ_ALIKE = '\n[synonyms]\nrose = ["roses"]\nflower = ["bloom", "my roses"]\n'


def test_validate_warns_about_synonyms_the_matcher_reads_alike(
    runner: CliRunner, write_faq: Callable[[str], Path]
) -> None:
    path = write_faq(SMALL_FAQ + READ_ALIKE)
    code, out, err = run(runner, "validate", str(path))
    assert code == ExitCode.OK, err
    assert "valid FAQ (2 entries, 1 source, 2 synonym groups)" in out
    assert "Warnings (1): phrases spelled apart that lutaq cannot tell apart" in out
    warning = "synonyms.flower: 'my roses' reads the same to lutaq as 'rose', a synonym of 'rose'"
    assert warning in " ".join(out.split()), out
    code, out, _ = run(runner, "validate", "--json", str(path))
    assert code == ExitCode.OK
    data = json.loads(out)
    assert data["valid"] is True
    assert data["problems"] == []
    (clash,) = data["clashes"]
    assert clash["where"] == "synonyms.flower"
    assert "'my roses'" in clash["message"]
    assert "'rose'" in clash["message"]


def test_validate_still_refuses_a_variant_spelled_as_another_groups(
    runner: CliRunner, write_faq: Callable[[str], Path]
) -> None:
    path = write_faq(SMALL_FAQ + READ_ALIKE.replace('"my roses"', '"Roses!"'))
    code, out, err = run(runner, "validate", str(path))
    assert code == ExitCode.USAGE, out
    assert "synonyms.flower: 'Roses!' is already a synonym of 'rose'" in err
    code, out, _ = run(runner, "validate", "--json", str(path))
    assert code == ExitCode.USAGE
    assert json.loads(out)["clashes"] == []


def test_validate_of_a_faq_without_clashes_prints_no_warnings(
    runner: CliRunner, small_faq: Path
) -> None:
    code, out, _ = run(runner, "validate", str(small_faq))
    assert code == ExitCode.OK
    assert "Warnings" not in out
    assert json.loads(run(runner, "validate", "--json", str(small_faq))[1])["clashes"] == []
