"""The shipped routines: phases in order, lengths as stated."""

from __future__ import annotations

import pytest

from deskbreak.core.library import load_library
from deskbreak.core.movements import Phase, Posture
from deskbreak.core.routines import (
    breath_seconds,
    duration_seconds,
    load_plans,
    phases_in_order,
    routine_from_plan,
)
from deskbreak.core.settings import BreathingSettings

LIB = load_library()
PLANS = {p.id: p for p in load_plans()}
DEFAULT = BreathingSettings()


def test_the_five_routines_ship() -> None:
    assert set(PLANS) == {
        "quick-reset",
        "hips-midback",
        "walk-break",
        "seated",
        "daily-ritual",
        "wind-down",
    }


@pytest.mark.parametrize("plan", PLANS.values(), ids=lambda p: p.id)
def test_routine_rules(plan) -> None:  # type: ignore[no-untyped-def]
    routine = routine_from_plan(plan, LIB)
    assert len(routine.steps) == len(plan.steps)  # every id resolves
    assert phases_in_order(routine)
    assert routine.steps[0].movement.phase is Phase.SOFTEN
    body = [s for s in routine.steps if s.movement.id != "closing-breath"]
    assert body[-1].movement.phase is Phase.STRENGTHEN
    assert abs(duration_seconds(routine, DEFAULT) - plan.minutes * 60) <= 0.15 * plan.minutes * 60
    ids = [s.movement.id for s in routine.steps]
    assert len(ids) == len(set(ids))


def test_stated_lengths() -> None:
    assert PLANS["quick-reset"].minutes == 2 and PLANS["hips-midback"].minutes == 5
    assert PLANS["seated"].minutes == 3 and 10 <= PLANS["daily-ritual"].minutes <= 15
    assert PLANS["walk-break"].minutes == 4


def test_seated_routine_never_stands() -> None:
    routine = routine_from_plan(PLANS["seated"], LIB)
    assert {s.movement.posture for s in routine.steps} == {Posture.SEATED}


def test_soften_follows_the_users_pace_and_the_rest_do_not() -> None:
    slow = BreathingSettings(inhale_seconds=5, hold_seconds=1, exhale_seconds=8)
    assert breath_seconds(LIB["belly-breathing"], slow) == (5, 1, 8)
    assert breath_seconds(LIB["sit-to-stand"], slow) == (3, 0, 3)


def test_duration_counts_sides() -> None:
    routine = routine_from_plan(PLANS["hips-midback"], LIB)
    stretch = next(s for s in routine.steps if s.movement.id == "hip-flexor-stretch")
    assert duration_seconds(stretch, DEFAULT) == 3 * 2 * (3 + 5) + 5
