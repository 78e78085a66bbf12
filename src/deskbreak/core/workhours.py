"""When the user works: the ``[schedule]`` settings turned into answers about moments.

Shift times are local wall times. They are placed on the calendar in the timezone of the
moment asked about, so a ``ZoneInfo``-aware ``now`` gives DST-correct answers: on the day the
clocks go forward a 9:00–17:30 day is still 9:00–17:30 on the wall, only 30 minutes shorter
on the monotonic clock when the change falls inside it. All comparisons go through UTC,
because Python compares two datetimes sharing one tzinfo by their wall fields alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from deskbreak.core.settings import WEEKDAYS, ScheduleSettings

# How far ahead to look for the next shift; past this the schedule has no work at all.
_HORIZON_DAYS = 400


@dataclass(frozen=True)
class Shift:
    """One work period: the day it belongs to and its start and end instants (aware)."""

    day: date
    start: datetime
    end: datetime

    def contains(self, moment: datetime) -> bool:
        return _utc(self.start) <= _utc(moment) < _utc(self.end)


class WorkSchedule:
    """Answers "is this work time, and when does that change" for one ScheduleSettings."""

    def __init__(self, settings: ScheduleSettings) -> None:
        self.settings = settings
        self._days_off = frozenset(settings.days_off)
        # Shifts are asked for on every wake; a day's shift never changes, so keep them.
        self._shifts: dict[tuple[date, tzinfo | None], Shift | None] = {}

    def shift_on(self, day: date, tz: tzinfo | None) -> Shift | None:
        """The shift that starts on ``day``, or None on a day off.

        A start equal to the end gives no shift (config validation warns about it).
        """
        key = (day, tz)
        if key not in self._shifts:
            if len(self._shifts) > 64:
                self._shifts.clear()
            self._shifts[key] = self._make_shift(day, tz)
        return self._shifts[key]

    def _make_shift(self, day: date, tz: tzinfo | None) -> Shift | None:
        weekday = WEEKDAYS[day.weekday()]
        if weekday not in self.settings.workdays or day in self._days_off:
            return None
        hours = self.settings.hours_for(weekday)
        if hours.start == hours.end:
            return None
        end_day = day if hours.end > hours.start else day + timedelta(days=1)
        return Shift(day, _local(day, hours.start, tz), _local(end_day, hours.end, tz))

    def current_shift(self, now: datetime) -> Shift | None:
        """The shift containing ``now``; for overlapping shifts, the one that began first."""
        for day in (now.date() - timedelta(days=1), now.date()):
            shift = self.shift_on(day, now.tzinfo)
            if shift is not None and shift.contains(now):
                return shift
        return None

    def is_work_time(self, now: datetime) -> bool:
        return self.current_shift(now) is not None

    def current_workday(self, now: datetime) -> date | None:
        """The day the current shift started (yesterday for the small hours of a night shift)."""
        shift = self.current_shift(now)
        return shift.day if shift else None

    def next_start(self, now: datetime) -> datetime:
        """The next moment a shift starts, strictly after ``now``."""
        for offset in range(_HORIZON_DAYS):
            shift = self.shift_on(now.date() + timedelta(days=offset), now.tzinfo)
            if shift is not None and _utc(shift.start) > _utc(now):
                return shift.start
        return _far_future(now)

    def next_change(self, now: datetime) -> datetime:
        """The next start of work when off, or the end of the work period when working.

        Back-to-back or overlapping shifts are one period: a night shift ending at 06:00 and
        a day shift starting at 06:00 change nothing at 06:00.
        """
        shift = self.current_shift(now)
        if shift is None:
            return self.next_start(now)
        end = shift.end
        for _ in range(_HORIZON_DAYS):
            following = self.current_shift(end)
            if following is None or _utc(following.end) <= _utc(end):
                return end
            end = following.end
        return _far_future(now)


def _local(day: date, wall: time, tz: tzinfo | None) -> datetime:
    """A wall time on a day in ``tz``; a time skipped by DST lands just after the gap."""
    naive = datetime.combine(day, wall)
    if tz is None:
        return naive.astimezone()
    # fold=0 maps a skipped wall time (02:30 on spring-forward day) forward past the gap,
    # and a repeated one (02:30 on fall-back day) to its first occurrence.
    return naive.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _far_future(now: datetime) -> datetime:
    return now + timedelta(days=_HORIZON_DAYS)
