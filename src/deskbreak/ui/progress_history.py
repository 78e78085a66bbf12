"""The progress window's lower half: the last 12 weeks as a heat map, the regions
moved all time, and the footer's figures for today, the prompts and all time."""

from __future__ import annotations

from datetime import date

from deskbreak.core import words
from deskbreak.core.stats import DayMinutes, Stats
from deskbreak.ui.progress_canvas import Pen, blend, minutes_text


def heat_color(pen: Pen, stats: Stats, cell: DayMinutes) -> str:
    p = pen.palette
    empty = blend(p.surface, p.background, 0.75)
    if cell.breaks == 0:
        return empty
    level = min(1.0, cell.minutes / (2 * stats.week.goal_minutes))
    return blend(empty, p.accent, 0.35 + 0.65 * level)


def draw_heat(pen: Pen, stats: Stats, x0: float, y0: float) -> None:
    p, f, st = pen.palette, pen.fonts, stats
    pen.text(x0, y0, "Last 12 weeks", f.heading, p.text)
    cell, gap = 17.0, 3.0
    left, top = x0 + 40, y0 + 56
    for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")):
        pen.text(left - 8, top + row * (cell + gap) + cell / 2, name, f.small, p.muted, anchor="e")
    last_month = None
    for i, day_cell in enumerate(st.heat):
        col, row = divmod(i, 7)
        x, y = left + col * (cell + gap), top + row * (cell + gap)
        if row == 0 and day_cell.day.month != last_month:
            last_month = day_cell.day.month
            pen.text(x, top - 8, f"{day_cell.day:%b}", f.small, p.muted, anchor="sw")
        if day_cell.day > st.today.day:
            pen.canvas.create_rectangle(
                pen.s(x),
                pen.s(y),
                pen.s(x + cell),
                pen.s(y + cell),
                outline=blend(p.surface, p.muted, 0.3),
                fill="",
            )
            continue
        outline = p.text if day_cell.day == st.today.day else ""
        pen.canvas.create_rectangle(
            pen.s(x), pen.s(y), pen.s(x + cell), pen.s(y + cell),
            fill=heat_color(pen, stats, day_cell), outline=outline, width=pen.s(1.5) if outline else 0,
        )  # fmt: skip
    active = sum(1 for c in st.heat if c.breaks)
    pen.text(
        left,
        top + 7 * (cell + gap) + 8,
        f"{words.count(active, 'active day')} of {sum(1 for c in st.heat if c.day <= st.today.day)}",
        f.small,
        p.muted,
    )
    draw_heat_legend(pen, stats, left + 12 * (cell + gap) - gap, top + 7 * (cell + gap) + 8)


def draw_heat_legend(pen: Pen, stats: Stats, right: float, y: float) -> None:
    p, f = pen.palette, pen.fonts
    size, gap = 11.0, 3.0
    goal = stats.week.goal_minutes
    samples = [
        DayMinutes(date.min, n, m)
        for n, m in ((0, 0.0), (1, 0.1), (1, goal * 0.7), (1, goal * 1.4), (1, goal * 2))
    ]
    x = right - len(samples) * (size + gap) + gap
    pen.text(x - 6, y + size / 2 + 1, "less", f.small, p.muted, anchor="e")
    for sample in samples:
        pen.canvas.create_rectangle(
            pen.s(x),
            pen.s(y + 1),
            pen.s(x + size),
            pen.s(y + 1 + size),
            fill=heat_color(pen, stats, sample),
            outline="",
        )
        x += size + gap
    pen.text(x + 3, y + size / 2 + 1, "more", f.small, p.muted, anchor="w")


def draw_regions(pen: Pen, stats: Stats, x0: float, y0: float, x1: float) -> None:
    p, f, st = pen.palette, pen.fonts, stats
    pen.text(x0, y0, "By region, all time", f.heading, p.text)
    if not st.regions:
        pen.text(x0, y0 + 40, "Each region fills in as you move.", f.body, p.muted)
        return
    peak = max(r.minutes for r in st.regions)
    label_w, y = 78.0, y0 + 42
    step = min(34.0, 170 / max(1, len(st.regions)))
    track = blend(p.surface, p.background, 0.75)
    for region in st.regions:
        pen.text(x0, y + 6, region.region.value, f.body, p.text, anchor="w")
        left, right = x0 + label_w, x1 - 58
        pen.canvas.create_rectangle(
            pen.s(left), pen.s(y), pen.s(right), pen.s(y + 12), fill=track, outline=""
        )
        w = max(3.0, (right - left) * region.minutes / peak)
        pen.canvas.create_rectangle(
            pen.s(left), pen.s(y), pen.s(left + w), pen.s(y + 12), fill=p.accent, outline=""
        )
        pen.text(x1, y + 6, f"{minutes_text(region.minutes)} min", f.small, p.muted, anchor="e")
        y += step


def draw_footer(pen: Pen, stats: Stats, left: float, right: float, y: float) -> None:
    """Today's figures and the prompts on the left, all time and what eased on the right."""
    p, f, st = pen.palette, pen.fonts, stats
    t = st.today
    today = f"Today  {words.count(t.breaks, 'break')} · {minutes_text(t.minutes_moving)} min moving"
    if t.longest_sitting_minutes:
        today += f" · longest sitting {minutes_text(t.longest_sitting_minutes)} min"
    pen.text(left, y, today, f.body, p.text)
    pr = st.prompts
    prompts = f"Prompts  {pr.accepted} taken · {pr.snoozed} snoozed · {pr.skipped} skipped"
    pen.text(left, y + 24, prompts, f.small, p.muted)
    total = (
        f"All time  {words.count(st.total_breaks, 'break')} · {minutes_text(st.total_minutes)} min"
    )
    pen.text(right, y, total, f.body, p.text, anchor="ne")
    eased = [c.movement_id for c in st.comfort if c.direction == "easier"]
    if eased:
        note = "Feeling easier: " + ", ".join(eased[:3]) + ("…" if len(eased) > 3 else "")
        pen.text(right, y + 24, note, f.small, p.muted, anchor="ne")
