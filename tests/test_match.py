"""The matcher: the seed's own questions find their entries; off-topic questions find none."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from lutaq.analysis import Analyzer, phrase_key
from lutaq.faq import load_faq, parse_faq
from lutaq.match import CLEAR_FLOOR, CLEAR_LEAD, THRESHOLD, URGENT_LEAD, Matcher, allowed_edits
from lutaq.text import stem
from tests.support import SMALL_FAQ


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_faq())


def test_every_bundled_question_answers_itself(matcher: Matcher) -> None:
    for entry in matcher.faq.entries:
        result = matcher.ask(entry.question)
        assert result.answer is not None, entry.id
        assert result.answer.entry.id == entry.id
        assert result.answer.score == 100.0


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how long does it work", "duration"),
        ("how lnog does it work", "duration"),
        ("HOW LONG DOES IT WORK???", "duration"),
        ("side effects", "side-effects"),
        ("is it still under patent", "patents"),
        ("quality of life", "quality-of-life"),
        ("NETTER-1 results", "trial-results"),
    ],
)
def test_everyday_phrasings(matcher: Matcher, question: str, expected: str) -> None:
    result = matcher.ask(question)
    assert result.answer is not None, result.reason
    assert result.answer.entry.id == expected


@pytest.mark.parametrize(
    "question",
    [
        "what is the weather tomorrow",
        "how to make pancakes",
        "who is the president of france",
        "install docker on ubuntu",
        "qwerty",
        "a",
        "ok",
        "tell me a joke",
        "what is it",
        "",
        "???",
    ],
)
def test_off_topic_questions_get_no_answer(matcher: Matcher, question: str) -> None:
    assert matcher.ask(question).answer is None


def test_scores_are_between_0_and_100_and_ranked(matcher: Matcher) -> None:
    ranked = matcher.rank("how long do patients benefit from lutathera")
    scores = [match.score for match in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= score <= 100 for score in scores)
    assert len(ranked) == len(matcher.faq.entries)


def test_close_runners_up_are_not_answers(small_faq: Path) -> None:
    matcher = Matcher(load_faq(small_faq), threshold=10, margin=200)
    result = matcher.ask("tomatoes roses")
    assert result.answer is None
    assert "about equally well" in result.reason


def test_alternatives_exclude_the_answer(matcher: Matcher) -> None:
    result = matcher.ask("how long does it work")
    assert result.answer is not None
    assert result.answer.entry not in [match.entry for match in result.alternatives(3)]


def test_question_words_alone_carry_no_match(matcher: Matcher) -> None:
    assert matcher.analyzer.terms("what does it do and how", correct=True) == []
    assert matcher.ask("what does it do and how").answer is None


def _read(analyzer: Analyzer, text: str) -> list[tuple[str, str]]:
    return [(analyzer.label(t.term), t.how) for t in analyzer.terms(text, correct=True)]


def test_typos_synonyms_and_joined_words_are_read_as_the_faq_says_them() -> None:
    analyzer = Analyzer(
        ["What side effects are there?", "How long does it last?", "patent expiry"],
        {"side effect": ["risk", "toxicity"]},
    )
    assert _read(analyzer, "toxicty") == [("side effect", "synonym")]
    assert _read(analyzer, "sideeffects") == [("side effect", "synonym")]
    assert _read(analyzer, "side efects") == [("side effect", "synonym")]
    assert _read(analyzer, "how lnog") == [("long", "typo")]
    assert _read(analyzer, "patnet") == [("patent", "typo")]
    # The first letter is never a typo: "rice" is not "price", "lung" may be "long".
    assert [how for _, how in _read(analyzer, "rice")] == ["unknown"]


def test_a_stop_word_is_not_read_as_a_synonym_through_its_stem() -> None:
    # "nearly" stems to "near", a variant of "around": "nearly passed out" is not about
    # being near anyone. A stop word that a group names as written ("gone") is that group's.
    analyzer = Analyzer(
        ["can I be near my kids", "hair gone"], {"around": ["near"], "loss": ["gone"]}
    )
    assert _read(analyzer, "nearly") == []
    assert _read(analyzer, "near") == [("around", "synonym")]
    assert _read(analyzer, "gone") == [("loss", "synonym")]


def test_a_word_english_knows_is_not_read_as_two_joined_words() -> None:
    # "paperwork" is not "paper" + "work", nor "password" "pass" + "word"; "sideeffects",
    # which no dictionary has, is still two.
    analyzer = Analyzer(["paper trail", "does it work", "pass the test", "word count"], {})
    assert _read(analyzer, "paperwork") == [("paperwork", "unknown")]
    assert _read(analyzer, "password") == [("password", "unknown")]
    assert _read(analyzer, "workpaper") == [("work", "split"), ("paper", "split")]


def test_a_real_word_is_corrected_only_into_another_form_of_itself() -> None:
    # "stairs" is not a typo of "stay", "vague" of "value" or "ankles" of "angel": English
    # knows each of them. "reacting" is still "reaction", and a misspelling English lacks
    # ("valeu") is still corrected.
    analyzer = Analyzer(
        ["can I stay overnight", "value for money", "angel", "allergic reaction"], {}
    )
    assert _read(analyzer, "stairs") == [("stair", "unknown")]
    assert _read(analyzer, "vague") == [("vagu", "unknown")]
    assert _read(analyzer, "ankles") == [("ankl", "unknown")]
    assert _read(analyzer, "reacting") == [("reaction", "typo")]
    assert _read(analyzer, "valeu") == [("valu", "typo")]


def test_whose_words_of_the_wider_family_are_not_read_as_faq_words() -> None:
    # "niece" was read as the typo "nice" (NICE, the English agency), "grandad" as "grandchild".
    matcher = Matcher(load_faq())
    read = [t.how for t in matcher.analyzer.terms("my niece and my grandad", correct=True)]
    assert read == []


def test_typos_are_found_in_words_as_written_and_in_names_with_numbers() -> None:
    analyzer = Analyzer(
        ["Is breastfeeding safe?", "NETTER-1 results", "NETTER-12", "flying by plane"], {}
    )
    # The typo was made in the written word "breastfeeding", not in its stem.
    assert _read(analyzer, "breastfeedng") == [(stem("breastfeeding"), "typo")]
    assert _read(analyzer, "nettr-1") == [("netter1", "typo")]
    assert _read(analyzer, "resultt") == [("result", "typo")]
    # The number of a name is never a typo, nor a letter more at the end of a short word;
    # at the end of a long word it is a slip.
    assert _read(analyzer, "netter-21") == [("netter21", "exact")]
    assert [how for _, how in _read(analyzer, "planet")] == ["unknown"]
    assert _read(analyzer, "breastfeedingq") == [(stem("breastfeeding"), "typo")]


def test_a_doubled_letter_is_the_likelier_typo() -> None:
    # "pattent" is one edit from both; "patient" is the commoner word here.
    analyzer = Analyzer(["patient", "patients", "which patients", "patent"], {})
    assert _read(analyzer, "pattent") == [("patent", "typo")]


def test_who_asks_is_not_what_is_asked() -> None:
    analyzer = Analyzer(["Can I breastfeed?", "nurse my baby"], {"breastfeed": ["nurse"]})
    assert _read(analyzer, "nurse here: results") == [("result", "unknown")]
    assert _read(analyzer, "as a NET nurse: results") == [("net", "unknown"), ("result", "unknown")]
    # "Nurse" as a verb is what is asked.
    assert _read(analyzer, "can I nurse") == [("breastfeed", "synonym")]
    assert phrase_key("nurse my baby") == (stem("nurse"), stem("baby"))


def test_an_unknown_subject_outweighs_shared_words(matcher: Matcher) -> None:
    """'side effects of aspirin' is about aspirin, whatever words it shares with the FAQ."""
    assert matcher.ask("side effects").answer is not None
    off_topic = matcher.ask("side effects of aspirin")
    assert off_topic.answer is None
    assert off_topic.ranked[0].entry.id == "side-effects"


def test_naming_the_subject_makes_unknown_words_weigh_less(matcher: Matcher) -> None:
    plain = matcher.rank("side effects for grandparents")[0]
    anchored = matcher.rank("lutathera side effects for grandparents")[0]
    assert plain.entry.id == anchored.entry.id == "side-effects"
    assert anchored.score > plain.score


def test_a_phrase_holding_the_subjects_name_still_names_the_subject(matcher: Matcher) -> None:
    # "how lutathera actually works" is read as how it works, one term, and the post still
    # names Lutathera: its story's unknown words weigh as in any post naming the subject.
    post = (
        "can someone explain in normal words how lutathera actually works? my grandad thinks "
        "theyre putting nuclear waste in him and wont listen to the doctors"
    )
    assert matcher.ask(post).answer_id == "how-it-works"
    retreatment = "can you have lutathera again if it grows back? dad had 4 cycles in 2021"
    assert matcher.ask(retreatment).answer_id == "follow-up"
    # Not a name that only holds one of the subject's words: "ga68 dotatate" is a scan.
    assert matcher.ask("ga68 dotatate uptake in the uncinate process false positive").answer is None


def test_when_a_story_happened_is_not_what_it_asks(matcher: Matcher) -> None:
    # A day or month weighed as an unknown word, about five times the question's own words.
    terms = matcher.analyzer.terms(
        "my first cycle is on monday, the second in november", correct=True
    )
    assert {term.typed for term in terms}.isdisjoint({"monday", "november"})
    question = "I work in an open plan office, can I go back in on the Monday after my infusion?"
    assert matcher.ask(question).answer_id == "radiation-safety"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # A relative's pregnancy is about being near her: radiation-safety.
        ("my daughter is pregnant, can she visit me after my lutathera", "radiation-safety"),
        ("my pregnant sister wants to stay with us after my prrt", "radiation-safety"),
        (
            "our daughter's pregnant and lives with us, is that ok after my treatment",
            "radiation-safety",
        ),
        # Becoming pregnant, the patient's or a partner's, is pregnancy and fertility.
        (
            "my wife wants to get pregnant after my lutathera, how long should we wait",
            "pregnancy-fertility",
        ),
        ("my wife is trying to get pregnant, is lutathera a problem", "pregnancy-fertility"),
        ("I am pregnant, can I have lutathera", "pregnancy-fertility"),
    ],
)
def test_whose_pregnancy_it_is_decides_the_entry(
    matcher: Matcher, question: str, expected: str
) -> None:
    assert matcher.ask(question).answer_id == expected


def test_synonyms_come_from_the_faq_file() -> None:
    text = SMALL_FAQ + '\n[synonyms]\ntomato = ["tomatoes", "love apple"]\n'
    result = Matcher(parse_faq(text)).ask("how often to water love apples")
    assert result.answer is not None
    assert result.answer.entry.id == "watering"
    assert Matcher(parse_faq(SMALL_FAQ)).ask("how often to water love apples").answer is None


def test_explanation_parts_multiply_to_the_score(matcher: Matcher) -> None:
    match = matcher.rank("how lnog does it last")[0]
    assert match.entry.id == "duration"
    expected = 100 * match.coverage**0.6 * match.completeness**0.4
    assert match.score == pytest.approx(expected, abs=0.05)
    assert [word.term.how for word in match.words] == ["typo", "synonym"]


@pytest.mark.parametrize(("word", "edits"), [("os", 0), ("pfs", 1), ("risks", 1), ("survival", 2)])
def test_typo_allowance_grows_with_word_length(word: str, edits: int) -> None:
    assert allowed_edits(word) == edits


def test_suggestions_leave_out_far_off_entries(matcher: Matcher) -> None:
    result = matcher.ask("how long")
    assert result.answer is None
    suggested = result.suggestions(3)
    assert suggested
    assert all(match.score >= 25 for match in suggested)
    assert matcher.ask("qwerty").suggestions(3) == ()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how does it work", "how-it-works"),
        ("how long does it work", "duration"),
        ("is it safe for my family", "radiation-safety"),
        ("is it safe for me", "side-effects"),
        ("how long is the appointment", "how-given"),
        ("what is PRRT", "how-it-works"),
        ("lutathera", "how-it-works"),
        ("can I breastfeed after treatment", "pregnancy-fertility"),
        ("will my insurance pay", "cost"),
        ("can I hug my grandchildren", "radiation-safety"),
        ("is it ok to take the train home after my treatment", "radiation-safety"),
        ("can I go swimming after the infusion", "radiation-safety"),
    ],
)
def test_neighbours_are_told_apart(matcher: Matcher, question: str, expected: str) -> None:
    assert matcher.ask(question).answer_id == expected


def test_the_subject_is_the_one_the_faq_names_not_its_commonest_word() -> None:
    """A word most entries are phrased with ("treatment") is not the subject when the FAQ
    names one: counted, one more entry phrased with it would make every question using it
    "name the subject", and a question about radioactive iodine treatment Lutathera's."""
    faq = load_faq()
    common = faq._replace(
        entries=tuple(
            entry._replace(aliases=(*entry.aliases, f"{entry.id} treatment"))
            for entry in faq.entries
        )
    )
    matcher = Matcher(common)
    assert not matcher.names_subject(matcher.analyzer.terms("after treatment", correct=False))
    assert matcher.ask("Can I travel after radioactive iodine treatment?").answer is None
    unnamed = Matcher(common._replace(subject=""))
    assert unnamed.names_subject(unnamed.analyzer.terms("after treatment", correct=False))


