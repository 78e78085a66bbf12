"""What a window draws of a break at one moment, looked up from the routine's timelines.

A pure function of the session's state, its steps' timelines and the active seconds spent in the
current step, so the break window and its tests can reason about a moment without a clock or
a running session.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from deskbreak.core.movements import Phase, Step
from deskbreak.core.timeline import Segment, Side, Span, figure_progress


class State(StrEnum):
    READY = "ready"  # made, not started
    RUNNING = "running"
    PAUSED = "paused"
    PAIN_STOPPED = "pain_stopped"  # the pain note is showing; time stands still
    RATING = "rating"  # the routine is over; waiting for the comfort check
    FINISHED = "finished"


@dataclass(frozen=True)
class Frame:
    """Everything the window needs to draw one moment of the break."""

    state: State
    step_index: int
    step: Step | None
    segment: Segment | None
    segment_seconds: float
    segment_left: float
    rep: int
    reps: int
    side: Side | None
    figure_progress: float  # 0 = the figure's start pose, 1 = its end pose (linear)
    routine_left: float
    routine_seconds: float

    @property
    def phase(self) -> Phase | None:
        return self.step.movement.phase if self.step else None

    @property
    def segment_fraction(self) -> float:
        if not self.segment_seconds:
            return 1.0
        return min(max(1.0 - self.segment_left / self.segment_seconds, 0.0), 1.0)

    @property
    def count_down(self) -> int:
        """Whole seconds left, as a person counts them ("breathe in · 4, 3, 2, 1")."""
        return max(math.ceil(self.segment_left - 1e-9), 0)


def plan_seconds(plan: Sequence[Span]) -> float:
    """Length of one step's timeline: where its last span ends."""
    return plan[-1].start + plan[-1].seconds


def frame_at(
    state: State,
    steps: Sequence[Step],
    plans: Sequence[Sequence[Span]],
    index: int,
    in_step: float,
) -> Frame:
    """The frame ``in_step`` active seconds into step ``index``; empty once the routine is over."""
    total = sum(plan_seconds(plan) for plan in plans)
    if state in (State.RATING, State.FINISHED):
        return Frame(state, index, None, None, 0, 0, 0, 0, None, 0, 0, total)
    step, spans = steps[index], plans[index]
    length = plan_seconds(spans)
    t = min(max(in_step, 0.0), length)
    span = next((s for s in spans if t < s.start + s.seconds), spans[-1])
    later = sum(plan_seconds(plan) for plan in plans[index + 1 :])
    return Frame(
        state=state,
        step_index=index,
        step=step,
        segment=span.kind,
        segment_seconds=span.seconds,
        segment_left=span.start + span.seconds - t,
        rep=span.rep,
        reps=max(step.effective_dose.count, 1),
        side=span.side,
        figure_progress=figure_progress(step, span, (t - span.start) / span.seconds),
        routine_left=length - t + later,
        routine_seconds=total,
    )
