"""The running app without its windows: settings, movement library, log, break engine, notices.

Everything the tray app decides that is not about a window lives here, so it can be tested
without Tk: what applying new settings does (the engine, start at login), hand edits of the
config file, the log's problems shown as notices, and today's figures in the log. Which
routine to offer, its adaptations and the progress figures are the
:class:`~deskbreak.engine.routine_book.RoutineBook`'s (``runtime.book``), the only part that
loads the movement library, on first use.

Threading contract: every method runs on the Tk main thread (the app's only thread that
touches these objects).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from deskbreak.core.clock import Clock
from deskbreak.core.records import DaySitting, SessionRecord
from deskbreak.core.settings import Settings
from deskbreak.core.workhours import WorkSchedule
from deskbreak.engine import ritual_marker
from deskbreak.engine.break_engine import BreakEngine
from deskbreak.engine.config_watch import ConfigWatch
from deskbreak.engine.context_watch import ContextWatch
from deskbreak.engine.day_figures import DayFiguresWriter
from deskbreak.engine.events import EngineEvent
from deskbreak.engine.notices import Notices, Priority
from deskbreak.engine.routine_book import RoutineBook
from deskbreak.idle.base import DesktopProbe, IdleSource
from deskbreak.shell.paths import AppPaths
from deskbreak.shell.store import Store

if TYPE_CHECKING:
    from deskbreak.core.library import Library
    from deskbreak.core.movements import Routine

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
        self.store = store
        self.notices = notices
        self.settings = config.first_read()
        self._post_config_problem()
        for message in store.messages:
            log.warning("%s", message)
        self.post_store_problem()
        self.day_figures = DayFiguresWriter(store)
        self.book = RoutineBook(paths, clock, store, notices, load_library, lambda: self.settings)

    def start(
        self,
        idle: IdleSource | None,
        probe: DesktopProbe | None,
        context: ContextWatch | None,
        on_event: Callable[[EngineEvent], None],
    ) -> None:
        self.engine = BreakEngine(self.clock, idle, probe, self.settings, on_event, context)
        today = self.clock.now().date()
        if self.config.first_run or ritual_marker.done_on(self.paths) == today:
            # A brand-new install started mid-morning is not a missed ritual, and a ritual
            # done before a restart is not offered again: the rhythm goes on tomorrow.
            self.engine.ritual_done()

    def in_work_hours(self) -> bool:
        """Whether now is work time, before :meth:`start` (the tray's first icon shows it)."""
        return WorkSchedule(self.settings.schedule).is_work_time(self.clock.now())

    def ritual_done(self) -> None:
        """The ritual was done, or its reminder answered, today: remembered across restarts."""
        self.engine.ritual_done()
        ritual_marker.mark_done(self.paths, self.clock.now().date())
        self.store.backup_daily()

    def close(self) -> None:
        self.write_day(force=True)
        self.store.flush()
        self.store.close()
        self.engine.close()

    # -- routines (the prompts ask for these; the rest is on ``book``) -----------------------

    def routine(self, routine_id: str | None) -> Routine | None:
        """The routine to offer for ``routine_id`` (None: the prompt routine)."""
        return self.book.routine(routine_id)

    def minutes(self, routine: Routine) -> int:
        """A routine's length in whole minutes at the user's breathing pace (at least 1)."""
        return self.book.minutes(routine)

    def break_logged(self, session: SessionRecord) -> None:
        """A break was written to the log: what it taught shapes the next offer."""
        self.book.forget_adaptations()
        self.post_store_problem()

    def post_store_problem(self) -> None:
        """What is wrong with the log, in plain words, where the user looks (the tray)."""
        problem = self.store.problem
        if problem:
            self.notices.post("store", problem, Priority.DATA)
        else:
            self.notices.clear("store")

    # -- settings -------------------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """New settings take effect at once, without a restart."""
        previous, self.settings = self.settings, settings
        self.config.saved()
        self.notices.clear("config")
        self.engine.apply_settings(settings)
        self.book.settings_applied()
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

    # -- today's figures ------------------------------------------------------------------

    def write_day(self, *, force: bool = False, figures: DaySitting | None = None) -> None:
        now = self.clock.monotonic()
        if force or figures is not None or self.day_figures.due(now):
            self.day_figures.write(figures or self.engine.status().today, now)

    def day_closed(self, figures: DaySitting) -> None:
        self.write_day(figures=figures)
        self.store.backup_daily()
