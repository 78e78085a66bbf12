"""Open a break window wired to the log: the one way both the tray app and `deskbreak break` do it.

Each break is recorded once (even when the window is closed early) and this week's figures
feed the summary; both come from :mod:`deskbreak.engine.breaks`.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

from deskbreak.core.clock import Clock, SystemClock
from deskbreak.core.library import Library
from deskbreak.core.movements import Routine
from deskbreak.core.records import SessionRecord, Trigger
from deskbreak.core.settings import Settings
from deskbreak.engine.breaks import next_time, recorder, week_progress
from deskbreak.shell.paths import AppPaths
from deskbreak.shell.store import Store
from deskbreak.ui.break_window import BreakWindow


def open_break(
    root: tk.Misc,
    routine: Routine,
    settings: Settings,
    store: Store | None,
    *,
    paths: AppPaths | None,
    library: Library | None = None,
    trigger: Trigger = Trigger.COMMAND,
    on_closed: Callable[[], None] | None = None,
    on_record: Callable[[SessionRecord], None] | None = None,
    clock: Clock | None = None,
) -> BreakWindow:
    """Open the break window on ``root`` and return it at once (it never blocks)."""
    clock = clock or SystemClock()
    return BreakWindow(
        root,
        routine,
        settings.breathing,
        clock,
        recorder(store, on_record),
        on_closed or (lambda: None),
        paths=paths,
        week_summary=(
            week_progress(store, settings, lambda: clock.now().date()) if store else None
        ),
        next_time=(
            next_time(store, library, paths, lambda: clock.now().date())
            if store is not None and library is not None and paths is not None
            else None
        ),
        trigger=trigger,
        movements=library.movements if library is not None else None,
    )
