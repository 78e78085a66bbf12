"""The composition root of the tray app: makes each part once and wires them; no behaviour.

Everything here runs on the Tk main thread. The tray thread, the single-instance server and
signal handlers only post typed :mod:`~deskbreak.core.commands` to one queue, which Tk
drains when a byte arrives on its pipe (:mod:`deskbreak.ui.wakeup`). What happens then is
the :class:`~deskbreak.ui.controller.TrayController`'s (windows) and the
:class:`~deskbreak.engine.runtime.Runtime`'s (everything else); time moves through one
``after()`` that sleeps until the break engine is next due.
"""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable
from typing import TYPE_CHECKING

from deskbreak.core.clock import Clock, SystemClock
from deskbreak.core.settings import Settings
from deskbreak.engine import handover
from deskbreak.engine.break_engine import BreakEngine
from deskbreak.engine.config_watch import ConfigWatch
from deskbreak.engine.context_watch import ContextWatch
from deskbreak.engine.notices import Notices
from deskbreak.engine.runtime import Runtime
from deskbreak.idle import context_select, probe_select, select
from deskbreak.shell.paths import AppPaths
from deskbreak.shell.single_instance import InstanceServer
from deskbreak.shell.store import Store
from deskbreak.ui import theme, tray_status
from deskbreak.ui.controller import TrayController
from deskbreak.ui.signals import on_stop_signals
from deskbreak.ui.tray import IMAGE_SIZE, Tray
from deskbreak.ui.tray_art import draw_icon
from deskbreak.ui.wakeup import CommandQueue, can_watch_files, watch_fd
from deskbreak.ui.windows import WindowManager

if TYPE_CHECKING:
    from deskbreak.core.library import Library

log = logging.getLogger(__name__)

#: A save waits this long for a lock another program holds; then the break waits in memory
#: and is tried again (see :data:`deskbreak.ui.controller.STORE_RETRY_SECONDS`): the Tk
#: thread never waits longer.
STORE_BUSY_SECONDS = 0.25


def _load_library() -> Library:
    """The movement library, imported and read only when the app first needs it."""
    from deskbreak.core.library import load_library

    return load_library()


class TrayApp:
    """deskbreak in the tray: the runtime, the tray, the windows and the queue, wired."""

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
        self.notices = Notices()
        self.runtime = Runtime(
            paths,
            self.clock,
            ConfigWatch(paths.config_file),
            _load_library,
            Store.for_paths(paths, busy_seconds=STORE_BUSY_SECONDS),
            self.notices,
        )
        self.tray = Tray(
            self.commands.post,
            (),
            backend=tray_backend,
            configured=self.runtime.settings.app.tray,
        )
        self.controller = TrayController(
            root, self.runtime, self.tray, self.commands.post, self.quit
        )
        theme.use_settings(root, self.settings.app.theme, self.settings.app.scale)
        self._restore_signals: Callable[[], None] = lambda: None
        self._quitting = False

    def start(self) -> None:
        """Signals and the instance socket first (a SIGTERM or a second launch is answered
        from the first moment; both only queue work for the main loop), then the icon, which
        people look for; then the idle source, whose X connections take a while to open, the
        engine, and the commands waiting in the queue."""
        self._restore_signals = on_stop_signals(self.root, self.quit)
        paths = self.paths
        if self.instance is not None and not self.instance.start(
            self.commands.post, lambda command: handover.refusal(command, paths)
        ):
            self.notices.post("instance", self.instance.problem or "no single-instance socket")
        elif self.instance is not None:
            if can_watch_files(self.root):
                watch_fd(self.root, self.instance.fileno(), self.instance.handle_ready)
            else:
                self.instance.serve_in_thread()
        first_icon = tray_status.starting_state(self.runtime.in_work_hours())
        self.tray.start(draw_icon(IMAGE_SIZE, first_icon), "deskbreak")
        idle, idle_description = select.choose_idle_source()
        log.info("%s", idle_description)
        self.probe, probe_description = probe_select.choose_desktop_probe()
        log.info("%s", probe_description)
        sources, checks = context_select.open_context_sources()
        log.info("context sources: %s", "; ".join(check.line() for check in checks))
        self.runtime.start(idle, self.probe, ContextWatch(sources), self.controller.on_event)
        self.commands.attach(self.root, self.controller.dispatch)
        self.controller.timer.wake_now()

    def quit(self) -> None:
        """Quit, SIGTERM and logout all come here: close windows, flush the log, stop the icon."""
        if self._quitting:
            return
        self._quitting = True
        log.info("quitting")
        self.controller.windows.close_all()
        self.controller.timer.stop()
        self.runtime.close()
        self.probe.close()
        self.tray.stop()
        if self.instance is not None:
            self.instance.close()
        self.commands.close()
        self._restore_signals()
        self.root.quit()

    # -- views for tests and tools --------------------------------------------------------

    @property
    def engine(self) -> BreakEngine:
        return self.runtime.engine

    @property
    def settings(self) -> Settings:
        return self.runtime.settings

    @property
    def store(self) -> Store:
        return self.runtime.store

    @property
    def windows(self) -> WindowManager:
        return self.controller.windows

    def _wake(self) -> None:
        self.controller.timer.wake_now()
