"""Finding the session bus without loading jeepney, and opening it only when there is one."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from deskbreak.idle.base import IdleUnavailable
from deskbreak.idle.session_bus import open_session_bus, session_bus_address


def test_bus_address_found_like_libdbus(tmp_path: Path) -> None:
    assert session_bus_address({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/x"}) == "unix:path=/x"
    assert session_bus_address({"DBUS_SESSION_BUS_ADDRESS": "  "}) is None
    assert session_bus_address({"XDG_RUNTIME_DIR": str(tmp_path)}) is None
    (tmp_path / "bus").touch()
    assert session_bus_address({"XDG_RUNTIME_DIR": str(tmp_path)}) == f"unix:path={tmp_path}/bus"
    assert session_bus_address({}) is None


def test_no_bus_is_unavailable() -> None:
    with pytest.raises(IdleUnavailable, match="no session bus"):
        open_session_bus({})


def test_a_known_address_gives_a_bus_that_connects_only_when_asked() -> None:
    bus = open_session_bus({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus"})
    assert bus.address == "unix:path=/nonexistent/bus"
    with pytest.raises(IdleUnavailable):
        bus.call("org.freedesktop.DBus", "/", "org.freedesktop.DBus", "GetId")
    bus.close()


def test_a_session_without_a_bus_never_loads_jeepney() -> None:
    """Every D-Bus user at start-up (idle sources, lock, do not disturb, context, SNI probe)
    is asked in a bus-less session; jeepney stays out of memory."""
    script = textwrap.dedent(
        """
        import sys
        from deskbreak.idle.probe_select import choose_desktop_probe
        from deskbreak.idle.select import candidates
        from deskbreak.idle.context_select import open_context_sources
        from deskbreak.ui.tray_backend import sni_watcher_present
        env = {"XDG_CURRENT_DESKTOP": "GNOME"}
        print(candidates(env, "linux"))
        choose_desktop_probe(env, platform="linux")
        open_context_sources(env, platform="linux")
        assert not sni_watcher_present(env)
        assert "jeepney" not in sys.modules, sorted(m for m in sys.modules if "jeepney" in m)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30, env={}
    )
    assert result.returncode == 0, result.stderr
    assert "no session bus address" in result.stdout
