"""The break window's first and last pages: the first-run note and the summary.

Each is a small frame taking ``master`` first; the window decides when to show which,
and owns the keys (so tests can drive either buttons or keys). The pain note and the
comfort check have modules of their own (pain_note.py, comfort_check.py).
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence

from deskbreak.core import safety, words
from deskbreak.ui import theme
from deskbreak.ui.break_page import Bullets, Page
from deskbreak.ui.pain_note import SEE_A_DOCTOR, URGENT_FLAGS

FIRST_RUN_TEXT = f"{safety.FIRST_RUN_NOTE} {safety.STOP_NOW}"
SCREENING_TEXT = safety.SCREENING_TITLE + ": " + "; ".join(safety.SCREENING) + "."


class FirstRunNote(Page):
    def __init__(
        self,
        master: tk.Misc,
        colors: theme.Palette,
        fonts: theme.Fonts,
        on_begin: Callable[[], None],
    ) -> None:
        super().__init__(master, colors, fonts)
        self.label("Before your first break", font=fonts.title, row=0)
        self.label(FIRST_RUN_TEXT, font=fonts.small, row=1)
        self.label(SCREENING_TEXT, font=fonts.small, row=2)
        self.label(safety.URGENT_TITLE + ":", font=fonts.heading, color=colors.warning, row=3)
        self.urgent = Bullets(self, colors, fonts.small)
        self.urgent.set(URGENT_FLAGS)
        self.urgent.grid(row=4, column=0, sticky="ew", pady=(0, 6))
        self.label(f"{SEE_A_DOCTOR} {safety.EMERGENCY_NUMBERS}", font=fonts.small, row=5)
        self.begin = self.button(self, "I've read this — begin  (Enter)", on_begin, kind="main")
        self.begin.grid(row=6, column=0, sticky="w", pady=(4, 0))


class Summary(Page):
    """The end of a break: what was done as three tiles, the week's goal as dots, Close."""

    def __init__(
        self,
        master: tk.Misc,
        colors: theme.Palette,
        fonts: theme.Fonts,
        on_close: Callable[[], None],
    ) -> None:
        super().__init__(master, colors, fonts)
        self.heading = self.label("", font=fonts.title, row=0)
        self.tiles = tk.Frame(self, background=colors.background)
        self.tiles.grid(row=1, column=0, sticky="ew", pady=(4, 12))
        self.week = tk.Label(
            self, font=fonts.heading, foreground=colors.accent, background=colors.background
        )
        self.week.grid(row=2, column=0, sticky="w")
        self.lines = self.label("", row=3)
        self.close = self.button(self, "Close  (Enter)", on_close, kind="main")
        self.close.grid(row=4, column=0, sticky="w", pady=(8, 0))

    def fill(
        self,
        heading: str,
        lines: Sequence[str],
        tiles: Sequence[tuple[str, str]] = (),
        week: tuple[int, int] | None = None,
    ) -> None:
        """``tiles``: (big figure, caption) pairs; ``week``: (days this week, goal)."""
        self.heading.configure(text=heading)
        for child in self.tiles.winfo_children():
            child.destroy()
        for column, (figure, caption) in enumerate(tiles):
            self.tiles.columnconfigure(column, weight=1, uniform="tile")
            tile = tk.Frame(self.tiles, background=self.colors.surface, padx=8, pady=8)
            tile.grid(row=0, column=column, sticky="nsew", padx=(0 if column == 0 else 6, 0))
            for text, font, color in (
                (figure, self.fonts.big_number, self.colors.text),
                (caption, self.fonts.small, self.colors.muted),
            ):
                tk.Label(
                    tile, text=text, font=font, foreground=color, background=self.colors.surface
                ).pack()
        if week is None:
            self.week.configure(text="")
        else:
            days, goal = week
            dots = "●" * min(days, goal) + "○" * max(goal - days, 0)
            extra = f"  +{days - goal}" if days > goal else ""
            self.week.configure(
                text=f"{dots}{extra}   {days} of {words.count(goal, 'day')} this week"
            )
        self.lines.configure(text="\n".join(lines))

    def text(self) -> str:
        """Everything the page says, in reading order (for tests and screen readers)."""
        tiles = [
            " ".join(str(label.cget("text")) for label in tile.winfo_children())
            for tile in self.tiles.winfo_children()
        ]
        parts = [self.heading.cget("text"), *tiles, self.week.cget("text"), self.lines.cget("text")]
        return "\n".join(str(p) for p in parts if p)
