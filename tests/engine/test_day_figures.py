"""Today's sitting figures into the log: now and then, and added to an earlier run's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from deskbreak.core.records import DaySitting
from deskbreak.engine.day_figures import WRITE_EVERY_SECONDS, DayFiguresWriter, add_days
from deskbreak.shell.store import Store

MONDAY = date(2026, 6, 1)
TUESDAY = date(2026, 6, 2)
MORNING = DaySitting(MONDAY, 7200.0, 3000.0, 2, 3, 1, 1, 1)


class CountingStore(Store):
    """The real store, counting how often the day figures are read."""

    day_reads = 0

    def days(self, since: date | None = None) -> list[DaySitting]:
        self.day_reads += 1
        return super().days(since)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CountingStore]:
    opened = CountingStore.open(tmp_path / "deskbreak.sqlite3")
    assert isinstance(opened, CountingStore)
    yield opened
    opened.close()


def logged(store: Store, day: date) -> DaySitting | None:
    found = [d for d in store.days() if d.day == day]
    return found[0] if found else None


def test_due_at_once_then_every_ten_minutes(store: CountingStore) -> None:
    writer = DayFiguresWriter(store)
    assert writer.due(0.0)
    writer.write(DaySitting(MONDAY, 60.0), 100.0)
    assert not writer.due(100.0)
    assert not writer.due(100.0 + WRITE_EVERY_SECONDS - 1)
    assert writer.due(100.0 + WRITE_EVERY_SECONDS)


def test_nothing_counted_yet_writes_nothing_and_stays_due(store: CountingStore) -> None:
    writer = DayFiguresWriter(store)
    writer.write(DaySitting(date.min), 5.0)
    assert store.days() == []
    assert writer.due(6.0)


def test_a_first_run_writes_its_own_figures(store: CountingStore) -> None:
    writer = DayFiguresWriter(store)
    writer.write(DaySitting(MONDAY, 600.0, 600.0, prompts_shown=1), 0.0)
    assert logged(store, MONDAY) == DaySitting(MONDAY, 600.0, 600.0, prompts_shown=1)


def test_a_restart_adds_to_the_mornings_figures(store: CountingStore) -> None:
    store.record_day(MORNING)
    writer = DayFiguresWriter(store)  # the app started again: counting from zero
    writer.write(DaySitting(MONDAY, 600.0, 4000.0, 1, 1, 1, 0, 0), 0.0)
    assert logged(store, MONDAY) == DaySitting(MONDAY, 7800.0, 4000.0, 3, 4, 2, 1, 1)

    # A later write of the same run replaces its own part, not adds it twice.
    writer.write(DaySitting(MONDAY, 1200.0, 4000.0, 2, 1, 1, 0, 0), 700.0)
    assert logged(store, MONDAY) == DaySitting(MONDAY, 8400.0, 4000.0, 4, 4, 2, 1, 1)


def test_the_earlier_run_is_read_once_a_day(store: CountingStore) -> None:
    store.record_day(MORNING)
    writer = DayFiguresWriter(store)
    for minute in range(1, 4):
        writer.write(DaySitting(MONDAY, 60.0 * minute), 600.0 * minute)
    assert store.day_reads == 1
    writer.write(DaySitting(TUESDAY, 60.0), 3000.0)
    assert store.day_reads == 2


def test_a_new_day_starts_from_that_days_own_log(store: CountingStore) -> None:
    store.record_day(MORNING)
    writer = DayFiguresWriter(store)
    writer.write(DaySitting(MONDAY, 600.0), 0.0)
    writer.write(DaySitting(TUESDAY, 300.0, 300.0), 700.0)
    assert logged(store, TUESDAY) == DaySitting(TUESDAY, 300.0, 300.0)
    assert logged(store, MONDAY) == add_days(MORNING, DaySitting(MONDAY, 600.0))


def test_add_days_sums_counts_and_keeps_the_longest_spell() -> None:
    later = DaySitting(MONDAY, 100.0, 5000.0, 1, 2, 3, 4, 5)
    assert add_days(MORNING, later) == DaySitting(MONDAY, 7300.0, 5000.0, 3, 5, 4, 5, 6)
    assert add_days(later, MORNING).longest_spell_seconds == 5000.0


def test_add_days_of_two_different_days_keeps_the_later() -> None:
    later = DaySitting(TUESDAY, 100.0)
    assert add_days(MORNING, later) == later
