"""Choosing the desktop-fact watchers (full screen, do not disturb, lock) with a real X server
and a fake desktop on a real session bus."""

from __future__ import annotations

from collections.abc import Callable

from deskbreak.idle.probe_select import choose_desktop_probe
from tests.idle.conftest import BusDaemon, XServer
from tests.idle.fake_desktop_bus import MUTTER, NOTIFICATIONS, SCREENSAVER, FakeDesktop

WAYLAND = {
    "DISPLAY": ":9",
    "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nowhere",
    "XDG_SESSION_TYPE": "wayland",
    "WAYLAND_DISPLAY": "wayland-0",
}


def test_real_desktop_probe_description(
    x_server: Callable[..., XServer], bus_daemon: BusDaemon
) -> None:
    environ = {"DISPLAY": x_server().display, "DBUS_SESSION_BUS_ADDRESS": bus_daemon.address}
    with FakeDesktop(bus_daemon.address, names=(MUTTER, SCREENSAVER)) as desktop:
        probe, description = choose_desktop_probe(environ, platform="linux")
        assert description.startswith(
            "full screen: _NET_WM_STATE_FULLSCREEN of the active X11 window; "
            "do-not-disturb: not detected ("
        )
        assert description.endswith("screen lock: org.freedesktop.ScreenSaver.GetActive")
        assert probe.description == description
        assert probe.fullscreen_active() is False
        assert probe.screen_locked() is False
        desktop.active = True
        assert probe.screen_locked() is True
        probe.close()


def test_desktop_probe_without_anything_is_safe() -> None:
    probe, description = choose_desktop_probe(WAYLAND, platform="linux")
    assert description.startswith("full screen: not detected on Wayland")
    assert "do-not-disturb: not detected (" in description
    assert "screen lock: not detected (" in description
    assert probe.fullscreen_active() is False
    assert probe.screen_locked() is None
    probe.close()
    probe, description = choose_desktop_probe({}, platform="darwin")
    assert (
        description == "full screen: not detected on macOS; do-not-disturb: not detected here; "
        "screen lock: not detected on macOS"
    )


def test_kde_notification_inhibition_is_do_not_disturb(bus_daemon: BusDaemon) -> None:
    environ = {"DBUS_SESSION_BUS_ADDRESS": bus_daemon.address, "WAYLAND_DISPLAY": "w"}
    with FakeDesktop(bus_daemon.address, names=(SCREENSAVER, NOTIFICATIONS)) as desktop:
        probe, description = choose_desktop_probe(environ, platform="linux")
        assert "do-not-disturb: notification inhibition (org.freedesktop.Notifications" in (
            description
        )
        assert probe.fullscreen_active() is False
        desktop.inhibited = True
        assert probe.fullscreen_active() is True
        probe.close()
