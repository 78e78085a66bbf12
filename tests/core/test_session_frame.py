"""Looking a moment up in a routine's timelines, without a session or a clock."""

from __future__ import annotations

from deskbreak.core.movements import Step
from deskbreak.core.session_frame import State, frame_at, plan_seconds
from deskbreak.core.settings import BreathingSettings
from deskbreak.core.timeline import GET_READY_SECONDS, Segment, plan_step
from tests.core.session_fixtures import CAT_COW, GLUTE_SQUEEZE

BREATHING = BreathingSettings(inhale_seconds=4, hold_seconds=1, exhale_seconds=6)
STEPS = (Step(CAT_COW), Step(GLUTE_SQUEEZE))
PLANS = tuple(plan_step(step, BREATHING) for step in STEPS)
TOTAL = sum(plan_seconds(plan) for plan in PLANS)


def test_the_start_of_a_step_is_its_get_ready() -> None:
    frame = frame_at(State.RUNNING, STEPS, PLANS, 0, 0.0)
    assert frame.segment is Segment.GET_READY
    assert frame.segment_left == GET_READY_SECONDS
    assert frame.routine_left == TOTAL
    assert frame.routine_seconds == TOTAL


def test_the_time_left_counts_the_later_steps_only() -> None:
    first = plan_seconds(PLANS[0])
    frame = frame_at(State.PAUSED, STEPS, PLANS, 1, 1.0)
    assert frame.step is STEPS[1]
    assert frame.routine_left == TOTAL - first - 1.0


def test_time_past_the_end_of_a_step_stays_on_its_last_span() -> None:
    frame = frame_at(State.RUNNING, STEPS, PLANS, 0, 10_000.0)
    assert frame.segment_left == 0.0
    assert frame.segment_fraction == 1.0


def test_once_the_routine_is_over_the_frame_shows_no_step() -> None:
    frame = frame_at(State.RATING, STEPS, PLANS, 1, 0.0)
    assert frame.step is None and frame.segment is None
    assert frame.routine_left == 0 and frame.routine_seconds == TOTAL
