"""The composition root of the tray app: builds every part once and wires the shell to the core.

Everything here runs on the Tk main thread. The tray thread, the single-instance server and
signal handlers only post :class:`~deskbreak.ui.wakeup.Command`\\ s to one queue, which Tk
drains when a byte arrives on its pipe. Time moves through one ``after()``: it calls
:meth:`BreakEngine.wake` and re-arms itself for whenever the engine says the next thing is due,
so an idle app sleeps.
"""

from __future__ import annotations

import contextlib
import logging
import tkinter as tk
from collections.abc import Callable
from typing import Any, assert_never

from deskbreak.core.adaptation import Adaptation
from deskbreak.core.choose import unknown_references
from deskbreak.core.clock import Clock, SystemClock
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
from deskbreak.core.library import Library, load_library
from deskbreak.core.movements import Routine
from deskbreak.core.policy import PromptShown, PromptWithdrawn, State
from deskbreak.core.records import DaySitting, Outcome, SessionRecord, Trigger
from deskbreak.core.routines import duration_seconds, shipped_routines
from deskbreak.core.settings import Settings
from deskbreak.engine import adaptations
from deskbreak.engine.break_engine import BreakEngine, DayClosed, IdleSourceChanged, RitualDue
from deskbreak.engine.breaks import movement_regions, routine_to_offer
from deskbreak.engine.config_watch import ConfigWatch
from deskbreak.engine.day_figures import DayFiguresWriter
from deskbreak.idle import select
from deskbreak.shell.paths import AppPaths
from deskbreak.shell.single_instance import InstanceServer
from deskbreak.shell.store import Store
from deskbreak.ui import tray_status
from deskbreak.ui.signals import on_stop_signals
from deskbreak.ui.tray import IMAGE_SIZE, MenuStatus, Tray, standard_menu
from deskbreak.ui.tray_art import IconState, draw_icon
from deskbreak.ui.wakeup import CommandQueue, can_watch_files, watch_fd

log = logging.getLogger(__name__)


