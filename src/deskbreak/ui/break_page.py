"""The break window's page base: a themed frame, wrapped labels, bullets and buttons.

Every page of the break window (the guide, the notes, the check, the summary) builds its
widgets through these helpers, so colours, focus rings and re-wrapping on resize stay the
same on every page.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence
from tkinter import font as tkfont

from deskbreak.ui import theme


class Bullets(tk.Frame):
    """A bulleted list with hanging indents that re-wraps with the window's width."""

    def __init__(self, master: tk.Misc, colors: theme.Palette, font: tkfont.Font) -> None:
        super().__init__(master, background=colors.background)
        self.colors, self.font = colors, font
        self.columnconfigure(1, weight=1)
        self.items: tuple[str, ...] = ()
        self._labels: list[tk.Label] = []
        self.bind("<Configure>", self._rewrap, add="+")

    def set(self, items: Sequence[str]) -> None:
        if tuple(items) == self.items:
            return
        self.items = tuple(items)
        for widget in self.winfo_children():
            widget.destroy()
        self._labels = []
        for row, item in enumerate(self.items):
            for column, text in enumerate(("•", item)):
                label = tk.Label(
                    self,
                    text=text,
                    font=self.font,
                    foreground=self.colors.text,
                    background=self.colors.background,
                    justify="left",
                    anchor="nw",
                )
                label.grid(row=row, column=column, sticky="nw", padx=(0, 6) if column == 0 else 0)
            self._labels.append(label)
        self._rewrap()

    def _rewrap(self, _event: object = None) -> None:
        width = self.winfo_width() - self.font.measure("•") - 12
        for label in self._labels:
            label.configure(wraplength=max(width, 100))


def focus_ring(widget: tk.Button | tk.Checkbutton, colors: theme.Palette) -> None:
    """A 2 px ring in the text colour around the control with the keyboard focus."""
    widget.configure(
        highlightthickness=2,
        highlightcolor=colors.text,
        highlightbackground=colors.background,
        takefocus=1,
    )


class Page(tk.Frame):
    """A themed frame with helpers for the few widget kinds the pages use."""

    def __init__(self, master: tk.Misc, colors: theme.Palette, fonts: theme.Fonts) -> None:
        super().__init__(master, background=colors.background)
        self.colors, self.fonts = colors, fonts
        self.columnconfigure(0, weight=1)
        self._wrapped: list[tk.Label] = []
        self._wrapped_buttons: list[tk.Button] = []
        self.bind("<Configure>", self._rewrap, add="+")

    def label(
        self,
        text: str,
        *,
        font: object = None,
        color: str | None = None,
        row: int,
        parent: tk.Misc | None = None,
    ) -> tk.Label:
        widget = tk.Label(
            parent or self,
            text=text,
            font=font or self.fonts.body,  # type: ignore[arg-type]
            foreground=color or self.colors.text,
            background=self.colors.background,
            justify="left",
            anchor="w",
        )
        widget.grid(row=row, column=0, sticky="ew", pady=(0, 8))
        self._wrapped.append(widget)
        return widget

    def bullets(self, items: Sequence[str], *, row: int, parent: tk.Misc | None = None) -> Bullets:
        widget = Bullets(parent or self, self.colors, self.fonts.body)
        widget.set(items)
        widget.grid(row=row, column=0, sticky="ew", pady=(0, 8))
        return widget

    def button(
        self, parent: tk.Misc, text: str, command: Callable[[], object], *, kind: str = "plain"
    ) -> tk.Button:
        c = self.colors
        # Hover keeps each kind's meaning: the pain stop stays red, a main button green.
        bg, active_bg = {
            "plain": (c.surface, c.accent_soft),
            "main": (c.accent, c.accent_active),
            "warn": (c.warning, c.warning_active),
        }[kind]
        fg = c.text if kind == "plain" else c.on_accent
        button = tk.Button(
            parent,
            text=text,
            command=command,
            font=self.fonts.body,
            background=bg,
            foreground=fg,
            activebackground=active_bg,
            activeforeground=fg,
            relief="flat",
            borderwidth=0,
            padx=10,
            pady=6,
            cursor="hand2",
        )
        focus_ring(button, c)
        return button

    def _rewrap(self, event: tk.Event) -> None:
        for widget in self._wrapped:
            inset = 4 if widget.master is self else 24  # in a ScrollPage: room for its bar
            widget.configure(wraplength=max(event.width - inset, 100))
        for button in self._wrapped_buttons:
            button.configure(wraplength=max(event.width - 4 * int(button.cget("padx")), 100))
