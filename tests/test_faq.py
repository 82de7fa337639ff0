"""The FAQ file: the bundled content, and validation that reports every problem with its place."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from lutaq.faq import FaqError, bundled_path, load_faq, parse_faq
from tests.support import REPO, SEED, SMALL_FAQ

SEED_IDS = [
    "meaning",
    "trial-results",
    "duration",
    "best-candidates",
    "quality-of-life",
    "side-effects",
    "patents",
    "evidence",
]


def test_bundled_faq_is_the_repository_data_file() -> None:
    assert bundled_path().resolve() == (REPO / "data" / "faq.toml").resolve()


def test_bundled_faq_has_the_seed_entries_in_order() -> None:
    faq = load_faq()
    assert [entry.id for entry in faq.entries][: len(SEED_IDS)] == SEED_IDS


def test_bundled_faq_cites_the_seed_sources() -> None:
    faq = load_faq()
    assert faq.sources["nejm-netter1"].url == "https://www.nejm.org/doi/10.1056/NEJMoa1607427"
    assert faq.sources["drugpatentwatch"].url.startswith("https://www.drugpatentwatch.com/")
    assert all(entry.sources for entry in faq.entries)


def test_bundled_disclaimer_says_not_medical_advice() -> None:
    disclaimer = load_faq().disclaimer.lower()
    assert "not medical advice" in disclaimer
    assert "care team" in disclaimer


def _seed_pairs() -> list[tuple[str, str, list[str]]]:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    body = lines[: lines.index("---")]
    pairs = []
    for question, answer in zip(body[0::2], body[1::2], strict=True):
        markers = sorted(set(re.findall(r"\[(\d)\]", answer)))
        pairs.append((question, re.sub(r" \[\d\]", "", answer), markers))
    return pairs


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside this checkout")
def test_seed_questions_and_answers_are_word_for_word() -> None:
    faq = load_faq()
    seed_sources = {"1": "nejm-netter1", "2": "drugpatentwatch"}
    # The seed's side-effects answer has no marker; the kidney and blood effects it names
    # are NETTER-1's findings (verified-facts.md), so the FAQ cites that publication.
    uncited_in_seed = {"side-effects": ["nejm-netter1"]}
    # Entries enriched from the verified facts keep the seed's answer as their first
    # paragraph(s) and its sources first; what follows is added and cited on its own.
    for entry_id, (question, answer, markers) in zip(SEED_IDS, _seed_pairs(), strict=True):
        entry = faq.find(entry_id)
        assert entry is not None
        assert entry.question == question
        assert " ".join(entry.paragraphs).startswith(answer), entry_id
        expected = [seed_sources[m] for m in markers] or uncited_in_seed[entry_id]
        assert list(entry.sources)[: len(expected)] == expected, entry_id


def test_find_by_id_or_list_number() -> None:
    faq = load_faq()
    assert faq.find("duration") is faq.find("3")
    assert faq.find("0") is None
    assert faq.find("²") is None
    assert faq.find("٣") is None
    assert faq.find("99") is None
    assert faq.find("no-such-entry") is None


def test_small_faq_loads_with_its_meta(small_faq: Path) -> None:
    faq = load_faq(small_faq)
    assert faq.title == "Garden FAQ"
    assert faq.disclaimer == "Gardening tips only."
    assert faq.find("watering") is not None
    assert faq.find("watering").paragraphs == (  # type: ignore[union-attr]  # found above
        "Water tomatoes regularly.",
        "Mulch helps keep the soil moist.",
    )
    assert faq.cited_by("rhs") == ("watering", "pruning")


def test_refusal_line_is_optional_and_loaded(small_faq: Path) -> None:
    assert load_faq(small_faq).refusal == ""
    text = SMALL_FAQ.replace("[meta]", '[meta]\nrefusal = "Ask the garden centre."', 1)
    assert parse_faq(text).refusal == "Ask the garden centre."


def test_bundled_refusal_line_points_to_the_care_team() -> None:
    refusal = load_faq().refusal
    assert "contact your treatment team" in refusal
    assert "emergency" in refusal


def test_meta_is_optional() -> None:
    faq = parse_faq(SMALL_FAQ.split("[sources.rhs]", 1)[1].join(["[sources.rhs]", ""]))
    assert "not medical advice" in faq.disclaimer


def _problems(text: str) -> list[str]:
    with pytest.raises(FaqError) as caught:
        parse_faq(text, origin="my.toml")
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('id = "pruning"', 'id = "watering"'), "my.toml:20: entry 'watering': duplicate id"),
        (('sources = ["rhs"]\naliases', 'sources = ["nope"]\naliases'), "unknown source 'nope'"),
        (
            ('url = "https://www.rhs', 'url = "file:///etc/passwd#'),
            "must be an http:// or https://",
        ),
        (
            ('question = "When should I prune roses?"\n', ""),
            "my.toml:20: entry 'pruning'.question: missing",
        ),
        (
            ('answer = "Prune roses in late winter."', "answer = 3"),
            "answer: must be a string, not a number",
        ),
        (
            ('aliases = ["tomato watering"]', 'aliases = "tomato"'),
            "aliases: must be a list of strings",
        ),
        (
            ('aliases = ["tomato watering"]', 'aliases = ["When should I prune ROSES"]'),
            "is also a phrasing of entry 'watering'",
        ),
        (
            ('id = "pruning"', 'id = "Pruning Roses"'),
            "lowercase letters, digits and single hyphens",
        ),
        (("[meta]", 'colour = "red"\n[meta]'), "colour: unknown top-level key"),
        (("[meta]", "[meta]\nrefusal = 3"), "meta.refusal: must be a string, not a number"),
        (("[meta]", '[meta]\nrefusal = "  "'), "meta.refusal: must not be empty"),
        (
            ('sources = ["rhs"]\naliases', "sources = []\naliases"),
            "must not be empty: every answer cites a source",
        ),
        (('answer = "Prune roses in late winter."', 'answer = "   "'), "answer: must not be empty"),
    ],
)
def test_validation_names_the_problem_and_its_place(change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in SMALL_FAQ
    problems = _problems(SMALL_FAQ.replace(old, new, 1))
    assert any(expected in problem for problem in problems), problems


def test_unused_source_is_a_problem() -> None:
    extra = '[sources.unused]\ntitle = "Nobody cites me"\nurl = "https://example.org/"\n\n'
    problems = _problems(SMALL_FAQ.replace("[[entry]]", extra + "[[entry]]", 1))
    assert problems == ["my.toml:9: sources.unused: no entry cites it"]


def test_every_problem_is_reported_at_once() -> None:
    broken = SMALL_FAQ.replace('id = "pruning"', 'id = "watering"').replace(
        'url = "https://www.rhs.org.uk/garden-jobs/watering"', 'url = "ftp://x"'
    )
    broken = broken.replace('answer = "Prune roses in late winter."', "answer = 1")
    problems = _problems(broken)
    assert len(problems) >= 3, problems


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("   \n\n", "the file is empty"),
        ("[[entry]\nid = 1", "not valid TOML"),
        ('title = "x"', "unknown top-level key"),
        ("[meta]\n", "sources: missing"),
        ("entry = []\n[sources]\n", "sources: missing"),
        ("entry = []\n[sources.a]\ntitle='t'\nurl='https://a.b/'", "entry: missing"),
        (
            "entry = 3\n[sources.a]\ntitle='t'\nurl='https://a.b/'",
            "entry: must be an array of tables",
        ),
    ],
)
def test_documents_that_are_not_faqs(text: str, expected: str) -> None:
    assert any(expected in problem for problem in _problems(text))


def test_toml_errors_give_line_and_column() -> None:
    problems = _problems('[meta]\ntitle = "unterminated\n')
    assert re.search(r"line 2, column \d+", problems[0]), problems


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d / "missing.toml", "no such file"),
        (lambda d: d, "is a directory"),
    ],
)
def test_unreadable_paths(tmp_path: Path, make: Callable[[Path], Path], expected: str) -> None:
    with pytest.raises(FaqError) as caught:
        load_faq(make(tmp_path))
    assert expected in str(caught.value.problems[0])


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(SMALL_FAQ.replace("Garden", "Jardín").encode("latin-1"))
    with pytest.raises(FaqError) as caught:
        load_faq(path)
    assert str(caught.value.problems[0]) == f"{path}:2: not UTF-8 text (byte 0xed)"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('aliases = ["tomato watering"]', 'aliases = [1, "x"]'), "item 1 is a number"),
        (('id = "pruning"', "id = 5"), "id: must be a string, not a number"),
        (('title = "Royal Horticultural Society: watering"\n', ""), "sources.rhs.title: missing"),
    ],
)
def test_one_mistake_gives_one_problem(change: tuple[str, str], expected: str) -> None:
    problems = _problems(SMALL_FAQ.replace(*change, 1))
    assert len(problems) == 1, problems
    assert expected in problems[0]


@pytest.mark.parametrize(
    "url", ["https://a.example/\\u001b[31m", "https://a.example/ x", " https://a.example/"]
)
def test_urls_with_spaces_or_control_characters_are_refused(url: str) -> None:
    text = SMALL_FAQ.replace('"https://www.rhs.org.uk/garden-jobs/watering"', f'"{url}"')
    assert any("must be an http:// or https:// URL" in p for p in _problems(text))


FIGURE = '\n[[entry.figures]]\ntext = "Water 2 times a week"\nsource = "rhs"\n'


def _with_figure(figure: str = FIGURE) -> str:
    return SMALL_FAQ.replace(
        'aliases = ["tomato watering"]\n', 'aliases = ["tomato watering"]\n' + figure
    )


def test_key_figures_are_optional_and_load_in_order() -> None:
    faq = parse_faq(_with_figure(FIGURE + FIGURE.replace("2 times", "3 times")))
    entry = faq.find("watering")
    assert entry is not None
    assert [figure.text for figure in entry.figures] == [
        "Water 2 times a week",
        "Water 3 times a week",
    ]
    assert faq.find("pruning").figures == ()  # type: ignore[union-attr]  # found above


def test_a_source_cited_only_by_a_figure_is_used_and_listed() -> None:
    extra = '[sources.met]\ntitle = "Met Office"\nurl = "https://www.metoffice.gov.uk/"\n\n'
    text = _with_figure(FIGURE.replace('"rhs"', '"met"')).replace(
        "[[entry]]", extra + "[[entry]]", 1
    )
    faq = parse_faq(text)
    assert faq.cited_by("met") == ("watering",)
    assert [source.id for source in faq.sources_of(faq.entries[0])] == ["rhs", "met"]


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        (
            FIGURE.replace('"rhs"', '"nope"'),
            "my.toml:22: entry 'watering'.figures[1].source: unknown source 'nope'",
        ),
        (
            FIGURE.replace('text = "Water 2 times a week"\n', ""),
            "my.toml:20: entry 'watering'.figures[1].text: missing",
        ),
        (FIGURE + 'note = "x"\n', "figures[1].note: unknown key (expected source, text)"),
        (FIGURE.replace('"Water 2 times a week"', '""'), "figures[1].text: must not be empty"),
        (
            'figures = ["Water 2 times a week"]\n',
            "my.toml:19: entry 'watering'.figures: must be an array of tables",
        ),
    ],
)
def test_key_figure_problems_point_at_the_figure(figure: str, expected: str) -> None:
    problems = _problems(_with_figure(figure))
    assert any(expected in problem for problem in problems), problems


@pytest.mark.parametrize(
    "synonyms",
    [
        'rose = ["roses"]\nflower = ["Rose"]',
        'rose = ["roses"]\nflower = ["ROSE!"]',
        'rose = ["roses"]\nflower = ["bloom", "  rose\u2019  "]',
    ],
)
def test_a_variant_spelled_as_another_groups_is_a_problem(synonyms: str) -> None:
    problems = _problems(f"{SMALL_FAQ}\n[synonyms]\n{synonyms}\n")
    assert any("is already a synonym of 'rose'" in problem for problem in problems), problems


@pytest.mark.parametrize(
    "synonyms",
    [
        # The matcher ignores "my" and word endings; faq.py does not, so these are valid
        # (and `lutaq validate` warns: tests/test_clashes.py).
        'rose = ["roses"]\nflower = ["my roses"]',
        'rose = ["roses"]\nflower = ["rosed"]',
        'rose = ["roses"]\nflower = ["rose\'s"]',
    ],
)
def test_synonyms_that_only_the_matcher_reads_alike_are_valid(synonyms: str) -> None:
    faq = parse_faq(f"{SMALL_FAQ}\n[synonyms]\n{synonyms}\n")
    assert list(faq.synonyms) == ["rose", "flower"]


@pytest.mark.parametrize(
    ("alias", "valid"),
    [
        ("When should I prune ROSES", False),
        ("when \u2013 should I prune roses!", False),
        ("\uff37hen should I prune roses", False),  # a full-width W
        ("When should I prune rose", True),  # a stemmer's business, not the file's
        ("When shall I prune roses", True),
    ],
)
def test_a_phrasing_of_two_entries_is_a_problem_when_spelled_alike(alias: str, valid: bool) -> None:
    text = SMALL_FAQ.replace('aliases = ["tomato watering"]', f"aliases = [{alias!r}]")
    if valid:
        assert parse_faq(text).entries[0].aliases == (alias,)
    else:
        assert any("is also a phrasing of entry 'watering'" in p for p in _problems(text))


def test_the_faq_model_does_not_import_the_matchers_text_rules() -> None:
    """Validity must not change when the stemmer does: faq.py reads no matcher module, even
    lazily, while loading a FAQ with synonyms and neighbours (the bundled one) or a broken one."""
    probe = (
        "import sys, lutaq.faq as faq; faq.load_faq()\n"
        "try: faq.parse_faq(sys.argv[1])\n"
        "except faq.FaqError: pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('lutaq')))"
    )
    broken = f'{SMALL_FAQ}\n[synonyms]\nrose = ["roses"]\nflower = ["rose", "my roses"]\n'
    done = subprocess.run(
        [sys.executable, "-c", probe, broken],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    loaded = set(ast.literal_eval(done.stdout.strip()))
    assert "lutaq.faq" in loaded, done.stdout
    assert loaded.isdisjoint({"lutaq.text", "lutaq.analysis", "lutaq.match"}), loaded
