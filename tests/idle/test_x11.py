"""The X11 source against real X servers: idle time grows, real input resets it."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Iterator

import pytest

from deskbreak.idle.base import IdleUnavailable
from deskbreak.idle.x11 import X11IdleSource
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
def source(x_server: Callable[..., XServer]) -> Iterator[X11IdleSource]:
    opened = X11IdleSource(x_server().display)
    yield opened
    opened.close()


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
    x_server: Callable[..., XServer], action: tuple[str, ...]
) -> None:
    server = x_server()
    source = X11IdleSource(server.display)
    before = idle_after_quiet(source, 0.3)
    xdotool(server.display, *action)
    after = source.idle_seconds()
    assert after < before
    assert after < 0.3


def test_relative_move_by_zero_is_not_input(x_server: Callable[..., XServer]) -> None:
    server = x_server()
    source = X11IdleSource(server.display)
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
    x_server: Callable[..., XServer],
) -> None:
    server = x_server()
    source = X11IdleSource(server.display)
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
