"""The tray menu as a ``com.canonical.dbusmenu`` model: ids, layout and clicks, no I/O.

A StatusNotifier host draws the menu itself from what ``GetLayout`` returns and sends
``Event(id, "clicked", …)`` back; this module turns the same :class:`MenuEntry` tuple the
other trays use into that layout and a click back into its :class:`Command`. Item ids are
handed out in menu order (0 is the invisible root); a new menu bumps the revision, which
the tray announces with ``LayoutUpdated`` so hosts fetch the layout again.

Values follow jeepney's encoding: a variant is a ``(signature, value)`` pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from deskbreak.core.commands import Command
from deskbreak.ui.menu_model import MenuEntry

INTERFACE = "com.canonical.dbusmenu"
PATH = "/MenuBar"
#: The dbusmenu protocol version libdbusmenu speaks; hosts check it.
VERSION = 3
LAYOUT_SIGNATURE = "(ia{sv}av)"

Variant = tuple[str, Any]


@dataclass(frozen=True)
class _Item:
    entry: MenuEntry
    children: tuple[int, ...]


class UnknownItem(LookupError):
    """A host asked about an id this menu does not have (an old layout, or a bug)."""


class DBusMenu:
    """One menu revision at a time; every method is cheap and safe to call from one thread."""

    def __init__(self, entries: Sequence[MenuEntry]) -> None:
        self.revision = 0
        self._items: dict[int, _Item] = {}
        self._entries: tuple[MenuEntry, ...] = ()
        self.set_entries(entries)

    def set_entries(self, entries: Sequence[MenuEntry]) -> bool:
        """Use ``entries`` from now on; True (and a new revision) when the menu really changed."""
        entries = tuple(entries)
        if entries == self._entries and self._items:
            return False
        self._entries = entries
        self._items = {}
        counter = iter(range(1, 1_000_000))

        def add(level: Sequence[MenuEntry]) -> tuple[int, ...]:
            ids = []
            for entry in level:
                item_id = next(counter)
                ids.append(item_id)
                self._items[item_id] = _Item(entry, add(entry.submenu))
            return tuple(ids)

        self._items[0] = _Item(MenuEntry(""), add(entries))
        self.revision += 1
        return True

    def layout(self, parent_id: int, depth: int, names: Sequence[str]) -> tuple[int, Any]:
        """``GetLayout``'s reply body: (revision, (id, properties, children)); depth -1 = all."""
        return self.revision, self._node(parent_id, depth, names)

    def _node(self, item_id: int, depth: int, names: Sequence[str]) -> Any:
        item = self._get(item_id)
        children = (
            [(LAYOUT_SIGNATURE, self._node(c, depth - 1, names)) for c in item.children]
            if depth != 0
            else []
        )
        return item_id, self.properties(item_id, names), children

    def properties(self, item_id: int, names: Sequence[str] = ()) -> dict[str, Variant]:
        """The item's properties (only ``names`` when given), defaults left out as the spec says."""
        item = self._get(item_id)
        entry = item.entry
        props: dict[str, Variant] = {}
        if item.children or item_id == 0:
            props["children-display"] = ("s", "submenu")
        if item_id != 0:
            if entry.is_separator:
                props["type"] = ("s", "separator")
            else:
                # An underscore marks a mnemonic in dbusmenu labels: double it to show one.
                props["label"] = ("s", entry.label.replace("_", "__"))
                if entry.command is None and not entry.submenu:
                    props["enabled"] = ("b", False)
        if names:
            props = {k: v for k, v in props.items() if k in names}
        return props

    def group_properties(
        self, ids: Iterable[int], names: Sequence[str]
    ) -> list[tuple[int, dict[str, Variant]]]:
        """``GetGroupProperties``: unknown ids are left out; an empty ``ids`` means all."""
        wanted = list(ids) or sorted(self._items)
        return [(i, self.properties(i, names)) for i in wanted if i in self._items]

    def command_for(self, item_id: int, event_id: str) -> Command | None:
        """The command a ``clicked`` event on ``item_id`` asks for (None for other events)."""
        if event_id != "clicked":
            return None
        return self._get(item_id).entry.command

    def has(self, item_id: int) -> bool:
        return item_id in self._items

    def _get(self, item_id: int) -> _Item:
        try:
            return self._items[item_id]
        except KeyError:
            raise UnknownItem(f"no menu item {item_id}") from None
