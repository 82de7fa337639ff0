"""Paths and documents the tests share."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "lutathera-success.txt"

SMALL_FAQ = """\
[meta]
title = "Garden FAQ"
disclaimer = "Gardening tips only."

[sources.rhs]
title = "Royal Horticultural Society: watering"
url = "https://www.rhs.org.uk/garden-jobs/watering"

[[entry]]
id = "watering"
question = "How often should I water tomatoes?"
answer = '''
Water tomatoes regularly.

Mulch helps keep the soil moist.
'''
sources = ["rhs"]
aliases = ["tomato watering"]

[[entry]]
id = "pruning"
question = "When should I prune roses?"
answer = "Prune roses in late winter."
sources = ["rhs"]
"""
FACTS = SHARED / "content" / "verified-facts.md"
