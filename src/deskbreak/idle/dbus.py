"""Idle time and screen-lock state over the session bus (jeepney, blocking, short timeouts).

Why D-Bus: on Wayland only the compositor sees all input, and GNOME (Mutter) and KDE / other
freedesktop desktops publish it there. Every query is one method call with a
:data:`CALL_TIMEOUT` deadline; a late reply is discarded by the next call. A connection that
breaks is dropped and reopened on the next call, so a restarted bus heals without a restart.
"""

from __future__ import annotations

from typing import Any

from jeepney import DBusAddress, MessageFlag, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.wrappers import DBusErrorResponse, unwrap_msg

from deskbreak.idle.base import IdleUnavailable

#: Seconds to wait for one reply: long enough for a busy desktop, short enough for the Tk thread.
CALL_TIMEOUT = 0.5

MUTTER = ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core")
FREEDESKTOP = "org.freedesktop.ScreenSaver"
#: KDE and most others export the object at the first path; some older services at the second.
FREEDESKTOP_PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")
GNOME_SCREENSAVER = ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver")

#: Errors after which trying another object path of the same service is pointless
#: ("" is a timeout: a hung service stays hung).
#: What the bus answers for a name nobody owns (NameHasNoOwner when auto-start is off).
NOT_ON_BUS = (
    "org.freedesktop.DBus.Error.ServiceUnknown",
    "org.freedesktop.DBus.Error.NameHasNoOwner",
)
_NOBODY_THERE = ("", *NOT_ON_BUS)


class DBusCallFailed(IdleUnavailable):
    """The service answered with a D-Bus error (`error_name`), or not at all (`error_name` "")."""

    def __init__(self, message: str, error_name: str = "") -> None:
        super().__init__(message)
        self.error_name = error_name


class SessionBus:
    """One lazily (re)opened blocking connection; `call` is one round trip or an IdleUnavailable."""

    def __init__(self, address: str, timeout: float = CALL_TIMEOUT) -> None:
        """``address`` from :func:`deskbreak.idle.session_bus.open_session_bus`, which says
        when there is none."""
        self.address = address
        self.timeout = timeout
        self._conn: DBusConnection | None = None

    def call(
        self, service: str, path: str, interface: str, method: str, signature: str = "", *args: Any
    ) -> tuple[Any, ...]:
        """Call `interface.method` on `service` at `path` and return the reply's body."""
        conn = self._connection()
        target = DBusAddress(path, bus_name=service, interface=interface)
        message = new_method_call(target, method, signature or None, args)
        # Never let a query start a service: activation is slow and not ours to trigger.
        message.header.flags |= MessageFlag.no_auto_start
        try:
            reply = conn.send_and_get_reply(message, timeout=self.timeout)
        except TimeoutError as exc:
            raise DBusCallFailed(f"{service} did not answer {method} in {self.timeout} s") from exc
        except (OSError, ValueError) as exc:  # connection reset, or a corrupt stream
            self.close()
            raise DBusCallFailed(f"the session bus went away: {exc}") from exc
        try:
            return tuple(unwrap_msg(reply))
        except DBusErrorResponse as exc:
            if exc.name in NOT_ON_BUS:
                raise DBusCallFailed(f"{service} is not on the session bus", exc.name) from exc
            detail = f" ({exc.data[0]})" if exc.data else ""
            raise DBusCallFailed(f"{method} on {path}: {exc.name}{detail}", exc.name) from exc

    def _connection(self) -> DBusConnection:
        if self._conn is None:
            try:
                self._conn = open_dbus_connection(self.address, auth_timeout=self.timeout)
            except (OSError, RuntimeError, ValueError, StopIteration) as exc:
                raise IdleUnavailable(f"cannot connect to the session bus: {exc}") from exc
        return self._conn

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()


class MutterIdleSource:
    """GNOME: Mutter's IdleMonitor sees every input, on Wayland and on X11 alike."""

    name = "gnome-mutter"

    def __init__(self, bus: SessionBus) -> None:
        self._bus = bus

    def idle_seconds(self) -> float:
        (idle_ms,) = self._bus.call(*MUTTER, "org.gnome.Mutter.IdleMonitor", "GetIdletime")
        return int(idle_ms) / 1000.0

    def close(self) -> None:
        self._bus.close()


class FreedesktopIdleSource:
    """KDE and other freedesktop desktops: `org.freedesktop.ScreenSaver.GetSessionIdleTime`.

    The object path is found by the first call (one round trip per path tried) and kept.
    GNOME exports the same interface but answers NotSupported; that is the error raised
    then, so selection moves on with a reason the user can read.
    """

    name = "freedesktop-screensaver"

    def __init__(self, bus: SessionBus) -> None:
        self._bus = bus
        self.path: str | None = None

    def idle_seconds(self) -> float:
        if self.path is not None:
            return self._query(self.path)
        failures: list[DBusCallFailed] = []
        for path in FREEDESKTOP_PATHS:
            try:
                idle = self._query(path)
            except DBusCallFailed as exc:
                failures.append(exc)
                if exc.error_name in _NOBODY_THERE:
                    break  # another path of the same service will not help
                continue
            self.path = path
            return idle
        raise min(failures, key=_error_rank)

    def _query(self, path: str) -> float:
        (idle_ms,) = self._bus.call(FREEDESKTOP, path, FREEDESKTOP, "GetSessionIdleTime")
        return int(idle_ms) / 1000.0

    def close(self) -> None:
        self._bus.close()


def _error_rank(exc: DBusCallFailed) -> int:
    """NotSupported says more than UnknownObject about why a desktop cannot help."""
    return 0 if exc.error_name.endswith("NotSupported") else 1


class LockStateReader:
    """Screen-lock state from `GetActive` of the screensaver service that answered at start-up."""

    def __init__(self, bus: SessionBus, service: str, path: str) -> None:
        self._bus = bus
        self.service = service
        self.path = path

    @classmethod
    def find(cls, bus: SessionBus) -> LockStateReader:
        """Freedesktop first (KDE, GNOME too), then GNOME's own interface."""
        services = [(FREEDESKTOP, FREEDESKTOP_PATHS), (GNOME_SCREENSAVER[0], GNOME_SCREENSAVER[1:])]
        last: IdleUnavailable = IdleUnavailable("no screensaver service")
        for service, paths in services:
            for path in paths:
                reader = cls(bus, service, path)
                try:
                    reader.locked()
                except DBusCallFailed as exc:
                    last = exc
                    if exc.error_name in _NOBODY_THERE:
                        break  # another path of the same service will not help
                    continue
                return reader
        raise last

    def locked(self) -> bool:
        (active,) = self._bus.call(self.service, self.path, self.service, "GetActive")
        return bool(active)

    def close(self) -> None:
        self._bus.close()
