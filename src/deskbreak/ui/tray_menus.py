"""The xorg tray's own Tk popup menu and hover tooltip, made only when first needed.

Other tray backends draw their menu and tooltip themselves; only the XEmbed icon asks the app
to open a menu at a right click and to show a tip while the pointer rests on it. Both windows
are made lazily (most sessions never see them), which is why they live apart from the
controller that decides what the menu holds.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from typing import TYPE_CHECKING

from deskbreak.core.commands import Command
from deskbreak.ui.tray import MenuEntry, Tray

if TYPE_CHECKING:
    from deskbreak.ui.hover_tip import HoverTip
    from deskbreak.ui.tray_menu import TrayPopup


class TrayMenus:
    """Opens the popup menu at a point and follows the pointer with the hover tip."""

    def __init__(
        self,
        root: tk.Tk,
        tray: Tray,
        post: Callable[[Command], object],
        menu: Callable[[], tuple[MenuEntry, ...]],
    ) -> None:
        self._root = root
        self._tray = tray
        self._post = post
        self._menu = menu  # the menu as things stand, asked at each opening
        self.popup: TrayPopup | None = None  # made at the first right click
        self.tip: HoverTip | None = None  # made at the first hover

    def open_menu(self, x: int, y: int) -> None:
        """The tip goes away and the menu opens at (x, y)."""
        self.hover(0, 0, inside=False)
        if self.popup is None:
            from deskbreak.ui.tray_menu import TrayPopup

            self.popup = TrayPopup(self._root, self._post)
        self.popup.open(self._menu(), x, y)

    def hover(self, x: int, y: int, *, inside: bool) -> None:
        if self.tip is None:
            if not inside:
                return
            from deskbreak.ui.hover_tip import HoverTip

            self.tip = HoverTip(self._root)
        self.tip.hover_at(x, y, inside, self._tray.title)
