"""A small fake desktop on a real session bus: Mutter's IdleMonitor and the freedesktop ScreenSaver.

One thread with its own blocking jeepney connection owns the bus names and answers method
calls, so the adapters' real call path (message, bus routing, reply or error) runs end to end.
Tests change the public attributes to script the desktop's answers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from jeepney import HeaderFields, Message, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import Proxy, open_dbus_connection

MUTTER = "org.gnome.Mutter.IdleMonitor"
SCREENSAVER = "org.freedesktop.ScreenSaver"
GNOME_SCREENSAVER = "org.gnome.ScreenSaver"
GNOME_SESSION = "org.gnome.SessionManager"
POWER_MANAGEMENT = "org.freedesktop.PowerManagement"
NOTIFICATIONS = "org.freedesktop.Notifications"
NOT_SUPPORTED = "org.freedesktop.DBus.Error.NotSupported"
UNKNOWN_OBJECT = "org.freedesktop.DBus.Error.UnknownObject"


class FakeDesktop:
    def __init__(self, address: str, names: tuple[str, ...] = (MUTTER, SCREENSAVER)) -> None:
        self.idle_ms = 4200
        self.active = False
        #: GsmInhibitorFlag bits some application holds (8: idle), for IsInhibited / HasInhibit.
        self.inhibit_flags = 0
        #: KDE's notification server: Inhibited is true during do-not-disturb.
        self.inhibited = False
        #: GNOME answers GetSessionIdleTime with NotSupported; KDE answers.
        self.session_idle_supported = True
        #: Object path where the freedesktop interface lives.
        self.screensaver_path = "/org/freedesktop/ScreenSaver"
        #: Seconds to sit on each call before answering (simulates a hung desktop).
        self.delay = 0.0
        self.calls: list[tuple[str, str, str]] = []
        self.answered = 0
        self._conn = open_dbus_connection(address)
        bus = Proxy(message_bus, self._conn, timeout=2)
        for name in names:
            (result,) = bus.RequestName(name, 4)  # DO_NOT_QUEUE; 1 = primary owner
            assert result == 1, f"could not own {name}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                msg = self._conn.receive(timeout=0.05)
            except TimeoutError:
                continue
            if msg.header.message_type is MessageType.method_call:
                self._conn.send(self._answer(msg))
                self.answered += 1

    def _answer(self, msg: Message) -> Message:
        fields = msg.header.fields
        key = (
            fields[HeaderFields.path],
            fields.get(HeaderFields.interface, ""),
            fields[HeaderFields.member],
        )
        self.calls.append(key)
        if self.delay:
            time.sleep(self.delay)
        handlers: dict[tuple[str, str, str], Callable[[Message], Message]] = {
            ("/org/gnome/Mutter/IdleMonitor/Core", MUTTER, "GetIdletime"): lambda m: (
                new_method_return(m, "t", (self.idle_ms,))
            ),
            (self.screensaver_path, SCREENSAVER, "GetSessionIdleTime"): self._session_idle,
            (self.screensaver_path, SCREENSAVER, "GetActive"): self._get_active,
            ("/org/gnome/ScreenSaver", GNOME_SCREENSAVER, "GetActive"): self._get_active,
            ("/org/gnome/SessionManager", GNOME_SESSION, "IsInhibited"): lambda m: (
                new_method_return(m, "b", (bool(self.inhibit_flags & m.body[0]),))
            ),
            (
                "/org/freedesktop/PowerManagement/Inhibit",
                f"{POWER_MANAGEMENT}.Inhibit",
                "HasInhibit",
            ): lambda m: new_method_return(m, "b", (bool(self.inhibit_flags),)),
            ("/org/freedesktop/Notifications", "org.freedesktop.DBus.Properties", "Get"): (
                lambda m: new_method_return(m, "v", (("b", self.inhibited),))
            ),
        }
        handler = handlers.get(key)
        if handler is None:
            return new_error(msg, UNKNOWN_OBJECT, "s", (f"nothing answers {key}",))
        return handler(msg)

    def _session_idle(self, msg: Message) -> Message:
        if not self.session_idle_supported:
            return new_error(msg, NOT_SUPPORTED, "s", ("not part of the idle inhibition spec",))
        return new_method_return(msg, "u", (self.idle_ms,))

    def _get_active(self, msg: Message) -> Message:
        return new_method_return(msg, "b", (self.active,))

    def __enter__(self) -> FakeDesktop:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._conn.close()
