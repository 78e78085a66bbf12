"""Whole simulated days through the real BreakEngine, with a FakeClock and a scripted idle source."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from deskbreak.core.clock import FakeClock
from deskbreak.core.policy import State
from deskbreak.core.policy_events import PromptShown
from deskbreak.core.records import Trigger
from deskbreak.core.settings import (
    WEEKDAYS,
    BreakSettings,
    RitualSettings,
    ScheduleSettings,
    Settings,
)
from deskbreak.core.sitting import EndReason, SpellEnded
from deskbreak.engine.break_engine import MAX_SAMPLE_SECONDS, BreakEngine
from deskbreak.engine.events import DayClosed, RitualDue
from tests.core.activity import Recorder, ScriptedIdle, run_until, seconds_until

BERLIN = ZoneInfo("Europe/Berlin")

#: One idle sample: how late the engine may see input start or stop.
SAMPLE = MAX_SAMPLE_SECONDS


class Office:
    """A daemon, its clock, a scripted user and everything it emitted."""

    def __init__(self, start: datetime, settings: Settings | None = None) -> None:
        self.clock = FakeClock(start, tz=BERLIN)
        self.idle = ScriptedIdle(self.clock)
        self.events = Recorder(self.clock)
        early = Settings(ritual=RitualSettings(time=time(8, 0)))  # before the workday
        self.daemon = BreakEngine(self.clock, self.idle, None, settings or early, self.events)

    def wall(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)

    def type_until(self, end: datetime) -> None:
        """The user types without pause from now until ``end`` (wall)."""
        self.idle.type_for(seconds_until(self.clock, end))
        run_until(self.daemon, self.clock, end)

    def away_until(self, end: datetime) -> None:
        run_until(self.daemon, self.clock, end)

    def prompts(self, day: date | None = None) -> list[datetime]:
        return [
            at.astimezone(BERLIN)
            for at, _ in self.events.of(PromptShown)
            if day is None or at.astimezone(BERLIN).date() == day
        ]


def work_with_breaks(office: Office, day: date, periods: list[tuple[int, int, int, int]]) -> None:
    """Type through each (h1, m1, h2, m2) period; take a 5-minute break at each prompt."""
    for h1, m1, h2, m2 in periods:
        office.away_until(office.wall(day, h1, m1))
        end = office.wall(day, h2, m2)
        while seconds_until(office.clock, end) > 0:
            seen = len(office.events.of(PromptShown))
            office.idle.type_for(30.0)
            sleep = office.daemon.wake()
            if len(office.events.of(PromptShown)) > seen:
                assert office.daemon.take_break(Trigger.PROMPT)
                office.clock.advance(300)  # the routine: no typing, no wakes needed
                assert office.daemon.break_finished(completed=True)
                continue
            office.clock.advance(min(sleep, seconds_until(office.clock, end)))


def test_typical_office_day_with_lunch_away() -> None:
    monday = date(2026, 3, 2)
    office = Office(datetime(2026, 3, 2, 7, 0, tzinfo=BERLIN))
    office.away_until(office.wall(monday, 9))
    office.type_until(office.wall(monday, 12, 30))
    office.away_until(office.wall(monday, 13, 15))
    office.type_until(office.wall(monday, 17, 30))
    office.away_until(office.wall(monday, 23, 59))

    kinds = [type(e).__name__ for _, e in office.events.events]
    assert kinds.index("RitualDue") < kinds.index("PromptShown"), "the ritual comes before work"
    # Nobody answered: one prompt per spell at 50 minutes, the repeat comes only from the shell.
    assert office.prompts() == [office.wall(monday, 9, 50), office.wall(monday, 14, 5)]
    ended = [e for _, e in office.events.of(SpellEnded)]
    assert [e.reason for e in ended] == [EndReason.NATURAL, EndReason.STOPPED]
    assert ended[0].ended == office.wall(monday, 12, 30)
    assert ended[0].seconds == 3.5 * 3600
    today = office.daemon.status().today
    assert today.day == monday
    assert today.natural_breaks == 1
    assert today.prompts_shown == 2
    # 3 h 30 + 4 h 15, less at most one sample for the return from lunch.
    assert 7.75 * 3600 - SAMPLE <= today.sitting_seconds <= 7.75 * 3600


def test_night_shift_counts_for_the_day_it_started() -> None:
    settings = Settings(schedule=ScheduleSettings(start=time(22, 0), end=time(6, 0)))
    office = Office(datetime(2026, 3, 2, 20, 0, tzinfo=BERLIN), settings)
    monday, tuesday = date(2026, 3, 2), date(2026, 3, 3)
    office.away_until(office.wall(monday, 22))
    office.type_until(office.wall(tuesday, 6))
    office.away_until(office.wall(tuesday, 21, 0))
    assert office.prompts() == [office.wall(monday, 22, 50)]
    assert office.daemon.status().today.day == monday  # no sample since 06:00
    office.idle.type_for(60)
    office.away_until(office.wall(tuesday, 22, 1))
    [(_, closed)] = office.events.of(DayClosed)
    assert closed.figures.day == monday  # type: ignore[attr-defined]
    assert 8 * 3600 - SAMPLE <= closed.figures.sitting_seconds <= 8 * 3600  # type: ignore[attr-defined]


def test_dst_days_in_berlin_are_an_hour_shorter_and_longer() -> None:
    every_night = ScheduleSettings(workdays=WEEKDAYS, start=time(22, 0), end=time(6, 0))
    for saturday, hours in ((date(2026, 3, 28), 7), (date(2026, 10, 24), 9)):
        office = Office(datetime.combine(saturday, time(21, 0), tzinfo=BERLIN))
        office.daemon.apply_settings(
            Settings(schedule=every_night, ritual=RitualSettings(time=time(8, 0)))
        )
        office.away_until(office.wall(saturday, 22))
        office.type_until(office.wall(saturday + timedelta(days=1), 6))
        office.away_until(office.wall(saturday + timedelta(days=1), 9))
        [(_, ended)] = office.events.of(SpellEnded)
        assert ended.reason is EndReason.STOPPED  # type: ignore[attr-defined]
        assert hours * 3600 - SAMPLE <= ended.seconds <= hours * 3600, saturday  # type: ignore[attr-defined]
        # The ritual still comes at 08:00 on the wall, the morning after the change.
        sunday = saturday + timedelta(days=1)
        [(ritual_at, _)] = [
            (at, e)
            for at, e in office.events.of(RitualDue)
            if at.astimezone(BERLIN).date() == sunday
        ]
        assert ritual_at.astimezone(BERLIN).time() == time(8, 0)
        assert ritual_at.astimezone(BERLIN).date() == saturday + timedelta(days=1)


def test_laptop_suspended_over_lunch() -> None:
    monday = date(2026, 3, 2)
    office = Office(datetime(2026, 3, 2, 8, 59, tzinfo=BERLIN))
    office.away_until(office.wall(monday, 9))
    office.type_until(office.wall(monday, 11, 45))
    office.clock.suspend(3600 + 15 * 60)  # lid closed 11:45, opened 13:00; no wakes meanwhile
    office.type_until(office.wall(monday, 13, 30))
    ended = [e for _, e in office.events.of(SpellEnded)]
    assert [e.reason for e in ended] == [EndReason.NATURAL]
    # The spell ended at the last input seen before the lid closed (samples are 30 s apart).
    assert 2.75 * 3600 - SAMPLE <= ended[0].seconds <= 2.75 * 3600
    status = office.daemon.status()
    assert 30 * 60 - SAMPLE <= status.spell_seconds <= 30 * 60
    assert status.today.sitting_seconds <= 3.25 * 3600


def test_three_snoozes_in_a_row_then_no_more() -> None:
    settings = Settings(breaks=BreakSettings(max_snoozes=3))
    monday = date(2026, 3, 2)
    office = Office(datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN), settings)
    office.idle.type_for(8 * 3600)
    snoozes = 0
    while seconds_until(office.clock, office.wall(monday, 10, 21)) > 0:
        office.daemon.wake()
        if office.daemon.status().state is State.PROMPTED:
            if office.daemon.status().can_snooze:
                assert office.daemon.snooze()
                snoozes += 1
            else:
                assert not office.daemon.snooze()  # refused: not offered any more
                assert office.daemon.skip()
        office.clock.advance(office.daemon.seconds_until_due())
    assert snoozes == 3
    times = office.prompts()
    assert times[:4] == [
        office.wall(monday, h, m) for h, m in ((9, 50), (10, 0), (10, 10), (10, 20))
    ]
    shown = [e for _, e in office.events.of(PromptShown)]
    assert [e.can_snooze for e in shown[:4]] == [True, True, True, False]  # type: ignore[attr-defined]
    assert office.daemon.status().today.prompts_skipped == 1
    assert office.daemon.status().today.prompts_snoozed == 3


def test_pause_until_tomorrow() -> None:
    monday, tuesday = date(2026, 3, 2), date(2026, 3, 3)
    office = Office(datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN))
    office.type_until(office.wall(monday, 9, 30))
    assert office.daemon.pause(None)
    assert office.daemon.status().paused_until == office.wall(tuesday, 9)
    office.type_until(office.wall(monday, 17, 30))
    office.away_until(office.wall(tuesday, 9))
    office.type_until(office.wall(tuesday, 10, 0))
    assert office.prompts() == [office.wall(tuesday, 9, 50)]
    assert office.daemon.status().paused_until is None


def test_a_month_of_workdays_without_drift() -> None:
    """March 2026 in Berlin (with the DST change): the same prompts every workday."""
    office = Office(datetime(2026, 3, 2, 6, 0, tzinfo=BERLIN))
    day = date(2026, 3, 2)
    periods = [(9, 0, 12, 0), (13, 0, 17, 30)]
    workdays = []
    while day < date(2026, 4, 1):
        if day.weekday() < 5:
            workdays.append(day)
            work_with_breaks(office, day, periods)
        day += timedelta(days=1)
        office.away_until(office.wall(day, 6))
    first = [t.time() for t in office.prompts(workdays[0])]
    # Prompt at 50 min, a 5-minute break, the next spell starts at the first input after it.
    assert first == [
        time(9, 50),
        time(10, 45),
        time(11, 40),
        time(13, 50),
        time(14, 45),
        time(15, 40),
        time(16, 35),
    ]
    for workday in workdays:
        assert [t.time() for t in office.prompts(workday)] == first, workday
    assert len(office.prompts()) == len(workdays) * len(first)
    closed = [e.figures for _, e in office.events.of(DayClosed)]  # type: ignore[attr-defined]
    assert [f.prompts_accepted for f in closed if f.day in workdays] == [7] * (len(workdays) - 1)
    # No drift: the monotonic clock advanced exactly as the wall clock did.
    elapsed = (
        office.clock.now().astimezone(UTC) - datetime(2026, 3, 2, 5, 0, tzinfo=UTC)
    ).total_seconds()
    assert office.clock.monotonic() - 1000.0 == elapsed


def test_settings_change_keeps_the_spell() -> None:
    monday = date(2026, 3, 2)
    office = Office(datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN))
    office.type_until(office.wall(monday, 9, 40))
    shorter = replace(Settings(), breaks=BreakSettings(sit_limit_minutes=30))
    office.daemon.apply_settings(shorter)
    office.type_until(office.wall(monday, 9, 41))
    assert office.prompts() == [office.wall(monday, 9, 40)]
