"""Finding the session bus, and opening it only once it is known to exist.

Kept apart from :mod:`deskbreak.idle.dbus` so that asking "is there a bus here?" loads no
D-Bus library: a session without a bus (a bare X server, a kiosk, a test display) never
imports jeepney, which is a few hundred kilobytes held for as long as the tray runs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

from deskbreak.idle.base import IdleUnavailable

if TYPE_CHECKING:
    from deskbreak.idle.dbus import SessionBus


def session_bus_address(environ: Mapping[str, str]) -> str | None:
    """The session bus address the way libdbus finds it: the variable, else $XDG_RUNTIME_DIR/bus."""
    address = environ.get("DBUS_SESSION_BUS_ADDRESS", "").strip()
    if address:
        return address
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.exists(os.path.join(runtime, "bus")):
        return f"unix:path={os.path.join(runtime, 'bus')}"
    return None


def open_session_bus(environ: Mapping[str, str]) -> SessionBus:
    """A (lazily connecting) session bus, or IdleUnavailable when this session has none.

    ImportError when jeepney is missing, so callers report "not installed" as before.
    """
    address = session_bus_address(environ)
    if address is None:
        raise IdleUnavailable("no session bus (DBUS_SESSION_BUS_ADDRESS is not set)")
    from deskbreak.idle.dbus import SessionBus  # jeepney loads here, once a bus exists

    return SessionBus(address)
