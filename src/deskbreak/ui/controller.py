"""The tray app's behaviour on the Tk thread: engine events become windows, commands actions.

Two entry points, both matched exhaustively so that a new event or command the app forgets
is a type error: :meth:`TrayController.on_event` for what the break engine says, and
:meth:`TrayController.dispatch` for what the user asks (tray, menus, a second launch).
Decisions that are not about a window are the :class:`~deskbreak.engine.runtime.Runtime`'s;
the windows the menu opens are :class:`~deskbreak.ui.menu_windows.MenuWindows`' and the xorg
tray's popup and tip are :class:`~deskbreak.ui.tray_menus.TrayMenus`'.
"""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable
from typing import assert_never

from deskbreak.core.commands import (
    AnotherLaunch,
    Command,
    HoverTrayIcon,
    OpenTrayMenu,
    Pause,
    Quit,
    Resume,
    ShowAbout,
    ShowProgress,
    ShowSettings,
    Snooze,
    TakeBreak,
)
from deskbreak.core.policy import State
from deskbreak.core.policy_events import (
    BreakDue,
    BreakEnded,
    BreakStarted,
    Paused,
    PromptIgnored,
    PromptShown,
    PromptWithdrawn,
    Resumed,
    Skipped,
    Snoozed,
)
from deskbreak.core.records import Outcome, SessionRecord, Trigger
from deskbreak.core.settings import Settings
from deskbreak.core.sitting import SpellEnded
from deskbreak.engine.events import DayClosed, EngineEvent, IdleSourceChanged, RitualDue
from deskbreak.engine.runtime import Runtime
from deskbreak.ui import theme, tray_status
from deskbreak.ui.engine_timer import EngineTimer
from deskbreak.ui.menu_windows import MenuWindows
from deskbreak.ui.prompts import Prompts
from deskbreak.ui.tray import MenuEntry, Tray, standard_menu
from deskbreak.ui.tray_menus import TrayMenus
from deskbreak.ui.windows import Closed, WindowManager

log = logging.getLogger(__name__)

#: While a break waits in memory (the log locked or the disk full), it is tried this often.
STORE_RETRY_SECONDS = 15.0


