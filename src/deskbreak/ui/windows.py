"""Every deskbreak window follows one :class:`Window` protocol, and one manager keeps them.

A window shows itself when made, comes to the front with :meth:`Window.show`, and on
:meth:`Window.close` (its close button, Esc, or the app quitting) calls the ``on_closed``
callback it was made with, once. The :class:`WindowManager` keeps at most one window per
name: asking for an open one brings it to the front instead of making a second.
"""

from __future__ import annotations

import contextlib
import logging
import tkinter as tk
from collections.abc import Callable, Iterator
from typing import Protocol, TypeVar

log = logging.getLogger(__name__)

Closed = Callable[[], None]


class Window(Protocol):
    def show(self) -> None:
        """Bring the window to the front (un-minimised)."""

    def close(self) -> None:
        """Close it; whatever it holds is saved first, then ``on_closed`` is called once."""


W = TypeVar("W", bound=Window)


def bring_to_front(top: tk.Toplevel) -> None:
    """The one way a window comes back: un-minimised, raised, focused where the WM allows."""
    top.deiconify()
    top.lift()
    with contextlib.suppress(tk.TclError):
        top.focus_set()


class WindowManager:
    """The open windows by name ("break", "prompt", "settings", …)."""

    def __init__(self, before_open: Callable[[], None] = lambda: None) -> None:
        """``before_open`` runs before a window is made (the tray sets the window icon then)."""
        self._open: dict[str, Window] = {}
        self._before_open = before_open

    def open(self, name: str, make: Callable[[Closed], W]) -> W:
        """The open window called ``name`` brought to the front, else ``make(on_closed)``."""
        existing = self._open.get(name)
        if existing is not None:
            existing.show()
            return existing  # type: ignore[return-value]  # one name, one window type
        self._before_open()
        window = make(lambda: self._forget(name))
        self._open[name] = window
        return window

    def close(self, name: str) -> None:
        window = self._open.pop(name, None)
        if window is not None:
            _close_quietly(name, window)

    def close_all(self) -> None:
        for name in list(self._open):
            self.close(name)

    def get(self, name: str) -> Window | None:
        return self._open.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._open

    def __getitem__(self, name: str) -> Window:
        return self._open[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._open)

    def __eq__(self, other: object) -> bool:
        return dict(self._open) == other if isinstance(other, dict) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by content

    def _forget(self, name: str) -> None:
        self._open.pop(name, None)


def _close_quietly(name: str, window: Window) -> None:
    try:
        window.close()
    except tk.TclError:
        log.debug("window %s was already gone", name, exc_info=True)
