"""A private desktop session for tests against real services: its own bus, folders and daemons.

Every service a test starts lives in one :class:`DesktopSession`: a `dbus-daemon --session`
of its own, a fresh HOME and XDG_* folders, a 0700 XDG_RUNTIME_DIR. Nothing is shared between
tests, and everything is stopped (process group and all) when the session ends.
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
from typing import Any

from jeepney import DBus, DBusAddress, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.wrappers import unwrap_msg

from tests.e2e.xsession import wait_for


def without_pystray(env: dict[str, str]) -> dict[str, str]:
    """The session's environment without the test suite's PYSTRAY_BACKEND=dummy."""
    return {k: v for k, v in env.items() if k != "PYSTRAY_BACKEND"}


class DesktopSession:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        # Short, private and 0700: sockets live here, and a socket path has a 108-byte limit.
        runtime = Path(tempfile.mkdtemp(prefix="deskbreak-run-"))
        os.chmod(runtime, 0o700)
        self.runtime = runtime
        home = root / "home"
        self.env = dict(os.environ) | {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_STATE_HOME": str(home / ".local" / "state"),
            "XDG_RUNTIME_DIR": str(runtime),
        }
        for key in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            Path(self.env[key]).mkdir(parents=True, exist_ok=True)
        for key in ("WAYLAND_DISPLAY", "DBUS_SYSTEM_BUS_ADDRESS"):
            self.env.pop(key, None)
        self.processes: list[subprocess.Popen[Any]] = []
        bus = self.spawn(
            ["dbus-daemon", "--session", "--print-address", "--nofork"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert bus.stdout is not None
        self.address = bus.stdout.readline().strip()
        assert self.address.startswith("unix:"), f"dbus-daemon did not start: {self.address!r}"
        self.env["DBUS_SESSION_BUS_ADDRESS"] = self.address
        self._conns: list[DBusConnection] = []

    def spawn(self, argv: list[str], **kwargs: Any) -> subprocess.Popen[Any]:
        """Start ``argv`` in this session, in its own process group; stopped at the end."""
        kwargs.setdefault("stdout", subprocess.DEVNULL)
        kwargs.setdefault("stderr", subprocess.DEVNULL)
        process = subprocess.Popen(
            argv, env=kwargs.pop("env", self.env), start_new_session=True, **kwargs
        )
        self.processes.append(process)
        return process

    def connect(self) -> DBusConnection:
        conn = open_dbus_connection(self.address)
        self._conns.append(conn)
        return conn

    def call(
        self,
        conn: DBusConnection,
        service: str,
        path: str,
        interface: str,
        method: str,
        signature: str | None = None,
        *args: Any,
        timeout: float = 10,
    ) -> tuple[Any, ...]:
        message = new_method_call(DBusAddress(path, service, interface), method, signature, args)
        return tuple(unwrap_msg(conn.send_and_get_reply(message, timeout=timeout)))

    def has_owner(self, conn: DBusConnection, name: str) -> bool:
        reply = conn.send_and_get_reply(new_method_call(DBus(), "NameHasOwner", "s", (name,)))
        return bool(reply.body[0])

    def wait_for_name(self, name: str, timeout: float = 20) -> None:
        conn = self.connect()
        wait_for(lambda: self.has_owner(conn, name), timeout, f"{name} on the session bus")

    def stop(self, process: subprocess.Popen[Any]) -> None:
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                return
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(5)

    def close(self) -> None:
        for conn in self._conns:
            conn.close()
        for process in reversed(self.processes):
            self.stop(process)
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()
        shutil.rmtree(self.runtime, ignore_errors=True)


@contextmanager
def desktop_session(root: Path) -> Iterator[DesktopSession]:
    session = DesktopSession(root)
    try:
        yield session
    finally:
        session.close()


MUTTER_IDLE_MONITOR = "org.gnome.Mutter.IdleMonitor"
MUTTER_REMOTE_DESKTOP = "org.gnome.Mutter.RemoteDesktop"


def start_headless_mutter(desk: DesktopSession, *, xwayland_log: Path | None = None) -> None:
    """Headless mutter on Wayland (with Xwayland when ``xwayland_log`` is given), up for use.

    "Up" means its idle monitor and remote-desktop names are on the bus: mutter takes them a
    little after it starts, and a test that calls before then gets ServiceUnknown.
    """
    for key in ("DISPLAY", "WAYLAND_DISPLAY"):
        desk.env.pop(key, None)
    argv = ["mutter", "--headless", "--wayland", "--virtual-monitor", "1280x800"]
    if xwayland_log is None:
        desk.spawn([*argv, "--no-x11"])
    else:
        with xwayland_log.open("w") as stderr:
            desk.spawn(argv, stderr=stderr)
    desk.wait_for_name(MUTTER_IDLE_MONITOR, timeout=30)
    desk.wait_for_name(MUTTER_REMOTE_DESKTOP, timeout=30)
    desk.env["WAYLAND_DISPLAY"] = "wayland-0"
    desk.env["XDG_SESSION_TYPE"] = "wayland"


class RemoteInput:
    """A started mutter RemoteDesktop session: input mutter counts as the user's."""

    def __init__(self, desk: DesktopSession) -> None:
        self._desk = desk
        self._conn = desk.connect()  # the session lives as long as this connection
        remote = MUTTER_REMOTE_DESKTOP
        (self._path,) = desk.call(self._conn, remote, "/org/gnome/Mutter/RemoteDesktop", remote,
                                  "CreateSession")  # fmt: skip
        self.call("Start")

    def call(self, method: str, signature: str | None = None, *args: Any) -> tuple[Any, ...]:
        return self._desk.call(self._conn, MUTTER_REMOTE_DESKTOP, self._path,
                               f"{MUTTER_REMOTE_DESKTOP}.Session", method, signature, *args)  # fmt: skip

    def move_pointer(self, dx: float, dy: float) -> None:
        self.call("NotifyPointerMotionRelative", "dd", dx, dy)

    def tap_shift(self) -> None:
        self.call("NotifyKeyboardKeysym", "ub", 0xFFE1, True)
        self.call("NotifyKeyboardKeysym", "ub", 0xFFE1, False)
