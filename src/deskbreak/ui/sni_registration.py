"""Being listed by the StatusNotifierWatcher: ask once, retry while it starts, ask a new one again.

Apart from :class:`deskbreak.ui.tray_sni.SniTray` (the bus thread and the item's calls and
signals) because registering is a small state machine of its own: a watcher that has just
taken its name may not have exported its object yet, so a refusal is retried on a short
schedule, and a watcher that appears later (a panel restart) must be asked again. All of it
runs on the tray's bus thread; only :attr:`WatcherRegistration.registered` is read elsewhere.
"""

from __future__ import annotations

import logging
import threading
import time

from jeepney import DBusAddress, HeaderFields, MessageFlag, MessageType, new_method_call
from jeepney.io.threading import DBusConnection
from jeepney.low_level import Message

from deskbreak.ui.sni_protocol import WATCHER, WATCHER_PATH

log = logging.getLogger(__name__)

#: A watcher that has just taken its name may not have exported its object yet: ask again
#: after these pauses (seconds). Only while a retry is pending does the thread use a timeout.
REGISTER_RETRIES = (0.1, 0.3, 1.0, 3.0, 10.0)


class WatcherRegistration:
    """Our item's registration with the watcher, for the bus name ``bus_name``."""

    def __init__(self, bus_name: str) -> None:
        self.bus_name = bus_name
        self.registered = threading.Event()  # set once the watcher accepted us (tests wait on it)
        self._serial = -1
        self._retries_left: list[float] = []
        self._retry_at: float | None = None

    def begin(self, conn: DBusConnection) -> None:
        """Ask the watcher to show us, with a fresh retry schedule."""
        self._retries_left = list(REGISTER_RETRIES)
        self._ask(conn)

    def _ask(self, conn: DBusConnection) -> None:
        """The answer arrives in the bus loop, at :meth:`on_reply` (or an error is logged)."""
        watcher = DBusAddress(WATCHER_PATH, bus_name=WATCHER, interface=WATCHER)
        message = new_method_call(watcher, "RegisterStatusNotifierItem", "s", (self.bus_name,))
        message.header.flags |= MessageFlag.no_auto_start
        self._serial = next(conn.outgoing_serial)
        conn.send(message, serial=self._serial)

    def timeout(self) -> float | None:
        """How long the bus loop may block before a retry is due; None: no retry pending."""
        if self._retry_at is None:
            return None
        return max(0.0, self._retry_at - time.monotonic())

    def retry(self, conn: DBusConnection) -> None:
        """The retry pause is over: ask again."""
        self._retry_at = None
        self._ask(conn)

    def on_reply(self, message: Message) -> bool:
        """Take the watcher's answer (a return or an error); False when ``message`` is not it."""
        header = message.header
        if header.fields.get(HeaderFields.reply_serial) != self._serial:
            return False
        if header.message_type is MessageType.error:
            detail = message.body[0] if message.body else ""
            name = header.fields.get(HeaderFields.error_name)
            if self._retries_left:
                log.debug("registering failed (%s %s): asking again", name, detail)
                self._retry_at = time.monotonic() + self._retries_left.pop(0)
            else:
                log.warning("the StatusNotifierWatcher refused the tray icon: %s %s", name, detail)
        else:
            log.info("tray icon registered with the StatusNotifierWatcher")
            self.registered.set()
        return True

    def on_signal(self, message: Message, conn: DBusConnection) -> None:
        """A new watcher (a panel restarted) knows nothing of us: register again."""
        if message.header.fields.get(HeaderFields.member) != "NameOwnerChanged":
            return
        name, _old, new = message.body
        if name == WATCHER and new:
            log.info("a StatusNotifierWatcher appeared: registering the tray icon again")
            self.registered.clear()
            self.begin(conn)
