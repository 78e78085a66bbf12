"""A movement laid out in time: a short "get ready", then one breath cycle per rep.

Pure arithmetic over a :class:`Step` and the user's breathing pace; the break session
looks its clock up in these timelines.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from deskbreak.core.movements import Movement, Phase, Step
from deskbreak.core.routines import TRANSITION_SECONDS, breath_seconds
from deskbreak.core.settings import BreathingSettings

GET_READY_SECONDS = TRANSITION_SECONDS  # "next: …, get ready" before each movement
SWITCH_SIDES_SECONDS = 3.0


class Segment(StrEnum):
    GET_READY = "get ready"
    SWITCH_SIDES = "switch sides"
    INHALE = "inhale"
    HOLD = "hold"
    EXHALE = "exhale"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class BreathPace:
    inhale: float
    hold: float
    exhale: float

    @property
    def cycle(self) -> float:
        return self.inhale + self.hold + self.exhale


def breath_pace(movement: Movement, breathing: BreathingSettings) -> BreathPace:
    """The seconds of one breath, as :func:`routines.breath_seconds` sets them (the user's
    pause only in soften); strengthening never holds the breath — exhale on effort
    (CONTENT.md §2, Valsalva), whatever the library says."""
    inhale, hold, exhale = breath_seconds(movement, breathing)
    if movement.phase is Phase.STRENGTHEN:
        hold = 0.0
    return BreathPace(inhale, hold, exhale)


@dataclass(frozen=True)
class Span:
    """One stretch of a movement's timeline."""

    kind: Segment
    start: float  # seconds from the start of the step
    seconds: float
    rep: int  # 1-based breath cycle within the side; 0 outside cycles
    side: Side | None


def plan_step(step: Step, breathing: BreathingSettings) -> tuple[Span, ...]:
    """The timeline of one step: get ready, then per side one breath cycle per count."""
    pace = breath_pace(step.movement, breathing)
    dose = step.effective_dose
    sides: tuple[Side | None, ...] = (Side.LEFT, Side.RIGHT) if dose.per_side else (None,)
    spans: list[Span] = []
    t = 0.0

    def add(kind: Segment, seconds: float, rep: int, side: Side | None) -> None:
        nonlocal t
        if seconds > 0:
            spans.append(Span(kind, t, seconds, rep, side))
            t += seconds

    add(Segment.GET_READY, GET_READY_SECONDS, 0, sides[0])
    for index, side in enumerate(sides):
        if index:
            add(Segment.SWITCH_SIDES, SWITCH_SIDES_SECONDS, 0, side)
        for rep in range(1, max(dose.count, 1) + 1):
            add(Segment.INHALE, pace.inhale, rep, side)
            add(Segment.HOLD, pace.hold, rep, side)
            add(Segment.EXHALE, pace.exhale, rep, side)
    return tuple(spans)


def step_seconds(step: Step, breathing: BreathingSettings) -> float:
    spans = plan_step(step, breathing)
    return spans[-1].start + spans[-1].seconds


def figure_progress(step: Step, span: Span, fraction: float) -> float:
    """Start → end on the exhale, back on the inhale; a held position stays near its end."""
    fraction = min(max(fraction, 0.0), 1.0)
    holding = step.effective_dose.kind == "hold"
    if span.kind in (Segment.GET_READY, Segment.SWITCH_SIDES):
        return 0.0
    if span.kind is Segment.HOLD:
        return 0.9 if holding and span.rep > 1 else 0.0
    if span.kind is Segment.EXHALE:
        if holding and span.rep > 1:
            return 0.9 + 0.1 * fraction
        return fraction
    # inhale: the first one of a side starts from the start pose
    if span.rep == 1:
        return 0.0
    return 1.0 - 0.1 * fraction if holding else 1.0 - fraction
