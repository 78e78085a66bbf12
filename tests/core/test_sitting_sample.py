"""Where the last input was, and how far the wall clock moved beyond the monotonic one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from deskbreak.core.sitting_sample import (
    JUMP_TOLERANCE_SECONDS,
    Sample,
    clock_shift,
    counter_moment,
    input_moment,
)

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)


def test_the_last_input_is_the_idle_time_back_from_now() -> None:
    sample = Sample(100.0, T0, idle_seconds=30.0)
    assert counter_moment(sample, 30.0) == 70.0
    assert counter_moment(sample, -5.0) == 100.0  # a counter that went negative is "just now"


def test_clocks_that_agree_show_no_shift() -> None:
    shift, tolerance = clock_shift(
        Sample(160.0, T0 + timedelta(seconds=60), 0.0), Sample(100.0, T0, 0.0)
    )
    assert shift == 0.0
    assert tolerance == JUMP_TOLERANCE_SECONDS + 0.6


def test_a_suspend_shows_as_wall_time_the_monotonic_clock_missed() -> None:
    after = Sample(160.0, T0 + timedelta(hours=1), 0.0)
    shift, _ = clock_shift(after, Sample(100.0, T0, 0.0))
    assert shift == 3600.0 - 60.0


def test_the_input_moment_is_now_without_an_idle_source_or_with_presence() -> None:
    assert input_moment(Sample(100.0, T0, idle_seconds=30.0)) == 70.0
    assert input_moment(Sample(100.0, T0, idle_seconds=None)) == 100.0
    assert input_moment(Sample(100.0, T0, idle_seconds=30.0, present=True)) == 100.0
    # A lock outweighs presence: the idle counter tells when input stopped.
    assert input_moment(Sample(100.0, T0, 30.0, locked=True, present=True)) == 70.0
