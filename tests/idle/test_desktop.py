"""The X11 do-not-disturb watch against a real X server.

Xvfb has no window manager, so the test plays its part: it sets `_NET_WM_STATE` on a real
window and names that window in the root's `_NET_ACTIVE_WINDOW`, exactly as an EWMH window
manager does when a presentation or video call goes full screen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from Xlib import X, Xatom
from Xlib import display as xdisplay

from deskbreak.idle.base import IdleUnavailable
from deskbreak.idle.desktop import SessionProbe, X11FullscreenWatch
from deskbreak.idle.x11 import X_ERRORS
from tests.idle.conftest import XServer


class FakeWindowManager:
    """A client connection that opens windows and sets the EWMH properties a WM would."""

    def __init__(self, display_name: str) -> None:
        self.display: Any = xdisplay.Display(display_name)
        self.root = self.display.screen().root
        self.atom = self.display.intern_atom

    def open_window(self, *states: str) -> Any:
        window = self.root.create_window(0, 0, 320, 200, 0, X.CopyFromParent)
        window.map()
        if states:
            window.change_property(
                self.atom("_NET_WM_STATE"), Xatom.ATOM, 32, [self.atom(s) for s in states]
            )
        self.display.sync()
        return window

    def activate(self, window: Any | None) -> None:
        self.root.change_property(
            self.atom("_NET_ACTIVE_WINDOW"), Xatom.WINDOW, 32, [window.id if window else 0]
        )
        self.display.sync()


@pytest.fixture
def server(x_server: Callable[..., XServer]) -> XServer:
    return x_server()


@pytest.fixture
def wm(server: XServer) -> Iterator[FakeWindowManager]:
    manager = FakeWindowManager(server.display)
    yield manager
    with contextlib.suppress(*X_ERRORS):  # some tests stop the server first
        manager.display.close()


@pytest.fixture
def watch(server: XServer) -> Iterator[X11FullscreenWatch]:
    opened = X11FullscreenWatch(server.display)
    yield opened
    opened.close()


def test_active_fullscreen_window_means_do_not_disturb(
    wm: FakeWindowManager, watch: X11FullscreenWatch
) -> None:
    presentation = wm.open_window("_NET_WM_STATE_ABOVE", "_NET_WM_STATE_FULLSCREEN")
    wm.activate(presentation)
    assert watch.fullscreen_active() is True


def test_active_window_without_the_state_is_not_fullscreen(
    wm: FakeWindowManager, watch: X11FullscreenWatch
) -> None:
    editor = wm.open_window()
    maximised = wm.open_window("_NET_WM_STATE_MAXIMIZED_VERT", "_NET_WM_STATE_MAXIMIZED_HORZ")
    wm.activate(editor)
    assert watch.fullscreen_active() is False
    wm.activate(maximised)
    assert watch.fullscreen_active() is False


def test_only_the_active_window_counts(wm: FakeWindowManager, watch: X11FullscreenWatch) -> None:
    video = wm.open_window("_NET_WM_STATE_FULLSCREEN")
    editor = wm.open_window()
    wm.activate(video)
    assert watch.fullscreen_active() is True
    wm.activate(editor)  # the user switched away from the video
    assert watch.fullscreen_active() is False


def test_leaving_fullscreen_is_seen(wm: FakeWindowManager, watch: X11FullscreenWatch) -> None:
    video = wm.open_window("_NET_WM_STATE_FULLSCREEN")
    wm.activate(video)
    assert watch.fullscreen_active() is True
    video.delete_property(wm.atom("_NET_WM_STATE"))
    wm.display.sync()
    assert watch.fullscreen_active() is False


def test_no_active_window_or_a_closed_one_is_not_fullscreen(
    wm: FakeWindowManager, watch: X11FullscreenWatch
) -> None:
    assert watch.fullscreen_active() is False  # no _NET_ACTIVE_WINDOW at all (no WM)
    wm.activate(None)
    assert watch.fullscreen_active() is False
    video = wm.open_window("_NET_WM_STATE_FULLSCREEN")
    wm.activate(video)
    video.destroy()
    wm.display.sync()
    assert watch.fullscreen_active() is False  # BadWindow is not an error for the caller


def test_display_going_away_answers_safely(
    server: XServer, wm: FakeWindowManager, watch: X11FullscreenWatch
) -> None:
    wm.activate(wm.open_window("_NET_WM_STATE_FULLSCREEN"))
    probe = SessionProbe(watch, None, "test")
    assert probe.fullscreen_active() is True
    server.stop()
    assert probe.fullscreen_active() is False
    assert probe.screen_locked() is None


def test_no_display_cannot_open(x_server: Callable[..., XServer]) -> None:
    gone = x_server()
    gone.stop()
    with pytest.raises(IdleUnavailable):
        X11FullscreenWatch(gone.display)
