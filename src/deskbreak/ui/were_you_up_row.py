"""The break offer's "Were you up just now?" row: one question about an input gap.

deskbreak could not tell whether the user was up during a gap (no keyboard or mouse, yet
nothing showed they left), so the offer may carry this question. It is answered with one
key (y / h) or a click, once, and answering never closes the offer around it.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from tkinter import ttk

from deskbreak.ui import dialog_style

THANKS = "Thanks — noted for gaps like this one."


class WereYouUpRow(ttk.Frame):
    """The question and its two one-key answers; answering swaps them for a thank-you.

    The keys are bound on ``keys_on`` (the offer window): the row never has the focus."""

    def __init__(
        self,
        master: tk.Misc,
        question: str,
        on_answer: Callable[[bool], object],
        *,
        keys_on: tk.Misc,
    ) -> None:
        super().__init__(master)
        self._on_answer = on_answer
        self.answered = False
        self.label = ttk.Label(self, text=question, justify="left", style="Muted.TLabel")
        self.label.pack(anchor="w")
        self._answers = ttk.Frame(self)
        self._answers.pack(anchor="w", pady=(dialog_style.px(self, 6), 0))
        self.up_button = ttk.Button(
            self._answers, text="Yes, I was up", underline=0, command=lambda: self.answer(True)
        )
        self.here_button = ttk.Button(
            self._answers, text="No, I was here", underline=10, command=lambda: self.answer(False)
        )
        self.up_button.pack(side="left")
        self.here_button.pack(side="left", padx=(dialog_style.px(self, 8), 0))
        for key, was_up in (("y", True), ("h", False)):
            for sequence in (f"<Key-{key}>", f"<Alt-{key}>"):
                keys_on.bind(sequence, _answerer(self.answer, was_up))

    def answer(self, was_up: bool) -> None:
        """The first answer counts; later ones (the other key, a second press) are ignored."""
        if self.answered:
            return
        self.answered = True
        self._answers.destroy()
        self.label.configure(text=THANKS)
        self._on_answer(was_up)


def _answerer(answer: Callable[[bool], None], was_up: bool) -> Callable[[object], None]:
    return lambda _event: answer(was_up)