class TrayApp:
    """deskbreak in the tray: the engine's events become windows, the user's clicks commands."""

    engine: BreakEngine  # made in start(), after the icon is up

    def __init__(
        self,
        root: tk.Tk,
        paths: AppPaths,
        *,
        clock: Clock | None = None,
        instance: InstanceServer | None = None,
        tray_backend: str | None = None,
    ) -> None:
        self.root = root
        self.paths = paths
        self.clock = clock or SystemClock()
        self.instance = instance
        self.commands = CommandQueue()
        self.notice: str | None = None
        self.config = ConfigWatch(paths.config_file)
        self.settings = self.config.first_read()
        self.notice = self.config.problem
        self.library: Library = load_library()
        for problem in self.library.problems:
            log.warning("movement library: %s", problem)
        self._check_references()
        self.store = Store.for_paths(paths)
        for message in self.store.messages:
            log.warning("%s", message)
            self.notice = message
        self.tray = Tray(self.commands.post, self._menu(), backend=tray_backend)
        self.windows: dict[str, Any] = {}
        self._wake_id: str | None = None
        self.day_figures = DayFiguresWriter(self.store)
        self._restore_signals: Callable[[], None] = lambda: None
        self._quitting = False
        self._popup: Any = None  # the xorg tray's Tk menu, made at the first right click
        self._tip: Any = None  # the xorg tray's tooltip, made at the first hover

    # -- start and stop -------------------------------------------------------------------

    def start(self) -> None:
        """Signals and the instance socket first (a SIGTERM or a second launch is answered
        from the first moment; both only queue work for the main loop), then the icon, which
        people look for; then the idle source, whose X connections take a while to open, the
        engine, and the commands waiting in the queue."""
        self._restore_signals = on_stop_signals(self.root, self.quit)
        if self.instance is not None:
            self.instance.start(self.commands.post)
            if can_watch_files(self.root):
                watch_fd(self.root, self.instance.fileno(), self.instance.handle_ready)
            else:
                self.instance.serve_in_thread()
        self.tray.start(draw_icon(IMAGE_SIZE, IconState()), "deskbreak")
        idle, idle_description = select.choose_idle_source()
        log.info("%s", idle_description)
        self.probe, probe_description = select.choose_desktop_probe()
        log.info("%s", probe_description)
        self.engine = BreakEngine(self.clock, idle, self.probe, self.settings, self._on_event)
        self.commands.attach(self.root, self._dispatch)
        self.store.backup_daily()
        self._wake()

    def quit(self) -> None:
        """Quit, SIGTERM and logout all come here: close windows, flush the log, stop the icon."""
        if self._quitting:
            return
        self._quitting = True
        log.info("quitting")
        for window in list(self.windows.values()):
            with contextlib.suppress(tk.TclError):
                (getattr(window, "close", None) or window.destroy)()
        if self._wake_id is not None:
            self.root.after_cancel(self._wake_id)
        self._write_day(force=True)
        self.store.flush()
        self.store.close()
        self.engine.close()
        self.probe.close()
        self.tray.stop()
        if self.instance is not None:
            self.instance.close()
        self.commands.close()
        self._restore_signals()
        self.root.quit()

    # -- time -----------------------------------------------------------------------------

    def _wake(self) -> None:
        self._wake_id = None
        self._reload_config_if_changed()
        seconds = self.engine.wake()
        self._refresh()
        self._arm(seconds)

    def _arm(self, seconds: float | None = None) -> None:
        if self._quitting:
            return
        if seconds is None:
            seconds = self.engine.seconds_until_due()
        if self._wake_id is not None:
            self.root.after_cancel(self._wake_id)
        self._wake_id = self.root.after(max(1, int(seconds * 1000)), self._wake)

    def _refresh(self) -> None:
        status = self.engine.status()
        limit = self.settings.breaks.sit_limit_minutes
        self.tray.show(
            tray_status.icon_state(status, limit), tray_status.tooltip(status, limit, self.notice)
        )
        self.tray.set_menu(self._menu(tray_status.menu_status(status, limit)))
        self._write_day()

    def _write_day(self, *, force: bool = False, figures: DaySitting | None = None) -> None:
        now = self.clock.monotonic()
        if force or figures is not None or self.day_figures.due(now):
            self.day_figures.write(figures or self.engine.status().today, now)

    # -- what the engine says -------------------------------------------------------------

    def _on_event(self, event: object) -> None:
        log.debug("event %r", event)
        match event:
            case PromptShown():
                self._show_prompt(event)
            case PromptWithdrawn():
                self._close("prompt")
            case RitualDue(routine_id=routine_id):
                self._show_ritual_prompt(routine_id)
            case DayClosed(figures=figures):
                self._write_day(figures=figures)
                self.store.backup_daily()
            case IdleSourceChanged(name=name, problem=problem):
                log.warning("idle source %s: %s", name or "unavailable", problem or "works again")

    def _show_prompt(self, event: PromptShown) -> None:
        from deskbreak.ui.prompt_window import PromptWindow

        self._close("prompt")
        routine = self._routine(event.routine_id)
        self.windows["prompt"] = PromptWindow(
            self.root,
            sitting_minutes=round(event.spell_seconds / 60),
            routine_name=routine.name.lower() if routine else "movement",
            routine_minutes=max(1, round(self._minutes(routine))),
            can_snooze=event.can_snooze,
            snooze_minutes=self.settings.breaks.snooze_minutes,
            on_start=lambda: self._prompt_answer(lambda: self.take_break(None, Trigger.PROMPT)),
            on_snooze=lambda: self._prompt_answer(self.engine.snooze),
            on_skip=lambda: self._prompt_answer(self.engine.skip),
            on_ignored=lambda: self._prompt_answer(self.engine.prompt_ignored),
            sound=self.settings.app.sound,
        )

    def _show_ritual_prompt(self, routine_id: str) -> None:
        from deskbreak.ui.prompt_window import PromptWindow

        if "break" in self.windows:
            return
        self._close("prompt")
        routine = self._routine(routine_id)
        if routine is None:
            return
        self.windows["prompt"] = PromptWindow(
            self.root,
            sitting_minutes=round(self.engine.status().spell_seconds / 60),
            routine_name=routine.name.lower(),
            routine_minutes=max(1, round(self._minutes(routine))),
            heading="Your daily ritual",
            message=f"Time for your {round(self._minutes(routine))}-minute {routine.name.lower()}"
            " — soften, organize, strengthen. Ready when you are.",
            can_snooze=False,
            snooze_minutes=self.settings.breaks.snooze_minutes,
            on_start=lambda: self._prompt_answer(
                lambda: self.take_break(routine_id, Trigger.RITUAL)
            ),
            on_snooze=lambda: None,
            on_skip=lambda: self._prompt_answer(lambda: None),
            on_ignored=lambda: self._prompt_answer(lambda: None),
            sound=self.settings.app.sound,
        )

    def _prompt_answer(self, action: Callable[[], object]) -> None:
        self.windows.pop("prompt", None)
        action()
        self._refresh()
        self._arm()

    # -- what the user asks for -----------------------------------------------------------

    def _dispatch(self, command: Command) -> None:
        """Every user command, from the tray, a menu or a second launch, comes through here."""
        match command:
            case TakeBreak(routine_id=routine_id):
                self.take_break(routine_id, Trigger.TRAY)
            case Snooze():
                self._user(self.engine.snooze)
            case Pause(minutes=minutes):
                self._pause(minutes)
            case Resume():
                self._user(self.engine.resume)
            case ShowProgress():
                self.show_progress()
            case ShowSettings():
                self.show_settings()
            case ShowAbout():
                self.show_about()
            case AnotherLaunch():
                log.info("a second deskbreak was started; this one keeps running")
            case Quit():
                self.quit()
            case OpenTrayMenu(x=x, y=y):
                self._tray_tip(0, 0, False)
                self._tray_menu(x, y)
            case HoverTrayIcon(x=x, y=y, inside=inside):
                self._tray_tip(x, y, inside)
            case _:
                assert_never(command)

    def _user(self, action: Callable[[], object]) -> None:
        action()
        if self.engine.status().state is not State.PROMPTED:
            self._close("prompt")
        self._refresh()
        self._arm()

    def _pause(self, minutes: int | None) -> None:
        self.engine.pause(minutes)
        self._close("prompt")
        self._refresh()
        self._arm()

    def take_break(self, routine_id: str | None, trigger: Trigger) -> None:
        """Open the break window (or raise the open one) and tell the engine a break began."""
        from deskbreak.ui.break_launch import open_break

        existing = self.windows.get("break")
        if existing is not None:
            _raise(existing)
            return
        self._close("prompt")
        routine = self._routine(routine_id)
        if routine is None:
            return
        self.engine.take_break(trigger)
        recorded: list[SessionRecord] = []

        def on_record(session: SessionRecord) -> None:
            # Recorded = over (the summary may stay up): the tray says so at once.
            recorded.append(session)
            self.engine.break_finished(session.outcome is Outcome.COMPLETED)
            self._refresh()
            self._arm()

        def on_close() -> None:
            self.windows.pop("break", None)
            if not recorded:  # closed before anything was done
                self.engine.break_finished(False)
            self._refresh()
            self._arm()

        self.windows["break"] = open_break(
            self.root,
            routine,
            self.settings,
            self.store,
            paths=self.paths,
            library=self.library,
            trigger=trigger,
            on_close=on_close,
            on_record=on_record,
            clock=self.clock,
        )
        self._refresh()

    def show_progress(self) -> None:
        from deskbreak.core import stats
        from deskbreak.ui.progress_window import ProgressWindow

        today = self.clock.now().date()
        figures = stats.compute(
            self.store.summary(today),
            today=today,
            weekly_goal_days=self.settings.app.weekly_goal_days,
            regions=movement_regions(self.library),
        )
        existing = self.windows.get("progress")
        if existing is not None:
            existing.show_stats(figures)
            _raise(existing.top)
            return
        window = ProgressWindow(self.root, figures)
        window.on_close = lambda: self.windows.pop("progress", None)
        self.windows["progress"] = window

    def show_settings(self) -> None:
        from deskbreak.ui.settings_dialog import SettingsDialog

        existing = self.windows.get("settings")
        if existing is not None:
            _raise(existing)
            return
        routines = shipped_routines(self.library)
        adapted = self._adaptations()
        self.windows["settings"] = SettingsDialog(
            self.root,
            self.settings,
            self.paths.config_file,
            routines=[(rid, r.name) for rid, r in routines.items()],
            movements=[(m.id, m.name) for m in self.library.base_movements()],
            adaptations=[
                (self.library[mid].name if mid in self.library else mid, a.reason)
                for mid, a in adapted.items()
            ],
            on_saved=self.apply_settings,
            on_reset_adaptations=self._reset_adaptations,
            on_closed=lambda: self.windows.pop("settings", None),
        )

    def show_about(self) -> None:
        from deskbreak.ui.about_dialog import AboutDialog

        existing = self.windows.get("about")
        if existing is not None:
            _raise(existing)
            return
        self.windows["about"] = AboutDialog(
            self.root, self.paths, on_closed=lambda: self.windows.pop("about", None)
        )

    def _tray_menu(self, x: int, y: int) -> None:
        from deskbreak.ui.tray_menu import TrayPopup

        if self._popup is None:
            self._popup = TrayPopup(self.root, self.commands.post)
        self._popup.open(self.tray.menu, x, y)

    def _tray_tip(self, x: int, y: int, inside: bool) -> None:
        from deskbreak.ui.hover_tip import HoverTip

        if self._tip is None:
            if not inside:
                return
            self._tip = HoverTip(self.root)
        self._tip.hover_at(x, y, inside, self.tray.title)

    # -- settings -------------------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """New settings take effect at once, without a restart."""
        previous, self.settings = self.settings, settings
        self.config.saved()
        self.notice = None
        self.engine.apply_settings(settings)
        if settings.app.autostart != previous.app.autostart:
            from deskbreak.shell import autostart

            try:
                (autostart.enable if settings.app.autostart else autostart.disable)()
            except autostart.AutostartError as error:
                log.warning("start at login: %s", error)
                self.notice = f"Start at login: {error}"
        self._refresh()
        self._arm()

    def _reload_config_if_changed(self) -> None:
        """A hand edit is picked up on the next wake; a broken one is reported, not applied."""
        settings = self.config.changed()
        if settings is not None:
            self.apply_settings(settings)
            self._check_references()
        elif self.config.problem:
            self.notice = self.config.problem

    def _check_references(self) -> None:
        """Routine or movement ids the library lacks: reported; the app falls back."""
        for problem in unknown_references(self.settings, self.library):
            log.warning("%s: %s", self.paths.config_file, problem)
            self.notice = "Config problem: run `deskbreak config check`"

    # -- helpers --------------------------------------------------------------------------

    def _menu(self, status: MenuStatus | None = None) -> tuple[Any, ...]:
        routines = shipped_routines(self.library)
        labels = [
            (rid, f"{r.name} · {max(1, round(self._minutes(r)))} min")
            for rid, r in routines.items()
        ]
        return standard_menu(labels, self.settings.breaks.snooze_minutes, status)

    def _routine(self, routine_id: str | None) -> Routine | None:
        return routine_to_offer(routine_id, self.library, self.settings, self._adaptations())

    def _minutes(self, routine: Routine | None) -> float:
        return duration_seconds(routine, self.settings.breathing) / 60 if routine else 0.0

    def _adaptations(self) -> dict[str, Adaptation]:
        return adaptations.load(self.library, self.store, self.paths, self.clock.now().date())

    def _reset_adaptations(self) -> None:
        adaptations.reset(self.paths, self.clock.now())

    def _close(self, name: str) -> None:
        window = self.windows.pop(name, None)
        if window is not None:
            with contextlib.suppress(tk.TclError):
                window.destroy()


def _raise(window: Any) -> None:
    with contextlib.suppress(tk.TclError, AttributeError):
        window.deiconify()
        window.lift()
