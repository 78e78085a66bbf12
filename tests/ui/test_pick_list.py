"""The pick list shows the names in order with the picked ones selected."""

from __future__ import annotations

import tkinter as tk

import pytest

from deskbreak.ui import theme
from deskbreak.ui.pick_list import pick_list

pytestmark = pytest.mark.gui


def test_names_in_order_and_picked_selected(root: tk.Tk) -> None:
    frame, listbox = pick_list(
        root, ["a", "b", "c"], [0, 2], theme.palette(False), theme.fonts(root), lambda v: int(v)
    )
    frame.pack()
    root.update()
    assert listbox.get(0, "end") == ("a", "b", "c")
    assert listbox.curselection() == (0, 2)  # type: ignore[no-untyped-call]
