"""Time for the break engine: one Tk ``after()``, re-armed for whenever the engine is due.

There is no fixed tick: after each wake the engine says how long it may sleep, and the
timer sleeps exactly that long, so an idle app is not woken (TECH-NOTES: an ``after(200)``
poll costs 41–51 wake-ups a second).
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable


class EngineTimer:
    """``arm(seconds)`` calls ``wake()`` then; ``wake`` returns the seconds until the next."""

    def __init__(self, root: tk.Misc, wake: Callable[[], float]) -> None:
        self._root = root
        self._wake = wake
        self._after_id: str | None = None
        self._stopped = False

    def arm(self, seconds: float) -> None:
        """Wake in ``seconds`` (at least a millisecond), replacing any earlier arming."""
        if self._stopped:
            return
        self._cancel()
        self._after_id = self._root.after(max(1, int(seconds * 1000)), self._fire)

    @property
    def armed(self) -> bool:
        """Whether a wake is scheduled (it always is while the app runs)."""
        return self._after_id is not None

    def wake_now(self) -> None:
        """Run the engine now and re-arm for whenever it says (tests and start-up)."""
        self._fire()

    def stop(self) -> None:
        self._stopped = True
        self._cancel()

    def _fire(self) -> None:
        self._after_id = None
        seconds = 60.0  # if a wake raises (Tk logs it), time still goes on
        try:
            seconds = self._wake()
        finally:
            self.arm(seconds)

    def _cancel(self) -> None:
        if self._after_id is not None:
            self._root.after_cancel(self._after_id)
            self._after_id = None
