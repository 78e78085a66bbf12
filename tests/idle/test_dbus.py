"""The D-Bus adapters against a real session bus and a fake desktop service."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from deskbreak.idle.base import IdleUnavailable
from deskbreak.idle.dbus import (
    DBusCallFailed,
    FreedesktopIdleSource,
    LockStateReader,
    MutterIdleSource,
    SessionBus,
)
from tests.idle.conftest import BusDaemon
from tests.idle.fake_desktop_bus import (
    GNOME_SCREENSAVER,
    MUTTER,
    NOT_SUPPORTED,
    SCREENSAVER,
    FakeDesktop,
)


@pytest.fixture
def bus(bus_daemon: BusDaemon) -> Iterator[SessionBus]:
    session = SessionBus(bus_daemon.address)
    yield session
    session.close()


@pytest.fixture
def desktop(bus_daemon: BusDaemon) -> Iterator[FakeDesktop]:
    with FakeDesktop(bus_daemon.address) as fake:
        yield fake


def test_mutter_idle_time_in_seconds(desktop: FakeDesktop, bus: SessionBus) -> None:
    source = MutterIdleSource(bus)
    assert source.idle_seconds() == 4.2
    desktop.idle_ms = 2**40  # uint64 on the wire: far beyond 32 bits
    assert source.idle_seconds() == 2**40 / 1000
    assert desktop.calls[-1] == ("/org/gnome/Mutter/IdleMonitor/Core", MUTTER, "GetIdletime")


def test_freedesktop_idle_time_at_the_usual_path(desktop: FakeDesktop, bus: SessionBus) -> None:
    source = FreedesktopIdleSource(bus)
    assert source.idle_seconds() == 4.2
    assert source.path == "/org/freedesktop/ScreenSaver"
    desktop.idle_ms = 61_000
    assert source.idle_seconds() == 61.0


def test_freedesktop_falls_back_to_the_short_path(desktop: FakeDesktop, bus: SessionBus) -> None:
    desktop.screensaver_path = "/ScreenSaver"
    source = FreedesktopIdleSource(bus)
    assert source.idle_seconds() == 4.2
    assert source.path == "/ScreenSaver"
    assert source.idle_seconds() == 4.2
    assert [call[0] for call in desktop.calls] == [
        "/org/freedesktop/ScreenSaver",
        "/ScreenSaver",
        "/ScreenSaver",
    ]


def test_gnome_not_supported_is_the_reported_reason(desktop: FakeDesktop, bus: SessionBus) -> None:
    desktop.session_idle_supported = False
    with pytest.raises(DBusCallFailed) as caught:
        FreedesktopIdleSource(bus).idle_seconds()
    assert caught.value.error_name == NOT_SUPPORTED
    assert "NotSupported" in str(caught.value)


def test_missing_service_is_unavailable(bus_daemon: BusDaemon, bus: SessionBus) -> None:
    with pytest.raises(DBusCallFailed) as caught:
        FreedesktopIdleSource(bus).idle_seconds()
    assert caught.value.error_name == "org.freedesktop.DBus.Error.NameHasNoOwner"
    assert "is not on the session bus" in str(caught.value)
    with FakeDesktop(bus_daemon.address, names=(SCREENSAVER,)):
        with pytest.raises(DBusCallFailed) as caught:
            MutterIdleSource(bus).idle_seconds()
        assert caught.value.error_name == "org.freedesktop.DBus.Error.NameHasNoOwner"
        assert "is not on the session bus" in str(caught.value)
        assert FreedesktopIdleSource(bus).idle_seconds() == 4.2


def test_a_hung_service_times_out_and_its_late_reply_is_ignored(
    bus_daemon: BusDaemon, desktop: FakeDesktop
) -> None:
    bus = SessionBus(bus_daemon.address, timeout=0.2)
    source = MutterIdleSource(bus)
    desktop.delay = 0.6
    with pytest.raises(DBusCallFailed, match="did not answer") as caught:
        source.idle_seconds()
    assert caught.value.error_name == ""
    desktop.delay = 0.0
    for _ in range(200):  # until the late reply (4.2 s) has been sent
        if desktop.answered:
            break
        time.sleep(0.01)
    desktop.idle_ms = 7000
    assert source.idle_seconds() == 7.0
    bus.close()


def test_lock_state_from_freedesktop_get_active(desktop: FakeDesktop, bus: SessionBus) -> None:
    reader = LockStateReader.find(bus)
    assert (reader.service, reader.path) == (SCREENSAVER, "/org/freedesktop/ScreenSaver")
    assert reader.locked() is False
    desktop.active = True
    assert reader.locked() is True


def test_lock_state_from_gnome_screensaver(bus_daemon: BusDaemon, bus: SessionBus) -> None:
    with FakeDesktop(bus_daemon.address, names=(MUTTER, GNOME_SCREENSAVER)) as gnome:
        gnome.active = True
        reader = LockStateReader.find(bus)
        assert reader.service == GNOME_SCREENSAVER
        assert reader.locked() is True


def test_lock_state_unavailable_without_a_screensaver(
    bus_daemon: BusDaemon, bus: SessionBus
) -> None:
    with FakeDesktop(bus_daemon.address, names=(MUTTER,)), pytest.raises(IdleUnavailable):
        LockStateReader.find(bus)


def test_bus_going_away_is_unavailable(bus_daemon: BusDaemon, desktop: FakeDesktop) -> None:
    bus = SessionBus(bus_daemon.address)
    source = MutterIdleSource(bus)
    assert source.idle_seconds() == 4.2
    desktop.stop()
    bus_daemon.stop()
    with pytest.raises(IdleUnavailable):
        source.idle_seconds()
    with pytest.raises(IdleUnavailable, match="cannot connect"):
        source.idle_seconds()
