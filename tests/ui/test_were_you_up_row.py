"""The "Were you up just now?" row: one answer counts, by click or key, then a thank-you."""

from __future__ import annotations

import tkinter as tk

import pytest

from deskbreak.ui import dialog_style, theme
from deskbreak.ui.were_you_up_row import THANKS, WereYouUpRow

pytestmark = pytest.mark.gui


def make(root: tk.Tk, answers: list[bool]) -> tuple[tk.Toplevel, WereYouUpRow]:
    window = tk.Toplevel(root)
    # Styled as the offer is: the row's "Muted.TLabel" comes from dialog_style. Without it,
    # relabelling the row left Tk's memory corrupt: a later test crashed in focus_force.
    dialog_style.apply(window, theme.palette(None), theme.fonts(window))
    row = WereYouUpRow(window, "Were you up just now?", answers.append, keys_on=window)
    row.pack()
    root.update()
    return window, row


def test_a_click_answers_once_and_thanks(root: tk.Tk) -> None:
    answers: list[bool] = []
    window, row = make(root, answers)
    assert row.label.cget("text") == "Were you up just now?"
    row.up_button.invoke()
    row.answer(False)  # a second answer is ignored
    root.update()
    assert answers == [True]
    assert row.label.cget("text") == THANKS
    assert not row.up_button.winfo_exists() and not row.here_button.winfo_exists()
    window.destroy()


@pytest.mark.parametrize(("key", "was_up"), [("y", True), ("h", False), ("Alt-h", False)])
def test_the_keys_are_bound_on_the_window_around_it(root: tk.Tk, key: str, was_up: bool) -> None:
    answers: list[bool] = []
    window, _row = make(root, answers)
    window.focus_force()
    root.update()
    window.event_generate(f"<{key if '-' in key else 'Key-' + key}>")
    root.update()
    assert answers == [was_up]
    window.destroy()