def test_a_faq_without_an_overview_refuses_the_bare_subject() -> None:
    """Only an entry phrased as the bare subject ("what is lutathera") may answer it."""
    faq = load_faq()
    trimmed = faq._replace(
        entries=tuple(
            entry._replace(aliases=tuple(a for a in entry.aliases if a != "what is lutathera"))
            for entry in faq.entries
            if entry.id != "how-it-works"
        )
    )
    result = Matcher(trimmed).ask("lutathera")
    assert result.answer is None
    assert "names only the subject" in result.reason
    assert Matcher(faq).ask("lutathera").answer_id == "how-it-works"


@pytest.mark.parametrize(
    "question",
    [
        "I have a fever after my infusion what should I do",
        "I am bleeding and bruising",
        "flushing and wheezing after infusion",
        "my temperature is 38.5 two days after lutathera",
        "my gums keep bleeding since the PRRT",
        "I feel dizzy and my heart is racing after the treatment",
        "my lips are swollen and I have hives after the lu-177",
        "mum is confused and breathless after her lutate, do we call an ambulance",
        "I have had diarrhoea all day after my dose, should I call the ward",
        "who do I phone out of hours if I feel unwell after treatment",
        # Where it happened is not a question about going there (radiation-safety).
        "collapsed at the gym after lutathera",
        "felt faint on the school run after my PRRT yesterday",
        "fainted on the bus after my lutathera",
        "dad keeps vomiting and cant keep even water down since his lutetium",
        "husband hasnt been able to pee since his prrt on monday",
        "dad keeps wheezing two days after his prrt",
        "my heart is racing since the radioactive treatment",
        "dad is very drowsy and hard to wake since his lutathera",
        "i'm so weak i can't stand up, had prrt 4 days ago",
        "my flushing and diarrhoea flared up badly after my second cycle",
        "my poo is black since lutathera",
        "my wife keeps throwing up and looks really pale, had lutathera monday",
        "stomach pains so bad i can't sleep after my treatment",
        "mum hasn't eaten anything for three days since her lutathera",
        "my husband is slurring his words since his treatment yesterday",
    ],
)
def test_symptoms_after_treatment_reach_the_urgent_entry(matcher: Matcher, question: str) -> None:
    assert matcher.ask(question).answer_id == "urgent-symptoms"


