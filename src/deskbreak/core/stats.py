"""Progress figures from the log: pure functions over an already-aggregated :class:`LogSummary`.

What the log holds, grouped, lives in :mod:`deskbreak.core.log_summary`; this module turns it
into today's, this week's and the streaks' figures. Everything works in local calendar dates
(a session's day is the date of its local start), so year ends and DST changes need no
special cases. Weeks start on Monday.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from deskbreak.core.log_summary import (
    ComfortRating,
    DayActivity,
    LogSummary,
    Prompts,
    prompt_totals,
)
from deskbreak.core.movements import Region
from deskbreak.core.records import DaySitting

HEAT_WEEKS = 12
# Where a day's bar reaches the line: one quick reset is about five minutes of moving.
DAILY_GOAL_MINUTES = 5.0
# The daily ritual is counted on its own: its 10–15 minute dose, 5 days a week.
RITUAL_GOAL_DAYS = 5
# A movement's comfort trend compares its last few ratings with the few before them.
TREND_WINDOW = 3


@dataclass(frozen=True)
class DayMinutes:
    day: date
    breaks: int
    minutes: float
    moved: bool = False  # counts toward the weekly goal


@dataclass(frozen=True)
class Today:
    day: date
    breaks: int
    minutes_moving: float
    longest_sitting_minutes: float
    sitting_minutes: float


@dataclass(frozen=True)
class Week:
    monday: date
    days: tuple[DayMinutes, ...]  # Monday … Sunday
    active_days: int
    goal_days: int
    goal_minutes: float
    ritual_days: int = 0  # days this week with a completed daily ritual
    ritual_goal: int = RITUAL_GOAL_DAYS

    @property
    def goal_met(self) -> bool:
        return self.active_days >= self.goal_days


@dataclass(frozen=True)
class Streak:
    """``current`` counts back from now; the unfinished day or week never breaks it."""

    current: int
    best: int


@dataclass(frozen=True)
class RegionTotal:
    region: Region
    minutes: float


@dataclass(frozen=True)
class ComfortTrend:
    movement_id: str
    ratings: int
    recent: float  # mean of the last TREND_WINDOW ratings; 1 = felt good … 3 = sharp pain
    earlier: float | None  # mean of the TREND_WINDOW before those, if there were any
    direction: str  # "easier" | "same" | "harder" | "new"


@dataclass(frozen=True)
class Stats:
    today: Today
    week: Week
    week_streak: Streak  # goal-meeting weeks
    day_streak: Streak  # days with at least one break
    heat: tuple[DayMinutes, ...]  # HEAT_WEEKS whole weeks, Monday first, ending this Sunday
    regions: tuple[RegionTotal, ...]
    prompts: Prompts
    comfort: tuple[ComfortTrend, ...]
    total_breaks: int
    total_minutes: float


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def compute(
    summary: LogSummary,
    *,
    today: date,
    weekly_goal_days: int,
    regions: Mapping[str, Sequence[Region | str]] | None = None,
    goal_minutes: float = DAILY_GOAL_MINUTES,
) -> Stats:
    """All the figures for ``today``; ``regions`` maps movement id → its target regions."""
    by_day = {d.day: d for d in summary.days}
    sitting = {d.day: d for d in summary.sittings}.get(today, DaySitting(today))
    t = by_day.get(today, DayActivity(today, 0, 0.0))
    monday = monday_of(today)
    week_days = tuple(_minutes(by_day, monday + timedelta(days=i)) for i in range(7))
    heat_start = monday - timedelta(weeks=HEAT_WEEKS - 1)
    return Stats(
        today=Today(
            day=today,
            breaks=t.breaks,
            minutes_moving=t.seconds_moving / 60,
            longest_sitting_minutes=sitting.longest_spell_seconds / 60,
            sitting_minutes=sitting.sitting_seconds / 60,
        ),
        week=Week(
            monday=monday,
            days=week_days,
            active_days=sum(1 for d in week_days if d.moved),
            goal_days=weekly_goal_days,
            goal_minutes=goal_minutes,
            ritual_days=sum(1 for d in set(summary.ritual_days) if monday <= d <= today),
        ),
        week_streak=week_streak(by_day, today, weekly_goal_days),
        day_streak=day_streak(by_day, today),
        heat=tuple(_minutes(by_day, heat_start + timedelta(days=i)) for i in range(HEAT_WEEKS * 7)),
        regions=region_totals(summary.movement_seconds or {}, regions or {}),
        prompts=summary.prompts or prompt_totals(summary.sittings),
        comfort=comfort_trends(summary.ratings),
        total_breaks=sum(d.breaks for d in summary.days),
        total_minutes=sum(d.seconds_moving for d in summary.days) / 60,
    )


def _minutes(by_day: Mapping[date, DayActivity], day: date) -> DayMinutes:
    found = by_day.get(day)
    return (
        DayMinutes(day, found.breaks, found.seconds_moving / 60, found.moved)
        if found
        else DayMinutes(day, 0, 0.0)
    )


def _runs(keys: Iterable[int]) -> tuple[int, int, int]:
    """Longest run of consecutive integers, and the last run as (length, last key)."""
    best = length = 0
    last = None
    for key in sorted(set(keys)):
        length = length + 1 if last is not None and key == last + 1 else 1
        best = max(best, length)
        last = key
    return best, length, (last if last is not None else -(10**9))


def day_streak(by_day: Mapping[date, DayActivity], today: date) -> Streak:
    """Days in a row with a break; today without one yet keeps yesterday's streak alive."""
    active = [d.toordinal() for d, a in by_day.items() if a.moved and d <= today]
    best, last_run, last = _runs(active)
    current = last_run if last >= today.toordinal() - 1 else 0
    return Streak(current, best)


