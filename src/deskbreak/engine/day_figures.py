"""Today's sitting figures into the log: written now and then, and added to across restarts.

The daemon counts from zero when the app starts; what an earlier run logged for the same
day is read once and added, so a restart never overwrites the morning's figures.
"""

from __future__ import annotations

from datetime import date

from deskbreak.core.records import DaySitting
from deskbreak.shell.store import Store

#: Today's figures are written at most this often (and at day end and on quit).
WRITE_EVERY_SECONDS = 600.0


class DayFiguresWriter:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._written_at: float | None = None
        self._earlier: DaySitting | None = None

    def due(self, monotonic: float) -> bool:
        return self._written_at is None or monotonic - self._written_at >= WRITE_EVERY_SECONDS

    def write(self, figures: DaySitting, monotonic: float) -> None:
        if figures.day == date.min:
            return  # nothing counted yet (outside work hours since start)
        self._store.record_day(add_days(self._earlier_run(figures.day), figures))
        self._written_at = monotonic

    def _earlier_run(self, day: date) -> DaySitting:
        if self._earlier is None or self._earlier.day != day:
            stored = [d for d in self._store.days(since=day) if d.day == day]
            self._earlier = stored[0] if stored else DaySitting(day)
        return self._earlier


def add_days(earlier: DaySitting, later: DaySitting) -> DaySitting:
    """One day's figures from two runs of the app (a restart in between)."""
    if earlier.day != later.day:
        return later
    return DaySitting(
        later.day,
        sitting_seconds=earlier.sitting_seconds + later.sitting_seconds,
        longest_spell_seconds=max(earlier.longest_spell_seconds, later.longest_spell_seconds),
        natural_breaks=earlier.natural_breaks + later.natural_breaks,
        prompts_shown=earlier.prompts_shown + later.prompts_shown,
        prompts_accepted=earlier.prompts_accepted + later.prompts_accepted,
        prompts_snoozed=earlier.prompts_snoozed + later.prompts_snoozed,
        prompts_skipped=earlier.prompts_skipped + later.prompts_skipped,
    )
