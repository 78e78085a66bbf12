"""`deskbreak break [ROUTINE]`: open a guided break now, without the tray app.

The window comes from :func:`deskbreak.ui.break_launch.open_break`, the same one the
tray app opens.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from deskbreak.commands import UsageError, context

if TYPE_CHECKING:  # imported when run, so other commands start without them
    from deskbreak.core.library import Library
    from deskbreak.core.settings import Settings
    from deskbreak.shell.paths import AppPaths


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
    try:
        if _hand_over(ctx.paths, wanted):
            print(f"Opened {routine.name} in the running deskbreak.")
            return 0
    except RuntimeError as error:  # HandoverRejected: a second window would be a second writer
        print(f"deskbreak break: deskbreak is running, but {error}.", file=sys.stderr)
        return 1
    return _run_window(wanted, settings, ctx.paths, library)


def _hand_over(paths: AppPaths, routine_id: str) -> bool:
    """With the tray app running, the break opens there (one icon, one log writer).

    Raises ``HandoverRejected`` when the running one refused or did not answer in time."""
    from deskbreak.core.commands import TakeBreak
    from deskbreak.shell.instance_client import try_handover

    return try_handover(paths, TakeBreak(routine_id))


def _run_window(routine_id: str, settings: Settings, paths: AppPaths, library: Library) -> int:
    import tkinter as tk
    from datetime import date

    from deskbreak.core.builder import CannotBuild
    from deskbreak.core.choose import choose_routine
    from deskbreak.engine import adaptations
    from deskbreak.shell.store import Store
    from deskbreak.ui import theme
    from deskbreak.ui.break_launch import open_break
    from deskbreak.ui.signals import on_stop_signals

    try:
        root = theme.make_root()
    except tk.TclError as error:
        print(
            f"deskbreak break: cannot open a window ({error}). Is a display available?",
            file=sys.stderr,
        )
        return 1
    theme.use_settings(root, settings.app.theme, settings.app.scale)
    restore = on_stop_signals(root, root.quit)  # before the window shows: no signal missed
    store = Store.for_paths(paths)
    for message in store.messages:
        print(f"deskbreak: {message}", file=sys.stderr)
    adapted = adaptations.load(library, store, paths, date.today())
    try:
        routine = choose_routine(routine_id, library, settings, adapted)
    except CannotBuild as error:
        print(f"deskbreak break: {error.reason}", file=sys.stderr)
        store.close()
        restore()
        root.destroy()
        return 2
    window = open_break(
        root, routine, settings, store, paths=paths, library=library, on_closed=root.quit
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
