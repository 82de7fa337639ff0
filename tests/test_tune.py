"""scripts/tune.py models Matcher.ask's decision from rankings: the model must be the matcher.

The tuner ranks each question once and then tries every threshold and margin on the rankings,
so it restates the decision rule (thresholds, warning signs, question sentences). If the two
drift apart, the tuner picks constants for a matcher that does not exist.
"""

from __future__ import annotations

import importlib.util
from types import ModuleType

from lutaq.evaluate import evaluate, load_cases
from lutaq.faq import load_faq
from lutaq.match import MARGIN, THRESHOLD, Matcher
from tests.support import REPO


def _tune() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tune", REPO / "scripts" / "tune.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_tuners_model_of_the_decision_gives_the_matchers_answers() -> None:
    tune = _tune()
    faq = load_faq()
    matcher = Matcher(faq)
    # Forum posts (question sentences), symptoms (warning signs) and questions to refuse.
    paths = [REPO / "tests" / "real" / name for name in ("real-forum.toml", "symptoms.toml")]
    paths.append(REPO / "tests" / "questions.toml")
    sets = {
        path.name: [(c.question, c.expect, c.group) for c in load_cases(path, faq)]
        for path in paths
    }
    modelled = tune.accuracy(tune.ranked(matcher, sets), THRESHOLD, MARGIN)
    for path in paths:
        for group, (right, total) in evaluate(matcher, load_cases(path, faq)).groups().items():
            assert modelled[path.name, group] == right / total, (path.name, group)
