"""A prepared matcher for each FAQ file, kept in the user's cache directory between runs.

Parsing, validating and indexing a FAQ costs more than answering from it, and grows with the
file; a pickled Matcher loads in a fraction of that. Its name holds checksums of the bytes,
its path and lutaq's own code, so an edited FAQ or an upgraded lutaq never meets a stale
entry. The cache is an optimisation only: a missing, corrupt, foreign or unwritable cache
is ignored and the FAQ is prepared from the file as if there were none.

Unpickling can run code, so a cache file is read only when nobody else could have put it
there, and even then it cannot: the directory must be the user's own and writable by no one
else (a shared one, such as /tmp, is not used at all), the file is opened without following a
link and must be a regular file the user owns, and the unpickler builds lutaq's own classes
and nothing else.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import zlib
from pathlib import Path

from lutaq import __version__, wordlists
from lutaq.examples import examples_stamp, read_examples, with_examples
from lutaq.faq import bundled_path, decode_faq, parse_faq, read_faq_bytes
from lutaq.match import Matcher
from lutaq.places import user_directory

DISABLE_VARIABLE = "LUTAQ_NO_CACHE"
DIRECTORY_VARIABLE = "LUTAQ_CACHE_DIR"
MAX_CACHE_BYTES = 64 * 1024 * 1024
"""Larger cache files are not read (the bundled FAQ's is 0.2 MB)."""
STALE_SECONDS = 3600
"""A temporary file this old was left by a lutaq that was killed while writing: removed."""
_ALLOWED = frozenset(
    {
        ("collections", "Counter"),
        ("lutaq.analysis", "Analyzer"),
        ("lutaq.faq", "Entry"),
        ("lutaq.faq", "Example"),
        ("lutaq.faq", "Faq"),
        ("lutaq.faq", "Figure"),
        ("lutaq.faq", "Neighbour"),
        ("lutaq.faq", "Source"),
        ("lutaq.match", "Match"),
        ("lutaq.match", "Matcher"),
        ("lutaq.match", "_Indexed"),
    }
)
"""Every class a prepared matcher is made of: all the unpickler may build."""
_CODE = (
    "faq.py",
    "examples.py",
    "votes.py",
    "spelling.py",
    "text.py",
    "analysis.py",
    "match.py",
    "cache.py",
    "wordlists.py",
    *(f"words/{name}" for name in wordlists.FILES),
)
"""The modules whose code shapes a prepared matcher, or decides that a file is valid, and the
word lists they read: part of every key."""


def prepared_matcher(path: Path | None = None) -> Matcher:
    """The Matcher for a FAQ file (the bundled one by default), from the cache when it can be.

    Raises FaqError exactly as load_faq does: problems in a file are never cached.
    """
    path = bundled_path() if path is None else path
    data = read_faq_bytes(path)
    # A pipe (`--faq /dev/stdin`, `<(...)`) has no lasting content to key a cache file on.
    entry = _entry(path, data, examples_stamp(path)) if path.is_file() else None
    if entry is not None:
        matcher = _read(entry)
        if matcher is not None:
            return matcher
    faq = parse_faq(decode_faq(data, str(path)), origin=str(path))
    matcher = Matcher(with_examples(faq, path, read_examples(path)))
    if entry is not None:
        matcher.read_examples()  # read once here, for every later run that loads the cache
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


def _entry(path: Path, data: bytes, examples: bytes | None) -> Path | None:
    """The cache file for this FAQ and its examples (`examples`: their file's stamp), or None
    when there is no cache to use."""
    folder = cache_dir()
    if folder is None or not _own_directory(folder):
        return None
    try:
        return folder / _name(path, data if examples is None else data + b"\0" + examples)
    except OSError:  # lutaq installed without its sources: nothing to key the cache on
        return None


def _own_directory(folder: Path) -> bool:
    """Made if missing; usable only if it is a directory this user owns and no one else can
    write to (in any other, someone else could plant a file or a link)."""
    import stat

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = folder.stat()
    except OSError:
        return False
    return stat.S_ISDIR(status.st_mode) and _private(status)


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


class _Unpickler(pickle.Unpickler):
    """Builds lutaq's own classes only: a pickle naming anything else (os.system...) fails."""

    def find_class(self, module: str, name: str) -> type:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a prepared FAQ")
        found: type = super().find_class(module, name)
        return found


def _read(entry: Path) -> Matcher | None:
    """A cached matcher, or None: absent, unreadable, not ours, or not a Matcher."""
    import io

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(entry, flags)
    except OSError:  # absent, or a link (O_NOFOLLOW): either way not a cache to read
        return None
    try:
        status = os.fstat(descriptor)
        if not _trusted(status) or status.st_size > MAX_CACHE_BYTES:
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            data = file.read(MAX_CACHE_BYTES + 1)
        matcher = _Unpickler(io.BytesIO(data)).load()
    except Exception:  # a damaged cache file can fail in almost any way; it is only a cache
        return None
    finally:
        os.close(descriptor)
    return matcher if isinstance(matcher, Matcher) else None


def _trusted(status: os.stat_result) -> bool:
    """A regular file this user owns and no one else can write (never a FIFO or a device)."""
    import stat

    return stat.S_ISREG(status.st_mode) and _private(status)


def _private(status: os.stat_result) -> bool:
    """Owned by this user and writable by no one else (where the system has users)."""
    if not hasattr(os, "getuid"):
        return True
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def _write(entry: Path, matcher: Matcher) -> None:
    """Store atomically (write a temporary file, then rename), or not at all."""
    import tempfile

    try:
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".lutaq-", suffix=".tmp")
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
    _remove_abandoned(entry.parent)


def _remove_abandoned(folder: Path) -> None:
    """Temporary files of writers that were killed (SIGKILL runs no cleanup)."""
    import time

    cutoff = time.time() - STALE_SECONDS
    for temporary in folder.glob(".lutaq-*.tmp"):  # only lutaq's own: the folder may be $HOME
        with contextlib.suppress(OSError):
            if temporary.lstat().st_mtime < cutoff:
                temporary.unlink()
