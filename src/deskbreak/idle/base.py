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


#: What a :class:`ContextSource` is evidence of.
CALL = "call"  # a microphone or camera in use
MEDIA = "media"  # a player playing
INHIBITOR = "inhibitor"  # an application keeps the screensaver off


class ContextSource(Protocol):
    """One desktop fact that says the person is busy though no key or mouse moves.

    Sources never start a thread or a timer: the engine asks them, only when the answer
    matters (the input gap is about to end a spell, or a prompt is due), so an idle app
    costs nothing more. ``costly`` sources (a scan of every process) are asked only when a
    prompt is due.
    """

    name: str  # short id for doctor and logs, e.g. "pulse-microphone"
    kind: str  # CALL, MEDIA or INHIBITOR
    costly: bool

    def active(self) -> bool:
        """True while the fact holds; raises :class:`IdleUnavailable` when it cannot tell."""
        ...

    def close(self) -> None: ...
