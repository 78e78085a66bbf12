"""The progress window's top row: the week's goal ring, the streaks, minutes per day."""

from __future__ import annotations

from deskbreak.core import words
from deskbreak.core.stats import Stats
from deskbreak.ui.progress_canvas import Pen, blend, minutes_text


def draw_ring(
    pen: Pen, stats: Stats, cx: float, cy: float, radius: float = 62, width: float = 14
) -> None:
    p, f, week = pen.palette, pen.fonts, stats.week
    box = [pen.s(v) for v in (cx - radius, cy - radius, cx + radius, cy + radius)]
    track = blend(p.surface, p.muted, 0.25)
    pen.canvas.create_oval(*box, outline=track, width=pen.s(width))
    share = min(1.0, week.active_days / max(1, week.goal_days))
    if share >= 1.0:
        pen.canvas.create_oval(*box, outline=p.accent, width=pen.s(width))
    elif share > 0:
        pen.canvas.create_arc(
            *box,
            start=90,
            extent=-359.9 * share,
            style="arc",
            outline=p.accent,
            width=pen.s(width),
        )
    pen.text(cx, cy - 6, str(week.active_days), f.big_number, p.text, anchor="s")
    pen.text(cx, cy - 2, f"of {words.count(week.goal_days, 'day')}", f.small, p.muted, anchor="n")


def draw_streaks(pen: Pen, stats: Stats, cx: float, y: float) -> None:
    p, f, st = pen.palette, pen.fonts, stats
    weeks = st.week_streak
    headline = (
        f"{words.count(weeks.current, 'week')} in a row"
        if weeks.current
        else "A new streak starts now"
    )
    if st.week.goal_met and weeks.current:
        headline = f"Goal met · {headline}"
    pen.text(cx, y, headline, f.heading, p.text, anchor="n")
    days = st.day_streak
    detail = (
        f"best {words.count(weeks.best, 'week')}"
        if weeks.best
        else f"goal: {words.count(st.week.goal_days, 'day')} a week"
    )
    if days.current > 1:
        detail = f"{words.count(days.current, 'day')} in a row · {detail}"
    pen.text(cx, y + 24, detail, f.small, p.muted, anchor="n")
    week = st.week
    ritual = f"Daily ritual: {week.ritual_days} of {week.ritual_goal} days"
    pen.text(cx, y + 40, ritual, f.small, p.accent, anchor="n")


def draw_week_bars(pen: Pen, stats: Stats, x0: float, y0: float, x1: float, y1: float) -> None:
    p, f, st = pen.palette, pen.fonts, stats
    pen.text(x0 + 18, y0 + 14, "Minutes moving", f.heading, p.text)
    days = st.week.days
    goal = st.week.goal_minutes
    top, base = y0 + 58, y1 - 40
    left, right = x0 + 26, x1 - 60
    peak = max([goal * 1.6, *(d.minutes for d in days)])
    slot = (right - left) / 7
    bar_w = min(34.0, slot * 0.56)
    goal_y = base - (base - top) * goal / peak
    pen.canvas.create_line(
        pen.s(left - 8), pen.s(goal_y), pen.s(right + 4), pen.s(goal_y),
        fill=p.muted, dash=(4, 4), width=1,
    )  # fmt: skip
    pen.text(right + 10, goal_y, f"{minutes_text(goal)} min", f.small, p.muted, anchor="w")
    track = blend(p.surface, p.muted, 0.18)
    for i, d in enumerate(days):
        cx = left + slot * (i + 0.5)
        future = d.day > st.today.day
        pen.canvas.create_line(
            pen.s(cx - bar_w / 2),
            pen.s(base),
            pen.s(cx + bar_w / 2),
            pen.s(base),
            fill=track,
            width=pen.s(2),
        )
        if d.minutes > 0:
            h = max(4.0, (base - top) * d.minutes / peak)
            color = (
                p.accent
                if d.day == st.today.day or d.minutes >= goal
                else blend(p.surface, p.accent, 0.55)
            )
            pen.bar(cx - bar_w / 2, base - h, cx + bar_w / 2, base, color)
            pen.text(cx, base - h - 4, minutes_text(d.minutes), f.small, p.text, anchor="s")
        label_color = p.text if d.day == st.today.day else p.muted
        label_font = f.heading if d.day == st.today.day else f.small
        pen.text(
            cx,
            base + 8,
            f"{d.day:%a}",
            label_font,
            label_color if not future else blend(p.surface, p.muted, 0.6),
            anchor="n",
        )
    if not any(d.breaks for d in days):
        pen.text(
            (left + right) / 2,
            (goal_y + base) / 2 - 6,
            "No breaks yet this week.\nYour first one will show here.",
            f.body,
            p.muted,
            anchor="center",
            justify="center",
        )
