"""Which pystray backend to use, chosen on purpose rather than by pystray's import order.

pystray tries AppIndicator, then GTK, then xorg; the GTK-based ones load GTK3 and cost about
75 MB more (106.6 MB vs 30.8 MB idle, measured). So: the user's ``PYSTRAY_BACKEND`` wins;
on Linux, xorg where an XEmbed tray owns ``_NET_SYSTEM_TRAY_S<screen>``; AppIndicator where a
StatusNotifierWatcher is on the session bus and PyGObject imports; otherwise ``"none"``.

No pystray import here, so ``deskbreak doctor`` can report the choice without a display.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

NONE = "none"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Probes:
    """What the choice looks at; tests pass fakes."""

    xembed_tray: Callable[[str], bool]  # DISPLAY name → a tray owns the selection
    sni_watcher: Callable[[], bool]  # a StatusNotifierWatcher is on the session bus
    gi_appindicator: Callable[[], bool]  # PyGObject with an AppIndicator typelib imports


def choose_backend(
    environ: Mapping[str, str], *, platform: str = sys.platform, probes: Probes | None = None
) -> str:
    """The pystray backend name to use, or ``"none"`` when there is no tray to dock into."""
    forced = environ.get("PYSTRAY_BACKEND", "").strip()
    if forced:
        return forced
    if platform == "win32":
        return "win32"
    if platform == "darwin":
        return "darwin"
    probes = probes or REAL_PROBES
    display = environ.get("DISPLAY", "")
    if display and probes.xembed_tray(display):
        return "xorg"
    if probes.sni_watcher() and probes.gi_appindicator():
        return "appindicator"
    return NONE


def describe(backend: str) -> str:
    """One line for ``doctor`` and the log."""
    return {
        "xorg": "XEmbed system tray (pystray xorg backend, no GTK)",
        "appindicator": "StatusNotifier tray (pystray AppIndicator backend, GTK)",
        "win32": "Windows notification area",
        "darwin": "macOS menu bar",
        "dummy": "no icon (dummy backend, for tests)",
        NONE: "no system tray found: prompts and `deskbreak break` still work",
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


def sni_watcher_present() -> bool:
    try:
        from jeepney import DBus, new_method_call
        from jeepney.io.blocking import open_dbus_connection
    except ImportError:
        return False
    try:
        with contextlib.closing(open_dbus_connection(bus="SESSION")) as conn:
            msg = new_method_call(DBus(), "NameHasOwner", "s", ("org.kde.StatusNotifierWatcher",))
            reply = conn.send_and_get_reply(msg, timeout=1.0)
            return bool(reply.body[0])
    except Exception as error:  # no session bus, or it did not answer: no watcher either
        log.info("no StatusNotifierWatcher: cannot ask the session bus (%s)", error)
        return False


def gi_appindicator_present() -> bool:
    try:
        gi = importlib.import_module("gi")
    except ImportError:
        return False
    for name in ("AyatanaAppIndicator3", "AppIndicator3"):
        try:
            gi.require_version(name, "0.1")
            return True
        except (ValueError, AttributeError):
            continue
    return False


REAL_PROBES = Probes(xembed_tray_present, sni_watcher_present, gi_appindicator_present)