@pytest.mark.parametrize(
    "question",
    [
        "so my husband finished his third lutate cycle on tuesday and tonight hes shivery with a "
        "temp of 38.4, hes saying its just a cold and wants to sleep it off, im not so sure",
        "sorry this is long. dad has had two rounds of the lu-177 and since the weekend his gums "
        "bleed when he brushes and he has bruises on his arms he cant explain, the clinic is shut",
        "mum went very lightheaded at the shops two days after her prrt and nearly passed out, "
        "she seems ok now sitting down but we dont know whether to bother anyone",
    ],
)
def test_a_long_post_naming_a_warning_sign_reaches_the_urgent_entry(
    matcher: Matcher, question: str
) -> None:
    result = matcher.ask(question)
    assert result.answer_id == "urgent-symptoms", result.reason


def test_a_warning_sign_nearly_as_close_as_the_best_entry_goes_to_the_urgent_entry() -> None:
    # Dizziness since the treatment reads much like what Lutathera is, but the person is
    # dizzy now: where to turn comes first when the urgent entry is within URGENT_LEAD.
    question = "dizzy every time i stand up since lutathera"
    faq = load_faq()
    best, second = Matcher(faq).rank(question)[:2]
    assert (best.entry.id, second.entry.id) == ("how-it-works", "urgent-symptoms")
    assert best.score - second.score <= URGENT_LEAD
    assert Matcher(faq).ask(question).answer_id == "urgent-symptoms"
    assert Matcher(faq, urgent_lead=0.0).ask(question).answer_id == "how-it-works"


