"""Local wall time: subtraction and addition through UTC, right across a DST change."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from deskbreak.core.clock import seconds_between
from deskbreak.engine.local_time import minutes_later

BERLIN = ZoneInfo("Europe/Berlin")
BEFORE_SPRING = datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN)  # clocks go 02:00 -> 03:00


def test_minutes_later_counts_real_minutes_across_the_spring_change() -> None:
    later = minutes_later(BEFORE_SPRING, 60)
    assert (later.hour, later.minute) == (3, 30)  # wall-field addition would say 02:30
    assert later.tzinfo is BERLIN
    assert seconds_between(BEFORE_SPRING, later) == 3600.0


def test_seconds_between_counts_real_seconds_across_the_autumn_change() -> None:
    start = datetime(2026, 10, 25, 1, 30, tzinfo=BERLIN)  # clocks go 03:00 -> 02:00
    end = datetime(2026, 10, 25, 3, 30, tzinfo=BERLIN)
    assert seconds_between(start, end) == 3 * 3600.0
