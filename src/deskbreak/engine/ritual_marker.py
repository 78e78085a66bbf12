"""The day the daily ritual was last done or answered, kept across restarts.

Without it, restarting the app after the morning's ritual would offer the missed-reminder
catch-up again that same day. One ISO date in a 0600 file in the state dir; a missing or
unreadable file means "not today".
"""

from __future__ import annotations

import logging
import os
from datetime import date

from deskbreak.shell import safe_read
from deskbreak.shell.paths import AppPaths, ensure_private_dir

log = logging.getLogger(__name__)


def done_on(paths: AppPaths) -> date | None:
    """The day written last, or None."""
    path = paths.state_dir / "ritual-done"
    if not path.exists():
        return None
    try:
        return date.fromisoformat(safe_read.read_text(path, 64).strip())
    except (OSError, ValueError) as error:
        log.debug("ritual marker unreadable: %s", error)
        return None


def mark_done(paths: AppPaths, day: date) -> None:
    """Remember ``day``; a folder that cannot be written only costs a second reminder."""
    path = paths.state_dir / "ritual-done"
    try:
        ensure_private_dir(paths.state_dir)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(day.isoformat())
    except OSError as error:
        log.warning("cannot remember that the ritual was done today: %s", error)