def test_a_rash_after_the_infusion_is_not_read_as_how_it_is_given(matcher: Matcher) -> None:
    # "After my infusion" says when: read as "administer", it made how-given the closest.
    question = "a rash all over my chest the day after my infusion"
    assert matcher.rank(question)[0].entry.id == "urgent-symptoms"


def test_a_general_question_about_a_side_effect_stays_with_side_effects(matcher: Matcher) -> None:
    assert matcher.ask("what are the side effects of lutathera").answer_id == "side-effects"


def test_a_weak_match_naming_the_subject_is_answered_when_one_entry_leads_clearly() -> None:
    # tests/real/real-forum.toml: the story keeps the score under the threshold, but one
    # entry leads every other by CLEAR_LEAD.
    question = (
        "toilet advice after lutetium - the nurse said sit down to pee, flush twice, wash hands "
        "really well. how long do i have to keep all that up for? my husband thinks its a bit "
        "over the top"
    )
    faq = load_faq()
    result = Matcher(faq).ask(question)
    best, second = result.ranked[:2]
    assert best.score < THRESHOLD
    assert best.score - second.score >= CLEAR_LEAD
    assert result.answer_id == "radiation-safety"
    assert result.code == "answered"
    assert "leads all others clearly" in result.reason
    assert (
        Matcher(faq, clear_lead=math.inf, skip=frozenset({"examples"})).ask(question).answer is None
    )


