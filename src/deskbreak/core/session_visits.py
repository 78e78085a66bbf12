"""The movements a break visited, and for how long: what becomes the session's log record.

Kept apart from :class:`~deskbreak.core.session.BreakSession` because the ledger has one rule of
its own — going back to a movement (same place, same variant) adds to its visit rather than
logging it twice — and that rule is easier to read and test without the session's clock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from deskbreak.core.movements import Step
from deskbreak.core.records import MovementRecord


@dataclass
class Visit:
    """Time spent on one movement (at one variant); merged when the user comes back."""

    index: int
    movement_id: str
    variant: str
    seconds: float = 0.0
    completed: bool = False
    pain_stop: bool = False

    @property
    def key(self) -> tuple[int, str, str]:
        return (self.index, self.movement_id, self.variant)


class VisitLog:
    """The visits of one break, in the order they were first made."""

    def __init__(self, visits: list[Visit] | None = None) -> None:
        self._visits: list[Visit] = visits or []

    def add(
        self, index: int, step: Step, seconds: float, *, completed: bool, pain: bool = False
    ) -> None:
        """Count ``seconds`` more on the step at ``index``; flags only ever turn on."""
        key = (index, step.movement.id, step.variant)
        visit = next((v for v in self._visits if v.key == key), None)
        if visit is None:
            visit = Visit(*key)
            self._visits.append(visit)
        visit.seconds += seconds
        visit.completed = visit.completed or completed
        visit.pain_stop = visit.pain_stop or pain

    def copy(self) -> VisitLog:
        """A copy to add a movement in progress to, leaving this log as it was."""
        return VisitLog([replace(v) for v in self._visits])

    @property
    def completed(self) -> int:
        return sum(1 for v in self._visits if v.completed)

    def records(self) -> tuple[MovementRecord, ...]:
        return tuple(
            MovementRecord(v.movement_id, v.variant, v.completed, round(v.seconds, 1), v.pain_stop)
            for v in self._visits
        )
