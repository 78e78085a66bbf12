"""The Tk popup menu for the xorg tray: same entries, same commands."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from deskbreak.core.commands import Command, Pause, Quit, TakeBreak
from deskbreak.ui.tray import standard_menu
from deskbreak.ui.tray_menu import build_tk_menu, popup

pytestmark = pytest.mark.gui
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "tray"


def test_items_post_their_commands(root) -> None:
    posted: list[Command] = []
    menu = build_tk_menu(
        root, standard_menu([("quick-reset", "Quick reset · 3 min")]), posted.append
    )
    labels = [
        menu.entrycget(i, "label")
        for i in range(menu.index("end") + 1)
        if menu.type(i) != "separator"
    ]
    assert labels == [
        "Take a break now",
        "Routines",
        "Snooze 10 min",
        "Pause",
        "Progress…",
        "Settings…",
        "About",
        "Quit",
    ]
    menu.invoke(0)
    routines = root.nametowidget(menu.entrycget(1, "menu"))
    routines.invoke(0)
    pause = root.nametowidget(menu.entrycget(3, "menu"))
    pause.invoke(2)
    menu.invoke(menu.index("end"))
    assert posted == [
        TakeBreak(),
        TakeBreak("quick-reset"),
        Pause(None),
        Quit(),
    ]


def test_popup_opens_upwards_from_a_bottom_panel(root, pump_until) -> None:
    menu = build_tk_menu(
        root, standard_menu([("quick-reset", "Quick reset · 3 min")]), lambda c: None
    )
    screen_w, screen_h = menu.winfo_screenwidth(), menu.winfo_screenheight()
    popup(menu, screen_w - 10, screen_h - 12)
    pump_until(menu.winfo_viewable)
    menu.update()
    x, y, w, h = menu.winfo_rootx(), menu.winfo_rooty(), menu.winfo_width(), menu.winfo_height()
    assert menu.winfo_viewable() and h > 100
    assert y + h <= screen_h - 12 + 1 and x + w <= screen_w
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    crop = f"{w + 20}x{h + 20}+{x - 10}+{y - 10}"
    subprocess.run(
        ["import", "-window", "root", "-crop", crop, str(ARTIFACTS / "popup-menu.png")], check=True
    )
    menu.unpost()
