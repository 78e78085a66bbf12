"""The harness's own X server: it keeps its state when its last client leaves, and a tree walk
sees it standing still."""

from __future__ import annotations

import threading
import time

from Xlib import X, Xatom, display

from tests.e2e.xsession import frozen_display, start_xvfb


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


def test_a_frozen_display_holds_every_other_client_until_it_lets_go() -> None:
    xvfb, name = start_xvfb(screen="320x240x24")
    other = display.Display(name)
    try:
        answered = threading.Event()

        def other_client() -> None:
            other.screen().root.query_tree()  # a round trip: served only when the grab ends
            answered.set()

        with frozen_display(name) as conn:
            conn.sync()
            threading.Thread(target=other_client, daemon=True).start()
            assert not answered.wait(0.5), "another client was served during the walk"
        assert answered.wait(5), "the grab was not let go"
    finally:
        other.close()
        xvfb.terminate()
        xvfb.wait(5)
