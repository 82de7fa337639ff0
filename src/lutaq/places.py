"""Where lutaq keeps things between runs, by each platform's convention.

One place for the rules, so the cache (cache.py) and the chat history (chat.py) agree, and
so neither fails when there is no home directory to find (a container user without one).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Literal

Kind = Literal["cache", "data"]

_XDG = {"cache": ("XDG_CACHE_HOME", (".cache",)), "data": ("XDG_DATA_HOME", (".local", "share"))}
_MACOS = {"cache": ("Library", "Caches"), "data": ("Library", "Application Support")}
_WINDOWS = {"cache": ("LOCALAPPDATA", "Cache"), "data": ("APPDATA", "")}


def user_directory(kind: Kind) -> Path | None:
    """lutaq's own cache or data directory, or None when the platform gives no place for it.

    Linux and others: $XDG_CACHE_HOME/lutaq or $XDG_DATA_HOME/lutaq (default ~/.cache and
    ~/.local/share); macOS: ~/Library/Caches or ~/Library/Application Support; Windows:
    %LOCALAPPDATA%\\lutaq\\Cache or %APPDATA%\\lutaq.
    """
    if sys.platform == "win32":
        variable, leaf = _WINDOWS[kind]
        base = os.environ.get(variable)
        return Path(base, "lutaq", leaf) if base else None
    try:
        home = Path.home()
    except RuntimeError:  # no $HOME and no password entry
        home = None
    if sys.platform == "darwin":
        return home.joinpath(*_MACOS[kind], "lutaq") if home else None
    variable, default = _XDG[kind]
    chosen = os.environ.get(variable)
    if chosen and Path(chosen).is_absolute():
        return Path(chosen, "lutaq")
    return home.joinpath(*default, "lutaq") if home else None
