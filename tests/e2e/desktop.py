"""A real X desktop for end-to-end tests: Xvfb, a window manager and a panel with a tray.

Window managers: openbox, xfwm4 (``--replace``) and mutter in X11 mode. Panels: tint2 (a
task bar and an XEmbed tray) or xfce4-panel. Everything runs inside one private
``dbus-run-session`` with its own HOME, XDG folders and a 0700 runtime dir, exported first
(xfconfd is started by D-Bus with the bus's environment), so tests never share a bus.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from Xlib import X, Xatom, display

from tests.e2e.xsession import XSession, frozen_display, start_xvfb, wait_for

WINDOW_MANAGERS = {
    "openbox": "openbox --sm-disable",
    "xfwm4": "xfwm4 --replace --compositor=off",
    "mutter": "mutter --x11 --replace --sm-disable",
}
PANELS = {
    "tint2": 'tint2 -c "$HOME/tint2rc"',
    "xfce4-panel": "xfce4-panel --disable-wm-check",
}
#: tint2's stock config with a bottom panel: task bar, tray and clock.
_TINT2_EXTRA = "\npanel_items = TSC\npanel_position = bottom center horizontal\n"


def missing_programs(wm: str, panel: str | None) -> list[str]:
    wanted = ["Xvfb", "dbus-run-session", WINDOW_MANAGERS[wm].split()[0]]
    if panel:
        wanted.append(PANELS[panel].split()[0])
    return [name for name in wanted if shutil.which(name) is None]


class Desktop(XSession):
    """An :class:`XSession` with a window manager; root-window facts a WM publishes."""

    wm: str = ""
    panel: str = ""
    home: Path = Path()

    def root_property(self, name: str) -> list[int]:
        conn = display.Display(self.display_name)
        try:
            prop = conn.screen().root.get_full_property(conn.intern_atom(name), X.AnyPropertyType)
            return [int(v) for v in prop.value] if prop is not None else []
        finally:
            conn.close()

    def active_window(self) -> int:
        value = self.root_property("_NET_ACTIVE_WINDOW")
        return value[0] if value else 0

    def work_area(self) -> tuple[int, int, int, int]:
        value = self.root_property("_NET_WORKAREA")
        if len(value) >= 4:
            return value[0], value[1], value[2], value[3]
        size = self.screen_size()
        return 0, 0, size[0], size[1]

    def screen_size(self) -> tuple[int, int]:
        conn = display.Display(self.display_name)
        try:
            screen = conn.screen()
            return screen.width_in_pixels, screen.height_in_pixels
        finally:
            conn.close()

    def window_states(self, window_id: int) -> set[str]:
        """The atom names in a client window's _NET_WM_STATE, as the WM left them."""
        conn = display.Display(self.display_name)
        try:
            window = conn.create_resource_object("window", window_id)
            prop = window.get_full_property(conn.intern_atom("_NET_WM_STATE"), X.AnyPropertyType)
            return {conn.get_atom_name(a) for a in prop.value} if prop is not None else set()
        finally:
            conn.close()

    def wm_class(self, window_id: int) -> str:
        conn = display.Display(self.display_name)
        try:
            window = conn.create_resource_object("window", window_id)
            found = window.get_wm_class()
            return " ".join(found) if found else ""
        except Exception:  # gone
            return ""
        finally:
            conn.close()

    def deskbreak_icon(self) -> int:
        """deskbreak's docked icon (a panel may embed its own plugins with XEmbed too)."""
        icons = [i for i in self.docked_icons() if "deskbreak" in self.wm_class(i).lower()]
        return icons[0] if len(icons) == 1 else 0

    def client_list(self) -> list[int]:
        return self.root_property("_NET_CLIENT_LIST")

    def window_titles(self) -> dict[int, str]:
        """Managed windows (under a WM the root's children are frames) → title."""
        conn = display.Display(self.display_name)
        try:
            titles = {}
            for wid in self.client_list():
                window = conn.create_resource_object("window", wid)
                try:
                    prop = window.get_full_property(
                        conn.intern_atom("_NET_WM_NAME"), X.AnyPropertyType
                    ) or window.get_full_property(Xatom.WM_NAME, X.AnyPropertyType)
                except Exception:  # a window that just went away
                    continue
                if prop is not None:
                    value = prop.value
                    titles[wid] = value.decode() if isinstance(value, bytes) else str(value)
            return titles
        finally:
            conn.close()

    def frame_geometry(self, window_id: int) -> tuple[int, int, int, int]:
        """x, y, width, height of a client window on the root, WM frame included."""
        conn = display.Display(self.display_name)
        try:
            window = conn.create_resource_object("window", window_id)
            geometry = window.get_geometry()
            origin = conn.screen().root.translate_coords(window, 0, 0)
            extents = window.get_full_property(
                conn.intern_atom("_NET_FRAME_EXTENTS"), X.AnyPropertyType
            )
            left, right, top, bottom = (
                [int(v) for v in extents.value] if extents is not None else [0, 0, 0, 0]
            )
            return (
                origin.x - left,
                origin.y - top,
                geometry.width + left + right,
                geometry.height + top + bottom,
            )
        finally:
            conn.close()


