"""The focus hints on a real X server: what the window manager reads, and when."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Iterator

import pytest
from Xlib import X, display

from deskbreak.ui import focus

pytestmark = pytest.mark.gui


@pytest.fixture
def x(root: tk.Tk) -> Iterator[display.Display]:
    """A second client on the test display: what a window manager would see."""
    conn = display.Display(root.winfo_screen())
    yield conn
    conn.close()


def test_the_wrapper_is_the_parent_of_the_inner_window(root: tk.Tk, x: display.Display) -> None:
    top = tk.Toplevel(root)
    top.withdraw()
    wrapper = focus.wrapper_id(top)
    inner = x.create_resource_object("window", top.winfo_id())
    assert wrapper and wrapper != x.screen().root.id
    assert inner.query_tree().parent.id == wrapper


def test_the_hints_are_on_the_wrapper_before_the_first_map(root: tk.Tk, x: display.Display) -> None:
    top = tk.Toplevel(root)
    top.withdraw()
    wrapper = focus.hint_no_focus(top)
    window = x.create_resource_object("window", wrapper)
    user_time = window.get_full_property(x.intern_atom("_NET_WM_USER_TIME"), X.AnyPropertyType)
    assert list(user_time.value) == [0]  # "do not focus me when I map"
    types = window.get_full_property(x.intern_atom("_NET_WM_WINDOW_TYPE"), X.AnyPropertyType)
    assert [x.get_atom_name(a) for a in types.value] == [
        "_NET_WM_WINDOW_TYPE_NOTIFICATION",
        "_NET_WM_WINDOW_TYPE_UTILITY",
    ]
    motif = window.get_full_property(x.intern_atom("_MOTIF_WM_HINTS"), X.AnyPropertyType)
    assert list(motif.value)[:3] == [2, 0, 0]  # decorations flag set, no decorations


def test_the_state_requests_have_reached_the_server_when_it_returns(
    root: tk.Tk, x: display.Display
) -> None:
    """Whoever watches the root (the WM) has both requests, in order, for the wrapper."""
    x.screen().root.change_attributes(event_mask=X.SubstructureNotifyMask)
    x.sync()
    top = tk.Toplevel(root)
    wrapper = focus.hint_no_focus(top)
    focus.confirm_no_focus(top, wrapper)
    x.sync()
    net_state = x.intern_atom("_NET_WM_STATE")
    asked = []
    while x.pending_events():
        event = x.next_event()
        if event.type == X.ClientMessage and event.client_type == net_state:
            assert event.window.id == wrapper
            action, first, second = list(event.data[1])[:3]
            assert action == 1  # _NET_WM_STATE_ADD
            asked += [x.get_atom_name(a) for a in (first, second) if a]
    assert asked == [
        "_NET_WM_STATE_ABOVE",
        "_NET_WM_STATE_SKIP_TASKBAR",
        "_NET_WM_STATE_SKIP_PAGER",
    ]


def test_no_wrapper_asks_for_nothing(root: tk.Tk, x: display.Display) -> None:
    x.screen().root.change_attributes(event_mask=X.SubstructureNotifyMask)
    x.sync()
    focus.confirm_no_focus(tk.Toplevel(root), 0)
    x.sync()
    assert not x.pending_events()


def test_the_keyboard_is_given_back_to_the_window_that_had_it(
    root: tk.Tk, users_entry: tk.Entry
) -> None:
    had_it = focus.input_focus(root)
    assert had_it > 1
    other = tk.Toplevel(root)
    root.update()
    other.focus_force()
    root.update()
    assert focus.input_focus(root) != had_it
    focus.give_back(root, had_it)
    assert focus.input_focus(root) == had_it
    focus.give_back(root, 1)  # PointerRoot: nothing to give back, and no error
    focus.give_back(root, 0x7FFFFFF)  # a window that went away: no error
