"""The FAQ model, and loading it from a TOML file with every problem reported at once.

The file format is a public interface (README, "Bring your own FAQ"): other people write
these files, so validation explains each problem with where it is, instead of failing on
the first one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple, NoReturn

from lutaq.spelling import spelling

BUNDLED_NAME = "faq.toml"
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""An id, matched whole (`fullmatch`): "abc\n" is not an id, though `$` would let it be."""

MAX_FILE_BYTES = 8 * 1024 * 1024
"""The largest FAQ or question file lutaq reads (the bundled FAQ is under 100 kB)."""

SHOWN_PROBLEMS = 50
"""How many problems of a file are listed; the rest are counted."""
DEFAULT_DISCLAIMER = "General information, not medical advice. Ask your care team."

_TOP_KEYS = frozenset({"meta", "sources", "entry", "synonyms", "not_about"})
_META_KEYS = frozenset({"title", "disclaimer", "refusal", "subject"})
_NEIGHBOUR_KEYS = frozenset({"name", "kind", "phrases", "unless"})
_SOURCE_KEYS = frozenset({"title", "url"})
_ENTRY_KEYS = frozenset({"id", "question", "answer", "sources", "aliases", "figures", "urgent"})
_FIGURE_KEYS = frozenset({"text", "source"})


class Source(NamedTuple):
    """A citable document: what an answer's statements rest on."""

    id: str
    title: str
    url: str


class Figure(NamedTuple):
    """A key figure: one number-bearing statement and the one source that gives it."""

    text: str
    source: str


class Neighbour(NamedTuple):
    """A subject the FAQ is not about, though questions about it share the FAQ's words.

    "Pluvicto side effects" is about another medicine: it gets a refusal that says so, not
    Lutathera's side effects.
    """

    name: str
    phrases: tuple[str, ...]
    kind: str = "subject"
    unless: tuple[str, ...] = ()
    """Phrases that tie a question back to the FAQ's subject though it names this neighbour:
    "do I stop my octreotide before the infusion" is about Lutathera, "octreotide side
    effects" is not."""


