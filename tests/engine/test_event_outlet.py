"""The engine's one way out for events: prompts get the pending question, the day is counted."""

from __future__ import annotations

from datetime import UTC, date, datetime

from deskbreak.core.context import GapKind, GapQuestion
from deskbreak.core.policy_events import PromptShown, Skipped, Snoozed
from deskbreak.core.sitting_day import DayFigures
from deskbreak.engine.event_outlet import EventOutlet
from deskbreak.engine.events import DayClosed, EngineEvent

QUESTION = GapQuestion(GapKind.SHORT, datetime(2026, 3, 2, 11, 5, tzinfo=UTC), 600.0, 1800.0)
MONDAY = DayFigures(date(2026, 3, 2), sitting_seconds=7200.0, natural_breaks=2)


class OneQuestion:
    """Stands in for WereYouUp: one question waiting, taken once."""

    def __init__(self) -> None:
        self.pending: GapQuestion | None = QUESTION

    def take_question(self) -> GapQuestion | None:
        question, self.pending = self.pending, None
        return question


def prompt() -> PromptShown:
    return PromptShown(3000.0, "hips-midback", repeat=False, can_snooze=True)


def test_events_go_out_in_order_and_only_the_first_prompt_gets_the_question() -> None:
    emitted: list[EngineEvent] = []
    outlet = EventOutlet(emitted.append, OneQuestion())  # type: ignore[arg-type]
    outlet.publish(prompt(), Snoozed(1, 2, 600.0))
    outlet.publish(prompt())
    assert [type(e) for e in emitted] == [PromptShown, Snoozed, PromptShown]
    first, _snoozed, second = emitted
    assert isinstance(first, PromptShown) and first.question == QUESTION
    assert isinstance(second, PromptShown) and second.question is None


def test_the_day_closes_with_its_counts_and_the_counting_starts_again() -> None:
    emitted: list[EngineEvent] = []
    outlet = EventOutlet(emitted.append, OneQuestion())  # type: ignore[arg-type]
    outlet.publish(prompt(), Snoozed(1, 2, 600.0), prompt(), Skipped(3600.0))
    assert outlet.today(MONDAY).prompts_shown == 2
    outlet.close_day(MONDAY)
    closed = emitted[-1]
    assert isinstance(closed, DayClosed)
    assert closed.figures.day == MONDAY.day and closed.figures.sitting_seconds == 7200.0
    assert (closed.figures.prompts_shown, closed.figures.prompts_snoozed) == (2, 1)
    assert closed.figures.prompts_skipped == 1
    assert outlet.today(MONDAY).prompts_shown == 0
