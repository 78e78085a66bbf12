"""Movement timelines: the breath pace of each phase and the spans of a step."""

from __future__ import annotations

from deskbreak.core.movements import Step
from deskbreak.core.settings import BreathingSettings
from deskbreak.core.timeline import (
    GET_READY_SECONDS,
    SWITCH_SIDES_SECONDS,
    Segment,
    Side,
    breath_pace,
    plan_step,
    step_seconds,
)
from tests.core.session_fixtures import CAT_COW, GLUTE_SQUEEZE, SIDE_LIFT

BREATHING = BreathingSettings(inhale_seconds=4, hold_seconds=1, exhale_seconds=6)


def test_soften_follows_the_users_breathing_with_its_hold() -> None:
    pace = breath_pace(CAT_COW, BREATHING)
    assert (pace.inhale, pace.hold, pace.exhale) == (4, 1, 6)


def test_organize_uses_its_own_seconds_without_a_breath_hold() -> None:
    pace = breath_pace(GLUTE_SQUEEZE, BREATHING)
    assert (pace.inhale, pace.hold, pace.exhale) == (3, 0, 5)


def test_strengthening_never_holds_the_breath() -> None:
    pace = breath_pace(SIDE_LIFT, BreathingSettings(4, 2, 6))
    assert (pace.inhale, pace.hold, pace.exhale) == (3, 0, 2)
    assert all(s.kind is not Segment.HOLD for s in plan_step(Step(SIDE_LIFT), BREATHING))


def test_per_side_plan_switches_sides_once() -> None:
    spans = plan_step(Step(SIDE_LIFT), BREATHING)
    kinds = [s.kind for s in spans]
    assert kinds[0] is Segment.GET_READY
    assert kinds.count(Segment.SWITCH_SIDES) == 1
    assert [s.side for s in spans if s.kind is Segment.EXHALE] == [Side.LEFT] * 2 + [Side.RIGHT] * 2
    assert (
        step_seconds(Step(SIDE_LIFT), BREATHING) == GET_READY_SECONDS + SWITCH_SIDES_SECONDS + 4 * 5
    )
