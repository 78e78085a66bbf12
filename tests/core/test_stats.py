"""Stats on a fixed fixture whose figures were worked out by hand.

The fixture lives in Europe/Berlin and spans a year end (weeks from Mon 2025-12-15 to
Sat 2026-01-03) and the spring DST change (Sun 2026-03-29, 02:00 → 03:00). "Today" is
Tue 2026-03-31.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from deskbreak.core import log_summary, stats
from deskbreak.core.movements import Region
from deskbreak.core.records import (
    Comfort,
    DaySitting,
    MovementRecord,
    Outcome,
    SessionRecord,
    Trigger,
)

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 3, 31)
REGIONS = {
    "cat-cow": (Region.MID_BACK,),
    "hip-hinge": ("hips", "glutes"),
    "bird-dog": ("core", "mid-back"),
}


def session(
    when: datetime, movements: tuple[MovementRecord, ...], comfort: Comfort | None = None
) -> SessionRecord:
    return SessionRecord(
        id=str(uuid.uuid4()),
        started=when,
        ended=when + timedelta(minutes=5),
        routine_id="quick-reset",
        trigger=Trigger.PROMPT,
        outcome=Outcome.COMPLETED,
        movements=movements,
        comfort=comfort,
    )


def cat_cow(when: datetime, comfort: Comfort | None = None) -> SessionRecord:
    return session(when, (MovementRecord("cat-cow", "base", True, 120.0),), comfort)


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=BERLIN)


def fixture_sessions() -> list[SessionRecord]:
    days = [date(2025, 12, 15) + timedelta(days=i) for i in range(5)]  # Mon–Fri
    days += [date(2025, 12, 22) + timedelta(days=i) for i in range(13)]  # to Sat 01-03
    days += [date(2026, 3, 16) + timedelta(days=i) for i in range(5)]  # Mon–Fri
    out = [cat_cow(at(d.year, d.month, d.day)) for d in days]
    ratings = (2, 2, 2, 1, 1)
    out += [cat_cow(at(2026, 3, 23 + i), Comfort(r)) for i, r in enumerate(ratings)]
    out += [
        cat_cow(at(2026, 3, 28, 23, 30), Comfort.FELT_GOOD),  # 22:30 UTC
        cat_cow(at(2026, 3, 29, 0, 30)),  # still 23:30 UTC on the 28th
        cat_cow(at(2026, 3, 29, 3, 30)),  # just after the clocks went forward
        cat_cow(at(2026, 3, 30, 9, 0)),
        session(
            at(2026, 3, 31, 8, 0),
            (
                MovementRecord("cat-cow", "base", True, 120.0),
                MovementRecord("hip-hinge", "easier", True, 90.0),
                MovementRecord("bird-dog", "base", False, 30.0),
            ),
        ),
    ]
    return out


SITTINGS = [
    DaySitting(date(2026, 3, 30), 20000, 3600, 3, 4, 2, 1, 1),
    DaySitting(TODAY, 18000, 2700, 1, 2, 1, 1, 0),
]


@pytest.fixture
def figures() -> stats.Stats:
    summary = log_summary.summarize(fixture_sessions(), SITTINGS)
    return stats.compute(summary, today=TODAY, weekly_goal_days=5, regions=REGIONS)


def test_today(figures: stats.Stats) -> None:
    t = figures.today
    assert (t.day, t.breaks) == (TODAY, 1)
    assert t.minutes_moving == pytest.approx(4.0)  # 120 + 90 + 30 s, the skipped part too
    assert t.longest_sitting_minutes == pytest.approx(45.0)
    assert t.sitting_minutes == pytest.approx(300.0)


def test_this_week_starts_monday(figures: stats.Stats) -> None:
    w = figures.week
    assert w.monday == date(2026, 3, 30)
    assert [d.day.weekday() for d in w.days] == list(range(7))
    assert [d.breaks for d in w.days] == [1, 1, 0, 0, 0, 0, 0]
    assert [d.minutes for d in w.days] == pytest.approx([2.0, 4.0, 0, 0, 0, 0, 0])
    assert (w.active_days, w.goal_days, w.goal_met) == (2, 5, False)


def test_dst_day_keeps_its_local_date(figures: stats.Stats) -> None:
    by_day = {d.day: d for d in figures.heat}
    assert by_day[date(2026, 3, 28)].breaks == 1
    assert by_day[date(2026, 3, 29)].breaks == 2


def test_day_streak_current_and_best_across_year_end(figures: stats.Stats) -> None:
    # Current: Mon 03-23 … Tue 03-31 = 9 days. Best: Mon 12-22 … Sat 01-03 = 13 days.
    assert figures.day_streak == stats.Streak(current=9, best=13)


def test_week_streak_across_year_end(figures: stats.Stats) -> None:
    # Weeks of 12-15, 12-22 and 12-29 (ISO week 1 of 2026) meet the goal: best 3.
    # Weeks of 03-16 and 03-23 meet it; this week (2 days so far) does not break it.
    assert figures.week_streak == stats.Streak(current=2, best=3)


def test_a_missed_week_ends_the_current_streak() -> None:
    summary = log_summary.summarize(fixture_sessions(), SITTINGS)
    later = stats.compute(summary, today=date(2026, 4, 14), weekly_goal_days=5)
    assert later.week_streak == stats.Streak(current=0, best=3)
    assert later.day_streak == stats.Streak(current=0, best=13)


def test_today_without_a_break_keeps_yesterdays_day_streak() -> None:
    summary = log_summary.summarize(fixture_sessions(), SITTINGS)
    assert (
        stats.compute(summary, today=date(2026, 4, 1), weekly_goal_days=5).day_streak.current == 9
    )


def test_heat_strip_is_twelve_whole_weeks(figures: stats.Stats) -> None:
    assert len(figures.heat) == 84
    assert figures.heat[0].day == date(2026, 1, 12)
    assert figures.heat[-1].day == date(2026, 4, 5)
    assert sum(d.breaks for d in figures.heat) == 15


def test_region_totals(figures: stats.Stats) -> None:
    # 33 cat-cow × 2 min = 66, plus bird-dog 0.5 → mid-back 66.5.
    got = {r.region: r.minutes for r in figures.regions}
    assert got == pytest.approx(
        {Region.HIPS: 1.5, Region.MID_BACK: 66.5, Region.GLUTES: 1.5, Region.CORE: 0.5}
    )
    assert [r.region for r in figures.regions] == [
        Region.HIPS,
        Region.MID_BACK,
        Region.GLUTES,
        Region.CORE,
    ]


def test_totals_and_prompts(figures: stats.Stats) -> None:
    assert figures.total_breaks == 33
    assert figures.total_minutes == pytest.approx(68.0)
    assert figures.prompts == log_summary.Prompts(shown=6, accepted=3, snoozed=2, skipped=1)


def test_comfort_trend(figures: stats.Stats) -> None:
    (trend,) = figures.comfort
    assert trend.movement_id == "cat-cow"
    assert trend.ratings == 6
    assert trend.recent == pytest.approx(1.0)
    assert trend.earlier == pytest.approx(2.0)
    assert trend.direction == "easier"


def test_comfort_trend_directions() -> None:
    def rated(values: list[int]) -> list[log_summary.ComfortRating]:
        return [log_summary.ComfortRating("m", TODAY, Comfort(v)) for v in values]

    assert stats.comfort_trends(rated([1, 1, 1, 2, 3, 2]))[0].direction == "harder"
    assert stats.comfort_trends(rated([2, 1, 2, 2, 1, 2]))[0].direction == "same"
    assert stats.comfort_trends(rated([1, 2]))[0].direction == "new"


def test_empty_log() -> None:
    figures = stats.compute(log_summary.LogSummary(), today=TODAY, weekly_goal_days=5)
    assert figures.today.breaks == 0
    assert figures.week.active_days == 0
    assert figures.day_streak == figures.week_streak == stats.Streak(0, 0)
    assert figures.regions == figures.comfort == ()
    assert figures.total_breaks == 0


def test_ritual_days_are_counted_on_their_own() -> None:
    from datetime import datetime, timedelta

    from deskbreak.core.records import MovementRecord, Outcome, SessionRecord, Trigger

    def session(day: int, routine: str, trigger: Trigger, outcome: Outcome) -> SessionRecord:
        started = datetime(2026, 3, 2 + day, 9, 30)
        done = outcome is Outcome.COMPLETED
        return SessionRecord(
            f"{day}-{routine}-{trigger}",
            started,
            started + timedelta(minutes=14),
            routine,
            trigger,
            outcome,
            movements=(MovementRecord("belly-breathing", "base", done, 60.0),),
        )

    log = [
        session(0, "daily-ritual", Trigger.RITUAL, Outcome.COMPLETED),
        session(1, "daily-ritual", Trigger.COMMAND, Outcome.COMPLETED),
        session(2, "daily-ritual", Trigger.RITUAL, Outcome.STOPPED),  # not done
        session(2, "quick-reset", Trigger.PROMPT, Outcome.COMPLETED),
    ]
    figures = stats.compute(log_summary.summarize(log), today=date(2026, 3, 5), weekly_goal_days=5)
    assert figures.week.active_days == 3
    assert (figures.week.ritual_days, figures.week.ritual_goal) == (2, 5)


def test_a_day_counts_toward_the_goal_only_with_a_completed_movement() -> None:
    skipped_through = session(
        at(2026, 3, 30), tuple(MovementRecord(m, "base", False, 5.0) for m in REGIONS)
    )
    figures = stats.compute(
        log_summary.summarize([skipped_through, cat_cow(at(2026, 3, 31))]),
        today=TODAY,
        weekly_goal_days=5,
    )
    assert figures.week.active_days == 1  # Tuesday; Monday's 0-of-3 break does not count
    assert figures.today.breaks == 1 and figures.total_breaks == 2
    assert figures.day_streak.current == 1
