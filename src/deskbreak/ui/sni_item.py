"""What our StatusNotifierItem and its dbusmenu say, and what a host's call asks for; no I/O.

:class:`SniItem` holds the icon's current pixmaps, tooltip, status and menu (behind one lock:
the Tk thread changes them, the bus thread reads them) and answers each method call a host
makes with a reply body, or raises :class:`MethodError`. The ``set_*`` methods return the
signal that tells hosts about a change, or None when nothing changed (no signal, no wake-up).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from deskbreak.core.commands import Command, OpenTrayMenu, TakeBreak
from deskbreak.ui import dbusmenu
from deskbreak.ui.menu_model import MenuEntry, default_command
from deskbreak.ui.sni_protocol import ITEM_PATH, MethodError, introspection

_PROPERTIES = "org.freedesktop.DBus.Properties"
_UNKNOWN_METHOD = "org.freedesktop.DBus.Error.UnknownMethod"

Pixmap = tuple[int, int, bytes]
#: A signal to emit: object path, member, signature, body.
Signal = tuple[str, str, str, tuple[Any, ...]]


class SniItem:
    def __init__(
        self, post: Callable[[Command], object], menu: Sequence[MenuEntry], app_id: str
    ) -> None:
        self._post = post
        self._entries = tuple(menu)
        self._menu = dbusmenu.DBusMenu(menu)
        self._app_id = app_id
        self._lock = threading.Lock()
        self._pixmaps: list[Pixmap] = []
        self._tooltip = (app_id, "")
        self._status = "Active"

    def set_icon(self, pixmaps: list[Pixmap]) -> Signal | None:
        with self._lock:
            if pixmaps == self._pixmaps:
                return None
            self._pixmaps = pixmaps
        return ITEM_PATH, "NewIcon", "", ()

    def set_tooltip(self, text: str) -> Signal | None:
        tooltip = split_tooltip(text)
        with self._lock:
            if tooltip == self._tooltip:
                return None
            self._tooltip = tooltip
        return ITEM_PATH, "NewToolTip", "", ()

    def set_status(self, status: str) -> Signal | None:
        with self._lock:
            if status == self._status:
                return None
            self._status = status
        return ITEM_PATH, "NewStatus", "s", (status,)

    def set_menu(self, entries: Sequence[MenuEntry]) -> Signal | None:
        with self._lock:
            self._entries = tuple(entries)
            if not self._menu.set_entries(entries):
                return None
            revision = self._menu.revision
        return dbusmenu.PATH, "LayoutUpdated", "ui", (revision, 0)

    def dispatch(
        self, path: str, interface: str, member: str, args: tuple[Any, ...]
    ) -> tuple[str, tuple[Any, ...]]:
        """The reply (signature, body) to a host's call; raises :class:`MethodError`."""
        if member == "Introspect":
            return "s", (introspection(path),)
        if member == "Ping":
            return "", ()
        if interface == _PROPERTIES or member in ("Get", "GetAll"):
            return self._properties(path, member, args)
        if path == ITEM_PATH:
            return self._item_method(member, args)
        if path == dbusmenu.PATH:
            return self._menu_method(member, args)
        raise MethodError(_UNKNOWN_METHOD, f"no method {member} at {path}")

    def _item_method(self, member: str, args: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
        if member == "Activate":
            with self._lock:  # before the first menu arrives, a click is still a break
                command = default_command(self._entries) or TakeBreak()
            self._post(command)
        elif member == "ContextMenu":  # a host that does not draw dbusmenus itself
            self._post(OpenTrayMenu(int(args[0]), int(args[1])))
        elif member not in ("SecondaryActivate", "Scroll", "ProvideXdgActivationToken"):
            raise MethodError(_UNKNOWN_METHOD, f"no method {member} on the tray item")
        return "", ()

    def _menu_method(self, member: str, args: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
        with self._lock:
            try:
                return self._menu_reply(member, args)
            except dbusmenu.UnknownItem as exc:
                raise MethodError("org.freedesktop.DBus.Error.InvalidArgs", str(exc)) from exc

    def _menu_reply(self, member: str, args: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
        menu = self._menu
        if member == "GetLayout":
            return "u" + dbusmenu.LAYOUT_SIGNATURE, menu.layout(*args)
        if member == "GetGroupProperties":
            return "a(ia{sv})", (menu.group_properties(*args),)
        if member == "GetProperty":
            props = menu.properties(args[0], (args[1],))
            if args[1] not in props:
                raise MethodError("org.freedesktop.DBus.Error.InvalidArgs", f"no {args[1]}")
            return "v", (props[args[1]],)
        if member == "Event":
            self._menu_event(args[0], args[1])
            return "", ()
        if member == "EventGroup":
            errors = [e[0] for e in args[0] if not menu.has(e[0])]
            for item_id, event_id, *_ in args[0]:
                if menu.has(item_id):
                    self._menu_event(item_id, event_id)
            return "ai", (errors,)
        if member == "AboutToShow":
            return "b", (False,)
        if member == "AboutToShowGroup":
            return "aiai", ([], [i for i in args[0] if not menu.has(i)])
        raise MethodError(_UNKNOWN_METHOD, f"no method {member} on the menu")

    def _menu_event(self, item_id: int, event_id: str) -> None:
        command = self._menu.command_for(item_id, event_id)
        if command is not None:
            self._post(command)

    def _properties(
        self, path: str, member: str, args: tuple[Any, ...]
    ) -> tuple[str, tuple[Any, ...]]:
        with self._lock:
            values = self._item_properties() if path == ITEM_PATH else _menu_properties()
        if path not in (ITEM_PATH, dbusmenu.PATH):
            raise MethodError("org.freedesktop.DBus.Error.UnknownObject", f"no object {path}")
        if member == "GetAll":
            return "a{sv}", (values,)
        if member == "Get":
            if args[1] not in values:
                raise MethodError("org.freedesktop.DBus.Error.UnknownProperty", str(args[1]))
            return "v", (values[args[1]],)
        raise MethodError("org.freedesktop.DBus.Error.PropertyReadOnly", "read-only properties")

    def _item_properties(self) -> dict[str, tuple[str, Any]]:
        title, description = self._tooltip
        return {
            "Category": ("s", "ApplicationStatus"),
            "Id": ("s", self._app_id),
            "Title": ("s", self._app_id),
            "Status": ("s", self._status),
            "WindowId": ("i", 0),
            "IconName": ("s", ""),
            "IconPixmap": ("a(iiay)", self._pixmaps),
            "OverlayIconName": ("s", ""),
            "OverlayIconPixmap": ("a(iiay)", []),
            "AttentionIconName": ("s", ""),
            "AttentionIconPixmap": ("a(iiay)", self._pixmaps),
            "AttentionMovieName": ("s", ""),
            "IconThemePath": ("s", ""),
            "ToolTip": ("(sa(iiay)ss)", ("", [], title, description)),
            "ItemIsMenu": ("b", False),
            "Menu": ("o", dbusmenu.PATH),
        }


def _menu_properties() -> dict[str, tuple[str, Any]]:
    return {
        "Version": ("u", dbusmenu.VERSION),
        "TextDirection": ("s", "ltr"),
        "Status": ("s", "normal"),
        "IconThemePath": ("as", []),
    }


def split_tooltip(text: str) -> tuple[str, str]:
    """The tooltip's first line is its title, the rest its body (hosts show them that way)."""
    title, _, body = text.partition("\n")
    return title, body
