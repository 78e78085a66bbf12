"""Which tray backend to use, chosen on purpose rather than by pystray's import order.

On Linux the choice is: deskbreak's own StatusNotifierItem (``"sni"``, jeepney, no GTK) where a
``org.kde.StatusNotifierWatcher`` is on the session bus (KDE Plasma, GNOME with the AppIndicator
extension, XFCE, Budgie, waybar …); pystray's xorg backend (``"xorg"``, XEmbed) where a tray owns
``_NET_SYSTEM_TRAY_S<screen>``; otherwise ``"none"`` and a clear message. pystray's
GTK-based backends (``appindicator``, ``gtk``) cost about 75 MB more and need PyGObject from the
system; they are only used when asked for.

Overrides, strongest first: ``DESKBREAK_TRAY`` (sni, xembed, appindicator, none or auto), then
pystray's own ``PYSTRAY_BACKEND`` (any pystray backend name), then the config's ``app.tray``.

No pystray import here, so ``deskbreak doctor`` can report the choice without a display.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from deskbreak.idle.session_bus import session_bus_address
from deskbreak.ui.sni_protocol import WATCHER

NONE = "none"
AUTO = "auto"
#: What ``DESKBREAK_TRAY`` and ``app.tray`` accept, and the backend each one means.
CHOICES = {"auto": AUTO, "sni": "sni", "xembed": "xorg", "appindicator": "appindicator", NONE: NONE}

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Probes:
    """What the choice looks at; tests pass fakes."""

    xembed_tray: Callable[[str], bool]  # DISPLAY name → a tray owns the selection
    sni_watcher: Callable[[Mapping[str, str]], bool]  # a StatusNotifierWatcher on the bus


def choose_backend(
    environ: Mapping[str, str],
    *,
    configured: str = AUTO,
    platform: str = sys.platform,
    probes: Probes | None = None,
) -> str:
    """The backend name to use, or ``"none"`` when there is no tray to show an icon in."""
    forced = CHOICES.get(environ.get("DESKBREAK_TRAY", "").strip().lower(), AUTO)
    if forced != AUTO:
        return forced
    pystray_forced = environ.get("PYSTRAY_BACKEND", "").strip()
    if pystray_forced:
        return pystray_forced
    if CHOICES.get(configured, AUTO) != AUTO:
        return CHOICES[configured]
    if platform == "win32":
        return "win32"
    if platform == "darwin":
        return "darwin"
    probes = probes or REAL_PROBES
    if probes.sni_watcher(environ):
        return "sni"
    display = environ.get("DISPLAY", "")
    if display and probes.xembed_tray(display):
        return "xorg"
    return NONE


def describe(backend: str) -> str:
    """One line for ``doctor`` and the log."""
    return {
        "sni": "StatusNotifier tray (deskbreak's own, over D-Bus, no GTK)",
        "xorg": "XEmbed system tray (pystray xorg backend, no GTK)",
        "appindicator": "StatusNotifier tray (pystray AppIndicator backend, GTK)",
        "win32": "Windows notification area",
        "darwin": "macOS menu bar",
        "dummy": "no icon (dummy backend, for tests)",
        NONE: "no system tray found (no StatusNotifierWatcher on the session bus, no XEmbed "
        "tray on the display): prompts and `deskbreak break` still work",
    }.get(backend, f"pystray backend {backend!r} (set by PYSTRAY_BACKEND)")


def xembed_tray_present(display_name: str) -> bool:
    try:
        import Xlib.display
        import Xlib.X

        display = Xlib.display.Display(display_name)
    except Exception as error:  # no Xlib, or no display to talk to: then no XEmbed tray
        log.info("no XEmbed tray: cannot open display %r (%s)", display_name, error)
        return False
    try:
        atom = display.intern_atom(f"_NET_SYSTEM_TRAY_S{display.get_default_screen()}")
        return bool(display.get_selection_owner(atom) != Xlib.X.NONE)
    except Exception as error:  # the display went away mid-question: no tray to dock into
        log.info("no XEmbed tray: cannot ask display %r (%s)", display_name, error)
        return False
    finally:
        display.close()


def sni_watcher_present(environ: Mapping[str, str]) -> bool:
    address = session_bus_address(environ)
    if address is None:
        return False
    try:
        from jeepney import DBus, new_method_call
        from jeepney.io.blocking import open_dbus_connection
    except ImportError:
        return False
    try:
        with contextlib.closing(open_dbus_connection(address, auth_timeout=1.0)) as conn:
            msg = new_method_call(DBus(), "NameHasOwner", "s", (WATCHER,))
            reply = conn.send_and_get_reply(msg, timeout=1.0)
            return bool(reply.body[0])
    except Exception as error:  # no session bus, or it did not answer: no watcher either
        log.info("no StatusNotifierWatcher: cannot ask the session bus (%s)", error)
        return False


REAL_PROBES = Probes(xembed_tray_present, sni_watcher_present)
