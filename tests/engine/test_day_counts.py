"""DayCounts: the day's prompt outcomes joined to the tracker's figures."""

from __future__ import annotations

from datetime import date

from deskbreak.core.policy_events import BreakStarted, PromptShown, Skipped, Snoozed
from deskbreak.core.records import Trigger
from deskbreak.core.sitting_day import DayFigures
from deskbreak.engine.day_counts import DayCounts

DAY = date(2026, 3, 2)


def test_prompt_outcomes_are_counted_and_joined_to_the_day_figures() -> None:
    counts = DayCounts()
    for event in (
        PromptShown(1500.0, "quick-reset", repeat=False, can_snooze=True),
        Snoozed(1, 2, 100.0),
        PromptShown(1800.0, "quick-reset", repeat=True, can_snooze=True),
        BreakStarted(Trigger.PROMPT, 1800.0),
        BreakStarted(Trigger.TRAY, 10.0),  # not an accepted prompt
        Skipped(60.0),
    ):
        counts.count(event)
    today = counts.today(DayFigures(DAY, 3600.0, 1800.0, 2))
    assert (today.prompts_shown, today.prompts_snoozed) == (2, 1)
    assert (today.prompts_accepted, today.prompts_skipped) == (1, 1)
    assert (today.day, today.sitting_seconds, today.natural_breaks) == (DAY, 3600.0, 2)
    counts.reset()
    assert counts.today(DayFigures(DAY)).prompts_shown == 0
