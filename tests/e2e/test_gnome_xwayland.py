"""The real app on headless GNOME (mutter, Wayland) with its windows on mutter's Xwayland, and
its icon on a StatusNotifier watcher: what a GNOME Wayland user runs, minus the shell."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from deskbreak.ui.sni_protocol import WATCHER
from tests.desktop_session import (
    DesktopSession,
    RemoteInput,
    desktop_session,
    start_headless_mutter,
    wait_for,
    without_pystray,
)
from tests.e2e.conftest import DESKBREAK
from tests.e2e.xsession import ARTIFACTS
from tests.sni_host import SniHost

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def gnome(tmp_path: Path) -> Iterator[DesktopSession]:
    assert shutil.which("mutter") and shutil.which("Xwayland"), "install mutter and xwayland"
    with desktop_session(tmp_path / "desk") as desk:
        log = tmp_path / "mutter.log"
        start_headless_mutter(desk, xwayland_log=log)

        def x_display() -> str | None:
            found = re.search(r"Using public X11 display (:\d+)", log.read_text())
            return found.group(1) if found else None

        display = wait_for(x_display, 30, "mutter's Xwayland display")
        auth = wait_for(lambda: sorted(desk.runtime.glob(".mutter-Xwaylandauth.*")), 30, "auth")
        desk.env |= {
            "DISPLAY": display,
            "XAUTHORITY": str(auth[0]),
            "XDG_CURRENT_DESKTOP": "GNOME",
        }
        desk.spawn(["status-notifier-watcher"])
        desk.wait_for_name(WATCHER)
        yield desk


def visible_windows(desk: DesktopSession, title: str) -> list[str]:
    result = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title],
                            env=desk.env, capture_output=True, text=True, timeout=20)  # fmt: skip
    return result.stdout.split()


def visible_classes(desk: DesktopSession, wm_class: str) -> list[str]:
    result = subprocess.run(["xdotool", "search", "--onlyvisible", "--class", wm_class],
                            env=desk.env, capture_output=True, text=True, timeout=20)  # fmt: skip
    return result.stdout.split()


def test_the_app_on_headless_gnome_wayland(gnome: DesktopSession, tmp_path: Path) -> None:
    env = without_pystray(gnome.env) | {
        "DESKBREAK_CONFIG_DIR": str(tmp_path / "config"),
        "DESKBREAK_DATA_DIR": str(tmp_path / "data"),
    }
    doctor = subprocess.run([DESKBREAK, "doctor"], env=env, capture_output=True, text=True,
                            timeout=60)  # fmt: skip
    out = doctor.stdout
    assert f"wayland-0 (wayland; windows through Xwayland {gnome.env['DISPLAY']})" in out, out
    assert "idle source: gnome-mutter" in out
    assert "StatusNotifier tray (deskbreak's own" in out
    assert "sees idle time, do-not-disturb; not full screen, screen lock" in out, out

    app = gnome.spawn([DESKBREAK, "-v"], env=env)
    host = SniHost(gnome)
    [item] = wait_for(host.registered_items, 30, "the icon on the watcher")
    name = host.item(item)[0]
    host.activate(name)  # a left click on the icon, as the host sends it
    # (xdotool's regex does not match the title's em dash: search for the routine's name)
    [window] = wait_for(lambda: visible_windows(gnome, "Quick reset"), 30, "the break window")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "gnome-xwayland-break.png"

    def drawn() -> bool:
        subprocess.run(["import", "-window", window, str(shot)], env=gnome.env, check=True,
                       timeout=30)  # fmt: skip
        return shot.stat().st_size > 10_000  # an empty window compresses to ~200 bytes

    wait_for(drawn, 30, "the break window to be drawn")

    # A host that asks the app to show its own menu (ContextMenu): the Tk popup on Xwayland.
    gnome.call(host.conn, name, "/StatusNotifierItem", "org.kde.StatusNotifierItem",
               "ContextMenu", "ii", 600, 400)  # fmt: skip
    menus = wait_for(lambda: visible_classes(gnome, "^Menu$"), 30, "the Tk popup menu")
    menu_shot = ARTIFACTS / "gnome-xwayland-menu.png"
    subprocess.run(["import", "-window", menus[-1], str(menu_shot)], env=gnome.env, check=True,
                   timeout=30)  # fmt: skip
    subprocess.run(["xdotool", "key", "Escape"], env=gnome.env, timeout=20, check=False)

    host.click(name, host.find_id(host.layout(name)[1], "Quit"))
    assert app.wait(20) == 0
    log = (tmp_path / "data" / "logs" / "deskbreak.log").read_text()
    assert "idle source: gnome-mutter" in log
    assert "Traceback" not in log and "uncaught" not in log, log


@pytest.mark.slow
def test_a_prompt_after_a_minute_of_input_through_mutter(
    gnome: DesktopSession, tmp_path: Path
) -> None:
    """Sitting is measured from Mutter's idle time: a minute of input injected through
    RemoteDesktop (the only input mutter counts) brings the prompt, drawn on Xwayland."""
    from tests.e2e.test_tray_app import SITTING_CONFIG

    config = tmp_path / "config"
    config.mkdir()
    (config / "config.toml").write_text(SITTING_CONFIG)
    env = without_pystray(gnome.env) | {
        "DESKBREAK_CONFIG_DIR": str(config),
        "DESKBREAK_DATA_DIR": str(tmp_path / "data"),
    }
    app = gnome.spawn([DESKBREAK, "-v"], env=env)
    remote = RemoteInput(gnome)
    step = [0]

    def busy_until_prompt() -> list[str]:
        step[0] += 1
        remote.move_pointer(3.0 if step[0] % 2 else -3.0, 1.0)
        time.sleep(1.0)
        return visible_windows(gnome, "Time to move")

    [prompt] = wait_for(busy_until_prompt, 180, "the prompt after a minute of input")
    shot = ARTIFACTS / "gnome-xwayland-prompt.png"

    def drawn() -> bool:
        subprocess.run(["import", "-window", prompt, str(shot)], env=gnome.env, check=True,
                       timeout=30)  # fmt: skip
        return shot.stat().st_size > 5_000

    wait_for(drawn, 30, "the prompt to be drawn")
    app.terminate()
    assert app.wait(20) == 0