class Entry(NamedTuple):
    """One question and its answer, with the sources it cites."""

    id: str
    question: str
    answer: str
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    urgent: bool = False
    """Where to turn when unwell: answered on weaker evidence, since silence costs more."""

    @property
    def cited(self) -> tuple[str, ...]:
        """Every source id the entry rests on: the answer's, then its figures', once each."""
        return tuple(dict.fromkeys((*self.sources, *(figure.source for figure in self.figures))))

    @property
    def phrasings(self) -> tuple[str, ...]:
        """Every way of asking this entry's question that the matcher compares against."""
        return (self.question, *self.aliases)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The answer as paragraphs: single line breaks are spaces, blank lines separate."""
        blocks = re.split(r"\n\s*\n", self.answer.strip())
        return tuple(" ".join(block.split()) for block in blocks if block.strip())


class Example(NamedTuple):
    """A question someone asked in their own words, and the entries that answer it (none:
    it is about something else). From the labelled set `origin`: when that set is measured,
    its own examples are left out (Matcher.ask's leave_out)."""

    question: str
    answers: tuple[str, ...]
    origin: str = ""


class Faq(NamedTuple):
    """A validated FAQ: entries in file order, sources by id."""

    entries: tuple[Entry, ...]
    sources: Mapping[str, Source]
    title: str = "FAQ"
    disclaimer: str = DEFAULT_DISCLAIMER
    origin: str = ""
    synonyms: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    refusal: str = ""
    """A line shown with every refusal (for the bundled FAQ: where to turn if you feel unwell)."""
    subject: str = ""
    """What the FAQ is about, as refusals name it ("Lutathera"); the title when not given."""
    not_about: tuple[Neighbour, ...] = ()
    """Subjects it is not about, which questions may confuse with it."""
    examples: tuple[Example, ...] = ()
    """Labelled questions from the examples file beside it (examples.py), if it has one. A
    prepared matcher from the cache has none here: it keeps only what their vote needs."""

    @property
    def about(self) -> str:
        return self.subject or self.title

    def find(self, key: str) -> Entry | None:
        """An entry by id, or by its 1-based number as `lutaq list` shows it."""
        key = key.strip()
        for entry in self.entries:
            if entry.id == key:
                return entry
        # len() first: int() of a 5,000-digit string is refused by Python (and slow).
        if key.isascii() and key.isdigit() and len(key) <= 9 and 1 <= int(key) <= len(self.entries):
            return self.entries[int(key) - 1]
        return None

    def sources_of(self, entry: Entry) -> tuple[Source, ...]:
        """The sources an entry cites, in the order it cites them."""
        return tuple(self.sources[sid] for sid in entry.cited)

    def cited_by(self, source_id: str) -> tuple[str, ...]:
        """Ids of the entries citing a source, in file order."""
        return self.citations().get(source_id, ())

    def citations(self) -> dict[str, tuple[str, ...]]:
        """Every source id with the entries citing it, in one pass over the entries (`lutaq
        sources` of 5,000 sources x 5,000 entries took 16 s asking source by source)."""
        citing: dict[str, list[str]] = {source_id: [] for source_id in self.sources}
        for entry in self.entries:
            for source_id in entry.cited:
                citing.setdefault(source_id, []).append(entry.id)
        return {source_id: tuple(ids) for source_id, ids in citing.items()}


class Problem(NamedTuple):
    """One thing wrong with a FAQ file, and where it is."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class FaqError(Exception):
    """A FAQ file that cannot be used; carries every problem found in it."""

    def __init__(self, origin: str, problems: list[Problem]) -> None:
        self.origin = origin
        self.problems = tuple(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{origin}: {count} {noun} in the FAQ file")


def bundled_path() -> Path:
    """Where the FAQ shipped inside the package is (also the checkout's data/faq.toml)."""
    return Path(__file__).parent / "data" / BUNDLED_NAME


def load_faq(path: Path | None = None, *, examples: bool = True) -> Faq:
    """Read and validate a FAQ file, and its examples file if it has one (examples.py); the
    bundled one when no path is given. Without `examples` for what only shows entries
    (`list`, `show`): their file is the larger, and answers only questions."""
    path = bundled_path() if path is None else path
    faq = parse_faq(decode_faq(read_faq_bytes(path), str(path)), origin=str(path))
    if not examples:
        return faq
    from lutaq.examples import read_examples, with_examples  # they read this module's model

    return with_examples(faq, path, read_examples(path))


def read_faq_bytes(path: Path) -> bytes:
    """The file's bytes, or a FaqError that says in plain words why it can't be read.

    Only a regular file, or a pipe (`--faq /dev/stdin`, `<(...)`), and at most MAX_FILE_BYTES
    of it: a device (/dev/zero) would be read for ever, and a FIFO is opened without waiting
    for a writer, so one that nobody writes to reads as empty instead of hanging.
    """
    import stat

    origin = str(path)

    def fail(message: str) -> NoReturn:
        raise FaqError(origin, [Problem(origin, message)]) from None

    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        fail("no such file")
    except IsADirectoryError:
        fail("is a directory, not a FAQ file")
    except PermissionError:
        fail("permission denied")
    except OSError as error:
        fail(error.strerror or str(error))
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            fail("is a directory, not a FAQ file")
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            fail("is not a regular file (a device or socket cannot be read as one)")
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)  # a pipe with a writer is waited for, as cat does
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        fail(error.strerror or str(error))
    finally:
        os.close(descriptor)
    if len(data) > MAX_FILE_BYTES:
        fail(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB, the most lutaq reads")
    return data


def decode_faq(data: bytes, origin: str) -> str:
    """UTF-8 text (a byte-order mark allowed), or a FaqError pointing at the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = f"not UTF-8 text (byte 0x{data[error.start]:02x})"
        raise FaqError(origin, [Problem(f"{origin}:{line}", message)]) from None


def parse_faq(text: str, origin: str = "<faq>") -> Faq:
    """Validate a FAQ document; raise FaqError listing every problem."""
    if not text.strip():
        raise FaqError(origin, [Problem(origin, "the file is empty")])
    document = load_toml(text, origin)
    checker = _Checker(origin, _Lines(text))
    faq = checker.check(document)
    if checker.problems or faq is None:
        raise FaqError(origin, checker.problems)
    return faq


def load_toml(text: str, origin: str) -> dict[str, Any]:
    """A TOML document, or a FaqError: also for what tomllib refuses by raising other errors."""
    import tomllib  # here, not above: a cached FAQ (cache.py) is never parsed

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = f"not valid TOML: {error}"
    except RecursionError:
        message = "not valid TOML here: arrays or tables nested too deeply"
    except ValueError:  # Python refuses integers of more than 4,300 digits
        message = "not valid TOML here: a number too long to read"
    raise FaqError(origin, [Problem(origin, message)]) from None


class _Lines:
    """Line numbers of the tables in a FAQ file, so problems can point at them."""

    _ENTRY = re.compile(r"^\s*\[\[\s*entry\s*\]\]")
    _FIGURE = re.compile(r"^\s*\[\[\s*entry\s*\.\s*figures\s*\]\]")
    _SOURCE = re.compile(r"""^\s*\[\s*sources\s*\.\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*\]""")
    _META = re.compile(r"^\s*\[\s*meta\s*\]")
    _SYNONYMS = re.compile(r"^\s*\[\s*synonyms\s*\]")
    _NEIGHBOUR = re.compile(r"^\s*\[\[\s*not_about\s*\]\]")

    def __init__(self, text: str) -> None:
        self.text = text.splitlines()
        self.entries: list[int] = []
        self.figures: dict[int, list[int]] = {}
        self.sources: dict[str, int] = {}
        self.meta: int | None = None
        self.synonyms: int | None = None
        self.neighbours: list[int] = []
        self._keys: dict[int, dict[str, int]] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if self._NEIGHBOUR.match(line):
                self.neighbours.append(number)
            elif self._ENTRY.match(line):
                self.entries.append(number)
            elif self._FIGURE.match(line) and self.entries:
                self.figures.setdefault(len(self.entries) - 1, []).append(number)
            elif match := self._SOURCE.match(line):
                name = next(group for group in match.groups() if group is not None)
                self.sources.setdefault(name, number)
            elif self._META.match(line):
                self.meta = number
            elif self._SYNONYMS.match(line):
                self.synonyms = number

    def neighbour(self, index: int) -> int | None:
        return self.neighbours[index] if index < len(self.neighbours) else None

    def entry(self, index: int) -> int | None:
        return self.entries[index] if index < len(self.entries) else None

    def figure(self, entry: int, index: int) -> int | None:
        """The header line of an entry's figure, or its `figures =` line when written inline."""
        headers = self.figures.get(entry, [])
        if index < len(headers):
            return headers[index]
        return self.key(self.entry(entry), "figures")

    _KEY = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=""")

    def key(self, table: int | None, key: str) -> int | None:
        """The line of `key = ...` in the table whose header is on line `table`.

        Each table's keys are found in one pass and kept: a [synonyms] table of 16,000 groups
        used to be scanned again for every group.
        """
        if table is None:
            return None
        keys = self._keys.get(table)
        if keys is None:
            keys = self._keys[table] = {}
            for number in range(table + 1, len(self.text) + 1):
                line = self.text[number - 1]
                if line.lstrip().startswith("["):
                    break
                if found := self._KEY.match(line):
                    name = next(group for group in found.groups() if group is not None)
                    keys.setdefault(name, number)
        return keys.get(key, table)


class _Checker:
    """Walks a parsed document, collecting problems instead of stopping at the first."""

    def __init__(self, origin: str, lines: _Lines) -> None:
        self.origin = origin
        self.lines = lines
        self.problems: list[Problem] = []
        self.declared: set[str] = set()
        self.cited: set[str] = set()

    def _known(self) -> str:
        """The defined source ids for a message: a few, then how many more (a file citing
        8,000 unknown sources must not print every id 8,000 times)."""
        known = sorted(self.declared)
        if len(known) > 8:
            return ", ".join(known[:8]) + f" and {len(known) - 8:,} more"
        return ", ".join(known) or "none"

    def add(self, line: int | None, where: str, message: str) -> None:
        place = f"{self.origin}:{line}" if line else self.origin
        self.problems.append(Problem(f"{place}: {where}" if where else place, message))

    def check(self, document: dict[str, Any]) -> Faq | None:
        for key in sorted(set(document) - _TOP_KEYS):
            expected = "expected meta, sources, entry, synonyms, not_about"
            self.add(None, key, f"unknown top-level key ({expected})")
        title, disclaimer, refusal, subject = self._meta(document.get("meta", {}))
        neighbours = self._neighbours(document.get("not_about", []))
        sources = self._sources(document.get("sources"))
        entries = self._entries(document.get("entry"), sources)
        synonyms = self._synonyms(document.get("synonyms", {}))
        if entries is not None and sources is not None:
            for sid in sources:
                if sid not in self.cited:
                    self.add(self.lines.sources.get(sid), f"sources.{sid}", "no entry cites it")
        if self.problems or entries is None or sources is None:
            return None
        return Faq(
            entries=tuple(entries),
            sources=sources,
            title=title,
            disclaimer=disclaimer,
            origin=self.origin,
            synonyms=synonyms,
            refusal=refusal,
            subject=subject,
            not_about=tuple(neighbours),
        )

    def _neighbours(self, table: object) -> list[Neighbour]:
        where = "not_about"
        if not isinstance(table, list) or not all(isinstance(item, dict) for item in table):
            message = "must be an array of tables: [[not_about]] with name and phrases"
            self.add(self.lines.neighbour(0), where, message)
            return []
        neighbours: list[Neighbour] = []
        owner: dict[str, str] = {}
        expected = "unknown key (expected " + ", ".join(sorted(_NEIGHBOUR_KEYS)) + ")"
        for number, body in enumerate(table, start=1):
            line = self.lines.neighbour(number - 1)
            place = f"{where}[{number}]"
            for key in sorted(set(body) - _NEIGHBOUR_KEYS):
                self.add(line, f"{place}.{key}", expected)
            name = self._text(body, "name", line, place)
            kind = self._text(body, "kind", line, place, required=False) or "subject"
            phrases = self._phrases(body, "phrases", line, place)
            unless = self._phrases(body, "unless", line, place)
            if phrases is None:
                continue
            for phrase in phrases:
                first = owner.setdefault(spelling(phrase), name or place)
                if first != (name or place):
                    message = f"{phrase!r} already names {first!r}"
                    self.add(self.lines.key(line, "phrases"), f"{place}.phrases", message)
            if unless is None:
                continue
            # A phrase in both lists would tie every question naming the neighbour back to
            # the FAQ: the neighbour could never refuse anything.
            own = {spelling(phrase) for phrase in phrases}
            for phrase in unless:
                if spelling(phrase) in own:
                    message = f"{phrase!r} is also one of its phrases, so it would refuse nothing"
                    self.add(self.lines.key(line, "unless"), f"{place}.unless", message)
            if name is not None:
                neighbours.append(Neighbour(name, tuple(phrases), kind, tuple(unless)))
        return neighbours

    def _phrases(
        self, body: dict[str, Any], key: str, line: int | None, place: str
    ) -> list[str] | None:
        """A neighbour's `phrases` or `unless`: a list of strings, each with a word in it.

        `phrases` is required and lists at least one; `unless` may be absent or empty, and may
        not list a phrase twice (a rule `phrases` never had: adding it would make valid files
        invalid).
        """
        value = body.get(key)
        required = key == "phrases"
        line = self.lines.key(line, key)
        where = f"{place}.{key}"
        if value is None:
            if required:
                self.add(line, where, "missing: list the words that name it")
                return None
            return []
        if not isinstance(value, list):
            self.add(line, where, f"must be a list of strings, not {_kind(value)}")
            return None
        for number, item in enumerate(value, start=1):
            if not isinstance(item, str):
                self.add(line, where, f"must be a list of strings; item {number} is {_kind(item)}")
                return None
        if (required and not value) or any(not spelling(item) for item in value):
            message = "each phrase must have a word in it"
            if required:
                message = "must list at least one phrase, each with a word in it"
            self.add(line, where, message)
            return None
        if not required:
            seen: set[str] = set()
            for item in value:
                if spelling(item) in seen:
                    self.add(line, where, f"lists {item!r} twice")
                seen.add(spelling(item))
        return list(value)

    def _synonyms(self, table: object) -> dict[str, tuple[str, ...]]:
        header = self.lines.synonyms
        if not isinstance(table, dict):
            self.add(header, "synonyms", 'must be a table: [synonyms] with term = ["variant", ...]')
            return {}
        # Spelled alike, not read alike: phrases that only the matcher's stemming makes one
        # ("my roses", "rose") are validate's warnings (clashes.py), so that a valid file
        # stays valid whatever the matcher's word endings do.
        groups: dict[str, tuple[str, ...]] = {}
        owner: dict[str, str] = {}
        for term, variants in table.items():
            line = self.lines.key(header, term)
            where = f"synonyms.{term}"
            if not spelling(term):
                self.add(line, where, "the term must contain a word")
                continue
            if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
                self.add(line, where, f"must be a list of strings, not {_kind(variants)}")
                continue
            if not variants or any(not spelling(variant) for variant in variants):
                self.add(line, where, "must list at least one variant, each with a word in it")
                continue
            for phrase in (term, *variants):
                first = owner.setdefault(spelling(phrase), term)
                if first != term:
                    self.add(line, where, f"{phrase!r} is already a synonym of {first!r}")
            groups[term] = tuple(variants)
        return groups

    def _meta(self, meta: object) -> tuple[str, str, str, str]:
        title, disclaimer = "FAQ", DEFAULT_DISCLAIMER
        line = self.lines.meta
        if not isinstance(meta, dict):
            self.add(line, "meta", "must be a table")
            return title, disclaimer, "", ""
        for key in sorted(set(meta) - _META_KEYS):
            expected = "expected title, subject, disclaimer, refusal"
            self.add(line, f"meta.{key}", f"unknown key ({expected})")
        title = self._text(meta, "title", line, "meta", required=False) or title
        disclaimer = self._text(meta, "disclaimer", line, "meta", required=False) or disclaimer
        refusal = self._text(meta, "refusal", line, "meta", required=False) or ""
        subject = self._text(meta, "subject", line, "meta", required=False) or ""
        return title, disclaimer, refusal, subject

    def _sources(self, table: object) -> dict[str, Source] | None:
        if table is None or table == {}:
            self.add(None, "sources", "missing: define at least one [sources.<id>] table")
            return None
        if not isinstance(table, dict):
            self.add(None, "sources", "must be tables: [sources.<id>] with title and url")
            return None
        sources: dict[str, Source] = {}
        self.declared.update(table)
        for sid, body in table.items():
            line = self.lines.sources.get(sid)
            where = f"sources.{sid}"
            if not ID_PATTERN.fullmatch(sid):
                self.add(line, where, "id must be lowercase letters, digits and single hyphens")
            if not isinstance(body, dict):
                self.add(line, where, "must be a table with title and url")
                continue
            for key in sorted(set(body) - _SOURCE_KEYS):
                self.add(line, f"{where}.{key}", "unknown key (expected title, url)")
            title = self._text(body, "title", line, where)
            url = self._text(body, "url", line, where)
            if url is not None and not _is_web_url(url):
                message = f"must be an http:// or https:// URL, got {url!r}"
                self.add(self.lines.key(line, "url"), f"{where}.url", message)
                url = None
            if title is not None and url is not None:
                sources[sid] = Source(id=sid, title=title, url=url)
        return sources

    def _entries(self, table: object, sources: dict[str, Source] | None) -> list[Entry] | None:
        if table is None or table == []:
            self.add(None, "entry", "missing: add at least one [[entry]] table")
            return None
        if not isinstance(table, list) or not all(isinstance(item, dict) for item in table):
            self.add(None, "entry", "must be an array of tables: [[entry]]")
            return None
        entries: list[Entry] = []
        seen_ids: dict[str, int] = {}
        seen_phrasings: dict[str, str] = {}
        for index, body in enumerate(table):
            line = self.lines.entry(index)
            raw_id = body.get("id")
            if isinstance(raw_id, str) and raw_id:
                if raw_id in seen_ids:
                    message = f"duplicate id (entry #{seen_ids[raw_id]} has it)"
                    self.add(line, f"entry {raw_id!r}", message)
                seen_ids.setdefault(raw_id, index + 1)
            entry = self._entry(index, body, sources)
            if entry is None:
                continue
            for phrasing in entry.phrasings:
                key = spelling(phrasing)
                owner = seen_phrasings.setdefault(key, entry.id)
                if owner != entry.id:
                    message = f"{phrasing!r} is also a phrasing of entry {owner!r}"
                    self.add(line, f"entry {entry.id!r}.aliases", message)
            entries.append(entry)
        return entries

    def _entry(
        self, index: int, body: dict[str, Any], sources: dict[str, Source] | None
    ) -> Entry | None:
        line = self.lines.entry(index)
        label = f"entry #{index + 1}"
        raw_id = body.get("id")
        if isinstance(raw_id, str) and raw_id:
            label = f"entry {raw_id!r}"
        for key in sorted(set(body) - _ENTRY_KEYS):
            self.add(
                line,
                f"{label}.{key}",
                "unknown key (expected " + ", ".join(sorted(_ENTRY_KEYS)) + ")",
            )
        entry_id = self._text(body, "id", line, label)
        if entry_id is not None and not ID_PATTERN.fullmatch(entry_id):
            self.add(
                self.lines.key(line, "id"),
                f"{label}.id",
                "must be lowercase letters, digits and single hyphens",
            )
            entry_id = None
        question = self._text(body, "question", line, label)
        answer = self._text(body, "answer", line, label)
        raw_cited = body.get("sources")
        if isinstance(raw_cited, list):
            self.cited.update(item for item in raw_cited if isinstance(item, str))
        cited = self._strings(body, "sources", line, label, required=True)
        aliases = self._strings(body, "aliases", line, label, required=False)
        figures = self._figures(index, body.get("figures"), label)
        if cited is not None and sources is not None:
            line = self.lines.key(line, "sources")
            for sid in cited:
                if sid not in self.declared:
                    message = f"unknown source {sid!r} (defined: {self._known()})"
                    self.add(line, f"{label}.sources", message)
            if len(set(cited)) != len(cited):
                self.add(line, f"{label}.sources", "lists a source twice")
        urgent = body.get("urgent", False)
        if not isinstance(urgent, bool):
            self.add(self.lines.key(line, "urgent"), f"{label}.urgent", "must be true or false")
            urgent = False
        if entry_id is None or question is None or answer is None:
            return None
        if cited is None or aliases is None or figures is None:
            return None
        return Entry(
            entry_id, question, answer, tuple(cited), tuple(aliases), tuple(figures), urgent
        )

    def _figures(self, index: int, value: object, label: str) -> list[Figure] | None:
        if value is None:
            return []
        where = f"{label}.figures"
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            message = "must be an array of tables: [[entry.figures]] with text and source"
            self.add(self.lines.figure(index, 0), where, message)
            return None
        figures: list[Figure] = []
        for number, body in enumerate(value, start=1):
            line = self.lines.figure(index, number - 1)
            place = f"{where}[{number}]"
            for key in sorted(set(body) - _FIGURE_KEYS):
                self.add(line, f"{place}.{key}", "unknown key (expected source, text)")
            text = self._text(body, "text", line, place)
            source = self._text(body, "source", line, place)
            if source is not None:
                self.cited.add(source)
                if source not in self.declared:
                    message = f"unknown source {source!r} (defined: {self._known()})"
                    self.add(self.lines.key(line, "source"), f"{place}.source", message)
                    source = None
            if text is not None and source is not None:
                figures.append(Figure(text=text, source=source))
        return figures if len(figures) == len(value) else None

    def _text(
        self, body: dict[str, Any], key: str, line: int | None, where: str, *, required: bool = True
    ) -> str | None:
        value = body.get(key)
        if value is None:
            if required:
                self.add(line, f"{where}.{key}", "missing")
            return None
        line = self.lines.key(line, key)
        if not isinstance(value, str):
            self.add(line, f"{where}.{key}", f"must be a string, not {_kind(value)}")
            return None
        if not value.strip():
            self.add(line, f"{where}.{key}", "must not be empty")
            return None
        return value

    def _strings(
        self, body: dict[str, Any], key: str, line: int | None, where: str, *, required: bool
    ) -> list[str] | None:
        value = body.get(key)
        if value is None:
            if required:
                self.add(line, f"{where}.{key}", "missing: list at least one source id")
                return None
            return []
        line = self.lines.key(line, key)
        if not isinstance(value, list):
            self.add(line, f"{where}.{key}", f"must be a list of strings, not {_kind(value)}")
            return None
        for number, item in enumerate(value, start=1):
            if not isinstance(item, str):
                message = f"must be a list of strings; item {number} is {_kind(item)}"
                self.add(line, f"{where}.{key}", message)
                return None
        if required and not value:
            self.add(line, f"{where}.{key}", "must not be empty: every answer cites a source")
            return None
        if any(not item.strip() for item in value):
            self.add(line, f"{where}.{key}", "must not contain empty strings")
            return None
        return list(value)


def _is_web_url(url: str) -> bool:
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        return False
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _kind(value: object) -> str:
    kinds = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "a table"}
    kinds[str] = "a string"
    return next((name for typ, name in kinds.items() if isinstance(value, typ)), "a date or time")
