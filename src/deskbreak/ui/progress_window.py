"""The progress window: the week as a picture, drawn on one Tk canvas.

Everything comes from a :class:`deskbreak.core.stats.Stats`; the window computes
nothing but geometry, so it opens instantly on years of data. Sizes are in "design
pixels" multiplied by Tk's scaling, so a HiDPI screen gets the same picture, larger.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from datetime import date
from tkinter import font as tkfont
from typing import Any

from deskbreak.core import words
from deskbreak.core.stats import DayMinutes, Stats
from deskbreak.ui import screen, theme
from deskbreak.ui.windows import bring_to_front

WIDTH, HEIGHT = 800, 680
PAD = 24


def blend(a: str, b: str, t: float) -> str:
    """The colour ``t`` of the way from ``a`` to ``b`` (both ``#rrggbb``)."""
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(ca, cb, strict=True))


def _minutes(value: float) -> str:
    return f"{value:.0f}" if value >= 10 or value == 0 else f"{value:.1f}".rstrip("0").rstrip(".")


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
        self.text(PAD, PAD, "This week", f.title, p.text)
        span = f"{week.monday:%a %d %b} – {sunday:%a %d %b %Y}".replace(" 0", " ")
        self.text(WIDTH - PAD, PAD + 4, span, f.body, p.muted, anchor="ne")
        self.card(PAD, 68, 250, 320)
        self.draw_ring(PAD + 113, 170)
        self.draw_streaks(PAD + 113, 262)
        self.card(274, 68, WIDTH - PAD, 320)
        self.draw_week_bars(274, 68, WIDTH - PAD, 320)
        self.card(PAD, 340, 410, HEIGHT - 90)
        self.draw_heat(PAD + 18, 356)
        self.card(430, 340, WIDTH - PAD, HEIGHT - 90)
        self.draw_regions(448, 356, WIDTH - PAD - 18)
        self.draw_footer(HEIGHT - 70)

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

    def draw_ring(self, cx: float, cy: float, radius: float = 62, width: float = 14) -> None:
        p, f, week = self.palette, self.fonts, self.stats.week
        box = [self.s(v) for v in (cx - radius, cy - radius, cx + radius, cy + radius)]
        track = blend(p.surface, p.muted, 0.25)
        self.canvas.create_oval(*box, outline=track, width=self.s(width))
        share = min(1.0, week.active_days / max(1, week.goal_days))
        if share >= 1.0:
            self.canvas.create_oval(*box, outline=p.accent, width=self.s(width))
        elif share > 0:
            self.canvas.create_arc(
                *box,
                start=90,
                extent=-359.9 * share,
                style="arc",
                outline=p.accent,
                width=self.s(width),
            )
        self.text(cx, cy - 6, str(week.active_days), f.big_number, p.text, anchor="s")
        self.text(
            cx, cy - 2, f"of {words.count(week.goal_days, 'day')}", f.small, p.muted, anchor="n"
        )

    def draw_streaks(self, cx: float, y: float) -> None:
        p, f, st = self.palette, self.fonts, self.stats
        weeks = st.week_streak
        headline = (
            f"{words.count(weeks.current, 'week')} in a row"
            if weeks.current
            else "A new streak starts now"
        )
        if st.week.goal_met and weeks.current:
            headline = f"Goal met · {headline}"
        self.text(cx, y, headline, f.heading, p.text, anchor="n")
        days = st.day_streak
        detail = (
            f"best {words.count(weeks.best, 'week')}"
            if weeks.best
            else f"goal: {words.count(st.week.goal_days, 'day')} a week"
        )
        if days.current > 1:
            detail = f"{words.count(days.current, 'day')} in a row · {detail}"
        self.text(cx, y + 24, detail, f.small, p.muted, anchor="n")
        week = st.week
        ritual = f"Daily ritual: {week.ritual_days} of {week.ritual_goal} days"
        self.text(cx, y + 40, ritual, f.small, p.accent, anchor="n")

    def draw_week_bars(self, x0: float, y0: float, x1: float, y1: float) -> None:
        p, f, st = self.palette, self.fonts, self.stats
        self.text(x0 + 18, y0 + 14, "Minutes moving", f.heading, p.text)
        days = st.week.days
        goal = st.week.goal_minutes
        top, base = y0 + 58, y1 - 40
        left, right = x0 + 26, x1 - 60
        peak = max([goal * 1.6, *(d.minutes for d in days)])
        slot = (right - left) / 7
        bar_w = min(34.0, slot * 0.56)
        goal_y = base - (base - top) * goal / peak
        self.canvas.create_line(
            self.s(left - 8), self.s(goal_y), self.s(right + 4), self.s(goal_y),
            fill=p.muted, dash=(4, 4), width=1,
        )  # fmt: skip
        self.text(right + 10, goal_y, f"{_minutes(goal)} min", f.small, p.muted, anchor="w")
        track = blend(p.surface, p.muted, 0.18)
        for i, d in enumerate(days):
            cx = left + slot * (i + 0.5)
            future = d.day > st.today.day
            self.canvas.create_line(
                self.s(cx - bar_w / 2),
                self.s(base),
                self.s(cx + bar_w / 2),
                self.s(base),
                fill=track,
                width=self.s(2),
            )
            if d.minutes > 0:
                h = max(4.0, (base - top) * d.minutes / peak)
                color = (
                    p.accent
                    if d.day == st.today.day or d.minutes >= goal
                    else blend(p.surface, p.accent, 0.55)
                )
                self.bar(cx - bar_w / 2, base - h, cx + bar_w / 2, base, color)
                self.text(cx, base - h - 4, _minutes(d.minutes), f.small, p.text, anchor="s")
            label_color = p.text if d.day == st.today.day else p.muted
            label_font = f.heading if d.day == st.today.day else f.small
            self.text(
                cx,
                base + 8,
                f"{d.day:%a}",
                label_font,
                label_color if not future else blend(p.surface, p.muted, 0.6),
                anchor="n",
            )
        if not any(d.breaks for d in days):
            self.text(
                (left + right) / 2,
                (goal_y + base) / 2 - 6,
                "No breaks yet this week.\nYour first one will show here.",
                f.body,
                p.muted,
                anchor="center",
                justify="center",
            )

    def bar(self, x0: float, y0: float, x1: float, y1: float, color: str) -> None:
        """A bar with softly rounded top corners."""
        r = min(5.0, (y1 - y0) / 2, (x1 - x0) / 2)
        x0, y0, x1, y1, r = (self.s(v) for v in (x0, y0, x1, y1, r))
        points = [x0, y1, x0, y0 + r, x0, y0, x0 + r, y0, x1 - r, y0, x1, y0, x1, y0 + r, x1, y1]
        self.canvas.create_polygon(points, smooth=True, fill=color, outline="")
        self.canvas.create_rectangle(x0, y0 + r, x1, y1, fill=color, outline="")

    def heat_color(self, cell: DayMinutes) -> str:
        p = self.palette
        empty = blend(p.surface, p.background, 0.75)
        if cell.breaks == 0:
            return empty
        level = min(1.0, cell.minutes / (2 * self.stats.week.goal_minutes))
        return blend(empty, p.accent, 0.35 + 0.65 * level)

    def draw_heat(self, x0: float, y0: float) -> None:
        p, f, st = self.palette, self.fonts, self.stats
        self.text(x0, y0, "Last 12 weeks", f.heading, p.text)
        cell, gap = 17.0, 3.0
        left, top = x0 + 40, y0 + 56
        for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")):
            self.text(
                left - 8, top + row * (cell + gap) + cell / 2, name, f.small, p.muted, anchor="e"
            )
        last_month = None
        for i, day_cell in enumerate(st.heat):
            col, row = divmod(i, 7)
            x, y = left + col * (cell + gap), top + row * (cell + gap)
            if row == 0 and day_cell.day.month != last_month:
                last_month = day_cell.day.month
                self.text(x, top - 8, f"{day_cell.day:%b}", f.small, p.muted, anchor="sw")
            if day_cell.day > st.today.day:
                self.canvas.create_rectangle(
                    self.s(x),
                    self.s(y),
                    self.s(x + cell),
                    self.s(y + cell),
                    outline=blend(p.surface, p.muted, 0.3),
                    fill="",
                )
                continue
            outline = p.text if day_cell.day == st.today.day else ""
            self.canvas.create_rectangle(
                self.s(x), self.s(y), self.s(x + cell), self.s(y + cell),
                fill=self.heat_color(day_cell), outline=outline, width=self.s(1.5) if outline else 0,
            )  # fmt: skip
        active = sum(1 for c in st.heat if c.breaks)
        self.text(
            left,
            top + 7 * (cell + gap) + 8,
            f"{words.count(active, 'active day')} of {sum(1 for c in st.heat if c.day <= st.today.day)}",
            f.small,
            p.muted,
        )
        self.draw_heat_legend(left + 12 * (cell + gap) - gap, top + 7 * (cell + gap) + 8)

    def draw_heat_legend(self, right: float, y: float) -> None:
        p, f = self.palette, self.fonts
        size, gap = 11.0, 3.0
        goal = self.stats.week.goal_minutes
        samples = [
            DayMinutes(date.min, n, m)
            for n, m in ((0, 0.0), (1, 0.1), (1, goal * 0.7), (1, goal * 1.4), (1, goal * 2))
        ]
        x = right - len(samples) * (size + gap) + gap
        self.text(x - 6, y + size / 2 + 1, "less", f.small, p.muted, anchor="e")
        for sample in samples:
            self.canvas.create_rectangle(
                self.s(x),
                self.s(y + 1),
                self.s(x + size),
                self.s(y + 1 + size),
                fill=self.heat_color(sample),
                outline="",
            )
            x += size + gap
        self.text(x + 3, y + size / 2 + 1, "more", f.small, p.muted, anchor="w")

    def draw_regions(self, x0: float, y0: float, x1: float) -> None:
        p, f, st = self.palette, self.fonts, self.stats
        self.text(x0, y0, "By region, all time", f.heading, p.text)
        if not st.regions:
            self.text(x0, y0 + 40, "Each region fills in as you move.", f.body, p.muted)
            return
        peak = max(r.minutes for r in st.regions)
        label_w, y = 78.0, y0 + 42
        step = min(34.0, 170 / max(1, len(st.regions)))
        track = blend(p.surface, p.background, 0.75)
        for region in st.regions:
            self.text(x0, y + 6, region.region.value, f.body, p.text, anchor="w")
            left, right = x0 + label_w, x1 - 58
            self.canvas.create_rectangle(
                self.s(left), self.s(y), self.s(right), self.s(y + 12), fill=track, outline=""
            )
            w = max(3.0, (right - left) * region.minutes / peak)
            self.canvas.create_rectangle(
                self.s(left), self.s(y), self.s(left + w), self.s(y + 12), fill=p.accent, outline=""
            )
            self.text(x1, y + 6, f"{_minutes(region.minutes)} min", f.small, p.muted, anchor="e")
            y += step

    def draw_footer(self, y: float) -> None:
        p, f, st = self.palette, self.fonts, self.stats
        t = st.today
        today = f"Today  {words.count(t.breaks, 'break')} · {_minutes(t.minutes_moving)} min moving"
        if t.longest_sitting_minutes:
            today += f" · longest sitting {_minutes(t.longest_sitting_minutes)} min"
        self.text(PAD + 4, y, today, f.body, p.text)
        pr = st.prompts
        prompts = f"Prompts  {pr.accepted} taken · {pr.snoozed} snoozed · {pr.skipped} skipped"
        self.text(PAD + 4, y + 24, prompts, f.small, p.muted)
        total = (
            f"All time  {words.count(st.total_breaks, 'break')} · {_minutes(st.total_minutes)} min"
        )
        self.text(WIDTH - PAD - 4, y, total, f.body, p.text, anchor="ne")
        eased = [c.movement_id for c in st.comfort if c.direction == "easier"]
        if eased:
            note = "Feeling easier: " + ", ".join(eased[:3]) + ("…" if len(eased) > 3 else "")
            self.text(WIDTH - PAD - 4, y + 24, note, f.small, p.muted, anchor="ne")
