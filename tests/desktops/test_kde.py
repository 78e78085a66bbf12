"""KDE Plasma's own services for real (package plasma-workspace, ~730 MB: `make test-desktops`).

ksmserver under Xvfb serves org.freedesktop.ScreenSaver (idle time and lock state), and kded5's
statusnotifierwatcher module is KDE's StatusNotifierWatcher. Own Xvfb, bus and folders.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from deskbreak.idle import probe_select, select
from deskbreak.ui import tray_backend
from deskbreak.ui.menu_model import standard_menu
from deskbreak.ui.sni_protocol import WATCHER
from deskbreak.ui.tray_art import IconState, draw_icon
from deskbreak.ui.tray_sni import SniTray
from tests.desktop_session import DesktopSession, desktop_session, wait_for, without_pystray
from tests.e2e.xsession import XSession, x_session
from tests.sni_host import SniHost

pytestmark = [pytest.mark.desktops, pytest.mark.gui]


@pytest.fixture
def kde(tmp_path: Path) -> Iterator[tuple[XSession, DesktopSession]]:
    assert shutil.which("ksmserver"), "install plasma-workspace for `make test-desktops`"
    with x_session(tray=False) as x, desktop_session(tmp_path / "desk") as desk:
        desk.env["DISPLAY"] = x.display_name
        names = ["DISPLAY", "XDG_RUNTIME_DIR", "HOME", "XDG_CONFIG_HOME"]
        subprocess.run(["dbus-update-activation-environment", *names], env=desk.env,
                       check=True, timeout=30)  # fmt: skip
        desk.spawn(["ksmserver"])  # with its lock screen: without, no ScreenSaver service
        desk.spawn(["kded5"])
        desk.wait_for_name("org.freedesktop.ScreenSaver", timeout=60)
        desk.wait_for_name("org.kde.kded5", timeout=60)
        conn = desk.connect()
        desk.call(conn, "org.kde.kded5", "/kded", "org.kde.kded5", "loadModule", "s",
                  "statusnotifierwatcher")  # fmt: skip
        desk.wait_for_name(WATCHER, timeout=30)
        yield x, desk


def test_kde_idle_time_and_lock_state(kde: tuple[XSession, DesktopSession]) -> None:
    x, desk = kde
    # KDE on Wayland: the X11 counter is skipped, the freedesktop service answers.
    env = desk.env | {"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "KDE"}
    source, summary = select.choose_idle_source(env, platform="linux")
    assert source is not None, summary
    try:
        assert source.name == "freedesktop-screensaver"
        wait_for(lambda: source.idle_seconds() >= 1.0, 20, "idle time to grow")
        before = source.idle_seconds()

        def typed() -> bool:
            x.xdotool("key", "shift")
            return source.idle_seconds() < before

        wait_for(typed, 20, "a key press to reset KDE's idle time")
    finally:
        source.close()
    probe, description = probe_select.choose_desktop_probe(env, platform="linux")
    try:
        assert "screen lock: org.freedesktop.ScreenSaver.GetActive" in description
        assert probe.screen_locked() is False
    finally:
        probe.close()


def test_our_tray_registers_with_kdes_own_watcher(kde: tuple[XSession, DesktopSession]) -> None:
    _x, desk = kde
    assert tray_backend.choose_backend(without_pystray(desk.env), platform="linux") == "sni"
    tray = SniTray(lambda _command: None, standard_menu([]), bus=desk.address)
    tray.start([draw_icon(22, IconState())], "deskbreak — Sitting 0 min")
    try:
        assert tray.registered.wait(20), "KDE's watcher did not accept the item"
        host = SniHost(desk)
        names = [host.item(item)[0] for item in host.registered_items()]
        assert any(name in (tray.bus_name, tray.unique_name) for name in names), names
    finally:
        tray.stop()
