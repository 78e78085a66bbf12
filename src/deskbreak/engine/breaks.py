"""Everything a break needs besides its window: which routine, where it is logged, the week.

The tray app and `deskbreak break` both start breaks through here, so both fit the routine
to the same postures, avoid list and adaptations, and log each break the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import date

from deskbreak.core import stats
from deskbreak.core.adaptation import Adaptation, next_time_lines
from deskbreak.core.builder import CannotBuild
from deskbreak.core.choose import FALLBACK_ROUTINE, UnknownRoutine, choose_routine
from deskbreak.core.library import Library
from deskbreak.core.movements import Routine
from deskbreak.core.records import SessionRecord
from deskbreak.core.routines import RoutinePlan
from deskbreak.core.settings import Settings
from deskbreak.shell.paths import AppPaths
from deskbreak.shell.store import Store

log = logging.getLogger(__name__)


def routine_to_offer(
    wanted: str | None,
    library: Library,
    settings: Settings,
    adapted: Mapping[str, Adaptation],
    plans: Sequence[RoutinePlan] | None = None,
) -> Routine | None:
    """``wanted`` (or the prompt routine) fitted to the user; a shipped fallback if it is
    unknown or can't be fitted; None when nothing fits the user's settings (logged)."""
    for candidate in (wanted, settings.breaks.prompt_routine, FALLBACK_ROUTINE):
        if candidate is None:
            continue
        try:
            return choose_routine(candidate, library, settings, dict(adapted), plans)
        except UnknownRoutine:
            log.warning("no routine called %r", candidate)
        except CannotBuild as error:
            log.warning("routine %r does not fit the settings: %s", candidate, error.reason)
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


def next_time(
    store: Store, library: Library, paths: AppPaths, today: Callable[[], date]
) -> Callable[[SessionRecord], list[str]]:
    """What the next breaks will really do because of a just-logged break (its pains)."""
    from deskbreak.engine import adaptations

    def lines(session: SessionRecord) -> list[str]:
        day = today()
        found = adaptations.load(library, store, paths, day)
        out = next_time_lines(session, found, library)
        advice = adaptations.advice(library, store, paths, day)
        return [*out, advice] if advice else out

    return lines


def movement_regions(library: Library) -> dict[str, tuple[str, ...]]:
    """movement id → the body regions it works, for the progress figures."""
    return {m.id: tuple(str(r) for r in m.regions) for m in library.movements.values()}
