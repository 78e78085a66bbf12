"""`deskbreak break [ROUTINE]` and `open_break`, the piece the tray app reuses."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import tkinter as tk

import pytest

from deskbreak.cli import main
from deskbreak.core.library import load_library
from deskbreak.core.records import Outcome, SessionRecord, Trigger
from deskbreak.core.routines import shipped_routines
from deskbreak.core.settings import Settings
from deskbreak.shell import paths
from deskbreak.shell.store import Store
from deskbreak.ui.break_launch import open_break
from tests.core.session_fixtures import fake_clock


def test_unknown_routine_lists_the_routines_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["break", "no-such-routine"]) == 2
    err = capsys.readouterr().err
    assert "no routine called 'no-such-routine'" in err
    for routine_id in shipped_routines(load_library()):
        assert routine_id in err


@pytest.mark.gui
def test_open_break_records_into_the_store_and_reports_the_week(root: tk.Tk) -> None:
    app_paths = paths.resolve()
    library = load_library()
    routine = shipped_routines(library)["quick-reset"]
    store = Store.for_paths(app_paths)
    seen: list[SessionRecord] = []
    closed: list[bool] = []
    clock = fake_clock()
    window = open_break(
        root,
        routine,
        Settings(),
        store,
        paths=app_paths,
        library=library,
        trigger=Trigger.TRAY,
        on_closed=lambda: closed.append(True),
        on_record=seen.append,
        clock=clock,
    )
    window.update()
    assert window.view == "first_run"  # the very first break shows the note
    window.begin()
    clock.advance(window.session.frame().routine_seconds + 1)
    window.refresh()
    window.answer(1)
    window.finish_rating()
    [record] = store.sessions()
    assert seen == [record]
    assert record.outcome is Outcome.COMPLETED and record.trigger is Trigger.TRAY
    assert " of 5 days this week" in window.summary.text()
    window.close()
    assert closed == [True] and len(store.sessions()) == 1
    store.close()


@pytest.mark.gui
@pytest.mark.parametrize("first_run", [False, True])
def test_sigterm_closes_the_window_and_keeps_the_break(first_run: bool) -> None:
    app_paths = paths.resolve()
    if not first_run:
        app_paths.first_run_marker.parent.mkdir(parents=True, exist_ok=True)
        app_paths.first_run_marker.touch()
    app = subprocess.Popen([sys.executable, "-m", "deskbreak", "break", "quick-reset"])
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not _visible("Quick reset"):
        time.sleep(0.05)
    assert _visible("Quick reset"), "the window opened"
    app.send_signal(signal.SIGTERM)
    assert app.wait(20) == 0
    store = Store.for_paths(app_paths)
    sessions = store.sessions()
    store.close()
    if first_run:  # closed on the first-run note: nothing was done, nothing is logged
        assert sessions == []
    else:
        [record] = sessions
        assert record.outcome is Outcome.STOPPED and record.routine_id == "quick-reset"


def _visible(name: str) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name], capture_output=True, text=True
    )
    return bool(found.stdout.strip())
