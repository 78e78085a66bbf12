"""A real X session for end-to-end tests: its own Xvfb, a real XEmbed tray, xdotool.

With no window manager, new windows open at the top left, so the tray sits at the
bottom edge where nothing covers it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from Xlib import X, display

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e"


def wait_for(predicate: Callable[[], Any], timeout: float, what: str) -> Any:
    """Poll ``predicate`` until it is truthy; generous bounds for a loaded machine."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


@contextmanager
def frozen_display(display_name: str) -> Iterator[display.Display]:
    """A connection that holds the server while it walks the window tree, so no window is
    reparented or destroyed midway (a walk once found the icon twice: under the root, then
    in the tray it was being docked into)."""
    conn = display.Display(display_name)
    conn.grab_server()
    try:
        yield conn
    finally:
        conn.ungrab_server()
        conn.close()


@dataclass
class XSession:
    display_name: str
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["DISPLAY"] = self.display_name
        env.pop("WAYLAND_DISPLAY", None)
        env.pop("PYSTRAY_BACKEND", None)
        return env

    def xdotool(self, *args: str) -> str:
        result = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=10
        )
        return result.stdout.strip()

    def window_titles(self) -> dict[int, str]:
        """Viewable top-level windows by id → their UTF-8 title (_NET_WM_NAME)."""
        conn = display.Display(self.display_name)
        try:
            net_name = conn.intern_atom("_NET_WM_NAME")
            titles = {}
            for child in conn.screen().root.query_tree().children:
                try:
                    if child.get_attributes().map_state != X.IsViewable:
                        continue
                    prop = child.get_full_property(net_name, X.AnyPropertyType)
                except Exception:  # a window that just went away
                    continue
                if prop is not None:
                    value = prop.value
                    titles[child.id] = value.decode() if isinstance(value, bytes) else str(value)
            return titles
        finally:
            conn.close()

    def windows_titled(self, prefix: str) -> list[int]:
        return [wid for wid, title in self.window_titles().items() if title.startswith(prefix)]

    def tray_owner(self) -> int:
        conn = display.Display(self.display_name)
        try:
            atom = conn.intern_atom("_NET_SYSTEM_TRAY_S0")
            owner = conn.get_selection_owner(atom)
            return 0 if owner in (X.NONE, 0) else owner.id
        finally:
            conn.close()

    def docked_icons(self) -> list[int]:
        """Icon windows embedded in the tray: they carry _XEMBED_INFO."""
        with frozen_display(self.display_name) as conn:
            xembed = conn.intern_atom("_XEMBED_INFO")
            found: list[int] = []

            def walk(window: object) -> None:
                for child in window.query_tree().children:  # type: ignore[attr-defined]
                    if child.get_full_property(xembed, X.AnyPropertyType) is not None:
                        attrs = child.get_attributes()
                        if attrs.map_state == X.IsViewable:
                            found.append(child.id)
                    walk(child)

            walk(conn.screen().root)
            return found

    def icon_position(self, window_id: int) -> tuple[int, int]:
        conn = display.Display(self.display_name)
        try:
            window = conn.create_resource_object("window", window_id)
            geometry = window.get_geometry()
            root = conn.screen().root
            origin = root.translate_coords(window, 0, 0)
            return origin.x + geometry.width // 2, origin.y + geometry.height // 2
        finally:
            conn.close()

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        target = ARTIFACTS / f"{name}.png"
        subprocess.run(
            ["import", "-window", "root", str(target)], env=self.env, check=False, timeout=20
        )
        return target

    def start_tray(self, attempts: int = 3) -> subprocess.Popen[bytes]:
        """Start trayer and wait until it owns the tray selection; on a loaded machine it
        can be slow to claim it, or die on start, so give it a few tries."""
        for attempt in range(1, attempts + 1):
            tray = subprocess.Popen(
                [
                    "trayer", "--edge", "bottom", "--align", "right", "--widthtype", "request",
                    "--height", "32", "--SetDockType", "false", "--transparent", "false",
                    "--tint", "0x2d2d2d",
                ],
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )  # fmt: skip
            self.processes.append(tray)
            try:
                wait_for(
                    lambda t=tray: self.tray_owner() or t.poll() is not None,  # type: ignore[misc]
                    20,
                    "trayer to own _NET_SYSTEM_TRAY_S0",
                )
            except AssertionError:
                if attempt == attempts:
                    raise
            if tray.poll() is None and self.tray_owner():
                return tray
            tray.kill()
            tray.wait()
            self.processes.remove(tray)
        raise AssertionError(f"trayer did not start in {attempts} attempts")


def start_xvfb(
    *extra_args: str, screen: str = "1280x800x24"
) -> tuple[subprocess.Popen[bytes], str]:
    """A private Xvfb on a free display number, found with -displayfd (no guessing, no races).

    The number is read up to its newline before the pipe closes, or Xvfb dies. ``-noreset``
    because the harness polls with short-lived connections: without it, each time the last
    client leaves the server resets, refuses whoever connects meanwhile (a window manager
    starting up failed with "Unable to open display") and wipes the root window's properties.
    """
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", screen, "-nolisten", "tcp",
         "-noreset", *extra_args],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=open(os.environ.get("XVFB_LOG", os.devnull), "wb"),  # noqa: SIM115
    )  # fmt: skip
    os.close(write_fd)
    number = b""
    with os.fdopen(read_fd, "rb") as pipe:
        while not number.endswith(b"\n"):
            chunk = pipe.read(1)
            if not chunk:
                raise RuntimeError("Xvfb exited before announcing its display")
            number += chunk
    return xvfb, f":{number.decode().strip()}"


@contextmanager
def x_session(*, tray: bool = True, extra_args: tuple[str, ...] = ()) -> Iterator[XSession]:
    assert shutil.which("Xvfb") and shutil.which("xdotool"), "run `make test`: it installs xvfb"
    xvfb, name = start_xvfb(*extra_args)
    session = XSession(name, [xvfb])
    try:
        if tray:
            session.start_tray()
        yield session
    finally:
        for process in reversed(session.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
