"""The one interface every idle-time source implements.

Threading contract: every method is called from the Tk main thread only, and returns
quickly (one X request or one D-Bus round trip with a short timeout); none starts a thread.
"""

from __future__ import annotations

from typing import Protocol


class IdleUnavailable(Exception):
    """The source cannot answer now (display gone, bus gone, service not there)."""


class IdleSource(Protocol):
    #: Short id shown by `deskbreak doctor` and in logs, e.g. "x11-screensaver".
    name: str

    def idle_seconds(self) -> float:
        """Seconds since the last keyboard or mouse input; raises :class:`IdleUnavailable`."""
        ...

    def close(self) -> None:
        """Release the connection; the source is not used afterwards."""
        ...


class DesktopProbe(Protocol):
    """Optional facts about the desktop that decide whether to interrupt now."""

    def fullscreen_active(self) -> bool:
        """Do not disturb: a full-screen window (presentation, video call) has the focus, or
        the desktop's own do-not-disturb is on (GNOME banners off, KDE notifications inhibited)."""
        ...

    def screen_locked(self) -> bool | None:
        """True while the screen is locked; None when the desktop cannot tell."""
        ...
