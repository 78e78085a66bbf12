"""`deskbreak run` (and plain `deskbreak`): start the tray app, or find the running one."""

from __future__ import annotations

import gc
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from deskbreak.commands import context

if TYPE_CHECKING:
    import argparse


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "run",
        parents=[common],
        help="start the tray app (the default).",
        description="Start deskbreak in the system tray. If it is already running, say so.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import tkinter as tk

    from deskbreak.shell import logsetup
    from deskbreak.shell.single_instance import InstanceServer

    ctx = context.load(args)
    problem = logsetup.configure(ctx.paths.log_file, verbose=args.verbose)
    if problem:
        print(f"deskbreak: {problem}", file=sys.stderr)
    logsetup.install_excepthooks()
    try:
        instance = InstanceServer.claim(ctx.paths)
    except OSError as error:
        print(
            f"deskbreak: cannot use {ctx.paths.runtime_dir} ({error.strerror or error}); running "
            "without the single-instance lock, so a second start is not detected. "
            "Run `deskbreak doctor` for the fix.",
            file=sys.stderr,
        )
        instance = None
    else:
        if instance is None:
            return _already_running(ctx)

    from deskbreak.app import TrayApp
    from deskbreak.ui import theme
    from deskbreak.ui.tk_errors import keep_tk_running

    try:
        root = theme.make_root(window_icon=False)  # set before the first window
    except tk.TclError as error:
        if instance is not None:
            instance.close()
        print(
            f"deskbreak: cannot open the display ({error}); run `deskbreak doctor`.",
            file=sys.stderr,
        )
        return 1
    keep_tk_running(root)
    app = TrayApp(root, ctx.paths, instance=instance)
    app.start()
    root.mainloop()
    root.destroy()
    del app, root
    gc.collect()  # free Tk objects here, on the Tk thread, never on the tray's thread
    return 0


def _already_running(ctx: context.Context) -> int:
    """Another deskbreak holds the lock: hand over, or say plainly why not (never a traceback)."""
    from deskbreak.core.commands import AnotherLaunch
    from deskbreak.shell.instance_client import HandoverRejected, try_handover
    from deskbreak.shell.instance_files import socket_problem

    try:
        if try_handover(ctx.paths, AnotherLaunch()):
            print("deskbreak is already running (look for its icon in the tray).")
            return 0
    except HandoverRejected as error:
        print(f"deskbreak is already running, but {error}.", file=sys.stderr)
        return 1
    why = socket_problem(ctx.paths) or "it does not answer on its socket"
    print(
        f"deskbreak: another deskbreak holds the lock, but {why}. If none is running, "
        "run `deskbreak doctor`.",
        file=sys.stderr,
    )
    return 1


#: `deskbreak` with no words, as the parser would give it (a test holds the two equal):
#: the tray starts without loading argparse, whose code it would hold for days.
PLAIN_START = SimpleNamespace(
    command="run", func=run, config_dir=None, data_dir=None, verbose=False
)
