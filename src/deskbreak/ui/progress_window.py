"""The progress window: the week as a picture, drawn on one Tk canvas.

Everything comes from a :class:`deskbreak.core.stats.Stats`; the window computes
nothing but geometry, so it opens instantly on years of data. Sizes are in "design
pixels" multiplied by Tk's scaling, so a HiDPI screen gets the same picture, larger.
This module lays the cards out; the sections are drawn by progress_week.py and
progress_history.py through a :class:`~deskbreak.ui.progress_canvas.Pen`.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

from deskbreak.core.stats import Stats
from deskbreak.ui import screen, theme
from deskbreak.ui.progress_canvas import Pen
from deskbreak.ui.progress_history import draw_footer, draw_heat, draw_regions
from deskbreak.ui.progress_week import draw_ring, draw_streaks, draw_week_bars
from deskbreak.ui.windows import bring_to_front

WIDTH, HEIGHT = 800, 680
PAD = 24


class ProgressWindow(tk.Toplevel):
    """``deskbreak — Progress``. Call :meth:`show_stats` to redraw with new figures."""

    def __init__(
        self,
        master: tk.Misc,
        stats: Stats,
        *,
        palette: theme.Palette | None = None,
        on_closed: Callable[[], None] | None = None,
    ) -> None:
        self.palette = palette or theme.palette()
        super().__init__(master, class_=theme.WM_CLASS, background=self.palette.background)
        self.fonts = theme.fonts(master)
        self._on_closed = on_closed
        self.title("deskbreak — Progress")
        self.u = theme.scale_factor(self)  # shrunk below the screen's scale only to fit
        self._fit_to_screen()
        self.canvas = tk.Canvas(
            self,
            width=self.s(WIDTH),
            height=self.s(HEIGHT),
            background=self.palette.background,
            highlightthickness=0,
        )
        self.canvas.pack(fill="both", expand=True)
        self.resizable(False, False)
        self.protocol("WM_DELETE_WINDOW", self.close)
        self.bind("<Escape>", lambda _e: self.close())
        self.stats = stats
        self.show_stats(stats)

    def _fit_to_screen(self) -> None:
        """The picture shrinks (type included) until it fits the work area: at 2x on a
        768 px screen it is drawn about 1x rather than cut off below the panel."""
        area = screen.client_area(self)
        fit = min(self.u, area.width / WIDTH, area.height / HEIGHT)
        if fit >= self.u:
            return
        ratio = fit / self.u
        for font in vars(self.fonts).values():
            points = abs(int(font.cget("size")))
            screen_px = points * float(self.winfo_fpixels("1p"))
            font.configure(size=-max(7, round(screen_px * ratio)))
        self.u = fit

    def s(self, value: float) -> int:
        """``value`` pixels at 96 dpi in this window's scale (:func:`theme.px`, fitted)."""
        return round(value * self.u)

    def show(self) -> None:
        bring_to_front(self)

    def close(self) -> None:
        self.destroy()
        if self._on_closed is not None:
            self._on_closed()

    # -- drawing -----------------------------------------------------------------------

    def show_stats(self, stats: Stats) -> None:
        self.stats = stats
        self.canvas.delete("all")
        p, f = self.palette, self.fonts
        week = stats.week
        sunday = week.days[-1].day
        pen = Pen(self.canvas, self.u, p, f)
        pen.text(PAD, PAD, "This week", f.title, p.text)
        span = f"{week.monday:%a %d %b} – {sunday:%a %d %b %Y}".replace(" 0", " ")
        pen.text(WIDTH - PAD, PAD + 4, span, f.body, p.muted, anchor="ne")
        pen.card(PAD, 68, 250, 320)
        draw_ring(pen, stats, PAD + 113, 170)
        draw_streaks(pen, stats, PAD + 113, 262)
        pen.card(274, 68, WIDTH - PAD, 320)
        draw_week_bars(pen, stats, 274, 68, WIDTH - PAD, 320)
        pen.card(PAD, 340, 410, HEIGHT - 90)
        draw_heat(pen, stats, PAD + 18, 356)
        pen.card(430, 340, WIDTH - PAD, HEIGHT - 90)
        draw_regions(pen, stats, 448, 356, WIDTH - PAD - 18)
        draw_footer(pen, stats, PAD + 4, WIDTH - PAD - 4, HEIGHT - 70)
