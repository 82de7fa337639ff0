"""A prepared matcher for each FAQ file, kept in the user's cache directory between runs.

Parsing, validating and indexing a FAQ costs more than answering from it, and grows with the
file; a pickled Matcher loads in a fraction of that. Its name holds checksums of the bytes,
its path and lutaq's own code, so an edited FAQ or an upgraded lutaq never meets a stale
entry. The cache is an optimisation only: a missing, corrupt, foreign or unwritable cache
is ignored and the FAQ is prepared from the file as if there were none.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import zlib
from pathlib import Path

from lutaq import __version__
from lutaq.faq import bundled_path, decode_faq, parse_faq, read_faq_bytes
from lutaq.match import Matcher
from lutaq.places import user_directory

DISABLE_VARIABLE = "LUTAQ_NO_CACHE"
DIRECTORY_VARIABLE = "LUTAQ_CACHE_DIR"
_CODE = ("faq.py", "text.py", "analysis.py", "match.py", "cache.py")
"""The modules whose code shapes a prepared matcher: part of every key."""


def prepared_matcher(path: Path | None = None) -> Matcher:
    """The Matcher for a FAQ file (the bundled one by default), from the cache when it can be.

    Raises FaqError exactly as load_faq does: problems in a file are never cached.
    """
    path = bundled_path() if path is None else path
    data = read_faq_bytes(path)
    entry = _entry(path, data)
    if entry is not None:
        matcher = _read(entry)
        if matcher is not None:
            return matcher
    matcher = Matcher(parse_faq(decode_faq(data, str(path)), origin=str(path)))
    if entry is not None:
        _write(entry, matcher)
    return matcher


def cache_dir() -> Path | None:
    """Where prepared FAQs are kept, or None when caching is off or has nowhere to go.

    $LUTAQ_CACHE_DIR, else the user's cache directory (places.py); $LUTAQ_NO_CACHE turns
    caching off.
    """
    if os.environ.get(DISABLE_VARIABLE):
        return None
    chosen = os.environ.get(DIRECTORY_VARIABLE)
    if chosen:
        return Path(chosen)
    return user_directory("cache")


def _entry(path: Path, data: bytes) -> Path | None:
    """The cache file for this FAQ, or None when there is no cache to use."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return folder / _name(path, data)
    except OSError:  # lutaq installed without its sources: nothing to key the cache on
        return None


def _name(path: Path, data: bytes) -> str:
    """`<path checksum>-<content checksum>.pickle`: one file per FAQ path, replaced on change.

    CRC-32 and Adler-32 rather than SHA-256: the name has to tell an edited file or another
    lutaq from the cached one, not resist attackers (who could rewrite the FAQ itself), and
    zlib loads in a fraction of the time OpenSSL takes.
    """
    place = str(path.resolve()).encode("utf-8", "surrogateescape")
    package = Path(__file__).parent
    code = b"".join((package / name).read_bytes() for name in _CODE)
    content = b"\0".join((__version__.encode(), sys.version.encode(), code, data))
    return (
        f"{zlib.crc32(place):08x}{zlib.adler32(place):08x}-"
        f"{zlib.crc32(content):08x}{zlib.adler32(content):08x}{len(content):x}.pickle"
    )


def _read(entry: Path) -> Matcher | None:
    """A cached matcher, or None: absent, unreadable, not ours, or not a Matcher."""
    try:
        with entry.open("rb") as file:
            if not _trusted(os.fstat(file.fileno())):
                return None
            matcher = pickle.load(file)
    except Exception:  # a damaged cache file can fail in almost any way; it is only a cache
        return None
    return matcher if isinstance(matcher, Matcher) else None


def _trusted(status: os.stat_result) -> bool:
    """Unpickling runs code: load only files this user owns and no one else can write."""
    if not hasattr(os, "getuid"):
        return True
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def _write(entry: Path, matcher: Matcher) -> None:
    """Store atomically (write a temporary file, then rename), or not at all."""
    import tempfile

    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(matcher, file, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temporary).replace(entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except Exception:  # a cache that cannot be written only costs time
        return
    prefix = entry.name.split("-")[0]
    for stale in entry.parent.glob(f"{prefix}-*.pickle"):
        if stale != entry:
            with contextlib.suppress(OSError):
                stale.unlink(missing_ok=True)