class TrayController:
    """Windows and the tray for a :class:`Runtime`; ``quit`` ends the app."""

    def __init__(
        self,
        root: tk.Tk,
        runtime: Runtime,
        tray: Tray,
        post: Callable[[Command], object],
        quit: Callable[[], None],
    ) -> None:
        self.root = root
        self.runtime = runtime
        self.tray = tray
        self.windows = WindowManager(before_open=lambda: theme.set_window_icon(root))
        self.timer = EngineTimer(root, self.wake)
        self.prompts = Prompts(root, runtime, self.windows, self.take_break, self._changed)
        self._quit = quit
        self.menu_windows = MenuWindows(root, runtime, self.windows, self.apply_settings)
        self.tray_menus = TrayMenus(root, tray, post, self.menu)

    # -- time -----------------------------------------------------------------------------

    def wake(self) -> float:
        """The engine's turn: a waiting break saved, hand edits, samples, prompts; returns the
        seconds to sleep (shorter while a break waits to be saved)."""
        runtime = self.runtime
        if runtime.store.pending:
            runtime.store.flush()  # kept while the log was locked or the disk full
        if runtime.reload_config_if_changed():
            self._settings_changed()
        seconds = runtime.engine.wake()
        self.refresh()
        return min(seconds, STORE_RETRY_SECONDS) if runtime.store.pending else seconds

    def refresh(self) -> None:
        """The tray shows the engine's status; today's figures reach the log now and then."""
        self.runtime.post_store_problem()
        status = self.runtime.engine.status()
        limit = self.runtime.settings.breaks.sit_limit_minutes
        if self.tray.shows_own_menu:  # the xorg popup builds its menu when it opens
            self.tray.set_menu(self.menu())  # before the icon, so a host never sees it bare
        self.tray.show(
            tray_status.icon_state(status, limit),
            tray_status.tooltip(status, limit, self.runtime.notices.text()),
        )
        self.runtime.write_day()

    def _changed(self) -> None:
        """After a user action: show the new status and sleep until the engine is due."""
        self.refresh()
        self.timer.arm(self.runtime.engine.seconds_until_due())

    def menu(self) -> tuple[MenuEntry, ...]:
        """The tray menu as things stand: a status line, and only items that can act."""
        status = self.runtime.engine.status()
        limit = self.runtime.settings.breaks.sit_limit_minutes
        return standard_menu(
            self.runtime.book.menu_routines(),
            self.runtime.settings.breaks.snooze_minutes,
            tray_status.menu_status(status, limit),
        )

    # -- what the engine says -------------------------------------------------------------

    def on_event(self, event: EngineEvent) -> None:
        log.debug("event %r", event)
        match event:
            case PromptShown():
                self.prompts.offer_break(event)
            case PromptWithdrawn():
                self.windows.close("prompt")
            case RitualDue(routine_id=routine_id):
                if "break" not in self.windows:
                    self.prompts.offer_ritual(routine_id)
            case DayClosed(figures=figures):
                self.runtime.day_closed(figures)
            case IdleSourceChanged(name=name, problem=problem):
                log.warning("idle source %s: %s", name or "unavailable", problem or "works again")
            case (
                BreakDue()
                | PromptIgnored()
                | Snoozed()
                | Skipped()
                | Paused()
                | Resumed()
                | BreakStarted()
                | BreakEnded()
                | SpellEnded()
            ):
                pass  # the status shows them; nothing to open or close
            case _:
                assert_never(event)

    # -- what the user asks for -----------------------------------------------------------

    def dispatch(self, command: Command) -> None:
        """Every user command, from the tray, a menu or a second launch, comes through here."""
        log.debug("command %r", command)
        engine = self.runtime.engine
        match command:
            case TakeBreak(routine_id=routine_id):
                self.take_break(routine_id, Trigger.TRAY)
            case Snooze():
                self._user(engine.snooze)
            case Pause(minutes=minutes):
                engine.pause(minutes)
                self.windows.close("prompt")
                self._changed()
            case Resume():
                self._user(engine.resume)
            case ShowProgress():
                self.menu_windows.show_progress()
            case ShowSettings():
                self.menu_windows.show_settings()
            case ShowAbout():
                self.menu_windows.show_about()
            case AnotherLaunch():
                log.info("a second deskbreak was started; this one keeps running")
            case Quit():
                self._quit()
            case OpenTrayMenu(x=x, y=y):
                self.tray_menus.open_menu(x, y)
            case HoverTrayIcon(x=x, y=y, inside=inside):
                self.tray_menus.hover(x, y, inside=inside)
            case _:
                assert_never(command)

    def _user(self, action: Callable[[], object]) -> None:
        action()
        if self.runtime.engine.status().state is not State.PROMPTED:
            self.windows.close("prompt")
        self._changed()

    def take_break(self, routine_id: str | None, trigger: Trigger) -> None:
        """Open the break window (or bring the open one forward); the engine stops counting."""
        if (existing := self.windows.get("break")) is not None:
            existing.show()
            return
        self.windows.close("prompt")
        routine = self.runtime.routine(routine_id)
        if routine is None:
            return
        from deskbreak.ui.break_launch import open_break

        self.runtime.engine.take_break(trigger)
        finished: list[SessionRecord] = []

        def logged(session: SessionRecord) -> None:
            # Recorded = over (the summary may stay up): the tray says so at once.
            finished.append(session)
            self.runtime.break_logged(session)
            self.runtime.engine.break_finished(session.outcome is Outcome.COMPLETED)
            self._changed()

        def closed(on_closed: Closed) -> Callable[[], None]:
            def run() -> None:
                on_closed()
                if not finished:  # closed before anything was recorded
                    self.runtime.engine.break_finished(False)
                self._changed()

            return run

        self.windows.open(
            "break",
            lambda on_closed: open_break(
                self.root,
                routine,
                self.runtime.settings,
                self.runtime.store,
                paths=self.runtime.paths,
                library=self.runtime.book.library,
                trigger=trigger,
                on_closed=closed(on_closed),
                on_record=logged,
                clock=self.runtime.clock,
            ),
        )
        self.refresh()

    def apply_settings(self, settings: Settings) -> None:
        self.runtime.apply_settings(settings)
        self._settings_changed()
        self._changed()

    def _settings_changed(self) -> None:
        """Windows opened from now on take the new look; a menu the backend draws is rebuilt."""
        app = self.runtime.settings.app
        theme.use_settings(self.root, app.theme, app.scale)
        if self.tray.shows_own_menu:
            self.tray.set_menu(self.menu())
