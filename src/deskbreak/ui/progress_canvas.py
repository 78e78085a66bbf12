"""Drawing primitives for the progress window's canvas, in design pixels.

The sections (progress_week.py, progress_history.py) draw through a :class:`Pen`, so
every size is written at 96 dpi once and scaled here, and colours blend the same way.
"""

from __future__ import annotations

import tkinter as tk
from tkinter import font as tkfont
from typing import Any

from deskbreak.ui import theme


def blend(a: str, b: str, t: float) -> str:
    """The colour ``t`` of the way from ``a`` to ``b`` (both ``#rrggbb``)."""
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(ca, cb, strict=True))


def minutes_text(value: float) -> str:
    """Minutes as people say them: "12", "2.5", "0.3", "0"."""
    return f"{value:.0f}" if value >= 10 or value == 0 else f"{value:.1f}".rstrip("0").rstrip(".")


class Pen:
    """A canvas, its scale ``u`` (screen pixels per design pixel), palette and fonts."""

    def __init__(
        self, canvas: tk.Canvas, u: float, palette: theme.Palette, fonts: theme.Fonts
    ) -> None:
        self.canvas, self.u, self.palette, self.fonts = canvas, u, palette, fonts

    def s(self, value: float) -> int:
        """``value`` pixels at 96 dpi in this window's scale (:func:`theme.px`, fitted)."""
        return round(value * self.u)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        font: tkfont.Font,
        fill: str,
        anchor: Any = "nw",
        **kw: Any,
    ) -> int:
        return int(
            self.canvas.create_text(
                self.s(x), self.s(y), text=text, font=font, fill=fill, anchor=anchor, **kw
            )
        )

    def card(self, x0: float, y0: float, x1: float, y1: float, r: float = 14) -> None:
        x0, y0, x1, y1, r = (self.s(v) for v in (x0, y0, x1, y1, r))
        points = [
            x0 + r, y0, x1 - r, y0, x1, y0, x1, y0 + r, x1, y1 - r, x1, y1,
            x1 - r, y1, x0 + r, y1, x0, y1, x0, y1 - r, x0, y0 + r, x0, y0,
        ]  # fmt: skip
        self.canvas.create_polygon(points, smooth=True, fill=self.palette.surface, outline="")

    def bar(self, x0: float, y0: float, x1: float, y1: float, color: str) -> None:
        """A bar with softly rounded top corners."""
        r = min(5.0, (y1 - y0) / 2, (x1 - x0) / 2)
        x0, y0, x1, y1, r = (self.s(v) for v in (x0, y0, x1, y1, r))
        points = [x0, y1, x0, y0 + r, x0, y0, x0 + r, y0, x1 - r, y0, x1, y0, x1, y0 + r, x1, y1]
        self.canvas.create_polygon(points, smooth=True, fill=color, outline="")
        self.canvas.create_rectangle(x0, y0 + r, x1, y1, fill=color, outline="")
