"""Time as the core sees it: a fake clock that moves only when told, and DST-safe subtraction."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from deskbreak.core.clock import FakeClock, seconds_between

BERLIN = ZoneInfo("Europe/Berlin")


def test_seconds_between_counts_real_time_across_a_dst_change() -> None:
    # 29 March 2026: Berlin clocks go from 02:00 to 03:00; 01:00 to 04:00 is two real hours.
    start = datetime(2026, 3, 29, 1, tzinfo=BERLIN)
    end = datetime(2026, 3, 29, 4, tzinfo=BERLIN)
    assert (end - start).total_seconds() == 3 * 3600.0  # same tzinfo: wall fields only
    assert seconds_between(start, end) == 2 * 3600.0
    assert seconds_between(end, start) == -2 * 3600.0


def test_a_fake_clock_moves_both_views_or_only_the_wall() -> None:
    clock = FakeClock(datetime(2026, 3, 2, 9, tzinfo=UTC))
    clock.advance(60.0)
    assert (clock.monotonic(), clock.now()) == (1060.0, datetime(2026, 3, 2, 9, 1, tzinfo=UTC))
    clock.suspend(3600.0)
    assert clock.monotonic() == 1060.0
    assert seconds_between(datetime(2026, 3, 2, 9, 1, tzinfo=UTC), clock.now()) == 3600.0
