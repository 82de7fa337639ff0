"""The bundled FAQ's content: every entry cited, every figure one of the verified facts."""

from __future__ import annotations

import re

import pytest

from lutaq.faq import Entry, load_faq
from tests.support import FACTS, REPO, SEED

FAQ_PATH = REPO / "data" / "faq.toml"

ENTRY_IDS = [
    "meaning",
    "trial-results",
    "duration",
    "best-candidates",
    "quality-of-life",
    "side-effects",
    "patents",
    "evidence",
    "survival",
    "first-line",
    "how-given",
    "approvals",
    "how-it-works",
    "radiation-safety",
    "pregnancy-fertility",
    "cost",
    "urgent-symptoms",
    "treatment-goals",
    "preparing",
    "follow-up",
    "other-treatments",
    "where-to-get",
    "what-is-a-net",
]
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
needs_shared = pytest.mark.skipif(
    not (FACTS.exists() and SEED.exists()),
    reason="../shared (verified-facts.md and the seed) is not beside this checkout",
)


def _entry(entry_id: str) -> Entry:
    entry = load_faq().find(entry_id)
    assert entry is not None, entry_id
    return entry


def _texts(entry: Entry) -> list[str]:
    return [*entry.phrasings, entry.answer, *(figure.text for figure in entry.figures)]


def test_every_entry_is_present_in_order() -> None:
    assert [entry.id for entry in load_faq().entries] == ENTRY_IDS


def test_every_entry_cites_and_every_source_is_cited() -> None:
    faq = load_faq()
    assert all(entry.sources for entry in faq.entries)
    assert all(faq.cited_by(source_id) for source_id in faq.sources)


@needs_shared
def test_every_number_is_a_verified_one() -> None:
    allowed = set(NUMBER.findall(FACTS.read_text(encoding="utf-8")))
    allowed |= set(NUMBER.findall(SEED.read_text(encoding="utf-8")))
    faq = load_faq()
    texts = [text for entry in faq.entries for text in _texts(entry)]
    texts += [source.title for source in faq.sources.values()]
    unverified = {
        number: text for text in texts for number in NUMBER.findall(text) if number not in allowed
    }
    assert unverified == {}


@needs_shared
def test_sources_are_the_verified_ones() -> None:
    rows = re.findall(r"^\| ([a-z0-9-]+) \| (.+?) \| (\S+) \|$", FACTS.read_text("utf-8"), re.M)
    # The facts file marks third-party sources in bold (**third-party**); titles carry no markup.
    verified = {sid: (title.replace("**", ""), url) for sid, title, url in rows}
    for source in load_faq().sources.values():
        assert verified[source.id] == (source.title, source.url), source.id


@pytest.mark.parametrize(
    ("entry_id", "figures"),
    [
        ("trial-results", ["65.2%", "10.8%", "18%", "3%"]),
        ("duration", ["not reached", "8.4 months"]),
        ("side-effects", ["1%, 2% and 9%", "no evidence of renal toxic effects"]),
        ("side-effects", ["13%", "lymphopenia (44%)", "minimum of 2 hours", "5.1 weeks"]),
        ("side-effects", ["hormonal crisis in 1%", "increased risk for cancer"]),
        ("radiation-safety", ["three months", "separate bed"]),
        ("how-given", ["minimum of 2 hours", "every 8 weeks (± 1 week)", "8 to 12 weeks apart"]),
        ("preparing", ["at least 4 weeks", "at least 24 hours"]),
        ("follow-up", ["every 2 weeks", "3 to 6 months", "up to 18 months"]),
        ("duration", ["27 (23%)", "14 months", "the length of follow-up, not of benefit"]),
        ("quality-of-life", ["28.8 months vs 6.1 months"]),
        ("patents", ["as listed in December 2024", "March 02, 2026", "2026-10-26"]),
        ("patents", ["January 25, 2039", "28/09/2027", "as listed in December 2024"]),
        ("survival", ["48.0 months", "36.3 months", "not statistically significant", "36%"]),
        ("first-line", ["22.8 months", "8.5 months"]),
        ("how-given", ["7.4 GBq", "every 8 weeks", "at least 4 hours", "30 to 40 minutes"]),
        ("approvals", ["26 September 2017"]),
        ("how-it-works", ["6.65 days"]),
        ("radiation-safety", ["up to 30 days", "at least 3 days", "at least 7 days"]),
        ("pregnancy-fertility", ["7 months", "4 months", "at least 6 months", "2.5 months"]),
        ("cost", ["£71,500.00", "4 administrations of 7.4 GBq", "excluding VAT"]),
        ("side-effects", ["nausea 65%", "anaemia 81%", "2.3%", "16 patients (2.0%)"]),
    ],
)
def test_key_figures_carry_the_numbers_people_ask_for(entry_id: str, figures: list[str]) -> None:
    text = " ".join(figure.text for figure in _entry(entry_id).figures)
    assert all(figure in text for figure in figures), (entry_id, text)


