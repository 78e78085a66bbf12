"""Other threads post commands; Tk runs them on its own thread, and survives a broken one."""

from __future__ import annotations

import logging
import threading
import tkinter as tk
from collections.abc import Callable

import pytest

from deskbreak.core.commands import Command, Quit, ShowProgress, ShowSettings, TakeBreak
from deskbreak.ui.wakeup import CommandQueue

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("poll", [False, True], ids=["pipe", "after-poll"])
def test_a_post_from_another_thread_runs_on_the_tk_thread(
    root: tk.Tk, pump_until: Callable[..., bool], poll: bool
) -> None:
    commands = CommandQueue()
    ran: list[tuple[Command, int]] = []
    commands.attach(root, lambda command: ran.append((command, threading.get_ident())), poll=poll)
    worker = threading.Thread(target=commands.post, args=(TakeBreak("quick-reset"),))
    worker.start()
    worker.join()
    pump_until(lambda: bool(ran))
    assert ran == [(TakeBreak("quick-reset"), threading.get_ident())]
    commands.close()


def test_the_pipe_wakes_tk_without_any_timer(root: tk.Tk, pump_until: Callable[..., bool]) -> None:
    commands = CommandQueue()
    ran: list[Command] = []
    commands.attach(root, ran.append)
    assert root.tk.call("after", "info") == ""  # nothing scheduled: an idle app sleeps
    threading.Thread(target=commands.post, args=(ShowSettings(),)).start()
    pump_until(lambda: bool(ran))
    assert ran == [ShowSettings()]
    commands.close()


def test_commands_posted_before_attach_are_not_lost(root: tk.Tk) -> None:
    commands = CommandQueue()
    commands.post(Quit())
    ran: list[Command] = []
    commands.attach(root, ran.append)
    assert ran == [Quit()]
    commands.close()


def test_a_failing_handler_is_logged_and_the_next_still_runs(
    root: tk.Tk, pump_until: Callable[..., bool], caplog: pytest.LogCaptureFixture
) -> None:
    commands = CommandQueue()
    ran: list[str] = []

    def handle(command: Command) -> None:
        if isinstance(command, ShowSettings):
            raise RuntimeError("the settings window exploded")
        ran.append("progress")

    commands.attach(root, handle)
    with caplog.at_level(logging.ERROR):
        commands.post(ShowSettings())
        commands.post(ShowProgress())
        pump_until(lambda: bool(ran))
    assert ran == ["progress"]
    failure = next(r for r in caplog.records if "ShowSettings" in r.getMessage())
    assert failure.exc_info is not None and "exploded" in str(failure.exc_info[1])
    commands.post(ShowProgress())
    pump_until(lambda: len(ran) == 2)
    assert ran == ["progress", "progress"]
    commands.close()


def test_post_after_close_is_harmless() -> None:
    commands = CommandQueue()
    commands.close()
    commands.post(Quit())  # e.g. a late tray click during shutdown: no error, nothing run
    assert commands.drain() == 1, "still queued, and with no handlers nothing runs"
