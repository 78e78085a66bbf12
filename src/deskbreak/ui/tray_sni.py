"""A StatusNotifierItem tray icon of our own, over jeepney: no GTK, no PyGObject.

GNOME (with the AppIndicator extension), KDE Plasma, XFCE, Budgie and most Wayland panels show
tray icons through the StatusNotifier protocol: the app exports an ``org.kde.StatusNotifierItem``
object and a ``com.canonical.dbusmenu`` menu on the session bus and registers them with the
``org.kde.StatusNotifierWatcher``; the panel (the host) reads them and calls back on clicks.

Threading contract. One daemon thread ("deskbreak-sni") owns the connection's receiving side:
it answers the host's calls and only ``post()``s typed commands to the app. The Tk thread's
:meth:`SniTray.set_icon` / :meth:`set_tooltip` / :meth:`set_status` / :meth:`set_menu` store
the new value and wake that thread through jeepney's interrupt pipe; the thread then sends the
``New…`` signals, so the Tk thread never writes to the bus. An idle icon blocks in ``select``:
no timers, no wake-ups. Registering with the watcher (and again when a new one appears) is
:mod:`deskbreak.ui.sni_registration`; the item's properties and menu are :mod:`deskbreak.ui.sni_item`.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageFlag, MessageType
from jeepney.bus_messages import MatchRule, message_bus
from jeepney.io.threading import DBusConnection, ReceiveStopped, open_dbus_connection
from jeepney.low_level import Message
from jeepney.wrappers import new_error, new_method_return, new_signal
from PIL import Image

from deskbreak.core.commands import Command
from deskbreak.ui import dbusmenu
from deskbreak.ui.menu_model import MenuEntry
from deskbreak.ui.sni_item import Signal, SniItem
from deskbreak.ui.sni_protocol import ITEM_INTERFACE, WATCHER, MethodError, pixmap
from deskbreak.ui.sni_registration import WatcherRegistration

log = logging.getLogger(__name__)

#: Sizes drawn for the host to pick from (panels are 16–48 px, 64 for HiDPI).
PIXMAP_SIZES = (22, 32, 48, 64)
#: Seconds to wait for the bus during start-up (name, match rule, first registration).
START_TIMEOUT = 2.0


class SniTray:
    """Our icon on a StatusNotifier host. ``post`` receives every Command and must not block."""

    def __init__(
        self,
        post: Callable[[Command], object],
        menu: Sequence[MenuEntry],
        *,
        app_id: str = "deskbreak",
        bus: str = "SESSION",
    ) -> None:
        self._item = SniItem(post, menu, app_id)
        self._bus = bus
        self.bus_name = f"org.kde.StatusNotifierItem-{os.getpid()}-1"
        self._lock = threading.Lock()  # guards _pending and _closed
        self._pending: list[Signal] = []
        self._closed = False
        self._conn: DBusConnection | None = None
        self._thread: threading.Thread | None = None
        self._early: list[Message] = []
        self._registration = WatcherRegistration(self.bus_name)
        self.registered = self._registration.registered  # set once the watcher accepted us

    @property
    def unique_name(self) -> str | None:
        """Our connection's ":1.n" name (some watchers list items by it)."""
        return self._conn.unique_name if self._conn is not None else None

    # -- Tk thread --------------------------------------------------------------------------

    def start(self, images: Iterable[Image.Image], tooltip: str) -> None:
        """Claim a bus name, register with the watcher and start answering; raises OSError,
        ValueError or RuntimeError when the session bus cannot be reached."""
        self._item.set_icon([pixmap(image) for image in images])
        self._item.set_tooltip(tooltip)
        self._conn = open_dbus_connection(self._bus)
        flags = 4  # DBUS_NAME_FLAG_DO_NOT_QUEUE: a second copy fails instead of waiting
        self._call(message_bus.RequestName(self.bus_name, flags))
        owner_changes = MatchRule(
            type="signal",
            sender="org.freedesktop.DBus",
            interface="org.freedesktop.DBus",
            member="NameOwnerChanged",
        )
        owner_changes.add_arg_condition(0, WATCHER)
        self._call(message_bus.AddMatch(owner_changes))
        self._registration.begin(self._conn)
        self._thread = threading.Thread(target=self._run, name="deskbreak-sni", daemon=True)
        self._thread.start()

    def set_icon(self, images: Iterable[Image.Image]) -> None:
        self._emit(self._item.set_icon([pixmap(image) for image in images]))

    def set_tooltip(self, text: str) -> None:
        self._emit(self._item.set_tooltip(text))

    def set_status(self, status: str) -> None:
        """ "Active", "Passive" or "NeedsAttention" (a break is due)."""
        self._emit(self._item.set_status(status))

    def set_menu(self, entries: Sequence[MenuEntry]) -> None:
        self._emit(self._item.set_menu(entries))

    def _emit(self, signal: Signal | None) -> None:
        """Hand a signal to the bus thread (nothing changed: no signal, no wake-up)."""
        if signal is None:
            return
        with self._lock:
            self._pending.append(signal)
        self._wake()

    def stop(self, timeout: float = 2.0) -> None:
        """Leave the bus (the watcher drops the item when our name goes) and end the thread."""
        with self._lock:
            self._closed = True
        self._wake()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("the StatusNotifier thread did not stop within %.0f s", timeout)
        elif self._conn is not None:
            self._conn.close()

    def _wake(self) -> None:
        conn = self._conn
        if conn is not None and self._thread is not None:
            conn.interrupt()

    # -- start-up, before the thread runs ------------------------------------------------------

    def _call(self, message: Message) -> tuple[Any, ...]:
        """One call and its reply; other messages that come first are kept for the thread."""
        assert self._conn is not None
        serial = next(self._conn.outgoing_serial)
        self._conn.send(message, serial=serial)
        while True:
            reply = self._conn.receive(timeout=START_TIMEOUT)
            if reply.header.fields.get(HeaderFields.reply_serial) != serial:
                self._early.append(reply)
                continue
            if reply.header.message_type is MessageType.error:
                raise RuntimeError(f"{reply.header.fields.get(HeaderFields.error_name)}")
            return tuple(reply.body)

    # -- the thread ---------------------------------------------------------------------------

    def _run(self) -> None:
        conn = self._conn
        assert conn is not None
        try:
            for early in self._early:
                self._handle(early)
            self._early.clear()
            while True:
                try:
                    message = conn.receive(timeout=self._registration.timeout())
                except TimeoutError:
                    self._registration.retry(conn)
                    continue
                except ReceiveStopped:
                    conn.reset_interrupt()
                    if self._flush():
                        return
                    continue
                try:
                    self._handle(message)
                except Exception:
                    log.exception("answering the tray host failed")
        except (OSError, ValueError) as exc:
            log.warning("the session bus went away; the tray icon is gone: %s", exc)
        finally:
            conn.close()

    def _flush(self) -> bool:
        """Send the signals the Tk thread asked for; True when the tray is closing."""
        assert self._conn is not None
        with self._lock:
            pending, self._pending = self._pending, []
            closed = self._closed
        if closed:
            return True
        for path, member, signature, body in pending:
            interface = dbusmenu.INTERFACE if path == dbusmenu.PATH else ITEM_INTERFACE
            emitter = DBusAddress(path, interface=interface)
            self._conn.send(new_signal(emitter, member, signature or None, body))
        return False

    def _handle(self, message: Message) -> None:
        assert self._conn is not None
        header = message.header
        if header.message_type is MessageType.signal:
            self._registration.on_signal(message, self._conn)
        elif header.message_type is MessageType.method_call:
            self._answer(message)
        elif self._registration.on_reply(message):
            return
        elif header.message_type is MessageType.error:
            detail = message.body[0] if message.body else ""
            log.debug(
                "D-Bus error reply: %s %s", header.fields.get(HeaderFields.error_name), detail
            )

    def _answer(self, call: Message) -> None:
        assert self._conn is not None
        fields = call.header.fields
        path = fields.get(HeaderFields.path, "")
        member = fields.get(HeaderFields.member, "")
        interface = fields.get(HeaderFields.interface, "")
        try:
            signature, body = self._dispatch(path, interface, member, tuple(call.body))
            reply = new_method_return(call, signature or None, body)
        except MethodError as exc:
            reply = new_error(call, exc.name, "s", (str(exc),))
        if not call.header.flags & MessageFlag.no_reply_expected:
            self._conn.send(reply)

    def _dispatch(
        self, path: str, interface: str, member: str, args: tuple[Any, ...]
    ) -> tuple[str, tuple[Any, ...]]:
        return self._item.dispatch(path, interface, member, args)
