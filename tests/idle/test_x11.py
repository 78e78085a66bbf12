"""The X11 source against real X servers: idle time grows, real input resets it."""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import Callable, Iterator

import pytest

from deskbreak.idle.base import IdleUnavailable
from deskbreak.idle.desktop import X11FullscreenWatch
from deskbreak.idle.x11 import X11IdleSource, acquire_display
from tests.idle.conftest import XServer


def xdotool(display: str, *args: str) -> None:
    subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, check=True)


def idle_after_quiet(source: X11IdleSource, previous: float) -> float:
    """Wait (without input) until the counter has moved past `previous`."""
    for _ in range(100):
        time.sleep(0.02)
        idle = source.idle_seconds()
        if idle > previous:
            return idle
    raise AssertionError(f"idle time stayed at {previous} s")


@pytest.fixture
def open_source() -> Iterator[Callable[[str | None], X11IdleSource]]:
    """Opens sources and closes every one after the test, failed or not."""
    opened: list[X11IdleSource] = []

    def open_one(display: str | None) -> X11IdleSource:
        opened.append(X11IdleSource(display))
        return opened[-1]

    yield open_one
    for source in opened:
        source.close()


@pytest.fixture
def source(
    x_server: Callable[..., XServer], open_source: Callable[[str | None], X11IdleSource]
) -> X11IdleSource:
    return open_source(x_server().display)


def test_idle_time_grows_while_nothing_happens(source: X11IdleSource) -> None:
    first = source.idle_seconds()
    assert first >= 0
    second = idle_after_quiet(source, first + 0.2)
    assert second > first + 0.2


@pytest.mark.parametrize(
    "action",
    [("mousemove", "17", "23"), ("key", "shift")],
    ids=["mousemove", "key"],
)
def test_real_input_resets_the_counter(
    x_server: Callable[..., XServer],
    open_source: Callable[[str | None], X11IdleSource],
    action: tuple[str, ...],
) -> None:
    server = x_server()
    source = open_source(server.display)
    before = idle_after_quiet(source, 0.3)
    xdotool(server.display, *action)
    after = source.idle_seconds()
    assert after < before
    assert after < 0.3


def test_relative_move_by_zero_is_not_input(
    x_server: Callable[..., XServer], open_source: Callable[[str | None], X11IdleSource]
) -> None:
    server = x_server()
    source = open_source(server.display)
    before = idle_after_quiet(source, 0.3)
    xdotool(server.display, "mousemove_relative", "0", "0")
    assert source.idle_seconds() >= before


@pytest.mark.gui
def test_session_display_from_pytest_xvfb_works() -> None:
    source = X11IdleSource(os.environ["DISPLAY"])
    try:
        assert source.idle_seconds() >= 0
    finally:
        source.close()


def test_missing_extension_raises(x_server: Callable[..., XServer]) -> None:
    server = x_server("-extension", "MIT-SCREEN-SAVER")
    with pytest.raises(IdleUnavailable, match="MIT-SCREEN-SAVER"):
        X11IdleSource(server.display)


def test_display_going_away_raises_and_stays_unavailable(
    x_server: Callable[..., XServer], open_source: Callable[[str | None], X11IdleSource]
) -> None:
    server = x_server()
    source = open_source(server.display)
    source.idle_seconds()
    server.stop()
    with pytest.raises(IdleUnavailable, match="went away"):
        source.idle_seconds()
    with pytest.raises(IdleUnavailable, match="closed"):
        source.idle_seconds()


def test_no_display_raises(x_server: Callable[..., XServer]) -> None:
    server = x_server()
    server.stop()
    with pytest.raises(IdleUnavailable, match="cannot open"):
        X11IdleSource(server.display)
    with pytest.raises(IdleUnavailable, match="DISPLAY is not set"):
        X11IdleSource(None)


def _open_sockets() -> int:
    """This process's open sockets (an X connection is one)."""
    links = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # the listing's own descriptor, closed by now
            links.append(os.readlink(f"/proc/self/fd/{fd}"))
    return sum(1 for link in links if link.startswith("socket:"))


def test_the_idle_counter_and_the_fullscreen_check_share_one_connection(
    x_server: Callable[..., XServer],
) -> None:
    """A python-xlib connection holds ~0.4 MB for days: the two desktop facts ask on one."""
    server = x_server()
    before = _open_sockets()
    source = X11IdleSource(server.display)
    watch = X11FullscreenWatch(server.display)
    assert _open_sockets() == before + 1
    source.close()  # the watch still holds it
    assert watch.fullscreen_active() is False
    assert _open_sockets() == before + 1
    watch.close()  # the last user closes it
    assert _open_sockets() == before


def test_a_broken_connection_is_not_handed_out_again(x_server: Callable[..., XServer]) -> None:
    server = x_server()
    source = X11IdleSource(server.display)
    server.stop()
    with pytest.raises(IdleUnavailable, match="went away"):
        source.idle_seconds()
    with pytest.raises(IdleUnavailable, match="cannot open"):  # a fresh try, not the dead one
        acquire_display(server.display)
