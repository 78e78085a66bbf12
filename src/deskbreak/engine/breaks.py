"""Everything a break needs besides its window: which routine, where it is logged, the week.

The tray app and `deskbreak break` both start breaks through here, so both fit the routine
to the same postures, avoid list and adaptations, and log each break the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import date

from deskbreak.core import stats
from deskbreak.core.adaptation import Adaptation
from deskbreak.core.choose import FALLBACK_ROUTINE, UnknownRoutine, choose_routine
from deskbreak.core.commands import Command, TakeBreak
from deskbreak.core.library import Library
from deskbreak.core.movements import Routine
from deskbreak.core.records import SessionRecord
from deskbreak.core.routines import shipped_routines
from deskbreak.core.settings import Settings
from deskbreak.shell.store import Store

log = logging.getLogger(__name__)


def routine_to_offer(
    wanted: str | None,
    library: Library,
    settings: Settings,
    adapted: Mapping[str, Adaptation],
) -> Routine | None:
    """``wanted`` (or the prompt routine) fitted to the user; a shipped fallback if it is
    unknown; None only when not even the fallback exists (a broken install)."""
    for candidate in (wanted, settings.breaks.prompt_routine, FALLBACK_ROUTINE):
        if candidate is None:
            continue
        try:
            return choose_routine(candidate, library, settings, dict(adapted))
        except UnknownRoutine:
            log.warning("no routine called %r", candidate)
    return None


def recorder(
    store: Store | None, then: Callable[[SessionRecord], None] | None = None
) -> Callable[[SessionRecord], None]:
    """A callback that logs a finished break in ``store`` and then tells ``then``."""

    def record(session: SessionRecord) -> None:
        if store is not None:
            store.add_session(session)
        if then is not None:
            then(session)

    return record


def week_progress(
    store: Store, settings: Settings, today: Callable[[], date]
) -> Callable[[], tuple[int, int]]:
    """(days moved this week, the weekly goal), read when the break's summary shows."""

    def week() -> tuple[int, int]:
        day = today()
        figures = stats.compute(
            store.summary(day), today=day, weekly_goal_days=settings.app.weekly_goal_days
        )
        return figures.week.active_days, figures.week.goal_days

    return week


def handover_refusal(command: Command, library: Library) -> str | None:
    """Why a command from a second launch is refused (an unknown routine), or None to take it.

    Called on the instance socket's client thread: it only reads the library, which never
    changes while the app runs."""
    wanted = command.routine_id if isinstance(command, TakeBreak) else None
    if wanted is not None and wanted not in shipped_routines(library):
        return f"there is no routine called {wanted!r}"
    return None


def movement_regions(library: Library) -> dict[str, tuple[str, ...]]:
    """movement id → the body regions it works, for the progress figures."""
    return {m.id: tuple(str(r) for r in m.regions) for m in library.movements.values()}
