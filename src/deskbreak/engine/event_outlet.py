"""The one door engine events leave by: counted for the day, a prompt given its question.

Every event the engine, its idle reader and its ritual schedule publish goes through here,
so none can miss the day's prompt counters (shown, snoozed, skipped, accepted) or reach a
prompt without the pending "Were you up just now?" question. The day's close goes out here
too, because its row is built from those counters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from deskbreak.core.policy_events import PromptShown
from deskbreak.core.records import DaySitting
from deskbreak.core.sitting_day import DayFigures
from deskbreak.engine.day_counts import DayCounts
from deskbreak.engine.events import DayClosed, EngineEvent
from deskbreak.engine.were_you_up import WereYouUp


class EventOutlet:
    """Hands events to ``emit`` (the app's handler) in order, keeping today's counts."""

    def __init__(self, emit: Callable[[EngineEvent], None], gaps: WereYouUp) -> None:
        self._emit = emit
        self._gaps = gaps
        self._counts = DayCounts()

    def publish(self, *events: EngineEvent) -> None:
        for event in events:
            if isinstance(event, PromptShown):
                event = replace(event, question=self._gaps.take_question())
            self._counts.count(event)
            self._emit(event)

    def close_day(self, figures: DayFigures) -> None:
        """The day rolled over: its row (``figures`` with the counts) goes out as
        :class:`DayClosed`, and the counting starts again for the new day."""
        closed = DayClosed(self.today(figures))
        self._counts.reset()
        self.publish(closed)

    def today(self, figures: DayFigures) -> DaySitting:
        """The day's row so far: the tracker's ``figures`` with today's prompt counts."""
        return self._counts.today(figures)
