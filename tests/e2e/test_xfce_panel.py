"""One app, both tray paths, on a real xfce4-panel: its systray plugin is an XEmbed tray and a
StatusNotifier host (it owns org.kde.StatusNotifierWatcher too). Own Xvfb, bus and folders."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from Xlib import display

from deskbreak.ui.sni_protocol import WATCHER
from tests.desktop_session import DesktopSession, desktop_session, wait_for
from tests.e2e.conftest import DESKBREAK, workday_around_now
from tests.e2e.xsession import XSession, x_session
from tests.sni_host import SniHost

pytestmark = [pytest.mark.e2e, pytest.mark.gui]

#: xfce4-panel's default top panel: 1280 × 27 px at the top of the screen.
PANEL_BOX = (0, 0, 1280, 27)


@dataclass
class XfceDesktop:
    x: XSession
    desk: DesktopSession
    tmp: Path

    def panel_image(self) -> Image.Image:
        shot = self.tmp / "panel.png"
        subprocess.run(["import", "-window", "root", "-crop", "1280x27+0+0", str(shot)],
                       env=self.desk.env, check=True, timeout=20)  # fmt: skip
        with Image.open(shot) as image:
            return image.convert("RGB")

    def start_app(self, **extra_env: str) -> subprocess.Popen[bytes]:
        config, data = self.tmp / "config", self.tmp / "data"
        config.mkdir(exist_ok=True)
        # In work hours whenever the suite runs: the icon is the active one, the colour sought.
        (config / "config.toml").write_text(workday_around_now())
        env = self.desk.env | {"DESKBREAK_CONFIG_DIR": str(config),
                               "DESKBREAK_DATA_DIR": str(data)} | extra_env  # fmt: skip
        env.pop("PYSTRAY_BACKEND", None)
        return self.desk.spawn([DESKBREAK, "-v"], env=env)

    def log(self) -> str:
        path = self.tmp / "data" / "logs" / "deskbreak.log"
        return path.read_text() if path.exists() else ""


@pytest.fixture
def xfce(tmp_path: Path) -> Iterator[XfceDesktop]:
    assert shutil.which("xfce4-panel"), "install xfce4-panel (packaging/system-deps.sh test)"
    with x_session(tray=False) as x, desktop_session(tmp_path / "desk") as desk:
        desk.env["DISPLAY"] = x.display_name
        desk.spawn(["xfce4-panel", "--disable-wm-check"])
        desk.wait_for_name(WATCHER, timeout=30)
        wait_for(x.tray_owner, 30, "xfce4-panel to own the XEmbed tray")
        yield XfceDesktop(x, desk, tmp_path)


#: The icon's disc colour (tray_art's _ACTIVE.disc, #22302a).
DISC = (0x22, 0x30, 0x2A)


def disc_box(image: Image.Image) -> tuple[int, int, int, int] | None:
    """The bounding box of the pixels in the icon's disc colour, or None."""
    mask = Image.new("1", image.size)
    pixels = image.load()
    for y in range(image.height):
        for x in range(image.width):
            if sum(abs(a - b) for a, b in zip(pixels[x, y], DISC, strict=True)) < 12:
                mask.putpixel((x, y), 1)
    return mask.getbbox()


def our_xembed_icons(x: XSession) -> list[int]:
    """Docked windows of ours (pystray names the class <name>SystemTrayIcon); xfce4-panel's
    own plugins are XEmbed windows too."""
    conn = display.Display(x.display_name)
    try:
        found = []
        for window_id in x.docked_icons():
            wm_class = conn.create_resource_object("window", window_id).get_wm_class() or ()
            if any("SystemTrayIcon" in part for part in wm_class):
                found.append(window_id)
        return found
    finally:
        conn.close()


def check_break_opens(x: XSession, spot: tuple[int, int], name: str) -> None:
    x.xdotool("mousemove", str(spot[0]), str(spot[1]), "click", "1")
    wait_for(lambda: x.windows_titled("deskbreak — "), 20, "the break window")
    x.screenshot(name)


def check_quits(app: subprocess.Popen[bytes], desk: XfceDesktop) -> None:
    app.terminate()
    assert app.wait(20) == 0
    assert "Traceback" not in desk.log() and "uncaught" not in desk.log(), desk.log()


def test_the_sni_path_on_xfce_panel(xfce: XfceDesktop) -> None:
    assert disc_box(xfce.panel_image()) is None
    app = xfce.start_app()
    wait_for(lambda: "tray: StatusNotifier tray (deskbreak's own" in xfce.log(), 30, "sni chosen")
    host = SniHost(xfce.desk)
    wait_for(host.registered_items, 30, "the item on xfce4-panel's watcher")
    # The panel draws our pixmap: find its dark green disc among the panel's greys.
    box = wait_for(lambda: disc_box(xfce.panel_image()), 30, "the icon in the panel")
    left, top, right, bottom = box
    assert right - left <= 48 and bottom - top <= 27, box
    check_break_opens(xfce.x, ((left + right) // 2, (top + bottom) // 2), "xfce-sni-break")
    assert our_xembed_icons(xfce.x) == [], "one icon only: the SNI one, no XEmbed window"
    check_quits(app, xfce)


def test_the_xembed_path_on_xfce_panel(xfce: XfceDesktop) -> None:
    app = xfce.start_app(DESKBREAK_TRAY="xembed")
    [icon] = wait_for(
        lambda: our_xembed_icons(xfce.x), 30, "the XEmbed icon to dock in xfce4-panel"
    )
    assert "tray: XEmbed system tray" in xfce.log()
    host = SniHost(xfce.desk)
    assert host.registered_items() == []
    check_break_opens(xfce.x, xfce.x.icon_position(icon), "xfce-xembed-break")
    check_quits(app, xfce)
