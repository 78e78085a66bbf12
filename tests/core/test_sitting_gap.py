"""The gap since the last input: time away adds to it, input wipes it, the wall end walks back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from deskbreak.core.sitting_gap import InputGap
from deskbreak.core.sitting_sample import Sample

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)


def test_no_input_seen_means_no_gap_and_every_input_is_new() -> None:
    gap = InputGap()
    assert gap.seconds(500.0) == 0.0
    assert gap.is_new(0.0)


def test_the_gap_runs_from_the_last_input_and_adds_time_away() -> None:
    gap = InputGap()
    gap.input_seen(100.0, Sample(100.0, T0, 0.0))
    assert gap.seconds(160.0) == 60.0
    gap.add_away(600.0, 0.0)
    gap.add_away(-5.0, -5.0)  # a negative away never shortens the gap
    assert gap.seconds(160.0) == 660.0
    assert not gap.is_new(100.0) and gap.is_new(100.5)
    assert not gap.is_new(100.5, slack=1.0)


def test_input_wipes_the_time_away_and_its_proof() -> None:
    gap = InputGap()
    gap.input_seen(100.0, Sample(100.0, T0, 0.0))
    gap.add_away(600.0, 600.0)
    gap.away_proven = True
    gap.input_seen(200.0, Sample(210.0, T0 + timedelta(seconds=710), 10.0))
    assert (gap.away, gap.wall_away, gap.away_proven) == (0.0, 0.0, False)
    assert gap.seconds(230.0) == 30.0
    assert gap.counter_input == 200.0


def test_an_idle_counter_that_ran_through_a_suspend_proves_time_away_once() -> None:
    gap = InputGap()
    gap.input_seen(100.0, Sample(100.0, T0, 0.0))
    # 70 s of monotonic time later the counter says 1 000 s idle: 930 s the clock did not see.
    later = Sample(170.0, T0 + timedelta(seconds=1000), 1000.0)
    assert gap.unseen_away(later) == 930.0
    gap.add_away(930.0, 0.0)
    assert gap.unseen_away(later) == 0.0  # once counted, not unseen any more


def test_without_an_idle_counter_nothing_is_proven() -> None:
    gap = InputGap()
    gap.input_seen(100.0, Sample(100.0, T0, None))
    assert gap.counter_input is None
    assert gap.unseen_away(Sample(170.0, T0, None)) == 0.0


def test_input_stopped_walks_back_over_the_gap_and_the_wall_away() -> None:
    gap = InputGap()
    gap.input_seen(100.0, Sample(100.0, T0, 0.0))
    gap.add_away(3600.0, 3000.0)  # the wall clock saw 3 000 s of the suspend
    ref = Sample(160.0, T0 + timedelta(seconds=3060), 3060.0)
    assert gap.input_stopped(ref) == T0
