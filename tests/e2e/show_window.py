"""Opens deskbreak's windows on their own, for the desktop tests and screenshots.

``python -m tests.e2e.show_window prompt [SECONDS]``: the break offer; prints ``ready``, then
what the user answered (``start``, ``snooze``, ``skip``, ``ignored``) or ``timeout``.

``python -m tests.e2e.show_window gallery``: every window and break page in turn. For each it
prints ``shown <name>`` once it is drawn and waits for a line on stdin before the next.
``DESKBREAK_SCALE`` and ``DESKBREAK_THEME`` pick the scale and the theme.
"""

from __future__ import annotations

import sys
import tkinter as tk
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta

from deskbreak.ui import theme

GALLERY = (
    "prompt",
    "break-guide",
    "break-pain",
    "break-comfort",
    "break-summary",
    "about",
    "progress",
)


def _prompt(root: tk.Tk, done: Callable[[str], None]) -> tk.Misc:
    from deskbreak.ui.prompt_window import PromptWindow

    return PromptWindow(
        root,
        sitting_minutes=52,
        routine_name="quick reset",
        routine_minutes=3,
        can_snooze=True,
        snooze_minutes=10,
        on_start=lambda: done("start"),
        on_snooze=lambda: done("snooze"),
        on_skip=lambda: done("skip"),
        on_ignored=lambda: done("ignored"),
        timeout_ms=10 * 60_000,
    )


def _break(root: tk.Tk, page: str) -> tk.Misc:
    from deskbreak.core.clock import SystemClock
    from deskbreak.core.library import load_library
    from deskbreak.core.routines import shipped_routines
    from deskbreak.core.settings import Settings
    from deskbreak.ui.break_window import BreakWindow

    library = load_library()
    routine = next(iter(shipped_routines(library).values()))
    window = BreakWindow(
        root,
        routine,
        Settings().breathing,
        SystemClock(),
        lambda _record: None,
        lambda: None,
        movements=library.movements,
        week_summary=lambda: (2, 5),
        animate=False,
    )
    if page == "pain":
        window.pain_stop()
    elif page in ("comfort", "summary"):
        window.stop()
        window.answer(2)
        if page == "summary":
            window.finish_rating()
    return window


def _progress(root: tk.Tk) -> tk.Misc:
    from deskbreak.core import log_summary, stats
    from deskbreak.core.records import MovementRecord, Outcome, SessionRecord, Trigger
    from deskbreak.ui.progress_window import ProgressWindow

    today = date.today()
    sessions = []
    for back in (0, 1, 3, 8, 9):
        when = datetime.combine(today - timedelta(days=back), time(10)).astimezone()
        moves = (MovementRecord("cat-cow", "base", True, 120.0),)
        sessions.append(
            SessionRecord(
                f"s{back}", when, when, "quick-reset", Trigger.PROMPT, Outcome.COMPLETED, moves
            )
        )
    figures = stats.compute(log_summary.summarize(sessions), today=today, weekly_goal_days=5)
    return ProgressWindow(root, figures)


def _about(root: tk.Tk) -> tk.Misc:
    from deskbreak.shell import paths
    from deskbreak.ui.about_dialog import AboutDialog

    return AboutDialog(root, paths.resolve())


def _windows(root: tk.Tk, done: Callable[[str], None]) -> Iterator[tuple[str, tk.Misc]]:
    for name in GALLERY:
        if name == "prompt":
            yield name, _prompt(root, done)
        elif name.startswith("break-"):
            yield name, _break(root, name.removeprefix("break-"))
        elif name == "about":
            yield name, _about(root)
        else:
            yield name, _progress(root)


def main(kind: str, seconds: float) -> None:
    root = theme.make_root()

    def done(what: str) -> None:
        print(what, flush=True)
        root.after(200, root.destroy)

    if kind == "prompt":
        _prompt(root, done)
        root.update()
        print("ready", flush=True)
        root.after(int(seconds * 1000), lambda: done("timeout"))
        root.mainloop()
        return
    if kind != "gallery":
        raise SystemExit(f"unknown window {kind!r}")
    for name, window in _windows(root, lambda _what: None):
        for _ in range(20):  # let the window manager map and place it
            root.update()
            root.after(50)
            if name == "break-guide":
                window.refresh()  # type: ignore[attr-defined]  # as its frame clock does
        print(f"shown {name} {window.winfo_toplevel().title()}", flush=True)
        if not sys.stdin.readline():
            break
        window.winfo_toplevel().destroy()
        root.update()
    root.destroy()


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 30)