def _week_index(ordinal: int) -> int:
    """Consecutive numbers for consecutive Monday-start weeks (day 1 of year 1 was a Monday)."""
    return (ordinal - 1) // 7


def week_streak(by_day: Mapping[date, DayActivity], today: date, goal_days: int) -> Streak:
    """Weeks in a row meeting the goal; this week counts once met, and never breaks it."""
    days_per_week: dict[int, int] = defaultdict(int)
    last_day = today.toordinal()
    for d, a in by_day.items():
        ordinal = d.toordinal()
        if a.breaks > 0 and a.moved and ordinal <= last_day:
            days_per_week[_week_index(ordinal)] += 1
    met = [w for w, n in days_per_week.items() if n >= max(goal_days, 1)]
    best, last_run, last = _runs(met)
    current = last_run if last >= _week_index(last_day) - 1 else 0
    return Streak(current, best)


def region_totals(
    movement_seconds: Mapping[str, float], regions: Mapping[str, Sequence[Region | str]]
) -> tuple[RegionTotal, ...]:
    """Minutes per target region; a movement counts fully for each region it trains."""
    totals: dict[Region, float] = {}
    for movement_id, seconds in movement_seconds.items():
        for name in regions.get(movement_id, ()):
            try:
                region = Region(name)
            except ValueError:
                continue
            totals[region] = totals.get(region, 0.0) + seconds / 60
    return tuple(RegionTotal(r, totals[r]) for r in Region if r in totals)


def comfort_trends(ratings: Iterable[ComfortRating]) -> tuple[ComfortTrend, ...]:
    """Per movement: are its last ratings gentler (lower) than the ones before?"""
    by_movement: dict[str, list[int]] = defaultdict(list)
    for r in ratings:
        by_movement[r.movement_id].append(int(r.comfort))
    out = []
    for movement_id in sorted(by_movement):
        values = by_movement[movement_id]
        recent = values[-TREND_WINDOW:]
        before = values[-2 * TREND_WINDOW : -TREND_WINDOW]
        recent_mean = sum(recent) / len(recent)
        earlier = sum(before) / len(before) if before else None
        if earlier is None:
            direction = "new"
        elif recent_mean < earlier - 0.25:
            direction = "easier"
        elif recent_mean > earlier + 0.25:
            direction = "harder"
        else:
            direction = "same"
        out.append(ComfortTrend(movement_id, len(values), recent_mean, earlier, direction))
    return tuple(out)
