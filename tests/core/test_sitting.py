"""The sitting tracker: spells, natural breaks, clock jumps, locks and day rollover."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from deskbreak.core.sitting import EndReason, SittingTracker, SpellEnded
from deskbreak.core.sitting_day import DayRolledOver
from deskbreak.core.sitting_sample import Sample

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
RESET = 300.0  # idle_reset: 5 minutes
STEP = 30.0


class Desk:
    """Feeds a tracker one sample per STEP, from a script of input and clock events."""

    def __init__(self, reset: float = RESET) -> None:
        self.tracker = SittingTracker(reset)
        self.mono = 0.0
        self.wall = START
        self.last_input = 0.0
        self.events: list[object] = []

    def sample(self, locked: bool = False, idle: float | None | str = "auto") -> None:
        value = self.mono - self.last_input if idle == "auto" else idle
        assert not isinstance(value, str)
        self.events += self.tracker.feed(Sample(self.mono, self.wall, value, locked))

    def work(self, seconds: float) -> None:
        """Type without pause for ``seconds``, sampled every STEP."""
        for _ in range(int(seconds // STEP)):
            self.mono += STEP
            self.wall += timedelta(seconds=STEP)
            self.last_input = self.mono
            self.sample()

    def idle(self, seconds: float, locked: bool = False) -> None:
        for _ in range(int(seconds // STEP)):
            self.mono += STEP
            self.wall += timedelta(seconds=STEP)
            self.sample(locked=locked)

    def suspend(self, seconds: float, idle_counter_too: bool = False) -> None:
        """The monotonic clock stands still; the idle counter may run on (Windows)."""
        self.wall += timedelta(seconds=seconds)
        if idle_counter_too:
            self.last_input -= seconds

    def ended(self) -> list[SpellEnded]:
        return [e for e in self.events if isinstance(e, SpellEnded)]


def test_continuous_typing_is_one_growing_spell() -> None:
    desk = Desk()
    desk.sample()
    desk.work(1800)
    assert desk.tracker.in_spell
    assert desk.tracker.spell_seconds == 1800
    assert desk.tracker.today.sitting_seconds == 1800
    assert desk.ended() == []


def test_short_idle_stays_in_the_spell_and_counts_as_sitting() -> None:
    desk = Desk()
    desk.sample()
    desk.work(600)
    desk.idle(240)  # reading for 4 minutes
    desk.work(600)
    assert desk.ended() == []
    assert desk.tracker.spell_seconds == 1440


def test_a_gap_of_idle_reset_ends_the_spell_when_input_stopped() -> None:
    desk = Desk()
    desk.sample()
    desk.work(1200)
    desk.idle(600)
    [ended] = desk.ended()
    assert ended.reason is EndReason.NATURAL
    assert ended.seconds == 1200
    assert ended.ended == START + timedelta(seconds=1200)
    assert not desk.tracker.in_spell
    today = desk.tracker.today
    assert today.sitting_seconds == 1200  # the provisional tail was taken back
    assert today.natural_breaks == 1
    assert today.longest_spell_seconds == 1200


def test_coming_back_starts_a_new_spell() -> None:
    desk = Desk()
    desk.sample()
    desk.work(1200)
    desk.idle(900)
    desk.work(600)
    # Samples show the last input only: the first input after a break is seen late,
    # so a new spell may start up to one sample interval late (never early).
    assert desk.tracker.spell_seconds == 600 - STEP
    assert desk.tracker.today.sitting_seconds == 1800 - STEP
    assert desk.tracker.today.longest_spell_seconds == 1200


def test_a_gap_first_seen_as_fresh_input_still_ends_the_spell() -> None:
    """Sampling stalled (a busy machine): the next sample shows new input after a long gap."""
    desk = Desk()
    desk.sample()
    desk.work(600)
    # Input stopped at 600 s, came back at 1500 s; nobody looked in between.
    desk.mono, desk.wall = 1530.0, START + timedelta(seconds=1530)
    desk.last_input = 1500.0
    desk.sample()
    [ended] = desk.ended()
    assert ended.seconds == 600
    assert desk.tracker.spell_seconds == 30


def test_suspend_over_lunch_is_away_and_ends_the_spell() -> None:
    desk = Desk()
    desk.sample()
    desk.work(1800)
    desk.suspend(3600)
    desk.work(600)
    [ended] = desk.ended()
    assert ended.reason is EndReason.NATURAL
    assert ended.seconds == 1800
    # The jump interval itself is not counted: the new spell began at the first input after it.
    assert desk.tracker.spell_seconds == 600 - STEP
    assert desk.tracker.today.sitting_seconds == 2400 - STEP


def test_a_short_clock_jump_keeps_the_spell_but_adds_nothing() -> None:
    desk = Desk()
    desk.sample()
    desk.work(600)
    desk.suspend(60)  # the clock was set a minute ahead
    desk.work(300)
    assert desk.ended() == []
    assert desk.tracker.spell_seconds == 900 - STEP


def test_the_clock_set_back_adds_nothing() -> None:
    desk = Desk()
    desk.sample()
    desk.work(600)
    desk.suspend(-7200)
    desk.work(300)
    assert desk.tracker.today.sitting_seconds <= 900
    assert desk.tracker.in_spell


@pytest.mark.parametrize("idle_counter_too", [False, True])
def test_idle_after_a_suspend_counts_the_suspend_in_the_gap(idle_counter_too: bool) -> None:
    """Found by the property test: the samples after the jump forgot the time away."""
    desk = Desk()
    desk.sample()
    desk.work(600)
    desk.suspend(180, idle_counter_too)
    desk.idle(90)
    assert desk.tracker.in_spell  # 90 s idle + 180 s away: not yet idle_reset
    desk.idle(30)
    [ended] = desk.ended()
    assert ended.reason is EndReason.NATURAL
    assert ended.seconds == 600
    assert ended.ended == START + timedelta(seconds=600)  # when input stopped
    assert desk.tracker.today.sitting_seconds == 600


def test_a_suspend_the_clock_was_set_back_over_shows_in_the_idle_counter() -> None:
    """Both clocks miss it; an idle counter that runs through a suspend does not."""
    desk = Desk()
    desk.sample()
    desk.work(600)
    desk.suspend(180, idle_counter_too=True)
    desk.wall -= timedelta(seconds=180)
    desk.idle(30)
    assert desk.tracker.today.sitting_seconds == 600  # the interval it showed up in is away
    desk.idle(60)
    assert desk.tracker.in_spell
    desk.idle(30)
    [ended] = desk.ended()
    assert ended.seconds == 600
    assert ended.ended == START + timedelta(seconds=600)
    assert desk.tracker.today.sitting_seconds == 600


def test_time_away_counts_in_the_gap_before_the_next_input() -> None:
    desk = Desk()
    desk.sample()
    desk.work(600)
    desk.suspend(200)
    desk.idle(90)  # 90 s idle + 200 s away: the spell goes on
    assert desk.ended() == []
    desk.work(60)  # input after 120 s idle + 200 s away: a natural break was taken
    [ended] = desk.ended()
    assert ended.seconds == 600
    assert desk.tracker.in_spell


def test_a_suspend_over_an_unwatched_gap_is_still_away() -> None:
    desk = Desk()
    desk.sample()
    desk.work(600)
    desk.tracker.interrupt(desk.wall)
    desk.suspend(400)
    desk.idle(60)  # no input since before the suspend: 60 s idle + 400 s away
    assert not desk.tracker.in_spell
    assert desk.tracker.today.sitting_seconds == 600


def test_a_locked_screen_is_away() -> None:
    desk = Desk()
    desk.sample()
    desk.work(600)
    desk.idle(120, locked=True)
    assert desk.tracker.spell_seconds == 600
    desk.idle(600, locked=True)
    [ended] = desk.ended()
    assert ended.seconds == 600


def test_input_during_a_lock_does_not_count() -> None:
    desk = Desk()
    desk.sample()
    desk.work(600)
    for _ in range(4):  # typing a password while locked: input, but not sitting at work
        desk.mono += STEP
        desk.wall += timedelta(seconds=STEP)
        desk.last_input = desk.mono
        desk.sample(locked=True)
    assert desk.tracker.spell_seconds == 600


def test_without_an_idle_source_every_sampled_interval_is_sitting() -> None:
    desk = Desk()
    desk.sample(idle=None)
    for _ in range(10):
        desk.mono += STEP
        desk.wall += timedelta(seconds=STEP)
        desk.sample(idle=None)
    assert desk.tracker.spell_seconds == 300


def test_interrupt_ends_the_spell_and_the_unwatched_gap_counts_nothing() -> None:
    tracker = SittingTracker(RESET)
    tracker.feed(Sample(0.0, START, None))
    tracker.feed(Sample(30.0, START + timedelta(seconds=30), None))
    ended = tracker.interrupt(START + timedelta(seconds=30))
    assert ended is not None and ended.reason is EndReason.STOPPED and ended.seconds == 30
    tracker.feed(Sample(50000.0, START + timedelta(seconds=50000), None))
    assert tracker.spell_seconds == 0
    assert tracker.today.sitting_seconds == 30


def test_end_spell_keeps_the_tail_as_sitting() -> None:
    desk = Desk()
    desk.sample()
    desk.work(600)
    desk.idle(120)
    ended = desk.tracker.end_spell(desk.wall, EndReason.BREAK)
    assert ended is not None and ended.seconds == 720
    assert desk.tracker.end_spell(desk.wall, EndReason.BREAK) is None


def test_day_rollover_reports_the_previous_day() -> None:
    tracker = SittingTracker(RESET)
    evening = datetime(2026, 3, 2, 23, 58, tzinfo=UTC)
    events: list[object] = []
    for i in range(9):
        events += tracker.feed(Sample(i * 30.0, evening + timedelta(seconds=i * 30), 0.0))
    [rolled] = [e for e in events if isinstance(e, DayRolledOver)]
    assert rolled.previous.day == date(2026, 3, 2)
    # The interval that ends at midnight counts for the new day.
    assert rolled.previous.sitting_seconds == 90
    assert tracker.today.day == date(2026, 3, 3)
    assert tracker.today.sitting_seconds == 150
    assert tracker.in_spell  # the spell goes on across midnight


@pytest.mark.parametrize("idle", [-5.0, 0.0])
def test_odd_idle_values_are_survived(idle: float) -> None:
    tracker = SittingTracker(RESET)
    tracker.feed(Sample(0.0, START, idle))
    tracker.feed(Sample(30.0, START + timedelta(seconds=30), idle))
    assert tracker.spell_seconds == 30


# -- evidence of presence (a call, a video) and what proves the person away ---------------------


def idle_present(desk: Desk, seconds: float) -> None:
    for _ in range(int(seconds // STEP)):
        desk.mono += STEP
        desk.wall += timedelta(seconds=STEP)
        desk.events += desk.tracker.feed(
            Sample(desk.mono, desk.wall, desk.mono - desk.last_input, present=True)
        )


def test_idle_with_evidence_of_presence_is_sitting() -> None:
    desk = Desk()
    desk.sample()
    desk.work(600)
    idle_present(desk, 2400)  # a 40-minute call without a key pressed
    assert desk.ended() == []
    assert desk.tracker.spell_seconds == 3000
    desk.idle(120)  # the call ended: a short idle is still sitting, not a suspend
    assert desk.ended() == []
    assert desk.tracker.spell_seconds == 3120
    desk.idle(180)  # now plain idle for idle_reset since the last evidence
    [ended] = desk.ended()
    assert ended.reason is EndReason.NATURAL
    assert not ended.away_proven  # a guess: no lock, no suspend
    assert ended.seconds == 3000


def test_a_lock_outweighs_evidence_of_presence() -> None:
    desk = Desk()
    desk.sample()
    desk.work(600)
    for _ in range(12):
        desk.mono += STEP
        desk.wall += timedelta(seconds=STEP)
        desk.events += desk.tracker.feed(
            Sample(desk.mono, desk.wall, desk.mono - desk.last_input, locked=True, present=True)
        )
    [ended] = desk.ended()
    assert ended.away_proven
    assert ended.seconds == 600


def test_a_suspend_proves_away() -> None:
    desk = Desk()
    desk.sample()
    desk.work(600)
    desk.suspend(3600)
    desk.work(60)
    [ended] = desk.ended()
    assert ended.away_proven


def test_rejoin_puts_the_spell_and_the_gap_back() -> None:
    desk = Desk()
    desk.sample()
    desk.work(1200)
    desk.idle(600)
    desk.work(300)
    [ended] = desk.ended()
    assert desk.tracker.today.natural_breaks == 1
    before = desk.tracker.today.sitting_seconds
    current = desk.tracker.spell_seconds
    desk.tracker.rejoin(ended.seconds, 600)
    assert desk.tracker.spell_seconds == current + ended.seconds + 600
    assert desk.tracker.today.sitting_seconds == before + 600
    assert desk.tracker.today.natural_breaks == 0