def test_a_clear_lead_does_not_answer_a_question_not_naming_the_subject(matcher: Matcher) -> None:
    # Its best entry scores over CLEAR_FLOOR and leads by more than CLEAR_LEAD, but nothing
    # says it is about Lutathera: a question about something else.
    result = matcher.ask("when does the iphone patent expire")
    best, second = result.ranked[:2]
    assert best.score >= CLEAR_FLOOR
    assert best.score - second.score >= CLEAR_LEAD
    assert result.answer is None


def test_a_post_naming_nothing_else_is_answered_by_a_clear_lead() -> None:
    # Patients mid-course seldom name the treatment; the story's ordinary words keep every
    # score low, and one entry far ahead of the rest is the one the post asks for.
    post = (
        "got the train home after round one and felt guilty sat next to strangers tbh. "
        "should i have avoided the train?"
    )
    faq = load_faq()
    result = Matcher(faq).ask(post)
    assert result.answer_id == "radiation-safety"
    assert "names nothing else" in result.reason
    assert Matcher(faq, clear_lead=math.inf, skip=frozenset({"examples"})).ask(post).answer is None


@pytest.mark.parametrize(
    "post",
    [
        # A word the FAQ lacks right before "infusion" or "operation" names another treatment.
        "my son has his iron infusion on monday. will he need to stay in overnight?",
        "dad has his cataract operation on tuesday. can he drive home afterwards?",
        # A rare word names another subject; a short question has no story to read.
        "my wife is on keytruda for her melanoma. how long does the infusion take?",
        "first line treatment for strep throat",
    ],
)
def test_a_post_naming_something_else_gets_no_clear_lead(matcher: Matcher, post: str) -> None:
    assert matcher.ask(post).answer is None


def test_a_long_post_is_answered_by_its_question_sentence_alone() -> None:
    question = (
        "had a rough week with my brother, he is stubborn and will not rest. what is prrt? "
        "the consultant mentioned it on friday"
    )
    faq = load_faq()
    result = Matcher(faq).ask(question)
    assert result.answer_id == "how-it-works"
    assert result.reason == "confident match, for the question “what is prrt?”"
    # Without the sentences step nothing answers it, not even a clear lead (switched off).
    alone = Matcher(faq, skip=frozenset({"sentences"}), clear_lead=math.inf)
    assert alone.ask(question).answer is None


def test_a_post_naming_the_subject_and_asking_what_it_is_is_answered_by_what_it_is(
    matcher: Matcher,
) -> None:
    # "what it actually is" has no word of its own: in a post naming Lutathera it asks what
    # Lutathera is. A bare "why" about the post's story is not read as about the subject.
    question = (
        "dad's team brought up lutathera at clinic and we both just nodded along, too stunned "
        "to take any of it in. could someone tell me what it actually is?"
    )
    result = matcher.ask(question)
    assert result.answer_id == "how-it-works"
    assert result.reason.endswith("for the question “could someone tell me what it actually is?”")
    story = (
        "had cycle 2 of lutathera on monday and they gave me a jab of octreotide as I left, "
        "then a leaflet I never got to read. why do they do that?"
    )
    assert matcher.ask(story).answer_id != "how-it-works"


