"""The window manager: one window per name, brought back instead of doubled, closed once."""

from __future__ import annotations

from deskbreak.ui.windows import Closed, WindowManager


class FakeWindow:
    def __init__(self, on_closed: Closed) -> None:
        self.on_closed = on_closed
        self.shown = 0
        self.closed = 0

    def show(self) -> None:
        self.shown += 1

    def close(self) -> None:
        self.closed += 1
        self.on_closed()


def test_asking_for_an_open_window_brings_it_back_instead_of_a_second() -> None:
    windows = WindowManager()
    first = windows.open("settings", FakeWindow)
    again = windows.open("settings", FakeWindow)
    assert again is first and first.shown == 1
    assert list(windows) == ["settings"] and "settings" in windows


def test_a_window_closing_itself_is_forgotten_so_the_next_ask_makes_a_new_one() -> None:
    windows = WindowManager()
    first = windows.open("break", FakeWindow)
    first.close()
    assert "break" not in windows and windows.get("break") is None
    assert windows.open("break", FakeWindow) is not first


def test_close_all_closes_each_window_once() -> None:
    windows = WindowManager()
    made = [windows.open(name, FakeWindow) for name in ("break", "prompt", "progress")]
    windows.close_all()
    assert [window.closed for window in made] == [1, 1, 1]
    assert list(windows) == []
    windows.close("break")  # already gone: nothing happens
    assert made[0].closed == 1


def test_before_open_runs_before_each_new_window_only() -> None:
    order: list[str] = []
    windows = WindowManager(before_open=lambda: order.append("before"))

    def make(on_closed: Closed) -> FakeWindow:
        order.append("make")
        return FakeWindow(on_closed)

    windows.open("settings", make)
    windows.open("settings", make)  # brought back: no new window, no hook
    assert order == ["before", "make"]
