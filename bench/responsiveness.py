"""Responsiveness: how long the user waits for deskbreak, medians of 10 (issue 9).

Starts its own Xvfb with a real tray host (trayer) and isolated dirs, then times:
  a. a left click on the docked tray icon → the break window visible     goal < 200 ms
  b. `deskbreak break quick-reset` (no app running) → its window visible  goal < 400 ms
  c. `deskbreak` started → its icon docked in the tray                    goal < 500 ms

"Visible" is a viewable top-level window titled "deskbreak — …" (no window manager, so
the window is mapped straight onto the root). One Xlib connection polls every 5 ms —
spawning xdotool per poll would add its own ~10 ms. The click is sent with XTEST on the
same connection, so the clock starts at the button press itself. Between clicks the
break is closed with Escape (stop → comfort → summary → closed), as a user would.

    .venv/bin/python bench/responsiveness.py [--runs 10]

Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from Xlib import XK, X, display
from Xlib.error import XError
from Xlib.ext import xtest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from xsession import XSession, x_session  # noqa: E402

DESKBREAK = str(ROOT / ".venv" / "bin" / "deskbreak")
PREFIX = "deskbreak — "
POLL_SECONDS = 0.005


class Watcher:
    """One X connection that polls the screen for our windows and icon, and clicks."""

    def __init__(self, display_name: str) -> None:
        self.conn = display.Display(display_name)
        self.root = self.conn.screen().root
        self.net_name = self.conn.intern_atom("_NET_WM_NAME")
        self.xembed = self.conn.intern_atom("_XEMBED_INFO")
        self.tray_windows = self.root.query_tree().children  # start it before any app

    def close(self) -> None:
        self.conn.close()

    def break_windows(self) -> list[int]:
        """Viewable top-level windows whose title starts with "deskbreak — "."""
        found = []
        for child in self.root.query_tree().children:
            try:
                prop = child.get_full_property(self.net_name, X.AnyPropertyType)
                if prop is None:
                    continue
                value = prop.value
                title = value.decode() if isinstance(value, bytes) else str(value)
                if title.startswith(PREFIX) and child.get_attributes().map_state == X.IsViewable:
                    found.append(child.id)
            except XError:  # the window went away between the calls
                continue
        return found

    def docked_icons(self) -> list[int]:
        """Viewable windows carrying _XEMBED_INFO inside the tray's windows.

        Only the mapped top-level windows that existed when the watcher started (the
        tray's) are walked: a walk of the whole tree costs ~10 ms, too coarse to time by.
        """
        found: list[int] = []

        def walk(window: Any) -> None:
            for child in window.query_tree().children:
                if child.get_attributes().map_state != X.IsViewable:
                    continue
                if child.get_full_property(self.xembed, X.AnyPropertyType) is not None:
                    found.append(child.id)
                walk(child)

        for top in self.tray_windows:
            try:
                if top.get_attributes().map_state == X.IsViewable:
                    walk(top)
            except XError:
                continue
        return found

    def centre(self, window_id: int) -> tuple[int, int]:
        window = self.conn.create_resource_object("window", window_id)
        geometry = window.get_geometry()
        origin = self.root.translate_coords(window, 0, 0)
        return origin.x + geometry.width // 2, origin.y + geometry.height // 2

    def move(self, x: int, y: int) -> None:
        xtest.fake_input(self.conn, X.MotionNotify, x=x, y=y)
        self.conn.sync()

    def click(self) -> None:
        xtest.fake_input(self.conn, X.ButtonPress, 1)
        xtest.fake_input(self.conn, X.ButtonRelease, 1)
        self.conn.sync()

    def key(self, window_id: int, name: str) -> None:
        """Focus the window and type one key (XTEST, so Tk takes it as real input)."""
        window = self.conn.create_resource_object("window", window_id)
        window.set_input_focus(X.RevertToParent, X.CurrentTime)
        code = self.conn.keysym_to_keycode(XK.string_to_keysym(name))
        xtest.fake_input(self.conn, X.KeyPress, code)
        xtest.fake_input(self.conn, X.KeyRelease, code)
        self.conn.sync()


def poll_until(predicate: Callable[[], object], timeout: float) -> float | None:
    """Seconds until ``predicate`` is truthy, checked every 5 ms; None on timeout."""
    began = time.perf_counter()
    while time.perf_counter() - began < timeout:
        if predicate():
            return time.perf_counter() - began
        time.sleep(POLL_SECONDS)
    return None


def isolated_env(session: XSession, home: str) -> dict[str, str]:
    """Private dirs; byte-code cached (in ``home``) as an installed copy has it, even
    where PYTHONDONTWRITEBYTECODE is set — else every run recompiles deskbreak."""
    env = session.env | {
        "DESKBREAK_CONFIG_DIR": f"{home}/config",
        "DESKBREAK_DATA_DIR": f"{home}/data",
        "HOME": home,
        "PYTHONPYCACHEPREFIX": f"{home}/pycache",
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


def start_app(env: dict[str, str], watcher: Watcher) -> tuple[subprocess.Popen[bytes], float]:
    """Start the tray app; return it and the seconds until its icon docked."""
    began = time.perf_counter()
    process = subprocess.Popen(
        [DESKBREAK], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    docked = poll_until(watcher.docked_icons, 20)
    if docked is None:
        stop(process)
        raise SystemExit("the tray icon never docked")
    return process, time.perf_counter() - began


def close_break(watcher: Watcher) -> bool:
    """Escape through the break's pages until no window is left (a few tries)."""
    for _ in range(8):
        windows = watcher.break_windows()
        if not windows:
            return True
        watcher.key(windows[0], "Escape")
        time.sleep(0.2)  # the next page, or the window gone
    return not watcher.break_windows()


def tray_click_samples(
    session: XSession, watcher: Watcher, runs: int, env: dict[str, str]
) -> list[float]:
    process, _ = start_app(env, watcher)
    samples = []
    try:
        time.sleep(1.0)  # let the app finish starting (first wake, backup) before clicking
        for run in range(runs):
            [icon] = watcher.docked_icons()
            watcher.move(*watcher.centre(icon))
            time.sleep(0.2)
            began = time.perf_counter()
            watcher.click()
            seen = poll_until(watcher.break_windows, 10)
            if seen is None:
                raise SystemExit(f"click {run + 1}: no break window within 10 s")
            seen = time.perf_counter() - began
            samples.append(seen)
            print(f"  tray click → window {run + 1:2}: {seen * 1000:6.1f} ms", flush=True)
            time.sleep(0.3)
            if not close_break(watcher):
                print("  (the break window would not close; restarting the app)", flush=True)
                stop(process)
                process, _ = start_app(env, watcher)
                time.sleep(1.0)
            time.sleep(0.3)
    finally:
        stop(process)
    return samples


def command_samples(watcher: Watcher, runs: int, env: dict[str, str]) -> list[float]:
    samples = []
    for run in range(runs):
        began = time.perf_counter()
        process = subprocess.Popen(
            [DESKBREAK, "break", "quick-reset"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            if poll_until(watcher.break_windows, 20) is None:
                raise SystemExit(f"command {run + 1}: no window within 20 s")
            seen = time.perf_counter() - began
        finally:
            stop(process)
        poll_until(lambda: not watcher.break_windows(), 5)
        samples.append(seen)
        print(f"  command → window {run + 1:2}: {seen * 1000:6.1f} ms", flush=True)
    return samples


def start_samples(watcher: Watcher, runs: int, env: dict[str, str]) -> list[float]:
    samples = []
    for run in range(runs):
        process, seen = start_app(env, watcher)
        stop(process)
        poll_until(lambda: not watcher.docked_icons(), 5)
        samples.append(seen)
        print(f"  start → icon docked {run + 1:2}: {seen * 1000:6.1f} ms", flush=True)
    return samples


def summary(name: str, samples: list[float], goal_ms: float) -> str:
    median = statistics.median(samples) * 1000
    verdict = "meets" if median < goal_ms else "MISSES"
    return (
        f"{name:28} median {median:6.0f} ms  (min {min(samples) * 1000:.0f}, "
        f"max {max(samples) * 1000:.0f}; goal < {goal_ms:.0f} ms: {verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with x_session() as session, tempfile.TemporaryDirectory() as home:
        print(f"Xvfb {session.display_name} + trayer, no window manager; {DESKBREAK}")
        env = isolated_env(session, home)
        # One run first so config, log and first-run note exist, as on any day but the first.
        subprocess.run([DESKBREAK, "config", "path"], env=env, capture_output=True, check=False)
        watcher = Watcher(session.display_name)
        try:
            warm = subprocess.Popen([DESKBREAK, "break", "quick-reset"], env=env)
            poll_until(watcher.break_windows, 20)
            stop(warm)
            poll_until(lambda: not watcher.break_windows(), 5)
            print("c. start → icon docked")
            start = start_samples(watcher, args.runs, env)
            print("b. command → window (no app running)")
            command = command_samples(watcher, args.runs, env)
            print("a. tray click → window")
            click = tray_click_samples(session, watcher, args.runs, env)
        finally:
            watcher.close()
    print(f"responsiveness, medians of {args.runs} (Xvfb + trayer, no window manager):")
    print(summary("a. tray click → window", click, 200))
    print(summary("b. command → window", command, 400))
    print(summary("c. start → icon docked", start, 500))


if __name__ == "__main__":
    main()
