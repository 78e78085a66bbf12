"""The tray menu as a Tk popup, for backends without a menu of their own (pystray's xorg).

A right click on the xorg icon posts ``OpenTrayMenu(x, y)``; the app's handler, on the
Tk thread, calls :func:`popup` with the same :class:`MenuEntry` list the other backends get.
"""

from __future__ import annotations

import functools
import tkinter as tk
from collections.abc import Callable, Sequence

from deskbreak.core.commands import Command
from deskbreak.ui import theme
from deskbreak.ui.tray import MenuEntry


def build_tk_menu(
    master: tk.Misc, entries: Sequence[MenuEntry], post: Callable[[Command], object]
) -> tk.Menu:
    """A themed ``tk.Menu`` whose items post their commands; the default item in bold."""
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
        if entry.is_separator:
            menu.add_separator()
        elif entry.submenu:
            menu.add_cascade(label=entry.label, menu=build_tk_menu(menu, entry.submenu, post))
        else:
            command = entry.command
            if command is None:
                menu.add_command(label=entry.label, state="disabled")
                continue
            menu.add_command(
                label=entry.label,
                font=fonts.heading if entry.default else fonts.body,
                command=functools.partial(post, command),
            )
    return menu


def popup(menu: tk.Menu, x: int, y: int) -> None:
    """Open ``menu`` at root coordinates ``x, y`` (the pointer), kept on screen."""
    menu.update_idletasks()
    height, width = menu.winfo_reqheight(), menu.winfo_reqwidth()
    x = min(x, menu.winfo_screenwidth() - width)
    y = (
        y - height if y + height > menu.winfo_screenheight() else y
    )  # open upwards from a bottom panel
    try:
        menu.tk_popup(max(0, x), max(0, y))
    finally:
        menu.grab_release()
