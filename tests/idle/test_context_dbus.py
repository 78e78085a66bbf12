"""Media players and idle inhibitors on a private session bus: a real mpv with its MPRIS
script playing a generated WAV, and the fake desktop's session manager."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from jeepney import DBusAddress, new_method_call
from jeepney.io.blocking import open_dbus_connection

from deskbreak.idle.base import IdleUnavailable
from deskbreak.idle.context_dbus import MPRIS_PATH, PLAYER, MprisPlayers, SessionInhibitors
from deskbreak.idle.dbus import SessionBus
from tests.idle.conftest import BusDaemon
from tests.idle.fake_desktop_bus import GNOME_SESSION, POWER_MANAGEMENT, FakeDesktop

#: Debian's mpv-mpris; the script is also linked into /etc/mpv/scripts.
MPRIS_SCRIPTS = ("/usr/lib/mpv-mpris/mpris.so", "/etc/mpv/scripts/mpris.so")


def silent_wav(path: Path, seconds: float = 2.0) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * int(8000 * seconds))
    return path


@pytest.fixture
def mpv_player(bus_daemon: BusDaemon, tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    script = next((p for p in MPRIS_SCRIPTS if os.path.exists(p)), None)
    assert shutil.which("mpv") and script, "the mpv and mpv-mpris packages are required"
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus_daemon.address, "HOME": str(tmp_path)}
    player = subprocess.Popen(
        ["mpv", "--no-config", "--no-video", "--ao=null", "--idle=no", "--loop=inf"]
        + [f"--script={script}", str(silent_wav(tmp_path / "tone.wav"))],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield player
    if player.poll() is None:
        player.terminate()
        player.wait(timeout=5)


def wait_for(players: MprisPlayers, status: str | None, seconds: float = 10) -> dict[str, str]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = players.players()
        if (status is None and not found) or (status in found.values()):
            return found
        time.sleep(0.1)
    return players.players()


def send(bus_address: str, name: str, method: str) -> None:
    conn = open_dbus_connection(bus_address)
    try:
        target = DBusAddress(MPRIS_PATH, bus_name=name, interface=PLAYER)
        conn.send_and_get_reply(new_method_call(target, method), timeout=5)
    finally:
        conn.close()


def test_a_real_mpv_playing_then_paused_then_gone(
    bus_daemon: BusDaemon, mpv_player: subprocess.Popen[bytes]
) -> None:
    players = MprisPlayers(SessionBus(bus_daemon.address, timeout=2))
    try:
        found = wait_for(players, "Playing")
        assert found == {"org.mpris.MediaPlayer2.mpv": "Playing"}
        assert players.active()
        send(bus_daemon.address, "org.mpris.MediaPlayer2.mpv", "Pause")
        assert wait_for(players, "Paused") == {"org.mpris.MediaPlayer2.mpv": "Paused"}
        assert not players.active()
        mpv_player.terminate()
        mpv_player.wait(timeout=5)
        assert wait_for(players, None) == {}
        assert not players.active()
    finally:
        players.close()


def test_no_player_is_not_playing(bus_daemon: BusDaemon) -> None:
    players = MprisPlayers(SessionBus(bus_daemon.address))
    assert players.players() == {}
    assert not players.active()
    players.close()


def test_no_bus_is_unavailable() -> None:
    with pytest.raises(IdleUnavailable):
        MprisPlayers(SessionBus("unix:path=/nonexistent/deskbreak-bus"))


@pytest.mark.parametrize("service", [GNOME_SESSION, POWER_MANAGEMENT])
def test_an_idle_inhibitor_is_seen(bus_daemon: BusDaemon, service: str) -> None:
    with FakeDesktop(bus_daemon.address, names=(service,)) as desktop:
        inhibitors = SessionInhibitors(SessionBus(bus_daemon.address))
        assert inhibitors.service == service
        assert not inhibitors.active()
        desktop.inhibit_flags = 8  # a video player asked: do not go idle
        assert inhibitors.active()
        desktop.inhibit_flags = 4  # GNOME: only suspend inhibited, not idle
        assert inhibitors.active() is (service == POWER_MANAGEMENT)
        inhibitors.close()


def test_no_inhibitor_service_is_unavailable_with_both_reasons(bus_daemon: BusDaemon) -> None:
    with pytest.raises(IdleUnavailable, match="SessionManager.*PowerManagement"):
        SessionInhibitors(SessionBus(bus_daemon.address))
