"""The test as a StatusNotifier host, over jeepney: what a panel reads and calls, nothing more."""

from __future__ import annotations

from typing import Any

from jeepney.io.blocking import DBusConnection

from deskbreak.ui.sni_protocol import ITEM_INTERFACE, ITEM_PATH, MENU_PATH, WATCHER, WATCHER_PATH
from tests.desktop_session import DesktopSession

MENU = "com.canonical.dbusmenu"
PROPS = "org.freedesktop.DBus.Properties"


class SniHost:
    def __init__(self, session: DesktopSession) -> None:
        self.session = session
        self.conn: DBusConnection = session.connect()

    def registered_items(self) -> list[str]:
        (value,) = self.session.call(
            self.conn, WATCHER, WATCHER_PATH, PROPS, "Get", "ss",
            WATCHER, "RegisteredStatusNotifierItems",
        )  # fmt: skip
        return list(value[1])

    def item(self, registered: str) -> tuple[str, str]:
        """Bus name and path of a registered item ("name" or "name/path")."""
        name, slash, path = registered.partition("/")
        return name, (slash + path) if path else ITEM_PATH

    def properties(self, name: str) -> dict[str, Any]:
        (values,) = self.session.call(
            self.conn, name, ITEM_PATH, PROPS, "GetAll", "s", ITEM_INTERFACE
        )
        return {key: value[1] for key, value in values.items()}

    def layout(self, name: str) -> tuple[int, Any]:
        revision, layout = self.session.call(
            self.conn, name, MENU_PATH, MENU, "GetLayout", "iias", 0, -1, []
        )
        return revision, layout

    def labels(self, layout: Any) -> list[Any]:
        """The menu as nested labels: a submenu is (label, [children])."""
        out: list[Any] = []
        for _sig, (_item_id, props, children) in layout[2]:
            label = props.get("label", ("s", "-"))[1]
            out.append((label, self.labels((0, {}, children))) if children else label)
        return out

    def find_id(self, layout: Any, label: str) -> int:
        for _sig, (item_id, props, children) in layout[2]:
            if props.get("label", ("s", ""))[1] == label:
                return int(item_id)
            if children:
                try:
                    return self.find_id((0, {}, children), label)
                except KeyError:
                    pass
        raise KeyError(label)

    def click(self, name: str, item_id: int) -> None:
        self.session.call(
            self.conn, name, MENU_PATH, MENU, "Event", "isvu", item_id, "clicked", ("i", 0), 0
        )

    def activate(self, name: str) -> None:
        self.session.call(self.conn, name, ITEM_PATH, ITEM_INTERFACE, "Activate", "ii", 10, 10)
