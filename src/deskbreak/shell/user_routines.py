"""Read the user's ``routines.toml`` (config dir) and hand back the plans in force.

The read is one small function, :func:`read_text`, so a bounded "safe read" for user files
can replace it. Nothing here raises: a missing, unreadable or broken file is reported in
the problems (and the log) and the shipped routines are used.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from deskbreak.core.library import Library
from deskbreak.core.routines import RoutinePlan, load_plans
from deskbreak.core.settings import Settings
from deskbreak.core.user_routines import RoutineProblem, merge_plans, parse_user_routines
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
    if not path.exists():
        return None
    if path.stat().st_size > MAX_BYTES:
        raise ValueError(f"larger than {MAX_BYTES // 1000} kB, which is not a routines file")
    return path.read_text(encoding="utf-8")


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