def test_each_key_figure_has_one_source_of_its_own() -> None:
    faq = load_faq()
    for entry in faq.entries:
        assert all(figure.source in faq.sources for figure in entry.figures)
        assert [source.id for source in faq.sources_of(entry)][: len(entry.sources)] == list(
            entry.sources
        )


def test_analyses_are_not_mixed() -> None:
    """8.4 months is the NEJM analysis, 8.5 months NETTER-2's; never in one statement."""
    for entry in load_faq().entries:
        for figure in entry.figures:
            assert not ("8.4" in figure.text and "8.5" in figure.text)
            if "8.4 months" in figure.text:
                assert figure.source == "nejm-netter1"


def test_survival_says_the_difference_was_not_significant_and_why() -> None:
    answer = " ".join(_entry("survival").paragraphs)
    assert "not statistically significant" in answer
    assert "Cross-over" in answer


def test_us_dates_use_the_verified_wording_only() -> None:
    answer = " ".join(_entry("approvals").paragraphs)
    wording = (
        "approved by the US FDA in January 2018; since April 2024 also for patients 12 and older"
    )
    assert wording in answer
    assert "26 January 2018" not in answer
    assert "23 April 2024" not in answer


@pytest.mark.parametrize("entry_id", ["radiation-safety", "pregnancy-fertility"])
def test_safety_answers_end_with_the_care_team(entry_id: str) -> None:
    assert _entry(entry_id).paragraphs[-1].endswith("Follow your care team's instructions.")


def test_us_and_uk_contraception_periods_stay_apart_each_with_its_source() -> None:
    figures = _entry("pregnancy-fertility").figures
    us = [f for f in figures if "7 months" in f.text or "4 months" in f.text]
    uk = [f for f in figures if "6 months" in f.text]
    assert {f.source for f in us} == {"us-patient-hints"}
    assert [f.source for f in uk] == ["gstt-after"]
    assert all("6 months" not in f.text for f in us)
    assert all("US" in f.text for f in us)
    assert all("UK" in f.text for f in uk)


def test_radiation_safety_gives_no_distance_figure_and_names_who_advises() -> None:
    answer = " ".join(_entry("radiation-safety").paragraphs)
    assert "Consensus recommendations" in answer
    assert "care team gives instructions on keeping a distance from children" in answer
    assert not re.search(r"\d+ (?:days|hours) (?:away|from children)", answer)


def test_side_effect_figures_name_their_source_and_skip_what_is_not_verified() -> None:
    entry = _entry("side-effects")
    for figure in entry.figures:
        if figure.source == "us-label-safety":
            assert figure.text.startswith("US prescribing information")
    text = " ".join([entry.answer, *(figure.text for figure in entry.figures)])
    assert "2.7%" not in text  # an older label figure the facts rule out
    assert "hair" not in " ".join(figure.text for figure in entry.figures)


def test_cost_states_the_nice_price_and_no_us_price() -> None:
    entry = _entry("cost")
    answer = " ".join(entry.paragraphs)
    assert "confidential" in answer
    assert "depends on the insurer" in answer
    assert "$" not in answer + " ".join(figure.text for figure in entry.figures)
    assert entry.sources[0] == "nice-ta539"
    assert "Medicare" in answer


NEW_IDS = ENTRY_IDS[16:]
"""The entries added from the verified facts of 2026-12-01."""
SENTENCE = re.compile(r"(?<=[.;])\s+")


