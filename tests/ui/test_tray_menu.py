"""The Tk popup menu for the xorg tray: same entries, same commands."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from deskbreak.core.commands import Command, Pause, Quit, TakeBreak
from deskbreak.ui.tray import MenuStatus, standard_menu
from deskbreak.ui.tray_menu import TrayPopup, build_tk_menu, popup

pytestmark = pytest.mark.gui
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "tray"
ROUTINES = [("quick-reset", "Quick reset · 3 min")]


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


MENU_STATUS = MenuStatus(("Sitting 12 min · break at 50",), can_snooze=False, paused=False)


def _entries(menu) -> list[tuple[str, str]]:
    last = menu.index("end")
    return [
        (menu.entrycget(i, "label"), menu.entrycget(i, "state"))
        for i in range(last + 1)
        if menu.type(i) != "separator"
    ]


def _wait_viewable(root, menu, viewable: bool = True) -> bool:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        root.update()
        if bool(menu.winfo_exists() and menu.winfo_viewable()) == viewable:
            return True
        time.sleep(0.02)
    return False


def _xdotool(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True, timeout=10)


def test_the_status_heads_the_menu_and_what_cannot_act_is_greyed(root) -> None:
    menu = build_tk_menu(root, standard_menu(ROUTINES, 10, MENU_STATUS), lambda c: None)
    entries = dict(_entries(menu))
    assert _entries(menu)[0] == ("Sitting 12 min · break at 50", "disabled")
    assert entries["Snooze 10 min"] == "disabled"
    assert entries["Take a break now"] == "normal"
    pause = root.nametowidget(menu.entrycget(entries_index(menu, "Pause"), "menu"))
    assert dict(_entries(pause))["Resume"] == "disabled"

    paused = MenuStatus(("Paused until 14:30",), can_snooze=False, paused=True)
    menu = build_tk_menu(root, standard_menu(ROUTINES, 10, paused), lambda c: None)
    pause = root.nametowidget(menu.entrycget(entries_index(menu, "Pause"), "menu"))
    assert dict(_entries(pause))["Resume"] == "normal"
    due = MenuStatus(("Sitting 50 min · time to move",), can_snooze=True)
    menu = build_tk_menu(root, standard_menu(ROUTINES, 10, due), lambda c: None)
    assert dict(_entries(menu))["Snooze 10 min"] == "normal"


def entries_index(menu, label: str) -> int:
    return next(
        i
        for i in range(menu.index("end") + 1)
        if menu.type(i) != "separator" and menu.entrycget(i, "label") == label
    )


@pytest.mark.parametrize("how", ["Escape", "click elsewhere"])
def test_the_menu_closes_on_esc_and_on_a_click_elsewhere(root, how: str) -> None:
    tray_popup = TrayPopup(root, lambda c: None)
    width, height = root.winfo_screenwidth(), root.winfo_screenheight()
    menu = tray_popup.open(standard_menu(ROUTINES, 10, MENU_STATUS), width - 20, height - 20)
    assert _wait_viewable(root, menu)
    if how == "Escape":
        _xdotool("key", "Escape")
    else:
        _xdotool("mousemove", "40", "40", "click", "1")
    assert _wait_viewable(root, menu, viewable=False), f"the menu stayed open after {how}"


def test_submenus_open_beside_the_menu_inside_the_screen(root) -> None:
    tray_popup = TrayPopup(root, lambda c: None)
    width, height = root.winfo_screenwidth(), root.winfo_screenheight()
    menu = tray_popup.open(standard_menu(ROUTINES, 10, MENU_STATUS), width - 5, height - 5)
    assert _wait_viewable(root, menu)
    index = entries_index(menu, "Routines")
    submenu = root.nametowidget(menu.entrycget(index, "menu"))
    menu.activate(index)
    menu.tk.call(menu, "postcascade", index)
    assert _wait_viewable(root, submenu)
    left, right = menu.winfo_rootx(), menu.winfo_rootx() + menu.winfo_width()
    sub_left, sub_right = submenu.winfo_rootx(), submenu.winfo_rootx() + submenu.winfo_width()
    # Tk lets a cascade overlap its parent by a border width, no more.
    assert sub_left >= right - 6 or sub_right <= left + 6, "the submenu covers its parent"
    assert sub_left >= 0 and sub_right <= width
    assert submenu.winfo_rooty() + submenu.winfo_height() <= height
    tray_popup.close()


def test_fifty_right_clicks_leave_one_menu(root) -> None:
    tray_popup = TrayPopup(root, lambda c: None)
    tray_popup.open(standard_menu(ROUTINES, 10, MENU_STATUS), 300, 300)
    tray_popup.close()
    root.update()
    before = len(_all_widgets(root))
    for _ in range(50):
        menu = tray_popup.open(standard_menu(ROUTINES, 10, MENU_STATUS), 300, 300)
        menu.unpost()
        root.update()
    tray_popup.close()
    root.update()
    assert len(_all_widgets(root)) == before


def _all_widgets(widget) -> list[object]:
    found = [widget]
    for child in widget.winfo_children():
        found.extend(_all_widgets(child))
    return found
