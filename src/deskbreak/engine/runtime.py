"""The running app without its windows: settings, movement library, log, break engine, notices.

Everything the tray app decides that is not about a window lives here, so it can be tested
without Tk: which routine to offer (fitted to the user's adaptations, which are read from
the log once and again only when a break is logged or the user resets them), the progress
figures, what applying new settings does (the engine, start at login), hand edits of the
config file, and today's figures in the log.

The movement library, and the routine-building and statistics code that need it, are loaded
when first needed (a prompt, a break, the progress window, a menu that lists the routines):
an app that sits in the tray all day never pays for them until then.

Threading contract: every method runs on the Tk main thread (the app's only thread that
touches these objects).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from deskbreak.core.clock import Clock
from deskbreak.core.records import DaySitting, SessionRecord
from deskbreak.core.settings import Settings
from deskbreak.engine.break_engine import BreakEngine
from deskbreak.engine.config_watch import ConfigWatch
from deskbreak.engine.context_watch import ContextWatch
from deskbreak.engine.day_figures import DayFiguresWriter
from deskbreak.engine.events import EngineEvent
from deskbreak.engine.notices import Notices, Priority
from deskbreak.idle.base import DesktopProbe, IdleSource
from deskbreak.shell.paths import AppPaths
from deskbreak.shell.store import Store

if TYPE_CHECKING:
    from deskbreak.core import stats
    from deskbreak.core.adaptation import Adaptation
    from deskbreak.core.library import Library
    from deskbreak.core.movements import Routine
    from deskbreak.core.routines import RoutinePlan

log = logging.getLogger(__name__)


class Runtime:
    """The app's state and decisions; :meth:`start` makes the break engine."""

    engine: BreakEngine  # made in start(), once the idle source is chosen

    def __init__(
        self,
        paths: AppPaths,
        clock: Clock,
        config: ConfigWatch,
        load_library: Callable[[], Library],
        store: Store,
        notices: Notices,
    ) -> None:
        self.paths = paths
        self.clock = clock
        self.config = config
        self._load_library = load_library
        self._library: Library | None = None
        self.store = store
        self.notices = notices
        self.settings = config.first_read()
        self._post_config_problem()
        for message in store.messages:
            log.warning("%s", message)
        self.post_store_problem()
        self.day_figures = DayFiguresWriter(store)
        self._adapted: tuple[date, dict[str, Adaptation]] | None = None

    def start(
        self,
        idle: IdleSource | None,
        probe: DesktopProbe | None,
        context: ContextWatch | None,
        on_event: Callable[[EngineEvent], None],
    ) -> None:
        self.engine = BreakEngine(self.clock, idle, probe, self.settings, on_event, context)
        if self.config.first_run:
            # A brand-new install started mid-morning is not a missed ritual: today's
            # reminder is not caught up, and the daily rhythm starts tomorrow.
            self.engine.ritual_done()
        self.store.backup_daily()

    def close(self) -> None:
        self.write_day(force=True)
        self.store.flush()
        self.store.close()
        self.engine.close()

    # -- routines -------------------------------------------------------------------------

    @property
    def library(self) -> Library:
        """The movement library, read on first use; the config's ids are checked against it."""
        if self._library is None:
            self._library = self._load_library()
            for problem in self._library.problems:
                log.warning("movement library: %s", problem)
            self._check_references()
        return self._library

    def routine(self, routine_id: str | None) -> Routine | None:
        """The routine to offer for ``routine_id`` (None: the prompt routine)."""
        from deskbreak.engine.breaks import routine_to_offer

        library, adapted = self.library, self.adaptations()
        return routine_to_offer(routine_id, library, self.settings, adapted, self.plans())

    def plans(self) -> list[RoutinePlan]:
        """The routines in force: the shipped ones, with the user's routines.toml over them."""
        from deskbreak.shell import user_routines

        return user_routines.plans(self.paths, self.library, self.settings)

    def routines(self) -> dict[str, Routine]:
        """Every routine by id, as written (not yet fitted to the user)."""
        from deskbreak.core.routines import shipped_routines

        return shipped_routines(self.library, self.plans())

    def minutes(self, routine: Routine) -> int:
        """A routine's length in whole minutes at the user's breathing pace (at least 1)."""
        from deskbreak.core.routines import duration_seconds

        return max(1, round(duration_seconds(routine, self.settings.breathing) / 60))

    def menu_routines(self) -> list[tuple[str, str]]:
        """(routine id, "Quick reset · 3 min") for the tray menu."""
        routines = self.routines()
        return [(rid, f"{r.name} · {self.minutes(r)} min") for rid, r in routines.items()]

    def adaptations(self) -> dict[str, Adaptation]:
        """Read from the log once a day, and again after a break is logged or a reset."""
        from deskbreak.engine import adaptations

        today = self.clock.now().date()
        if self._adapted is None or self._adapted[0] != today:
            self._adapted = (
                today,
                adaptations.load(self.library, self.store, self.paths, today),
            )
        return self._adapted[1]

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

        adaptations.undo_progression(self.paths, movement_id, self.clock.now())
        self._adapted = None

    def reset_adaptations(self) -> None:
        from deskbreak.engine import adaptations

        adaptations.reset(self.paths, self.clock.now())
        self._adapted = None

    def break_logged(self, session: SessionRecord) -> None:
        """A break was written to the log: what it taught shapes the next offer."""
        self._adapted = None
        self.post_store_problem()

    def post_store_problem(self) -> None:
        """What is wrong with the log, in plain words, where the user looks (the tray)."""
        problem = self.store.problem
        if problem:
            self.notices.post("store", problem, Priority.DATA)
        else:
            self.notices.clear("store")

    # -- progress -------------------------------------------------------------------------

    def progress(self) -> stats.Stats:
        from deskbreak.core import stats
        from deskbreak.engine.breaks import movement_regions

        today = self.clock.now().date()
        return stats.compute(
            self.store.summary(today),
            today=today,
            weekly_goal_days=self.settings.app.weekly_goal_days,
            regions=movement_regions(self.library),
        )

    # -- settings -------------------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """New settings take effect at once, without a restart."""
        previous, self.settings = self.settings, settings
        self.config.saved()
        self.notices.clear("config")
        self.engine.apply_settings(settings)
        if self._library is not None:
            self._check_references()
        if settings.app.autostart != previous.app.autostart:
            self._sync_autostart(settings.app.autostart)

    def reload_config_if_changed(self) -> bool:
        """A hand edit is applied on the next wake; a broken one is reported, not applied."""
        settings = self.config.changed()
        if settings is not None:
            self.apply_settings(settings)
            return True
        self._post_config_problem()
        return False

    def _sync_autostart(self, wanted: bool) -> None:
        from deskbreak.shell import autostart  # a rare change: not loaded at start-up

        try:
            (autostart.enable if wanted else autostart.disable)()
        except autostart.AutostartError as error:
            log.warning("start at login: %s", error)
            self.notices.post("autostart", f"Start at login: {error}", Priority.SETUP)
        else:
            self.notices.clear("autostart")

    def _post_config_problem(self) -> None:
        if self.config.problem:
            self.notices.post("config", self.config.problem)

    def _check_references(self) -> None:
        """Routine or movement ids the library lacks: reported; the app falls back."""
        from deskbreak.core.choose import unknown_references

        problems = unknown_references(self.settings, self.library, self.plans())
        for problem in problems:
            log.warning("%s: %s", self.paths.config_file, problem)
        if problems:
            self.notices.post("references", "Config problem: run `deskbreak config check`")
        else:
            self.notices.clear("references")

    # -- today's figures ------------------------------------------------------------------

    def write_day(self, *, force: bool = False, figures: DaySitting | None = None) -> None:
        now = self.clock.monotonic()
        if force or figures is not None or self.day_figures.due(now):
            self.day_figures.write(figures or self.engine.status().today, now)

    def day_closed(self, figures: DaySitting) -> None:
        self.write_day(figures=figures)
        self.store.backup_daily()
