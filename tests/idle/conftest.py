"""Real servers for the idle adapters: a private Xvfb (any extensions we like) and a session bus."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator

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
