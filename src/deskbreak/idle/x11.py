"""Idle time on X11 from the MIT-SCREEN-SAVER extension, the server's own input counter.

One `QueryInfo` request per call on deskbreak's own connection (shared with the full-screen
check, never with Tk's or pystray's), so nothing here competes with the tray or the windows.
Never chosen on Wayland: XWayland's counter only sees input that goes to X11 windows.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from typing import Any

from Xlib import display as xdisplay
from Xlib import error as xerror

from deskbreak.idle.base import IdleUnavailable

EXTENSION = "MIT-SCREEN-SAVER"

#: What python-xlib raises when the server is unreachable or went away mid-request.
X_ERRORS: tuple[type[BaseException], ...] = (
    xerror.DisplayError,
    xerror.ConnectionClosedError,
    xerror.XError,
    xerror.XauthError,
    xerror.XNoAuthError,
    OSError,
)


def open_display(name: str | None) -> Any:
    """A new connection to X display `name`; IdleUnavailable when there is none."""
    if not name:
        raise IdleUnavailable("DISPLAY is not set")
    try:
        return xdisplay.Display(name)
    except X_ERRORS as exc:
        raise IdleUnavailable(f"cannot open X display {name!r}: {exc}") from exc


@dataclass
class _Shared:
    display: Any
    users: int


_shared: dict[str, _Shared] = {}
_shared_lock = threading.Lock()


def acquire_display(name: str | None) -> Any:
    """The one connection this process's desktop facts use for X display `name`.

    The idle counter and the full-screen check share it because a python-xlib connection
    holds about 0.4 MB for as long as it is open, and the tray is open for days. Pair each
    call with :func:`release_display`; the last release closes the connection.
    """
    with _shared_lock:
        shared = _shared.get(name or "")
        if shared is None:
            shared = _shared[name or ""] = _Shared(open_display(name), 0)
        shared.users += 1
        return shared.display


def release_display(display: Any, *, broken: bool = False) -> None:
    """One user is done with `display`. ``broken`` (the server went away) closes it for every
    user, so the next :func:`acquire_display` connects afresh."""
    with _shared_lock:
        for name, shared in _shared.items():
            if shared.display is display:
                shared.users -= 1
                if shared.users > 0 and not broken:
                    return
                del _shared[name]  # the loop ends here, so deleting is safe
                break
    with contextlib.suppress(*X_ERRORS):  # already gone: nothing to release
        display.close()


class X11IdleSource:
    """Seconds since the last input, as counted by the X server itself."""

    name = "x11-screensaver"

    def __init__(self, display_name: str | None) -> None:
        self._display = acquire_display(display_name)
        if not self._display.has_extension(EXTENSION):
            release_display(self._display)
            raise IdleUnavailable(f"the X server {display_name!r} has no {EXTENSION} extension")
        self._root = self._display.screen().root

    def idle_seconds(self) -> float:
        if self._display is None:
            raise IdleUnavailable("the X11 idle source is closed")
        try:
            info = self._root.screensaver_query_info()
        except X_ERRORS as exc:
            display, self._display = self._display, None
            release_display(display, broken=True)
            raise IdleUnavailable(f"the X display went away: {exc}") from exc
        return int(info.idle) / 1000.0

    def close(self) -> None:
        display, self._display = self._display, None
        if display is not None:
            release_display(display)
