"""The ritual reminder: on time, a missed one caught up once, snoozes, the habit anchor."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from deskbreak.core.ritual import RitualReminder, reminder_text

DAY = date(2026, 3, 2)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute))


def test_on_time_once_a_day_on_workdays() -> None:
    reminder = RitualReminder(time(9, 30))
    assert reminder.on_time(at(9, 30), workday=True)
    assert not reminder.on_time(at(9, 31), workday=True)
    assert not reminder.due(at(10, 0), workday=True, in_work_hours=True)  # already shown
    other = RitualReminder(time(9, 30))
    assert not other.on_time(at(9, 30), workday=False)


def test_a_missed_reminder_is_offered_once_later_that_day_in_work_hours() -> None:
    reminder = RitualReminder(time(9, 30))
    assert not reminder.due(at(9, 0), workday=True, in_work_hours=True)  # not yet
    assert not reminder.due(at(20, 0), workday=True, in_work_hours=False)  # not at night
    assert reminder.due(at(11, 5), workday=True, in_work_hours=True)  # the app started late
    assert not reminder.due(at(11, 6), workday=True, in_work_hours=True)  # once
    assert reminder.due(at(9, 45, DAY + timedelta(days=1)), workday=True, in_work_hours=True)


def test_it_can_be_snoozed_a_few_times() -> None:
    reminder = RitualReminder(time(9, 30), max_snoozes=2)
    assert reminder.on_time(at(9, 30), workday=True)
    assert reminder.snooze(at(9, 31), 10)
    assert reminder.next_check(at(9, 31)) == at(9, 41)
    assert not reminder.due(at(9, 40), workday=True, in_work_hours=True)
    assert reminder.due(at(9, 41), workday=True, in_work_hours=True)
    assert reminder.snooze(at(9, 42), 10)
    assert not reminder.snooze(at(9, 53), 10)  # used up for today
    reminder.done(DAY)
    assert not reminder.due(at(10, 0), workday=True, in_work_hours=True)


def test_the_reminder_names_the_habit() -> None:
    text = reminder_text(14, "Daily ritual", "after my morning coffee")
    assert text.startswith("After my morning coffee: your 14-minute daily ritual")
    assert reminder_text(14, "Daily ritual", "").startswith("Your 14-minute")
