"""The real app on a real StatusNotifier host: status-notifier-watcher + gtk-sni-tray-standalone.

Each test has its own Xvfb, session bus and folders. The host draws our icon from its pixmaps
and our menu from the dbusmenu layout; xdotool clicks the icon as a user would, and the test
also reads the item over D-Bus as a host does.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from deskbreak.ui.sni_protocol import WATCHER, WATCHER_PATH
from tests.desktop_session import DesktopSession, desktop_session, wait_for
from tests.e2e.conftest import DESKBREAK, workday_around_now
from tests.e2e.xsession import XSession, x_session
from tests.sni_host import PROPS, SniHost

pytestmark = [pytest.mark.e2e, pytest.mark.gui]

#: gtk-sni-tray-standalone --bottom: a 30 px bar along the bottom, icons from the left.
ICON_SPOT = ("14", "785")


@dataclass
class SniDesktop:
    x: XSession
    desk: DesktopSession
    host: SniHost
    app: subprocess.Popen[bytes]
    data_dir: Path

    def log(self) -> str:
        path = self.data_dir / "logs" / "deskbreak.log"
        return path.read_text() if path.exists() else ""

    def item(self) -> str:
        def ours() -> str | None:
            for registered in self.host.registered_items():
                name = self.host.item(registered)[0]
                if name.startswith("org.kde.StatusNotifierItem-"):
                    return name
            return None

        return str(wait_for(ours, 30, "deskbreak's item on the watcher"))


@pytest.fixture
def sni_desktop(tmp_path: Path) -> Iterator[SniDesktop]:
    for tool in ("status-notifier-watcher", "gtk-sni-tray-standalone"):
        assert shutil.which(tool), f"{tool} is missing: run packaging/system-deps.sh test"
    with x_session(tray=False) as x, desktop_session(tmp_path / "desk") as desk:
        desk.env["DISPLAY"] = x.display_name
        desk.spawn(["status-notifier-watcher"])
        desk.wait_for_name(WATCHER)
        desk.spawn(["gtk-sni-tray-standalone", "--bottom"])
        host = SniHost(desk)
        wait_for(lambda: host_registered(desk, host), 30, "gtk-sni-tray to register as host")
        config_dir, data_dir = tmp_path / "config", tmp_path / "data"
        config_dir.mkdir()
        (config_dir / "config.toml").write_text(workday_around_now())
        env = desk.env | {
            "DESKBREAK_CONFIG_DIR": str(config_dir),
            "DESKBREAK_DATA_DIR": str(data_dir),
        }
        env.pop("PYSTRAY_BACKEND", None)
        app = desk.spawn([DESKBREAK, "-v"], env=env)
        yield SniDesktop(x, desk, host, app, data_dir)


def host_registered(desk: DesktopSession, host: SniHost) -> bool:
    (value,) = desk.call(host.conn, WATCHER, WATCHER_PATH, PROPS, "Get", "ss",
                         WATCHER, "IsStatusNotifierHostRegistered")  # fmt: skip
    return bool(value[1])


def test_click_menu_status_and_quit_on_a_real_host(sni_desktop: SniDesktop) -> None:
    d = sni_desktop
    name = d.item()
    assert "tray icon registered with the StatusNotifierWatcher" in str(
        wait_for(lambda: "registered with the" in d.log() and d.log(), 20, "the log line")
    )

    def sizes() -> list[tuple[int, int]]:
        return [(w, h) for w, h, _ in d.host.properties(name)["IconPixmap"]]

    # The start-up image first, then the engine's first status in every size.
    wait_for(lambda: sizes() == [(22, 22), (32, 32), (48, 48), (64, 64)], 20, "the drawn sizes")
    labels = d.host.labels(d.host.layout(name)[1])
    assert labels[0].startswith("Sitting ") and labels[-1] == "Quit"  # the status line first
    assert "Take a break now" in labels
    assert any(isinstance(entry, tuple) and entry[0] == "Routines" for entry in labels)
    assert d.x.windows_titled("deskbreak — ") == [], "nothing opens at start-up"

    # A menu click changes the status: paused, in the tooltip and the icon.
    before = d.host.properties(name)["IconPixmap"]
    _revision, layout = d.host.layout(name)
    d.host.click(name, d.host.find_id(layout, "30 min"))
    wait_for(lambda: "Paused until" in d.host.properties(name)["ToolTip"][2], 20, "paused")
    assert d.host.properties(name)["IconPixmap"] != before
    _revision, layout = d.host.layout(name)  # Resume can act now: a fresh layout says so
    d.host.click(name, d.host.find_id(layout, "Resume"))
    wait_for(lambda: "Paused" not in d.host.properties(name)["ToolTip"][2], 20, "resumed")

    # A right click: the host draws our dbusmenu itself (a new popup window of its own).
    def host_windows() -> list[str]:
        return d.x.xdotool("search", "--onlyvisible", "--class", "gtk-sni-tray").split()

    shown_before = len(host_windows())
    d.x.xdotool("mousemove", *ICON_SPOT, "click", "3")
    wait_for(lambda: len(host_windows()) > shown_before, 20, "the host's menu popup")
    d.x.screenshot("sni-host-menu")
    d.x.xdotool("key", "Escape")
    wait_for(lambda: len(host_windows()) == shown_before, 20, "the popup to close")

    # A left click on the icon the host drew: the default command opens a break.
    d.x.xdotool("mousemove", *ICON_SPOT, "click", "1")
    wait_for(lambda: d.x.windows_titled("deskbreak — "), 20, "the break window")
    d.x.screenshot("sni-click-break-window")

    d.host.click(name, d.host.find_id(layout, "Quit"))
    assert d.app.wait(20) == 0
    log = d.log()
    assert "Traceback" not in log and "uncaught" not in log, log
    wait_for(lambda: not d.host.registered_items(), 20, "the item to leave the watcher")
