"""Do-not-disturb and screen-lock facts, from whatever this desktop can tell.

Each fact comes from a small watcher chosen at start-up (see `probe_select.choose_desktop_probe`);
a watcher that fails later answers the safe default — "not full screen" (prompting is the
normal behaviour) and "lock state unknown" — rather than raising into the Tk thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from Xlib import X

from deskbreak.idle.base import IdleUnavailable
from deskbreak.idle.dnd import DndWatch
from deskbreak.idle.x11 import X_ERRORS, acquire_display, release_display

if TYPE_CHECKING:  # jeepney loads only where a session bus answers
    from deskbreak.idle.dbus import LockStateReader


class FullscreenWatch(Protocol):
    def fullscreen_active(self) -> bool: ...

    def close(self) -> None: ...


class X11FullscreenWatch:
    """EWMH: the window named by the root's `_NET_ACTIVE_WINDOW` has `_NET_WM_STATE_FULLSCREEN`.

    Two property reads per call on the connection the idle counter uses too. Needs a window
    manager that keeps `_NET_ACTIVE_WINDOW` up to date (every EWMH one does); without one the
    answer is False.
    """

    def __init__(self, display_name: str | None) -> None:
        self._display: Any = acquire_display(display_name)
        self._root = self._display.screen().root
        self._active = self._display.intern_atom("_NET_ACTIVE_WINDOW")
        self._state = self._display.intern_atom("_NET_WM_STATE")
        self._fullscreen = self._display.intern_atom("_NET_WM_STATE_FULLSCREEN")

    def fullscreen_active(self) -> bool:
        if self._display is None:
            return False
        try:
            active = self._root.get_full_property(self._active, X.AnyPropertyType)
            if active is None or not active.value or not active.value[0]:
                return False
            window = self._display.create_resource_object("window", int(active.value[0]))
            state = window.get_full_property(self._state, X.AnyPropertyType)
        except X_ERRORS:  # the window closed meanwhile, or the display went away
            return False
        return state is not None and self._fullscreen in state.value

    def close(self) -> None:
        display, self._display = self._display, None
        if display is not None:
            release_display(display)


class SessionProbe:
    """The :class:`~deskbreak.idle.base.DesktopProbe` the daemon uses; `description` is for doctor."""

    def __init__(
        self,
        fullscreen: FullscreenWatch | None,
        lock: LockStateReader | None,
        description: str,
        dnd: Sequence[DndWatch] = (),
    ) -> None:
        self._fullscreen = fullscreen
        self._lock = lock
        self._dnd = tuple(dnd)
        self.description = description

    def fullscreen_active(self) -> bool:
        """Do not disturb: a full-screen window, or the desktop's own do-not-disturb switch."""
        if self._fullscreen is not None and self._fullscreen.fullscreen_active():
            return True
        return any(watch.do_not_disturb() for watch in self._dnd)

    def screen_locked(self) -> bool | None:
        if self._lock is None:
            return None
        try:
            return self._lock.locked()
        except IdleUnavailable:
            return None

    def close(self) -> None:
        if self._fullscreen is not None:
            self._fullscreen.close()
        if self._lock is not None:
            self._lock.close()
        for watch in self._dnd:
            watch.close()
