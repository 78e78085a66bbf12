"""Read the user's ``routines.toml`` (config dir) and hand back the plans in force.

The file is read through :mod:`deskbreak.shell.safe_read` (a regular file only, never
blocking, bounded while reading), like every file a user controls. Nothing here raises: a missing, unreadable or broken file is reported in
the problems (and the log) and the shipped routines are used.
"""

from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from deskbreak.core.library import Library
from deskbreak.core.routines import RoutinePlan, load_plans
from deskbreak.core.settings import Settings
from deskbreak.core.user_routines import RoutineProblem, merge_plans, parse_user_routines
from deskbreak.shell import safe_read
from deskbreak.shell.paths import AppPaths

log = logging.getLogger(__name__)

FILE_NAME = "routines.toml"
MAX_BYTES = 256_000


@dataclass(frozen=True)
class UserRoutines:
    """Every plan in force (shipped, with the user's added or replacing) and the problems."""

    plans: list[RoutinePlan]
    problems: list[RoutineProblem] = field(default_factory=list)
    path: Path | None = None
    user_ids: tuple[str, ...] = ()


def path_of(paths: AppPaths) -> Path:
    return paths.config_dir / FILE_NAME


def read_text(path: Path) -> str | None:
    """The file's text; None when there is none. Raises OSError/ValueError when unreadable."""
    if not os.path.lexists(path):
        return None
    return safe_read.read_text(path, MAX_BYTES)


def routine_ids(paths: AppPaths) -> set[str]:
    """The ids of every routine in force, shipped and the user's, without the movement library
    (a second launch's ``deskbreak break ID`` is checked with this on the socket's thread)."""
    ids = {plan.id for plan in load_plans()}
    try:
        text = read_text(path_of(paths))
        data = tomllib.loads(text) if text else {}
    except (OSError, ValueError) as error:  # reported where the routines are loaded
        log.debug("routines.toml unreadable while checking an id: %s", error)
        return ids
    routines = data.get("routine", [])
    if isinstance(routines, list):
        ids |= {r["id"] for r in routines if isinstance(r, dict) and isinstance(r.get("id"), str)}
    return ids


def load(paths: AppPaths, library: Library, settings: Settings) -> UserRoutines:
    shipped = load_plans()
    path = path_of(paths)
    try:
        text = read_text(path)
    except (OSError, ValueError) as error:  # UnicodeDecodeError is a ValueError
        problem = RoutineProblem(str(path), None, "(file)", f"cannot be read ({error})")
        log.warning("%s", problem)
        return UserRoutines(shipped, [problem], path)
    if text is None:
        return UserRoutines(shipped, [], path)
    mine, problems = parse_user_routines(text, library, settings, str(path))
    for problem in problems:
        log.warning("%s", problem)
    return UserRoutines(merge_plans(shipped, mine), problems, path, tuple(p.id for p in mine))


def plans(paths: AppPaths | None, library: Library, settings: Settings) -> list[RoutinePlan]:
    """The plans in force, for choosing a routine (the shipped ones without ``paths``)."""
    if paths is None:
        return load_plans()
    return load(paths, library, settings).plans
