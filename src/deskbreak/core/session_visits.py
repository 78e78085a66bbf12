"""The movements a break visited, and for how long: what becomes the session's log record.

Kept apart from :class:`~deskbreak.core.session.BreakSession` because the ledger has rules of
its own — going back to a movement (same place, same variant) adds to its visit rather than
logging it twice; the moving time of the step under way is logged in parts (a pause, a pain
note, the window closing) without counting any second twice; a pain stop decides the outcome —
and those rules are easier to read and test without the session's clock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from deskbreak.core.movements import Step
from deskbreak.core.records import MovementRecord, Outcome


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

    def __init__(self, visits: list[Visit] | None = None, logged: float = 0.0) -> None:
        self._visits: list[Visit] = visits or []
        self.logged = logged  # moving seconds of the step under way already in its visit

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

    def log_moving(
        self, index: int, step: Step, moving: float, *, completed: bool, pain: bool = False
    ) -> None:
        """The step under way, at ``index``, has been moving ``moving`` seconds in all: add the
        part not logged yet. A completion or a pain stop is logged even with no time to add."""
        more = moving - self.logged
        if more <= 0 and not (completed or pain):
            return
        self.add(index, step, max(more, 0.0), completed=completed, pain=pain)
        self.logged += max(more, 0.0)

    def new_step(self) -> None:
        """A step begins (or begins again): none of its moving time is logged yet."""
        self.logged = 0.0

    def copy(self) -> VisitLog:
        """A copy to add a movement in progress to, leaving this log as it was."""
        return VisitLog([replace(v) for v in self._visits], self.logged)

    def outcome(self, reached_end: bool) -> Outcome:
        """A pain stop outweighs all; else completed when the routine ran to its end."""
        if any(v.pain_stop for v in self._visits):
            return Outcome.PAIN_STOP
        return Outcome.COMPLETED if reached_end else Outcome.STOPPED

    @property
    def completed(self) -> int:
        return sum(1 for v in self._visits if v.completed)

    def records(self) -> tuple[MovementRecord, ...]:
        return tuple(
            MovementRecord(v.movement_id, v.variant, v.completed, round(v.seconds, 1), v.pain_stop)
            for v in self._visits
        )
