"""The user's adaptations as the app offers them: read from the log, minus what they reset.

"Reset adaptations" in Settings must not delete a single logged break, so a reset is a
timestamp in the state dir: sessions before it no longer shape what is offered.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from deskbreak.core.adaptation import Adaptation
from deskbreak.core.choose import current_adaptations
from deskbreak.core.library import Library
from deskbreak.shell import safe_read
from deskbreak.shell.paths import AppPaths, ensure_private_dir
from deskbreak.shell.store import Store

#: How far back the log is read (pain stops last 14 days, progression builds over weeks).
HISTORY_DAYS = 120


def load(library: Library, store: Store, paths: AppPaths, today: date) -> dict[str, Adaptation]:
    sessions = store.sessions(since=today - timedelta(days=HISTORY_DAYS))
    return current_adaptations(library, sessions, today, reset_at(paths))


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


def _marker(paths: AppPaths) -> Path:
    return paths.state_dir / "adaptations-reset"
