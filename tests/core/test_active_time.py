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


def test_a_new_step_counts_from_now_and_runs_on_only_when_running() -> None:
    time = ActiveTime(100.0)
    time.run(100.0)
    time.advance(130.0)
    time.new_step(running=True)
    assert (time.step_from, time.in_step) == (30.0, 0.0)
    time.advance(140.0)
    assert time.in_step == 10.0
    time.new_step(running=False)
    time.advance(200.0)
    assert (time.seconds, time.in_step) == (40.0, 0.0)  # stopped: time passing adds nothing
