"""Ask an X11 window manager to show a Tk toplevel without ever giving it the keyboard.

A window manager reads focus hints from the window it manages. For a Tk toplevel that is
the *wrapper*: the X parent of ``winfo_id()``'s inner window. ``wm frame`` is no help: it
names the inner window before the window is mapped and the WM's decoration frame after.
The wrapper exists once Tk has processed idle tasks, even while the window is withdrawn,
so the hints are written before the first map, when the WM decides about focus:

* ``_NET_WM_USER_TIME = 0``: "do not focus me when I map" (EWMH; openbox, xfwm4, mutter);
* ``_NET_WM_WINDOW_TYPE_NOTIFICATION`` (then UTILITY for WMs that do not know it);
* ``_MOTIF_WM_HINTS`` without decorations, since openbox frames notification windows
  like normal ones.

The states (above, skip taskbar, skip pager) cannot be written ahead like that: Tk writes
its own, empty ``_NET_WM_STATE`` as it maps the window. So once the WM has mapped it they
are asked for with the EWMH client message, which a WM honours for the windows it manages.
(Tk's ``-topmost`` is no help either: it asks for "above" alone.) Everything is best
effort: a failure is logged, and the window still shows.
"""

from __future__ import annotations

import logging
import time
import tkinter as tk
from typing import Any

log = logging.getLogger(__name__)

_STATES = ("_NET_WM_STATE_ABOVE", "_NET_WM_STATE_SKIP_TASKBAR", "_NET_WM_STATE_SKIP_PAGER")
_TYPES = ("_NET_WM_WINDOW_TYPE_NOTIFICATION", "_NET_WM_WINDOW_TYPE_UTILITY")
_NET_WM_STATE_ADD = 1
_MWM_HINTS_DECORATIONS = 2


def wrapper_id(window: tk.Misc) -> int:
    """The X id of the window the WM manages for Tk toplevel ``window`` (0 if unknown)."""
    window.update_idletasks()
    connection = _connect(window)
    if connection is None:
        return 0
    try:
        inner = connection.create_resource_object("window", window.winfo_id())
        root = connection.screen().root.id
        for _attempt in range(20):
            # A round trip on Tk's own connection flushes the requests that made the
            # wrapper; until then this connection can still see the inner window at the root.
            window.winfo_pointerxy()
            parent: int = inner.query_tree().parent.id
            if parent != root:
                return parent
            time.sleep(0.01)
        log.warning("Tk made no wrapper window for %s", window)
        return 0
    finally:
        connection.close()


def hint_no_focus(window: tk.Toplevel) -> int:
    """Before the first map: mark ``window`` as a focus-less notification. Returns its wrapper id."""
    if window._windowingsystem != "x11":
        return 0
    try:
        wrapper = wrapper_id(window)
        connection = _connect(window)
        if not wrapper or connection is None:
            return 0
        try:
            _write_hints(connection, connection.create_resource_object("window", wrapper))
        finally:
            connection.close()
        return wrapper
    except Exception as error:  # best effort: the window still shows
        log.warning("could not ask the window manager not to focus the prompt: %s", error)
        return 0


def confirm_no_focus(window: tk.Toplevel, wrapper: int) -> None:
    """After the map: ask for the skip-taskbar/pager and above states the EWMH way."""
    if not wrapper:
        return
    try:
        connection = _connect(window)
        if connection is None:
            return
        try:
            from Xlib import X
            from Xlib.protocol import event

            root = connection.screen().root
            atoms = [connection.intern_atom(name) for name in _STATES]
            net_state = connection.intern_atom("_NET_WM_STATE")
            for first, second in ((atoms[0], atoms[1]), (atoms[2], 0)):
                message = event.ClientMessage(
                    window=connection.create_resource_object("window", wrapper),
                    client_type=net_state,
                    data=(32, [_NET_WM_STATE_ADD, first, second, 1, 0]),
                )
                mask = X.SubstructureRedirectMask | X.SubstructureNotifyMask
                root.send_event(message, event_mask=mask)
            # A round trip, not a flush: flushed and hung up at once, the requests were
            # lost now and then on a loaded machine (a client watching the root saw none).
            connection.sync()
        finally:
            connection.close()
    except Exception as error:
        log.warning("could not set the prompt's window states: %s", error)


def input_focus(widget: tk.Misc) -> int:
    """The X window that has the keyboard now (0 if unknown or none)."""
    connection = _connect(widget)
    if connection is None:
        return 0
    try:
        focused = connection.get_input_focus().focus
        return int(getattr(focused, "id", 0) or 0)
    except Exception as error:
        log.debug("could not read the input focus: %s", error)
        return 0
    finally:
        connection.close()


def give_back(widget: tk.Misc, window_id: int) -> None:
    """Return the keyboard to ``window_id`` (from :func:`input_focus`), if it still exists."""
    if window_id <= 1:  # None or PointerRoot: nothing to give back
        return
    connection = _connect(widget)
    if connection is None:
        return
    try:
        from Xlib import X

        window = connection.create_resource_object("window", window_id)
        window.set_input_focus(X.RevertToPointerRoot, X.CurrentTime)
        connection.sync()
    except Exception as error:  # it went away meanwhile
        log.debug("could not give the keyboard back: %s", error)
    finally:
        connection.close()


def _write_hints(connection: Any, wrapper: Any) -> None:
    from Xlib import Xatom

    def atom(name: str) -> int:
        return int(connection.intern_atom(name))

    wrapper.change_property(atom("_NET_WM_USER_TIME"), Xatom.CARDINAL, 32, [0])
    wrapper.change_property(
        atom("_NET_WM_WINDOW_TYPE"), Xatom.ATOM, 32, [atom(name) for name in _TYPES]
    )
    motif = atom("_MOTIF_WM_HINTS")
    wrapper.change_property(motif, motif, 32, [_MWM_HINTS_DECORATIONS, 0, 0, 0, 0])
    # A round trip, not a flush: the server must have applied the hints before Tk's own
    # connection asks for the map, or the WM may read the window bare (a title bar, a
    # taskbar entry) — seen now and then on openbox.
    connection.sync()


def _connect(window: tk.Misc) -> Any:
    try:
        from Xlib import display as xdisplay

        return xdisplay.Display(window.winfo_screen())
    except Exception as error:
        log.warning("no X connection for window hints: %s", error)
        return None
