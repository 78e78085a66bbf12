"""The progress window opens on any log, from nothing to a year, in both themes."""

from __future__ import annotations

import tkinter as tk
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from deskbreak.core import log_summary, stats
from deskbreak.core.records import MovementRecord, Outcome, SessionRecord, Trigger
from deskbreak.ui import theme
from deskbreak.ui.progress_window import ProgressWindow

pytestmark = pytest.mark.gui

TODAY = date(2026, 11, 26)  # a Thursday
REGIONS = {"cat-cow": ("mid-back",), "hip-hinge": ("hips", "glutes")}


def log(days: int) -> stats.Stats:
    sessions = []
    for i in range(days):
        day = TODAY - timedelta(days=i)
        if day.weekday() == 6:
            continue
        t = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
        moves = (
            MovementRecord("cat-cow", "base", True, 90.0 + i % 5 * 30),
            MovementRecord("hip-hinge", "base", True, 60.0),
        )
        sessions.append(
            SessionRecord(
                str(uuid.uuid4()), t, t, "quick-reset", Trigger.PROMPT, Outcome.COMPLETED, moves
            )
        )
    return stats.compute(
        log_summary.summarize(sessions), today=TODAY, weekly_goal_days=5, regions=REGIONS
    )


def texts(window: ProgressWindow) -> str:
    c = window.canvas
    return "\n".join(c.itemcget(i, "text") for i in c.find_all() if c.type(i) == "text")


@pytest.mark.parametrize("dark", [False, True])
def test_opens_with_an_empty_log(root: tk.Tk, dark: bool) -> None:
    window = ProgressWindow(root, log(0), palette=theme.palette(dark))
    root.update()
    assert window.title() == "deskbreak — Progress"
    assert window.winfo_ismapped()
    shown = texts(window)
    assert "No breaks yet this week." in shown
    assert "of 5 days" in shown and "Each region fills in as you move." in shown
    assert window.canvas["background"] == theme.palette(dark).background


def test_opens_with_a_week(root: tk.Tk) -> None:
    window = ProgressWindow(root, log(4))  # Mon–Thu
    root.update()
    shown = texts(window)
    assert "4" in shown.splitlines() and "of 5 days" in shown
    assert "4 days in a row" in shown and "No breaks yet" not in shown
    assert {"hips", "mid-back", "glutes"} <= set(shown.splitlines())
    arcs = [i for i in window.canvas.find_all() if window.canvas.type(i) == "arc"]
    assert float(window.canvas.itemcget(arcs[0], "extent")) == pytest.approx(-359.9 * 4 / 5)


def test_opens_with_a_year_and_redraws(root: tk.Tk) -> None:
    window = ProgressWindow(root, log(365))
    root.update()
    shown = texts(window)
    # 51 whole weeks of six days since Mon 2025-12-01; this week (4 of 5 so far) keeps it.
    assert "51 weeks in a row" in shown and "313 breaks" in shown
    before = len(window.canvas.find_all())
    window.show_stats(log(0))
    assert len(window.canvas.find_all()) < before


def test_escape_closes_and_tells(root: tk.Tk) -> None:
    closed = []
    window = ProgressWindow(root, log(3), on_closed=lambda: closed.append(True))
    root.update()
    window.focus_force()
    window.event_generate("<Escape>")
    root.update()
    assert closed == [True]
    assert not window.winfo_exists()


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("area", [(1366, 738), (1280, 770)], ids=["1366x768", "1280x800"])
def test_it_fits_the_work_area_at_1x_and_2x(
    root: tk.Tk, scaled_screen, scale: float, area: tuple[int, int]
) -> None:
    from deskbreak.ui import screen

    scaled_screen(root, scale, area)
    window = ProgressWindow(root, log(4))
    root.update()
    inner = screen.client_area(root)
    assert window.winfo_width() <= inner.width
    assert window.winfo_height() <= inner.height
    canvas = window.canvas
    x0, y0, x1, y1 = canvas.bbox("all")
    assert x1 <= canvas.winfo_width() + 1 and y1 <= canvas.winfo_height() + 1, "drawing cut off"