@pytest.mark.parametrize(
    "question",
    [
        "my wife is on keytruda for her melanoma. how long does the infusion take?",
        "had my flu jab this morning. can i be around my pregnant sister?",
        "the boiler packed in again last night. how much does it cost to fix?",
    ],
)
def test_a_post_about_something_else_is_not_answered_by_its_question_sentence(
    matcher: Matcher, question: str
) -> None:
    # Its story's words are what say it is about something else (tests/real/lookalike-posts).
    assert matcher.ask(question).answer is None


def test_a_post_naming_another_medicine_is_refused_whatever_its_sentences_ask(
    matcher: Matcher,
) -> None:
    question = "my husband is on pluvicto for his prostate. how long does the infusion take?"
    assert matcher.ask(question).code == "other_subject"


def test_the_warning_signs_are_the_urgent_entrys_own_synonym_groups(matcher: Matcher) -> None:
    # docs/matching.md names them; plain words of the entry ("new", "skin") are no signs.
    signs = {matcher.analyzer.label(term) for term in matcher.warning_signs("urgent-symptoms")}
    assert signs == {
        "allergic reaction",
        "bleeding",
        "breathless",
        "emergency",
        "faint",
        "fever",
        "little urine",
    }


@pytest.mark.parametrize(
    "question", ["how many legs does a spider have", "my cat keeps sneezing at night"]
)
def test_an_english_word_is_not_a_warning_sign_by_a_typo(matcher: Matcher, question: str) -> None:
    assert matcher.ask(question).answer is None


def test_who_asks_and_filler_are_recognised_as_written_not_as_stems() -> None:
    # Snowball folds "reported" like "reporter", and "current" like "currently".
    assert stem("reported") in phrase_key("patient reported outcomes")
    analyzer = Analyzer(["current patent status"], {})
    assert [term for term, _ in _read(analyzer, "current patents")] == ["current", "patent"]
    assert [term for term, _ in _read(analyzer, "currently patents")] == ["patent"]


def test_an_urgent_entry_is_answered_on_weaker_evidence() -> None:
    plain = parse_faq(SMALL_FAQ)
    urgent = parse_faq(SMALL_FAQ.replace('id = "pruning"', 'id = "pruning"\nurgent = true'))
    assert urgent.find("pruning").urgent  # type: ignore[union-attr]  # the id is in the file
    question = "my roses look wilted and yellow, when should I prune them back now"
    weak = Matcher(plain).rank(question)[0]
    assert weak.entry.id == "pruning"
    assert Matcher(plain, threshold=weak.score + 1).ask(question).answer is None
    answered = Matcher(urgent, threshold=weak.score + 1, urgent_threshold=weak.score - 1)
    assert answered.ask(question).answer_id == "pruning"


@pytest.mark.parametrize(
    ("typed", "read_as"),
    [("house", None), ("planet", None), ("lutathera", "lutathera"), ("efects", "effects")],
)
def test_common_english_words_are_never_corrected(
    matcher: Matcher, typed: str, read_as: str | None
) -> None:
    (term,) = matcher.analyzer.terms(typed, correct=True)
    if read_as is None:
        assert term.how == "unknown"
    else:
        assert [term.term] == [t.term for t in matcher.analyzer.terms(read_as, correct=False)]


def test_ordinary_words_weigh_less_than_unknown_names(matcher: Matcher) -> None:
    common = matcher.rank("side effects tonight")[0]
    rare = matcher.rank("side effects zyxolimab")[0]
    assert common.entry.id == rare.entry.id == "side-effects"
    assert common.score > rare.score


@pytest.mark.parametrize(
    "question", ["How does lutetium-177 dotatate work?", "how does lutetium 177 octreotate work"]
)
def test_a_name_in_two_parts_still_composes_with_the_words_around_it(
    matcher: Matcher, question: str
) -> None:
    # "lutetium-177" and "dotatate" are each a name of the treatment; side by side they are one.
    assert matcher.ask(question).answer_id == "how-it-works"
