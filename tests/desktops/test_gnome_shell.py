"""GNOME Shell for real, headless on Wayland, with the AppIndicator extension as tray host
(packages gnome-shell and gnome-shell-extension-appindicator, ~400 MB: `make test-desktops`).

The shell needs a system bus address: a second private dbus-daemon stands in for it.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from deskbreak.idle import probe_select, select
from deskbreak.ui import tray_backend
from deskbreak.ui.menu_model import standard_menu
from deskbreak.ui.sni_protocol import ITEM_PATH, MENU_PATH, WATCHER
from deskbreak.ui.tray_art import IconMode, IconState, draw_icon
from deskbreak.ui.tray_sni import PIXMAP_SIZES, SniTray
from tests.desktop_session import DesktopSession, desktop_session, wait_for, without_pystray
from tests.sni_host import SniHost

pytestmark = [pytest.mark.desktops]

EXTENSION = "ubuntu-appindicators@ubuntu.com"


@pytest.fixture
def shell(tmp_path: Path) -> Iterator[DesktopSession]:
    for tool in ("gnome-shell", "gsettings"):
        assert shutil.which(tool), f"install {tool} for `make test-desktops`"
    with desktop_session(tmp_path / "desk") as desk:
        desk.env.pop("DISPLAY", None)
        system = desk.spawn(["dbus-daemon", "--session", "--print-address", "--nofork"],
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
        assert system.stdout is not None
        desk.env["DBUS_SYSTEM_BUS_ADDRESS"] = system.stdout.readline().strip()
        desk.env["XDG_CURRENT_DESKTOP"] = "GNOME"
        subprocess.run(["gsettings", "set", "org.gnome.shell", "enabled-extensions",
                        f"['{EXTENSION}']"], env=desk.env, check=True, timeout=30)  # fmt: skip
        desk.spawn(["gnome-shell", "--headless", "--wayland", "--virtual-monitor", "1280x800"])
        desk.wait_for_name("org.gnome.Shell", timeout=90)
        desk.wait_for_name(WATCHER, timeout=60)
        desk.env["WAYLAND_DISPLAY"] = "wayland-0"
        desk.env["XDG_SESSION_TYPE"] = "wayland"
        yield desk


class RecordingTray(SniTray):
    """Our tray, noting each call the host makes (path, member)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.host_calls: list[tuple[str, str]] = []
        self.calls_lock = threading.Lock()

    def _dispatch(self, path: str, interface: str, member: str, args: tuple[Any, ...]) -> Any:
        with self.calls_lock:
            self.host_calls.append((path, member))
        return super()._dispatch(path, interface, member, args)

    def calls(self) -> list[tuple[str, str]]:
        with self.calls_lock:
            return list(self.host_calls)


def test_the_appindicator_extension_shows_our_sni_tray(shell: DesktopSession) -> None:
    assert tray_backend.choose_backend(without_pystray(shell.env), platform="linux") == "sni"
    tray = RecordingTray(lambda _command: None, standard_menu([]), bus=shell.address)
    tray.start([draw_icon(size, IconState()) for size in PIXMAP_SIZES], "deskbreak — Sitting")
    try:
        assert tray.registered.wait(30), "the extension's watcher did not accept the item"
        host = SniHost(shell)
        names = [host.item(item)[0] for item in host.registered_items()]
        assert any(name in (tray.bus_name, tray.unique_name) for name in names), names
        # The extension is a host: it reads the item's properties and then the menu.
        wait_for(lambda: any(p == ITEM_PATH for p, _m in tray.calls()), 30, "property reads")
        seen = len(tray.calls())
        tray.set_icon([draw_icon(size, IconState(IconMode.DUE, 1.0)) for size in PIXMAP_SIZES])
        tray.set_status("NeedsAttention")
        wait_for(lambda: len(tray.calls()) > seen, 30, "the host to read the new icon")
        print("host calls:", sorted(set(tray.calls())))
        assert (MENU_PATH, "GetLayout") in tray.calls() or any(
            p == MENU_PATH for p, _m in tray.calls()
        ), tray.calls()
    finally:
        tray.stop()


def test_gnome_shell_idle_and_do_not_disturb(shell: DesktopSession) -> None:
    source, summary = select.choose_idle_source(shell.env, platform="linux")
    assert source is not None and source.name == "gnome-mutter", summary
    source.close()
    probe, description = probe_select.choose_desktop_probe(shell.env, platform="linux")
    try:
        print("desktop probe on gnome-shell:", description)
        assert "GNOME's notification banners setting" in description
        assert probe.fullscreen_active() is False
        gsettings = ["gsettings", "set", "org.gnome.desktop.notifications", "show-banners"]
        subprocess.run([*gsettings, "false"], env=shell.env, check=True, timeout=30)
        wait_for(probe.fullscreen_active, 20, "GNOME's do-not-disturb to be seen")
    finally:
        probe.close()
