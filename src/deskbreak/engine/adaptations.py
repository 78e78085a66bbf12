"""The user's adaptations as the app offers them: read from the log, minus what they reset.

"Reset adaptations" in Settings must not delete a single logged break, so a reset is a
timestamp in the state dir: sessions before it no longer shape what is offered. Undoing one
movement's progression works the same way, per movement (``progression-undone.json``).
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime, timedelta
from pathlib import Path

from deskbreak.core import progression
from deskbreak.core.adaptation import Adaptation, pain_advice
from deskbreak.core.choose import current_adaptations
from deskbreak.core.library import Library
from deskbreak.core.records import SessionRecord
from deskbreak.shell import safe_read
from deskbreak.shell.paths import AppPaths, ensure_private_dir
from deskbreak.shell.store import Store

log = logging.getLogger(__name__)

#: How far back the log is read (pain stops last 14 days, progression builds over weeks).
HISTORY_DAYS = 120


def load(library: Library, store: Store, paths: AppPaths, today: date) -> dict[str, Adaptation]:
    sessions = store.sessions(since=today - timedelta(days=HISTORY_DAYS))
    return current_adaptations(library, sessions, today, reset_at(paths), undone_at(paths))


def advice(library: Library, store: Store, paths: AppPaths, today: date) -> str | None:
    """The see-a-clinician advice when pain came up on several movements this week."""
    sessions: list[SessionRecord] = store.sessions(since=today - timedelta(days=14))
    start = reset_at(paths)
    if start is not None:
        sessions = [s for s in sessions if s.started >= start]
    return pain_advice(sessions, library, today)


def progressions(
    library: Library, store: Store, paths: AppPaths, today: date
) -> list[tuple[str, str, str]]:
    """(movement id, name, what changed) of each progression: what Settings lists."""
    return progression.summary(load(library, store, paths, today), library)


def reset(paths: AppPaths, now: datetime) -> None:
    ensure_private_dir(paths.state_dir)
    _marker(paths).touch(mode=0o600)
    _marker(paths).write_text(now.isoformat(), encoding="utf-8")


def reset_at(paths: AppPaths) -> datetime | None:
    try:
        moment = datetime.fromisoformat(safe_read.read_text(_marker(paths), 200).strip())
    except (OSError, ValueError):
        return None
    # A hand-written marker without an offset is local time; compared with aware times only.
    return moment if moment.tzinfo is not None else moment.astimezone()


def undo_progression(paths: AppPaths, movement_id: str, now: datetime) -> None:
    """Take back one movement's progression: it starts over from ``now``."""
    undone = {k: v.isoformat() for k, v in undone_at(paths).items()}
    undone[movement_id] = now.isoformat()
    ensure_private_dir(paths.state_dir)
    _undone(paths).write_text(json.dumps(undone, indent=1, sort_keys=True), encoding="utf-8")


def undone_at(paths: AppPaths) -> dict[str, datetime]:
    try:
        raw = json.loads(_undone(paths).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.warning("could not read %s: %s", _undone(paths), error)
        return {}
    return progression.undo_times(raw) if isinstance(raw, dict) else {}


def _marker(paths: AppPaths) -> Path:
    return paths.state_dir / "adaptations-reset"


def _undone(paths: AppPaths) -> Path:
    return paths.state_dir / "progression-undone.json"
