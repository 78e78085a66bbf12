"""Where each window was and how big: one small JSON file shared by all windows.

Plain functions over a path and a geometry string, so any window can remember its place;
a broken or foreign file is ignored (defaults are used), never fatal. Fitting a saved place
to today's screen is :func:`deskbreak.ui.screen.place`'s job.
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path

from deskbreak.shell import safe_read
from deskbreak.shell.paths import ensure_private_dir

log = logging.getLogger(__name__)
MAX_STATE_BYTES = 64_000  # a few window places; anything bigger is not ours

_GEOMETRY = re.compile(r"^(\d+)x(\d+)\+(-?\d+)\+(-?\d+)$")  # as `wm geometry` gives it


def saved_geometry(path: Path, key: str) -> str | None:
    """The ``WxH+X+Y`` saved for ``key`` as text, or None (no file, corrupt, not a geometry)."""
    try:
        data = json.loads(safe_read.read_text(path, MAX_STATE_BYTES))
    except (OSError, ValueError):
        return None
    text = data.get(key) if isinstance(data, dict) else None
    return text if isinstance(text, str) and _GEOMETRY.match(text) else None


def save_geometry(path: Path, key: str, geometry: str) -> None:
    """Store ``geometry`` under ``key``, keeping the other windows' entries (atomic write)."""
    try:
        try:
            data = json.loads(safe_read.read_text(path, MAX_STATE_BYTES))
        except (OSError, ValueError):
            data = {}
        data = data if isinstance(data, dict) else {}
        data[key] = geometry
        ensure_private_dir(path.parent)
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if os.name == "posix":
                os.fchmod(fd, 0o600)  # a temp file left by an older version kept its mode
            handle.write(json.dumps(data, indent=1))
        tmp.replace(path)
    except OSError as error:
        log.warning("could not save the %s window's place: %s", key, error)
