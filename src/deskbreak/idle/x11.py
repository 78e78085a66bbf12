"""Idle time on X11 from the MIT-SCREEN-SAVER extension, the server's own input counter.

One `QueryInfo` request per call on a private connection, so nothing here competes with
Tk's or pystray's connections. Never chosen on Wayland: XWayland's counter only sees input
that goes to X11 windows.
"""

from __future__ import annotations

import contextlib
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


class X11IdleSource:
    """Seconds since the last input, as counted by the X server itself."""

    name = "x11-screensaver"

    def __init__(self, display_name: str | None) -> None:
        self._display = open_display(display_name)
        if not self._display.has_extension(EXTENSION):
            self._display.close()
            raise IdleUnavailable(f"the X server {display_name!r} has no {EXTENSION} extension")
        self._root = self._display.screen().root

    def idle_seconds(self) -> float:
        if self._display is None:
            raise IdleUnavailable("the X11 idle source is closed")
        try:
            info = self._root.screensaver_query_info()
        except X_ERRORS as exc:
            self.close()
            raise IdleUnavailable(f"the X display went away: {exc}") from exc
        return int(info.idle) / 1000.0

    def close(self) -> None:
        display, self._display = self._display, None
        if display is not None:
            with contextlib.suppress(*X_ERRORS):  # already gone: nothing to release
                display.close()
