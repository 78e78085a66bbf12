"""The desktop's own do-not-disturb switch, where it can be read: GNOME and KDE Plasma.

* GNOME: Settings → Notifications → Do Not Disturb turns the GSettings key
  ``org.gnome.desktop.notifications show-banners`` off. It lives in dconf, whose database only
  GLib reads, so we ask ``gsettings`` (one short process, and only near a prompt: the engine
  asks the probe then, never while the user just sits).
* KDE Plasma (and any notification server that implements it): the ``Inhibited`` property of
  ``org.freedesktop.Notifications`` is true while notifications are inhibited (do not disturb,
  a presentation, a full-screen video).

Each watch answers False when it cannot read its fact: offering a break is the normal
behaviour, and a broken watch must not silence deskbreak for good.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from deskbreak.idle.base import IdleUnavailable

if TYPE_CHECKING:
    from deskbreak.idle.dbus import SessionBus

log = logging.getLogger(__name__)

BANNERS = ("org.gnome.desktop.notifications", "show-banners")
NOTIFICATIONS = ("org.freedesktop.Notifications", "/org/freedesktop/Notifications")
#: gsettings starts in ~10 ms; a loaded machine gets far more, a hung one is cut off.
GSETTINGS_TIMEOUT = 2.0


class DndWatch(Protocol):
    description: str

    def do_not_disturb(self) -> bool: ...

    def close(self) -> None: ...


class GnomeBannersWatch:
    """Do not disturb while GNOME's notification banners are off."""

    description = "GNOME's notification banners setting (org.gnome.desktop.notifications)"

    def __init__(self, environ: Mapping[str, str]) -> None:
        gsettings = shutil.which("gsettings", path=environ.get("PATH"))
        if gsettings is None:
            raise IdleUnavailable("gsettings is not installed (package libglib2.0-bin)")
        self._argv = [gsettings, "get", *BANNERS]
        self._env = dict(environ)
        self._read()  # raises IdleUnavailable when the schema is missing

    def _read(self) -> bool:
        try:
            result = subprocess.run(
                self._argv,
                env=self._env,
                capture_output=True,
                text=True,
                timeout=GSETTINGS_TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise IdleUnavailable(f"gsettings failed: {exc}") from exc
        if result.returncode != 0:
            raise IdleUnavailable(f"gsettings: {result.stderr.strip() or result.returncode}")
        return result.stdout.strip() == "false"

    def do_not_disturb(self) -> bool:
        try:
            return self._read()
        except IdleUnavailable as exc:
            log.debug("GNOME banners setting unreadable: %s", exc)
            return False

    def close(self) -> None:
        """Nothing held open."""


class NotificationsInhibitedWatch:
    """Do not disturb while the notification server says notifications are inhibited (KDE)."""

    description = "notification inhibition (org.freedesktop.Notifications Inhibited)"

    def __init__(self, bus: SessionBus) -> None:
        self._bus = bus
        self._read()  # raises IdleUnavailable when no server has the property

    def _read(self) -> bool:
        (value,) = self._bus.call(
            *NOTIFICATIONS, "org.freedesktop.DBus.Properties", "Get", "ss",
            NOTIFICATIONS[0], "Inhibited",
        )  # fmt: skip
        return bool(value[1])

    def do_not_disturb(self) -> bool:
        try:
            return self._read()
        except IdleUnavailable as exc:
            log.debug("notification inhibition unreadable: %s", exc)
            return False

    def close(self) -> None:
        self._bus.close()


def is_gnome(environ: Mapping[str, str]) -> bool:
    """GNOME and the desktops built on its settings (Ubuntu, Budgie, Unity)."""
    desktops = environ.get("XDG_CURRENT_DESKTOP", "").upper().split(":")
    return any(name in desktops for name in ("GNOME", "UBUNTU", "BUDGIE", "UNITY"))
