"""The labelled question sets: what scripts/tune.py tunes on, named once."""

from __future__ import annotations

from tests.support import REPO, SHARED

SETS = [
    REPO / "tests" / "questions.toml",
    REPO / "tests" / "tuning.toml",
    *sorted((REPO / "tests" / "real").glob("*.toml")),
    SHARED / "eval" / "public.toml",
    SHARED / "eval" / "real-dev.toml",
]
"""Every labelled set, in the order the tuner reports them. Those under ../shared may be absent
(a checkout without shared/ beside it); those in the repository never are."""
