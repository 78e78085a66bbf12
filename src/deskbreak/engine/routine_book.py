"""The routines on offer: the movement library, the user's routine plans, their adaptations.

Apart from :class:`~deskbreak.engine.runtime.Runtime` because this is the one part of the
running app that needs the movement library: everything here loads it (and the
routine-building and statistics code) on first use, so an app that sits in the tray all day
never pays for them until a prompt, a break, the progress window or a routine menu. The
adaptations are read from the log once a day, and again only when a break is logged or the
user resets or undoes one.

Threading contract: every method runs on the Tk main thread.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from deskbreak.core.clock import Clock
from deskbreak.core.settings import Settings
from deskbreak.engine.notices import Notices
from deskbreak.shell.paths import AppPaths
from deskbreak.shell.store import Store

if TYPE_CHECKING:
    from deskbreak.core import stats
    from deskbreak.core.adaptation import Adaptation
    from deskbreak.core.library import Library
    from deskbreak.core.movements import Routine
    from deskbreak.core.routines import RoutinePlan

log = logging.getLogger(__name__)


class RoutineBook:
    """Which routine to offer, fitted to the user; the progress figures that need the library."""

    def __init__(
        self,
        paths: AppPaths,
        clock: Clock,
        store: Store,
        notices: Notices,
        load_library: Callable[[], Library],
        settings: Callable[[], Settings],
    ) -> None:
        self._paths = paths
        self._clock = clock
        self._store = store
        self._notices = notices
        self._load_library = load_library
        self._settings = settings  # the runtime's current settings, read at each use
        self._library: Library | None = None
        self._adapted: tuple[date, dict[str, Adaptation]] | None = None

    @property
    def library(self) -> Library:
        """The movement library, read on first use; the config's ids are checked against it."""
        if self._library is None:
            self._library = self._load_library()
            for problem in self._library.problems:
                log.warning("movement library: %s", problem)
            self._check_references()
        return self._library

    def settings_applied(self) -> None:
        """New settings may name routines or movements the library lacks: check, if loaded."""
        if self._library is not None:
            self._check_references()

    def routine(self, routine_id: str | None) -> Routine | None:
        """The routine to offer for ``routine_id`` (None: the prompt routine)."""
        from deskbreak.engine.breaks import routine_to_offer

        library, adapted = self.library, self.adaptations()
        return routine_to_offer(routine_id, library, self._settings(), adapted, self.plans())

    def plans(self) -> list[RoutinePlan]:
        """The routines in force: the shipped ones, with the user's routines.toml over them."""
        from deskbreak.shell import user_routines

        return user_routines.plans(self._paths, self.library, self._settings())

    def routines(self) -> dict[str, Routine]:
        """Every routine by id, as written (not yet fitted to the user)."""
        from deskbreak.core.routines import shipped_routines

        return shipped_routines(self.library, self.plans())

    def minutes(self, routine: Routine) -> int:
        """A routine's length in whole minutes at the user's breathing pace (at least 1)."""
        from deskbreak.core.routines import duration_seconds

        return max(1, round(duration_seconds(routine, self._settings().breathing) / 60))

    def menu_routines(self) -> list[tuple[str, str]]:
        """(routine id, "Quick reset · 2 min") for the tray menu, from the routine files
        alone: a tray with its own menu needs it at start, without the movement library."""
        from deskbreak.shell import routine_menu

        return routine_menu.menu_labels(self._paths)

    # -- adaptations ----------------------------------------------------------------------

    def adaptations(self) -> dict[str, Adaptation]:
        """Read from the log once a day, and again after a break is logged or a reset."""
        from deskbreak.engine import adaptations

        today = self._clock.now().date()
        if self._adapted is None or self._adapted[0] != today:
            self._adapted = (
                today,
                adaptations.load(self.library, self._store, self._paths, today),
            )
        return self._adapted[1]

    def forget_adaptations(self) -> None:
        """A break was logged: what it taught is read again before the next offer."""
        self._adapted = None

    def adaptation_rows(self) -> list[tuple[str, str]]:
        """(movement name, why it changed) for the settings dialog."""
        library = self.library
        return [
            (library[mid].name if mid in library else mid, adapted.reason)
            for mid, adapted in self.adaptations().items()
        ]

    def progressions_to_undo(self) -> dict[str, Callable[[], None]]:
        """Adapted movement's name → take its progression back (for the settings dialog)."""
        library = self.library
        return {
            library[mid].name: functools.partial(self.undo_progression, mid)
            for mid, adapted in self.adaptations().items()
            if adapted.ritual_only and mid in library
        }

    def undo_progression(self, movement_id: str) -> None:
        from deskbreak.engine import adaptations

        adaptations.undo_progression(self._paths, movement_id, self._clock.now())
        self._adapted = None

    def reset_adaptations(self) -> None:
        from deskbreak.engine import adaptations

        adaptations.reset(self._paths, self._clock.now())
        self._adapted = None

    # -- progress -------------------------------------------------------------------------

    def progress(self) -> stats.Stats:
        from deskbreak.core import stats
        from deskbreak.engine.breaks import movement_regions

        today = self._clock.now().date()
        return stats.compute(
            self._store.summary(today),
            today=today,
            weekly_goal_days=self._settings().app.weekly_goal_days,
            regions=movement_regions(self.library),
        )

    def _check_references(self) -> None:
        """Routine or movement ids the library lacks: reported; the app falls back."""
        from deskbreak.core.choose import unknown_references

        problems = unknown_references(self._settings(), self.library, self.plans())
        for problem in problems:
            log.warning("%s: %s", self._paths.config_file, problem)
        if problems:
            self._notices.post("references", "Config problem: run `deskbreak config check`")
        else:
            self._notices.clear("references")
