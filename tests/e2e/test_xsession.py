"""The harness's own X server keeps its state when its last client leaves."""

from __future__ import annotations

import time

from Xlib import X, Xatom, display

from tests.e2e.xsession import start_xvfb


def test_the_private_server_does_not_reset_between_clients() -> None:
    """A reset drops whoever connects meanwhile and wipes the root's properties; we need neither."""
    xvfb, name = start_xvfb(screen="320x240x24")
    try:
        writer = display.Display(name)
        mark = writer.intern_atom("DESKBREAK_HARNESS_MARK")
        writer.screen().root.change_property(mark, Xatom.STRING, 8, b"kept", X.PropModeReplace)
        writer.sync()
        writer.close()  # the only client leaves
        time.sleep(0.3)
        reader = display.Display(name)
        try:
            mark = reader.intern_atom("DESKBREAK_HARNESS_MARK")  # a reset forgets atoms too
            value = reader.screen().root.get_full_property(mark, X.AnyPropertyType)
        finally:
            reader.close()
        assert value is not None and bytes(value.value) == b"kept"
    finally:
        xvfb.terminate()
        xvfb.wait(5)
