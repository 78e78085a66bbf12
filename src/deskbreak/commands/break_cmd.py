"""`deskbreak break [ROUTINE]`: open a guided break now, without the tray app.

:func:`open_break` is the part the tray app reuses in-process: it wires a break window
to the log (each break recorded once, even when the window is closed early) and to
this week's figures for the summary.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from deskbreak.commands import UsageError, context

if TYPE_CHECKING:  # imported when run, so other commands start without them
    import tkinter as tk

    from deskbreak.core.clock import Clock
    from deskbreak.core.library import Library
    from deskbreak.core.movements import Routine
    from deskbreak.core.records import SessionRecord, Trigger
    from deskbreak.core.settings import Settings
    from deskbreak.paths import AppPaths
    from deskbreak.shell.store import Store
    from deskbreak.ui.break_window import BreakWindow


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "break",
        parents=[common],
        help="open a guided break now.",
        description="open a guided break now, without the tray app. "
        "Without ROUTINE, the routine in [breaks] prompt_routine.",
    )
    parser.add_argument(
        "routine", nargs="?", metavar="ROUTINE", help="a routine id, e.g. quick-reset"
    )
    parser.set_defaults(func=run)


def open_break(
    root: tk.Misc,
    routine: Routine,
    settings: Settings,
    store: Store | None,
    *,
    paths: AppPaths | None,
    library: Library | None = None,
    trigger: Trigger | None = None,
    on_close: Callable[[], None] | None = None,
    on_record: Callable[[SessionRecord], None] | None = None,
    clock: Clock | None = None,
) -> BreakWindow:
    """Open the break window on ``root`` and return it at once (it never blocks).

    Each break is added to ``store`` (if given) and then passed to ``on_record``;
    ``trigger`` defaults to :attr:`Trigger.COMMAND`.
    """
    from deskbreak.core.clock import SystemClock
    from deskbreak.core.records import Trigger
    from deskbreak.ui.break_window import BreakWindow

    def record(session: SessionRecord) -> None:
        if store is not None:
            store.add_session(session)
        if on_record is not None:
            on_record(session)

    return BreakWindow(
        root,
        routine,
        settings.breathing,
        clock or SystemClock(),
        record,
        on_close or (lambda: None),
        paths=paths,
        week_summary=_week_summary(store, settings) if store is not None else None,
        trigger=trigger or Trigger.COMMAND,
        movements=library.movements if library is not None else None,
    )


def _week_summary(store: Store, settings: Settings) -> Callable[[], tuple[int, int]]:
    def week() -> tuple[int, int]:
        from datetime import date

        from deskbreak.core import stats

        today = date.today()
        figures = stats.compute(
            store.summary(today), today=today, weekly_goal_days=settings.app.weekly_goal_days
        )
        return figures.week.active_days, figures.week.goal_days

    return week


def run(args: argparse.Namespace) -> int:
    from deskbreak.core.library import load_library
    from deskbreak.core.routines import shipped_routines

    ctx = context.load(args)
    settings = ctx.config.settings
    library = load_library()
    for problem in library.problems:
        print(f"deskbreak: movement library: {problem}", file=sys.stderr)
    routines = shipped_routines(library)
    wanted = args.routine or settings.breaks.prompt_routine
    routine = routines.get(wanted)
    if routine is None:
        listing = "\n".join(f"  {r.id:<16} {r.name} — {r.summary}" for r in routines.values())
        raise UsageError(f"there is no routine called {wanted!r}. The routines are:\n{listing}")
    if _hand_over(ctx.paths, wanted):
        print(f"Opened {routine.name} in the running deskbreak.")
        return 0
    return _run_window(wanted, settings, ctx.paths, library)


def _hand_over(paths: AppPaths, routine_id: str) -> bool:
    """With the tray app running, the break opens there (one icon, one log writer)."""
    from deskbreak.shell.single_instance import HandoverRejected, try_handover
    from deskbreak.shell.wakeup import Command

    try:
        return try_handover(paths, Command("break", (routine_id,)))
    except HandoverRejected as error:
        import logging

        logging.getLogger(__name__).warning("the running deskbreak refused the break: %s", error)
        return False


def _run_window(routine_id: str, settings: Settings, paths: AppPaths, library: Library) -> int:
    import tkinter as tk
    from datetime import date

    from deskbreak.core.choose import choose_routine
    from deskbreak.shell import adaptations
    from deskbreak.shell.signals import on_stop_signals
    from deskbreak.shell.store import Store
    from deskbreak.ui import theme

    try:
        root = theme.make_root()
    except tk.TclError as error:
        print(
            f"deskbreak break: cannot open a window ({error}). Is a display available?",
            file=sys.stderr,
        )
        return 1
    restore = on_stop_signals(root, root.quit)  # before the window shows: no signal missed
    store = Store.for_paths(paths)
    for message in store.messages:
        print(f"deskbreak: {message}", file=sys.stderr)
    adapted = adaptations.load(library, store, paths, date.today())
    routine = choose_routine(routine_id, library, settings, adapted)
    window = open_break(
        root, routine, settings, store, paths=paths, library=library, on_close=root.quit
    )
    try:
        root.mainloop()
    except KeyboardInterrupt:
        pass
    finally:
        restore()
        if window.recorded is None:
            window.close()  # Ctrl-C or SIGTERM mid-break: keep what was done
        store.close()
        root.destroy()
    if store.pending:
        print(
            f"deskbreak: the log at {paths.database} could not be written just now; "
            "this break was not saved.",
            file=sys.stderr,
        )
        return 1
    return 0
