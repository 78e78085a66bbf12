"""The break offer: its buttons, keys and timeout each answer once, and it never takes focus."""

from __future__ import annotations

import threading
import time
import tkinter as tk
from typing import Any

import pytest

from deskbreak.ui import theme
from deskbreak.ui.prompt_window import TITLE, PromptWindow, offer_text

pytestmark = pytest.mark.gui


class Calls:
    def __init__(self) -> None:
        self.log: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return lambda: self.log.append(name)


def make(root: tk.Tk, calls: Calls, **overrides: Any) -> PromptWindow:
    options: dict[str, Any] = {
        "sitting_minutes": 52,
        "routine_name": "Quick reset",
        "routine_minutes": 2,
        "can_snooze": True,
        "snooze_minutes": 10,
        "on_start": calls.start,
        "on_snooze": calls.snooze,
        "on_skip": calls.skip,
        "on_ignored": calls.ignored,
    } | overrides
    window = PromptWindow(root, **options)
    root.update()
    return window


def test_offer_text_names_the_spell_and_the_routine() -> None:
    text = offer_text(52, "Quick reset", 2)
    assert text == "You've been sitting 52 min — a 2\u2011minute quick reset for hips & mid-back?"
    assert offer_text(50, "Hips & mid-back reset", 8).endswith(
        "an 8\u2011minute hips & mid-back reset?"
    )


@pytest.mark.parametrize(
    ("button", "expected"), [("start", "start"), ("snooze", "snooze"), ("skip", "skip")]
)
def test_each_button_calls_its_callback_once_and_closes(
    root: tk.Tk, button: str, expected: str
) -> None:
    calls = Calls()
    window = make(root, calls)
    assert window.title() == TITLE
    getattr(window, f"{button}_button").invoke()
    root.update()
    assert calls.log == [expected]
    assert not window.winfo_exists()


def test_snooze_label_follows_the_setting_and_greys_in_place_when_used_up(root: tk.Tk) -> None:
    calls = Calls()
    window = make(root, calls, snooze_minutes=15)
    assert window.snooze_button.cget("text") == "Snooze 15 min"
    assert window.snooze_button.winfo_ismapped()

    def skip_from_the_right(w: PromptWindow) -> int:
        return w.start_button.winfo_x() - w.skip_button.winfo_x()

    skip_at = skip_from_the_right(window)
    window.destroy()
    window = make(root, calls, can_snooze=False, snooze_minutes=15)
    assert window.snooze_button.winfo_ismapped() and window.snooze_button.instate(["disabled"])
    assert skip_from_the_right(window) == skip_at, "Skip moved"
    assert "No snoozes left" in window.hint_label.cget("text")
    window.event_generate("<Key-n>")
    root.update()
    assert calls.log == [] and window.winfo_exists()
    window.destroy()
    # The daily ritual has no snooze at all: nothing greyed, nothing to explain.
    window = make(root, calls, can_snooze=False, message="Time for your ritual.")
    assert not window.snooze_button.winfo_ismapped()
    assert window.start_button.winfo_ismapped() and window.skip_button.winfo_ismapped()


def test_left_alone_it_reports_ignored(root: tk.Tk) -> None:
    calls = Calls()
    window = make(root, calls, timeout_ms=50)
    root.after(300, root.quit)
    root.mainloop()
    assert calls.log == ["ignored"]
    assert not window.winfo_exists()


def test_escape_dismisses_as_ignored_and_enter_invokes_the_focused_button(root: tk.Tk) -> None:
    calls = Calls()
    window = make(root, calls)
    window.skip_button.focus_force()  # as after the user clicked in and pressed Tab
    root.update()
    window.skip_button.event_generate("<Return>")
    root.update()
    assert calls.log == ["skip"]

    calls = Calls()
    window = make(root, calls)
    window.start_button.focus_force()
    root.update()
    window.start_button.event_generate("<Escape>")
    root.update()
    assert calls.log == ["ignored"]


def test_buttons_are_reachable_with_tab(root: tk.Tk) -> None:
    window = make(root, Calls())
    order = []
    widget = window.start_button.tk_focusNext()
    for _ in range(3):
        order.append(widget)
        widget = widget.tk_focusNext()
    assert set(order) == {window.start_button, window.snooze_button, window.skip_button}


def test_it_does_not_take_the_focus_from_the_users_window(
    root: tk.Tk, users_entry: tk.Entry
) -> None:
    entry = users_entry
    assert root.focus_get() is entry

    window = make(root, Calls(), sound=True)
    window.update()
    assert window.winfo_viewable()
    assert root.focus_get() is entry
    entry.event_generate("<KeyPress>", keysym="a")  # typing still goes to the user's window
    window.update()
    assert window.winfo_exists()


def test_it_sits_in_the_bottom_right_corner(root: tk.Tk) -> None:
    window = make(root, Calls())
    window.update()
    assert window.winfo_rootx() + window.winfo_width() > root.winfo_screenwidth() * 0.8
    assert window.winfo_rooty() + window.winfo_height() > root.winfo_screenheight() * 0.8
    assert window.winfo_rootx() + window.winfo_width() <= root.winfo_screenwidth()


