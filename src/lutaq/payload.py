"""The JSON shapes lutaq prints with --json: a stable interface, documented in the README.

Plain dicts and lists only, so the JSON path never imports Rich.
"""

from __future__ import annotations

import json
import re
import sys
from typing import TYPE_CHECKING, Any, TextIO

from lutaq.faq import Entry, Faq
from lutaq.layout import EXPLAINED

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lutaq.clashes import Clash
    from lutaq.evaluate import Outcome, Report
    from lutaq.faq import Problem
    from lutaq.match import Match, Matcher, Result

JsonObject = dict[str, Any]

SCHEMA = 2
"""The version of the JSON objects below (docs/json.md): raised whenever a key changes meaning
or goes away; new keys may be added within a version. 2: answered, reason codes, disclaimer."""


def entry_payload(faq: Faq, entry: Entry | None) -> JsonObject:
    """`lutaq show --json`: an entry in full, or nulls when there is none; always the disclaimer."""
    if entry is None:
        return {
            "schema": SCHEMA,
            "id": None,
            "question": None,
            "answer": None,
            "figures": [],
            "sources": [],
            "alternatives": [],
            "disclaimer": faq.disclaimer,
        }
    return {
        "schema": SCHEMA,
        "id": entry.id,
        "question": entry.question,
        "answer": "\n\n".join(entry.paragraphs),
        "figures": [{"text": figure.text, "source": figure.source} for figure in entry.figures],
        "sources": [
            {"id": source.id, "title": source.title, "url": source.url}
            for source in faq.sources_of(entry)
        ],
        "alternatives": [],
        "disclaimer": faq.disclaimer,
    }


def answer_payload(faq: Faq, result: Result, alternatives: tuple[Match, ...]) -> JsonObject:
    """`lutaq ask --json`: the answer (or nulls), its score, the runners-up, and the disclaimer.

    A refusal also carries the FAQ's refusal line (null when answered, or when the FAQ has none).
    """
    best = result.answer or (result.ranked[0] if result.ranked else None)
    entry = result.answer.entry if result.answer is not None else None
    payload = {"query": result.query, **entry_payload(faq, entry)}
    payload["score"] = best.score if best is not None else 0.0
    payload["alternatives"] = [
        {"id": match.entry.id, "question": match.entry.question, "score": match.score}
        for match in alternatives
    ]
    payload["refusal"] = (faq.refusal or None) if entry is None else None
    payload["not_about"] = result.other.name if result.other is not None else None
    payload["schema"] = SCHEMA
    payload["answered"] = result.answer is not None
    payload["reason"] = result.code
    payload["reason_text"] = result.reason
    payload["match"] = result.strength if result.answer is not None else None
    keys = (
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
    )
    return {key: payload[key] for key in keys}


def list_payload(faq: Faq) -> list[JsonObject]:
    """`lutaq list --json`."""
    return [{"id": entry.id, "question": entry.question} for entry in faq.entries]


def sources_payload(faq: Faq) -> list[JsonObject]:
    """`lutaq sources --json`."""
    citations = faq.citations()
    return [
        {"id": s.id, "title": s.title, "url": s.url, "cited_by": list(citations[s.id])}
        for s in faq.sources.values()
    ]


