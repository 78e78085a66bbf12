"""The break window's header: the three phases (the current one lit) and the time left.

A widget of its own because the frame clock redraws it ~30 times a second: it remembers
what each label shows and touches Tk only when that changes.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

from deskbreak.core.movements import Phase
from deskbreak.ui import theme


class PhaseHeader(tk.Frame):
    """``Warm-up → Main → Cool-down`` on the left, ``m:ss left`` on the right."""

    def __init__(
        self,
        master: tk.Misc,
        colors: theme.Palette,
        fonts: theme.Fonts,
        px: Callable[[float], int],
    ) -> None:
        super().__init__(master, background=colors.background)
        self.colors = colors
        self._shown: dict[str, object] = {}
        self.columnconfigure(6, weight=1)
        self.phase_labels: dict[Phase, tk.Label] = {}
        for index, phase in enumerate(Phase):
            if index:
                tk.Label(
                    self, text="→", font=fonts.small, fg=colors.muted, bg=colors.background
                ).grid(row=0, column=2 * index - 1, padx=px(3))
            label = tk.Label(self, text=phase.value.capitalize(), font=fonts.small, padx=px(6))
            label.grid(row=0, column=2 * index)
            self.phase_labels[phase] = label
        self.highlight(None)
        self.time_left = tk.Label(self, font=fonts.small, fg=colors.muted, bg=colors.background)
        self.time_left.grid(row=0, column=6, sticky="e")

    def highlight(self, current: Phase | None) -> None:
        """Light ``current`` in its phase colour; ``None`` dims them all."""
        for index, (phase, label) in enumerate(self.phase_labels.items()):
            lit = phase is current
            self._set_style(
                label,
                bg=self.colors.phase_colors[index] if lit else self.colors.background,
                fg=self.colors.on_accent if lit else self.colors.muted,
            )

    def show_time_left(self, seconds: float | None) -> None:
        """``m:ss left`` for the routine; ``None`` clears it (after the last movement)."""
        text = "" if seconds is None else minutes_left(seconds)
        if self._shown.get("time_left") != text:
            self._shown["time_left"] = text
            self.time_left.configure(text=text)

    def _set_style(self, widget: tk.Widget, **style: str) -> None:
        key = str(widget)
        if self._shown.get(key) != style:
            self._shown[key] = style
            widget.configure(**style)


def minutes_left(seconds: float) -> str:
    whole = max(round(seconds), 0)
    return f"{whole // 60}:{whole % 60:02d} left"
