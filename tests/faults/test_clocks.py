"""Clock faults through the real BreakEngine: the system clock set forward and back, and a month
of snoozes and breaks whose memory stays flat and whose prompts follow the policy exactly."""

from __future__ import annotations

import gc
import logging
import tracemalloc
from collections import Counter, deque
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from deskbreak.core.clock import FakeClock, SystemClock
from deskbreak.core.policy import State
from deskbreak.core.policy_events import PromptShown
from deskbreak.core.records import Trigger
from deskbreak.core.settings import Settings
from deskbreak.core.sitting import EndReason, SpellEnded
from deskbreak.engine import local_time
from deskbreak.engine.break_engine import (
    MAX_SAMPLE_SECONDS,
    MIN_SLEEP_SECONDS,
    BreakEngine,
)

BERLIN = ZoneInfo("Europe/Berlin")
LIMIT = Settings().breaks.sit_limit_minutes * 60.0
SAMPLE = MAX_SAMPLE_SECONDS


class Typist:
    """Types through given stretches of monotonic time; keeps only the last few, so a
    month-long run holds no growing script (the memory measured is the daemon's)."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.stretches: deque[tuple[float, float]] = deque(maxlen=3)
        self.name = "typist"

    def type_for(self, seconds: float) -> None:
        start = self.clock.monotonic()
        self.stretches.append((start, start + seconds))

    def stop(self) -> float:
        """Hands off the keyboard now (a break begins); returns when typing was to end."""
        start, end = self.stretches[-1]
        now = self.clock.monotonic()
        if start <= now < end:
            self.stretches[-1] = (start, now)
        return end

    def idle_seconds(self) -> float:
        now = self.clock.monotonic()
        for start, end in reversed(self.stretches):
            if start <= now:
                return 0.0 if now < end else now - end
        return 1e6

    def close(self) -> None:
        pass


class Tally:
    """Counts the daemon's events without keeping them (a list would grow for a month)."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.kinds: Counter[str] = Counter()
        self.prompts_today: list[tuple[time, float]] = []
        self.last_ended: SpellEnded | None = None

    def __call__(self, event: object) -> None:
        self.kinds[type(event).__name__] += 1
        if isinstance(event, SpellEnded) and event.reason is EndReason.STOPPED:
            self.kinds["WorkEnded"] += 1  # a spell ended because work hours did
        if isinstance(event, SpellEnded):
            self.last_ended = event
        if isinstance(event, PromptShown):
            self.prompts_today.append((self.clock.now().time(), event.spell_seconds))