# What json.dumps leaves as it is when it keeps non-ASCII text, but should not be: C1 controls,
# bidi overrides (a terminal may act on them), lone surrogates (from undecodable arguments),
# and the line and paragraph separators that str.splitlines() and JavaScript split lines on.
_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _ascii_only(stream: TextIO) -> bool:
    """Whether non-ASCII must be escaped: the stream cannot encode every character."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
    return encoding not in ("utf8", "utf8sig", "utf16", "utf32")


def _escape_unsafe(text: str) -> str:
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def write_json(data: object, *, stream: TextIO | None = None, compact: bool = False) -> None:
    """One JSON document; escapes non-ASCII only when the stream cannot encode it."""
    stream = stream if stream is not None else sys.stdout
    ensure_ascii = _ascii_only(stream)
    if compact:
        text = json.dumps(data, ensure_ascii=ensure_ascii, separators=(",", ":"))
    else:
        text = json.dumps(data, ensure_ascii=ensure_ascii, indent=2)
    if not ensure_ascii:
        text = _escape_unsafe(text)
    stream.write(text + "\n")


class AnswerLines:
    """`ask --json -`: each answer_payload as one compact line, exactly as write_json writes it.

    Most of a line is the entry's answer, figures and sources, the same for every question
    it answers: each entry's part is encoded once and joined with the question's own values.
    (Escaping applies to single characters, so escaping the parts equals escaping the whole.)
    """

    def __init__(self, faq: Faq, stream: TextIO | None = None) -> None:
        self.faq = faq
        self.stream = stream if stream is not None else sys.stdout
        self._ascii = _ascii_only(self.stream)
        # What json.dumps(value, ensure_ascii=..., separators=...) builds for every call.
        self._dumps = json.JSONEncoder(ensure_ascii=self._ascii, separators=(",", ":")).encode
        self._entries: dict[int, tuple[Entry | None, str, str]] = {}
        self._alternatives: dict[int, tuple[Entry, str]] = {}
        self._disclaimer = self._encode(faq.disclaimer)
        self._refusal = self._encode(faq.refusal or None)

    def _encode(self, value: object) -> str:
        text = self._dumps(value)
        return text if self._ascii else _escape_unsafe(text)

    def _number(self, value: object) -> str:
        if type(value) is float and value - value == 0.0:  # finite: json writes its repr
            return float.__repr__(value)
        return self._encode(value)

    def _entry(self, entry: Entry | None) -> tuple[str, str]:
        """The entry's id, question, answer and figures, and its sources, encoded."""
        cached = self._entries.get(id(entry))
        if cached is None or cached[0] is not entry:
            full = entry_payload(self.faq, entry)
            head = ",".join(
                f'"{key}":{self._encode(full[key])}'
                for key in ("id", "question", "answer", "figures")
            )
            cached = self._entries[id(entry)] = (entry, head, self._encode(full["sources"]))
        return cached[1], cached[2]

    def _alternative(self, match: Match) -> str:
        entry = match.entry
        cached = self._alternatives.get(id(entry))
        if cached is None or cached[0] is not entry:
            head = f'{{"id":{self._encode(entry.id)},"question":{self._encode(entry.question)},'
            cached = self._alternatives[id(entry)] = (entry, head)
        return f'{cached[1]}"score":{self._number(match.score)}}}'

    def line(self, result: Result, alternatives: tuple[Match, ...]) -> str:
        """The text write_json(answer_payload(...), compact=True) writes, newline included."""
        best = result.answer or (result.ranked[0] if result.ranked else None)
        entry = result.answer.entry if result.answer is not None else None
        head, sources = self._entry(entry)
        encode = self._encode
        return (
            f'{{"schema":{SCHEMA},"query":{encode(result.query)},'
            f'"answered":{"true" if entry is not None else "false"},'
            f'"reason":{encode(result.code)},"reason_text":{encode(result.reason)},{head},'
            f'"score":{self._number(best.score if best is not None else 0.0)},'
            f'"match":{encode(result.strength) if entry is not None else "null"},'
            f'"sources":{sources},'
            f'"alternatives":[{",".join(self._alternative(match) for match in alternatives)}],'
            f'"disclaimer":{self._disclaimer},'
            f'"refusal":{self._refusal if entry is None else "null"},'
            f'"not_about":{encode(result.other.name) if result.other is not None else "null"}}}\n'
        )

    def write(self, result: Result, alternatives: tuple[Match, ...]) -> None:
        self.stream.write(self.line(result, alternatives))


def explain_payload(matcher: Matcher, result: Result) -> JsonObject:
    """`ask --explain --json`: the same breakdown as the text, for tools."""
    shown = result.leaders(EXPLAINED)
    words = shown[0].words if shown else ()
    return {
        "threshold": matcher.threshold,
        "margin": matcher.margin,
        "reason": result.reason,
        "words": [
            {
                "typed": word.term.typed,
                "term": matcher.analyzer.label(word.term.term)
                if word.term.how != "unknown"
                else None,
                "how": word.term.how,
                "weight": round(word.weight, 3),
            }
            for word in words
        ],
        "entries": [
            {
                "id": match.entry.id,
                "score": match.score,
                "coverage": round(match.coverage, 3),
                "completeness": round(match.completeness, 3),
                "phrasing": match.phrasing,
                "matched": [round(word.matched, 3) for word in match.words],
            }
            for match in shown
        ],
    }


def report_payload(report: Report, origin: str) -> JsonObject:
    """`lutaq eval --json`."""
    return {
        "schema": SCHEMA,
        "file": origin,
        "groups": {
            group: {"right": right, "total": total, "accuracy": round(right / total, 4)}
            for group, (right, total) in report.groups().items()
        },
        "mrr": round(report.mrr(), 4),
        "misses": [
            {
                "q": outcome.case.question,
                "expect": list(outcome.case.expect),
                "got": outcome.result.answer_id,
                "reason": outcome.result.reason,
                "ranked": [
                    {"id": match.entry.id, "score": match.score}
                    for match in outcome.result.leaders(EXPLAINED)
                ],
            }
            for outcome in report.misses
        ],
    }


def validation_payload(
    origin: str,
    faq: Faq | None,
    problems: Sequence[Problem],
    unreached: Sequence[Outcome],
    read_alike: Sequence[Clash] = (),
    phrasings_checked: int | None = None,
) -> JsonObject:
    """`lutaq validate --json`: counts when usable, else every problem with where it is.

    Phrases read alike are a key of their own, `clashes`, not items of `warnings`: those
    items have their own keys (entry, phrasing, got), which a reader of schema 2 relies on.
    """
    return {
        "schema": SCHEMA,
        "file": origin,
        "valid": faq is not None,
        "entries": len(faq.entries) if faq is not None else None,
        "sources": len(faq.sources) if faq is not None else None,
        "synonyms": len(faq.synonyms) if faq is not None else None,
        "examples": len(faq.examples) if faq is not None else None,
        "problems": [{"where": problem.where, "message": problem.message} for problem in problems],
        "phrasings_checked": phrasings_checked,
        "warnings": [
            {
                "entry": outcome.case.expect[0],
                "phrasing": outcome.case.question,
                "got": outcome.result.answer_id,
                "reason": outcome.result.reason,
            }
            for outcome in unreached
        ],
        "clashes": [{"where": clash.where, "message": clash.message} for clash in read_alike],
    }
