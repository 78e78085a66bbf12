"""Active time: only a run adds to it, and the monotonic time it has seen never goes back."""

from __future__ import annotations

from deskbreak.core.active_time import ActiveTime


def test_only_running_time_counts_and_stopping_banks_it() -> None:
    time = ActiveTime(100.0)
    time.advance(110.0)
    assert time.seconds == 0.0
    time.run(110.0)
    time.advance(125.0)
    assert time.seconds == 15.0
    time.stop()
    time.advance(200.0)
    assert time.seconds == time.banked == 15.0
    time.run(200.0)
    time.advance(205.0)
    assert time.seconds == 20.0


def test_time_never_goes_back() -> None:
    time = ActiveTime(50.0)
    time.run(50.0)
    time.advance(60.0)
    time.advance(40.0)
    assert time.now == 60.0 and time.seconds == 10.0