@contextmanager
def desktop(wm: str, panel: str | None = "tint2", screen: str = "1366x768x24") -> Iterator[Desktop]:
    """Xvfb + ``wm`` (+ ``panel``), all up: the WM has announced itself, the tray is owned."""
    missing = missing_programs(wm, panel)
    assert not missing, f"run `make test` (packaging/system-deps.sh test): missing {missing}"
    xvfb, name = start_xvfb(screen=screen)
    session = Desktop(name, [xvfb])
    session.wm = wm
    session.panel = panel or ""
    scratch = Path(tempfile.mkdtemp(prefix=f"deskbreak-{wm}-"))
    try:
        session.home = _private_home(scratch, panel)
        env = session.env | _xdg_env(session.home)
        script = WINDOW_MANAGERS[wm] + " &\n"
        if panel:
            script += f"sleep 0.3; {PANELS[panel]} &\n"
        script += "wait\n"
        desk = subprocess.Popen(
            ["dbus-run-session", "--", "sh", "-c", script],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(scratch / "desktop.log", "wb"),  # noqa: SIM115
            start_new_session=True,
        )
        log = scratch / "desktop.log"
        try:
            wait_for(
                lambda: (
                    session.root_property("_NET_SUPPORTING_WM_CHECK") or desk.poll() is not None
                ),
                30,
                f"{wm} to manage the screen",
            )
            assert desk.poll() is None, "the desktop exited"
            if panel:
                wait_for(lambda: session.tray_owner(), 30, f"{panel} to own the tray")
        except AssertionError as error:
            raise AssertionError(f"{error}; its log:\n{log.read_text()[-2000:]}") from None
        yield session
    finally:
        if "desk" in locals():
            _stop_group(desk)
        for process in reversed(session.processes):
            if process.poll() is None:
                process.terminate()
                process.wait(5)
        shutil.rmtree(scratch, ignore_errors=True)


def _private_home(scratch: Path, panel: str | None) -> Path:
    home = scratch / "home"
    for sub in ("config", "data", "cache", "runtime"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    if panel == "tint2":
        stock = Path("/etc/xdg/tint2/tint2rc")
        base = stock.read_text() if stock.exists() else ""
        (home / "tint2rc").write_text(base + _TINT2_EXTRA)
    return home


def _xdg_env(home: Path) -> dict[str, str]:
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(5)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)
    except ProcessLookupError:
        pass


def overlay_windows(session: XSession) -> set[int]:
    """Viewable override-redirect top-level windows: popup menus and tooltips."""
    conn = display.Display(session.display_name)
    try:
        found = set()
        for child in conn.screen().root.query_tree().children:
            try:
                attrs = child.get_attributes()
            except Exception:  # a window that just went away
                continue
            if attrs.override_redirect and attrs.map_state == X.IsViewable:
                found.add(child.id)
        return found
    finally:
        conn.close()


def count_windows(session: XSession) -> int:
    """Every X window on the display, all the way down."""
    with frozen_display(session.display_name) as conn:

        def count(window: object) -> int:
            children = window.query_tree().children  # type: ignore[attr-defined]
            return 1 + sum(count(child) for child in children)

        return count(conn.screen().root)
