"""Stop signals while Tk sleeps: a real signal to this process reaches the handler on Tk's thread."""

from __future__ import annotations

import os
import signal
import threading
import time
import tkinter as tk
from collections.abc import Callable, Iterator
from types import FrameType

import pytest

from deskbreak.ui.signals import STOP_SIGNALS, on_stop_signals

pytestmark = pytest.mark.gui

GUARD_MS = 10_000  # only if the signal never arrives: the test fails instead of hanging


def open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd"))


@pytest.fixture
def recorded_handler() -> Iterator[list[int]]:
    """A plain Python handler for SIGTERM, as a host program might have, put back afterwards."""
    got: list[int] = []
    before = signal.signal(signal.SIGTERM, lambda number, _frame: got.append(number))
    yield got
    signal.signal(signal.SIGTERM, before)


def sleep_in_tk_until_signalled(root: tk.Tk, number: int) -> tuple[list[int], float]:
    """Run ``mainloop`` while another thread sends ``number`` to this process.

    Returns the threads the stop handler ran on and how long Tk waited.
    """
    ran_on: list[int] = []

    def stop() -> None:
        ran_on.append(threading.get_ident())
        root.quit()

    restore = on_stop_signals(root, stop)
    try:
        guard = root.after(GUARD_MS, root.quit)
        sender = threading.Timer(0.2, os.kill, (os.getpid(), number))
        started = time.monotonic()
        sender.start()
        root.mainloop()
        waited = time.monotonic() - started
        sender.join()
        root.after_cancel(guard)
    finally:
        restore()
    return ran_on, waited


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("number", STOP_SIGNALS, ids=lambda n: signal.Signals(n).name)
def test_a_signal_while_tk_sleeps_reaches_the_handler_on_the_tk_thread(
    root: tk.Tk, number: int
) -> None:
    ran_on, waited = sleep_in_tk_until_signalled(root, number)
    assert ran_on == [threading.get_ident()]  # once, and on the thread that runs Tk
    assert waited < GUARD_MS / 1000 / 2  # woken by the signal, not by the guard timer


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_each_signal_calls_the_handler_again(root: tk.Tk, pump_until: Callable[..., bool]) -> None:
    calls: list[str] = []
    restore = on_stop_signals(root, lambda: calls.append("stop"))
    try:
        for expected in (1, 2):
            os.kill(os.getpid(), signal.SIGTERM)
            assert pump_until(lambda n=expected: len(calls) >= n)
            assert len(calls) == expected
    finally:
        restore()


def test_the_pipe_watch_sets_no_timer(root: tk.Tk) -> None:
    restore = on_stop_signals(root, lambda: None)
    try:
        assert root.tk.call("after", "info") == ""  # an idle app sleeps: nothing polls
    finally:
        restore()


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_restore_puts_the_old_handlers_back(
    root: tk.Tk, pump_until: Callable[..., bool], recorded_handler: list[int]
) -> None:
    before: dict[int, Callable[[int, FrameType | None], object] | int | None] = {
        number: signal.getsignal(number) for number in STOP_SIGNALS
    }
    wakeup_before = signal.set_wakeup_fd(-1)
    signal.set_wakeup_fd(wakeup_before)
    fds_before = open_fds()
    stopped: list[str] = []

    restore = on_stop_signals(root, lambda: stopped.append("stop"))
    assert all(signal.getsignal(n) is not before[n] for n in STOP_SIGNALS)
    restore()

    assert {number: signal.getsignal(number) for number in STOP_SIGNALS} == before
    assert signal.set_wakeup_fd(wakeup_before) == wakeup_before
    assert open_fds() == fds_before  # the wake-up pipe is closed
    os.kill(os.getpid(), signal.SIGTERM)
    assert pump_until(lambda: recorded_handler)
    assert recorded_handler == [signal.SIGTERM]  # the old handler answers again
    assert stopped == []
