"""Shared fixtures for the Tk window tests."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Iterator

import pytest

from deskbreak.ui import screen


@pytest.fixture
def scaled_screen(
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Callable[[tk.Misc, float, tuple[int, int]], screen.Area]]:
    """``scaled_screen(root, 2.0, (1366, 738))``: Tk scaling and a work area for one test.

    Tk keeps its scaling per display, not per interpreter: it is put back afterwards, or
    every later test would run at 2x."""
    restore: list[tuple[tk.Misc, object]] = []

    def apply(root: tk.Misc, scale: float, area: tuple[int, int]) -> screen.Area:
        restore.append((root, root.tk.call("tk", "scaling")))
        root.tk.call("tk", "scaling", scale * 96 / 72)
        work = screen.Area(0, 0, *area)
        monkeypatch.setattr(screen, "work_area", lambda _w: work)
        return work

    yield apply
    for root, value in reversed(restore):
        try:
            root.tk.call("tk", "scaling", value)
        except tk.TclError:  # the root is gone: scaling lives on in the display
            fresh = tk.Tk()
            fresh.tk.call("tk", "scaling", value)
            fresh.destroy()
