"""Media playing and idle inhibitors, over the session bus (jeepney, blocking, short timeouts).

- MPRIS: every media player (browsers, mpv, VLC, Spotify…) owns a bus name
  ``org.mpris.MediaPlayer2.*`` and says ``PlaybackStatus`` "Playing", "Paused" or "Stopped".
  One ``ListNames`` plus one ``Get`` per player.
- Inhibitors: GNOME's session manager answers ``IsInhibited(8)`` (8 = "idle"); KDE and others
  answer ``HasInhibit`` on ``org.freedesktop.PowerManagement.Inhibit``, where an
  ``org.freedesktop.ScreenSaver.Inhibit`` of a video player or a presentation ends up.

Both are asked only when the answer matters, never on a timer; see ContextSource.
"""

from __future__ import annotations

from typing import Any

from deskbreak.idle.base import INHIBITOR, MEDIA, IdleUnavailable
from deskbreak.idle.dbus import DBusCallFailed, SessionBus

BUS = ("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus")
MPRIS_PREFIX = "org.mpris.MediaPlayer2."
MPRIS_PATH = "/org/mpris/MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"
PROPERTIES = "org.freedesktop.DBus.Properties"
GNOME_SESSION = (
    "org.gnome.SessionManager",
    "/org/gnome/SessionManager",
    "org.gnome.SessionManager",
)
#: GsmInhibitorFlag: 8 = inhibit the session being marked idle (what a video player asks).
GNOME_IDLE_FLAG = 8
FREEDESKTOP_INHIBIT = (
    "org.freedesktop.PowerManagement",
    "/org/freedesktop/PowerManagement/Inhibit",
    "org.freedesktop.PowerManagement.Inhibit",
)


class MprisPlayers:
    """``active()``: some MPRIS player on the session bus is Playing."""

    name = "mpris-players"
    kind = MEDIA
    costly = False

    def __init__(self, bus: SessionBus) -> None:
        self._bus = bus
        self.players()  # fails now, not later, when there is no bus

    def active(self) -> bool:
        return any(status == "Playing" for status in self.players().values())

    def players(self) -> dict[str, str]:
        """Bus name → PlaybackStatus of every player that answered."""
        (names,) = self._bus.call(*BUS, "ListNames")
        statuses: dict[str, str] = {}
        for name in names:
            if not str(name).startswith(MPRIS_PREFIX):
                continue
            try:
                (variant,) = self._bus.call(
                    name, MPRIS_PATH, PROPERTIES, "Get", "ss", PLAYER, "PlaybackStatus"
                )
            except DBusCallFailed:
                continue  # a player quitting meanwhile, or a broken one: not playing
            statuses[str(name)] = str(_unvariant(variant))
        return statuses

    def close(self) -> None:
        self._bus.close()


class SessionInhibitors:
    """``active()``: an application inhibits idle (GNOME session manager, or freedesktop)."""

    name = "idle-inhibitors"
    kind = INHIBITOR
    costly = False

    def __init__(self, bus: SessionBus) -> None:
        self._bus = bus
        self.service = ""
        failures: list[str] = []
        for service, ask in ((GNOME_SESSION[0], self._gnome), (FREEDESKTOP_INHIBIT[0], self._kde)):
            try:
                ask()
            except DBusCallFailed as exc:
                failures.append(str(exc))
                continue
            self.service = service
            return
        raise IdleUnavailable("; ".join(failures))

    def active(self) -> bool:
        return self._gnome() if self.service == GNOME_SESSION[0] else self._kde()

    def _gnome(self) -> bool:
        (inhibited,) = self._bus.call(*GNOME_SESSION, "IsInhibited", "u", GNOME_IDLE_FLAG)
        return bool(inhibited)

    def _kde(self) -> bool:
        (inhibited,) = self._bus.call(*FREEDESKTOP_INHIBIT, "HasInhibit")
        return bool(inhibited)

    def close(self) -> None:
        self._bus.close()


def _unvariant(value: Any) -> Any:
    """jeepney gives a variant as (signature, value)."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str):
        return value[1]
    return value