def _sentences(entry: Entry) -> list[str]:
    return [part for text in _texts(entry) for part in SENTENCE.split(text)]


@pytest.mark.parametrize("entry_id", NEW_IDS)
def test_new_entries_cite_and_have_aliases(entry_id: str) -> None:
    entry = _entry(entry_id)
    assert entry.sources
    assert len(entry.aliases) >= 10


def test_label_figures_and_nejm_figures_never_share_a_sentence() -> None:
    """13% renal failure and 44% lymphopenia are label analyses; NEJM's are another count."""
    for entry in load_faq().entries:
        for sentence in _sentences(entry):
            label = "13%" in sentence or "44%" in sentence
            nejm = "9%" in sentence or "renal toxic" in sentence or "NEJM" in sentence
            assert not (label and nejm), (entry.id, sentence)


def test_urgent_symptoms_says_whom_to_call_and_names_no_unverified_sign_as_fact() -> None:
    entry = _entry("urgent-symptoms")
    answer = " ".join(entry.paragraphs)
    assert answer.startswith("If you feel unwell after a treatment")
    assert "emergency" in answer
    assert "treatment team" in answer
    for sign in ("infection", "bruise or bleed", "flushing", "wheezing", "dizzy", "hives"):
        assert sign in answer, sign
    # No verified patient wording exists for these: the answer must not state them as signs.
    for unverified in ("urine", "yellow", "drip site", "tumour lysis"):
        assert unverified not in answer, unverified
    assert not re.search(r"\d+(?:\.\d+)? ?°", answer)  # no temperature thresholds


def test_treatment_goals_says_it_is_not_a_cure_and_points_to_survival() -> None:
    answer = " ".join(_entry("treatment-goals").paragraphs)
    assert "not usually a cure" in answer
    assert "not statistically significant" in answer
    assert "Does Lutathera help patients live longer?" in answer


def test_travel_card_wording_is_current() -> None:
    answer = " ".join(_entry("radiation-safety").paragraphs)
    assert "for a few days" not in answer
    assert "three months after the last one" in answer


def test_patent_facts_are_dated_and_never_claim_the_only_approved_therapy() -> None:
    entry = _entry("patents")
    text = " ".join(_texts(entry))
    assert "only approved" not in text
    for figure in entry.figures:
        assert figure.text.startswith(("As ", "Earliest", "EU orphan")), figure.text


def test_quality_of_life_is_not_cited_to_the_nejm_paper() -> None:
    entry = _entry("quality-of-life")
    assert all(figure.source != "nejm-netter1" for figure in entry.figures)
    assert "reported apart from the NEJM paper" in " ".join(entry.paragraphs)


def test_every_synonym_group_with_a_common_english_word_says_why() -> None:
    # Issue 18: a common word in a group ("risk" in "side effect") reads every question that
    # uses it as that term, so the group says next to it why the word belongs there.
    from lutaq.english import COMMON, zipf
    from lutaq.text import stem, words

    faq = load_faq()
    lines = FAQ_PATH.read_text(encoding="utf-8").splitlines()
    start = lines.index("[synonyms]")
    unexplained = []
    for term, variants in faq.synonyms.items():
        common = [v for v in variants if len(words(v)) == 1 and zipf(stem(words(v)[0])) >= COMMON]
        if not common:
            continue
        head = next(
            place
            for place in range(start, len(lines))
            if lines[place].startswith((f"{term} = [", f'"{term}" = ['))
        )
        if not lines[head - 1].startswith("#"):
            unexplained.append(f"{term}: {', '.join(common)}")
    assert not unexplained, unexplained


def test_no_synonym_phrase_shrinks_to_one_word_by_dropping_who_asks() -> None:
    # "nursing mother" was read as "nursing" (the who-asks word "mother" dropped), so every
    # "nursing home" asked about breastfeeding. "call my doctor" is read as "call" on purpose
    # (the emergency group's comment says why).
    from lutaq.analysis import phrase_key
    from lutaq.text import words

    shrunk = [
        variant
        for term, variants in load_faq().synonyms.items()
        for variant in (term, *variants)
        if len(words(variant)) > 1 and len(phrase_key(variant)) == 1 and variant != "call my doctor"
    ]
    assert not shrunk, shrunk
