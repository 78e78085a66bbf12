"""Which desktop facts can be read here — full screen, do not disturb, screen lock — chosen
once at start-up, and how (for `deskbreak doctor`).

Apart from :mod:`deskbreak.idle.select` (the idle source) because these are the facts that
hold a prompt back, each from its own watcher, and none of them is needed to count sitting.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from deskbreak.idle.base import IdleUnavailable
from deskbreak.idle.select import is_wayland
from deskbreak.idle.session_bus import open_session_bus

if TYPE_CHECKING:
    from deskbreak.idle.dbus import LockStateReader
    from deskbreak.idle.desktop import FullscreenWatch, SessionProbe
    from deskbreak.idle.dnd import DndWatch


def choose_desktop_probe(
    environ: Mapping[str, str] = os.environ, *, platform: str = sys.platform
) -> tuple[SessionProbe, str]:
    """Do-not-disturb and lock watchers that answered once, and what they are (for doctor).

    The probe never raises: without a watcher it says "not full screen" and "lock unknown".
    """
    from deskbreak.idle.desktop import SessionProbe

    fullscreen, fullscreen_how = _fullscreen_watch(environ, platform)
    lock, lock_how = _lock_reader(environ, platform)
    dnd, dnd_how = _dnd_watches(environ, platform)
    description = (
        f"full screen: {fullscreen_how}; do-not-disturb: {dnd_how}; screen lock: {lock_how}"
    )
    return SessionProbe(fullscreen, lock, description, dnd), description


def _dnd_watches(environ: Mapping[str, str], platform: str) -> tuple[list[DndWatch], str]:
    """The desktop's own do-not-disturb switches that answered once."""
    if platform in ("win32", "darwin"):
        return [], "not detected here"
    try:
        from deskbreak.idle import dnd
    except ImportError as exc:
        return [], f"not detected ({exc})"
    watches: list[DndWatch] = []
    reasons: list[str] = []
    if dnd.is_gnome(environ):
        try:
            watches.append(dnd.GnomeBannersWatch(environ))
        except IdleUnavailable as exc:
            reasons.append(f"GNOME banners: {exc}")
    try:
        bus = open_session_bus(environ)
    except (ImportError, IdleUnavailable) as exc:
        reasons.append(f"notification inhibition: {exc}")
    else:
        try:
            watches.append(dnd.NotificationsInhibitedWatch(bus))
        except IdleUnavailable as exc:
            bus.close()
            reasons.append(f"notification inhibition: {exc}")
    if watches:
        return watches, " and ".join(w.description for w in watches)
    return [], f"not detected ({'; '.join(reasons)})"


def _fullscreen_watch(
    environ: Mapping[str, str], platform: str
) -> tuple[FullscreenWatch | None, str]:
    if platform == "win32":
        from deskbreak.idle.windows import WindowsFullscreenWatch

        return (
            WindowsFullscreenWatch(),
            "Windows notification state (full-screen app, presentation)",
        )
    if platform == "darwin":
        return None, "not detected on macOS"
    if is_wayland(environ):
        return None, "not detected on Wayland (no portable protocol)"
    try:
        from deskbreak.idle.desktop import X11FullscreenWatch

        watch = X11FullscreenWatch(environ.get("DISPLAY"))
        watch.fullscreen_active()
    except (ImportError, IdleUnavailable) as exc:
        return None, f"not detected ({exc})"
    return watch, "_NET_WM_STATE_FULLSCREEN of the active X11 window"


def _lock_reader(environ: Mapping[str, str], platform: str) -> tuple[LockStateReader | None, str]:
    if platform == "win32":
        return None, "not detected on Windows"
    if platform == "darwin":
        return None, "not detected on macOS"
    try:
        bus = open_session_bus(environ)
        from deskbreak.idle.dbus import LockStateReader

        try:
            reader = LockStateReader.find(bus)
        except IdleUnavailable:
            bus.close()
            raise
    except (ImportError, IdleUnavailable) as exc:
        return None, f"not detected ({exc})"
    return reader, f"{reader.service}.GetActive"
