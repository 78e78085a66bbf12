"""Today's prompt counters (shown, snoozed, skipped, accepted) beside the tracker's figures.

The tracker knows sitting time; only the engine sees the policy's events, so it counts them
here and joins both into the :class:`~deskbreak.core.records.DaySitting` row of the day.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from deskbreak.core.policy_events import BreakStarted, PromptShown, Skipped, Snoozed
from deskbreak.core.records import DaySitting, Trigger
from deskbreak.core.sitting_day import DayFigures


class DayCounts:
    """Counts the day's prompt outcomes; :meth:`reset` when the day closes."""

    def __init__(self) -> None:
        self._counts = DaySitting(date.min)

    def count(self, event: object) -> None:
        counts = self._counts
        if isinstance(event, PromptShown):
            self._counts = replace(counts, prompts_shown=counts.prompts_shown + 1)
        elif isinstance(event, Snoozed):
            self._counts = replace(counts, prompts_snoozed=counts.prompts_snoozed + 1)
        elif isinstance(event, Skipped):
            self._counts = replace(counts, prompts_skipped=counts.prompts_skipped + 1)
        elif isinstance(event, BreakStarted) and event.trigger is Trigger.PROMPT:
            self._counts = replace(counts, prompts_accepted=counts.prompts_accepted + 1)

    def reset(self) -> None:
        self._counts = DaySitting(date.min)

    def today(self, figures: DayFigures) -> DaySitting:
        """The day's row: these counters with the tracker's figures for that day."""
        return replace(
            self._counts,
            day=figures.day,
            sitting_seconds=figures.sitting_seconds,
            longest_spell_seconds=figures.longest_spell_seconds,
            natural_breaks=figures.natural_breaks,
        )
