"""Real servers for the idle adapters: a private Xvfb (any extensions we like) and a session bus."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.xsession import start_xvfb


class XServer:
    """A private Xvfb on a free display number, found with -displayfd (no guessing, no races)."""

    def __init__(self, *extra: str) -> None:
        self.process, self.display = start_xvfb(*extra, screen="640x480x24")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=5)


@pytest.fixture
def x_server() -> Iterator[Callable[..., XServer]]:
    """Start private X servers with extra Xvfb arguments; all are stopped after the test."""
    assert shutil.which("Xvfb"), "the xvfb package is required"
    started: list[XServer] = []

    def start(*extra: str) -> XServer:
        server = XServer(*extra)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


class BusDaemon:
    """A private `dbus-daemon --session`, its address read from --print-address."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            ["dbus-daemon", "--session", "--print-address", "--nofork"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.process.stdout is not None
        self.address = self.process.stdout.readline().strip()
        assert self.address.startswith("unix:"), self.address

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=5)
        if self.process.stdout is not None:
            self.process.stdout.close()


@pytest.fixture
def bus_daemon() -> Iterator[BusDaemon]:
    daemon = BusDaemon()
    yield daemon
    daemon.stop()


class PulseServer:
    """A real PulseAudio with a null sink and a null source ("mic"), on a private socket.

    Its own HOME and 0700 XDG_RUNTIME_DIR, no D-Bus, no autospawn: nothing is shared with
    another test or the desktop. ``address`` is what PULSE_SERVER takes.
    """

    def __init__(self, base: Path) -> None:
        # A short path: a unix socket's path must fit in 108 bytes, pytest's tmp_path may not.
        runtime, home = Path(tempfile.mkdtemp(prefix="deskbreak-pa-")), base / "home"
        home.mkdir(parents=True)
        self.runtime = runtime
        self.socket = runtime / "native"
        self.address = f"unix:{self.socket}"
        self.env = {
            **os.environ,
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(runtime),
            "PULSE_SERVER": self.address,
        }
        self.env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self.process = subprocess.Popen(
            [
                "pulseaudio",
                "-n",
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--disallow-exit",
                "--use-pid-file=no",
                "-L",
                "module-null-sink sink_name=speakers",
                "-L",
                "module-null-source source_name=mic",
                "-L",
                f"module-native-protocol-unix auth-anonymous=1 socket={self.socket}",
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not self.socket.exists():
            assert self.process.poll() is None, "pulseaudio exited at start"
            assert time.monotonic() < deadline, "pulseaudio did not open its socket"
            time.sleep(0.05)

    def record(self, device: str) -> subprocess.Popen[bytes]:
        """A real capture stream, as a call app would open one."""
        return subprocess.Popen(
            ["parecord", f"--device={device}", "/dev/null"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=5)
        shutil.rmtree(self.runtime, ignore_errors=True)


@pytest.fixture
def pulse_server(tmp_path: Path) -> Iterator[PulseServer]:
    assert shutil.which("pulseaudio") and shutil.which("parecord"), (
        "the pulseaudio and pulseaudio-utils packages are required"
    )
    server = PulseServer(tmp_path / "pulse")
    yield server
    server.stop()