@pytest.mark.gui
@pytest.mark.parametrize("key, expected", [("s", "start"), ("n", "snooze"), ("k", "skip")])
def test_underlined_letters_answer(root: tk.Tk, key: str, expected: str) -> None:
    calls: list[str] = []
    prompt = PromptWindow(
        root,
        sitting_minutes=52,
        routine_name="quick reset",
        routine_minutes=2,
        can_snooze=True,
        snooze_minutes=10,
        on_start=lambda: calls.append("start"),
        on_snooze=lambda: calls.append("snooze"),
        on_skip=lambda: calls.append("skip"),
        on_ignored=lambda: calls.append("ignored"),
    )
    prompt.focus_force()
    prompt.update()
    prompt.event_generate(f"<Key-{key}>")
    root.update()
    assert calls == [expected]


def test_the_were_you_up_question_answers_with_one_key_and_keeps_the_offer(root: tk.Tk) -> None:
    calls = Calls()
    answers: list[bool] = []
    window = make(
        root,
        calls,
        question="Were you up just now? (20 min without keyboard or mouse at 11:05)",
        on_question=answers.append,
    )
    assert window.question_row is not None
    assert window.question_label.cget("text").startswith("Were you up just now?")
    window.focus_force()
    root.update()
    window.event_generate("<Key-h>")
    window.event_generate("<Key-y>")  # a second answer is ignored
    root.update()
    assert answers == [False]
    assert window.question_label.cget("text").startswith("Thanks")
    assert calls.log == [] and window.winfo_exists()  # the offer itself is still open
    window.start_button.invoke()
    assert calls.log == ["start"]


def test_no_question_no_row(root: tk.Tk) -> None:
    window = make(root, Calls())
    assert window.question_row is None
    window.destroy()


@pytest.mark.parametrize("dark", [False, True])
def test_the_button_with_the_keyboard_shows_a_ring(root: tk.Tk, dark: bool) -> None:
    from tkinter import ttk

    window = make(root, Calls(), dark=dark)
    pal = theme.palette(dark)
    style = ttk.Style(window)
    assert style.lookup("TButton", "focuscolor") == pal.text
    assert int(style.lookup("TButton", "focusthickness")) >= 2
    assert theme.contrast(pal.text, pal.surface) >= 3  # non-text contrast for the ring
    assert style.lookup("Accent.TButton", "focuscolor") == pal.on_accent


class SlowWindowManager(threading.Thread):
    """A window manager that answers configure requests at once but maps a new window only
    after ``delay`` seconds: longer than Tk waits for a map (2 s). It records each
    _NET_WM_STATE request and whether the window was mapped by then."""

    def __init__(self, display_name: str, delay: float) -> None:
        super().__init__(daemon=True)
        from Xlib import X, display

        self.conn = display.Display(display_name)
        self.conn.screen().root.change_attributes(event_mask=X.SubstructureRedirectMask)
        self.conn.sync()
        self.delay = delay
        self.net_state = self.conn.intern_atom("_NET_WM_STATE")
        self.skip_taskbar = self.conn.intern_atom("_NET_WM_STATE_SKIP_TASKBAR")
        self.mapped: set[int] = set()
        self.state_requests: list[tuple[int, list[int], bool]] = []
        self.done = threading.Event()

    def run(self) -> None:
        from Xlib import X

        to_map: dict[int, tuple[float, Any]] = {}
        configurable = {X.CWX: "x", X.CWY: "y", X.CWWidth: "width", X.CWHeight: "height"}
        while not self.done.is_set():
            while self.conn.pending_events():
                event = self.conn.next_event()
                if event.type == X.ConfigureRequest:
                    wanted = {
                        k: getattr(event, k)
                        for b, k in configurable.items()
                        if event.value_mask & b
                    }
                    event.window.configure(**wanted)
                elif event.type == X.MapRequest:
                    to_map[event.window.id] = (time.monotonic() + self.delay, event.window)
                elif event.type == X.ClientMessage and event.client_type == self.net_state:
                    window = event.window.id
                    self.state_requests.append((window, list(event.data[1]), window in self.mapped))
            for window_id, (when, window) in list(to_map.items()):
                if time.monotonic() >= when:
                    window.map()
                    self.mapped.add(window_id)
                    del to_map[window_id]
            self.conn.flush()
            time.sleep(0.01)
        self.conn.close()


def test_the_window_states_are_asked_for_once_a_slow_wm_has_mapped_the_prompt(
    root: tk.Tk,
) -> None:
    """A state request for a window the WM does not manage yet is ignored, so the prompt
    must ask (again) after the WM has mapped it, however long the WM took. (On the test
    display, not a private one: Tk keeps its display connections open for good, and a
    server going away under one ends the whole process.)"""
    wm = SlowWindowManager(root.winfo_screen(), delay=3.0)
    wm.start()
    try:
        make(root, Calls())
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any(mapped for *_, mapped in wm.state_requests):
            root.update()
            time.sleep(0.02)
    finally:
        wm.done.set()
        wm.join(5)
    after_map = [data for window, data, mapped in wm.state_requests if mapped]
    assert after_map, f"no _NET_WM_STATE request after the map: {wm.state_requests}"
    assert any(wm.skip_taskbar in data[1:3] for data in after_map)
