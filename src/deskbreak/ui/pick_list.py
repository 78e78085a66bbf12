"""A themed list to tick several entries in, with a scrollbar: ttk has no such widget.

Used by the settings' Movements tab for the movements to avoid; a plain ``tk.Listbox``
inside a one-pixel muted edge, so it matches the ttk fields around it in both themes.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence
from tkinter import ttk

from deskbreak.ui import theme


def pick_list(
    parent: tk.Misc,
    names: Sequence[str],
    picked: Sequence[int],
    palette: theme.Palette,
    fonts: theme.Fonts,
    px: Callable[[float], int],
) -> tuple[ttk.Frame, tk.Listbox]:
    """The list (``names`` in order, the ``picked`` indexes selected) and its frame."""
    frame = ttk.Frame(parent)
    edge = tk.Frame(
        frame,
        background=palette.background,
        highlightthickness=1,
        highlightbackground=palette.muted,
        padx=px(6),
        pady=px(4),
    )
    listbox = tk.Listbox(
        edge,
        selectmode="multiple",
        exportselection=False,
        height=4,
        width=30,
        activestyle="none",
        relief="flat",
        borderwidth=0,
        highlightthickness=0,
        background=palette.background,
        foreground=palette.text,
        selectbackground=palette.accent_soft,
        selectforeground=palette.text,
        font=fonts.body,
    )
    listbox.pack(fill="both")
    scroll = ttk.Scrollbar(frame, orient="vertical", command=listbox.yview)
    listbox.configure(yscrollcommand=scroll.set)
    edge.pack(side="left", fill="both")
    scroll.pack(side="left", fill="y", padx=(px(4), 0))
    for index, name in enumerate(names):
        listbox.insert("end", name)
        if index in picked:
            listbox.selection_set(index)
    return frame, listbox
