"""The tray menu as a Tk popup, for backends without a menu of their own (pystray's xorg).

A right click on the xorg icon posts ``OpenTrayMenu(x, y)``; the app's handler, on the
Tk thread, calls :meth:`TrayPopup.open` with the same :class:`MenuEntry` list the other
backends get. One menu exists at a time: opening a new one destroys the last, so fifty
right clicks leave no fifty menus behind.

On X11 the posted menu keeps Tk's global grab: that is what closes it on Esc, on a click
anywhere else and on a second click on the icon. (Releasing the grab, the usual recipe
for Windows, leaves an X11 menu stuck open.) It also takes the X input focus while it is
up, since Tk ignores keys without it, and gives it back to the window that had it.
"""

from __future__ import annotations

import contextlib
import functools
import tkinter as tk
from collections.abc import Callable, Sequence
from typing import Literal

from deskbreak.core.commands import Command
from deskbreak.ui import focus, screen, theme
from deskbreak.ui.tray import MenuEntry


def build_tk_menu(
    master: tk.Misc, entries: Sequence[MenuEntry], post: Callable[[Command], object]
) -> tk.Menu:
    """A themed ``tk.Menu`` whose items post their commands; the default item in bold,
    items that cannot act greyed."""
    pal = theme.palette()
    fonts = theme.fonts(master)
    menu = tk.Menu(
        master,
        tearoff=False,
        background=pal.background,
        foreground=pal.text,
        activebackground=pal.accent,
        activeforeground=pal.on_accent,
        disabledforeground=pal.muted,
        relief="flat",
        borderwidth=1,
        font=fonts.body,
    )
    for entry in entries:
        state: Literal["normal", "disabled"] = "normal" if entry.enabled else "disabled"
        if entry.is_separator:
            menu.add_separator()
        elif entry.submenu:
            submenu = build_tk_menu(menu, entry.submenu, post)
            menu.add_cascade(label=entry.label, menu=submenu, state=state)
        elif entry.command is None:
            menu.add_command(label=entry.label, state="disabled", font=fonts.small)
        else:
            menu.add_command(
                label=entry.label,
                font=fonts.heading if entry.default else fonts.body,
                command=functools.partial(post, entry.command),
                state=state,
            )
    return menu


def popup(menu: tk.Menu, x: int, y: int) -> None:
    """Open ``menu`` at root coordinates ``x, y`` (the pointer), inside the work area, with
    room on its right for its widest submenu so cascades open beside it, not over it."""
    menu.update_idletasks()
    area = screen.work_area(menu)
    height, width = menu.winfo_reqheight(), menu.winfo_reqwidth()
    x = min(x, area.right - width - _widest_submenu(menu))
    y = y - height if y + height > area.bottom else y  # open upwards from a bottom panel
    x, y = max(area.x, x), max(area.y, min(y, area.bottom - height))
    if menu._windowingsystem != "x11":
        try:
            menu.tk_popup(x, y)
        finally:
            menu.grab_release()
        return
    previous = focus.input_focus(menu)
    menu.tk_popup(x, y)
    # Tk drops key events while it has no X focus, grab or not: Esc would do nothing.
    # The menu takes the keyboard while it is up and hands it back when it goes.
    menu.focus_force()
    menu.bind("<Unmap>", lambda _e: focus.give_back(menu, previous), add="+")


def _widest_submenu(menu: tk.Menu) -> int:
    last = menu.index("end")
    widths = [0]
    for index in range(0 if last is None else last + 1):
        if menu.type(index) == "cascade":
            submenu = menu.nametowidget(menu.entrycget(index, "menu"))
            submenu.update_idletasks()
            widths.append(submenu.winfo_reqwidth())
    return max(widths)


class TrayPopup:
    """The one Tk popup menu of the xorg tray."""

    def __init__(self, master: tk.Misc, post: Callable[[Command], object]) -> None:
        self._master = master
        self._post = post
        self.menu: tk.Menu | None = None

    def open(self, entries: Sequence[MenuEntry], x: int, y: int) -> tk.Menu:
        self.close()
        self.menu = build_tk_menu(self._master, entries, self._post)
        popup(self.menu, x, y)
        return self.menu

    def close(self) -> None:
        menu, self.menu = self.menu, None
        if menu is not None:
            with contextlib.suppress(tk.TclError):
                menu.unpost()
                menu.destroy()