def wall(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


def until(clock: FakeClock, end: datetime) -> float:
    return (end.astimezone(UTC) - clock.now().astimezone(UTC)).total_seconds()


class Desk:
    """The daemon, a typist and a driver that answers prompts by a fixed habit."""

    def __init__(self, start: datetime, snoozes_before_break: int = 0) -> None:
        self.clock = FakeClock(start, tz=BERLIN)
        self.typist = Typist(self.clock)
        self.tally = Tally(self.clock)
        self.daemon = BreakEngine(self.clock, self.typist, None, Settings(), self.tally)
        self.snoozes_before_break = snoozes_before_break
        self.snoozed = 0
        self.wakes = 0
        self.shortest_sleep = float("inf")
        self.typed = 0.0  # monotonic seconds of typing inside work periods

    def wake(self) -> float:
        sleep = self.daemon.wake()
        self.wakes += 1
        self.shortest_sleep = min(self.shortest_sleep, sleep)
        return sleep

    def away_until(self, end: datetime) -> None:
        while (left := until(self.clock, end)) > 0:
            self.clock.advance(min(self.wake(), left))

    def work_until(self, end: datetime) -> None:
        """Type without pause until ``end`` on the wall, answering each prompt by habit."""
        self.typist.type_for(until(self.clock, end))
        while (left := until(self.clock, end)) > 0:
            prompts = self.tally.kinds["PromptShown"]
            sleep = self.wake()
            if self.tally.kinds["PromptShown"] > prompts:
                self._answer()
                sleep = self.daemon.seconds_until_due()
            step = min(sleep, left)
            self.clock.advance(step)
            self.typed += step

    def _answer(self) -> None:
        assert self.daemon.status().state is State.PROMPTED
        if self.snoozed < self.snoozes_before_break:
            assert self.daemon.snooze()
            self.snoozed += 1
            return
        self.snoozed = 0
        assert self.daemon.take_break(Trigger.PROMPT)
        planned_end = self.typist.stop()
        self.clock.advance(300)  # five minutes of movement, no typing
        assert self.daemon.break_finished(completed=True)
        self.typist.type_for(max(planned_end - self.clock.monotonic(), 0.0))


# -- the system clock set forward 3 h and back 1 h -------------------------------------------


def test_clock_set_forward_3h_then_back_1h_adds_no_sitting_and_repeats_no_job() -> None:
    monday = date(2026, 3, 2)
    desk = Desk(wall(monday, 7, 0))
    desk.away_until(wall(monday, 9, 0))
    desk.typist.type_for(12 * 3600)  # types all day, whatever the wall clock says
    desk.tally.prompts_today.clear()

    # 20 minutes of work, then the system clock is set 3 h ahead (09:20 → 12:20).
    _run_mono(desk, 20 * 60)
    desk.clock.jump_wall(3 * 3600)
    _run_mono(desk, SAMPLE)
    # The jump ends the spell as a suspend would (the clocks cannot tell them apart)...
    ended = desk.tally.last_ended
    assert ended is not None and ended.reason is EndReason.NATURAL
    assert 20 * 60 - SAMPLE <= ended.seconds <= 20 * 60
    # ...and adds nothing: the prompt comes after 50 real minutes of the new spell.
    _run_mono(desk, 60 * 60 - SAMPLE)  # an hour of real time: 12:20 → 13:20 on the wall
    [(prompted_at, spell)] = desk.tally.prompts_today
    assert LIMIT <= spell < LIMIT + SAMPLE
    assert time(13, 10) <= prompted_at <= time(13, 10, 30)
    assert desk.daemon.skip()
    skipped = desk.tally.last_ended
    assert skipped is not None and skipped.reason is EndReason.SKIPPED
    sitting = desk.daemon.status().today.sitting_seconds
    assert sitting <= 80 * 60, "the 3 hours the clock skipped are not sitting"
    assert sitting >= 80 * 60 - 2 * SAMPLE

    # Then set back an hour (13:20 → 12:20): the hour is lived again on the wall, but counts once.
    desk.tally.prompts_today.clear()
    desk.clock.jump_wall(-3600)
    _run_mono(desk, 60 * 60)  # 12:20 → 13:20 again
    [(prompted_at, spell)] = desk.tally.prompts_today
    assert LIMIT <= spell < LIMIT + SAMPLE, "the backward jump neither ended nor shortened it"
    assert desk.tally.last_ended is skipped, "no spell ended at the backward jump"
    after = desk.daemon.status().today.sitting_seconds
    assert sitting + 60 * 60 - 2 * SAMPLE <= after <= sitting + 60 * 60

    desk.daemon.skip()
    desk.typist.stop()
    desk.away_until(wall(monday + timedelta(days=1), 7, 0))
    kinds = desk.tally.kinds
    assert kinds["RitualDue"] == 1, "the ritual ran once, before the jumps"
    assert kinds["DayClosed"] == 0, "no sample on Tuesday yet, and the jumps closed no day"
    assert desk.shortest_sleep >= MIN_SLEEP_SECONDS, "no spinning after a jump"


def test_clock_set_forward_over_the_morning_jobs_runs_each_once_and_catches_the_ritual_up() -> None:
    monday = date(2026, 3, 2)
    desk = Desk(wall(monday, 6, 50))
    desk.away_until(wall(monday, 7, 0))
    desk.clock.jump_wall(3 * 3600)  # 07:00 → 10:00: the 09:00 start and 09:30 ritual skipped
    desk.typist.type_for(3600)
    _run_mono(desk, 3600)
    kinds = desk.tally.kinds
    assert kinds["RitualDue"] == 1, "a missed ritual is offered once, in work hours"
    [(prompted_at, spell)] = desk.tally.prompts_today
    assert time(10, 50) <= prompted_at <= time(10, 50, 30) and spell >= LIMIT


def test_clock_set_back_over_the_end_of_work_does_not_end_the_day_twice() -> None:
    monday = date(2026, 3, 2)
    desk = Desk(wall(monday, 17, 0))
    desk.typist.type_for(3600)
    _run_mono(desk, 40 * 60)  # 17:00 → 17:40, work ended at 17:30
    assert desk.tally.kinds["WorkEnded"] == 1
    desk.clock.jump_wall(-3600)  # 17:40 → 16:40: inside work hours again
    _run_mono(desk, 60 * 60)  # → 17:40 again
    assert desk.tally.kinds["WorkEnded"] == 1, "typing stopped in the repeated hour: no second end"
    assert desk.tally.kinds["DayClosed"] == 0
    assert desk.daemon.status().today.sitting_seconds <= 80 * 60


def _run_mono(desk: Desk, seconds: float) -> None:
    """Let ``seconds`` of real (monotonic) time pass, waking the daemon when it asks."""
    end = desk.clock.monotonic() + seconds
    while (left := end - desk.clock.monotonic()) > 0:
        desk.clock.advance(min(desk.wake(), left))


# -- a month ------------------------------------------------------------------------------


#: Each spell: a prompt at 50 min of sitting, two snoozes of 10 min, then a 5-minute break.
#: After a break, sitting counts from the first idle sample (the app re-arms the daemon for
#: one sample interval when the break window closes), so those spells prompt one sample later.
def _at(hour: int, minute: int, samples: int = 0) -> time:
    moment = datetime(2026, 1, 1, hour, minute) + timedelta(seconds=samples * SAMPLE)
    return moment.time()


SNOOZING_DAY = [
    _at(9, 50), _at(10, 0), _at(10, 10),  # break 10:10–10:15
    _at(11, 5, 1), _at(11, 15, 1), _at(11, 25, 1),  # break → 11:30 + 1 sample; lunch at 12:00
    _at(13, 50), _at(14, 0), _at(14, 10),  # break → 14:15
    _at(15, 5, 1), _at(15, 15, 1), _at(15, 25, 1),  # break → 15:30 + 1 sample
    _at(16, 20, 2), _at(16, 30, 2), _at(16, 40, 2),  # break → 16:45 + 2; the next is past 17:30
]  # fmt: skip


def test_a_month_of_snoozes_keeps_memory_flat_and_prompts_exactly_as_the_policy_says() -> None:
    start = date(2026, 3, 2)  # four weeks from a Monday, over the change to summer time
    desk = Desk(wall(start, 6, 0), snoozes_before_break=2)
    patterns: set[tuple[time, ...]] = set()
    spells: set[tuple[int, ...]] = set()
    workdays = 0
    tracemalloc.start()
    try:
        week_two = 0
        for offset in range(28):
            day = start + timedelta(days=offset)
            desk.tally.prompts_today.clear()
            if day.weekday() < 5:
                workdays += 1
                desk.away_until(wall(day, 9))
                desk.work_until(wall(day, 12))
                desk.away_until(wall(day, 13))
                desk.work_until(wall(day, 17, 30))
                patterns.add(tuple(t for t, _ in desk.tally.prompts_today))
                spells.add(tuple(round(s) for _, s in desk.tally.prompts_today[::3]))
            desk.away_until(wall(day + timedelta(days=1), 6))
            if offset == 13:
                gc.collect()
                week_two, _ = tracemalloc.get_traced_memory()
                tracemalloc.reset_peak()
        gc.collect()
        week_four, peak_late = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert patterns == {tuple(SNOOZING_DAY)}, "every workday the same prompts, to the second"
    assert spells == {(round(LIMIT),) * 5}, "each first prompt at exactly 50 minutes of sitting"
    kinds = desk.tally.kinds
    assert kinds["PromptShown"] == workdays * len(SNOOZING_DAY)
    assert kinds["Snoozed"] == workdays * 10
    assert kinds["BreakStarted"] == workdays * 5
    assert kinds["DayClosed"] == workdays - 1  # a day closes at the next day's first sample
    assert kinds["RitualDue"] == workdays
    # Memory: nothing accumulates between week two and week four.
    assert week_four - week_two < 32_000, f"grew {week_four - week_two} bytes in two weeks"
    assert peak_late - week_two < 256_000, f"peak {peak_late - week_two} bytes above week two"


def test_a_time_zone_that_cannot_be_read_is_logged_and_the_engine_still_runs(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("TZ", "Nowhere/Atlantis")
    with caplog.at_level(logging.WARNING, logger=local_time.__name__):
        engine = BreakEngine(SystemClock(), None, None, Settings(), lambda _event: None)
    assert engine.status().state is State.WATCHING
    [warning] = [r for r in caplog.records if r.name == local_time.__name__]
    assert warning.levelno == logging.WARNING
    assert "TZ='Nowhere/Atlantis'" in warning.getMessage()
    assert "DST" in warning.getMessage()


def test_a_readable_time_zone_is_used_without_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("TZ", ":Europe/Berlin")
    with caplog.at_level(logging.WARNING, logger=local_time.__name__):
        assert local_time.local_zone() == BERLIN
    assert caplog.records == []
