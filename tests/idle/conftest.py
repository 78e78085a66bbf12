"""Real servers for the idle adapters: a private Xvfb (any extensions we like) and a session bus."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator

import pytest


class XServer:
    """A private Xvfb on a free display number, found with -displayfd (no guessing, no races)."""

    def __init__(self, *extra: str) -> None:
        read_end, write_end = os.pipe()
        self.process = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-nolisten",
                "tcp",
                "-screen",
                "0",
                "640x480x24",
                *extra,
            ],
            pass_fds=(write_end,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        number = b""
        with os.fdopen(read_end, "rb") as pipe:  # read up to the newline, or Xvfb dies
            while not number.endswith(b"\n"):
                chunk = pipe.read(1)
                if not chunk:
                    raise RuntimeError("Xvfb exited before announcing its display")
                number += chunk
        self.display = ":" + number.decode().strip()

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
