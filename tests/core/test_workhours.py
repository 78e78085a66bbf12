"""The work schedule: weekday windows, overrides, days off, night shifts and DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from deskbreak.core.settings import WEEKDAYS, DayHours, ScheduleSettings
from deskbreak.core.workhours import WorkSchedule

BERLIN = ZoneInfo("Europe/Berlin")


def at(y: int, mo: int, d: int, h: int, mi: int = 0, tz: ZoneInfo = BERLIN) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=tz)


def test_office_day_boundaries() -> None:
    work = WorkSchedule(ScheduleSettings())  # mon-fri 09:00-17:30
    monday = date(2026, 3, 2)
    assert monday.weekday() == 0
    assert not work.is_work_time(at(2026, 3, 2, 8, 59))
    assert work.is_work_time(at(2026, 3, 2, 9, 0))
    assert work.is_work_time(at(2026, 3, 2, 17, 29))
    assert not work.is_work_time(at(2026, 3, 2, 17, 30))
    assert work.next_change(at(2026, 3, 2, 8, 0)) == at(2026, 3, 2, 9, 0)
    assert work.next_change(at(2026, 3, 2, 10, 0)) == at(2026, 3, 2, 17, 30)
    assert work.current_workday(at(2026, 3, 2, 10, 0)) == monday
    assert work.current_workday(at(2026, 3, 2, 18, 0)) is None


def test_weekend_and_friday_evening_point_to_monday() -> None:
    work = WorkSchedule(ScheduleSettings())
    assert not work.is_work_time(at(2026, 3, 7, 11, 0))  # Saturday
    assert work.next_change(at(2026, 3, 6, 18, 0)) == at(2026, 3, 9, 9, 0)
    assert work.next_start(at(2026, 3, 6, 12, 0)) == at(2026, 3, 9, 9, 0)


def test_per_day_override_and_days_off() -> None:
    settings = ScheduleSettings(
        per_day={"fri": DayHours(time(8, 0), time(13, 0))},
        days_off=(date(2026, 3, 4),),  # a Wednesday
    )
    work = WorkSchedule(settings)
    assert work.is_work_time(at(2026, 3, 6, 8, 30))
    assert not work.is_work_time(at(2026, 3, 6, 14, 0))
    assert work.next_change(at(2026, 3, 6, 9, 0)) == at(2026, 3, 6, 13, 0)
    assert not work.is_work_time(at(2026, 3, 4, 11, 0))
    assert work.next_change(at(2026, 3, 3, 18, 0)) == at(2026, 3, 5, 9, 0)


def test_night_shift_belongs_to_the_day_it_started() -> None:
    work = WorkSchedule(ScheduleSettings(start=time(22, 0), end=time(6, 0)))
    # Friday 22:00 to Saturday 06:00 is Friday's shift; Sunday night is not a workday.
    assert work.is_work_time(at(2026, 3, 7, 3, 0))
    assert work.current_workday(at(2026, 3, 7, 3, 0)) == date(2026, 3, 6)
    assert work.next_change(at(2026, 3, 7, 3, 0)) == at(2026, 3, 7, 6, 0)
    assert not work.is_work_time(at(2026, 3, 8, 23, 0))
    assert work.next_change(at(2026, 3, 7, 7, 0)) == at(2026, 3, 9, 22, 0)
    # Monday 03:00 belongs to Sunday's shift, which does not exist.
    assert not work.is_work_time(at(2026, 3, 9, 3, 0))


def test_back_to_back_shifts_are_one_period() -> None:
    settings = ScheduleSettings(
        workdays=WEEKDAYS,
        per_day={
            "mon": DayHours(time(22, 0), time(6, 0)),
            "tue": DayHours(time(6, 0), time(14, 0)),
        },
        start=time(9, 0),
        end=time(10, 0),
    )
    work = WorkSchedule(settings)
    assert work.next_change(at(2026, 3, 2, 23, 0)) == at(2026, 3, 3, 14, 0)
    assert work.current_workday(at(2026, 3, 3, 7, 0)) == date(2026, 3, 3)


def test_spring_forward_day_is_shorter_but_on_the_same_wall_times() -> None:
    everyday = ScheduleSettings(workdays=WEEKDAYS, start=time(1, 0), end=time(5, 0))
    work = WorkSchedule(everyday)
    sunday = at(2026, 3, 29, 1, 30)
    end = work.next_change(sunday)
    assert end.astimezone(BERLIN).hour == 5
    start = datetime(2026, 3, 29, 1, 0, tzinfo=BERLIN)
    assert (end.astimezone(UTC) - start.astimezone(UTC)) == timedelta(hours=3)


def test_fall_back_day_has_a_longer_night_shift() -> None:
    work = WorkSchedule(ScheduleSettings(workdays=WEEKDAYS, start=time(22, 0), end=time(6, 0)))
    saturday_night = at(2026, 10, 24, 23, 0)
    end = work.next_change(saturday_night)
    assert end == at(2026, 10, 25, 6, 0)
    start = at(2026, 10, 24, 22, 0)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=9)
    # 02:30 happens twice; both are inside the shift.
    first = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=0)
    second = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=1)
    assert work.is_work_time(first) and work.is_work_time(second)


def test_start_in_the_skipped_hour_lands_after_the_gap() -> None:
    work = WorkSchedule(ScheduleSettings(workdays=WEEKDAYS, start=time(2, 30), end=time(8, 0)))
    start = work.next_change(at(2026, 3, 29, 0, 0))
    assert start.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST


def test_answers_follow_the_zone_of_now() -> None:
    work = WorkSchedule(ScheduleSettings())
    tokyo = ZoneInfo("Asia/Tokyo")
    moment = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 10:00 in Tokyo, 02:00 in Berlin
    assert work.is_work_time(moment.astimezone(tokyo))
    assert not work.is_work_time(moment.astimezone(BERLIN))


@pytest.mark.parametrize("days", [(), ("sat",)])
def test_a_schedule_with_no_work_never_loops(days: tuple[str, ...]) -> None:
    work = WorkSchedule(ScheduleSettings(workdays=days, start=time(9, 0), end=time(9, 0)))
    now = at(2026, 3, 2, 12, 0)
    assert not work.is_work_time(now)
    assert work.next_change(now) > now
