"""The comfort check: how the break felt, and (after discomfort or pain) where.

Its answers feed the log and the adaptation of later breaks; the window owns the keys.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from functools import partial

from deskbreak.core.records import FELT_IN, Comfort
from deskbreak.ui import theme
from deskbreak.ui.break_page import Page, focus_ring

#: The "where did you feel it" chips and their keys (underlined in each label).
PLACE_KEYS = {
    "hips": "h",
    "mid-back": "m",
    "low back": "l",
    "neck": "c",
    "legs": "g",
    "nowhere": "w",
}

COMFORT_CHOICES = (
    (Comfort.FELT_GOOD, "1  Felt good"),
    (Comfort.SOME_DISCOMFORT, "2  Some discomfort"),
    (Comfort.SHARP_PAIN, "3  Sharp pain"),
)


class ComfortCheck(Page):
    """One tap for how it felt; then an optional "where", and Done."""

    def __init__(
        self,
        master: tk.Misc,
        colors: theme.Palette,
        fonts: theme.Fonts,
        *,
        on_answer: Callable[[Comfort], None],
        on_done: Callable[[], None],
    ) -> None:
        super().__init__(master, colors, fonts)
        self.label("How did that feel?", font=fonts.title, row=0)
        self.picked: Comfort | None = None  # the one-tap answer, kept until Done
        self.choices: dict[Comfort, tk.Button] = {}
        for index, (comfort, text) in enumerate(COMFORT_CHOICES, start=1):
            button = self.button(self, text, partial(on_answer, comfort))
            button.configure(anchor="w")
            button.grid(row=index, column=0, sticky="ew", pady=(0, 6))
            self.choices[comfort] = button
        self.where = tk.Frame(self, background=colors.background)
        self.where.columnconfigure(0, weight=1)
        # Asked only after discomfort or pain; "Felt good" goes straight to Done.
        self.places_box = tk.Frame(self.where, background=colors.background)
        self.places_box.columnconfigure((0, 1, 2), weight=1, uniform="p")
        self.places_box.grid(row=0, column=0, sticky="ew")
        tk.Label(
            self.places_box,
            text="Where did you feel it? (optional)",
            font=fonts.heading,
            foreground=colors.text,
            background=colors.background,
            anchor="w",
        ).grid(row=0, column=0, columnspan=3, sticky="ew", pady=(4, 4))
        self.places: dict[str, tk.BooleanVar] = {}
        self.chips: dict[str, tk.Checkbutton] = {}
        for index, place in enumerate(FELT_IN):
            var = tk.BooleanVar(self, value=False)
            key = PLACE_KEYS.get(place, "")
            chip = tk.Checkbutton(
                self.places_box,
                text=place,
                underline=place.find(key) if key else -1,
                variable=var,
                indicatoron=False,
                font=fonts.body,
                background=colors.surface,
                foreground=colors.text,
                selectcolor=colors.accent_soft,
                activebackground=colors.accent_soft,
                activeforeground=colors.text,
                relief="flat",
                borderwidth=0,
                padx=6,
                pady=4,
            )
            focus_ring(chip, colors)
            chip.grid(row=1 + index // 3, column=index % 3, sticky="ew", padx=(0, 4), pady=(0, 4))
            self.places[place] = var
            self.chips[place] = chip
        self.done = self.button(self.where, "Done  (Enter)", on_done, kind="main")
        self.done.grid(row=1, column=0, sticky="w", pady=(6, 0))

    def chosen(self, comfort: Comfort) -> None:
        """Mark the answer and reveal the optional "where"."""
        self.picked = comfort
        for value, button in self.choices.items():
            picked = value is comfort
            button.configure(
                background=self.colors.accent if picked else self.colors.surface,
                foreground=self.colors.on_accent if picked else self.colors.text,
            )
        if comfort is Comfort.FELT_GOOD:
            self.places_box.grid_remove()
            for var in self.places.values():
                var.set(False)
        else:
            self.places_box.grid()
        self.where.grid(row=len(COMFORT_CHOICES) + 1, column=0, sticky="ew")

    @property
    def asks_where(self) -> bool:
        return bool(self.where.winfo_manager() and self.places_box.winfo_manager())

    def toggle_place(self, place: str) -> None:
        """A chip's key: tick or untick it, only while the question is shown."""
        if self.asks_where:
            self.chips[place].invoke()

    def felt_in(self) -> tuple[str, ...]:
        return tuple(place for place, var in self.places.items() if var.get())
