"""The real app's tray menu and tooltip in a real panel tray (tint2, then xfce4-panel) under
openbox: it closes on Esc, on a click elsewhere and on a second click on the icon, and
leaves no window behind. One app start per panel."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import RunningApp, start_app, stop_app
from tests.e2e.desktop import Desktop, count_windows, desktop, overlay_windows
from tests.e2e.xsession import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.gui]


@pytest.fixture(params=["tint2", "xfce4-panel"])
def panel_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RunningApp]:
    with desktop("openbox", panel=request.param) as session:
        app = start_app(session, tmp_path)
        try:
            yield app
        finally:
            if app.process.poll() is None:
                stop_app(app)


def _open_menu(session: Desktop, x: int, y: int, before: set[int]) -> set[int]:
    session.xdotool("mousemove", str(x), str(y), "click", "3")
    return wait_for(lambda: overlay_windows(session) - before, 10, "the tray menu")  # type: ignore[return-value]


def describe(session: Desktop, windows: set[int]) -> list[str]:
    import subprocess

    return [
        subprocess.run(
            ["xprop", "-id", str(w), "WM_CLASS", "WM_NAME"],
            env=session.env,
            capture_output=True,
            text=True,
        ).stdout
        + subprocess.run(
            ["xwininfo", "-id", str(w)], env=session.env, capture_output=True, text=True
        ).stdout[-400:]
        for w in windows
    ]


def _closed(session: Desktop, menu: set[int]) -> bool:
    return not (overlay_windows(session) & menu)


def test_the_tray_menu_closes_every_way_and_leaves_nothing(panel_app: RunningApp) -> None:
    session = panel_app.session
    assert isinstance(session, Desktop)
    icon: int = wait_for(session.deskbreak_icon, 20, "the docked icon")  # type: ignore[assignment]
    x, y = session.icon_position(icon)
    session.xdotool("mousemove", "300", "300")
    time.sleep(0.5)
    quiet = overlay_windows(session)

    menu = _open_menu(session, x, y, quiet)
    assert all("Menu" in session.wm_class(w) for w in menu), describe(session, menu)
    time.sleep(0.5)
    session.screenshot(f"openbox-{session.panel}-tray-menu")
    session.xdotool("key", "Escape")
    wait_for(lambda: _closed(session, menu), 5, "Esc to close the menu")

    menu = _open_menu(session, x, y, quiet)
    session.xdotool("mousemove", "300", "300", "click", "1")
    wait_for(lambda: _closed(session, menu), 5, "a click elsewhere to close the menu")

    menu = _open_menu(session, x, y, quiet)
    session.xdotool("click", "3")  # the same icon again
    wait_for(lambda: _closed(session, menu), 5, "a second click on the icon to close it")
    time.sleep(0.5)
    menus = [w for w in overlay_windows(session) - quiet if "Menu" in session.wm_class(w)]
    assert not menus, f"a second click opened another menu: {describe(session, set(menus))}"

    # Hovering shows the status the tray itself cannot show for an XEmbed icon.
    session.xdotool("mousemove", str(x), str(y))
    tip = wait_for(lambda: overlay_windows(session) - quiet, 5, "the tooltip")
    session.screenshot(f"openbox-{session.panel}-tray-tooltip")
    session.xdotool("mousemove", "300", "300")
    wait_for(lambda: _closed(session, tip), 5, "the tooltip to go")  # type: ignore[arg-type]

    windows = count_windows(session)
    for _ in range(20):
        menu = _open_menu(session, x, y, quiet)
        session.xdotool("key", "Escape")
        wait_for(lambda m=menu: _closed(session, m), 5, "Esc to close the menu")  # type: ignore[misc]
    assert count_windows(session) == windows, "right clicks left X windows behind"
    assert "Traceback" not in panel_app.log()
