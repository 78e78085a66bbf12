"""The tray menu's list of routines, read from the routine files alone.

A tray that draws its own menu (the StatusNotifier one) needs the routines' names at start,
and the app sits in the tray all day: building the full routines would load the movement
library and the routine builder (about 1.2 MB, measured) only to print "Quick reset · 2 min".
So the menu shows each routine's stated length from ``routines.toml`` (shipped, then the
user's, which may add or replace routines); the routine itself is built and checked when
it is chosen (:mod:`deskbreak.shell.user_routines`), where a broken one is reported.
"""

from __future__ import annotations

import logging
import os
import tomllib
from pathlib import Path
from typing import Any

from deskbreak.shell import resources, safe_read
from deskbreak.shell.paths import AppPaths

log = logging.getLogger(__name__)

#: The user's routines file is small; a larger one is not read here (nor anywhere).
MAX_BYTES = 256_000


def menu_labels(paths: AppPaths | None) -> list[tuple[str, str]]:
    """(routine id, "Quick reset · 2 min") for every routine in force, in file order."""
    found = _entries(_read(resources.data_file("routines.toml")))
    if paths is not None:
        for routine_id, label in _entries(_read(paths.config_dir / "routines.toml")).items():
            found[routine_id] = label
    return list(found.items())


def _read(path: Path) -> dict[str, Any]:
    if not os.path.lexists(path):
        return {}
    try:
        return tomllib.loads(safe_read.read_text(path, MAX_BYTES))
    except (OSError, ValueError) as error:  # reported where the routines are built
        log.debug("routines file %s unreadable for the menu: %s", path, error)
        return {}


def _entries(data: dict[str, Any]) -> dict[str, str]:
    entries: dict[str, str] = {}
    routines = data.get("routine", [])
    for raw in routines if isinstance(routines, list) else []:
        if not isinstance(raw, dict):
            continue
        routine_id, name, minutes = raw.get("id"), raw.get("name"), raw.get("minutes")
        if isinstance(routine_id, str) and isinstance(name, str):
            stated = minutes if isinstance(minutes, int | float) and minutes > 0 else 1
            entries[routine_id] = f"{name} · {max(1, round(stated))} min"
    return entries
